/**
 * Timeouts shared by attempts that start close together. A timer, a controller and a listener per attempt cost more
 * than the rest of a call (see `pnpm bench`); instead, attempts with the same `timeoutMs` that start within a short
 * window share one controller, aborted when the last of them is due: `timeoutMs` after the window closes. So an
 * attempt gets between `timeoutMs` and `timeoutMs` + window (1/50th of it, at most 1 s), never less. A group takes at
 * most 256 attempts (each Request follows its signal with a listener, and a long listener list costs more on Node 20).
 */
export const TIMED_OUT = Symbol("timed out");

const MAX_ATTEMPTS = 256;

export interface Deadline {
  readonly signal: AbortSignal;
  /** Attempts of the group still running: its timer keeps a process alive only while there are some. */
  running: number;
  readonly timer: ReturnType<typeof setTimeout>;
  readonly openUntil: number;
  joined: number;
}

const open = new Map<number, Deadline>();

/** The shared deadline for an attempt starting now; call {@link leave} when the attempt ends. */
export function join(timeoutMs: number): Deadline {
  const now = Date.now();
  let deadline = open.get(timeoutMs);
  if (!deadline || now >= deadline.openUntil || deadline.joined >= MAX_ATTEMPTS) {
    const window = Math.min(1000, Math.ceil(timeoutMs / 50));
    const controller = new AbortController();
    const timer = setTimeout(() => {
      controller.abort(TIMED_OUT);
      if (open.get(timeoutMs) === created) open.delete(timeoutMs);
    }, timeoutMs + window);
    const created: Deadline = { signal: controller.signal, running: 0, timer, openUntil: now + window, joined: 0 };
    open.set(timeoutMs, created);
    deadline = created;
  }
  deadline.joined++;
  if (deadline.running++ === 0) refTimer(deadline.timer, true);
  return deadline;
}

export function leave(deadline: Deadline): void {
  if (--deadline.running === 0) refTimer(deadline.timer, false);
}

/** Node's timers keep the process alive unless unref'd; browsers' timers are numbers and never do. */
function refTimer(timer: ReturnType<typeof setTimeout>, ref: boolean): void {
  const handle = timer as { ref?: () => void; unref?: () => void };
  if (ref) handle.ref?.();
  else handle.unref?.();
}
