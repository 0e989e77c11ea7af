import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // Type tests (*.test-d.ts) run with the runtime tests: a call that must not compile fails the suite.
    typecheck: { enabled: true, tsconfig: "./tsconfig.json" },
  },
});
