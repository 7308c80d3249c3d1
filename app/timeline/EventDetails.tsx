import {
  eventFamily,
  eventFlow,
  laneTitle,
  timeIsInterpolated,
  traceEntryFile,
  type Trace,
  type TraceEvent,
} from '../../src/index.ts';
import { EventFindings } from '../findings/EventFindings.tsx';
import { useTouchOnly } from '../layout/useTouchOnly.ts';
import { EventFields } from './EventFields.tsx';
import { LineLink } from './Fields.tsx';
import { INTERPOLATED } from './interpolated.ts';
import { StackFrames } from './StackFrames.tsx';

/** Who handed what to whom, in words: `App → Server → Client`. */
function flowWords(event: TraceEvent): string {
  const flow = eventFlow(event);
  const lanes = flow.from === flow.to ? [flow.from] : [flow.from, flow.to];
  if (flow.onward !== undefined) lanes.push(flow.onward);
  return lanes.map(laneTitle).join(' → ');
}

/** The selected event in full: when, who, where in the code, and every field it carries. */
export function EventDetails({ trace, event }: { trace: Trace; event: TraceEvent | undefined }) {
  const touchOnly = useTouchOnly();
  if (!event) {
    return (
      <section className="tl-details tl-details--empty" aria-label="Event details">
        {touchOnly ? (
          // No keyboard to name keys of.
          <p className="muted">
            Tap an event to see everything it carries; tap its line number to show it in the code.
          </p>
        ) : (
          <p className="muted">
            Select an event to see everything it carries. Keys: ↑ ↓ Home End PgUp PgDn move, Enter
            shows the line in the editor.
          </p>
        )}
      </section>
    );
  }
  const entryFile = traceEntryFile(trace);
  return (
    <section className="tl-details" aria-label="Event details">
      <header className="tl-details__head">
        <span className={`tl-kind tl-kind--${eventFamily(event)}`}>{event.kind}</span>
        <span className="muted">
          #{event.seq} ·{' '}
          {timeIsInterpolated(trace.interpolatedTimes, event.seq) ? (
            <abbr title={INTERPOLATED}>≈ {event.t.toFixed(3)} ms (interpolated)</abbr>
          ) : (
            <>{event.t.toFixed(3)} ms</>
          )}{' '}
          · {flowWords(event)}
        </span>
        {event.line !== undefined && (
          <LineLink line={event.line} file={event.file === entryFile ? undefined : event.file} />
        )}
      </header>
      <EventFindings seq={event.seq} />
      <StackFrames event={event} entryFile={entryFile} sources={trace.sources} />
      <EventFields event={event} trace={trace} />
    </section>
  );
}
