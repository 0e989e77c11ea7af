/** The consumer's view: method names, the keys of the one flat input, body placement, media types, result kinds. */
import { describe, expect, it } from "vitest";
import { api, diffBrief, type Op } from "./specs.ts";

const THING = "{ type: object, required: [name], properties: { name: { type: string }, size: { type: integer } } }";
const WITH_ID = "{ type: object, required: [id], properties: { id: { type: string }, name: { type: string } } }";
const QUERY = (name: string, required = false) =>
  `{ name: ${name}, in: query, required: ${required}, schema: { type: string } }`;
const HEADER = (name: string, required = false) =>
  `{ name: ${name}, in: header, required: ${required}, schema: { type: string } }`;

async function levels(before: Op[], after: Op[]) {
  return (await diffBrief(api(...before), api(...after))).map(
    (change) => `${change.level} ${change.where}: ${change.message}`,
  );
}

describe("input keys", () => {
  it("an optional query parameter added to a body-only operation is minor: the body's keys stay", async () => {
    expect(await levels([{ body: THING }], [{ body: THING, parameters: `[${QUERY("dryRun")}]` }])).toEqual([
      "minor POST /things query parameter dryRun: optional parameter added",
    ]);
  });

  it("a required header parameter added is major, an optional one minor", async () => {
    expect(await levels([{ body: THING }], [{ body: THING, parameters: `[${HEADER("X-Tenant", true)}]` }])).toEqual([
      "major POST /things header parameter X-Tenant: required parameter added",
    ]);
    expect(await levels([{ body: THING }], [{ body: THING, parameters: `[${HEADER("X-Trace")}]` }])).toEqual([
      "minor POST /things header parameter X-Trace: optional parameter added",
    ]);
    const cookie = "[{ name: session, in: cookie, schema: { type: string } }]";
    expect(await levels([{ body: THING }], [{ body: THING, parameters: cookie }])).toEqual([
      "minor POST /things cookie parameter session: optional parameter added",
    ]);
  });

  it("a parameter named like a body field gets a prefixed key, which the change names", async () => {
    expect(await levels([{ body: THING }], [{ body: THING, parameters: `[${QUERY("name")}]` }])).toEqual([
      "minor POST /things query parameter name: optional parameter added as input key queryName",
    ]);
  });

  it("an optional body field added is minor, a required one major, also when the body is optional", async () => {
    const wider = THING.replace("size:", "color: { type: string }, size:");
    expect(await levels([{ body: THING }], [{ body: wider }])).toEqual([
      "minor POST /things request body .color: optional request field added",
    ]);
    const required = wider.replace("[name]", "[name, color]");
    expect(await levels([{ body: THING, bodyRequired: false }], [{ body: required, bodyRequired: false }])).toEqual([
      "major POST /things request body .color: required request field added",
    ]);
  });

  it("a path parameter that takes a body field's key renames the field: major", async () => {
    const after: Op = {
      path: "/things/{id}",
      parameters: "[{ name: id, in: path, required: true, schema: { type: string } }]",
      body: WITH_ID,
    };
    expect(await levels([{ body: WITH_ID }], [after])).toEqual([
      "major POST /things/{id} path parameter id: required parameter added, taking input key id from the request body .id",
      "major POST /things/{id} request body .id: input key renamed from id to bodyId",
      "minor POST /things/{id}: operation moved from POST /things: the method keeps its name",
    ]);
  });

  it("a body field that takes a query parameter's key renames the parameter: major, though optional", async () => {
    const before: Op = { body: THING, parameters: `[${QUERY("color")}]` };
    const after: Op = { ...before, body: THING.replace("size:", "color: { type: string }, size:") };
    expect(await levels([before], [after])).toEqual([
      "major POST /things query parameter color: input key renamed from color to queryColor",
      "major POST /things request body .color: optional request field added, taking input key color from the query parameter color",
    ]);
  });

  it("a parameter sent elsewhere under the same key is minor, and its type is still compared", async () => {
    const before: Op = { method: "get", parameters: `[${QUERY("trace")}]` };
    expect(await levels([before], [{ method: "get", parameters: `[${HEADER("trace")}]` }])).toEqual([
      "minor GET /things header parameter trace: input key trace now sent as header parameter trace (was query parameter trace)",
    ]);
    const narrowed = "[{ name: trace, in: header, schema: { type: integer } }]";
    expect(await levels([before], [{ method: "get", parameters: narrowed }])).toEqual([
      "major GET /things header parameter trace: type changed from string to integer",
      "minor GET /things header parameter trace: input key trace now sent as header parameter trace (was query parameter trace)",
    ]);
  });

  it("an optional body made required is minor when none of its fields is required", async () => {
    const optional = "{ type: object, properties: { note: { type: string } } }";
    expect(await levels([{ body: optional, bodyRequired: false }], [{ body: optional }])).toEqual([
      "minor POST /things request body: optional request body made required, but none of its fields is: calls need not change",
    ]);
    expect(await levels([{ body: THING, bodyRequired: false }], [{ body: THING }])).toEqual([
      "major POST /things request body: optional request body made required",
    ]);
  });
});

