#!/usr/bin/env node
/**
 * `pnpm docs:preview`: the quick loop for spec authors. Builds the reference of every API, serves each on
 * http://127.0.0.1:<port> (the first on DOCS_PORT, default 4173, the next on the following ports), and on every change under specs/<api>/ re-runs that API's
 * `generate` and `docs` targets through Nx (types, README table and reference; reload the page to see them).
 * Ctrl-C stops the watcher, the server and a running build.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync, watch } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { listApis } from "@chat-sdk/generator/docs";
import { type StaticServer, serveReference } from "./static-server.ts";

const root = path.resolve(fileURLToPath(new URL("../../../", import.meta.url)));
const nx = path.join(root, "node_modules", ".bin", "nx");
const apis = listApis(root);
let running: ChildProcess | undefined;
const pending = new Set<string>();
let timer: NodeJS.Timeout | undefined;

/** The Nx project of an API: its package name (the plugin names a not-yet-generated package the same way). */
function projectOf(api: string): string {
  try {
    return (JSON.parse(readFileSync(path.join(root, "packages", api, "package.json"), "utf8")) as { name: string })
      .name;
  } catch {
    const scope = (
      JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as { chatSdk?: { scope?: string } }
    ).chatSdk?.scope;
    return `${scope ?? "@chat-sdk"}/${api}`;
  }
}

function rebuild(): void {
  if (running || pending.size === 0) return;
  const projects = [...pending].map(projectOf);
  pending.clear();
  console.log(`↻ ${projects.join(", ")}: generate + docs`);
  const args = ["run-many", "-t", "generate", "docs", `--projects=${projects.join(",")}`, "--outputStyle=static"];
  running = spawn(nx, args, { cwd: root, stdio: "inherit" });
  running.on("exit", (code) => {
    running = undefined;
    console.log(
      code === 0 ? "✔ reference rebuilt: reload the page" : "✖ build failed (see above); fix the spec and save",
    );
    rebuild();
  });
}

function queue(api: string): void {
  if (!apis.includes(api)) return;
  pending.add(api);
  clearTimeout(timer);
  timer = setTimeout(rebuild, 200); // an editor's save is often several events
}

// Redoc routes with paths from `/`, so each API gets the root of its own port: DOCS_PORT, DOCS_PORT + 1, ...
const firstPort = Number(process.env.DOCS_PORT ?? 4173);
const servers: StaticServer[] = [];
for (const [index, api] of apis.entries()) {
  const server = await serveReference(path.join(root, "packages", api, "reference"), firstPort + index);
  servers.push(server);
  console.log(`${api}: ${server.url}/`);
}
for (const api of apis) pending.add(api);
rebuild();
const watcher = watch(path.join(root, "specs"), { recursive: true }, (_event, file) => {
  if (file) queue(String(file).split(path.sep)[0] ?? "");
});
console.log("Watching specs/ for changes. Ctrl-C stops.");

process.once("SIGINT", async () => {
  watcher.close();
  clearTimeout(timer);
  running?.kill("SIGINT");
  await Promise.all(servers.map((server) => server.close()));
  process.exit(0);
});
