import { GeneratorError } from "./errors.ts";
import { camelCase, pascalCase } from "./naming.ts";
import {
  deref,
  HTTP_METHODS,
  type HttpMethod,
  type OpenApiDocument,
  type OperationObject,
  type ParameterObject,
  type RequestBodyObject,
  type ResponseObject,
  type SchemaObject,
} from "./openapi-types.ts";

/** Everything the emitters need to know about one operation, read once from the bundled spec. */
export interface OperationModel {
  operationId: string;
  /** Method name on the client: camelCase of the operationId. */
  name: string;
  /** PascalCase of the operationId, for type names. */
  typeName: string;
  method: HttpMethod;
  path: string;
  /** Which argument the method takes: the query, the JSON body, the path parameters, or all of them. */
  input: { kind: "none" | "query" | "body" | "path" | "combined"; required: boolean };
  /** Query parameters sent as JSON strings (`content: application/json`). */
  jsonQuery: string[];
  /** Status code of the documented JSON success response, if any. */
  successStatus: string | undefined;
  /** Whether repeating the call is harmless: `x-idempotent`, else HTTP semantics (POST and PATCH are not). */
  idempotent: boolean;
  /** `x-pagination` (offset/count style): the response fields holding the page's items and the total. */
  pagination: { items: string; total: string } | undefined;
  docs: OperationObject;
}

export function readOperations(doc: OpenApiDocument, specFile: string): OperationModel[] {
  const models: OperationModel[] = [];
  const seen = new Map<string, string>();
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const method of HTTP_METHODS) {
      const operation = item[method];
      if (!operation) continue;
      const where = `${method.toUpperCase()} ${path}`;
      if (!operation.operationId) throw new GeneratorError(specFile, `${where} has no operationId`);
      const name = camelCase(operation.operationId);
      const clash = seen.get(name);
      if (clash) throw new GeneratorError(specFile, `${where}: method name "${name}" clashes with ${clash}`);
      seen.set(name, where);
      const parameters = [...(item.parameters ?? []), ...(operation.parameters ?? [])].map((p) =>
        deref<ParameterObject>(doc, p),
      );
      models.push({
        operationId: operation.operationId,
        name,
        typeName: pascalCase(operation.operationId),
        method,
        path,
        input: inputShape(doc, parameters, operation),
        jsonQuery: parameters.filter((p) => p.in === "query" && p.content?.["application/json"]).map((p) => p.name),
        successStatus: successStatus(doc, operation),
        idempotent:
          typeof operation["x-idempotent"] === "boolean"
            ? operation["x-idempotent"]
            : !["post", "patch"].includes(method),
        pagination: readPagination(operation, specFile, where),
        docs: operation,
      });
    }
  }
  return models;
}

function inputShape(doc: OpenApiDocument, parameters: ParameterObject[], operation: OperationObject) {
  const query = parameters.filter((p) => p.in === "query");
  const pathParams = parameters.filter((p) => p.in === "path");
  const body = operation.requestBody ? deref<RequestBodyObject>(doc, operation.requestBody) : undefined;
  const kinds = [query.length > 0 && "query", body && "body", pathParams.length > 0 && "path"].filter(Boolean);
  const queryRequired = query.some((p) => p.required);
  const bodyRequired = body ? bodyHasRequiredFields(doc, body) : false;
  if (kinds.length === 0) return { kind: "none" as const, required: false };
  if (kinds.length > 1) return { kind: "combined" as const, required: true };
  const kind = kinds[0] as "query" | "body" | "path";
  return { kind, required: kind === "path" || (kind === "query" ? queryRequired : bodyRequired) };
}

/** A body is optional for the caller when its schema requires no property (we then send `{}`). */
function bodyHasRequiredFields(doc: OpenApiDocument, body: RequestBodyObject): boolean {
  const media = body.content?.["application/json"];
  if (!media?.schema) return false;
  const schema = deref<SchemaObject>(doc, media.schema);
  // Composed or non-object bodies: we cannot tell cheaply, so the caller must pass one.
  if (schema.allOf || schema.oneOf || schema.anyOf) return true;
  if (schema.type !== undefined && schema.type !== "object") return true;
  return (schema.required?.length ?? 0) > 0;
}

function successStatus(doc: OpenApiDocument, operation: OperationObject): string | undefined {
  for (const [status, response] of Object.entries(operation.responses ?? {})) {
    if (!/^2\d\d$/.test(status)) continue;
    if (deref<ResponseObject>(doc, response).content?.["application/json"]) return status;
  }
  return undefined;
}

function readPagination(operation: OperationObject, specFile: string, where: string) {
  const value = operation["x-pagination"] as { style?: unknown; items?: unknown; total?: unknown } | undefined;
  if (value === undefined) return undefined;
  if (value.style !== "offset-count" || typeof value.items !== "string" || typeof value.total !== "string") {
    throw new GeneratorError(
      specFile,
      `${where}: x-pagination needs { style: offset-count, items: <field>, total: <field> }`,
    );
  }
  return { items: value.items, total: value.total };
}
