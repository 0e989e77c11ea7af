import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// Generated code imports `<scope>/runtime`; in generator tests the scope is `@fixture` and the runtime is its source.
export default defineConfig({
  resolve: {
    // Most specific first: `@fixture/runtime/testing` is the runtime's testing kit.
    alias: [
      {
        find: "@fixture/runtime/testing",
        replacement: fileURLToPath(new URL("../../packages/runtime/src/testing/index.ts", import.meta.url)),
      },
      {
        find: "@fixture/runtime",
        replacement: fileURLToPath(new URL("../../packages/runtime/src/index.ts", import.meta.url)),
      },
    ],
  },
  test: { testTimeout: 20_000 },
});
