/**
 * The generator as one bundle of its sources and of the packages it runs (Redocly, openapi-typescript,
 * openapi-sampler), built on first use and kept in dist/<key>/, where <key> hashes src/ and package.json.
 *
 * Why: Redocly alone is about 550 ES modules, and Node resolves, reads and links each one on every run. Loading them
 * was about a third of the CPU of generating one API; from one bundle it is a few files. TypeScript stays outside:
 * it is one file already, and bundling its 9 MB would make every rebuild slow.
 *
 * The key changes with any source file or pinned dependency, so a bundle is never stale: an edit just builds the next
 * one (about a second, once). `CHAT_SDK_GENERATOR_FROM_SOURCE=1` runs the sources instead (readable stack traces);
 * so does a failed build, after saying why.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { prepareModuleLoading } from "./module-loading.ts";

type Generator = typeof import("./index.ts");

const PACKAGE_DIR = fileURLToPath(new URL("..", import.meta.url));
const SOURCES = path.join(PACKAGE_DIR, "src");
// Two levels below the package, like src/scaffold/: the scaffolders find ../../templates from either place.
const BUNDLES = path.join(PACKAGE_DIR, "dist");
const TEMP_PREFIX = ".building-";

/** A hash of every file of src/ (path and content) and of package.json: what a bundle is built from. */
export function bundleKey(packageDir = PACKAGE_DIR): string {
  const hash = createHash("sha256");
  const sources = readdirSync(path.join(packageDir, "src"), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(packageDir, path.join(entry.parentPath, entry.name)).split(path.sep).join("/"))
    .sort();
  for (const file of ["package.json", ...sources]) {
    hash.update(`${file}\0`);
    hash.update(readFileSync(path.join(packageDir, file)));
    hash.update("\0");
  }
  return hash.digest("hex").slice(0, 16);
}

/** Builds dist/<key>/index.js if it is not there yet, and returns its path. */
export async function buildBundle(key = bundleKey()): Promise<string> {
  const dir = path.join(BUNDLES, key);
  const entry = path.join(dir, "index.js");
  if (existsSync(entry)) return entry;
  const { rolldown } = await import("rolldown");
  mkdirSync(BUNDLES, { recursive: true });
  const temp = mkdtempSync(path.join(BUNDLES, TEMP_PREFIX));
  try {
    const bundle = await rolldown({
      input: { index: path.join(SOURCES, "index.ts") },
      platform: "node",
      external: ["typescript"],
      logLevel: "silent",
    });
    await bundle.write({ dir: temp, format: "esm", sourcemap: true });
    await bundle.close();
    renameSync(temp, dir); // whole or not at all: a run never loads a half-written bundle
  } catch (error) {
    // Another process may have finished the same key first; its bundle is as good as ours.
    if (!existsSync(entry)) throw error;
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
  // Bundles of older sources (nothing loads them any more) and builds interrupted an hour ago or more.
  for (const old of readdirSync(BUNDLES)) {
    const other = path.join(BUNDLES, old);
    const abandoned = old.startsWith(TEMP_PREFIX) && Date.now() - statSync(other).mtimeMs > 3_600_000;
    if (old !== key && (abandoned || !old.startsWith(TEMP_PREFIX))) rmSync(other, { recursive: true, force: true });
  }
  return entry;
}

let loading: Promise<Generator> | undefined;

/** The generator, from its bundle (see above); loaded once per thread. */
export function loadGenerator(env = process.env): Promise<Generator> {
  prepareModuleLoading();
  loading ??= (async () => {
    if (env.CHAT_SDK_GENERATOR_FROM_SOURCE === "1") return import("./index.ts");
    let entry: string;
    try {
      entry = await buildBundle();
    } catch (error) {
      console.warn(`note: running the generator from its sources (its bundle failed: ${(error as Error).message})`);
      return import("./index.ts");
    }
    return (await import(pathToFileURL(entry).href)) as Generator;
  })();
  return loading;
}
