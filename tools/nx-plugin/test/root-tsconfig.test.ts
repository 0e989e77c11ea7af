/**
 * Nx reads a root `tsconfig.base.json` or `tsconfig.json` with the TypeScript compiler whenever it resolves a local
 * plugin's executor, cached tasks included (nx/src/config/schema-utils.js, `tryResolveFromSource`): that loads
 * TypeScript into every `nx run-many -t generate`, about 200 ms, which `pnpm bench:generate` and `bench:scale` show as
 * a cached no-op over its target. The shared settings are therefore `tsconfig.shared.json`; this keeps it that way.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("../../..", import.meta.url));

describe("the workspace root", () => {
  it.each(["tsconfig.base.json", "tsconfig.json"])("has no %s for Nx to read", (name) => {
    expect(existsSync(path.join(ROOT, name))).toBe(false);
  });

  it("keeps the shared compiler settings in tsconfig.shared.json, which Nx hashes as a shared global", () => {
    expect(existsSync(path.join(ROOT, "tsconfig.shared.json"))).toBe(true);
    const nx = JSON.parse(readFileSync(path.join(ROOT, "nx.json"), "utf8"));
    expect(nx.namedInputs.sharedGlobals).toContain("{workspaceRoot}/tsconfig.shared.json");
  });
});
