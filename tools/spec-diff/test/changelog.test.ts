import { describe, expect, it } from "vitest";
import { getReleaseLine } from "../src/changelog.ts";
import { coverageMarker } from "../src/coverage.ts";
import { changesetText } from "../src/suggest.ts";

describe("changelog lines", () => {
  it("keep the changeset's words and drop the coverage marker", async () => {
    const change = { level: "minor" as const, where: "GET /a", message: "operation added", method: "getA" };
    const summary = changesetText("@x/pets", "minor", [change]).split("---\n").at(-1)?.trim() ?? "";
    expect(summary).toContain(coverageMarker("@x/pets", [change]));
    const line = await getReleaseLine({ summary, commit: "0123456789abcdef" });
    expect(line).toBe(
      [
        "- 0123456: Updated from the API description (1 new method).",
        "",
        "  New features:",
        "",
        "  - `getA()`: new method",
      ].join("\n"),
    );
    expect(line).not.toContain("spec-diff");
  });
});
