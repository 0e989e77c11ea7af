import { GeneratorError } from "./errors.ts";
import { type BodyModel, type InputField, operationParameters, type ParamModel, readInput } from "./input-model.ts";
import { preferredResponseMedia, type ValueKind, valueKind } from "./media.ts";
import { camelCase, NameRegistry, pascalCase } from "./naming.ts";
import {
  deref,
  HTTP_METHODS,
  type HttpMethod,
  type OpenApiDocument,
  type OperationObject,
  type ResponseObject,
} from "./openapi-types.ts";

export type { BodyModel, InputField, ParamModel };

/** Everything the emitters need to know about one operation, read once from the bundled spec. */
export interface OperationModel {
  /** The spec's operationId, or `<METHOD> <path>` when it has none (the runtime's `operationId` on errors). */
  operationId: string;
  hasOperationId: boolean;
  /**
   * The operation's key under `operations` in schema.gen.ts, or undefined when it is typed under `paths` only: it has
   * no operationId, or one openapi-typescript cannot key (a `#` or `%`, which its JSON pointers mangle) or that an
   * earlier operation already has.
   */
  schemaKey: string | undefined;
  /** Method name on the client: camelCase of the operationId (or of method and path), unique and never reserved. */
  name: string;
  /** PascalCase of `name`, for type names. */
  typeName: string;
  /** Name of the exported descriptor const (`<name>Operation`) and, if paginated, of the paginator function. */
  descriptorName: string;
  paginatorName: string | undefined;
  method: HttpMethod;
  path: string;
  /** Every key of the method's input, parameters first, then body fields (or the `body` key). */
  fields: InputField[];
  params: ParamModel[];
  body: BodyModel | undefined;
  /** True when some key is required, so the method's input argument is required. */
  inputRequired: boolean;
  response: ResponseModel;
  /** Whether repeating the call is harmless: `x-idempotent`, else HTTP semantics (POST and PATCH are not). */
  idempotent: boolean;
  /** `x-pagination` (offset/count style): the response fields holding the page's items and the total. */
  pagination: { items: string; total: string } | undefined;
  docs: OperationObject;
}

export interface ResponseModel {
  /** How the runtime reads a success body whose Content-Type does not tell: json (default), text or binary. */
  kind: "json" | "text" | "binary" | "none";
  /** Sent as `Accept` when a success response offers several media types: the one the types describe. */
  accept: string | undefined;
  /** Every 2xx response, in spec order: status key and what its body is (no media: no content). */
  variants: Array<{ status: string; media: string | undefined; value: ValueKind | undefined }>;
}

/** Names operations.gen.ts declares or imports itself; a method may not take them. */
const OPERATIONS_FILE_NAMES = [
  "ApiClient",
  "CallOptions",
  "OperationDescriptor",
  "paginateOffset",
  "bindDescriptors",
  "encodeRequest",
  "paths",
  "T",
  "Client",
  "bindOperations",
  "allOperations",
  "jsonQueryOperations",
  "paginate",
  "splitBatchResults",
  // Parameters and locals of the generated functions, which a method of the same name would shadow.
  "input",
  "options",
  "client",
  "page",
  "offset",
];

export function readOperations(doc: OpenApiDocument, specFile: string, clientName = ""): OperationModel[] {
  const names = new NameRegistry([...OPERATIONS_FILE_NAMES, `${clientName}Operations`]);
  const models: OperationModel[] = [];
  const schemaKeys = new Set<string>();
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const method of HTTP_METHODS) {
      const operation = item?.[method];
      if (!operation) continue;
      const where = `${method.toUpperCase()} ${path}`;
      const hasOperationId = typeof operation.operationId === "string" && operation.operationId !== "";
      const operationId = hasOperationId ? (operation.operationId as string) : where;
      const fromId = hasOperationId ? camelCase(operationId) : "";
      const schemaKey =
        hasOperationId && !/[#%]/.test(operationId) && !schemaKeys.has(operationId) ? operationId : undefined;
      if (schemaKey) schemaKeys.add(schemaKey);
      const name = names.claim(fromId || camelCase(`${method} ${path.replace(/\{([^}]*)\}/g, " By $1 ")}`), method);
      const { params, body } = readInput(doc, operationParameters(doc, item, operation), operation);
      const fields = [
        ...params.filter((p) => p.in === "path"),
        ...(body ? bodyFields(body) : []),
        ...params.filter((p) => p.in !== "path"),
      ];
      models.push({
        operationId,
        hasOperationId,
        schemaKey,
        name,
        typeName: pascalCase(name) || "Operation",
        descriptorName: "",
        paginatorName: undefined,
        method,
        path,
        fields,
        params,
        body,
        inputRequired:
          params.some((p) => p.required) || (body?.key ? body.required : (body?.hasRequiredFields ?? false)),
        response: readResponse(doc, operation),
        idempotent:
          typeof operation["x-idempotent"] === "boolean"
            ? operation["x-idempotent"]
            : !["post", "patch"].includes(method),
        pagination: readPagination(operation, specFile, where),
        docs: operation,
      });
    }
  }
  // Derived names come after every method name, so a method never loses its name to another's descriptor.
  for (const op of models) op.descriptorName = names.claim(`${op.name}Operation`);
  for (const op of models) if (op.pagination) op.paginatorName = names.claim(`paginate${op.typeName}`);
  return models;
}

function bodyFields(body: BodyModel): InputField[] {
  return body.key ? [{ key: body.key, in: "body", name: "body", required: body.required }] : body.fields;
}

function readResponse(doc: OpenApiDocument, operation: OperationObject): ResponseModel {
  const variants: ResponseModel["variants"] = [];
  let accept: string | undefined;
  for (const [status, value] of Object.entries(operation.responses ?? {})) {
    if (!/^2(\d\d|XX)$/i.test(status)) continue;
    const content = deref<ResponseObject>(doc, value)?.content ?? {};
    const media = preferredResponseMedia(Object.keys(content));
    if (media && Object.keys(content).length > 1) accept ??= media;
    variants.push({ status, media, value: media ? valueKind(doc, media, content[media]?.schema) : undefined });
  }
  const first = variants.find((variant) => variant.value !== undefined)?.value;
  // A documented success without content (204/205 aside, which never have one) makes an empty body expected.
  const documentedEmpty = variants.some((v) => v.value === undefined && !/^20[45]$/.test(v.status));
  const kind =
    first === undefined || documentedEmpty
      ? "none"
      : first === "schema"
        ? "json"
        : first === "string"
          ? "text"
          : "binary";
  return { kind, accept, variants };
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
