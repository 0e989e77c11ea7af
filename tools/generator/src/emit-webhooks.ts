import { commentText, propertyKey, stringLiteral } from "./escape.ts";
import { orderRequestMedia } from "./media.ts";
import type { NameRegistry } from "./naming.ts";
import { pascalCase } from "./naming.ts";
import {
  deref,
  HTTP_METHODS,
  type HttpMethod,
  isRef,
  type OpenApiDocument,
  type PathItem,
  type RequestBodyObject,
  type SchemaObject,
} from "./openapi-types.ts";

/** A value that can key a type map and be matched by `switch`/`===` narrowing. */
type Discriminant = string | number;

interface WebhookMember {
  name: string;
  /** The body type, indexed into openapi-typescript's `webhooks` export. */
  type: string;
  summary: string;
  /** Property name -> the single value the body's schema fixes it to (`const`, one-value `enum`, `discriminator`). */
  fixed: Map<string, Discriminant>;
}

/**
 * OpenAPI 3.1 `webhooks` (requests the API sends to the consumer) in `types.gen.ts`, for any spec:
 * - `<Name>Webhook` per webhook operation with a request body (`<Name><Method>Webhook` when a webhook has several);
 * - `<ClientName>Webhook`, the union of them all;
 * - `<ClientName>WebhookBy<Property>`, a map from a discriminating value to its member, when every member fixes the
 *   same property to a distinct value. The members keep that property as a literal type, so `switch (hook.action)`
 *   narrows the union without the map; the map names a member by its value (`ByAction["incoming_chat"]`).
 * Names are claimed after every other name of the file, so adding webhooks never renames an existing type.
 * Returns no lines when the spec has no webhook with a body (the file is then unchanged).
 */
