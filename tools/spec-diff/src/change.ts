/** A difference between two versions of a spec, and the semver bump it asks of the generated package. */
export type Level = "major" | "minor" | "patch";

export interface SpecChange {
  level: Level;
  operationId?: string;
  /** Human-readable place: `POST /action/create_agent request body .groups[].priority`. */
  where: string;
  message: string;
  /** The client method the change touches (`createAgent`), as the generator names it. */
  method?: string;
  /** Stem of that method's `<type>Input` / `<type>Output` types (`CreateAgent`). */
  type?: string;
  /** The component schema the change sits in and the path inside it: `Agent.nickname`, `LiveChatErrorType`. */
  subject?: string;
}

/** Order used everywhere a highest bump is needed; "none" stands for "no bump at all". */
const RANK = { none: 0, patch: 1, minor: 2, major: 3 } as const;

export type LevelOrNone = keyof typeof RANK;

export function rank(level: LevelOrNone): number {
  return RANK[level];
}

export function highest(levels: Iterable<LevelOrNone>): LevelOrNone {
  let best: LevelOrNone = "none";
  for (const level of levels) if (RANK[level] > RANK[best]) best = level;
  return best;
}

/** Most important changes first, then by place, so printed lists and hashes are stable. */
export function sortChanges(changes: SpecChange[]): SpecChange[] {
  return [...changes].sort(
    (a, b) => RANK[b.level] - RANK[a.level] || a.where.localeCompare(b.where) || a.message.localeCompare(b.message),
  );
}
