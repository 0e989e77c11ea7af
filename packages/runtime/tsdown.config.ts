import { defineConfig } from "tsdown";

export default defineConfig({
  // `testing` is its own entry so that a client's bundle never carries the test kit.
  entry: { index: "src/index.ts", testing: "src/testing/index.ts" },
  format: ["esm", "cjs"],
  platform: "neutral",
  dts: true,
  sourcemap: false,
  clean: true,
  // The JSON Schema validator is bundled into the testing entry: `dependencies` stay openapi-fetch only.
  deps: { alwaysBundle: ["@cfworker/json-schema"] },
});
