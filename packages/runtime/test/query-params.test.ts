import { useRecordingServer } from "@chat-sdk/test-utils";
import { describe, expect, it } from "vitest";
import { createApiClient, encodeRequest, type OperationDescriptor, type ParamSpec } from "../src/index.ts";

const server = useRecordingServer();

/** The raw query string the server received for `value` sent as the query parameter `color`. */
async function sentQuery(spec: Omit<ParamSpec, "in">, value: unknown): Promise<string | undefined> {
  const op: OperationDescriptor = {
    encode: encodeRequest,
    id: "find",
    method: "get",
    path: "/find",
    params: { color: { in: "query", ...spec }, limit: { in: "query" } },
  };
  await createApiClient({ baseUrl: server.url }).call(op, { color: value, limit: 10 });
  return server.requests.at(-1)?.search;
}

const list = ["blue", "black", "brown"];
const rgb = { R: 100, G: 200, B: 150 };

describe("query parameters", () => {
  it("form, exploded (the default): arrays repeat the key, objects explode to their own keys", async () => {
    expect(await sentQuery({}, "blue")).toBe("color=blue&limit=10");
    expect(await sentQuery({}, list)).toBe("color=blue&color=black&color=brown&limit=10");
    expect(await sentQuery({}, rgb)).toBe("R=100&G=200&B=150&limit=10");
  });

  it("form, not exploded: comma-joined", async () => {
    expect(await sentQuery({ explode: false }, list)).toBe("color=blue,black,brown&limit=10");
    expect(await sentQuery({ explode: false }, rgb)).toBe("color=R,100,G,200,B,150&limit=10");
  });

  it("spaceDelimited and pipeDelimited", async () => {
    expect(await sentQuery({ style: "spaceDelimited" }, list)).toBe("color=blue%20black%20brown&limit=10");
    expect(await sentQuery({ style: "pipeDelimited" }, list)).toBe("color=blue|black|brown&limit=10");
    expect(await sentQuery({ style: "pipeDelimited", explode: true }, list)).toBe(
      "color=blue&color=black&color=brown&limit=10",
    );
  });

  it("deepObject: color[R]=100", async () => {
    expect(await sentQuery({ style: "deepObject" }, rgb)).toBe(
      "color%5BR%5D=100&color%5BG%5D=200&color%5BB%5D=150&limit=10",
    );
    expect(server.requests.at(-1)?.query).toEqual({
      "color[R]": "100",
      "color[G]": "200",
      "color[B]": "150",
      limit: "10",
    });
  });

  it("content: application/json: JSON-encoded", async () => {
    expect(await sentQuery({ json: true }, { a: -1 })).toBe(`color=${encodeURIComponent('{"a":-1}')}&limit=10`);
    expect(await sentQuery({ json: true }, [1, 2])).toBe(`color=${encodeURIComponent("[1,2]")}&limit=10`);
  });

  it("skips undefined and null, percent-encodes reserved characters, sends dates as ISO 8601", async () => {
    expect(await sentQuery({}, undefined)).toBe("limit=10");
    expect(await sentQuery({}, null)).toBe("limit=10");
    expect(await sentQuery({}, ["a&b", null, "c=d e"])).toBe("color=a%26b&color=c%3Dd%20e&limit=10");
    expect(await sentQuery({}, new Date(Date.UTC(2024, 0, 2, 3, 4, 5)))).toBe(
      "color=2024-01-02T03%3A04%3A05.000Z&limit=10",
    );
    expect(await sentQuery({}, [true, 0])).toBe("color=true&color=0&limit=10");
  });

  it("sends no `?` when no query parameter is given", async () => {
    const op: OperationDescriptor = {
      encode: encodeRequest,
      id: "find",
      method: "get",
      path: "/find",
      params: { q: { in: "query" } },
    };
    await createApiClient({ baseUrl: server.url }).call(op, {});
    expect(server.requests.at(-1)).toMatchObject({ path: "/find", search: "" });
  });
});
