import type { OperationDescriptor } from "../operation.ts";

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The base URL as the client joins it: no trailing slash (the spec's paths start with one). */
export const trimBase = (baseUrl: string) => baseUrl.replace(/\/+$/, "");

/**
 * Origin + pathname of the operation's URL under `baseUrl` (MSW matches a RegExp against exactly that, without the
 * query), one capture group per path parameter in template order, plus their names.
 */
export function pathPattern(baseUrl: string, { path }: OperationDescriptor): { pattern: RegExp; names: string[] } {
  const names: string[] = [];
  const source = path
    .split(/(\{[^}]+\})/)
    .map((part, index) => {
      if (index % 2 === 0) return escapeRegExp(part);
      names.push(part.slice(1, -1));
      return "([^/]+)";
    })
    .join("");
  return { pattern: new RegExp(`^${escapeRegExp(trimBase(baseUrl))}${source}$`), names };
}

/** Everything under the base URL (the catch-all). */
export const basePattern = (baseUrl: string) => new RegExp(`^${escapeRegExp(trimBase(baseUrl))}(/.*)?$`);
