import { defaultRangeExtractor, useVirtualizer, type Range } from '@tanstack/react-virtual';
import {
  useCallback,
  useEffect,
  useLayoutEffect,
  useRef,
  type CSSProperties,
  type KeyboardEvent,
} from 'react';
import {
  fileOfEvent,
  indexOfSeq,
  positionOf,
  timeIsInterpolated,
  type LaneId,
  type TraceEvent,
} from '../../src/index.ts';
import { BOUNDARY_HEIGHT, COMPACT_ROW_ESTIMATE, EventRow, ROW_HEIGHT, rowId } from './EventRow.tsx';
import { EventListHead } from './EventListHead.tsx';
import { COMPACT_LANE_WIDTH } from './LaneCell.tsx';
import { NAVIGATION_KEYS, nextPosition } from './listNavigation.ts';
import { useMeasuredRows } from './useMeasuredRows.ts';
import { revealInEditor } from '../editor/revealInEditor.ts';

/** The height of the sticky column header, in pixels. */
const HEADER_HEIGHT = 30;

/** The compact grid's lanes column, as wide as the narrow lanes (timelineCompact.css). */
function compactWidths(laneCount: number): CSSProperties {
  return { '--tl-lanes-width': `${laneCount * COMPACT_LANE_WIDTH}px` } as CSSProperties;
}

/** What the list shows: some of a run's events, and the shared selection. */
export interface EventListProps {
  events: readonly TraceEvent[];
  /** Indices into `events` of the rows to show, ascending. */
  shown: readonly number[];
  lanes: readonly LaneId[];
  /** Index into `events` of the headers commit, or -1. */
  commitIndex: number;
  /** Position in `shown` of the row that carries the "headers committed" boundary, or -1. */
  boundary: number;
  callable: string | undefined;
  /** The run's entry file (events without a file are in it). */
  entryFile: string;
  /** `Trace.interpolatedTimes`: the events whose time is interpolated. */
  interpolatedTimes: readonly number[] | undefined;
  selectedSeq: number | null;
  onSelect: (seq: number | null) => void;
  /** Two-line rows as tall as their content, narrow lanes (see `useCompactTimeline`). */
  compact: boolean;
  /** In step mode, the cursor's index into `events`: later rows are dimmed (else null). */
  stepIndex?: number | null;
}

/**
 * The events as a virtualised table: only the rows in view (and the selected one) are in the
 * DOM, so 100,000 events scroll as smoothly as ten. The selected row holds the focus; the
 * arrow keys, Home/End and PageUp/PageDown move the selection, Enter shows its line in the
 * editor, Escape clears it.
 */
