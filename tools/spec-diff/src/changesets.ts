import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import { highest, type Level } from "./change.ts";

const LEVELS = new Set<string>(["major", "minor", "patch"]);

/**
 * The highest bump the pending changesets (`.changeset/*.md`, README.md aside) give each package.
 * A changeset without front matter, or with a bump other than major/minor/patch, is an error: changesets itself
 * would refuse it at release time, better to say so now.
 */
export function pendingBumps(root: string): Map<string, Level> {
  const dir = path.join(root, ".changeset");
  const bumps = new Map<string, Level>();
  if (!existsSync(dir)) return bumps;
  for (const file of readdirSync(dir).sort()) {
    if (!file.endsWith(".md") || file.toLowerCase() === "readme.md") continue;
    const shown = path.join(".changeset", file);
    for (const [name, level] of Object.entries(frontMatter(readFileSync(path.join(dir, file), "utf8"), shown))) {
      const best = highest([bumps.get(name) ?? "none", level]);
      if (best !== "none") bumps.set(name, best);
    }
  }
  return bumps;
}

/** The `"<package>": major|minor|patch` map between the leading `---` lines. */
export function frontMatter(text: string, shown: string): Record<string, Level> {
  const match = /^---\r?\n([\s\S]*?)\r?\n?---(?:\r?\n|$)/.exec(text);
  if (!match) throw new Error(`${shown}: no front matter (--- ... ---) at the top`);
  const parsed: unknown = parse(match[1] ?? "") ?? {};
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    throw new Error(`${shown}: front matter is not a map of package names to bumps`);
  }
  const result: Record<string, Level> = {};
  for (const [name, level] of Object.entries(parsed)) {
    if (typeof level !== "string" || !LEVELS.has(level)) {
      throw new Error(`${shown}: "${name}" has bump ${JSON.stringify(level)}, expected major, minor or patch`);
    }
    result[name] = level as Level;
  }
  return result;
}
