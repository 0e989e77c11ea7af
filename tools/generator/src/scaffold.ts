import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { PackageConfig } from "./config.ts";
import { GeneratorError } from "./errors.ts";
import { commentText, stringLiteral } from "./escape.ts";
import type { ApiLayout } from "./layout.ts";
import {
  deref,
  type OpenApiDocument,
  type OperationObject,
  type ParameterOrRef,
  type RequestBodyObject,
} from "./openapi-types.ts";
import {
  type AuthPlan,
  authHelpers,
  authImports,
  authOption,
  type CredentialShape,
  credentialsAssertions,
  credentialsDeclaration,
  credentialsExample,
  docComment,
  readAuth,
  usesQuery,
} from "./scaffold-auth.ts";
import { type DefaultServer, defaultServer } from "./scaffold-server.ts";
import { writeIfMissing } from "./write-atomic.ts";

const TEMPLATES = fileURLToPath(new URL("../templates/package/", import.meta.url));

/** What the scaffold needs to know of an operation (a subset of the generator's operation model). */
export interface ScaffoldOperation {
  /** Method name on the client. */
  name: string;
  method: string;
  path: string;
}

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
    credentialsType: `${clientName}Credentials`,
  };
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
  "paths",
  "DEFAULT_BASE_URL",
  "QUERY_AUTH_HEADER",
  "queryAuth",
  "authHeaders",
  "credentialHeaders",
];

/**
 * Creates the handwritten part of a package the first time an API is generated: package.json, README, configs,
 * `src/index.ts` and a first test. The auth option and the default base URL of `src/index.ts` (and the README's
 * example) come from the spec's security schemes and servers. Once the package exists (it has a package.json) nothing
 * is scaffolded again, so handwritten files are never overwritten, nor brought back after a deliberate delete.
 * Returns the files it created, relative to the repo root.
 */
export function scaffoldPackage(
  layout: ApiLayout,
  config: PackageConfig,
  doc: OpenApiDocument,
  operations: readonly ScaffoldOperation[],
): string[] {
  if (existsSync(path.join(layout.packageDir, "package.json"))) return [];
  const names = scaffoldNames(config.clientName);
  const clash = Object.values(names).find((name) => RUNTIME_NAMES.includes(name) || LOCAL_NAMES.includes(name));
  if (clash) {
    throw new GeneratorError(
      path.relative(layout.root, path.join(layout.specDir, "sdk.yaml")),
      `clientName "${config.clientName}" would make src/index.ts declare \`${clash}\`, a name it already uses: ` +
        "set another clientName",
    );
  }
  const values = {
    api: layout.api,
    packageName: config.packageName,
    clientName: config.clientName,
    description: config.description,
    title: config.title,
    titleComment: commentText(config.title).replace(/\s*\n\s*/g, " "),
    runtimeName: `${config.packageName.split("/")[0]}/runtime`,
    testUtilsName: `${config.packageName.split("/")[0]}/test-utils`,
    ...names,
    ...specValues(config, names, doc, operations),
  };
  const created: string[] = [];
  for (const template of listTemplates(TEMPLATES)) {
    const target = path.join(layout.packageDir, template.replace(/\.tmpl$/, ""));
    const json = template.endsWith(".json.tmpl");
    const content = readFileSync(path.join(TEMPLATES, template), "utf8").replace(/\{\{(\w+)\}\}/g, (_, key: string) => {
      const value = (values as Record<string, string | undefined>)[key];
      if (value === undefined) throw new Error(`template ${template} uses unknown placeholder {{${key}}}`);
      return json ? JSON.stringify(value).slice(1, -1) : value;
    });
    if (writeIfMissing(target, content)) created.push(path.relative(layout.root, target));
  }
  return created;
}

