import openapiTS, { astToString } from "openapi-typescript";
import { generatedHeader } from "./header.ts";
import { HTTP_METHODS, isRef, type OpenApiDocument, type ParameterObject } from "./openapi-types.ts";

/**
 * `schema.gen.ts`: `paths`, `components` and `operations` from openapi-typescript's Node API.
 * openapi-typescript types a `content: application/json` query parameter as `string`; we want callers to pass the
 * object and the runtime to encode it, so such parameters get their content schema lifted in a private copy first.
 */
export async function emitSchema(doc: OpenApiDocument, api: string): Promise<string> {
  const copy = structuredClone(doc);
  liftJsonParameters(copy);
  const ast = await openapiTS(copy as never, { silent: true });
  return `${generatedHeader(api)}\n${astToString(ast)}`;
}

function liftJsonParameters(doc: OpenApiDocument): void {
  const lift = (parameter: unknown) => {
    if (isRef(parameter)) return;
    const p = parameter as ParameterObject;
    const schema = p.content?.["application/json"]?.schema;
    if (!schema) return;
    p.schema = schema;
    delete p.content;
  };
  for (const parameter of Object.values((doc.components?.parameters ?? {}) as Record<string, unknown>)) lift(parameter);
  for (const item of Object.values(doc.paths)) {
    for (const parameter of item.parameters ?? []) lift(parameter);
    for (const method of HTTP_METHODS) for (const parameter of item[method]?.parameters ?? []) lift(parameter);
  }
}
