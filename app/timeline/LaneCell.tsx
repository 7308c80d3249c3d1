import { memo } from 'react';
import {
  CLIENT,
  laneTitle,
  type EventFamily,
  type EventFlow,
  type LaneId,
} from '../../src/index.ts';

/** The width of one lane of the sequence diagram, in pixels. */
export const LANE_WIDTH = 44;
/** The height of the diagram in a row (the row's height). */
const HEIGHT = 28;
const MIDDLE = HEIGHT / 2;
const HEAD = 5;

function laneX(lanes: readonly LaneId[], lane: LaneId): number {
  const index = Math.max(lanes.indexOf(lane), 0);
  return LANE_WIDTH * (index + 0.5);
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
}: LaneCellProps) {
  const width = LANE_WIDTH * lanes.length;
  const from = laneX(lanes, flow.from);
  const to = laneX(lanes, flow.to);
  return (
    <svg
      className={`tl-lanes tl-lanes--${family}`}
      width={width}
      height={HEIGHT}
      viewBox={`0 0 ${width} ${HEIGHT}`}
      aria-hidden="true"
    >
      {lanes.map((lane) => (
        <line
          key={lane}
          className={
            lane === CLIENT && !committed ? 'tl-lanes__lane tl-lanes__lane--idle' : 'tl-lanes__lane'
          }
          x1={laneX(lanes, lane)}
          x2={laneX(lanes, lane)}
          y1={0}
          y2={end ? MIDDLE : HEIGHT}
        />
      ))}
      {end ? (
        <line
          className="tl-lanes__end"
          x1={LANE_WIDTH / 2 - 6}
          x2={width - LANE_WIDTH / 2 + 6}
          y1={MIDDLE}
          y2={MIDDLE}
        />
      ) : from === to ? (
        <circle className="tl-lanes__dot" cx={from} cy={MIDDLE} r={4.5} />
      ) : (
        <Arrow x1={from} x2={to} />
      )}
      {!end && flow.onward !== undefined && <Arrow x1={to} x2={laneX(lanes, flow.onward)} dashed />}
    </svg>
  );
});

/** The diagram's column header: the lanes' names, each above its line. */
export function LaneHeader({ lanes }: { lanes: readonly LaneId[] }) {
  return (
    <span className="tl-lane-names" style={{ width: LANE_WIDTH * lanes.length }}>
      {lanes.map((lane) => (
        <span key={lane} className="tl-lane-names__name" title={laneTitle(lane)}>
          {laneTitle(lane)}
        </span>
      ))}
    </span>
  );
}
