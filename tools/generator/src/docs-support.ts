/**
 * What tools/docs reuses of the generator, so the reference speaks the generated package's language: the same
 * bundled spec, operation model and method names, client names, default server, scope rendering and escaping.
 */
export { accessLines } from "./access-markdown.ts";
export { readPackageConfig } from "./config.ts";
export { markdownText, propertyKey, stringLiteral } from "./escape.ts";
export { operationParameters } from "./input-model.ts";
export { apiLayout, listApis } from "./layout.ts";
export { loadSpec } from "./load-spec.ts";
export {
  deref,
  type OpenApiDocument,
  type OperationObject,
  type ParameterObject,
  type RequestBodyObject,
  type SchemaObject,
} from "./openapi-types.ts";
export { type OperationModel, readOperations } from "./operations.ts";
export { defaultServer } from "./scaffold/default-server.ts";
export { scaffoldNames } from "./scaffold/names.ts";
