/**
 * What the pending changesets decide, read before `changeset version` consumes them. The release test compares the
 * versions and CHANGELOG.md files that `changeset version` wrote with this, so a package whose version or entries
 * were copied from another one (a `fixed` or `linked` group, a types package released with its client) is caught.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

export type Bump = "major" | "minor" | "patch";

export interface PendingChangeset {
  /** The bump it asks for, by package name. */
  bumps: Record<string, Bump>;
  /** The first line of its summary: the line its entry in each package's changelog starts with. */
  firstLine: string;
}

const FRONT_MATTER = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/;
const BUMP_LINE = /^\s*["']?([^"'\s]+)["']?\s*:\s*(major|minor|patch)\s*$/;

export function readChangesets(dir: string): PendingChangeset[] {
  return readdirSync(dir)
    .filter((file) => file.endsWith(".md") && file !== "README.md")
    .map((file) => {
      const text = readFileSync(path.join(dir, file), "utf8").replaceAll("\r\n", "\n");
      const [, header = "", summary = ""] = FRONT_MATTER.exec(text) ?? [];
      const bumps: Record<string, Bump> = {};
      for (const line of header.split("\n")) {
        const match = BUMP_LINE.exec(line);
        if (match) bumps[match[1] as string] = match[2] as Bump;
      }
      return { bumps, firstLine: summary.trim().split("\n")[0] ?? "" };
    });
}

const ORDER: Bump[] = ["patch", "minor", "major"];

/** The version each named package gets: its current version raised by the largest bump any changeset asks for. */
export function decidedVersions(current: Record<string, string>, changesets: PendingChangeset[]) {
  const largest: Record<string, Bump> = {};
  for (const { bumps } of changesets) {
    for (const [name, bump] of Object.entries(bumps)) {
      const known = largest[name];
      if (!known || ORDER.indexOf(bump) > ORDER.indexOf(known)) largest[name] = bump;
    }
  }
  return Object.fromEntries(
    Object.entries(largest).map(([name, bump]) => [name, raise(current[name] ?? "0.0.0", bump)]),
  );
}

function raise(version: string, bump: Bump): string {
  const [major = 0, minor = 0, patch = 0] = version.split(".").map(Number);
  if (bump === "major") return `${major + 1}.0.0`;
  if (bump === "minor") return `${major}.${minor + 1}.0`;
  return `${major}.${minor}.${patch + 1}`;
}

/**
 * The newest section of a changelog: its version heading and the first line of each entry. Entries start with "- "
 * at the margin (their other lines are indented), then the short hash of the commit that added the changeset, which
 * is dropped here; "Updated dependencies" lines are not a changeset's.
 */
export function newestEntries(changelog: string): { version: string | undefined; entries: string[] } {
  const sections = changelog.split(/^## /m);
  const newest = sections[1] ?? "";
  const [heading = "", ...lines] = newest.split("\n");
  const entries = lines
    .filter((line) => line.startsWith("- ") && !line.startsWith("- Updated dependencies"))
    .map((line) => line.slice(2).replace(/^[0-9a-f]{7}: /, ""));
  return { version: heading.trim() || undefined, entries };
}
