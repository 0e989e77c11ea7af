import { useRecordingServer } from "@chat-sdk/test-utils";
import { describe, expect, it } from "vitest";
import { createApiClient, encodeRequest, type Middleware, type OperationDescriptor } from "../src/index.ts";

const server = useRecordingServer();

const op: OperationDescriptor = {
  encode: encodeRequest,
  id: "getThing",
  method: "get",
  path: "/things",
  params: {
    "X-Request-Id": { in: "header" },
    tags: { in: "header" },
    dims: { in: "header", explode: true },
    flag: { in: "header", name: "X-Flag" },
    filter: { in: "header", name: "X-Filter", json: true },
    session: { in: "cookie" },
    prefs: { in: "cookie", explode: false },
    q: { in: "query" },
  },
};

describe("header parameters", () => {
  it("are sent under their wire names, simple style, numbers and booleans as text, JSON when declared", async () => {
    await createApiClient({ baseUrl: server.url }).call(op, {
      "X-Request-Id": "r-1",
      tags: ["a", "b"],
      dims: { w: 1, h: 2 },
      flag: false,
      filter: { a: 1 },
      q: 7,
    });
    const request = server.requests.at(-1);
    expect(request?.headers).toMatchObject({
      "x-request-id": "r-1",
      tags: "a,b",
      dims: "w=1,h=2",
      "x-flag": "false",
      "x-filter": '{"a":1}',
    });
    expect(request?.search).toBe("q=7");
    expect(request?.headers.cookie).toBeUndefined();
  });

  it("give way to the client's, auth's and the call's headers, whatever their case", async () => {
    const api = createApiClient({
      baseUrl: server.url,
      headers: { "x-flag": "client" },
      auth: { "X-REQUEST-ID": "from-auth" },
    });
    await api.call(op, { "X-Request-Id": "param", flag: true, tags: "t" }, { headers: { TAGS: "call" } });
    expect(server.requests.at(-1)?.headers).toMatchObject({
      "x-request-id": "from-auth",
      "x-flag": "client",
      tags: "call",
    });
  });

  it("are visible to middleware, by location", async () => {
    let seen: unknown;
    const spy: Middleware = {
      onRequest: ({ params }) => {
        seen = params;
      },
    };
    await createApiClient({ baseUrl: server.url, middleware: [spy] }).call(op, { tags: "t", q: 1, session: "s" });
    expect(seen).toEqual({ header: { tags: "t" }, query: { q: 1 }, cookie: { session: "s" } });
  });
});

describe("cookie parameters", () => {
  it("are joined into one Cookie header, form style, percent-encoded", async () => {
    await createApiClient({ baseUrl: server.url }).call(op, { session: "a b;c", prefs: ["x", "y"] });
    expect(server.requests.at(-1)?.headers.cookie).toBe("session=a%20b%3Bc; prefs=x,y");
  });

  it("give way to a Cookie header of the call", async () => {
    await createApiClient({ baseUrl: server.url }).call(op, { session: "s" }, { headers: { cookie: "mine=1" } });
    expect(server.requests.at(-1)?.headers.cookie).toBe("mine=1");
  });
});
