import type { LaneId } from '../../src/index.ts';
import { COMPACT_LANE_WIDTH, LaneHeader } from './LaneCell.tsx';

/**
 * The event table's sticky column header. Compact, the same five column headers sit in the
 * two-line grid's places: short lane names, "Event · what happened" over the kind (the
 * summary's own header is then for screen readers only, its column being under the kind's),
 * the time, and "Line".
 */
export function EventListHead({
  lanes,
  height,
  compact,
}: {
  lanes: readonly LaneId[];
  height: number;
  compact: boolean;
}) {
  return (
    <div role="rowgroup" className="tl-head" style={{ height }}>
      <div role="row" aria-rowindex={1} className="tl-cells">
        <span role="columnheader" className="tl-cell tl-cell--t">
          ms
        </span>
        <span role="columnheader" className="tl-cell tl-cell--lanes">
          {compact ? (
            <LaneHeader lanes={lanes} laneWidth={COMPACT_LANE_WIDTH} short />
          ) : (
            <LaneHeader lanes={lanes} />
          )}
        </span>
        <span role="columnheader" className="tl-cell tl-cell--kind">
          Event
          {compact && <span aria-hidden="true"> · what happened</span>}
        </span>
        <span role="columnheader" className="tl-cell tl-cell--line">
          Line
        </span>
        <span role="columnheader" className={compact ? 'tl-cell visually-hidden' : 'tl-cell'}>
          What happened
        </span>
      </div>
    </div>
  );
}
