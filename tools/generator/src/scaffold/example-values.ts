/**
 * The placeholders of the scaffolded README and test that depend on the spec: a usage example and notes, and smoke
 * tests of one operation that can be called without input (its method, path, credentials and default server).
 */
import { commentText, stringLiteral } from "../escape.ts";
import {
  deref,
  type OpenApiDocument,
  type OperationObject,
  type ParameterOrRef,
  type RequestBodyObject,
} from "../openapi-types.ts";
import { shapeSummary } from "./auth-declarations.ts";
import { credentialsAssertions, credentialsExample } from "./auth-examples.ts";
import type { AuthPlan } from "./auth-model.ts";
import type { CredentialShape } from "./credential-shape.ts";
import type { DefaultServer } from "./default-server.ts";
import type { ScaffoldNames } from "./names.ts";

/** What the scaffold needs to know of an operation (a subset of the generator's operation model). */
export interface ScaffoldOperation {
  /** Method name on the client. */
  name: string;
  method: string;
  path: string;
}

export function exampleValues(
  doc: OpenApiDocument,
  operations: readonly ScaffoldOperation[],
  auth: AuthPlan,
  server: DefaultServer,
  names: ScaffoldNames,
  packageName: string,
): Record<string, string> {
  const shape = auth.shapes[0];
  // The smoke test calls it with no input at all.
  const smoke = operations.find((op) => op.method === "get" && !op.path.includes("{") && !inputRequired(doc, op));
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
    standaloneExample: commentText(standaloneExample),
    usageExample: [
      `import { ${names.createClient} } from ${stringLiteral(packageName)};`,
      "",
      `const client = ${names.createClient}(${readmeOptions});`,
      ...(smoke ? [`const result = await client.${smoke.name}();`] : []),
    ].join("\n"),
    usageNotes: usageNotes(auth, server, names),
    testOptions: clientOptions("server.url", shape && credentialsExample(shape, "test")) || "{}",
    smokeTests: smoke ? smokeTests(smoke, shape, server, names) : "",
  };
}

/** `{ baseUrl: ..., auth: ... }`, or "" when neither is given. */
function clientOptions(baseUrl: string | undefined, credentials: string | undefined): string {
  const entries = [...(baseUrl ? [`baseUrl: ${baseUrl}`] : []), ...(credentials ? [`auth: ${credentials}`] : [])];
  return entries.length > 0 ? `{ ${entries.join(", ")} }` : "";
}

function usageNotes(auth: AuthPlan, server: DefaultServer, names: ScaffoldNames): string {
  const lines: string[] = [];
  if (server.url !== undefined) {
    lines.push(`Requests go to \`${server.url}\` (the spec's first server); the \`baseUrl\` option changes that.`);
  } else {
    lines.push(`The \`baseUrl\` option is required: ${server.missing}.`);
  }
  if (auth.shapes.length > 1) {
    const shapes = auth.shapes.map((shape) => `${shapeSummary(shape)} (${shape.schemes.join(" + ")})`);
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
  names: ScaffoldNames,
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
