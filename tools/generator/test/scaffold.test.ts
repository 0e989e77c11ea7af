import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { typeErrors as checkTypes } from "@chat-sdk/test-utils/typecheck";
import { describe, expect, it } from "vitest";
import { generateApi } from "../src/generate.ts";
import { createWorkspace, SCOPE, type Workspace } from "./workspace.ts";

const HANDWRITTEN = [
  "LICENSE",
  "README.md",
  "package.json",
  "src/index.ts",
  "src/testing.ts",
  "test/client.test.ts",
  "tsconfig.json",
  "tsdown.config.ts",
  "vitest.config.ts",
];

/** Created once in the types package (its README and src/generated/ are rewritten by every run). */
const TYPES_PACKAGE_FILES = ["LICENSE", "package.json", "src/index.ts", "tsconfig.json", "tsdown.config.ts"];

const REPO = fileURLToPath(new URL("../../../", import.meta.url));

function read(ws: Workspace, file: string): string {
  return readFileSync(path.join(ws.packageDir, file), "utf8");
}

/** A workspace whose package was generated (and scaffolded) from `fixtures/<fixture>/`. */
async function scaffolded(fixture: string, api = fixture): Promise<Workspace> {
  const ws = createWorkspace(fixture, api);
  await generateApi(ws.root, ws.api);
  return ws;
}

