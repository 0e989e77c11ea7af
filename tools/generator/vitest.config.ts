import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// Generated code imports `<scope>/runtime`; in generator tests the scope is `@fixture` and the runtime is its source.
export default defineConfig({
  resolve: {
    alias: { "@fixture/runtime": fileURLToPath(new URL("../../packages/runtime/src/index.ts", import.meta.url)) },
  },
  test: { testTimeout: 20_000 },
});
