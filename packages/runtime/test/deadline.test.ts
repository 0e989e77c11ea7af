import { afterEach, describe, expect, it, vi } from "vitest";
import { join, leave, TIMED_OUT } from "../src/deadline.ts";

afterEach(() => {
  vi.useRealTimers();
});

describe("shared deadlines", () => {
  it("attempts with the same timeout starting within the window share one signal; others get their own", () => {
    vi.useFakeTimers();
    const first = join(5_000);
    const second = join(5_000);
    const otherTimeout = join(7_000);
    expect(second.signal).toBe(first.signal);
    expect(otherTimeout.signal).not.toBe(first.signal);
    vi.advanceTimersByTime(100); // the window of a 5 s timeout is 100 ms
    const later = join(5_000);
    expect(later.signal).not.toBe(first.signal);
    for (const deadline of [first, second, otherTimeout, later]) leave(deadline);
  });

  it("never aborts before timeoutMs, and at most the window (1/50th) later", () => {
    vi.useFakeTimers();
    const opened = join(1_000);
    vi.advanceTimersByTime(19); // joins at the end of the 20 ms window: the shortest time left
    const last = join(1_000);
    expect(last.signal).toBe(opened.signal);
    vi.advanceTimersByTime(999);
    expect(last.signal.aborted).toBe(false);
    vi.advanceTimersByTime(2);
    expect(last.signal.reason).toBe(TIMED_OUT);
    leave(opened);
    leave(last);
  });

  it("takes at most 256 attempts per signal", () => {
    vi.useFakeTimers();
    const joined = Array.from({ length: 257 }, () => join(3_000));
    expect(new Set(joined.map((deadline) => deadline.signal)).size).toBe(2);
    for (const deadline of joined) leave(deadline);
  });

  it("keeps the process alive only while one of its attempts runs", () => {
    const deadline = join(60_000);
    const timer = deadline.timer as unknown as { hasRef(): boolean };
    expect(timer.hasRef()).toBe(true);
    leave(deadline);
    expect(timer.hasRef()).toBe(false);
    expect(join(60_000)).toBe(deadline); // joined again within its window: alive again
    expect(timer.hasRef()).toBe(true);
    leave(deadline);
  });
});
