/**
 * How every browser test here starts Debian's Chromium: headless, on a fresh profile, with no background traffic
 * (nothing leaves 127.0.0.1). The callers add what is theirs (a URL, a window size, a DevTools port).
 */
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const CANDIDATES = ["/usr/bin/chromium", "/usr/bin/chromium-browser"];

/** The Chromium binary and the flags every run needs, with a new profile directory the caller removes when done. */
export function headlessChromium(profilePrefix: string): { binary: string; args: string[]; profile: string } {
  const binary = CANDIDATES.find((candidate) => existsSync(candidate));
  if (!binary) throw new Error("Chromium is not installed (Debian package `chromium`; .ci/run installs it)");
  const profile = mkdtempSync(path.join(tmpdir(), profilePrefix));
  const args = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    `--user-data-dir=${profile}`,
  ];
  return { binary, args, profile };
}
