/**
 * Vitest side of the harness. global-setup.ts has generated and type-checked every selected spec; `describeSpec`
 * registers, for one of them, the pipeline tests (generated, deterministic, tsc, tsdown, one method per operation,
 * every operation sends its method and path) and hands the spec's own request tests a client loaded from the BUILT
 * package (dist/index.js) plus a recording server on 127.0.0.1.
 */
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { type RecordedRequest, type RecordingServer, useRecordingServer } from "@chat-sdk/test-utils";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { type PreparedSpec, seconds } from "../src/prepare.ts";
import { type SpecOperation, specOperations } from "../src/spec.ts";
import { build } from "../src/workspace.ts";

/** A generated method: `(input?, options?)`, or `(options?)` for operations without input. */
export type Method = (input?: unknown, options?: unknown) => Promise<unknown>;
export type Client = Record<string, Method>;

/** The runtime's OperationDescriptor as the contract describes it (read loosely: it is data from dist). */
export interface Descriptor {
  id: string;
  method: string;
  path: string;
  params?: Record<string, { in: string; name?: string }>;
  body?: { media?: string[]; key?: string; required?: boolean };
  response?: string;
}

export interface SpecContext {
  readonly spec: PreparedSpec;
  readonly server: RecordingServer;
  /** The built package's ESM entry, imported once (built first if the build test has not run). */
  module(): Promise<Record<string, unknown>>;
  /**
   * The package's own `create<Name>Client({ baseUrl: server.url, ...clientOptions, ...options })` without retries; a
   * missing method throws naming those that exist.
   */
  client(options?: Record<string, unknown>): Promise<Client>;
  /** The last request the server received (throws when there is none). */
  last(): RecordedRequest;
}

export interface SpecOptions {
  /** Options of the package's client factory besides baseUrl, e.g. the credentials its scaffold requires. */
  clientOptions?: Record<string, unknown>;
  /** The spec's own request tests. */
  requests?: (ctx: SpecContext) => void;
}

/** The prepared spec (see global-setup.ts) of that name, if this run selected it. */
export function preparedSpec(name: string): PreparedSpec | undefined {
  return inject("realworld").find((spec) => spec.name === name);
}

/**
 * The pipeline and request tests of one spec (a corpus folder name or a fixture name); skipped, visibly, when this
 * run did not select it ($REALWORLD_SET). Typed calls of the client live in usage/<name>.ts.
 */
export function describeSpec(name: string, options: SpecOptions = {}): void {
  const spec = preparedSpec(name);
  describe.skipIf(!spec)(name, () => {
    if (spec) specSuite(spec, options);
    else it.skip("not selected in this run (see REALWORLD_SET)", () => {});
  });
}

const CLIENT_OPTIONS = { retry: { maxRetries: 0 } };

