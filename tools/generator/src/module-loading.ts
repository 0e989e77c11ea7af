/**
 * Settings for how Node loads the generator's dependencies, applied once per thread before they load (by cli.ts and
 * the Nx executor). Loading TypeScript, Redocly and openapi-typescript is most of the CPU of generating one API.
 */
import module from "node:module";

/**
 * TypeScript's lib/typescript.js is CommonJS, but its package.json has no `type` field. When an ES module imports it
 * (openapi-typescript and our emitters do), Node cannot tell its format from the path, so it reads and scans the whole
 * 9 MB file for ES module syntax before loading it as CommonJS: about a tenth of the CPU of generating one API.
 * Naming the format at resolution skips that scan. Only this file is named: a package without a `type` field may
 * hold ES modules, which only the scan would find.
 */
const COMMONJS_WITHOUT_TYPE_FIELD = /\/node_modules\/typescript\/lib\/typescript\.js$/;

/** The format to give a resolved module, or the format Node found (`undefined`: Node detects it while loading). */
export function knownFormat(url: string, found: string | null | undefined): string | null | undefined {
  if (found == null && url.startsWith("file:") && COMMONJS_WITHOUT_TYPE_FIELD.test(url)) return "commonjs";
  return found;
}

let prepared = false;

/**
 * Turns on Node's on-disk compile cache (Node >= 22.1: from the second run on it saves about a fifth of the CPU) and
 * names TypeScript's format (Node >= 22.15, see above). Both apply only to modules loaded afterwards, and both are
 * skipped on a Node that lacks them. Idempotent.
 */
export function prepareModuleLoading(): void {
  if (prepared) return;
  prepared = true;
  module.enableCompileCache?.();
  module.registerHooks?.({
    resolve(specifier, context, nextResolve) {
      const resolved = nextResolve(specifier, context);
      const format = knownFormat(resolved.url, resolved.format);
      return format === resolved.format ? resolved : { ...resolved, format };
    },
  });
}
