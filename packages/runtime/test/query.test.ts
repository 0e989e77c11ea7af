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

  it("never sends [object Object] for an undeclared object", () => {
    expect(serializeQuery({ filter: { a: 1 } })).toBe(`filter=${encodeURIComponent('{"a":1}')}`);
  });

  it("encodes reserved characters in names and values", () => {
    expect(serializeQuery({ "a&b": "c=d" })).toBe("a%26b=c%3Dd");
  });
});
