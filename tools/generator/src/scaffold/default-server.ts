/**
 * The default base URL of a scaffolded package: the spec's first server, its variables replaced by their defaults.
 * Only an absolute http(s) URL makes a default; without one the scaffolded `baseUrl` option is required.
 */
import type { OpenApiDocument } from "../openapi-types.ts";

export interface DefaultServer {
  /** The default base URL; undefined when the spec gives none usable. */
  url: string | undefined;
  /** Why `url` is undefined: the end of a sentence starting "Required: ". */
  missing: string;
  /** What to put in the README when there is no default, e.g. `https://api.example.com/api/v3`. */
  example: string;
  /** Variables of the first server that went into `url`: "`region` = `eu`". */
  variables: string[];
  /** The other servers' URLs as written in the spec. */
  others: string[];
}

const EXAMPLE_HOST = "https://api.example.com";

export function defaultServer(doc: OpenApiDocument): DefaultServer {
  const servers = (Array.isArray(doc.servers) ? doc.servers : []).filter(
    (server) => typeof server?.url === "string" && server.url.trim() !== "",
  );
  const first = servers[0];
  const others = servers.slice(1).map((server) => server.url);
  if (!first)
    return { url: undefined, missing: "the spec lists no server", example: EXAMPLE_HOST, variables: [], others };

  const variables: string[] = [];
  const declared = (first.variables ?? {}) as Record<string, { default?: unknown; enum?: unknown[] } | undefined>;
  const substituted = first.url.trim().replace(/\{([^{}]+)\}/g, (whole, name: string) => {
    const variable = declared[name];
    const value = variable?.default ?? (Array.isArray(variable?.enum) ? variable.enum[0] : undefined);
    if (value === undefined || value === null || typeof value === "object") return whole;
    variables.push(`\`${name}\` = \`${String(value)}\``);
    return String(value);
  });
  if (/\{[^{}]*\}/.test(substituted)) {
    const name = /\{([^{}]*)\}/.exec(substituted)?.[1];
    return {
      url: undefined,
      missing: `the spec's server \`${first.url}\` has a variable (\`${name}\`) without a default`,
      example: EXAMPLE_HOST,
      variables: [],
      others,
    };
  }
  // `//host/path` is relative to the scheme only: a package is used over https.
  const absolute = substituted.startsWith("//") ? `https:${substituted}` : substituted;
  if (/^https?:\/\//i.test(absolute) && URL.canParse(absolute)) {
    return { url: absolute.replace(/\/+$/, ""), missing: "", example: "", variables, others };
  }
  if (/^[a-z][a-z0-9+.-]*:/i.test(substituted)) {
    const missing = `the spec's server \`${first.url}\` is not an http(s) URL`;
    return { url: undefined, missing, example: EXAMPLE_HOST, variables: [], others };
  }
  const relative = `/${substituted.replace(/^\.?\/+/, "")}`.replace(/\/+$/, "");
  return {
    url: undefined,
    missing: `the spec's server \`${first.url}\` is relative to wherever the spec is served, so it gives no default`,
    example: `${EXAMPLE_HOST}${relative}`,
    variables: [],
    others,
  };
}
