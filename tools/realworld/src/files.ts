import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

/** Every file of a folder (but node_modules and dist), by relative path: for byte-for-byte comparisons. */
export function readTree(dir: string, skip = ["node_modules", "dist"]): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const walk = (relative: string) => {
    for (const entry of readdirSync(path.join(dir, relative), { withFileTypes: true })) {
      const name = path.join(relative, entry.name);
      if (entry.isDirectory()) {
        if (!skip.includes(entry.name)) walk(name);
      } else if (entry.isFile()) files.set(name, readFileSync(path.join(dir, name)));
    }
  };
  walk("");
  return new Map([...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** Names of the files that differ between two trees (missing on either side included). */
export function diffTrees(a: Map<string, Buffer>, b: Map<string, Buffer>): string[] {
  const names = new Set([...a.keys(), ...b.keys()]);
  return [...names].filter((name) => {
    const left = a.get(name);
    const right = b.get(name);
    return !left || !right || !left.equals(right);
  });
}
