/**
 * One operation as located in the document, and where things are inside it: its parameters (its own and those it
 * inherits from its path item), their schemas, and the schema behind each input key.
 */
import { asObject, isObject, type Json, pointerTo } from "./compare.ts";
import type { ModelField } from "./model.ts";

/** One operation with what it inherits from its path item, as located in the document. */
export interface OperationSite {
  /** `POST /action/create_agent` */
  key: string;
  operation: Json;
  pathItem: Json;
  pointer: string;
}

export interface ParameterSite {
  parameter: Json;
  pointer: string;
}

/**
 * The operation's parameters by `<in> parameter <name>`. Path-item parameters apply to every operation below them
 * unless the operation redefines the same in+name.
 */
export function operationParameters(site: OperationSite): Map<string, ParameterSite> {
  const found = new Map<string, ParameterSite>();
  const pathPointer = site.pointer.slice(0, site.pointer.lastIndexOf("/"));
  const lists: [unknown, string][] = [
    [site.pathItem.parameters, pointerTo(pathPointer, "parameters")],
    [site.operation.parameters, pointerTo(site.pointer, "parameters")],
  ];
  for (const [list, pointer] of lists) {
    if (!Array.isArray(list)) continue;
    list.forEach((parameter, index) => {
      if (isObject(parameter))
        found.set(`${parameter.in} parameter ${parameter.name}`, { parameter, pointer: pointerTo(pointer, index) });
    });
  }
  return found;
}

/** JSON-valued query parameters (`content: application/json`) keep their schema under the media type. */
export function parameterSchema(parameter: Json): unknown {
  if (parameter.schema !== undefined) return parameter.schema;
  const media = Object.values(asObject(parameter.content))[0];
  return isObject(media) ? media.schema : undefined;
}

/** Where {@link parameterSchema} found the schema. */
export function parameterSchemaPointer(site: ParameterSite): string {
  if (site.parameter.schema !== undefined) return pointerTo(site.pointer, "schema");
  const media = Object.keys(asObject(site.parameter.content))[0] ?? "";
  return pointerTo(site.pointer, "content", media, "schema");
}

/** The schema a key held in one version of the operation: its parameter's, its body field's or the whole body's. */
export function fieldSchema(
  site: OperationSite,
  field: ModelField,
  media: string | undefined,
): { schema: unknown; pointer: string } {
  if (field.in !== "body") {
    const found = operationParameters(site).get(`${field.in} parameter ${field.name}`);
    if (!found) return { schema: undefined, pointer: site.pointer };
    return { schema: parameterSchema(found.parameter), pointer: parameterSchemaPointer(found) };
  }
  const content = asObject(asObject(site.operation.requestBody).content);
  const pointer = pointerTo(site.pointer, "requestBody", "content", media ?? "", "schema");
  const schema = asObject(content[media ?? ""]).schema;
  if (field.whole) return { schema, pointer };
  return { schema: bodyProperty(schema, field.name), pointer: pointerTo(pointer, "properties", field.name) };
}

/** A flattened body's field: a property of the schema or of one of its allOf/oneOf/anyOf members. */
function bodyProperty(schema: unknown, name: string, seen = new Set<unknown>()): unknown {
  if (!isObject(schema) || seen.has(schema)) return undefined;
  seen.add(schema);
  const own = asObject(schema.properties)[name];
  if (own !== undefined) return own;
  for (const key of ["allOf", "oneOf", "anyOf"]) {
    for (const member of Array.isArray(schema[key]) ? schema[key] : []) {
      const found = bodyProperty(member, name, seen);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}
