export * from "./corpus.ts";
export * from "./prepare.ts";
export * from "./spec.ts";
export * from "./workspace.ts";
