import { describe, expect, it } from "vitest";
import { serializeQuery } from "../src/query.ts";

describe("serializeQuery", () => {
  it("JSON-encodes the declared JSON parameters and percent-encodes them", () => {
    expect(serializeQuery({ sort: { a: -1 }, q: "x y" }, ["sort"])).toBe(
      `sort=${encodeURIComponent('{"a":-1}')}&q=x%20y`,
    );
  });

  it("skips undefined and null, repeats arrays, stringifies scalars", () => {
    expect(serializeQuery({ a: undefined, b: null, ids: [1, 2], on: true, n: 0 })).toBe("ids=1&ids=2&on=true&n=0");
  });

  it("explodes an object parameter to its own keys by default (form, explode), nested values as JSON", () => {
    expect(serializeQuery({ filter: { a: 1, b: { c: 2 } } })).toBe(`a=1&b=${encodeURIComponent('{"c":2}')}`);
  });

  it("takes parameter specs by name", () => {
    const params = { ids: { in: "query", explode: false }, f: { in: "query", style: "deepObject" } } as const;
    expect(serializeQuery({ ids: [1, 2], f: { a: "x" } }, params)).toBe("ids=1,2&f%5Ba%5D=x");
  });

  it("encodes reserved characters in names and values", () => {
    expect(serializeQuery({ "a&b": "c=d" })).toBe("a%26b=c%3Dd");
  });
});
