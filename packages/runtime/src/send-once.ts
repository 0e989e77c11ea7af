import type { HeaderValues } from "./auth.ts";
import { join, leave, TIMED_OUT } from "./deadline.ts";
import { AbortError, ApiError, type ApiErrorInit, ChatSdkError, ConnectionError, TimeoutError } from "./errors.ts";
import { type HttpContext, sendHttp } from "./http.ts";
import { limitResponse } from "./limit.ts";
import type { OperationDescriptor, PreparedRequest } from "./operation.ts";
import { readSuccess } from "./response.ts";

/**
 * One attempt of one call: sends it (see http.ts) with its own timeout (combined with the caller's signal),
 * reads the body (within the timeout) and turns every outcome into a parsed body or one typed error.
 */
export async function sendOnce(
  http: HttpContext,
  operation: OperationDescriptor,
  prepared: PreparedRequest,
  headers: HeaderValues,
  signal: AbortSignal | undefined,
  timeoutMs: number,
  createError: ((init: ApiErrorInit<unknown>) => ApiError) | undefined,
  maxResponseBytes?: number,
): Promise<{ status: number; body: unknown }> {
  const timed = timeoutMs > 0 && Number.isFinite(timeoutMs);
  // Without the caller's signal the attempt joins a shared deadline (deadline.ts). With one, it needs a controller of
  // its own that follows that signal; without a timeout the caller's signal (if any) goes straight to fetch.
  const deadline = timed && !signal ? join(timeoutMs) : undefined;
  const controller = timed && signal ? new AbortController() : undefined;
  const onAbort = () => controller?.abort(signal?.reason);
  if (controller) signal?.addEventListener("abort", onAbort, { once: true });
  const timer = controller ? setTimeout(() => controller.abort(TIMED_OUT), timeoutMs) : undefined;
  const attemptSignal = deadline?.signal ?? controller?.signal ?? signal;
  try {
    if (signal?.aborted) throw new AbortError(operation.id, signal.reason);
    const sent = await sendHttp(http, operation, prepared, headers, attemptSignal);
    const response = maxResponseBytes === undefined ? sent : await limitResponse(sent, maxResponseBytes, operation.id);
    if (!response.ok) {
      const init = {
        status: response.status,
        headers: response.headers,
        body: lenientJson(await response.text()),
        operationId: operation.id,
      };
      throw createError?.(init) ?? new ApiError(init);
    }
    return { status: response.status, body: await readSuccess(operation, response) };
  } catch (error) {
    if (error instanceof ChatSdkError) throw error;
    if (timed && attemptSignal?.reason === TIMED_OUT) throw new TimeoutError(operation.id, timeoutMs);
    if (signal?.aborted) throw new AbortError(operation.id, signal.reason);
    throw new ConnectionError(operation.id, error, surelyNotSent(error));
  } finally {
    if (deadline) leave(deadline);
    if (controller) {
      clearTimeout(timer);
      signal?.removeEventListener("abort", onAbort);
    }
  }
}

/** An error body: JSON when it parses, else the text (an HTML error page stays readable), else undefined. */
function lenientJson(text: string): unknown {
  if (text === "") return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** Connection never established: the server cannot have acted on the request. */
export function surelyNotSent(error: unknown): boolean {
  return /^(ECONNREFUSED|ENOTFOUND|EAI_AGAIN|UND_ERR_CONNECT_TIMEOUT)$/.test(
    String((error as { cause?: { code?: unknown } })?.cause?.code),
  );
}
