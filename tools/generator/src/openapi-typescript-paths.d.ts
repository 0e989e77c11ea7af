// Types of the openapi-typescript modules that openapi-typescript-core.ts imports by path: the package ships
// declarations for its root only. Each signature is the root's declaration of the same function.
declare module "openapi-typescript/dist/lib/ts.mjs" {
  export { astToString } from "openapi-typescript";
}
declare module "openapi-typescript/dist/lib/utils.mjs" {
  export { resolveRef, scanDiscriminators } from "openapi-typescript";
}
declare module "openapi-typescript/dist/transform/index.mjs" {
  export { transformSchema as default } from "openapi-typescript";
}
