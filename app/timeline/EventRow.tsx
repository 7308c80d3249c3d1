import { memo, type ReactNode } from 'react';
import {
  eventFamily,
  eventFlow,
  fileOfEvent,
  viaLibrary,
  type LaneId,
  summarizeEvent,
  type TraceEvent,
} from '../../src/index.ts';
import { FindingMark } from '../findings/FindingMark.tsx';
import { INTERPOLATED } from './interpolated.ts';
import { COMPACT_LANE_WIDTH, LANE_WIDTH, LaneCell } from './LaneCell.tsx';
import { revealInEditor } from '../editor/revealInEditor.ts';

/** A wide row's height, in pixels (fixed, so that 100,000 rows can be virtualised cheaply). */
export const ROW_HEIGHT = 28;
/** The extra height of the row that carries the "headers committed" boundary. */
export const BOUNDARY_HEIGHT = 22;
/** A compact row's height before it is measured: two lines, the summary's being one line. */
export const COMPACT_ROW_ESTIMATE = 48;

/** What one row of the timeline needs. */
export interface EventRowProps {
  event: TraceEvent;
  /** The row's place among the rows shown (1-based in `aria-rowindex`, after the header). */
  position: number;
  /** Pixels from the top of the list. */
  top: number;
  lanes: readonly LaneId[];
  callable: string | undefined;
  /** Where events without a file belong: their file is not named in the row. */
  entryFile: string;
  selected: boolean;
  /** The headers were committed at or before this event. */
  committed: boolean;
  /** This row carries the "headers committed" boundary above it. */
  boundary: boolean;
  /** The event's time is interpolated, not read (see `Trace.interpolatedTimes`). */
  interpolated: boolean;
  /** In step mode, the event is after the step cursor: it has not happened yet. */
  future?: boolean;
  onSelect: (seq: number) => void;
  /** Two lines, as tall as the summary needs, narrow lanes (see `useCompactTimeline`). */
  compact: boolean;
  /** In compact mode, the virtualiser's `measureElement`: the row's height is its content's. */
  measureRef?: ((row: HTMLDivElement | null) => void) | undefined;
}

/**
 * Where an event happened beyond its line number: its file when it is not the entry file,
 * and the library it passed through ("views.py · via werkzeug/wsgi.py:312"), or null.
 */
function placeWords(event: TraceEvent, entryFile: string): string | null {
  const file = event.line !== undefined && event.file !== undefined && event.file !== entryFile;
  const via = viaLibrary(event);
  const words = [file ? event.file : null, via].filter((part) => part !== null);
  return words.length > 0 ? words.join(' ') : null;
}

/**
 * A kind with a line-break opportunity after each `.` and `_`, so that a compact row too
 * narrow for `layer.start_response` wraps it as `layer.` / `start_response`, not `layer.st…`.
 */
function breakable(kind: string): ReactNode[] {
  return kind
    .split(/(?<=[._])/)
    .flatMap((part, index) => (index === 0 ? [part] : [<wbr key={index} />, part]));
}

/** The DOM id of an event's row. */
export function rowId(seq: number): string {
  return `timeline-event-${seq}`;
}

/** An end-of-run summary: the outcome as a pill, instead of the plain words. */
function Outcome({ event }: { event: Extract<TraceEvent, { kind: 'complete' }> }) {
  const outcome = event.outcome ?? 'unknown';
  return (
    <>
      <span className={`tl-outcome tl-outcome--${outcome === 'complete' ? 'good' : 'bad'}`}>
        {outcome}
      </span>{' '}
      run ended
    </>
  );
}

/**
 * One event of the timeline: offset, the sequence diagram's row, kind, source line and
 * summary. Rows are absolutely placed by the virtualiser and memoised, so scrolling renders
 * only the rows that come into view.
 */
export const EventRow = memo(function EventRow({
  event,
  position,
  top,
  lanes,
  callable,
  entryFile,
  selected,
  committed,
  boundary,
  interpolated,
  future = false,
  onSelect,
  compact,
  measureRef,
}: EventRowProps) {
  const family = eventFamily(event);
  const summary = summarizeEvent(event, callable);
  const end = event.kind === 'complete';
  const where = placeWords(event, entryFile);
  const classes = ['tl-row', `tl-row--${family}`];
  if (boundary) classes.push('tl-row--boundary');
  if (end) classes.push('tl-row--end');
  if (future) classes.push('tl-row--future');
  return (
    <div
      ref={measureRef}
      role="row"
      id={rowId(event.seq)}
      className={classes.join(' ')}
      aria-selected={selected}
      aria-rowindex={position + 2}
      tabIndex={selected ? 0 : -1}
      data-seq={event.seq}
      data-kind={event.kind}
      // The virtualiser reads which row a measured element is from this. Wide rows carry it
      // too: a row measured while compact stays observed after the timeline widens, and
      // without it each resize of such a row would log a warning (its size then is the
      // estimate, so the measurement changes nothing).
      data-index={position}
      style={{ transform: `translateY(${top}px)` }}
      onClick={() => onSelect(event.seq)}
    >
      {boundary && (
        <div className="tl-boundary" aria-hidden="true">
          <span>headers committed</span>
        </div>
      )}
      <div className="tl-cells">
        <span
          role="cell"
          className="tl-cell tl-cell--t"
          title={interpolated ? INTERPOLATED : undefined}
        >
          {interpolated ? '≈' : ''}
          {event.t.toFixed(2)}
        </span>
        <span role="cell" className="tl-cell tl-cell--lanes">
          <LaneCell
            lanes={lanes}
            flow={eventFlow(event)}
            family={family}
            committed={committed}
            end={end}
            laneWidth={compact ? COMPACT_LANE_WIDTH : LANE_WIDTH}
          />
        </span>
        <span role="cell" className="tl-cell tl-cell--kind">
          <span className={`tl-kind tl-kind--${family}`}>
            {compact ? breakable(event.kind) : event.kind}
          </span>
        </span>
        <span role="cell" className="tl-cell tl-cell--line">
          {event.line !== undefined && (
            <button
              type="button"
              tabIndex={-1}
              className="tl-line"
              title={`Show ${fileOfEvent(event, entryFile)}:${event.line} in the editor`}
              // The row's own click selects the event; this also jumps to the line.
              onClick={() => {
                if (event.line !== undefined)
                  revealInEditor(event.line, fileOfEvent(event, entryFile));
              }}
            >
              {event.line}
            </button>
          )}
        </span>
        <span
          role="cell"
          className="tl-cell tl-cell--summary"
          title={where ? `${summary} (${where})` : summary}
        >
          <FindingMark seq={event.seq} />
          {event.kind === 'complete' ? <Outcome event={event} /> : summary}
          {where && <span className="tl-where"> · {where}</span>}
        </span>
      </div>
    </div>
  );
});
