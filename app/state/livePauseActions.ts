/**
 * The store's actions for holding a live run: Step (start a run held at its first event, or
 * go one event on), Continue (to the next breakpoint, or the end), and the breakpoints.
 */
import type { PauseCommand, PausePlan, Trace } from '../../src/index.ts';
import {
  hasBreakpoints,
  planOf,
  toggleKind,
  toggleLine,
  type Breakpoints,
  type HeldRun,
} from './heldRun.ts';

/** What the actions need of the store. */
export interface LivePauseWorld {
  getState(): { held: HeldRun | null; breakpoints: Breakpoints; pendingRun: number | null };
  update(patch: { breakpoints: Breakpoints }): void;
  run(plan: PausePlan): Promise<Trace>;
  engine: { resume?: (command: PauseCommand) => boolean };
  /** Whether runs can be held here at all (the page is cross-origin isolated). */
  canHold: boolean;
}

/** Create the actions over the store's state. */
export function createLivePauseActions(world: LivePauseWorld) {
  const { getState, update } = world;
  const resume = (command: PauseCommand): boolean =>
    getState().held !== null && (world.engine.resume?.(command) ?? false);
  return {
    /** Whether runs can be held here (else Step and breakpoints are unavailable). */
    canHold: world.canHold,
    /** Hold a run at its first event (a new run), or take the held one a step on. */
    step(): Promise<Trace> | null {
      if (!world.canHold) return null;
      if (getState().held) return (resume('step'), null);
      if (getState().pendingRun !== null) return null; // a run under way is not held
      return world.run(planOf(getState().breakpoints, 'step'));
    },
    /** Let the held run go on to the next breakpoint, or to the end. */
    continueRun(): boolean {
      return resume('continue');
    },
    /** Let the held run go on to the end, past every breakpoint. */
    finishRun(): boolean {
      return resume('finish');
    },
    /** Set a breakpoint at every event of `kind`, or take it away. */
    toggleBreakKind(kind: string): void {
      update({ breakpoints: toggleKind(getState().breakpoints, kind) });
    },
    /** Set a breakpoint at `file`:`line`, or take it away. */
    toggleBreakLine(file: string, line: number): void {
      update({ breakpoints: toggleLine(getState().breakpoints, file, line) });
    },
    /** Take every breakpoint away. */
    clearBreakpoints(): void {
      update({ breakpoints: { kinds: [], lines: [] } });
    },
    /** The plan Run follows: held at the breakpoints (none: not held). */
    breakpointPlan(): PausePlan | null {
      const { breakpoints } = getState();
      return world.canHold && hasBreakpoints(breakpoints) ? planOf(breakpoints, 'continue') : null;
    },
  };
}
