import { useLayoutEffect, useMemo, useState } from 'react';
import {
  commitBoundaryPosition,
  eventBySeq,
  filterByKinds,
  headersCommitIndex,
  kindCounts,
  lanesOf,
  traceEntryFile,
  type TraceEventKind,
} from '../../src/index.ts';
import type { ResultTabProps } from '../common/resultTabProps.ts';
import { EventDetails } from './EventDetails.tsx';
import { EventList } from './EventList.tsx';
import { KindFilter } from './KindFilter.tsx';
import { useCompactTimeline } from './useCompactTimeline.ts';
import './timeline.css';
import './timelineCompact.css';
import './timelineTouch.css';

/** The performance mark set when the page's first timeline is in the DOM, before it is painted
 * (`npm run bench`). */
export const FIRST_TRACE = 'wsgi-playground:first-trace';

function markFirstTrace(): void {
  if (performance.getEntriesByName(FIRST_TRACE).length === 0) performance.mark(FIRST_TRACE);
}

/**
 * The run as a sequence between Client, Server (and middleware layers) and App: one row per
 * event, the moment the headers were committed, the outcome at the end, a filter by kind, and
 * the selected event's details. Selection is shared with the editor and the other tabs (in
 * step mode it is the step cursor, and the events after it are dimmed: not happened yet).
 */
export function TimelineTab({
  trace,
  selectedSeq,
  onSelect,
  stepIndex = null,
}: ResultTabProps & {
  /** In step mode, the cursor's event index: the events after it are dimmed. */
  stepIndex?: number | null;
}) {
  const { events } = trace;
  const [chosenKinds, setChosenKinds] = useState<ReadonlySet<TraceEventKind>>(new Set());
  const counts = useMemo(() => kindCounts(events), [events]);
  // A kind the new run did not record cannot narrow the list (it would hide everything).
  const kinds = useMemo(
    () => new Set([...chosenKinds].filter((kind) => counts.has(kind))),
    [chosenKinds, counts],
  );
  const shown = useMemo(() => filterByKinds(events, kinds), [events, kinds]);
  const lanes = useMemo(() => lanesOf(events, trace.layers), [events, trace.layers]);
  const commitIndex = useMemo(() => headersCommitIndex(events), [events]);
  useLayoutEffect(markFirstTrace, []);
  const { ref, compact } = useCompactTimeline<HTMLDivElement>();

  return (
    <div ref={ref} className={compact ? 'tl tl--compact' : 'tl'}>
      <KindFilter
        counts={counts}
        total={events.length}
        selected={kinds}
        onChange={setChosenKinds}
      />
      <EventList
        events={events}
        shown={shown}
        lanes={lanes}
        commitIndex={commitIndex}
        boundary={commitBoundaryPosition(shown, commitIndex)}
        callable={trace.callable ?? undefined}
        entryFile={traceEntryFile(trace)}
        interpolatedTimes={trace.interpolatedTimes}
        selectedSeq={selectedSeq}
        onSelect={onSelect}
        compact={compact}
        stepIndex={stepIndex}
      />
      <EventDetails trace={trace} event={eventBySeq(events, selectedSeq)} />
    </div>
  );
}
