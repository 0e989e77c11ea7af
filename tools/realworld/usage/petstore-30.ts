// Typed calls of the petstore-30 client, type-checked with the generated package (copied to its test/usage.ts).
// `// @ts-expect-error` lines are calls that must not compile.
import { createPetstore30Client } from "../src/index.ts";

/** Exact type equality (no `any` slips through). */
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;

const client = createPetstore30Client({ baseUrl: "http://127.0.0.1:1" });

export async function usage(): Promise<void> {
  const pets = await client.listPets({ limit: 5 });
  pets[0]?.name satisfies string | undefined;
  await client.listPets();
  await client.createPets({ id: 1, name: "rex", tag: "dog" });
  const created: Equal<Awaited<ReturnType<typeof client.createPets>>, void> = true;
  // @ts-expect-error name is required in Pet
  await client.createPets({ id: 1 });
  // @ts-expect-error the body is required
  await client.createPets();
  const pet = await client.showPetById({ petId: "7" });
  pet.id satisfies number;
  // @ts-expect-error petId is a string path parameter
  await client.showPetById({ petId: 7 });
  void created;
}
