import { AbortError, TimeoutError } from "./errors.ts";

/**
 * Waiting for an async credentials provider is part of the attempt: the caller's signal and `timeoutMs` end it too,
 * so a provider that never settles cannot keep a call pending for ever.
 */
export function bounded<T>(
  pending: Promise<T>,
  signal: AbortSignal | undefined,
  timeoutMs: number,
  operationId: string,
) {
  if (!signal && !(timeoutMs > 0 && Number.isFinite(timeoutMs))) return pending;
  return new Promise<T>((resolve, reject) => {
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener("abort", onAbort);
    };
    const onAbort = () => {
      done();
      reject(new AbortError(operationId, signal?.reason));
    };
    const timer =
      timeoutMs > 0 && Number.isFinite(timeoutMs)
        ? setTimeout(() => {
            done();
            reject(new TimeoutError(operationId, timeoutMs));
          }, timeoutMs)
        : undefined;
    if (signal?.aborted) return onAbort();
    signal?.addEventListener("abort", onAbort, { once: true });
    pending.then(
      (value) => {
        done();
        resolve(value);
      },
      (error: unknown) => {
        done();
        reject(error);
      },
    );
  });
}

export function sleep(ms: number, signal: AbortSignal | undefined, operationId: string): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new AbortError(operationId, signal.reason));
    const onAbort = () => {
      clearTimeout(timer);
      reject(new AbortError(operationId, signal?.reason));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
