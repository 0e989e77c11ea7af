import { describe, expect, it } from "vitest";
import { basicAuth, bearerAuth } from "../src/auth.ts";

describe("auth headers", () => {
  it("builds a Bearer header", () => {
    expect(bearerAuth("dal:abc")).toEqual({ Authorization: "Bearer dal:abc" });
  });

  it("builds a Basic header as base64(username:password), UTF-8 safe", () => {
    expect(basicAuth("acc-1", "pat")).toEqual({
      Authorization: `Basic ${Buffer.from("acc-1:pat").toString("base64")}`,
    });
    expect(basicAuth("zoë", "ключ").Authorization).toBe(`Basic ${Buffer.from("zoë:ключ", "utf8").toString("base64")}`);
  });
});
