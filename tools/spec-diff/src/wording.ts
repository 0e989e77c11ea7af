/**
 * The changelog a consumer reads: what changed in the code they call (`getAgent()`, `Agent.nickname`), not where the
 * spec changed. A change inside a shared schema is one line naming every method it reaches.
 */
import type { Level, SpecChange } from "./change.ts";

const HEADINGS: Record<Level, string> = {
  major: "Breaking changes",
  minor: "New features",
  patch: "Fixes and documentation",
};

const MESSAGES: Record<string, string> = { "operation added": "new method", "operation removed": "method removed" };

/** Markdown sections, most important first, one bullet per distinct change. */
export function consumerSections(changes: SpecChange[]): string[] {
  const lines: string[] = [];
  for (const level of ["major", "minor", "patch"] as const) {
    const bullets = consumerLines(changes.filter((change) => change.level === level));
    if (bullets.length > 0) lines.push("", `${HEADINGS[level]}:`, "", ...bullets.map((line) => `- ${line}`));
  }
  return lines;
}

/** `` `Agent.nickname`: response field added (`getAgent()`, `listAgents()`) ``, in first-seen order. */
export function consumerLines(changes: SpecChange[]): string[] {
  const grouped = new Map<string, { text: string; methods: string[] }>();
  for (const change of changes) {
    const shared = change.subject !== undefined || !change.method;
    const text = `${placeOf(change)}: ${MESSAGES[change.message] ?? change.message}`;
    const entry = grouped.get(text) ?? { text, methods: [] };
    grouped.set(text, entry);
    if (shared && change.method && !entry.methods.includes(change.method)) entry.methods.push(change.method);
  }
  return [...grouped.values()].map(({ text, methods }) =>
    methods.length > 0 ? `${text} (${methods.map((method) => `\`${method}()\``).join(", ")})` : text,
  );
}

/** Where the consumer meets the change: a schema type, a method's input or output type, or the method itself. */
function placeOf(change: SpecChange): string {
  if (change.subject !== undefined) return `\`${change.subject}\``;
  if (!change.method) return change.where;
  const rest = change.where.split(" ").slice(2).join(" ");
  const call = `\`${change.method}()\``;
  const type = change.type ?? change.method;
  const request = /^request body ?(.*)$/.exec(rest);
  if (request) return request[1] ? `\`${type}Input${field(request[1])}\`` : `${call} request body`;
  const response = /^response (\S+) ?(.*)$/.exec(rest);
  if (response) {
    const success = /^2/.test(response[1] ?? "");
    if (!success) return `${call} response ${response[1]}${response[2] ? ` ${response[2]}` : ""}`;
    return response[2] ? `\`${type}Output${field(response[2])}\`` : `${call} result`;
  }
  // A parameter (by its wire name) or the operation itself.
  return rest ? `\`${type}Input.${rest.split(" ")[0]}\`` : call;
}

/** `.a.b` stays, `[].x` becomes `[number].x`, composition steps are dropped. */
function field(path: string): string {
  const clean = path.replace(/<[^>]*>/g, "").replaceAll("[]", "[number]");
  return clean.startsWith(".") || clean.startsWith("[") || clean === "" ? clean : ` ${clean}`;
}
