import { defineConfig } from "vitest/config";

// Building a reference runs Redocly and the Chromium test waits for a page: slower than a unit test.
export default defineConfig({ test: { testTimeout: 300_000, hookTimeout: 180_000 } });
