// Typed calls of the swagger-petstore client, type-checked with the generated package (copied to its test/usage.ts).
// `// @ts-expect-error` lines are calls that must not compile.
import { createSwaggerPetstoreClient } from "../src/index.ts";

/** Exact type equality (no `any` slips through). */
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;

const client = createSwaggerPetstoreClient({ baseUrl: "http://127.0.0.1:1" });

export async function usage(): Promise<void> {
  const pet = await client.getPetById({ petId: 7 });
  pet.name satisfies string;
  // @ts-expect-error petId is a required path parameter
  await client.getPetById({});
  // @ts-expect-error the input is one flat object, not (petId)
  await client.getPetById(7);

  await client.findPetsByTags({ tags: ["a", "b"] });
  await client.findPetsByTags();
  await client.findPetsByStatus({ status: "sold" });
  await client.deletePet({ petId: 1, api_key: "k" });
  await client.updatePetWithForm({ petId: 1, name: "n", status: "s" });

  await client.addPet({ name: "doggie", photoUrls: [], category: { id: 1, name: "Dogs" } });
  // @ts-expect-error photoUrls is required in Pet and the body is required
  await client.addPet({ name: "doggie" });
  await client.addPet({ name: "doggie", photoUrls: [] }, { contentType: "application/x-www-form-urlencoded" });
  // @ts-expect-error not a media type of addPet's request body
  await client.addPet({ name: "doggie", photoUrls: [] }, { contentType: "text/csv" });

  // PUT /user/{username} with a User body: the path parameter keeps `username`, the body field becomes bodyUsername.
  await client.updateUser({ username: "u1", bodyUsername: "renamed", email: "e@example.com" });
  await client.updateUser({ username: "u1" });
  await client.createUsersWithListInput({ body: [{ username: "a" }] });
  await client.placeOrder();

  await client.uploadFile({ petId: 1, body: new Uint8Array([1, 2]) });
  await client.uploadFile({ petId: 1, additionalMetadata: "m", body: new Blob(["x"]) });

  const token = await client.loginUser({ username: "u", password: "p" });
  const tokenExact: Equal<typeof token, string> = true;
  await client.logoutUser();
  const nothing: Equal<Awaited<ReturnType<typeof client.logoutUser>>, void> = true;
  await client.deletePet({ petId: 1 });
  const gone: Equal<Awaited<ReturnType<typeof client.deletePet>>, void> = true;
  const inventory = await client.getInventory();
  const count: number | undefined = inventory.available;
  void [token, nothing, gone, count, tokenExact];
}
