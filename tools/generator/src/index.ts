export { GeneratorError } from "./errors.ts";
export { type GenerateResult, generateApi } from "./generate.ts";
export { apiLayout, listApis } from "./layout.ts";
export { linkScaffoldedPackages } from "./link-packages.ts";
export { warningLines } from "./validate.ts";
