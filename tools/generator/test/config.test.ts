import { existsSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { isPascalIdentifier, packageNameProblem, pascalIdentifier, readPackageConfig } from "../src/config.ts";
import { generateApi } from "../src/generate.ts";
import { apiLayout } from "../src/layout.ts";
import type { OpenApiDocument } from "../src/openapi-types.ts";
import { createWorkspace, generatorError } from "./workspace.ts";

const DOC: OpenApiDocument = {
  openapi: "3.1.0",
  info: { title: "Notes", version: "1" },
  paths: {},
};

function configOf(folder: string, sdkYaml?: string, doc: OpenApiDocument = DOC) {
  const ws = createWorkspace("petstore-mini", folder);
  if (sdkYaml !== undefined) writeFileSync(path.join(path.dirname(ws.specFile), "sdk.yaml"), sdkYaml);
  return () => readPackageConfig(apiLayout(ws.root, folder), doc);
}

describe("clientName", () => {
  it("from the folder name: always a PascalCase identifier, deterministic", () => {
    expect(configOf("notes-api")().clientName).toBe("NotesApi");
    expect(configOf("rocket-chat")().clientName).toBe("RocketChat");
    expect(configOf("Live Chat")).toThrow(); // not an npm name: see packageName below
  });

  it.each([
    ["notes-api", "NotesApi"],
    ["Live Chat", "LiveChat"],
    ["rocket.chat_v2", "RocketChatV2"],
    ["livechatConfiguration", "LivechatConfiguration"],
    ["3d-store", "Api3dStore"],
    ["été", "Ete"],
    ["日本", "Api"],
    ["", "Api"],
  ])("pascalIdentifier(%j) = %j", (value, expected) => {
    expect(pascalIdentifier(value)).toBe(expected);
    expect(isPascalIdentifier(pascalIdentifier(value))).toBe(true);
  });

  it("from sdk.yaml: used as written when it is a PascalCase identifier", () => {
    expect(configOf("notes", "clientName: LiveChat\n")().clientName).toBe("LiveChat");
  });

  it.each([
    ["Live Chat", "LiveChat"],
    ["liveChat", "LiveChat"],
    ["Live-Chat", "LiveChat"],
    ["2Chat", "Api2Chat"],
    ["Chat$", "Chat"],
  ])("from sdk.yaml: %j is an error naming sdk.yaml with a suggestion", (name, suggestion) => {
    const read = configOf("notes", `clientName: ${JSON.stringify(name)}\n`);
    expect(read).toThrow(
      `specs/notes/sdk.yaml: clientName "${name}" is not an identifier; did you mean "${suggestion}"?`,
    );
  });

  it("a bad clientName stops generation before anything is written", async () => {
    const ws = createWorkspace();
    writeFileSync(path.join(path.dirname(ws.specFile), "sdk.yaml"), "clientName: Live Chat\n");
    const error = await generatorError(generateApi(ws.root, ws.api));
    expect(error.file).toBe("specs/petstore-mini/sdk.yaml");
    expect(existsSync(ws.packageDir)).toBe(false);
  });
});

describe("packageName", () => {
  it("defaults to the folder name under the scope", () => {
    expect(configOf("notes-api")().packageName).toBe("@fixture/notes-api");
    expect(configOf("notes", "packageName: my-notes\n")().packageName).toBe("@fixture/my-notes");
  });

  it.each(["My Notes", "Notes", "_notes", ".notes", "notes!", "@x/notes", ""])(
    "sdk.yaml packageName %j is an error naming sdk.yaml",
    (name) => {
      expect(configOf("notes", `packageName: ${JSON.stringify(name)}\n`)).toThrow(
        /^specs\/notes\/sdk\.yaml: packageName ".*" (must be|is empty)/,
      );
    },
  );

  it("a folder name npm refuses, without packageName in sdk.yaml: names the folder and suggests a name", () => {
    expect(configOf("Live Chat")).toThrow(
      'specs/Live Chat: the folder name "Live Chat" is not a valid npm package name (must be lower case letters, digits, `-`, `.` or `_`, starting with a letter or digit); rename the folder or set packageName in sdk.yaml, e.g. packageName: live-chat',
    );
    expect(configOf("Live Chat", "packageName: live-chat\n")().clientName).toBe("LiveChat");
  });

  it.each(["notes", "notes-api", "notes.api", "notes_api", "3d"])("%j is a valid name", (name) => {
    expect(packageNameProblem(name)).toBeUndefined();
  });
});

describe("description and title", () => {
  it("an sdk.yaml description with control characters is an error", () => {
    expect(configOf("notes", 'description: "one\\ntwo"\n')).toThrow(
      "specs/notes/sdk.yaml: description must be one line of text without control characters",
    );
    expect(configOf("notes", 'description: "bell\\a"\n')).toThrow(/description must be one line/);
  });

  it("from the spec: one line, without control characters", () => {
    const doc: OpenApiDocument = {
      ...DOC,
      info: { title: "Notes */ API\r\n\u0007v2", summary: "Take\u2028notes.\u0000", version: "1" },
    };
    const config = configOf("notes", undefined, doc)();
    expect(config.title).toBe("Notes */ API v2");
    expect(config.description).toBe("Take notes.");
  });
});

describe("sdk.yaml itself", () => {
  it("invalid YAML names sdk.yaml and the line of the error", () => {
    expect(configOf("notes", "clientName: [LiveChat\n")).toThrow(/^specs\/notes\/sdk\.yaml: invalid YAML: .*\(2:1\)/s);
  });

  it("a value that is not a string, or not a mapping at all, is an error naming sdk.yaml", () => {
    expect(configOf("notes", "clientName: 42\n")).toThrow('specs/notes/sdk.yaml: "clientName" must be a string');
    expect(configOf("notes", "- LiveChat\n")).toThrow("specs/notes/sdk.yaml: expected a mapping");
    expect(configOf("notes", "# only a comment\n")().clientName).toBe("Notes");
  });
});
