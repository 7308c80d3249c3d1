import { useState } from 'react';
import { summarizeEvent, type EventRow, type TraceEvent } from '../../src/index.ts';
import { ChangeMark, CHANGE_WORDS } from './ChangeMark.tsx';
import { CompareTableHead } from './CompareTableHead.tsx';

/** Rows drawn at most (a run may have 250,000 events; the differences come first to mind). */
const MAX_ROWS = 500;

/** The headers an event carried, one line (shown where a row differs: summaries count them). */
function headerText(event: TraceEvent): string | null {
  if (event.kind === 'headers.commit')
    return event.headers.map(([name, value]) => `${name}: ${value}`).join(' · ');
  if (event.kind === 'start_response' || event.kind === 'layer.start_response')
    return (event.headers ?? []).map((h) => `${h.name ?? h.repr}: ${h.value ?? ''}`).join(' · ');
  return null;
}

function EventCell({ event, detail }: { event: TraceEvent | undefined; detail: boolean }) {
  if (!event) return <td className="compare-events__gap" />;
  const headers = detail ? headerText(event) : null;
  return (
    <td className="compare-events__event">
      <span className="compare-events__kind">{event.kind}</span>
      <span className="compare-events__actor">{event.actor}</span>
      {event.line !== undefined && (
        <span className="compare-events__line">
          {event.file ? `${event.file}:` : 'L'}
          {event.line}
        </span>
      )}
      <span className="compare-events__summary">{summarizeEvent(event)}</span>
      {headers && <span className="compare-events__headers">{headers}</span>}
    </td>
  );
}

/** The events of both runs side by side, the ones that line up on one row, differences marked. */
export function EventsDiff({ rows }: { rows: readonly EventRow[] }) {
  const [onlyDifferences, setOnlyDifferences] = useState(false);
  const shown = onlyDifferences ? rows.filter((row) => row.change !== 'same') : rows;
  const drawn = shown.slice(0, MAX_ROWS);
  return (
    <>
      <label className="compare-toggle">
        <input
          type="checkbox"
          checked={onlyDifferences}
          onChange={(event) => setOnlyDifferences(event.target.checked)}
        />
        Only the events that differ
      </label>
      {shown.length > MAX_ROWS && (
        <p className="cut-note">
          The first {MAX_ROWS.toLocaleString('en')} of {shown.length.toLocaleString('en')} rows are
          shown.
        </p>
      )}
      <table className="compare-table compare-events" aria-label="Events side by side">
        <CompareTableHead />
        <tbody>
          {drawn.map((row, index) => (
            <tr
              key={`${row.a?.seq ?? ''}-${row.b?.seq ?? ''}-${index}`}
              data-diff={row.change}
              data-kind={(row.b ?? row.a)?.kind}
            >
              <td title={CHANGE_WORDS[row.change].word}>
                <ChangeMark change={row.change} />
              </td>
              <EventCell event={row.a} detail={row.change === 'changed'} />
              <EventCell event={row.b} detail={row.change === 'changed'} />
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
