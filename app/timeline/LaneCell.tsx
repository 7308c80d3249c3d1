import { memo } from 'react';
import {
  CLIENT,
  laneTitle,
  type EventFamily,
  type EventFlow,
  type LaneId,
} from '../../src/index.ts';
import { laneShortName } from './laneShortName.ts';

/** The width of one lane of the sequence diagram, in pixels. */
export const LANE_WIDTH = 44;
/** The width of one lane in the compact timeline, where the summary needs the room. */
export const COMPACT_LANE_WIDTH = 28;
/**
 * Where arrows and dots sit, in pixels from the top: the middle of a wide row, and of the
 * first line of a compact one (the SVG itself is as tall as its row, in pixel units).
 */
const MIDDLE = 14;
const HEAD = 5;

function laneX(lanes: readonly LaneId[], lane: LaneId, laneWidth: number): number {
  const index = Math.max(lanes.indexOf(lane), 0);
  return laneWidth * (index + 0.5);
}

/** An arrow from x1 to x2 on the middle line, its head at x2. */
function Arrow({ x1, x2, dashed = false }: { x1: number; x2: number; dashed?: boolean }) {
  const direction = Math.sign(x2 - x1);
  const tip = x2 - direction * 3;
  return (
    <g className={dashed ? 'tl-lanes__onward' : 'tl-lanes__arrow'}>
      <line x1={x1} y1={MIDDLE} x2={tip - direction * HEAD} y2={MIDDLE} />
      <path
        d={`M${tip},${MIDDLE} L${tip - direction * HEAD * 1.4},${MIDDLE - HEAD} L${tip - direction * HEAD * 1.4},${MIDDLE + HEAD} Z`}
      />
    </g>
  );
}

/** What one row of the sequence diagram shows. */
export interface LaneCellProps {
  lanes: readonly LaneId[];
  flow: EventFlow;
  family: EventFamily;
  /** Whether the headers are on the wire by this event (the client's lane turns solid). */
  committed: boolean;
  /** The run's last event: a bar across every lane closes the diagram. */
  end?: boolean;
  /** The width of one lane, in pixels. */
  laneWidth?: number;
}

/**
 * One row of the sequence diagram: a vertical line per lane, and the event as an arrow
 * between the lanes it crosses (dashed where its effect goes on), or a dot within one lane.
 */
export const LaneCell = memo(function LaneCell({
  lanes,
  flow,
  family,
  committed,
  end = false,
  laneWidth = LANE_WIDTH,
}: LaneCellProps) {
  const width = laneWidth * lanes.length;
  const x = (lane: LaneId): number => laneX(lanes, lane, laneWidth);
  const from = x(flow.from);
  const to = x(flow.to);
  // No viewBox: pixel units, so that the lane lines run the full height of a row of any
  // height (a compact row grows with its summary) while the arrow keeps to the first line.
  return (
    <svg className={`tl-lanes tl-lanes--${family}`} width={width} height="100%" aria-hidden="true">
      {lanes.map((lane) => (
        <line
          key={lane}
          className={
            lane === CLIENT && !committed ? 'tl-lanes__lane tl-lanes__lane--idle' : 'tl-lanes__lane'
          }
          x1={x(lane)}
          x2={x(lane)}
          y1={0}
          y2={end ? MIDDLE : '100%'}
        />
      ))}
      {end ? (
        <line
          className="tl-lanes__end"
          x1={laneWidth / 2 - 6}
          x2={width - laneWidth / 2 + 6}
          y1={MIDDLE}
          y2={MIDDLE}
        />
      ) : from === to ? (
        <circle className="tl-lanes__dot" cx={from} cy={MIDDLE} r={4.5} />
      ) : (
        <Arrow x1={from} x2={to} />
      )}
      {!end && flow.onward !== undefined && <Arrow x1={to} x2={x(flow.onward)} dashed />}
    </svg>
  );
});

/** What the diagram's column header needs. */
export interface LaneHeaderProps {
  lanes: readonly LaneId[];
  /** The width of one lane, in pixels. */
  laneWidth?: number;
  /** Show each name shortened (`Cli`), the full name as its tooltip and for screen readers. */
  short?: boolean;
}

/** The diagram's column header: the lanes' names, each above its line. */
export function LaneHeader({ lanes, laneWidth = LANE_WIDTH, short = false }: LaneHeaderProps) {
  return (
    <span className="tl-lane-names" style={{ width: laneWidth * lanes.length }}>
      {lanes.map((lane) => (
        <span key={lane} className="tl-lane-names__name" title={laneTitle(lane)}>
          {short ? (
            // The full name as text for screen readers (an aria-label is not allowed on a span).
            <>
              <span aria-hidden="true">{laneShortName(lane)}</span>
              <span className="visually-hidden">{laneTitle(lane)}</span>
            </>
          ) : (
            laneTitle(lane)
          )}
        </span>
      ))}
    </span>
  );
}
