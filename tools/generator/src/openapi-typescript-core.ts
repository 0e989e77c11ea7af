/// <reference path="./openapi-typescript-paths.d.ts" />
/**
 * openapi-typescript's transform, called on a spec the generator has already validated and bundled.
 *
 * Why not its `openapiTS(object)`: that entry point lints and bundles the document again with its own copy of Redocly
 * (openapi-core 1.x; the generator validates and bundles with 2.x, see load-spec.ts). Importing it loads that second
 * Redocly, builds its config and walks the spec twice more: about a quarter of the CPU of generating one API. The
 * modules imported here are the ones `openapiTS` itself runs after bundling; they load only a small file of Redocly.
 * openapi-typescript is pinned exactly and in maintenance mode (no further releases), so these paths stay put; the
 * output is the same as `openapiTS`'s (a test compares them on every fixture spec).
 */
import type { GlobalContext, OpenAPI3, OpenAPITSOptions } from "openapi-typescript";
import { astToString } from "openapi-typescript/dist/lib/ts.mjs";
import { resolveRef, scanDiscriminators } from "openapi-typescript/dist/lib/utils.mjs";
import transformSchema from "openapi-typescript/dist/transform/index.mjs";
import type ts from "typescript";

/** The TypeScript nodes `openapiTS(doc, { silent: true, transform })` gives for an already bundled `doc`. */
export function transformBundledSpec(doc: OpenAPI3, transform: OpenAPITSOptions["transform"]): ts.Node[] {
  // openapiTS's defaults for every option we do not set (openapi-typescript 7.13.0, dist/index.mjs).
  const ctx: GlobalContext = {
    additionalProperties: false,
    alphabetize: false,
    arrayLength: false,
    defaultNonNullable: true,
    discriminators: scanDiscriminators(doc, {}),
    emptyObjectsUnknown: false,
    enum: false,
    enumValues: false,
    conditionalEnums: false,
    dedupeEnums: false,
    excludeDeprecated: false,
    exportType: false,
    immutable: false,
    rootTypes: false,
    rootTypesNoSchemaPrefix: false,
    rootTypesKeepCasing: false,
    injectFooter: [],
    pathParamsAsTypes: false,
    postTransform: undefined,
    propertiesRequiredByDefault: false,
    // Only lint and bundle read it, and both are done already.
    redoc: undefined as never,
    silent: true,
    inject: undefined,
    transform,
    transformProperty: undefined,
    makePathsEnum: false,
    generatePathParams: false,
    readWriteMarkers: false,
    resolve: ($ref) => resolveRef(doc, $ref, { silent: true }),
  };
  return transformSchema(doc, ctx);
}

export { astToString };
