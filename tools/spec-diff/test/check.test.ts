import { describe, expect, it } from "vitest";
import type { SpecChange } from "../src/change.ts";
import { checkPlans, listChanges } from "../src/check.ts";
import { type Coverage, changeId, coverageMarker } from "../src/coverage.ts";
import type { ApiPlan } from "../src/plan.ts";
import { changeHash, changesetText } from "../src/suggest.ts";
import { consumerLines } from "../src/wording.ts";

const change = (index: number, level: SpecChange["level"] = "major"): SpecChange => ({
  level,
  operationId: `op${index}`,
  where: `GET /op${index}`,
  message: "operation removed",
  method: `op${index}`,
  type: `Op${index}`,
});

const plan = (changes: SpecChange[], required: ApiPlan["required"]): ApiPlan => ({
  api: "pets",
  packageName: "@x/pets",
  base: "@x/pets@1.0.0",
  changed: true,
  changes,
  required,
});

const covering = (changes: SpecChange[], level: SpecChange["level"]): Coverage =>
  new Map([["@x/pets", new Map(changes.map((c) => [changeId(c), level]))]]);

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

  it("fails for each change no changeset lists, whatever bump other changesets give", () => {
    const result = checkPlans(
      [plan([change(1), change(2, "patch")], "major")],
      covering([change(2, "patch")], "major"),
    );
    expect(result.ok).toBe(false);
    expect(result.err).toEqual([
      "✖ @x/pets: 1 change has no changeset (since @x/pets@1.0.0; needs major): run `pnpm changeset:suggest`",
      "    major  GET /op1: operation removed",
    ]);
  });

  it("a change listed with a smaller bump than it needs is not covered", () => {
    expect(checkPlans([plan([change(1)], "major")], covering([change(1)], "minor")).ok).toBe(false);
    const result = checkPlans([plan([change(1)], "major")], covering([change(1)], "major"));
    expect(result).toEqual({
      ok: true,
      out: ["✔ @x/pets: needs major (since @x/pets@1.0.0), pending changesets cover every change"],
      err: [],
    });
  });

  it("a spec edit without API difference needs no changeset", () => {
    const result = checkPlans([plan([], "none")], new Map());
    expect(result).toEqual({
      ok: true,
      out: ["✔ @x/pets: no bump needed (no API difference) (since @x/pets@1.0.0)"],
      err: [],
    });
  });
});

describe("consumer wording", () => {
  const shared = (op: number, level: SpecChange["level"], message: string): SpecChange => ({
    level,
    operationId: `getAgent${op}`,
    where: `POST /action/get_agent_${op} response 200 .role`,
    message,
    method: `getAgent${op}`,
    type: `GetAgent${op}`,
    subject: "Agent.role",
  });

  it("one line per change of a shared schema, naming every method it reaches", () => {
    const changes = [1, 2, 3].map((op) => shared(op, "minor", "response enum value added: owner"));
    expect(consumerLines(changes)).toEqual([
      "`Agent.role`: response enum value added: owner (`getAgent1()`, `getAgent2()`, `getAgent3()`)",
    ]);
  });

  it("names methods and their Input/Output types, never HTTP paths", () => {
    const lines = consumerLines([
      { ...change(1), message: "operation added", level: "minor" },
      { level: "minor", where: "POST /a request body .tags[].name", message: "x", method: "createA", type: "CreateA" },
      { level: "major", where: "GET /b response 200 .id", message: "y", method: "getB", type: "GetB" },
      { level: "minor", where: "GET /b limit", message: "optional parameter added", method: "getB", type: "GetB" },
      { level: "patch", where: "GET /b response 404", message: "response added", method: "getB", type: "GetB" },
    ]);
    expect(lines).toEqual([
      "`op1()`: new method",
      "`CreateAInput.tags[number].name`: x",
      "`GetBOutput.id`: y",
      "`GetBInput.limit`: optional parameter added",
      "`getB()` response 404: response added",
    ]);
  });
});

describe("suggested changeset", () => {
  it("is written for the package's users, ends with the coverage marker, and hashes the change list stably", () => {
    const changes: SpecChange[] = [
      change(1),
      { level: "minor", operationId: "op2", where: "GET /op2", message: "operation added", method: "op2" },
      {
        level: "patch",
        operationId: "op3",
        where: "GET /op3 response 200 .a",
        message: "documentation changed: description",
        method: "op3",
        type: "Op3",
      },
    ];
    const text = changesetText("@x/pets", "major", changes);
    expect(text).toBe(
      [
        "---",
        '"@x/pets": major',
        "---",
        "",
        "Updated from the API description (1 breaking change, 1 new method).",
        "",
        "Breaking changes:",
        "",
        "- `op1()`: method removed",
        "",
        "New features:",
        "",
        "- `op2()`: new method",
        "",
        "Fixes and documentation:",
        "",
        "- `Op3Output.a`: documentation changed: description",
        "",
        coverageMarker("@x/pets", changes),
        "",
      ].join("\n"),
    );
    expect(text).not.toMatch(/origin\/main|since |GET \//);
    expect(changeHash(changes)).toMatch(/^[0-9a-f]{8}$/);
    expect(changeHash(changes)).toBe(changeHash([...changes]));
    expect(changeHash(changes)).not.toBe(changeHash(changes.slice(1)));
  });
});
