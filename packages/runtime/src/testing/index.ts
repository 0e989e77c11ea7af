/**
 * `@chat-sdk/runtime/testing`: MSW handlers built from the operation descriptors the clients use and generated test
 * data. Its own entry, so a client's bundle never carries it; `msw` (an optional peer dependency) is imported only
 * from its browser-safe main entry.
 */

export type { ErrorBodyOf } from "./error-body.ts";
export { createMock } from "./mock.ts";
export type {
  MockBase,
  MockDefinition,
  MockOptions,
  OperationMock,
  OperationTestData,
  ParamTestData,
  RecordedCall,
  ReplyInit,
  Responder,
} from "./types.ts";
