/**
 * The changelog format for `changeset version` (named in .changeset/config.json): the default one's layout (first
 * line of a changeset as the bullet, the rest indented under it) without the coverage markers of coverage.ts, which
 * are for `changeset:check` and mean nothing to a package's users.
 */
interface Changeset {
  summary: string;
  commit?: string;
}

const MARKER_LINE = /^<!-- spec-diff \S+: [0-9a-f ]*-->$/;

export function getReleaseLine(changeset: Changeset): Promise<string> {
  const lines = changeset.summary
    .split("\n")
    .map((line) => line.trimEnd())
    .filter((line) => !MARKER_LINE.test(line.trim()));
  while (lines.length > 0 && lines.at(-1) === "") lines.pop();
  const [first = "", ...rest] = lines;
  const commit = changeset.commit ? `${changeset.commit.slice(0, 7)}: ` : "";
  const body = rest.map((line) => (line ? `  ${line}` : "")).join("\n");
  return Promise.resolve(`- ${commit}${first}${rest.length > 0 ? `\n${body}` : ""}`);
}

export function getDependencyReleaseLine(
  changesets: Changeset[],
  dependencies: { name: string; newVersion: string }[],
): Promise<string> {
  if (dependencies.length === 0) return Promise.resolve("");
  const links = changesets.map(
    (changeset) => `- Updated dependencies${changeset.commit ? ` [${changeset.commit.slice(0, 7)}]` : ""}`,
  );
  const list = dependencies.map((dependency) => `  - ${dependency.name}@${dependency.newVersion}`);
  return Promise.resolve([...links, ...list].join("\n"));
}

export default { getReleaseLine, getDependencyReleaseLine };
