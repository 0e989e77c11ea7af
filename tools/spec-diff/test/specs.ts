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