/** The placeholders that depend on the spec: auth, base URL, and the examples and tests built on them. */
function specValues(
  config: PackageConfig,
  names: ReturnType<typeof scaffoldNames>,
  doc: OpenApiDocument,
  operations: readonly ScaffoldOperation[],
): Record<string, string> {
  const auth = readAuth(doc);
  const server = defaultServer(doc);
  const shape = auth.shapes[0];
  const hasAuth = shape !== undefined;
  const anyOptions = !auth.required && server.url !== undefined;
  const smoke = operations.find((op) => op.method === "get" && !op.path.includes("{") && !inputRequired(doc, op));

  const runtimeImports = [
    "type ApiClientOptions",
    ...authImports(auth).map((name) => (/^[A-Z]/.test(name) ? `type ${name}` : name)),
    "createApiClient",
    "createRawClient",
    "type RawClient",
  ];

  const declarations: string[] = [];
  if (server.url !== undefined) {
    const variables =
      server.variables.length > 0 ? `, its variables set to their defaults: ${server.variables.join(", ")}` : "";
    declarations.push(
      `${docComment(commentText(`The spec's first server${variables}.`))}\nconst DEFAULT_BASE_URL = ${stringLiteral(server.url)};`,
    );
  }
  if (hasAuth) declarations.push(credentialsDeclaration(auth, names.credentialsType));
  else if (auth.notes.length > 0) {
    const notes = auth.notes.map((note) => `\n${commentText(note)}`).join("");
    const text = `None of the spec's security requirements is supported by the scaffold, so \`auth\` is the runtime's own option (headers, or a provider of them).\n${notes}`;
    declarations.push(docComment(text).replace(/^\/\*\*/, "/*"));
  }

  const omitted = hasAuth || auth.notes.length === 0 ? '"auth" | "baseUrl"' : '"baseUrl"';
  const members: string[] = [];
  if (hasAuth) members.push(authOption(auth, names.credentialsType));
  members.push(baseUrlOption(server));

  const destructured = [
    ...(hasAuth ? ["auth"] : []),
    ...(server.url !== undefined ? ["baseUrl = DEFAULT_BASE_URL"] : []),
    ...(usesQuery(auth) ? ["middleware = []"] : []),
  ];
  const passed = [
    ...(server.url !== undefined ? ["baseUrl"] : []),
    ...(hasAuth
      ? [auth.required ? "auth: authHeaders(auth)" : "auth: auth === undefined ? undefined : authHeaders(auth)"]
      : []),
    ...(usesQuery(auth) ? ["middleware: [queryAuth, ...middleware]"] : []),
  ];
  const apiBody =
    destructured.length === 0
      ? "  return createApiClient<paths>(options);"
      : [
          `  const { ${destructured.join(", ")}, ...rest } = options;`,
          ...(usesQuery(auth) ? ["  // queryAuth first, so that the caller's middleware sees the final URL."] : []),
          `  return createApiClient<paths>({ ...rest, ${passed.join(", ")} });`,
        ].join("\n");

  const readmeOptions = clientOptions(
    server.url === undefined ? stringLiteral(server.example) : undefined,
    shape && credentialsExample(shape, "readme"),
  );
  const standaloneExample = smoke
    ? `${smoke.name}(${names.createApi}(options))`
    : operations[0]
      ? `${operations[0].name}(${names.createApi}(options), input)`
      : `operation(${names.createApi}(options), input)`;

  return {
    runtimeImports: runtimeImports.join(", "),
    declarations: declarations.length > 0 ? `\n${declarations.join("\n\n")}\n` : "",
    optionsType: names.optionsType,
    optionsBase: `Omit<ApiClientOptions, ${omitted}>`,
    optionsMembers: members.join("\n"),
    optionsParam: `options: ${names.optionsType}${anyOptions ? " = {}" : ""}`,
    apiBody,
    helpers: hasAuth ? `\n${authHelpers(auth, names.credentialsType, names.optionsType, config.clientName)}\n` : "",
    standaloneExample: commentText(standaloneExample),
    usageExample: [
      `import { ${names.createClient} } from ${stringLiteral(config.packageName)};`,
      "",
      `const client = ${names.createClient}(${readmeOptions});`,
      ...(smoke ? [`const result = await client.${smoke.name}();`] : []),
    ].join("\n"),
    usageNotes: usageNotes(auth, server, names),
    testOptions: clientOptions("server.url", shape && credentialsExample(shape, "test")) || "{}",
    smokeTests: smoke ? smokeTests(smoke, shape, server, names) : "",
  };
}

function baseUrlOption(server: DefaultServer): string {
  const others =
    server.others.length > 0
      ? ` The spec's other servers: ${server.others.map((url) => `\`${url}\``).join(", ")}.`
      : "";
  const text =
    server.url !== undefined
      ? `Defaults to \`${server.url}\`.${others}`
      : `Root URL of the API, e.g. \`${server.example}\`. Required: ${server.missing}.${others}`;
  return `${docComment(commentText(text), "  ")}\n  baseUrl${server.url !== undefined ? "?" : ""}: string;`;
}

