/** The names the scaffolded `src/index.ts` declares, and the names they must not clash with. */

/** Names of the scaffolded src/index.ts, from {@link scaffoldNames}. */
export type ScaffoldNames = ReturnType<typeof scaffoldNames>;

/**
 * Names the scaffolded src/index.ts declares. A suffix is never doubled: for `notes-api` (clientName `NotesApi`)
 * they are `createNotesApiClient` and `createNotesApi`, not `createNotesApiApi`; for `RocketChat` they are the
 * `createRocketChatClient` and `createRocketChatApi` of the handwritten packages.
 */
export function scaffoldNames(clientName: string) {
  const clientType = withSuffix(clientName, "Client");
  return {
    clientType,
    optionsType: `${clientType}Options`,
    createClient: `create${clientType}`,
    createApi: `create${withSuffix(clientName, "Api")}`,
    // Its own factory, so that only code that uses the raw client carries openapi-fetch.
    createRaw: `create${clientName}RawClient`,
    credentialsType: `${clientName}Credentials`,
  };
}

/** The first of `names` that src/index.ts already imports or declares for itself, if any. */
export function reservedNameClash(names: ScaffoldNames): string | undefined {
  return Object.values(names).find((name) => RUNTIME_NAMES.includes(name) || LOCAL_NAMES.includes(name));
}

function withSuffix(stem: string, suffix: string): string {
  return stem.endsWith(suffix) ? stem : `${stem}${suffix}`;
}

/** Runtime exports src/index.ts may import: no declared name may be one of them. */
const RUNTIME_NAMES = [
  "ApiClientOptions",
  "AuthProvider",
  "HeaderValues",
  "Middleware",
  "RawClient",
  "basicAuth",
  "bearerAuth",
  "createApiClient",
  "createRawClient",
];
/** Names src/index.ts declares or imports besides the scaffold names. */
const LOCAL_NAMES = [
  "Client",
  "bindOperations",
  "jsonQueryOperations",
  "paths",
  "DEFAULT_BASE_URL",
  "QUERY_AUTH_HEADER",
  "queryAuth",
  "authHeaders",
  "credentialHeaders",
];
