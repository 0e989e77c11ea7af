/**
 * The types package of an API (`<package>-types`) gets its own plan from the same comparison: spec-diff decides the
 * bump of each package (see src/types-level.ts).
 */
import { describe, expect, it } from "vitest";
import type { SpecChange } from "../src/change.ts";
import { checkPlans } from "../src/check.ts";
import { changeId } from "../src/coverage.ts";
import { type ApiPlan, NO_RELEASE, typesPlan } from "../src/plan.ts";
import { typesLevel } from "../src/types-level.ts";
import { createRepo, PACKAGE, TYPES_PACKAGE } from "./repo.ts";

const change = (level: SpecChange["level"], message: string, where = "POST /pets request body .name"): SpecChange => ({
  level,
  where,
  message,
});

const clientPlan = (changes: SpecChange[], note?: string): ApiPlan => ({
  api: "pets",
  packageName: TYPES_PACKAGE,
  base: note ? undefined : `${TYPES_PACKAGE}@1.0.0`,
  changed: true,
  changes,
  required: "major",
  note,
});

describe("the bump a change needs in the types package", () => {
  it("is the client's, except for what the declarations do not hold and for loosened requests", () => {
    expect(typesLevel(change("minor", "response field added"))).toBe("minor");
    expect(typesLevel(change("major", "required request field added"))).toBe("major");
    expect(typesLevel(change("patch", "documentation changed: description (#/paths)"))).toBe("patch");
    // A handler typed with <Op>Input reads what a request may now leave out.
    expect(typesLevel(change("minor", "required request field made optional"))).toBe("major");
    expect(typesLevel(change("minor", "required parameter made optional"))).toBe("major");
    expect(typesLevel(change("minor", "required request body made optional"))).toBe("major");
    // The client's auth option and default base URL: no declaration changes.
    expect(typesLevel(change("major", "security requirements changed: added apiKey", "global security"))).toBe("none");
    expect(typesLevel(change("major", "server URL changed: added https://b.test", "servers"))).toBe("none");
    expect(typesLevel(change("patch", "changed: #/servers", "servers"))).toBe("none");
    expect(typesLevel(change("patch", "changed: #/paths/~1pets/get/servers", "GET /pets"))).toBe("none");
  });

  it("plans the types package on its own: levels, required bump, ids and the first-release floor", () => {
    const loosened = change("minor", "required request field made optional");
    const url = change("major", "server URL changed: added https://b.test", "servers");
    const plan = typesPlan(clientPlan([loosened, url]));
    expect(plan).toMatchObject({ types: true, required: "major", packageName: TYPES_PACKAGE });
    expect(plan.changes).toEqual([{ ...loosened, level: "major" }]);
    // Covered at the client's level (minor), the change is still missing for the types package.
    const coverage = new Map([[TYPES_PACKAGE, new Map([[changeId(loosened), "minor" as const]])]]);
    expect(checkPlans([plan], coverage).ok).toBe(false);
    expect(typesPlan(clientPlan([url])).required).toBe("none");
    expect(typesPlan(clientPlan([change("patch", "changed: #/info")], NO_RELEASE)).required).toBe("minor");
  });
});

describe("changeset:check and suggest with the types package", { timeout: 30_000 }, () => {
  it("a server URL change needs a major client release and nothing of the types package", () => {
    const repo = createRepo();
    repo.write(
      "specs/pets/openapi.yaml",
      repo.read("specs/pets/openapi.yaml").replace("paths:", "servers:\n  - url: https://pets.test\npaths:"),
    );
    const check = repo.run("check");
    expect(check.status).toBe(1);
    expect(check.stderr).toContain(`✖ ${PACKAGE}: 1 change has no changeset`);
    expect(check.stdout).toBe(
      `✔ ${TYPES_PACKAGE}: no bump needed (no API difference) (since ${TYPES_PACKAGE}@1.0.0)\n`,
    );
    expect(repo.run("suggest").stdout).toMatch(
      /^wrote \.changeset\/pets-spec-[0-9a-f]{8}\.md \(@fixture\/pets: major\)\n$/,
    );
    expect(repo.run("check").status).toBe(0);
  });

  it("a removed response field needs a changeset of each package, in two files", () => {
    const repo = createRepo();
    repo.write("specs/pets/pet.yaml", repo.read("specs/pets/pet.yaml").replace("  name: { type: string }\n", ""));
    const run = repo.run("suggest");
    const written = [...run.stdout.matchAll(/^wrote (\S+) \((\S+): (\w+)\)$/gm)].map((match) => match.slice(1));
    expect(written.map(([, name, level]) => `${name} ${level}`)).toEqual([
      `${PACKAGE} major`,
      `${TYPES_PACKAGE} major`,
    ]);
    const types = repo.read(written[1]?.[0] ?? "");
    expect(types).toMatch(new RegExp(`^---\\n"${TYPES_PACKAGE}": major\\n---\\n`));
    expect(types).toContain(`<!-- spec-diff ${TYPES_PACKAGE}: `);
    expect(repo.run("check").status).toBe(0);
  });
});
