import { summarizeEvent, type TraceEvent } from '../../src/index.ts';
import type { ResultTabProps } from '../results/resultTabProps.ts';

/** A colour family per event kind: what the app did, what the server did, what went wrong. */
function eventTone(event: TraceEvent): string {
  if (event.kind === 'exception' || event.kind === 'error.response') return 'bad';
  if (event.kind === 'headers.commit' || event.kind === 'complete') return 'server';
  return event.actor === 'app' ? 'app' : 'server';
}

/** The events of a run, one row each: when, what, who, where in the code, and a summary. */
export function TimelineTab({ trace, selectedSeq, onSelect }: ResultTabProps) {
  return (
    <table className="timeline">
      <thead>
        <tr>
          <th scope="col" className="timeline__t">
            ms
          </th>
          <th scope="col">Event</th>
          <th scope="col">Actor</th>
          <th scope="col" className="timeline__line">
            Line
          </th>
          <th scope="col">What happened</th>
        </tr>
      </thead>
      <tbody>
        {trace.events.map((event) => (
          <tr
            key={event.seq}
            data-kind={event.kind}
            aria-selected={selectedSeq === event.seq}
            onClick={() => onSelect(event.seq)}
          >
            <td className="timeline__t">{event.t.toFixed(2)}</td>
            <td>
              <span className={`kind kind--${eventTone(event)}`}>{event.kind}</span>
            </td>
            <td className="muted">{event.actor}</td>
            <td className="timeline__line">{event.line ?? ''}</td>
            <td className="timeline__summary">
              {summarizeEvent(event, trace.callable ?? undefined)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
