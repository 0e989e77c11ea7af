import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";

const require = createRequire(import.meta.url);
const built = new URL("../dist/index.cjs", import.meta.url);

// The CommonJS build loads openapi-fetch through Node's CJS interop; this catches an interop mismatch before a
// consumer does. The Nx test target builds the package first.
describe("CommonJS build", () => {
  it("creates the raw client through require()", () => {
    const runtime = require(built.pathname) as typeof import("../src/index.ts");
    const api = runtime.createApiClient({ baseUrl: "http://127.0.0.1:9" });
    expect(typeof runtime.createRawClient(api).GET).toBe("function");
  });
});
