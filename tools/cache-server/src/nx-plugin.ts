/**
 * Nx plugin that makes the self-hosted remote cache optional at run time.
 *
 * Nx (24.x) aborts the whole command when `NX_SELF_HOSTED_REMOTE_CACHE_SERVER` is set but the server is down
 * ("Failed to send request") or rejects the token ("Unauthorized"). A shared cache must never be the reason CI
 * fails, so before any task runs this hook asks the server for one entry; unless it answers 200 or 404, it
 * switches the remote cache off for this command (Nx treats an empty value as unset) and warns. Tasks then run,
 * using the local cache only.
 */
import { probeRemoteCache } from "./probe.ts";

const SERVER = "NX_SELF_HOSTED_REMOTE_CACHE_SERVER";
const TOKEN = "NX_SELF_HOSTED_REMOTE_CACHE_ACCESS_TOKEN";

export const name = "@chat-sdk/cache-server/fallback";

export async function preTasksExecution(): Promise<Record<string, string>> {
  const server = process.env[SERVER];
  if (!server) return {};
  const problem = await probeRemoteCache(server, process.env[TOKEN]);
  if (problem === undefined) return {};
  console.warn(
    `\n⚠ Remote cache disabled for this run: ${problem}. Tasks run with the local cache only; set ${SERVER} and ${TOKEN} correctly to share results.\n`,
  );
  process.env[SERVER] = "";
  return { [SERVER]: "" };
}
