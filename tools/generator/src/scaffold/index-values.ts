/**
 * The placeholders of the scaffolded `src/index.ts` that depend on the spec: runtime imports, the default base URL and
 * credentials type, the options interface (`auth`, `baseUrl`), the body of `create<Name>Api` and the auth helpers.
 */
import { commentText, stringLiteral } from "../escape.ts";
import { authHelpers, authImports, usesQuery } from "./auth-code.ts";
import { authOption, credentialsDeclaration, notesText } from "./auth-declarations.ts";
import type { AuthPlan } from "./auth-model.ts";
import type { DefaultServer } from "./default-server.ts";
import { docComment } from "./doc-comment.ts";
import type { ScaffoldNames } from "./names.ts";

export function indexValues(
  auth: AuthPlan,
  server: DefaultServer,
  names: ScaffoldNames,
  clientName: string,
): Record<string, string> {
  const hasAuth = auth.shapes.length > 0;
  const anyOptions = !auth.required && server.url !== undefined;
  const runtimeImports = [
    "type ApiClientOptions",
    ...authImports(auth).map((name) => (/^[A-Z]/.test(name) ? `type ${name}` : name)),
    "createApiClient",
    "createRawClient",
    "type RawClient",
  ];
  const omitted = hasAuth || auth.notes.length === 0 ? '"auth" | "baseUrl"' : '"baseUrl"';
  const members: string[] = [];
  if (hasAuth) members.push(authOption(auth, names.credentialsType));
  members.push(baseUrlOption(server));
  const declarations = topDeclarations(auth, server, names);
  return {
    runtimeImports: runtimeImports.join(", "),
    declarations: declarations.length > 0 ? `\n${declarations.join("\n\n")}\n` : "",
    optionsBase: `Omit<ApiClientOptions, ${omitted}>`,
    optionsMembers: members.join("\n"),
    optionsParam: `options: ${names.optionsType}${anyOptions ? " = {}" : ""}`,
    apiBody: apiBody(auth, server),
    helpers: hasAuth ? `\n${authHelpers(auth, names.credentialsType, names.optionsType, clientName)}\n` : "",
  };
}

/** `DEFAULT_BASE_URL`, and the credentials type (or, when no requirement is supported, a comment saying why). */
function topDeclarations(auth: AuthPlan, server: DefaultServer, names: ScaffoldNames): string[] {
  const declarations: string[] = [];
  if (server.url !== undefined) {
    const variables =
      server.variables.length > 0 ? `, its variables set to their defaults: ${server.variables.join(", ")}` : "";
    declarations.push(
      `${docComment(commentText(`The spec's first server${variables}.`))}\nconst DEFAULT_BASE_URL = ${stringLiteral(server.url)};`,
    );
  }
  if (auth.shapes.length > 0) declarations.push(credentialsDeclaration(auth, names.credentialsType));
  else if (auth.notes.length > 0) {
    const text = `None of the spec's security requirements is supported by the scaffold, so \`auth\` is the runtime's own option (headers, or a provider of them).\n${notesText(auth)}`;
    declarations.push(docComment(text).replace(/^\/\*\*/, "/*"));
  }
  return declarations;
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

/** The body of `create<Name>Api`: the options as given, or with `auth`, `baseUrl` and `middleware` filled in. */
function apiBody(auth: AuthPlan, server: DefaultServer): string {
  const hasAuth = auth.shapes.length > 0;
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
  if (destructured.length === 0) return "  return createApiClient<paths>(options);";
  return [
    `  const { ${destructured.join(", ")}, ...rest } = options;`,
    ...(usesQuery(auth) ? ["  // queryAuth first, so that the caller's middleware sees the final URL."] : []),
    `  return createApiClient<paths>({ ...rest, ${passed.join(", ")} });`,
  ].join("\n");
}
