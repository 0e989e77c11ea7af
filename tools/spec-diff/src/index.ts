export type { Level, SpecChange } from "./change.ts";
export { pendingBumps } from "./changesets.ts";
export { diffSpecs } from "./diff.ts";
export { loadSpecAtRef, loadSpecFile, loadSpecText } from "./load.ts";