describe("scaffolding of the handwritten package files", () => {
  it("the first run creates every handwritten file and reports it", async () => {
    const ws = createWorkspace();
    const result = await generateApi(ws.root, ws.api);
    expect(result.scaffolded).toEqual([
      ...TYPES_PACKAGE_FILES.map((file) => `packages/petstore-mini-types/${file}`),
      ...HANDWRITTEN.map((file) => `packages/petstore-mini/${file}`),
    ]);
    for (const file of HANDWRITTEN) expect(read(ws, file), file).not.toMatch(/\{\{|\}\}/);
  });

  it("package.json is named in the workspace scope and depends on its runtime and types package", async () => {
    const ws = createWorkspace();
    await generateApi(ws.root, ws.api);
    const pkg = JSON.parse(read(ws, "package.json"));
    expect(pkg.name).toBe(`${SCOPE}/petstore-mini`);
    expect(pkg.description).toBe("A tiny pet store used to test the generator.");
    expect(pkg.dependencies).toEqual({
      [`${SCOPE}/runtime`]: "workspace:*",
      [`${SCOPE}/petstore-mini-types`]: "workspace:*",
    });
    // test-utils comes from the workspace root: a published package.json must not name a private package.
    expect(pkg.devDependencies).toEqual({ msw: "3.0.5" });
    expect(pkg.peerDependencies).toEqual({ msw: "^2.15.0 || ^3.0.5" });
    expect(pkg.peerDependenciesMeta).toEqual({ msw: { optional: true } });
    expect(pkg.exports["./testing"].import.default).toBe("./dist/testing.js");
    expect(pkg.repository.directory).toBe("packages/petstore-mini");
  });

  it("src/index.ts exports create<Pascal>Client built on the generated operations", async () => {
    const ws = createWorkspace();
    await generateApi(ws.root, ws.api);
    const index = read(ws, "src/index.ts");
    expect(index).toContain(
      "export function createPetstoreMiniClient(options: PetstoreMiniClientOptions = {}): PetstoreMiniClient {",
    );
    expect(index).toContain(`from "${SCOPE}/runtime";`);
    expect(index).toContain(
      'import { bindOperations, type Client, type PetstoreMiniOperations, jsonQueryOperations } from "./generated/operations.gen.ts";',
    );
    expect(index).toContain("export function createPetstoreMiniApi(options: PetstoreMiniClientOptions = {}): Client {");
    expect(index).toContain("return bindOperations(createPetstoreMiniApi(options));");
    expect(index).toContain("return createRawClient(createPetstoreMiniApi(options), jsonQueryOperations);");
    expect(index).toContain("export function createPetstoreMiniRawClient(options: PetstoreMiniClientOptions = {})");
    expect(read(ws, "test/client.test.ts")).toContain('import { createPetstoreMiniClient } from "../src/index.ts";');
    expect(read(ws, "README.md")).toMatch(/^# @fixture\/petstore-mini\n/);
    expect(JSON.parse(read(ws, "tsconfig.json")).extends).toBe("../../tsconfig.shared.json");
  });

  it("a second run keeps handwritten edits and scaffolds nothing", async () => {
    const ws = createWorkspace();
    await generateApi(ws.root, ws.api);
    const index = `${read(ws, "src/index.ts")}\nexport const handwritten = true;\n`;
    const pkg = read(ws, "package.json").replace('"version": "0.0.0"', '"version": "1.2.3"');
    writeFileSync(path.join(ws.packageDir, "src/index.ts"), index);
    writeFileSync(path.join(ws.packageDir, "package.json"), pkg);

    const second = await generateApi(ws.root, ws.api);
    expect(second.scaffolded).toEqual([]);
    expect(read(ws, "src/index.ts")).toBe(index);
    expect(read(ws, "package.json")).toBe(pkg);
    expect(second.generated).toHaveLength(5);
  });

  it("once package.json exists, a deliberately deleted handwritten file is not brought back", async () => {
    const ws = createWorkspace();
    await generateApi(ws.root, ws.api);
    rmSync(path.join(ws.packageDir, "README.md"));
    const again = await generateApi(ws.root, ws.api);
    expect(again.scaffolded).toEqual([]);
    expect(existsSync(path.join(ws.packageDir, "README.md"))).toBe(false);
  });

  it("without package.json the package counts as new: missing files are created, existing ones kept", async () => {
    const ws = createWorkspace();
    await generateApi(ws.root, ws.api);
    const index = `${read(ws, "src/index.ts")}\nexport const kept = 1;\n`;
    writeFileSync(path.join(ws.packageDir, "src/index.ts"), index);
    rmSync(path.join(ws.packageDir, "package.json"));
    const again = await generateApi(ws.root, ws.api);
    expect(again.scaffolded).toEqual(["packages/petstore-mini/package.json"]);
    expect(read(ws, "src/index.ts")).toBe(index);
  });

  it("sdk.yaml overrides the package name, client name and description", async () => {
    const ws = createWorkspace();
    const sdk = "packageName: pets\nclientName: Pets\ndescription: 'Pets \"quoted\" client'\n";
    writeFileSync(path.join(path.dirname(ws.specFile), "sdk.yaml"), sdk);
    const result = await generateApi(ws.root, ws.api);
    expect(result.packageName).toBe(`${SCOPE}/pets`);
    const pkg = JSON.parse(read(ws, "package.json"));
    expect(pkg).toMatchObject({ name: `${SCOPE}/pets`, description: 'Pets "quoted" client' });
    expect(read(ws, "src/index.ts")).toContain("export function createPetsClient(");
    expect(ws.readGenerated()["operations.gen.ts"]).toContain("export interface PetsOperations {");
  });
});

describe("names of the scaffolded src/index.ts", () => {
  it("never double a suffix: notes-api gives createNotesApiClient and createNotesApi", async () => {
    const ws = await scaffolded("scaffold-none", "notes-api");
    const index = read(ws, "src/index.ts");
    expect(index).toContain("export interface NotesApiClientOptions ");
    expect(index).toContain("export type NotesApiClient = NotesApiOperations;");
    expect(index).toContain("export function createNotesApiRawClient(");
    expect(index).toContain("export function createNotesApiClient(");
    expect(index).toContain("export function createNotesApi(");
    expect(index).not.toMatch(/ApiApi|ClientClient/);
  });

  it("a client name ending in Client is not doubled either", async () => {
    const ws = createWorkspace("scaffold-none", "status");
    writeFileSync(path.join(path.dirname(ws.specFile), "sdk.yaml"), "clientName: StatusClient\n");
    await generateApi(ws.root, ws.api);
    const index = read(ws, "src/index.ts");
    expect(index).toContain("export function createStatusClient(options: StatusClientOptions = {}): StatusClient {");
    expect(index).toContain("export function createStatusClientApi(");
  });

  it("a client name whose names would shadow the runtime's stops the run, naming sdk.yaml", async () => {
    const ws = createWorkspace("scaffold-none", "api");
    await expect(generateApi(ws.root, ws.api)).rejects.toThrow(
      /specs\/api\/sdk\.yaml: clientName "Api" would make src\/index\.ts declare `ApiClientOptions`, a name it already uses/,
    );
  });
});

describe("auth and base URL of the scaffolded src/index.ts come from the spec", () => {
  it("apiKey in a header: a required { apiKey } option sent as that header; the first server is the default", async () => {
    const ws = await scaffolded("scaffold-api-key-header", "notes-api");
    const index = read(ws, "src/index.ts");
    expect(index).toContain('const DEFAULT_BASE_URL = "https://notes.example.test/v1";');
    expect(index).toContain("export interface NotesApiCredentials {\n");
    expect(index).toContain(
      "  /** API key, sent as the `X-API-Key` header (security scheme `apiKey`). */\n  apiKey: string;",
    );
    expect(index).toContain(
      "  auth: NotesApiCredentials | (() => NotesApiCredentials | Promise<NotesApiCredentials>);",
    );
    expect(index).toContain(
      "  /** Defaults to `https://notes.example.test/v1`. The spec's other servers: `https://sandbox.notes.example.test/v1`. */\n  baseUrl?: string;",
    );
    expect(index).toContain("export function createNotesApiClient(options: NotesApiClientOptions): NotesApiClient {");
    expect(index).toContain('return { "X-API-Key": credentials.apiKey };');
    expect(index).not.toContain("queryAuth");
    const readme = read(ws, "README.md");
    expect(readme).toContain('const client = createNotesApiClient({ auth: { apiKey: "YOUR_API_KEY" } });\n');
    expect(readme).toContain("const result = await client.listNotes();\n");
    expect(readme).toContain("Requests go to `https://notes.example.test/v1`");
    const test = read(ws, "test/client.test.ts");
    expect(test).toContain('createNotesApiClient({ baseUrl: server.url, auth: { apiKey: "test-apiKey" } })');
    expect(test).toContain('expect(request?.headers["x-api-key"]).toBe("test-apiKey");');
    expect(test).toContain('expect(urls[0]?.split("?")[0]).toBe("https://notes.example.test/v1/notes");');
  });

  it("apiKey in the query: a middleware moves it into the URL; a relative server makes baseUrl required", async () => {
    const ws = await scaffolded("scaffold-api-key-query", "weather");
    const index = read(ws, "src/index.ts");
    expect(index).toContain("  /** API key, sent as the `api_key` query parameter (security scheme `key`). */");
    expect(index).toContain('[QUERY_AUTH_HEADER]: new URLSearchParams([["api_key", credentials.apiKey]]).toString()');
    expect(index).toContain("const queryAuth: Middleware = {");
    expect(index).toContain("middleware: [queryAuth, ...middleware]");
    expect(index).not.toContain("DEFAULT_BASE_URL");
    expect(index).toMatch(/Required: the spec's server `\/api\/v3` is relative to\n\s+\* wherever the spec is served/);
    expect(index).toContain("  baseUrl: string;");
    const readme = read(ws, "README.md");
    expect(readme).toContain(
      'createWeatherClient({ baseUrl: "https://api.example.com/api/v3", auth: { apiKey: "YOUR_API_KEY" } });',
    );
    expect(readme).toContain("The `baseUrl` option is required: the spec's server `/api/v3` is relative");
    const test = read(ws, "test/client.test.ts");
    expect(test).toContain('expect(request?.query.api_key).toBe("test-apiKey");');
    expect(test).not.toContain("defaults to the spec's server");
  });

  it("HTTP bearer: { token }; server variables are replaced by their defaults", async () => {
    const ws = await scaffolded("scaffold-bearer", "tasks");
    const index = read(ws, "src/index.ts");
    expect(index).toContain(
      "/** The spec's first server, its variables set to their defaults: `region` = `eu`, `version` = `v2`. */\n" +
        'const DEFAULT_BASE_URL = "https://eu.tasks.example.test/v2";',
    );
    expect(index).toContain(
      "/** Bearer token (JWT), sent as `Authorization: Bearer <token>` (security scheme `bearer`). */",
    );
    expect(index).toContain("return bearerAuth(credentials.token);");
    expect(read(ws, "README.md")).toContain('createTasksClient({ auth: { token: "YOUR_TOKEN" } });');
    expect(read(ws, "test/client.test.ts")).toContain(
      'expect(request?.headers.authorization).toBe("Bearer test-token");',
    );
  });

  it("HTTP basic: { username, password }; no server makes baseUrl required", async () => {
    const ws = await scaffolded("scaffold-basic", "ledger");
    const index = read(ws, "src/index.ts");
    expect(index).toContain("  username: string;\n  password: string;\n");
    expect(index).toContain("return basicAuth(credentials.username, credentials.password);");
    expect(index).toContain("Root URL of the API, e.g. `https://api.example.com`. Required: the spec lists no server.");
    expect(index).toContain("const { auth, ...rest } = options;");
    expect(read(ws, "README.md")).toContain(
      'createLedgerClient({ baseUrl: "https://api.example.com", auth: { username: "YOUR_USERNAME", password: "YOUR_PASSWORD" } });',
    );
    const basic = Buffer.from("test-username:test-password").toString("base64");
    expect(read(ws, "test/client.test.ts")).toContain(`expect(request?.headers.authorization).toBe("Basic ${basic}");`);
  });

  it("OAuth 2: a bearer { token }, optional when some operation is public (security: [])", async () => {
    const ws = await scaffolded("scaffold-oauth2", "calendar");
    const index = read(ws, "src/index.ts");
    expect(index).toContain("OAuth 2 access token (clientCredentials flow: https://auth.example.test/oauth/token)");
    expect(index).toContain(
      "  auth?: CalendarCredentials | (() => CalendarCredentials | Promise<CalendarCredentials>);",
    );
    expect(index).toContain("Optional: some operations of the spec need none.");
    expect(index).toContain(
      "export function createCalendarClient(options: CalendarClientOptions = {}): CalendarClient {",
    );
    expect(index).toContain("auth: auth === undefined ? undefined : authHeaders(auth)");
  });

  it("no security: no auth option at all", async () => {
    const ws = await scaffolded("scaffold-none", "status");
    const index = read(ws, "src/index.ts");
    expect(index).toContain('extends Omit<ApiClientOptions, "auth" | "baseUrl"> {');
    expect(index).not.toMatch(/auth\??:|authHeaders|Credentials/);
    expect(index).toContain("const { baseUrl = DEFAULT_BASE_URL, ...rest } = options;");
    expect(read(ws, "README.md")).toContain("const client = createStatusClient();\n");
  });

  it("several requirements: a union of shapes whose members exclude each other, the rest noted", async () => {
    const ws = await scaffolded("scaffold-mixed", "chat");
    const index = read(ws, "src/index.ts");
    expect(index).toContain(
      [
        " * - `{ authToken, userId }`: security schemes `authToken` + `userId`.",
        " * - `{ token }`: security scheme `bearer`.",
        " * - `{ apiKey }`: security scheme `queryKey`.",
        " * - `{ username, password }`: security scheme `basic`.",
      ].join("\n"),
    );
    expect(index).toContain(
      "`oauth`: not offered, its credentials have the same fields as `bearer` (and are sent the same way).",
    );
    expect(index).toContain("`session`: not offered, its credentials have the same fields as `queryKey`.");
    expect(index).toContain("`digest`: not offered, `digest` is HTTP `digest` authentication; add it here by hand.");
    expect(index).toContain(
      "      token: string;\n      authToken?: never;\n      userId?: never;\n      apiKey?: never;",
    );
    // sendMessage accepts no credentials (`{}`), so `auth` is optional.
    expect(index).toContain("  auth?: ChatCredentials |");
    const checks = index.split("\n").filter((line) => line.trim().startsWith("if (typeof credentials?."));
    expect(checks.map((line) => /credentials\?\.(\w+)/.exec(line)?.[1])).toEqual([
      "authToken",
      "username",
      "token",
      "apiKey",
    ]);
    expect(index).toContain(
      'throw new TypeError("Chat auth needs { authToken, userId } or { token } or { apiKey } or { username, password }");',
    );
  });

  it("text from the spec is escaped in code, comments and package.json", async () => {
    const ws = await scaffolded("scaffold-none", "status");
    const index = read(ws, "src/index.ts");
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the spec's title holds a literal `${x}`
    expect(index).toContain('/**\n * Status *\\/ "API" `${x}` client.');
    expect(index).toContain('const DEFAULT_BASE_URL = "https://status.example.test/a*/\\"b\\"";');
    expect(index).toContain('/** Defaults to `https://status.example.test/a*\\/"b"`. */');
    expect(JSON.parse(read(ws, "package.json")).description).toBe('Public "status" page */ feed');
  });
});

type Method = (input?: object) => Promise<unknown>;
interface ScaffoldedClient {
  readonly [method: string]: unknown;
}
interface ScaffoldedRawClient {
  GET(path: string): Promise<unknown>;
}

/** `create<Name>Client` of a scaffolded src/index.ts (vitest resolves `@fixture/runtime` to the runtime's source). */
async function clientFactory(ws: Workspace, name: string): Promise<(options?: object) => ScaffoldedClient> {
  const module: Record<string, unknown> = await import(path.join(ws.packageDir, "src/index.ts"));
  const create = module[name];
  if (typeof create !== "function") throw new Error(`src/index.ts exports no function ${name}`);
  return create as (options?: object) => ScaffoldedClient;
}

function call(client: ScaffoldedClient, method: string, input?: object): Promise<unknown> {
  const run = client[method];
  if (typeof run !== "function") throw new Error(`the client has no method ${method}`);
  return (run as Method)(input);
}

/** A `fetch` that records every request and answers 200 `{}`. */
function recordingFetch(): { requests: Request[]; fetch: (request: Request) => Promise<Response> } {
  const requests: Request[] = [];
  const fetch = async (request: Request) => {
    requests.push(request);
    return new Response("{}", { headers: { "content-type": "application/json" } });
  };
  return { requests, fetch };
}

describe("the scaffolded src/index.ts at work", () => {
  it("apiKey header: fixed keys and providers (asked per request); the default base URL", async () => {
    const create = await clientFactory(
      await scaffolded("scaffold-api-key-header", "notes-api"),
      "createNotesApiClient",
    );
    const { requests, fetch } = recordingFetch();
    await call(create({ auth: { apiKey: "k-1" }, fetch }), "listNotes");
    let n = 0;
    const rotating = create({ auth: async () => ({ apiKey: `r-${++n}` }), fetch });
    await call(rotating, "listNotes");
    await call(rotating, "listNotes");
    expect(requests.map((request) => request.url)).toEqual(Array(3).fill("https://notes.example.test/v1/notes"));
    expect(requests.map((request) => request.headers.get("x-api-key"))).toEqual(["k-1", "r-1", "r-2"]);
  });

  it("apiKey query: in the URL (encoded), for methods and raw; no internal header left; bodies survive", async () => {
    const ws = await scaffolded("scaffold-api-key-query", "weather");
    const create = await clientFactory(ws, "createWeatherClient");
    const createRaw = (await clientFactory(ws, "createWeatherRawClient")) as unknown as (
      o: object,
    ) => ScaffoldedRawClient;
    const { requests, fetch } = recordingFetch();
    const options = { baseUrl: "https://w.test/api/v3/", auth: { apiKey: "a b&c=d" }, fetch };
    const client = create(options);
    await call(client, "getForecast", { city: "Oslo" });
    await call(client, "addStation", { name: "North" });
    await createRaw(options).GET("/forecast");
    const [forecast, station, raw] = requests;
    expect(forecast?.url).toBe("https://w.test/api/v3/forecast?city=Oslo&api_key=a+b%26c%3Dd");
    expect(station?.url).toBe("https://w.test/api/v3/stations?api_key=a+b%26c%3Dd");
    expect(station?.method).toBe("POST");
    expect(await station?.text()).toBe('{"name":"North"}');
    expect(station?.headers.get("content-type")).toBe("application/json");
    expect(raw?.url).toBe("https://w.test/api/v3/forecast?api_key=a+b%26c%3Dd");
    for (const request of requests) expect(request.headers.get("x-query-auth")).toBeNull();
  });

  it("bearer and basic credentials become the Authorization header", async () => {
    const tasks = await clientFactory(await scaffolded("scaffold-bearer", "tasks"), "createTasksClient");
    const ledger = await clientFactory(await scaffolded("scaffold-basic", "ledger"), "createLedgerClient");
    const { requests, fetch } = recordingFetch();
    await call(tasks({ auth: { token: "t0k" }, fetch }), "listTasks");
    await call(ledger({ baseUrl: "https://l.test", auth: { username: "ü", password: "p:w" }, fetch }), "listEntries");
    expect(requests[0]?.url).toBe("https://eu.tasks.example.test/v2/tasks");
    expect(requests[0]?.headers.get("authorization")).toBe("Bearer t0k");
    expect(requests[1]?.headers.get("authorization")).toBe(`Basic ${Buffer.from("ü:p:w").toString("base64")}`);
  });

  it("a union picks the shape given; no credentials when optional; a wrong shape is an AuthError that hides it", async () => {
    const create = await clientFactory(await scaffolded("scaffold-mixed", "chat"), "createChatClient");
    const { requests, fetch } = recordingFetch();
    await call(create({ auth: { authToken: "at", userId: "u" }, fetch }), "listRooms");
    await call(create({ auth: { token: "tk" }, fetch }), "listRooms");
    await call(create({ auth: { apiKey: "qk" }, fetch }), "listRooms");
    await call(create({ auth: async () => ({ username: "u", password: "p" }), fetch }), "listRooms");
    await call(create({ fetch }), "listRooms");
    const headers = requests.map((request) => Object.fromEntries(request.headers));
    expect(headers[0]).toMatchObject({ "x-auth-token": "at", "x-user-id": "u" });
    expect(headers[1]?.authorization).toBe("Bearer tk");
    expect(requests[2]?.url).toBe("https://chat.example.test/api/rooms?api_key=qk");
    expect(headers[3]?.authorization).toBe(`Basic ${Buffer.from("u:p").toString("base64")}`);
    expect(headers[4]).not.toHaveProperty("authorization");
    const error = await call(create({ auth: { apiKye: "secret-value" }, fetch }), "listRooms").catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "AuthError" });
    expect(String((error as Error).message)).not.toContain("secret-value");
    expect(requests).toHaveLength(5);
  });
});