export function emitWebhookTypes(doc: OpenApiDocument, names: NameRegistry, clientName: string): string[] {
  const found = readWebhooks(doc);
  if (found.length === 0) return [];
  const unionName = names.claim(`${clientName}Webhook`);
  const key = discriminatingProperty(found);
  const mapName = key === undefined ? undefined : names.claim(`${unionName}By${pascalCase(key) || "Key"}`);
  const members: WebhookMember[] = found.map((hook) => ({ ...hook, name: names.claim(`${hook.base}Webhook`) }));

  const out = ["", "// Webhooks: requests the API sends to you."];
  for (const member of members) {
    out.push(`/** ${member.summary} */`, `export type ${member.name} = ${member.type};`);
  }
  out.push(
    `/** Any webhook of this API${key === undefined ? "" : `; \`${commentText(key)}\` tells them apart`}. */`,
    `export type ${unionName} = ${members.map((member) => member.name).join(" | ")};`,
  );
  if (key !== undefined && mapName !== undefined) {
    const entries = members.map((m) => `  ${mapKey(m.fixed.get(key) as Discriminant)}: ${m.name};`);
    out.push(`/** Each webhook by its \`${commentText(key)}\`. */`, `export interface ${mapName} {`, ...entries, "}");
  }
  return out;
}

type FoundWebhook = Omit<WebhookMember, "name"> & { base: string };

function readWebhooks(doc: OpenApiDocument): FoundWebhook[] {
  const webhooks = (doc as { webhooks?: Record<string, PathItem> }).webhooks;
  const found: FoundWebhook[] = [];
  for (const [webhook, itemOrRef] of Object.entries(webhooks ?? {})) {
    const item = deref<PathItem | undefined>(doc, itemOrRef);
    const methods = HTTP_METHODS.filter((method) => bodyMedia(doc, item, method) !== undefined);
    for (const method of methods) {
      const { media, schema } = bodyMedia(doc, item, method) as { media: string; schema: unknown };
      const base = (pascalCase(webhook) || "Unnamed") + (methods.length > 1 ? pascalCase(method) : "");
      const ref = `webhooks[${stringLiteral(webhook)}][${stringLiteral(method)}]`;
      const summary = item?.[method]?.summary;
      found.push({
        base,
        type: `NonNullable<${ref}["requestBody"]>["content"][${stringLiteral(media)}]`,
        summary: commentText(typeof summary === "string" && summary ? summary : `Webhook ${webhook}`)
          .replace(/\s+/g, " ")
          .trim(),
        fixed: fixedProperties(doc, schema, 0),
      });
    }
  }
  return found;
}

/** The body's media (the one the client would send: JSON first) and schema; undefined when there is no body. */
function bodyMedia(doc: OpenApiDocument, item: PathItem | undefined, method: HttpMethod) {
  const operation = item?.[method];
  const body = operation?.requestBody && deref<RequestBodyObject>(doc, operation.requestBody);
  const media = orderRequestMedia(Object.keys(body?.content ?? {}))[0];
  const schema = media === undefined ? undefined : body?.content?.[media]?.schema;
  return media === undefined || schema === undefined ? undefined : { media, schema };
}

/**
 * Properties a schema fixes to one value: `const` or a one-value `enum` (also through `allOf`), and the
 * `discriminator.propertyName` of an `allOf` parent, valued by its `mapping` or the component's name.
 */
function fixedProperties(doc: OpenApiDocument, schemaOrRef: unknown, depth: number): Map<string, Discriminant> {
  const fixed = new Map<string, Discriminant>();
  if (depth > 10) return fixed;
  const ref = isRef(schemaOrRef) ? schemaOrRef.$ref : undefined;
  const schema = deref<SchemaObject | undefined>(doc, schemaOrRef as SchemaObject);
  if (!schema || typeof schema !== "object") return fixed;
  for (const part of Array.isArray(schema.allOf) ? schema.allOf : []) {
    for (const [name, value] of fixedProperties(doc, part, depth + 1)) fixed.set(name, value);
    const parent = deref<SchemaObject | undefined>(doc, part);
    const discriminator = parent?.discriminator as { propertyName?: unknown; mapping?: unknown } | undefined;
    const component = ref?.match(/^#\/components\/schemas\/([^/]+)$/)?.[1];
    if (typeof discriminator?.propertyName === "string" && component !== undefined) {
      const mapping = Object.entries((discriminator.mapping ?? {}) as Record<string, unknown>);
      const mapped = mapping.find(([, target]) => target === ref || target === component)?.[0];
      fixed.set(discriminator.propertyName, mapped ?? component);
    }
  }
  for (const [name, propertyOrRef] of Object.entries(schema.properties ?? {})) {
    const property = deref<SchemaObject | undefined>(doc, propertyOrRef as SchemaObject);
    const values = property && "const" in property ? [property.const] : property?.enum;
    if (Array.isArray(values) && values.length === 1 && isDiscriminant(values[0])) fixed.set(name, values[0]);
  }
  return fixed;
}

function isDiscriminant(value: unknown): value is Discriminant {
  return typeof value === "string" || (typeof value === "number" && Number.isFinite(value));
}

/** The first property every member fixes, to values that are all distinct; undefined when there is none. */
function discriminatingProperty(members: FoundWebhook[]): string | undefined {
  const [first, ...rest] = members;
  for (const name of first?.fixed.keys() ?? []) {
    if (!rest.every((member) => member.fixed.has(name))) continue;
    // Compared as map keys: 1 and "1" would be the same key.
    const values = members.map((member) => String(member.fixed.get(name)));
    if (new Set(values).size === values.length) return name;
  }
  return undefined;
}

function mapKey(value: Discriminant): string {
  return typeof value === "number" ? String(value) : propertyKey(value);
}

/**
 * Drops the operationId of every webhook operation (in emitSchema's copy of the spec): openapi-typescript would file
 * them under `operations` beside the client's operations, where an id shared with a path operation (or another
 * webhook) declares the same key twice. Without it, a webhook is typed inline under `webhooks`, where the types above
 * look for it.
 */
export function inlineWebhookOperations(doc: OpenApiDocument): void {
  const webhooks = (doc as { webhooks?: Record<string, PathItem> }).webhooks;
  for (const itemOrRef of Object.values(webhooks ?? {})) {
    const item = deref<PathItem | undefined>(doc, itemOrRef);
    for (const method of HTTP_METHODS) if (item?.[method]) delete item[method].operationId;
  }
}
