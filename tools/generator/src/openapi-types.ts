/** The parts of an OpenAPI 3.x document the generator reads. Loose on purpose: the spec is validated by Redocly. */
export interface OpenApiDocument {
  openapi: string;
  info: { title: string; summary?: string; description?: string; version: string };
  servers?: Array<{ url: string; variables?: Record<string, unknown> }>;
  paths: Record<string, PathItem>;
  components?: { schemas?: Record<string, SchemaObject>; [kind: string]: unknown };
  [extension: `x-${string}`]: unknown;
}

export type HttpMethod = "get" | "put" | "post" | "delete" | "patch" | "head" | "options" | "trace";
export const HTTP_METHODS: readonly HttpMethod[] = [
  "get",
  "put",
  "post",
  "delete",
  "patch",
  "head",
  "options",
  "trace",
];

export type PathItem = Partial<Record<HttpMethod, OperationObject>> & { parameters?: ParameterOrRef[] };

export interface OperationObject {
  operationId?: string;
  summary?: string;
  description?: string;
  deprecated?: boolean;
  externalDocs?: { url: string; description?: string };
  parameters?: ParameterOrRef[];
  requestBody?: RequestBodyObject | RefObject;
  responses?: Record<string, ResponseObject | RefObject>;
  [extension: `x-${string}`]: unknown;
}

export interface RefObject {
  $ref: string;
}

export interface ParameterObject {
  name: string;
  in: "query" | "path" | "header" | "cookie";
  required?: boolean;
  style?: string;
  explode?: boolean;
  schema?: SchemaObject;
  content?: Record<string, { schema?: SchemaObject }>;
}
export type ParameterOrRef = ParameterObject | RefObject;

export interface RequestBodyObject {
  required?: boolean;
  content?: Record<string, { schema?: SchemaObject | RefObject }>;
}

export interface ResponseObject {
  content?: Record<string, { schema?: SchemaObject | RefObject }>;
}

export interface SchemaObject {
  type?: string | string[];
  required?: string[];
  properties?: Record<string, unknown>;
  [key: string]: unknown;
}

/** Follows one internal `#/...` ref (the bundle has no other kind). */
export function deref<T>(doc: OpenApiDocument, value: T | RefObject): T {
  let current: unknown = value;
  for (let hops = 0; hops < 20 && isRef(current); hops++) {
    const pointer = current.$ref.replace(/^#\//, "").split("/");
    current = pointer.reduce<unknown>(
      (node, key) => (node as Record<string, unknown>)?.[key.replace(/~1/g, "/").replace(/~0/g, "~")],
      doc,
    );
  }
  return current as T;
}

export function isRef(value: unknown): value is RefObject {
  return typeof value === "object" && value !== null && typeof (value as RefObject).$ref === "string";
}