function specSuite(spec: PreparedSpec, options: SpecOptions): void {
  const server = useRecordingServer();
  const timings: Record<string, number> = {};
  let operations: SpecOperation[] = [];
  let built: Promise<Record<string, unknown>> | undefined;

  beforeAll(async () => {
    if (!spec.generate.ok) return;
    const dir = path.join(spec.root, "specs", spec.api);
    operations = await specOperations({ name: spec.name, dir, entry: "openapi.yaml" });
  });

  afterAll(() => {
    if (Object.keys(timings).length === 0) return;
    const line = Object.entries(timings)
      .map(([stage, ms]) => `${stage} ${seconds(ms)}`)
      .join(", ");
    console.log(`[realworld] ${spec.name}: ${line}`);
    const dir = path.join(import.meta.dirname, "..", ".vitest", "timings");
    mkdirSync(dir, { recursive: true });
    const all = {
      generate: spec.generate.ms,
      deterministic: spec.deterministic.ms,
      typecheckShared: spec.typecheck.ms,
      ...timings,
    };
    writeFileSync(path.join(dir, `${spec.name}.json`), `${JSON.stringify(all, null, 2)}\n`);
  });

  const loadModule = (): Promise<Record<string, unknown>> => {
    built ??= (async () => {
      if (!spec.generate.ok) throw new Error(`generation failed:\n${spec.generate.detail}`);
      const result = await build(spec);
      timings.build = result.ms;
      if (!result.ok) throw new Error(`tsdown failed:\n${result.output}`);
      const entry = pathToFileURL(path.join(spec.packageDir, "dist", "index.js")).href;
      return (await import(entry)) as Record<string, unknown>;
    })();
    return built;
  };

  const createClient = async (overrides: Record<string, unknown> = {}): Promise<Client> => {
    const mod = await loadModule();
    const factory = Object.entries(mod).find(
      ([key, value]) => /^create\w+Client$/.test(key) && typeof value === "function",
    );
    if (!factory) throw new Error(`dist/index.js exports no create<Name>Client (has: ${Object.keys(mod).join(", ")})`);
    const settings = { baseUrl: server.url, ...CLIENT_OPTIONS, ...options.clientOptions, ...overrides };
    return strict((factory[1] as (settings: unknown) => Client)(settings));
  };

  /**
   * The operations bound to a runtime client made directly (no scaffolded src/index.ts, so no credentials): the
   * generic tests run on any spec, whatever auth its scaffold asks for.
   */
  const bareClient = async (): Promise<Client> => {
    const mod = await loadModule();
    const runtimeEntry = path.join(spec.packageDir, "node_modules", spec.scope, "runtime", "dist", "index.js");
    const runtime = (await import(pathToFileURL(runtimeEntry).href)) as {
      createApiClient: (options: unknown) => unknown;
    };
    const bind = mod.bindOperations as ((api: unknown) => Client) | undefined;
    if (!bind) throw new Error("dist/index.js does not export bindOperations");
    return strict(bind(runtime.createApiClient({ baseUrl: server.url, ...CLIENT_OPTIONS })));
  };

  const strict = (client: Client): Client =>
    new Proxy(client, {
      get(target, key) {
        const value = Reflect.get(target, key);
        if (value === undefined && typeof key === "string" && key !== "then") {
          throw new Error(`the client has no method ${key}; it has: ${Object.keys(target).join(", ")}`);
        }
        return value;
      },
    });

  const descriptors = async (): Promise<Record<string, Descriptor>> => {
    const mod = await loadModule();
    const all = mod.allOperations as Record<string, Descriptor> | undefined;
    if (!all) throw new Error("dist/index.js does not export allOperations");
    return all;
  };

  // When generation fails, that one failure says it all: the tests that need the package are skipped.
  const later = it.skipIf(!spec.generate.ok);

  it("generates", () => {
    expect(spec.generate.ok, spec.generate.detail).toBe(true);
  });

  later("generates the same bytes twice (fresh workspace and in place)", () => {
    expect(spec.deterministic.ok, spec.deterministic.detail).toBe(true);
  });

  later("type-checks (tsc: sources, scaffolded test, usage/<name>.ts)", () => {
    expect(spec.typecheck.ok, `tsc failed:\n${spec.typecheck.detail}`).toBe(true);
  });

  later("builds (tsdown: ESM, CJS and declarations)", async () => {
    const mod = await loadModule();
    const dist = path.join(spec.packageDir, "dist");
    for (const file of ["index.js", "index.cjs", "index.d.ts", "index.d.cts"]) {
      expect(existsSync(path.join(dist, file)), `dist/${file}`).toBe(true);
    }
    const cjs = createRequire(import.meta.url)(path.join(dist, "index.cjs")) as Record<string, unknown>;
    expect(Object.keys(cjs).sort()).toEqual(Object.keys(mod).sort());
  });

  later("has one method and one descriptor per operation of the spec", async () => {
    const all = await descriptors();
    const client = await createClient();
    const bare = await bareClient();
    const declared = operations.map((op) => `${op.method.toUpperCase()} ${op.path}`).sort();
    const generated = Object.values(all)
      .map((op) => `${op.method.toUpperCase()} ${op.path}`)
      .sort();
    expect(generated).toEqual(declared);
    for (const op of operations) {
      const [name, descriptor] =
        Object.entries(all).find(([, d]) => d.method === op.method && d.path === op.path) ?? [];
      expect(typeof client[name as string], `method ${name}`).toBe("function");
      expect(typeof bare[name as string], `bound ${name}`).toBe("function");
      // Contract 2: the descriptor id is the operationId, or "<METHOD> <path>" without one.
      expect(descriptor?.id).toBe(op.operationId ?? `${op.method.toUpperCase()} ${op.path}`);
    }
  });

  later("every operation sends its method and path (path parameters filled in)", async () => {
    const all = await descriptors();
    const client = await bareClient();
    for (const [name, descriptor] of Object.entries(all)) {
      const { input, expectedPath } = minimalInput(descriptor);
      server.reply({ status: 200, json: {} });
      const before = server.requests.length;
      const method = client[name] as Method;
      await (input === undefined ? method() : method(input));
      const request = server.requests[before];
      expect(request?.method, name).toBe(descriptor.method.toUpperCase());
      expect(request?.path, name).toBe(expectedPath);
    }
  });

  if (options.requests) {
    describe.skipIf(!spec.generate.ok)("requests", () => {
      let started = 0;
      beforeAll(() => {
        started = performance.now();
      });
      afterAll(() => {
        timings.requests = performance.now() - started;
      });
      options.requests?.({
        spec,
        server,
        module: loadModule,
        client: createClient,
        last() {
          const request = server.requests.at(-1);
          if (!request) throw new Error("the server received no request");
          return request;
        },
      });
    });
  }
}

/**
 * The smallest input the contract accepts: every path parameter (value `p<i>`), the `body` key when it is required
 * (`{}` for JSON, a string otherwise). Flattened bodies get no fields: a required one is then sent as `{}`.
 */
function minimalInput(descriptor: Descriptor): { input: Record<string, unknown> | undefined; expectedPath: string } {
  const input: Record<string, unknown> = {};
  let expectedPath = descriptor.path;
  let index = 0;
  for (const [key, param] of Object.entries(descriptor.params ?? {})) {
    if (param.in !== "path") continue;
    const value = `p${index++}`;
    input[key] = value;
    expectedPath = expectedPath.replace(`{${param.name ?? key}}`, value);
  }
  if (descriptor.body?.key && descriptor.body.required) {
    const media = descriptor.body.media?.[0] ?? "application/json";
    input[descriptor.body.key] = /json/.test(media) ? {} : "x";
  }
  const takesInput = descriptor.params !== undefined || descriptor.body !== undefined;
  return { input: takesInput ? input : undefined, expectedPath };
}

/** Bytes of a recorded request body, as a plain array (readable diffs). */
export function bodyBytes(request: RecordedRequest): number[] {
  return [...request.bodyBytes];
}

/** `application/x-www-form-urlencoded` body as ordered [key, value] pairs. */
export function formPairs(request: RecordedRequest): Array<[string, string]> {
  return [...new URLSearchParams(request.body)];
}

/** The media type of a header value, without parameters (`application/json; charset=utf-8` -> `application/json`). */
export function mediaType(value: string | string[] | undefined): string | undefined {
  return typeof value === "string" ? value.split(";")[0]?.trim().toLowerCase() : undefined;
}
