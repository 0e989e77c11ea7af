import { defineConfig } from "vitest/config";

// Generation of a fixture API loads TypeScript, Redocly and openapi-typescript: slower than a unit test.
export default defineConfig({ test: { testTimeout: 30_000 } });
