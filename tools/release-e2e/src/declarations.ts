/**
 * Reads a built declaration file as text, to tell whether a client's `.d.ts` refers to its types package or carries
 * a copy of it. A copy would make `paths` (and every schema) two unrelated types: code typed with the types package
 * would not fit the client.
 */

/** Names declared at the top level of a bundled `.d.ts`: `interface X` and `type X =`, exported or not. */
export function declaredNames(dts: string): string[] {
  return [...dts.matchAll(/^(?:export\s+)?(?:declare\s+)?(?:interface|type)\s+([A-Za-z_$][\w$]*)/gm)].map(
    (match) => match[1] as string,
  );
}

/** Names listed by the `export type { ... }` statements that end a bundled types package. */
export function exportedTypeNames(dts: string): string[] {
  return [...dts.matchAll(/^export type \{([^}]*)\}/gm)].flatMap((match) =>
    (match[1] as string)
      .split(",")
      .map(
        (name) =>
          name
            .trim()
            .split(/\s+as\s+/)
            .pop() ?? "",
      )
      .filter(Boolean),
  );
}