describe("the scaffolded files compile and pass the repo's lint", () => {
  it("src/index.ts and test/client.test.ts type-check; auth and baseUrl are typed as the spec says", async () => {
    const fixtures = [
      ["scaffold-api-key-header", "notes-api"],
      ["scaffold-api-key-query", "weather"],
      ["scaffold-bearer", "tasks"],
      ["scaffold-basic", "ledger"],
      ["scaffold-oauth2", "calendar"],
      ["scaffold-none", "status"],
      ["scaffold-mixed", "chat"],
    ] as const;
    const spaces = await Promise.all(fixtures.map(([fixture, api]) => scaffolded(fixture, api)));
    const usage = path.join(spaces[0]?.root ?? "", "usage.ts");
    const lines = fixtures.map(([, api], i) => {
      const index = path.join((spaces[i] as Workspace).packageDir, "src/index.ts");
      return `import * as ${api.replace("-", "_")} from ${JSON.stringify(index)};`;
    });
    writeFileSync(
      usage,
      [
        ...lines,
        'notes_api.createNotesApiClient({ auth: { apiKey: "k" } });',
        'notes_api.createNotesApiClient({ auth: async () => ({ apiKey: "k" }), baseUrl: "https://x.test" });',
        "// @ts-expect-error auth is required: every operation needs credentials",
        "notes_api.createNotesApiClient({});",
        "// @ts-expect-error a bearer token is not what this API takes",
        'notes_api.createNotesApiClient({ auth: { token: "t" } });',
        "// @ts-expect-error baseUrl is required: the spec's server is relative",
        'weather.createWeatherClient({ auth: { apiKey: "k" } });',
        'ledger.createLedgerClient({ baseUrl: "https://l.test", auth: { username: "u", password: "p" } });',
        "// @ts-expect-error the password is missing",
        'ledger.createLedgerClient({ baseUrl: "https://l.test", auth: { username: "u" } });',
        "calendar.createCalendarClient();",
        "status.createStatusClient();",
        "// @ts-expect-error this API has no auth option",
        'status.createStatusClient({ auth: { token: "t" } });',
        "chat.createChatClient();",
        'chat.createChatClient({ auth: { authToken: "a", userId: "u" } });',
        "// @ts-expect-error the fields of two requirements at once",
        'chat.createChatClient({ auth: { token: "t", apiKey: "k" } });',
        "",
      ].join("\n"),
    );
    const files = [
      usage,
      ...spaces.flatMap((ws) =>
        ["test/client.test.ts", "src/testing.ts"].map((file) => path.join(ws.packageDir, file)),
      ),
    ];
    expect(typeErrors(files, spaces[0]?.root ?? "", spaces)).toEqual([]);
  }, 60_000);

  it("biome finds nothing to report once it has formatted them (as the CLI does)", async () => {
    const spaces = await Promise.all([
      scaffolded("scaffold-mixed", "chat"),
      scaffolded("scaffold-none", "status"),
      scaffolded("scaffold-api-key-query", "weather"),
    ]);
    for (const ws of spaces) {
      const config = JSON.parse(readFileSync(path.join(REPO, "biome.json"), "utf8"));
      delete config.$schema;
      writeFileSync(path.join(ws.root, "biome.json"), JSON.stringify(config));
      const files = ["src/index.ts", "test/client.test.ts"].map((file) => path.join("packages", ws.api, file));
      const biome = path.join(REPO, "node_modules", ".bin", "biome");
      spawnSync(biome, ["check", "--write", ...files], { cwd: ws.root });
      const check = spawnSync(biome, ["check", ...files], { cwd: ws.root, encoding: "utf8" });
      expect(`${check.stdout}${check.stderr}`, ws.api).toContain("No fixes applied");
      expect(`${check.stdout}${check.stderr}`, ws.api).not.toMatch(/Found \d+ (error|warning|info)/);
      expect(check.status, `${check.stdout}${check.stderr}`).toBe(0);
    }
  });
});

