import type { Trace } from '../../src/index.ts';

/** What every result tab receives. */
export interface ResultTabProps {
  /** The trace shown (see `PlaygroundState.shownTrace`). */
  trace: Trace;
  /** The selected event's `seq`, shared by every tab and the editor. */
  selectedSeq: number | null;
  /** Select an event (or none): the editor reveals its line, the timeline scrolls to it. */
  onSelect: (seq: number | null) => void;
}
