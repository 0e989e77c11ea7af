import { ApiError, ChatSdkError } from "./errors.ts";

/** One line per attempt. Holds no headers and no body, so no credential can reach a log. */
export interface LogEntry {
  operationId: string;
  method: string;
  /** Base URL + path, without the query string. */
  url: string;
  /** HTTP status, when a response arrived. */
  status?: number;
  durationMs: number;
  /** 1 for the first attempt. */
  attempt: number;
  outcome: "success" | "retry" | "recover" | "error";
  /** Error class name, when the attempt failed. */
  error?: string;
}

export type Logger = (entry: LogEntry) => void;

export function describeOutcome(error: unknown): Pick<LogEntry, "status" | "error"> {
  return {
    status: error instanceof ApiError ? error.status : undefined,
    error: error instanceof ChatSdkError ? error.name : "Error",
  };
}