/**
 * Type-checks files with the repo's strict settings, the workspace packages resolved to their sources: the runtime
 * and test-utils of the `@fixture` scope, and vitest from the repo. Returns every diagnostic of a file under /tmp (the
 * scaffolded files) as `file:line: message`. test-utils' spec loader (not used here) gets an untyped stand-in for
 * @redocly/openapi-core, whose types would triple the time this takes.
 */
function typeErrors(files: string[], scratch: string, spaces: Workspace[]): string[] {
  const redocly = path.join(scratch, "redocly-stand-in.d.ts");
  writeFileSync(redocly, "declare const redocly: any;\nexport = redocly;\n");
  const testUtils = path.join(REPO, "tools/test-utils/");
  return checkTypes(files, {
    types: ["node"],
    typeRoots: [path.join(REPO, "node_modules", "@types")],
    paths: {
      [`${SCOPE}/runtime`]: [path.join(REPO, "packages/runtime/src/index.ts")],
      [`${SCOPE}/runtime/testing`]: [path.join(REPO, "packages/runtime/src/testing/index.ts")],
      msw: [path.join(REPO, "packages/runtime/node_modules/msw/lib/core/index.d.ts")],
      [`${SCOPE}/test-utils`]: [path.join(REPO, "tools/test-utils/src/index.ts")],
      "@redocly/openapi-core": [redocly],
      vitest: [path.join(REPO, "node_modules/vitest/dist/index.d.ts")],
      // Each package's types package, from the workspace that has it.
      [`${SCOPE}/*-types`]: spaces.map((ws) => path.join(ws.root, "packages/*-types/src/index.ts")),
    },
    ignore: (fileName) => fileName.startsWith(testUtils),
    relativeTo: "/",
  });
}
