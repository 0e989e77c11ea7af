import { describe, expect, it } from "vitest";
import { diff, diffBrief, getThings, postThings, spec } from "./specs.ts";

const OBJECT = (properties: string, required = "[]") =>
  `{ type: object, required: ${required}, properties: ${properties} }`;

describe("minor changes", () => {
  it("an operation added", async () => {
    const before = spec(`  /a:\n    get: { operationId: getA, responses: { "200": { description: OK } } }\n`);
    const after = spec(`  /a:\n    get: { operationId: getA, responses: { "200": { description: OK } } }
    delete: { operationId: deleteA, responses: { "204": { description: Gone } } }\n`);
    expect(await diff(before, after)).toEqual([
      {
        level: "minor",
        operationId: "deleteA",
        where: "DELETE /a",
        message: "operation added",
        method: "deleteA",
        type: "DeleteA",
      },
    ]);
  });

  it("an optional request field added", async () => {
    const before = postThings(OBJECT("{ a: { type: string } }", "[a]"));
    const after = postThings(OBJECT("{ a: { type: string }, b: { type: boolean } }", "[a]"));
    expect(await diffBrief(before, after)).toEqual([
      { level: "minor", where: "POST /things request body .b", message: "optional request field added" },
    ]);
  });

  it("an optional parameter added", async () => {
    const before = getThings("[]");
    const after = getThings("[{ name: X-Trace, in: header, schema: { type: string } }]");
    expect(await diffBrief(before, after)).toEqual([
      { level: "minor", where: "GET /things header parameter X-Trace", message: "optional parameter added" },
    ]);
  });

  it("a response field added", async () => {
    const before = postThings("{ type: object }", OBJECT("{ id: { type: string } }"));
    const after = postThings("{ type: object }", OBJECT("{ id: { type: string }, extra: { type: string } }"));
    expect(await diffBrief(before, after)).toEqual([
      { level: "minor", where: "POST /things response 200 .extra", message: "response field added" },
    ]);
  });

  it("a request enum value added", async () => {
    const before = postThings(OBJECT("{ kind: { enum: [a] } }"));
    const after = postThings(OBJECT("{ kind: { enum: [a, b] } }"));
    expect(await diffBrief(before, after)).toEqual([
      { level: "minor", where: "POST /things request body .kind", message: 'request enum value added: "b"' },
    ]);
  });

  it("a response enum value added warns about clients switching on the value", async () => {
    const before = postThings("{ type: object }", OBJECT("{ status: { enum: [open, closed] } }"));
    const after = postThings("{ type: object }", OBJECT("{ status: { enum: [open, closed, archived] } }"));
    const changes = await diffBrief(before, after);
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({ level: "minor", where: "POST /things response 200 .status" });
    expect(changes[0]?.message).toContain('response enum value added: "archived"');
    expect(changes[0]?.message).toContain("clients that switch on the value should handle values they do not know");
  });
});

describe("patch changes", () => {
  it("descriptions, summaries, examples and x- extensions are documentation, named by pointer", async () => {
    const before = postThings(
      OBJECT("{ a: { type: string, description: Old, example: x } }"),
      undefined,
      "      summary: Old\n",
    );
    const after = postThings(
      OBJECT("{ a: { type: string, description: New, example: y } }"),
      undefined,
      "      summary: New\n      x-idempotent: false\n",
    );
    const field = "#/paths/~1things/post/requestBody/content/application~1json/schema/properties/a";
    expect(await diffBrief(before, after)).toEqual([
      {
        level: "patch",
        where: "POST /things",
        message: "documentation changed: summary (#/paths/~1things/post/summary)",
      },
      {
        level: "patch",
        where: "POST /things",
        message: "documentation changed: x-idempotent (#/paths/~1things/post/x-idempotent)",
      },
      {
        level: "patch",
        where: "POST /things request body .a",
        message: `documentation changed: description (${field}/description)`,
      },
      {
        level: "patch",
        where: "POST /things request body .a",
        message: `documentation changed: example (${field}/example)`,
      },
    ]);
  });

  it("any other difference is a patch naming its pointer", async () => {
    const before = postThings(OBJECT("{ at: { type: string } }"));
    const after = postThings(OBJECT("{ at: { type: string, format: date-time } }"));
    expect(await diffBrief(before, after)).toEqual([
      {
        level: "patch",
        where: "POST /things request body .at",
        message: "changed: #/paths/~1things/post/requestBody/content/application~1json/schema/properties/at/format",
      },
    ]);
  });

  it("identical specs give no change at all", async () => {
    const text = postThings(OBJECT("{ a: { type: string } }"), OBJECT("{ b: { type: string } }"));
    expect(await diff(text, text)).toEqual([]);
  });

  it("an unused component edit is still reported when nothing else changed", async () => {
    const before = getThings("[]", "components:\n  schemas:\n    Unused: { type: string }\n");
    const after = getThings("[]", "components:\n  schemas:\n    Unused: { type: integer }\n");
    expect(await diffBrief(before, after)).toEqual([
      { level: "patch", where: "components schemas Unused", message: "changed: #/components/schemas/Unused" },
    ]);
  });
});
