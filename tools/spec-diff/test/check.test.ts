import { describe, expect, it } from "vitest";
import type { SpecChange } from "../src/change.ts";
import { checkPlans, listChanges } from "../src/check.ts";
import type { ApiPlan } from "../src/plan.ts";
import { changeHash, changesetText } from "../src/suggest.ts";

const change = (index: number, level: SpecChange["level"] = "major"): SpecChange => ({
  level,
  operationId: `op${index}`,
  where: `GET /op${index}`,
  message: "operation removed",
});

const plan = (changes: SpecChange[], required: ApiPlan["required"]): ApiPlan => ({
  api: "pets",
  packageName: "@x/pets",
  base: "@x/pets@1.0.0",
  changed: true,
  changes,
  required,
});

describe("check output", () => {
  it("lists at most ten changes, then how many more", () => {
    const lines = listChanges(
      Array.from({ length: 12 }, (_, index) => change(index)),
      "  ",
    );
    expect(lines).toHaveLength(11);
    expect(lines[0]).toBe("  major  GET /op0: operation removed");
    expect(lines[10]).toBe("  … and 2 more");
  });

  it("shows only the changes at the required level as reasons", () => {
    const result = checkPlans([plan([change(1), change(2, "patch")], "major")], new Map([["@x/pets", "minor"]]));
    expect(result.ok).toBe(false);
    expect(result.err).toEqual([
      "✖ @x/pets: needs major (since @x/pets@1.0.0), changesets give minor",
      "    major  GET /op1: operation removed",
    ]);
  });

  it("a spec edit without API difference needs no changeset", () => {
    const result = checkPlans([plan([], "none")], new Map());
    expect(result).toEqual({
      ok: true,
      out: ["✔ @x/pets: no bump needed (no API difference) (since @x/pets@1.0.0), changesets give nothing"],
      err: [],
    });
  });
});

describe("suggested changeset", () => {
  it("groups operations and changes by level, and hashes the change list stably", () => {
    const changes: SpecChange[] = [
      change(1),
      { level: "minor", operationId: "op2", where: "GET /op2", message: "operation added" },
      {
        level: "patch",
        operationId: "op3",
        where: "GET /op3 response 200 .a",
        message: "documentation changed: description",
      },
    ];
    expect(changesetText({ ...plan(changes, "major"), required: "major" })).toBe(
      [
        "---",
        '"@x/pets": major',
        "---",
        "",
        "Spec changes in `specs/pets` since @x/pets@1.0.0.",
        "",
        "- Operations added: `op2` (GET /op2)",
        "- Operations removed: `op1` (GET /op1)",
        "- Operations changed: `op3` (GET /op3)",
        "",
        "Major:",
        "",
        "- GET /op1: operation removed",
        "",
        "Minor:",
        "",
        "- GET /op2: operation added",
        "",
        "Patch:",
        "",
        "- GET /op3 response 200 .a: documentation changed: description",
        "",
      ].join("\n"),
    );
    expect(changeHash(changes)).toMatch(/^[0-9a-f]{8}$/);
    expect(changeHash(changes)).toBe(changeHash([...changes]));
    expect(changeHash(changes)).not.toBe(changeHash(changes.slice(1)));
  });
});
