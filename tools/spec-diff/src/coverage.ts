/**
 * Which spec changes the pending changesets already cover. `changeset:suggest` ends each changeset it writes with a
 * marker listing the changes it describes, by id:
 *
 *     <!-- spec-diff @chat-sdk/livechat-configuration: 3f2a9c01d4 77b0e1aa52 -->
 *
 * `suggest` then writes only what no pending changeset covers (running it twice adds nothing), and `check` fails
 * for a change no pending changeset covers at its level, even when an unrelated changeset gives a big enough bump.
 * The changelog drops the marker (see tools/changelog.cjs); a hand-edited changeset keeps it.
 */
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { type Level, rank, type SpecChange } from "./change.ts";
import { frontMatter } from "./changesets.ts";

const MARKER = /<!-- spec-diff (\S+): ([0-9a-f ]*)-->/g;

/** A change's id: stable across runs, independent of the order changes are listed in. */
export function changeId(change: SpecChange): string {
  return createHash("sha256").update(`${change.level}\n${change.where}\n${change.message}`).digest("hex").slice(0, 10);
}

export function coverageMarker(packageName: string, changes: SpecChange[]): string {
  return `<!-- spec-diff ${packageName}: ${changes.map(changeId).join(" ")} -->`;
}

/** Package -> change id -> the highest bump a pending changeset that lists the change gives the package. */
export type Coverage = Map<string, Map<string, Level>>;

export function pendingCoverage(root: string): Coverage {
  const coverage: Coverage = new Map();
  const dir = path.join(root, ".changeset");
  if (!existsSync(dir)) return coverage;
  for (const file of readdirSync(dir).sort()) {
    if (!file.endsWith(".md") || file.toLowerCase() === "readme.md") continue;
    const text = readFileSync(path.join(dir, file), "utf8");
    const bumps = frontMatter(text, path.join(".changeset", file));
    for (const [, packageName = "", ids = ""] of text.matchAll(MARKER)) {
      const level = bumps[packageName];
      if (level === undefined) continue;
      const covered = coverage.get(packageName) ?? new Map<string, Level>();
      coverage.set(packageName, covered);
      for (const id of ids.split(" ").filter(Boolean)) {
        const before = covered.get(id);
        if (before === undefined || rank(level) > rank(before)) covered.set(id, level);
      }
    }
  }
  return coverage;
}

/** The changes of a package that no pending changeset lists with a bump at least as high as the change's. */
export function uncovered(changes: SpecChange[], coverage: Coverage, packageName: string): SpecChange[] {
  const covered = coverage.get(packageName);
  return changes.filter((change) => {
    const level = covered?.get(changeId(change));
    return level === undefined || rank(level) < rank(change.level);
  });
}
