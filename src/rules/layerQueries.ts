/**
 * Questions about middleware layers: who a lane is, in words ("`HeaderStamp` (middleware.py:9)"),
 * and which layer first passed a header on its way from the app out to the server.
 */
import { APP_LAYER, type Trace } from '../trace/schema.ts';
import { eventsOf, type EventOf, type StartResponseEvent } from './traceQueries.ts';

/** A lane in a finding's words: a layer with where it is defined, or "the app". */
export function laneWords(trace: Trace, lane: string): string {
  if (lane === APP_LAYER || lane === 'server') return lane === 'server' ? 'the server' : 'the app';
  const layer = trace.layers?.find((candidate) => candidate.id === lane);
  if (!layer) return `\`${lane}\``;
  const where =
    layer.file === undefined ? '' : ` (${layer.file}${layer.line ? `:${layer.line}` : ''})`;
  return `\`${layer.name}\`${where}`;
}

/** What passed a header: the lane (a layer's id, or the app), with its event. */
export interface HeaderSource {
  lane: string;
  /** The event where it passed the header (a `layer.start_response`, or the server's). */
  event: EventOf<'layer.start_response'> | StartResponseEvent;
}

/** Whether a start_response call's header list names `name` (case-insensitive). */
function passes(event: HeaderSource['event'], name: string): boolean {
  const wanted = name.toLowerCase();
  return (event.headers ?? []).some((item) => item.name?.toLowerCase() === wanted);
}

/**
 * Which callable first passed header `name` on the way to `start` (the server's start_response
 * call): the innermost whose list has it. Without layers, the app's own call.
 */
export function headerSource(trace: Trace, start: StartResponseEvent, name: string): HeaderSource {
  // Inner layers call start_response first, in order from the app outwards.
  const inner = eventsOf(trace, 'layer.start_response').filter((event) => event.seq < start.seq);
  const first = inner.find((event) => passes(event, name));
  if (first) return { lane: first.layer, event: first };
  return { lane: trace.layers?.[0]?.id ?? APP_LAYER, event: start };
}
