/**
 * Identifier rules shared by every emitter, so a name is spelt the same everywhere. A name from a spec is never
 * trusted: it is cut into ASCII words, then checked against reserved words and the names the generated files use
 * themselves, so whatever the spec says the output declares exactly the names we meant.
 */

function words(value: string): string[] {
  return value
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean);
}

/** `create_agent` -> `createAgent`, `getChannelIntegrations` stays; "" when the value has no ASCII letter or digit. */
export function camelCase(value: string): string {
  const [first = "", ...rest] = words(value);
  const name = first.toLowerCase() + rest.map(capitalize).join("");
  return /^[0-9]/.test(name) ? `_${name}` : name;
}

/** `rocket-chat` -> `RocketChat`, `create_agent` -> `CreateAgent`. */
export function pascalCase(value: string): string {
  const name = words(value).map(capitalize).join("");
  return /^[0-9]/.test(name) ? `_${name}` : name;
}

export function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** Words that cannot name a function, a const or a type alias in a strict-mode ES module. */
const RESERVED_WORDS = new Set(
  (
    "break case catch class const continue debugger default delete do else enum export extends false finally for " +
    "function if import in instanceof new null return super switch this throw true try typeof var void while with " +
    "await implements interface let package private protected public static yield arguments eval undefined " +
    "any boolean never number object string symbol unknown bigint type as async from of get set declare " +
    "infer is keyof module namespace readonly require global satisfies asserts abstract constructor"
  ).split(" "),
);

export function isReservedWord(name: string): boolean {
  return RESERVED_WORDS.has(name);
}

/**
 * Hands out unique identifiers in a deterministic order. A wanted name that is reserved gets a trailing `_`
 * (`delete` -> `delete_`), one already given gets the first free number (`getPet2`).
 */
export class NameRegistry {
  private readonly taken: Set<string>;

  constructor(reserved: Iterable<string> = []) {
    this.taken = new Set(reserved);
  }

  has(name: string): boolean {
    return this.taken.has(name);
  }

  /** Marks a name as used (a name the generated file declares itself). */
  reserve(name: string): void {
    this.taken.add(name);
  }

  /** `wanted`, or the closest free variant of it; `fallback` when `wanted` is empty. */
  claim(wanted: string, fallback = "_"): string {
    let base = wanted || fallback;
    if (isReservedWord(base)) base = `${base}_`;
    let name = base;
    for (let n = 2; this.taken.has(name); n++) name = `${base}${n}`;
    this.taken.add(name);
    return name;
  }
}
