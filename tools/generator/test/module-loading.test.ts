import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { knownFormat } from "../src/module-loading.ts";

const TYPESCRIPT = "file:///repo/node_modules/.pnpm/typescript@5.9.3/node_modules/typescript/lib/typescript.js";

describe("knownFormat", () => {
  it("names TypeScript's CommonJS file, wherever the package manager put it", () => {
    expect(knownFormat(TYPESCRIPT, undefined)).toBe("commonjs");
    expect(knownFormat("file:///repo/node_modules/typescript/lib/typescript.js", null)).toBe("commonjs");
  });

  it("leaves every other module, and every format Node found, as Node resolved it", () => {
    expect(knownFormat("file:///repo/node_modules/graphql/index.js", undefined)).toBeUndefined();
    expect(knownFormat("file:///repo/node_modules/typescript/lib/tsserver.js", null)).toBeNull();
    expect(knownFormat("file:///repo/src/typescript/lib/typescript.js", undefined)).toBeUndefined();
    expect(knownFormat(TYPESCRIPT, "module")).toBe("module");
    expect(knownFormat("node:fs", "builtin")).toBe("builtin");
  });
});

describe("prepareModuleLoading", () => {
  it("TypeScript still loads, from an ES module, with its default and named exports", () => {
    const script = [
      `import { prepareModuleLoading } from ${JSON.stringify(fileURLToPath(new URL("../src/module-loading.ts", import.meta.url)))};`,
      "prepareModuleLoading(); prepareModuleLoading();",
      'const ts = await import("typescript");',
      "console.log(JSON.stringify([typeof ts.default.createSourceFile, ts.version === ts.default.version]));",
    ].join("\n");
    const out = execFileSync(process.execPath, ["--input-type=module", "-e", script], {
      cwd: fileURLToPath(new URL("..", import.meta.url)),
      encoding: "utf8",
    });
    expect(JSON.parse(out)).toEqual(["function", true]);
  });
});
