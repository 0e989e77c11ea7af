// Typed calls of the petstore-expanded-30 client, type-checked with the generated package (copied to its test/usage.ts).
// `// @ts-expect-error` lines are calls that must not compile.
import { createPetstoreExpanded30Client } from "../src/index.ts";

/** Exact type equality (no `any` slips through). */
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;

const client = createPetstoreExpanded30Client({ baseUrl: "http://127.0.0.1:1" });

export async function usage(): Promise<void> {
  const pets = await client.findPets({ tags: ["a"], limit: 2 });
  pets[0]?.id satisfies number | undefined;
  const pet = await client.addPet({ name: "x", tag: "y" });
  pet.id satisfies number;
  pet.name satisfies string;
  // @ts-expect-error name is required in NewPet
  await client.addPet({ tag: "y" });
  await client.findPetById({ id: 3 });
  await client.deletePet({ id: 3 });
  const deleted: Equal<Awaited<ReturnType<typeof client.deletePet>>, void> = true;
  void deleted;
}
