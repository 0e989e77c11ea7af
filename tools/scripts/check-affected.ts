/**
 * Proves the Nx wiring: touching only one API's spec marks that API's package as affected (plus what depends on
 * it, such as the benchmarks) and no other API's package, nor the runtime or the generator.
 * Uses `nx show projects --affected --files=...`, so it needs no commit and changes nothing.
 */
import { readdirSync, readFileSync } from "node:fs";
import { output } from "./run.ts";

const apis = readdirSync("specs", { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name);
const packageName = (dir: string) => (JSON.parse(readFileSync(`${dir}/package.json`, "utf8")) as { name: string }).name;
const shared = [packageName("packages/runtime"), packageName("tools/generator")];

let failed = false;
for (const api of apis) {
  const file = `specs/${api}/openapi.yaml`;
  const affected = JSON.parse(
    output("nx", ["show", "projects", "--affected", `--files=${file}`, "--json"]),
  ) as string[];
  const own = packageName(`packages/${api}`);
  const forbidden = [
    ...shared,
    ...apis.filter((other) => other !== api).map((other) => packageName(`packages/${other}`)),
  ];
  const wrong = affected.filter((project) => forbidden.includes(project));
  const ok = affected.includes(own) && wrong.length === 0;
  failed ||= !ok;
  const detail = ok ? "" : ` (expected ${own}, and none of ${wrong.join(", ") || forbidden.join(", ")})`;
  console.log(`${ok ? "✔" : "✖"} touching ${file} affects ${affected.sort().join(", ") || "nothing"}${detail}`);
}
if (failed) process.exit(1);
