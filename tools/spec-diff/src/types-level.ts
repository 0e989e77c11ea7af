/**
 * The bump a spec change needs in an API's types package (`<package>-types`: `paths`, `components`, `operations`,
 * `webhooks`, the schemas and `<Op>Input`/`<Op>Output`, no runtime). Its users are both sides of the API: code that
 * sends requests and reads responses (like the client), and code that receives requests (servers, proxies, mocks,
 * handlers typed with `<Op>Input`). So it takes the client's level for every change, except:
 *
 * - changes the declarations do not hold (security requirements, server URLs: the client's `auth` option and default
 *   base URL) need no release of the types package at all;
 * - a request that may now leave out what it had to send (a required field, parameter or body made optional) breaks
 *   a handler that reads it, so it is major here, though minor for the client.
 *
 * Response types describe what the API sends and keep the client's levels: a new response field is minor, even
 * though code that builds responses (a mock) may have to add it.
 */
import type { LevelOrNone, SpecChange } from "./change.ts";

const NOT_DECLARED = [/^security requirements changed:/, /^server URL changed:/];
const LOOSENED_REQUEST = new Set([
  "required request field made optional",
  "required parameter made optional",
  "required request body made optional",
]);

export function typesLevel(change: SpecChange): LevelOrNone {
  if (NOT_DECLARED.some((pattern) => pattern.test(change.message))) return "none";
  // `servers` edits other than URLs (descriptions, variables) are reported as `changed: <pointer into servers>`.
  if (/^changed: #\/(.*\/)?servers(\/|$)/.test(change.message)) return "none";
  if (LOOSENED_REQUEST.has(change.message)) return "major";
  return change.level;
}

/** The client's changes as the types package sees them: levels adjusted, the ones it does not hold left out. */
export function typesChanges(changes: SpecChange[]): SpecChange[] {
  return changes.flatMap((change) => {
    const level = typesLevel(change);
    return level === "none" ? [] : [{ ...change, level }];
  });
}
