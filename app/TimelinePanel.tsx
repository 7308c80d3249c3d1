import { summarizeEvent, type Trace, type TraceEvent } from '../src/index.ts';
import { plural } from './formatting.ts';

/** A colour family per event kind: what the app did, what the server did, what went wrong. */
function eventTone(event: TraceEvent): string {
  if (event.kind === 'exception' || event.kind === 'error.response') return 'bad';
  if (event.kind === 'headers.commit' || event.kind === 'complete') return 'server';
  return event.actor === 'app' ? 'app' : 'server';
}

/** The events of a run, one row each: when, what, who, where in the code, and a summary. */
export function TimelinePanel({ trace }: { trace: Trace | null }) {
  return (
    <section className="panel timeline-panel" aria-labelledby="timeline-title">
      <header className="panel__header">
        <h2 id="timeline-title">Timeline</h2>
        {trace && <span className="muted">{plural(trace.events.length, 'event')}</span>}
      </header>
      <div className="panel__body panel__body--flush">
        {trace ? (
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
                <tr key={event.seq} data-kind={event.kind}>
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
        ) : (
          <p className="empty">Each step across the WSGI boundary will be listed here.</p>
        )}
      </div>
    </section>
  );
}
