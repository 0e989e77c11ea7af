/** Small inline specs for the diff tests: every test states only the part of the document it changes. */
import { diffSpecs } from "../src/diff.ts";
import { loadSpecText } from "../src/load.ts";

/** A whole OpenAPI 3.1 document around `paths` (already indented by 2) and optional top-level YAML. */
export function spec(paths: string, top = ""): string {
  return `openapi: 3.1.0\ninfo: { title: Test, version: "1" }\n${top}paths:\n${paths}`;
}

/** `POST /things` taking `requestSchema` and returning `responseSchema`, both as YAML flow maps. */
export function postThings(requestSchema: string, responseSchema = "{ type: object }", extra = ""): string {
  return spec(`  /things:
    post:
      operationId: createThing
${extra}      requestBody:
        required: true
        content:
          application/json:
            schema: ${requestSchema}
      responses:
        "200":
          description: OK
          content:
            application/json:
              schema: ${responseSchema}
`);
}

/** `GET /things` with the given parameters (a YAML flow sequence). */
export function getThings(parameters: string, top = "", operationExtra = ""): string {
  return spec(
    `  /things:
    get:
      operationId: listThings
      parameters: ${parameters}
${operationExtra}      responses:
        "200": { description: OK }
`,
    top,
  );
}

export async function diff(before: string, after: string) {
  return diffSpecs(await loadSpecText(before), await loadSpecText(after));
}

/** Changes without operationId, which every operation test would otherwise repeat. */
export async function diffBrief(before: string, after: string) {
  return (await diff(before, after)).map(({ level, where, message }) => ({ level, where, message }));
}

/** One operation of `api()`: every part is YAML flow text; `operationId: null` leaves it out. */
export interface Op {
  method?: string;
  path?: string;
  operationId?: string | null;
  /** A flow sequence of parameters. */
  parameters?: string;
  /** The request body's schema, under each of `media` (default application/json). */
  body?: string;
  media?: string[];
  bodyRequired?: boolean;
  /** The 200 response's `content` map; "" for a response without content. */
  response?: string;
}

const JSON_OBJECT_RESPONSE = "{ application/json: { schema: { type: object, properties: { id: { type: string } } } } }";

/** A document with these operations (default: `POST /things`, operationId createThing, a JSON object response). */
export function api(...ops: Op[]): string {
  const byPath = new Map<string, string[]>();
  for (const op of ops) {
    const lines = [`    ${op.method ?? "post"}:`];
    const id = op.operationId === undefined ? "createThing" : op.operationId;
    if (id !== null) lines.push(`      operationId: ${id}`);
    if (op.parameters) lines.push(`      parameters: ${op.parameters}`);
    if (op.body) {
      lines.push("      requestBody:", `        required: ${op.bodyRequired ?? true}`, "        content:");
      for (const media of op.media ?? ["application/json"]) lines.push(`          ${media}: { schema: ${op.body} }`);
    }
    const content = op.response ?? JSON_OBJECT_RESPONSE;
    lines.push(`      responses: { "200": { description: OK${content ? `, content: ${content}` : ""} } }`);
    const path = op.path ?? "/things";
    byPath.set(path, [...(byPath.get(path) ?? []), ...lines]);
  }
  return spec([...byPath].map(([path, lines]) => `  ${path}:\n${lines.join("\n")}\n`).join(""));
}
