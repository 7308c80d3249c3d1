import { useCallback, useEffect, useMemo, useRef } from 'react';
import {
  moveStep,
  stepIndexOfSeq,
  stepStateAt,
  wireProgress,
  type StepMove,
  type StepState,
  type Trace,
} from '../../src/index.ts';

/** The step cursor over a run: where it is, the state there, and how to move it. */
export interface StepCursor {
  /** The step's index in the run's events, or -1 when no event is selected. */
  index: number;
  /** How many steps the run has. */
  count: number;
  /** The state after the step's event (null: no step selected, or no run). */
  state: StepState | null;
  move: (move: StepMove) => void;
}

/**
 * The step cursor is the page's selection (`selectedSeq`), so the timeline row and the
 * editor line follow it as they follow a click. While `enabled`, a run with nothing selected
 * starts at its first event — when stepping starts, and again for each new run.
 */
export function useStepCursor(
  trace: Trace | null,
  selectedSeq: number | null,
  onSelect: (seq: number | null) => void,
  enabled: boolean,
): StepCursor {
  const index = trace ? stepIndexOfSeq(trace, selectedSeq) : -1;
  const count = trace?.events.length ?? 0;
  // The one part of the state that reads every wire segment: once per run.
  const progress = useMemo(() => (trace ? wireProgress(trace) : null), [trace]);
  const state = useMemo(
    () => (trace && progress && index >= 0 ? stepStateAt(trace, index, progress) : null),
    [trace, progress, index],
  );
  const move = useCallback(
    (to: StepMove) => {
      if (!trace) return;
      const seq = trace.events[moveStep(trace, index, to)]?.seq;
      if (seq !== undefined) onSelect(seq);
    },
    [trace, index, onSelect],
  );
  const started = useRef<Trace | null>(null);
  useEffect(() => {
    if (!enabled || !trace) {
      started.current = null;
      return;
    }
    if (started.current === trace) return;
    started.current = trace;
    const first = trace.events[0]?.seq;
    if (index < 0 && first !== undefined) onSelect(first);
  }, [enabled, trace, index, onSelect]);
  return { index, count, state, move };
}
