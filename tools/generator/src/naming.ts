/** Identifier rules shared by every emitter, so a name is spelt the same everywhere. */

function words(value: string): string[] {
  return value
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean);
}

/** `create_agent` -> `createAgent`, `getChannelIntegrations` stays. */
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

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** Text safe inside a JSDoc block. */
export function jsdocText(value: string): string {
  return value.replace(/\*\//g, "*\\/").trim();
}