describe("request body placement and media types", () => {
  it("the `body` key of a non-object body made required is major, made optional minor", async () => {
    const list: Op = { body: "{ type: array, items: { type: string } }", bodyRequired: false };
    expect(await levels([list], [{ ...list, bodyRequired: true }])).toEqual([
      "major POST /things request body: optional request body made required",
    ]);
    expect(await levels([{ ...list, bodyRequired: true }], [list])).toEqual([
      "minor POST /things request body: required request body made optional",
    ]);
  });

  it("an object body become an array moves it under the `body` key: major", async () => {
    expect(await levels([{ body: WITH_ID }], [{ body: "{ type: array, items: { type: string } }" }])).toEqual([
      "major POST /things request body: request body moved from flattened fields to the input key body",
      "major POST /things request body: required input key body added",
      "major POST /things request body: type changed from object to array",
      "major POST /things request body .id: request field removed",
      "major POST /things request body .name: request field removed",
      "patch POST /things request body: changed: #/paths/~1things/post/requestBody/content/application~1json/schema/items",
    ]);
  });

  it("a JSON object body become octet-stream is major", async () => {
    const binary: Op = { body: "{ type: string, format: binary }", media: ["application/octet-stream"] };
    expect(await levels([{ body: WITH_ID }], [binary])).toEqual([
      "major POST /things request body: request body moved from flattened fields to the input key body",
      "major POST /things request body: request media type application/json removed",
      "major POST /things request body: required input key body added",
      "major POST /things request body .id: request field removed",
      "major POST /things request body .name: request field removed",
      "minor POST /things request body: default request media type changed from application/json to application/octet-stream",
      "minor POST /things request body: request media type application/octet-stream added",
    ]);
  });

  it("a media type added is minor, one removed major", async () => {
    const both: Op = { body: THING, media: ["application/json", "application/x-www-form-urlencoded"] };
    expect(await levels([{ body: THING }], [both])).toEqual([
      "minor POST /things request body: request media type application/x-www-form-urlencoded added",
    ]);
    expect(await levels([both], [{ body: THING }])).toEqual([
      "major POST /things request body: request media type application/x-www-form-urlencoded removed",
    ]);
  });
});

describe("method names", () => {
  it("an operation without operationId whose path changes is a method removed", async () => {
    const before: Op = { method: "get", path: "/things/{id}", operationId: null, parameters: ID_PARAM };
    const after: Op = { ...before, path: "/items/{id}" };
    expect(await levels([before], [after])).toEqual([
      "major GET /things/{id}: operation removed",
      "minor GET /items/{id}: operation added",
    ]);
  });

  it("an operation moved with its operationId keeps its method: minor", async () => {
    expect(await levels([{ body: THING }], [{ body: THING, path: "/v2/things" }])).toEqual([
      "minor POST /v2/things: operation moved from POST /things: the method keeps its name",
    ]);
  });

  it("a method renamed by a new operation that claims its name first is major", async () => {
    const existing: Op = { method: "get", path: "/things", operationId: "getThing" };
    const newcomer: Op = { method: "get", path: "/a/things", operationId: "get_thing" };
    expect(await levels([existing], [newcomer, existing])).toEqual([
      "major GET /things: method renamed from getThing to getThing2, types GetThingInput/Output renamed to " +
        "GetThing2Input/Output (same operationId: the name now clashes with another method or the generator's own names)",
      "minor GET /a/things: operation added",
    ]);
  });

  it("an operationId change that keeps the method name is still major (errors and auth providers see the id)", async () => {
    expect(await levels([{ operationId: "create_thing" }], [{ operationId: "createThing" }])).toEqual([
      "major POST /things: operationId changed from create_thing to createThing: the method keeps its name " +
        "createThing, but errors, logs and auth providers see the new id",
    ]);
  });

  it("an operationId that renames the method says so once", async () => {
    expect(await levels([{ operationId: "createThing" }], [{ operationId: "makeThing" }])).toEqual([
      "major POST /things: method renamed from createThing to makeThing, types CreateThingInput/Output renamed to " +
        "MakeThingInput/Output (operationId changed from createThing to makeThing)",
    ]);
  });
});

describe("what the method resolves to", () => {
  it("a value become nothing is major", async () => {
    expect(await levels([{}], [{ response: "" }])).toEqual([
      "major POST /things response: the method now resolves to nothing (void) (was the JSON body)",
      "patch POST /things response 200: media type application/json removed (#/paths/~1things/post/responses/200/content/application~1json)",
    ]);
  });

  it("JSON become text is major; void become JSON minor", async () => {
    const text = "{ text/plain: { schema: { type: string } } }";
    expect(await levels([{}], [{ response: text }])).toEqual([
      "major POST /things response: the method now resolves to a string (was the JSON body)",
      "patch POST /things response 200: media type application/json removed (#/paths/~1things/post/responses/200/content/application~1json)",
      "patch POST /things response 200: media type text/plain added (#/paths/~1things/post/responses/200/content/text~1plain)",
    ]);
    expect(await levels([{ response: "" }], [{}])).toEqual([
      "minor POST /things response: the method now resolves to the JSON body (was nothing (void))",
      "patch POST /things response 200: media type application/json added (#/paths/~1things/post/responses/200/content/application~1json)",
    ]);
  });
});

describe("without the generator's model", () => {
  it("a document the generator refuses is classified from the spec alone, and says so", async () => {
    const paginated: Op = { method: "get" };
    const broken = api(paginated).replace(
      "operationId: createThing",
      "operationId: createThing\n      x-pagination: {}",
    );
    const changes = await diffBrief(api(paginated), broken);
    expect(changes[0]).toMatchObject({ level: "patch", where: "document" });
    expect(changes[0]?.message).toContain("the generator cannot read the after spec");
  });
});

const ID_PARAM = "[{ name: id, in: path, required: true, schema: { type: string } }]";
