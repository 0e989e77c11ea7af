import { asObject, deepEqual, type Emit, isObject } from "./compare.ts";

/** `[{ authToken: [], userId: [] }]` becomes `["authToken + userId"]`: one entry per alternative. */
function requirements(security: unknown): string[] {
  if (!Array.isArray(security)) return [];
  return security
    .map((requirement) =>
      Object.entries(asObject(requirement))
        .map(([scheme, scopes]) =>
          Array.isArray(scopes) && scopes.length > 0 ? `${scheme}[${scopes.join(",")}]` : scheme,
        )
        .sort()
        .join(" + "),
    )
    .map((alternative) => alternative || "(none)")
    .sort();
}

/** Any change of which schemes a request must carry breaks clients configured for the old ones. */
export function diffSecurity(before: unknown, after: unknown, where: string, emit: Emit) {
  const was = requirements(before);
  const now = requirements(after);
  const added = now.filter((entry) => !was.includes(entry));
  const removed = was.filter((entry) => !now.includes(entry));
  if (added.length === 0 && removed.length === 0) return;
  const parts = [...added.map((entry) => `added ${entry}`), ...removed.map((entry) => `removed ${entry}`)];
  emit("major", where, `security requirements changed: ${parts.join("; ")}`);
}

function urls(servers: unknown): string[] {
  if (!Array.isArray(servers)) return [];
  return servers.filter(isObject).map((server) => String(server.url));
}

/** Generated clients default to the first server URL, so any URL change is major; other server edits are patch. */
export function diffServers(before: unknown, after: unknown, where: string, pointer: string, emit: Emit) {
  const was = urls(before);
  const now = urls(after);
  if (!deepEqual(was, now)) {
    const added = now.filter((url) => !was.includes(url));
    const removed = was.filter((url) => !now.includes(url));
    const parts = [...added.map((url) => `added ${url}`), ...removed.map((url) => `removed ${url}`)];
    emit("major", where, `server URL changed: ${parts.join("; ") || "order changed"}`);
  } else if (!deepEqual(before, after)) {
    emit("patch", where, `changed: ${pointer}`);
  }
}
