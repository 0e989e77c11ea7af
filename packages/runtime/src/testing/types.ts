import type { HttpHandler } from "msw";
import type { OperationDescriptor } from "../operation.ts";

/** Generated per operation (testing.gen.ts): what the mock answers and what it checks. */
export interface OperationTestData {
  /** Status of the default answer: the first documented 2xx. */
  readonly status: number;
  /** The documented example (or a sampled one); absent when the success has no content. */
  readonly example?: unknown;
  /** Content-Type of the default answer, when it has a body. */
  readonly contentType?: string;
  /** Documented error answers (JSON) by status key as in the spec ("401", "4XX", "default"). */
  readonly errors?: Readonly<Record<string, unknown>>;
  /** JSON Schema of the request body as sent on the wire (its refs point into the shared `$defs`). */
  readonly body?: object;
  /** Parameters by input key: whether required and the JSON type a wire string is converted back to. */
  readonly params?: Readonly<Record<string, ParamTestData>>;
}

export interface ParamTestData {
  readonly required?: boolean;
  readonly type?: "string" | "number" | "integer" | "boolean" | "array" | "object";
}

/** Everything a generated `create<Client>Mock` hands to {@link createMock}. */
export interface MockDefinition {
  /** The client's default base URL (the spec's first server). */
  readonly baseUrl: string;
  /** Method name -> the descriptor the client itself uses. */
  readonly operations: Readonly<Record<string, OperationDescriptor>>;
  readonly data: {
    readonly operations: Readonly<Record<string, OperationTestData>>;
    /** Schemas the request bodies refer to (`#/$defs/<name>`). */
    readonly $defs?: Readonly<Record<string, unknown>>;
  };
}

export interface MockOptions {
  /** Where the client under test sends requests; default: the client's default base URL. */
  baseUrl?: string;
  /**
   * Body of the mock's own error answers (400 invalid request, 404 no such operation); default `{ error: message }`.
   * A package shapes it as its API's error payload, so the client raises its typed error.
   */
  errorBody?: (status: 400 | 404, message: string) => unknown;
}

/** What one request sent, as the app's code would have written it. */
export interface RecordedCall<I> {
  /** The operation's flat input, rebuilt from the wire request (path, query, header, cookie, body). */
  readonly input: I;
  readonly request: {
    readonly method: string;
    readonly url: string;
    /** Lower-case names. */
    readonly headers: Readonly<Record<string, string>>;
    /** The parsed body: JSON, form fields as an object, text; undefined when none. */
    readonly body: unknown;
  };
}

export interface ReplyInit {
  status?: number;
  headers?: Record<string, string>;
  /** Answer only the next matching request (MSW's `once`). */
  once?: boolean;
}

/**
 * Decides the answer of one request that passed validation; `undefined` gives the default answer (the example).
 * Used by the packages' error helpers (misdirected region, rate limit).
 */
export type Responder<I> = (request: Request, call: RecordedCall<I>) => Response | undefined;

/** One operation of a mock: its default MSW handler, typed overrides and the recorded calls. */
export interface OperationMock<I, O, E = unknown> {
  /** The spec's operationId. */
  readonly id: string;
  /** Answers the documented example; part of `mock.handlers`. */
  readonly handler: HttpHandler;
  /** Every request this operation received (through any of its handlers), oldest first; cleared by `reset()`. */
  readonly calls: readonly RecordedCall<I>[];
  /** A handler answering `body` (default status: the documented success). For `server.use(...)`. */
  reply(body: O, init?: ReplyInit): HttpHandler;
  /** A handler answering an error status with a documented error body. */
  replyError(status: number, body: E, init?: Omit<ReplyInit, "status">): HttpHandler;
  /**
   * A handler answering the spec's documented example for an error `status` (the response under that status, else
   * its `4XX`/`5XX` range, else `default`); throws when the spec documents none.
   */
  replyExample(status: number, init?: Omit<ReplyInit, "status">): HttpHandler;
  /** A handler whose answer `respond` decides (after validation and recording). */
  respond(respond: Responder<I>, init?: Pick<ReplyInit, "once">): HttpHandler;
}

/** The generic mock: one {@link OperationMock} per method name, the handlers and `reset()`. */
export interface MockBase {
  /** One handler per operation, then a catch-all under the base URL answering 404 with the unmatched request. */
  readonly handlers: HttpHandler[];
  /** Forgets the recorded calls of every operation. */
  reset(): void;
}
