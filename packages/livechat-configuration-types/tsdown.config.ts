import { defineConfig } from "tsdown";

// Declarations only: the JavaScript entries are empty modules, there so that every resolver (Node's `import` and
// `require`, bundlers, TypeScript's node16) finds a file. Rolldown's plugin timing notes are advice about slow
// builds, not problems: warnings here must mean something.
export default defineConfig({
  entry: { index: "src/index.ts" },
  format: ["esm", "cjs"],
  platform: "neutral",
  dts: true,
  clean: true,
  inputOptions: { checks: { pluginTimings: false } },
});
