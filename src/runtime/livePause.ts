/**
 * Pausing a live run: the worker holds the app at a protocol event, on a shared buffer, until
 * the page says go (`live_pause.py` decides where; this is how the two sides talk).
 *
 * The page cannot share memory with the worker directly — it lives in the sandbox frame, an
 * opaque origin in another agent cluster — so the frame owns the buffer: the worker waits on
 * it (`Atomics.wait`), and the page asks the frame to write a command into it.
 */

/** Where a live run is held: at every event from the start (`step`), or only at breakpoints. */
export interface PausePlan {
  /** `step`: hold at the first event; `continue`: run to the first breakpoint. */
  start: 'step' | 'continue';
  /** Hold at every event of these kinds (`yield`, `start_response`, …). */
  kinds: string[];
  /** Hold at every event caused by one of these lines (`file`: the project's path). */
  lines: { file: string; line: number }[];
}

/** What a held run is told: the next event, the next breakpoint, or the end. */
export type PauseCommand = 'step' | 'continue' | 'finish';

/** The commands as the buffer and the server object (live_pause.py) count them. */
export const PAUSE_CODES: Record<PauseCommand, number> = { step: 1, continue: 2, finish: 3 };

/** No command yet: the worker waits while the buffer holds this. */
export const NO_COMMAND = 0;

/** The buffer's size in bytes: one Int32 for the command. */
export const PAUSE_BUFFER_BYTES = 4;

/**
 * Wait (in the worker) until the page writes a command into `buffer`; return its code and
 * clear it. Waits in slices, so a worker that must die is never stuck in one wait forever.
 */
export function waitForCommand(buffer: Int32Array, sliceMs = 1000): number {
  for (;;) {
    const code = Atomics.exchange(buffer, 0, NO_COMMAND);
    if (code !== NO_COMMAND) return code;
    Atomics.wait(buffer, 0, NO_COMMAND, sliceMs);
  }
}

/** Give a held run its command (in the frame, which owns the buffer). */
export function sendCommand(buffer: Int32Array, code: number): void {
  Atomics.store(buffer, 0, code);
  Atomics.notify(buffer, 0);
}

/** True when `value` is a plan a page may send (the worker checks what it is given). */
export function isPausePlan(value: unknown): value is PausePlan {
  if (typeof value !== 'object' || value === null) return false;
  const plan = value as Partial<PausePlan>;
  return (
    (plan.start === 'step' || plan.start === 'continue') &&
    Array.isArray(plan.kinds) &&
    plan.kinds.every((kind) => typeof kind === 'string') &&
    Array.isArray(plan.lines) &&
    plan.lines.every(
      (line) =>
        typeof line === 'object' &&
        line !== null &&
        typeof line.file === 'string' &&
        Number.isInteger(line.line),
    )
  );
}