/** `{ baseUrl: ..., auth: ... }`, or "" when neither is given. */
function clientOptions(baseUrl: string | undefined, credentials: string | undefined): string {
  const entries = [...(baseUrl ? [`baseUrl: ${baseUrl}`] : []), ...(credentials ? [`auth: ${credentials}`] : [])];
  return entries.length > 0 ? `{ ${entries.join(", ")} }` : "";
}

function usageNotes(auth: AuthPlan, server: DefaultServer, names: ReturnType<typeof scaffoldNames>): string {
  const lines: string[] = [];
  if (server.url !== undefined) {
    lines.push(`Requests go to \`${server.url}\` (the spec's first server); the \`baseUrl\` option changes that.`);
  } else {
    lines.push(`The \`baseUrl\` option is required: ${server.missing}.`);
  }
  if (auth.shapes.length > 1) {
    const shapes = auth.shapes.map((shape) => `\`{ ${shape.keys.join(", ")} }\` (${shape.schemes.join(" + ")})`);
    lines.push(`\`auth\` takes one of: ${shapes.join(", ")}.`);
  }
  if (auth.shapes.length > 0) {
    const optional = auth.required ? "" : " It is optional: some operations need no credentials.";
    lines.push(
      `\`auth\` also takes an async function returning the credentials, called before every request.${optional}`,
    );
    lines.push(`See \`${names.credentialsType}\` for where each credential is sent.`);
  }
  return lines.join(" ");
}

function smokeTests(
  op: ScaffoldOperation,
  shape: CredentialShape | undefined,
  server: DefaultServer,
  names: ReturnType<typeof scaffoldNames>,
): string {
  const credentials = shape && credentialsExample(shape, "test");
  const pathname = new URL(op.path, "http://localhost").pathname;
  const out = [
    "",
    `  it(${stringLiteral(`${op.name} sends its method, path${shape ? " and credentials" : ""}`)}, async () => {`,
    `    const client = ${names.createClient}(${clientOptions("server.url", credentials)});`,
    `    await client.${op.name}();`,
    "    const request = server.requests.at(-1);",
    `    expect(request?.method).toBe("GET");`,
    `    expect(request?.path).toBe(${stringLiteral(pathname)});`,
    ...(shape ? credentialsAssertions(shape).map((line) => `    ${line}`) : []),
    "  });",
  ];
  if (server.url !== undefined) {
    const fetchOption = [
      "fetch: async (request: Request) => {",
      "        urls.push(request.url);",
      '        return new Response("{}", { headers: { "content-type": "application/json" } });',
      "      },",
    ].join("\n");
    out.push(
      "",
      `  it("defaults to the spec's server", async () => {`,
      "    const urls: string[] = [];",
      `    const client = ${names.createClient}({`,
      ...(credentials ? [`      auth: ${credentials},`] : []),
      `      ${fetchOption}`,
      "    });",
      `    await client.${op.name}();`,
      `    expect(urls[0]?.split("?")[0]).toBe(${stringLiteral(`${server.url}${pathname}`)});`,
      "  });",
    );
  }
  return `${out.join("\n")}\n`;
}

/** Whether an operation has a required input key: a path parameter, a required parameter or a required body. */
function inputRequired(doc: OpenApiDocument, op: ScaffoldOperation): boolean {
  const item = doc.paths[op.path] as Record<string, unknown> | undefined;
  const operation = item?.[op.method] as OperationObject | undefined;
  const parameters = [...((item?.parameters as ParameterOrRef[]) ?? []), ...(operation?.parameters ?? [])];
  const required = parameters.some((parameter) => {
    const resolved = deref<{ in?: string; required?: boolean } | undefined>(doc, parameter);
    return resolved?.in === "path" || resolved?.required === true;
  });
  const body = operation?.requestBody && deref<RequestBodyObject | undefined>(doc, operation.requestBody);
  return required || body?.required === true;
}

function listTemplates(dir: string, prefix = ""): string[] {
  return readdirSync(path.join(dir, prefix), { withFileTypes: true })
    .flatMap((entry) =>
      entry.isDirectory() ? listTemplates(dir, path.join(prefix, entry.name)) : [path.join(prefix, entry.name)],
    )
    .sort();
}
