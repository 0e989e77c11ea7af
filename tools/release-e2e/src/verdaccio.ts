import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { type Background, freePort, startBackground, waitFor } from "./processes.ts";

const BIN = fileURLToPath(new URL("../node_modules/.bin/verdaccio", import.meta.url));

export interface Registry {
  url: string;
  token: string;
  stop(): Promise<void>;
}

/**
 * Verdaccio on 127.0.0.1 with its storage in `dir`: no uplinks, so only what we publish is there (consumers get
 * third-party packages from their usual registry through a scoped `.npmrc`).
 */
export async function startVerdaccio(dir: string): Promise<Registry> {
  const port = await freePort();
  mkdirSync(dir, { recursive: true });
  const config = path.join(dir, "config.yaml");
  writeFileSync(
    config,
    [
      `storage: ${path.join(dir, "storage")}`,
      "auth:",
      "  htpasswd:",
      `    file: ${path.join(dir, "htpasswd")}`,
      "uplinks: {}",
      "packages:",
      "  '@chat-sdk/*':",
      "    access: $all",
      "    publish: $authenticated",
      "log: { type: stdout, format: pretty, level: warn }",
      "",
    ].join("\n"),
  );
  const server: Background = startBackground(BIN, ["--config", config, "--listen", `127.0.0.1:${port}`]);
  const url = `http://127.0.0.1:${port}/`;
  try {
    // `connection: close` leaves no idle keep-alive socket that Verdaccio would close under a later request.
    const close = { connection: "close" };
    await waitFor("Verdaccio", async () => (await fetch(`${url}-/ping`, { headers: close })).ok, 30_000);
    const response = await fetch(`${url}-/user/org.couchdb.user:release`, {
      method: "PUT",
      headers: { "content-type": "application/json", ...close },
      body: JSON.stringify({ name: "release", password: "release-e2e-password" }),
    });
    const { token } = (await response.json()) as { token: string };
    return { url, token, stop: () => server.stop() };
  } catch (error) {
    await server.stop();
    throw new Error(`Verdaccio did not start: ${(error as Error).message}\n${server.output()}`);
  }
}
