import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { startBackground } from "./processes.ts";

const CANDIDATES = ["/usr/bin/chromium", "/usr/bin/chromium-browser"];

/** Debian's Chromium, headless, on a fresh profile, with no background traffic; `stop` ends it and its children. */
export function openInChromium(url: string): { stop(): Promise<void>; output(): string } {
  const binary = CANDIDATES.find((candidate) => existsSync(candidate));
  if (!binary) throw new Error("Chromium is not installed (Debian package `chromium`; .ci/run installs it)");
  const profile = mkdtempSync(path.join(tmpdir(), "chromium-profile-"));
  const browser = startBackground(binary, [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    `--user-data-dir=${profile}`,
    url,
  ]);
  return {
    output: browser.output,
    async stop() {
      await browser.stop();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
