import { type HttpHandler, type HttpRequestHandler, HttpResponse, http } from "msw";
import type { OperationDescriptor } from "../operation.ts";
import { basePattern, pathPattern, trimBase } from "./match.ts";
import { readRequest } from "./read-request.ts";
import type {
  MockBase,
  MockDefinition,
  MockOptions,
  OperationMock,
  OperationTestData,
  RecordedCall,
  ReplyInit,
  Responder,
} from "./types.ts";
import { bodyValidator } from "./validate-body.ts";

type AnyCall = RecordedCall<Record<string, unknown>>;
type AnyMock = OperationMock<Record<string, unknown>, unknown, unknown>;

const defaultErrorBody = (_status: number, message: string) => ({ error: message });

/**
 * The generic mock behind every generated `create<Client>Mock`: per method name an {@link OperationMock} whose
 * handlers check each request against the spec (400 naming the problem), record it, then answer.
 */
export function createMock(definition: MockDefinition, options: MockOptions = {}): MockBase & Record<string, unknown> {
  const baseUrl = trimBase(options.baseUrl ?? definition.baseUrl);
  const errorBody = options.errorBody ?? defaultErrorBody;
  const mocks: Record<string, AnyMock> = {};
  for (const [name, descriptor] of Object.entries(definition.operations)) {
    const data = definition.data.operations[name] ?? { status: 200 };
    mocks[name] = operationMock(name, descriptor, data, baseUrl, definition.data.$defs, errorBody);
  }
  const catchAll = http.all(basePattern(baseUrl), ({ request }) => {
    const path = new URL(request.url).pathname;
    const message = `no operation matches ${request.method} ${path} (base URL ${baseUrl})`;
    return HttpResponse.json(errorBody(404, message) as never, { status: 404 });
  });
  return {
    ...mocks,
    handlers: [...Object.values(mocks).map((mock) => mock.handler), catchAll],
    reset() {
      for (const mock of Object.values(mocks)) (mock.calls as AnyCall[]).length = 0;
    },
  };
}

function operationMock(
  name: string,
  descriptor: OperationDescriptor,
  data: OperationTestData,
  baseUrl: string,
  $defs: MockDefinition["data"]["$defs"],
  errorBody: (status: 400 | 404, message: string) => unknown,
): AnyMock {
  const { pattern, names } = pathPattern(baseUrl, descriptor);
  const validateBody = data.body ? bodyValidator(data.body, $defs) : undefined;
  const calls: AnyCall[] = [];
  const example = () => answer(data.status, data.example, data.contentType);

  /** Every handler of this operation: match, validate, record, then `respond` (undefined: the example). */
  const handle = (respond: Responder<Record<string, unknown>>, once = false): HttpHandler =>
    ((http as unknown as Record<string, HttpRequestHandler>)[descriptor.method] ?? http.all)(
      pattern,
      async ({ request, params }) => {
        const pathValues = Object.fromEntries(names.map((param, index) => [param, String(params[index])]));
        const read = await readRequest(request, descriptor, data, pathValues);
        calls.push(read.call);
        const problem =
          read.problems[0] ??
          (validateBody && read.json && read.body !== undefined ? validateBody(read.body) : undefined);
        if (problem) return HttpResponse.json(errorBody(400, `${name}: ${problem}`) as never, { status: 400 });
        return respond(request, read.call) ?? example();
      },
      { once },
    );

  return {
    id: descriptor.id,
    handler: handle(() => undefined),
    calls,
    reply: (body, init: ReplyInit = {}) =>
      handle(() => answer(init.status ?? data.status, body, data.contentType, init.headers), init.once),
    replyError: (status, body, init = {}) =>
      handle(() => answer(status, body, "application/json", init.headers), init.once),
    replyExample: (status, init = {}) => {
      const errors = data.errors ?? {};
      const key = [String(status), `${String(status)[0]}XX`, "default"].find((k) => Object.hasOwn(errors, k));
      if (key === undefined) throw new Error(`${name}: the spec documents no example for HTTP ${status}`);
      return handle(() => answer(status, errors[key], "application/json", init.headers), init.once);
    },
    respond: (respond, init = {}) => handle(respond, init.once),
  };
}

/** A response with `body` as JSON (or as text for a text Content-Type); no body for `undefined` or 204/205. */
function answer(status: number, body: unknown, contentType = "application/json", headers?: Record<string, string>) {
  if (body === undefined || status === 204 || status === 205) return new HttpResponse(null, { status, headers });
  const text = typeof body === "string" && !/json/i.test(contentType) ? body : JSON.stringify(body);
  return new HttpResponse(text, { status, headers: { "Content-Type": contentType, ...headers } });
}
