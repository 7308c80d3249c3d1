/**
 * The events of two runs side by side: events of the same kind by the same actor line up
 * (an LCS over those), and a lined-up pair differs when what it says differs — its summary,
 * or the headers it carried. Times and sequence numbers never count: two runs of the same code
 * differ in them.
 */
import type { TraceEvent } from '../trace/schema.ts';
import { summarizeEvent } from '../view/summarizeEvent.ts';
import { alignRows, type AlignedRow } from './alignRows.ts';

/** What lines an event up with another: its kind, who acted and, for a layer event, where. */
export function eventSlot(event: TraceEvent): string {
  const layer = 'layer' in event ? `${event.outer}>${event.layer}` : '';
  return `${event.kind}|${event.actor}|${layer}`;
}

/** What an event says, times and places aside: the summary, and the headers in full. */
export function eventSignature(event: TraceEvent): string {
  const summary = summarizeEvent(event);
  if (event.kind === 'headers.commit') {
    // A Date that only moved with the clock is no difference (as in the Headers tab).
    const headers = event.headers.map(([name, value]) => [
      name,
      name.toLowerCase() === 'date' ? '' : value,
    ]);
    return `${summary}|${JSON.stringify(headers)}`;
  }
  if (event.kind === 'start_response' || event.kind === 'layer.start_response')
    return `${summary}|${JSON.stringify(event.headers ?? event.headersRepr ?? null)}`;
  if (event.kind === 'exception')
    return `${summary}|${event.traceback.map((f) => f.name).join('>')}`;
  return summary;
}

/** A row of the aligned events. */
export type EventRow = AlignedRow<TraceEvent>;

/** The events of run A and run B lined up (see the file's comment). */
export function alignEvents(a: readonly TraceEvent[], b: readonly TraceEvent[]): EventRow[] {
  // Signatures are worked out once per event, not once per comparison.
  const signatures = new Map<TraceEvent, string>();
  const signature = (event: TraceEvent): string => {
    let known = signatures.get(event);
    if (known === undefined) signatures.set(event, (known = eventSignature(event)));
    return known;
  };
  const slots = new Map<TraceEvent, string>();
  const slot = (event: TraceEvent): string => {
    let known = slots.get(event);
    if (known === undefined) slots.set(event, (known = eventSlot(event)));
    return known;
  };
  return alignRows(a, b, {
    slot: (x, y) => slot(x) === slot(y),
    equal: (x, y) => signature(x) === signature(y),
  });
}
