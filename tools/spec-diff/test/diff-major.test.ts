import { describe, expect, it } from "vitest";
import { diff, diffBrief, getThings, postThings, spec } from "./specs.ts";

const OBJECT = (properties: string, required = "[]") =>
  `{ type: object, required: ${required}, properties: ${properties} }`;

describe("major changes", () => {
  it("an operation removed", async () => {
    const before = spec(`  /a:\n    get: { operationId: getA, responses: { "200": { description: OK } } }
  /b:\n    get: { operationId: getB, responses: { "200": { description: OK } } }\n`);
    const after = spec(`  /a:\n    get: { operationId: getA, responses: { "200": { description: OK } } }\n`);
    expect(await diff(before, after)).toEqual([
      {
        level: "major",
        operationId: "getB",
        where: "GET /b",
        message: "operation removed",
        method: "getB",
        type: "GetB",
      },
    ]);
  });

  it("a response field removed", async () => {
    const before = postThings("{ type: object }", OBJECT("{ id: { type: string }, name: { type: string } }"));
    const after = postThings("{ type: object }", OBJECT("{ id: { type: string } }"));
    expect(await diff(before, after)).toEqual([
      {
        level: "major",
        operationId: "createThing",
        where: "POST /things response 200 .name",
        message: "response field removed",
        method: "createThing",
        type: "CreateThing",
      },
    ]);
  });

  it("a required request field added", async () => {
    const before = postThings(OBJECT("{ a: { type: string } }"));
    const after = postThings(OBJECT("{ a: { type: string }, b: { type: string } }", "[b]"));
    expect(await diffBrief(before, after)).toEqual([
      { level: "major", where: "POST /things request body .b", message: "required request field added" },
    ]);
  });

  it("an optional request field made required", async () => {
    const before = postThings(OBJECT("{ a: { type: string } }"));
    const after = postThings(OBJECT("{ a: { type: string } }", "[a]"));
    expect(await diffBrief(before, after)).toEqual([
      { level: "major", where: "POST /things request body .a", message: "optional request field made required" },
    ]);
  });

  it("a request enum value removed", async () => {
    const before = postThings(OBJECT("{ kind: { type: string, enum: [a, b, c] } }"));
    const after = postThings(OBJECT("{ kind: { type: string, enum: [a, c] } }"));
    expect(await diffBrief(before, after)).toEqual([
      { level: "major", where: "POST /things request body .kind", message: 'request enum value removed: "b"' },
    ]);
  });

  it("a field's type changed, named by its path through arrays", async () => {
    const groups = (type: string) =>
      OBJECT(`{ groups: { type: array, items: { type: object, properties: { priority: { type: ${type} } } } } }`);
    const after = postThings(groups("string")).replace("/things", "/action/create_agent");
    const before = postThings(groups("integer")).replace("/things", "/action/create_agent");
    expect(await diffBrief(before, after)).toEqual([
      {
        level: "major",
        where: "POST /action/create_agent request body .groups[].priority",
        message: "type changed from integer to string",
      },
    ]);
  });

  it("a required parameter added, and a parameter removed", async () => {
    const before = getThings("[{ name: limit, in: query, schema: { type: integer } }]");
    const after = getThings("[{ name: cursor, in: query, required: true, schema: { type: string } }]");
    expect(await diffBrief(before, after)).toEqual([
      { level: "major", where: "GET /things query parameter cursor", message: "required parameter added" },
      { level: "major", where: "GET /things query parameter limit", message: "parameter removed" },
    ]);
  });

  it("an optional parameter made required", async () => {
    const before = getThings("[{ name: limit, in: query, schema: { type: integer } }]");
    const after = getThings("[{ name: limit, in: query, required: true, schema: { type: integer } }]");
    expect(await diffBrief(before, after)).toEqual([
      { level: "major", where: "GET /things query parameter limit", message: "optional parameter made required" },
    ]);
  });

  const SCHEMES = `components:
  securitySchemes:
    token: { type: apiKey, in: header, name: X-Token }
    user: { type: apiKey, in: header, name: X-User }
`;

  it("a security scheme added to an operation", async () => {
    const before = getThings("[]", `security: [{ token: [] }]\n${SCHEMES}`);
    const after = getThings(
      "[]",
      `security: [{ token: [] }]\n${SCHEMES}`,
      "      security: [{ token: [], user: [] }]\n",
    );
    expect(await diffBrief(before, after)).toEqual([
      {
        level: "major",
        where: "GET /things",
        message: "security requirements changed: added token + user; removed token",
      },
    ]);
  });

  it("a scheme removed from the global security requirement", async () => {
    const before = getThings("[]", `security: [{ token: [], user: [] }]\n${SCHEMES}`);
    const after = getThings("[]", `security: [{ token: [] }]\n${SCHEMES}`);
    expect(await diffBrief(before, after)).toEqual([
      {
        level: "major",
        where: "global security",
        message: "security requirements changed: added token; removed token + user",
      },
    ]);
  });

  it("a server URL changed, but not a server description", async () => {
    const before = getThings("[]", "servers: [{ url: https://api.example.com, description: Old }]\n");
    const moved = getThings("[]", "servers: [{ url: https://eu.example.com, description: Old }]\n");
    const described = getThings("[]", "servers: [{ url: https://api.example.com, description: New }]\n");
    expect(await diffBrief(before, moved)).toEqual([
      {
        level: "major",
        where: "servers",
        message: "server URL changed: added https://eu.example.com; removed https://api.example.com",
      },
    ]);
    expect(await diffBrief(before, described)).toEqual([
      { level: "patch", where: "servers", message: "changed: #/servers" },
    ]);
  });
});
