import { defineConfig } from "tsdown";

// Rolldown's plugin timing notes are advice about slow builds, not problems: warnings here must mean something.
const shared = {
  format: ["esm", "cjs"],
  platform: "neutral",
  dts: true,
  inputOptions: { checks: { pluginTimings: false } },
} as const;

// Two builds: with one, the main entry and `testing` would share a chunk, and the main entry would grow by the
// import list of that chunk. `testing` (the MSW mock) gets its own copy of the descriptors it needs.
export default defineConfig([
  { ...shared, entry: { index: "src/index.ts" }, clean: true },
  { ...shared, entry: { testing: "src/testing.ts" }, clean: false },
  // The webhook receiver, for servers only: its own build, so neither the client nor the mock carries it.
  { ...shared, entry: { webhooks: "src/webhooks.ts" }, clean: false },
]);
