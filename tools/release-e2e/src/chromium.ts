import { rmSync } from "node:fs";
import { headlessChromium } from "@chat-sdk/test-utils/chromium";
import { startBackground } from "./processes.ts";

/** Debian's Chromium, headless, on a fresh profile, with no background traffic; `stop` ends it and its children. */
export function openInChromium(url: string): { stop(): Promise<void>; output(): string } {
  const { binary, args, profile } = headlessChromium("chromium-profile-");
  const browser = startBackground(binary, [...args, "--disable-quic", url]);
  return {
    output: browser.output,
    async stop() {
      await browser.stop();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
