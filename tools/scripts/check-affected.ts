/**
 * Proves the Nx wiring: touching only one API's spec marks that API's two packages as affected (the client and its
 * types package, plus what depends on them, such as the benchmarks) and no package of another API, nor the runtime
 * or the generator.
 * Uses `nx show projects --affected --files=...`, so it needs no commit and changes nothing.
 */
import { readdirSync, readFileSync } from "node:fs";
import { output } from "./run.ts";

const apis = readdirSync("specs", { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name);
const packageName = (dir: string) => (JSON.parse(readFileSync(`${dir}/package.json`, "utf8")) as { name: string }).name;
/** Both packages of an API: the client and its declarations-only types package. */
const apiPackages = (api: string) => [packageName(`packages/${api}`), packageName(`packages/${api}-types`)];
const shared = [packageName("packages/runtime"), packageName("tools/generator")];

let failed = false;
for (const api of apis) {
  const file = `specs/${api}/openapi.yaml`;
  const affected = JSON.parse(
    output("nx", ["show", "projects", "--affected", `--files=${file}`, "--json"]),
  ) as string[];
  const own = apiPackages(api);
  const forbidden = [...shared, ...apis.filter((other) => other !== api).flatMap(apiPackages)];
  const wrong = affected.filter((project) => forbidden.includes(project));
  const missing = own.filter((name) => !affected.includes(name));
  const ok = missing.length === 0 && wrong.length === 0;
  failed ||= !ok;
  const detail = ok ? "" : ` (expected ${own.join(" and ")}, and none of ${wrong.join(", ") || forbidden.join(", ")})`;
  console.log(`${ok ? "✔" : "✖"} touching ${file} affects ${affected.sort().join(", ") || "nothing"}${detail}`);
}
if (failed) process.exit(1);