export function EventList({
  events,
  shown,
  lanes,
  commitIndex,
  boundary,
  callable,
  entryFile,
  interpolatedTimes,
  selectedSeq,
  onSelect,
  compact,
  stepIndex = null,
}: EventListProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const focusNext = useRef(false);
  const selectedIndex = selectedSeq === null ? -1 : indexOfSeq(events, selectedSeq);
  const selectedPosition = selectedIndex < 0 ? -1 : positionOf(shown, selectedIndex);

  // Rows are keyed by their event, so that React keeps a row when the filter changes.
  const getItemKey = useCallback(
    (position: number) => events[shown[position] ?? -1]?.seq ?? -position - 1,
    [events, shown],
  );
  // Keep the selected row rendered even when scrolled away, so it never loses the focus.
  const rangeExtractor = useCallback(
    (range: Range) => {
      const indexes = defaultRangeExtractor(range);
      if (selectedPosition < 0 || indexes.includes(selectedPosition)) return indexes;
      return [...indexes, selectedPosition].sort((a, b) => a - b);
    },
    [selectedPosition],
  );
  // Wide rows are as tall as this says; compact rows start so and are then measured.
  const rowHeight = compact ? COMPACT_ROW_ESTIMATE : ROW_HEIGHT;
  // This app does not use the React Compiler; the virtualiser's functions are read each render.
  // oxlint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: shown.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: (position) => rowHeight + (position === boundary ? BOUNDARY_HEIGHT : 0),
    getItemKey,
    rangeExtractor,
    overscan: 10,
    // The sticky header sits above the rows, in the same scroll box (so columns line up).
    paddingStart: HEADER_HEIGHT,
    scrollPaddingStart: HEADER_HEIGHT,
  });

  // Wide rows are as tall as estimateSize says; the row carrying the boundary is taller: lay
  // them out again when it moves, and when the rows turn wide.
  useLayoutEffect(() => {
    if (!compact) virtualizer.measure();
  }, [virtualizer, boundary, compact]);
  const rowsRef = useRef<HTMLDivElement>(null);
  useMeasuredRows(virtualizer, rowsRef, compact);

  // Bring the selection into view, whoever made it (this list, the editor, another tab), and
  // again when the tab is shown (a hidden list has no height to scroll in).
  const shownOnScreen = (virtualizer.scrollRect?.height ?? 0) > 0;
  useEffect(() => {
    if (shownOnScreen && selectedPosition >= 0) {
      virtualizer.scrollToIndex(selectedPosition, { align: 'auto' });
    }
  }, [virtualizer, selectedPosition, shownOnScreen]);

  // After a keyboard move the new row takes the focus (it is rendered: see rangeExtractor).
  useLayoutEffect(() => {
    if (!focusNext.current || selectedSeq === null) return;
    focusNext.current = false;
    document.getElementById(rowId(selectedSeq))?.focus({ preventScroll: true });
  }, [selectedSeq]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    if (event.key === 'Enter') {
      const selectedEvent = events[selectedIndex];
      if (selectedEvent?.line !== undefined)
        revealInEditor(selectedEvent.line, fileOfEvent(selectedEvent, entryFile));
      return;
    }
    if (event.key === 'Escape') {
      onSelect(null);
      scrollRef.current?.focus();
      return;
    }
    if (!NAVIGATION_KEYS.has(event.key)) return;
    event.preventDefault();
    const height = (scrollRef.current?.clientHeight ?? 0) - HEADER_HEIGHT;
    const page = Math.floor(height / rowHeight);
    const position = nextPosition(event.key, selectedPosition, shown.length, page);
    const seq = events[shown[position] ?? -1]?.seq;
    if (seq === undefined) return;
    if (seq === selectedSeq) {
      // Already there (e.g. End at the end): keep it in view, nothing to select.
      virtualizer.scrollToIndex(position, { align: 'auto' });
      return;
    }
    focusNext.current = true;
    onSelect(seq);
  };

  return (
    <div
      ref={scrollRef}
      className="tl-list"
      role="table"
      aria-label="Events"
      aria-rowcount={shown.length + 1}
      // The list itself is the tab stop until a row is selected (then the row is).
      tabIndex={selectedPosition >= 0 ? -1 : 0}
      onKeyDown={onKeyDown}
      style={compact ? compactWidths(lanes.length) : undefined}
    >
      <EventListHead lanes={lanes} height={HEADER_HEIGHT} compact={compact} />
      <div
        role="rowgroup"
        ref={rowsRef}
        className="tl-rows"
        style={{ height: virtualizer.getTotalSize() - HEADER_HEIGHT }}
      >
        {virtualizer.getVirtualItems().map((item) => {
          const index = shown[item.index] ?? -1;
          const event = events[index];
          if (!event) return null;
          return (
            <EventRow
              key={item.key}
              event={event}
              position={item.index}
              top={item.start - HEADER_HEIGHT}
              lanes={lanes}
              callable={callable}
              entryFile={entryFile}
              selected={event.seq === selectedSeq}
              committed={commitIndex >= 0 && index >= commitIndex}
              boundary={item.index === boundary}
              interpolated={timeIsInterpolated(interpolatedTimes, event.seq)}
              future={stepIndex !== null && index > stepIndex}
              onSelect={onSelect}
              compact={compact}
              measureRef={compact ? virtualizer.measureElement : undefined}
            />
          );
        })}
      </div>
    </div>
  );
}
