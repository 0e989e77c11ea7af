/**
 * Proves the Nx wiring: touching only one API's spec marks only that API's package as affected.
 * Uses `nx show projects --affected --files=...`, so it needs no commit and changes nothing.
 */
import { readdirSync, readFileSync } from "node:fs";
import { output } from "./run.ts";

const apis = readdirSync("specs", { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name);
let failed = false;
for (const api of apis) {
  const files = `specs/${api}/openapi.yaml`;
  const affected = output("nx", ["show", "projects", "--affected", `--files=${files}`, "--json"]);
  const projects = (JSON.parse(affected) as string[]).sort();
  const expected = [(JSON.parse(readFileSync(`packages/${api}/package.json`, "utf8")) as { name: string }).name];
  const ok = JSON.stringify(projects) === JSON.stringify(expected);
  failed ||= !ok;
  console.log(
    `${ok ? "✔" : "✖"} touching ${files} affects ${projects.join(", ") || "nothing"}${ok ? "" : ` (expected ${expected})`}`,
  );
}
if (failed) process.exit(1);
