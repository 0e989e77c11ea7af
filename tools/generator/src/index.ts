export { GeneratorError } from "./errors.ts";
export { type GenerateResult, generateApi } from "./generate.ts";
export { apiLayout, listApis } from "./layout.ts";
