/**
 * The types of the scaffolded `src/index.ts` that come from the auth plan: the exported credentials type (one
 * interface, or a union of shapes) and the `auth` member of the options interface, each with docs saying where every
 * credential is sent.
 */
import { commentText } from "../escape.ts";
import type { AuthPlan } from "./auth-model.ts";
import { type CredentialPart, type CredentialShape, listSchemes } from "./credential-shape.ts";
import { docComment } from "./doc-comment.ts";

/** The plan's notes as comment text, each on a line of its own (after a leading `\n`). */
export function notesText(plan: AuthPlan): string {
  return plan.notes.map((note) => `\n${commentText(note)}`).join("");
}

/** `{ apiKey }`, `{ username, password }`: a shape's keys as code. */
export function shapeSummary(shape: CredentialShape): string {
  return `\`{ ${shape.keys.join(", ")} }\``;
}

/** The exported credentials type: one interface, or a union whose members exclude each other's keys. */
export function credentialsDeclaration(plan: AuthPlan, typeName: string): string {
  const shapes = plan.shapes;
  const fields = (shape: CredentialShape, indent: string) => {
    const out: string[] = [];
    for (const part of shape.parts) {
      out.push(docComment(commentText(partDoc(part)), indent));
      if (part.kind === "basic") out.push(`${indent}${part.username}: string;`, `${indent}${part.password}: string;`);
      else out.push(`${indent}${part.key}: string;`);
    }
    return out;
  };
  const notes = notesText(plan);
  if (shapes.length === 1) {
    const shape = shapes[0] as CredentialShape;
    return [
      docComment(`How requests are authorized, from the spec's security schemes.${notes ? `\n${notes}` : ""}`),
      `export interface ${typeName} {`,
      ...fields(shape, "  "),
      "}",
    ].join("\n");
  }
  const allKeys = [...new Set(shapes.flatMap((shape) => shape.keys))];
  const members = shapes.map((shape) => {
    const never = allKeys.filter((key) => !shape.keys.includes(key)).map((key) => `      ${key}?: never;`);
    return ["  | {", ...fields(shape, "      "), ...never, "    }"].join("\n");
  });
  const list = shapes.map((shape) => `\n- ${shapeSummary(shape)}: ${commentText(requirementName(shape))}.`).join("");
  return [
    docComment(
      `How requests are authorized: the fields of one of the spec's security requirements.${list}${notes ? `\n${notes}` : ""}`,
    ),
    `export type ${typeName} =`,
    `${members.join("\n")};`,
  ].join("\n");
}

/** The `auth` member of the options interface. */
export function authOption(plan: AuthPlan, typeName: string): string {
  const type = `${typeName} | (() => ${typeName} | Promise<${typeName}>)`;
  const optional = plan.required ? "" : " Optional: some operations of the spec need none.";
  return [
    docComment(
      `Credentials, or an async provider called before every request (for rotated or refreshed credentials).${optional ? `\n${optional.trim()}` : ""}`,
      "  ",
    ),
    `  auth${plan.required ? "" : "?"}: ${type};`,
  ].join("\n");
}

/** Where a part's value goes, for the docs: "the `X-API-Key` header", "`Authorization: Bearer <token>`". */
function partDoc(part: CredentialPart): string {
  const scheme = `security scheme \`${part.scheme}\``;
  switch (part.kind) {
    case "apiKey": {
      const where =
        part.in === "header"
          ? `the \`${part.name}\` header`
          : part.in === "query"
            ? `the \`${part.name}\` query parameter`
            : `the \`${part.name}\` cookie`;
      const asIs =
        part.in === "header" && part.name.toLowerCase() === "authorization" ? ", as is (with any prefix)" : "";
      return `API key, sent as ${where}${asIs} (${scheme}).`;
    }
    case "bearer":
      return `${part.about}, sent as \`Authorization: Bearer <${part.key}>\` (${scheme}).`;
    case "basic":
      return `HTTP basic credentials, sent as \`Authorization: Basic base64(<username>:<password>)\` (${scheme}).`;
  }
}

function requirementName(shape: CredentialShape): string {
  return `${shape.schemes.length > 1 ? "security schemes" : "security scheme"} ${listSchemes(shape.schemes)}`;
}
