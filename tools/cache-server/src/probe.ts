/** How long the probe waits: a healthy server answers a miss in milliseconds; a dead host must not stall CI. */
const PROBE_TIMEOUT_MS = 3_000;

/** A hash Nx never produces for a real task (its hashes are long), so the answer is a plain miss. */
const PROBE_HASH = "0";

/**
 * Asks the server for one entry the way Nx would. Returns undefined when it answers as the protocol says
 * (200 or 404), else a short reason. The reason never contains the token.
 */
export async function probeRemoteCache(server: string, token: string | undefined): Promise<string | undefined> {
  let url: URL;
  try {
    url = new URL(`v1/cache/${PROBE_HASH}`, server.endsWith("/") ? server : `${server}/`);
  } catch {
    return "the server address is not a valid URL";
  }
  const shown = url.origin;
  try {
    const response = await fetch(url, {
      headers: token ? { authorization: `Bearer ${token}` } : {},
      signal: AbortSignal.timeout(PROBE_TIMEOUT_MS),
    });
    await response.body?.cancel();
    if (response.status === 200 || response.status === 404) return undefined;
    if (response.status === 401 || response.status === 403) {
      return `${shown} rejected the access token (HTTP ${response.status})`;
    }
    return `${shown} answered HTTP ${response.status}`;
  } catch (error) {
    const cause = error instanceof Error && error.name === "TimeoutError" ? "timed out" : "is unreachable";
    return `${shown} ${cause}`;
  }
}
