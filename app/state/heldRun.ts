/** A live run held at an event (Step, a breakpoint), and the breakpoints that hold runs. */
import type { PausePlan, Trace, TraceEvent } from '../../src/index.ts';

/** A run held at one of its events. */
export interface HeldRun {
  /** The store's sequence number of the run. */
  runSeq: number;
  /** The run so far, ending with the event it is held at (its `paused` end left out). */
  trace: Trace;
  /** The `seq` of the event it is held at. */
  atSeq: number;
  /** That event (what the run did last). */
  event: TraceEvent | undefined;
}

/** The kinds of event a run can break at, in the order a run meets them. */
export const BREAK_KINDS = [
  'app.call',
  'start_response',
  'input.read',
  'write',
  'headers.commit',
  'yield',
  'print',
  'errors.write',
  'exception',
  'close',
] as const;

/** Where Run holds the app: at every event of some kinds, and at the events of some lines. */
export interface Breakpoints {
  kinds: readonly string[];
  lines: readonly { file: string; line: number }[];
}

/** No breakpoints: Run runs through. */
export const NO_BREAKPOINTS: Breakpoints = { kinds: [], lines: [] };

/** Whether any breakpoint is set. */
export function hasBreakpoints(breakpoints: Breakpoints): boolean {
  return breakpoints.kinds.length > 0 || breakpoints.lines.length > 0;
}

/** The plan of a run: held at its first event (`step`), or at the first breakpoint. */
export function planOf(breakpoints: Breakpoints, start: PausePlan['start']): PausePlan {
  return {
    start,
    kinds: [...breakpoints.kinds],
    lines: breakpoints.lines.map(({ file, line }) => ({ file, line })),
  };
}

/** The held run of the store's run `runSeq`, from the Trace so far the worker sent. */
export function heldRunOf(runSeq: number, sent: Trace): HeldRun {
  // The Trace so far ends with a `complete` event saying `paused`: not a step of the run.
  const last = sent.events.at(-1);
  const events =
    last?.kind === 'complete' && sent.outcome === 'paused' ? sent.events.slice(0, -1) : sent.events;
  const event = events.at(-1);
  return {
    runSeq,
    trace: { ...sent, events, stats: { ...sent.stats, events: events.length } },
    atSeq: event?.seq ?? 0,
    event,
  };
}

/** `breakpoints` with the line breakpoint at `file`:`line` set, or taken away if it was. */
export function toggleLine(breakpoints: Breakpoints, file: string, line: number): Breakpoints {
  const has = breakpoints.lines.some((at) => at.file === file && at.line === line);
  const lines = has
    ? breakpoints.lines.filter((at) => at.file !== file || at.line !== line)
    : [...breakpoints.lines, { file, line }].sort(
        (a, b) => a.file.localeCompare(b.file) || a.line - b.line,
      );
  return { ...breakpoints, lines };
}

/** `breakpoints` with a break at every event of `kind` set, or taken away if it was. */
export function toggleKind(breakpoints: Breakpoints, kind: string): Breakpoints {
  const kinds = breakpoints.kinds.includes(kind)
    ? breakpoints.kinds.filter((k) => k !== kind)
    : BREAK_KINDS.filter((k) => k === kind || breakpoints.kinds.includes(k));
  return { ...breakpoints, kinds };
}
