/**
 * Pure derivations behind the timeline view and its link with the editor: which lanes an event
 * crosses (Client | Server | layers | App), where the headers were committed, which source
 * line caused which events, and filtering by kind. Every function here is linear or better in
 * the number of events, so that a 100,000-event trace stays quick.
 */
import type { TraceEvent, TraceEventKind } from '../trace/schema.ts';

/** A lane of the sequence diagram: the client, the server, a middleware layer, or the app. */
export type LaneId = string;

/** The fixed lanes; any other actor name is a middleware layer, drawn between server and app. */
export const CLIENT = 'client';
/** The server object's lane. */
export const SERVER = 'server';
/** The application's lane. */
export const APP = 'app';

/**
 * What an event carries between lanes: an arrow `from` → `to` (a dot when they are equal), and
 * where its effect goes on to (e.g. a body chunk travelling on to the client), drawn dashed.
 */
export interface EventFlow {
  from: LaneId;
  to: LaneId;
  onward?: LaneId;
}

/** The colour family of an event: what the app did, what the server did, what went wrong. */
export type EventFamily = 'app' | 'server' | 'error';

/**
 * The arrow an event draws: who hands what to whom across the protocol boundary.
 *
 * @example
 * eventFlow({ kind: 'yield', actor: 'app', ... }) // { from: 'app', to: 'server', onward: 'client' }
 */
export function eventFlow(event: TraceEvent): EventFlow {
  // The actor is the lane: 'server', 'app', or a middleware layer's name.
  const self: LaneId = event.actor;
  // What the server itself does (its own error page, its own log lines) starts in its lane.
  const fromSelf = (to: LaneId, onward?: LaneId): EventFlow => {
    if (self === SERVER)
      return onward === undefined ? { from: SERVER, to: SERVER } : { from: SERVER, to: onward };
    return onward === undefined ? { from: self, to } : { from: self, to, onward };
  };
  switch (event.kind) {
    case 'app.call':
    case 'close':
      return { from: SERVER, to: self === SERVER ? APP : self };
    case 'app.return':
    case 'start_response':
    case 'errors.write':
      return fromSelf(SERVER);
    case 'write':
    case 'yield':
    case 'input.read':
      return fromSelf(SERVER, CLIENT);
    case 'headers.commit':
    case 'error.response':
      return { from: SERVER, to: CLIENT };
    // The client closed the connection (or is slow to read); the server finds out when it writes.
    case 'client.wait':
    case 'client.disconnect':
      return { from: CLIENT, to: SERVER };
    case 'print':
    case 'exception':
    case 'complete':
      return { from: self, to: self };
    // Between a nested callable and the one that called it (see the schema's layer events).
    case 'layer.call':
    case 'layer.close':
      return { from: event.outer, to: event.layer };
    case 'layer.start_response':
    case 'layer.return':
    case 'layer.yield':
      return { from: event.layer, to: event.outer };
  }
}

/** The colour family of an event (errors win over who acted). */
export function eventFamily(event: TraceEvent): EventFamily {
  if (event.kind === 'exception' || event.kind === 'error.response') return 'error';
  if ('error' in event && event.error !== undefined) return 'error';
  if (event.kind === 'complete') return event.outcome === 'complete' ? 'server' : 'error';
  if (event.kind === 'headers.commit') return 'server';
  return event.actor === SERVER ? 'server' : 'app';
}

/**
 * The lanes of a run, left to right: Client, Server, then each middleware layer (outermost
 * first, as the Trace lists them; then any other actor in the order it first acted), then App.
 */
export function lanesOf(
  events: readonly TraceEvent[],
  layers: readonly { id: string }[] = [],
): LaneId[] {
  const middle: LaneId[] = [];
  const seen = new Set<string>([CLIENT, SERVER, APP]);
  const add = (lane: string): void => {
    if (seen.has(lane)) return;
    seen.add(lane);
    middle.push(lane);
  };
  for (const layer of layers) add(layer.id);
  for (const event of events) add(event.actor);
  return [CLIENT, SERVER, ...middle, APP];
}

/** A lane's name as the diagram's header shows it. */
export function laneTitle(lane: LaneId): string {
  if (lane === CLIENT) return 'Client';
  if (lane === SERVER) return 'Server';
  if (lane === APP) return 'App';
  return lane;
}

/** The index of the first `headers.commit` event, or -1 when the headers never went out. */
export function headersCommitIndex(events: readonly TraceEvent[]): number {
  return events.findIndex((event) => event.kind === 'headers.commit');
}

/**
 * The index in `events` of the event numbered `seq`, or -1. Events are recorded in `seq`
 * order (usually `seq === index`), so this is O(1), else a binary search.
 */
export function indexOfSeq(events: readonly TraceEvent[], seq: number): number {
  if (events[seq]?.seq === seq) return seq;
  let low = 0;
  let high = events.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const at = events[middle]?.seq ?? Number.NaN;
    if (at === seq) return middle;
    if (at < seq) low = middle + 1;
    else high = middle - 1;
  }
  return -1;
}

/** The event numbered `seq`, if the trace has it. */
export function eventBySeq(
  events: readonly TraceEvent[],
  seq: number | null,
): TraceEvent | undefined {
  if (seq === null) return undefined;
  return events[indexOfSeq(events, seq)];
}

/** The source line of the event numbered `seq`, if it has one (for the editor's highlight). */
export function lineOfSeq(
  events: readonly TraceEvent[] | undefined,
  seq: number | null,
): number | null {
  if (!events) return null;
  return eventBySeq(events, seq)?.line ?? null;
}

/** How many events of each kind a run recorded, in the order the kinds first occur. */
export function kindCounts(events: readonly TraceEvent[]): Map<TraceEventKind, number> {
  const counts = new Map<TraceEventKind, number>();
  for (const event of events) counts.set(event.kind, (counts.get(event.kind) ?? 0) + 1);
  return counts;
}

/**
 * The indices of the events to show: all of them when `kinds` is empty, else those of the
 * given kinds. Ascending, so positions can be found by binary search.
 */
export function filterByKinds(
  events: readonly TraceEvent[],
  kinds: ReadonlySet<TraceEventKind>,
): number[] {
  const shown: number[] = [];
  if (kinds.size === 0) {
    for (let index = 0; index < events.length; index++) shown.push(index);
    return shown;
  }
  events.forEach((event, index) => {
    if (kinds.has(event.kind)) shown.push(index);
  });
  return shown;
}

/**
 * The position in `shown` (ascending indices) of the first entry at or after `index`, or
 * `shown.length` when there is none: where an event stands, or would stand, in a filtered list.
 */
export function positionAtOrAfter(shown: readonly number[], index: number): number {
  let low = 0;
  let high = shown.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((shown[middle] ?? Infinity) < index) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** The position in `shown` of event `index`, or -1 when the filter hides it. */
export function positionOf(shown: readonly number[], index: number): number {
  const position = positionAtOrAfter(shown, index);
  return shown[position] === index ? position : -1;
}

/**
 * Where the "headers committed" boundary goes in a filtered list: the position of the first
 * shown event at or after the commit, or -1 when there was no commit or nothing follows it.
 */
export function commitBoundaryPosition(shown: readonly number[], commitIndex: number): number {
  if (commitIndex < 0) return -1;
  const position = positionAtOrAfter(shown, commitIndex);
  return position < shown.length ? position : -1;
}

/** The events one source line caused: their `seq`s in order and a count per kind. */
export interface LineActivity {
  line: number;
  seqs: number[];
  kinds: Map<TraceEventKind, number>;
}

/** Which events each source line caused, by line number (one pass over the events). */
export function eventsByLine(events: readonly TraceEvent[]): Map<number, LineActivity> {
  const lines = new Map<number, LineActivity>();
  for (const event of events) {
    if (event.line === undefined) continue;
    let activity = lines.get(event.line);
    if (!activity) {
      activity = { line: event.line, seqs: [], kinds: new Map() };
      lines.set(event.line, activity);
    }
    activity.seqs.push(event.seq);
    activity.kinds.set(event.kind, (activity.kinds.get(event.kind) ?? 0) + 1);
  }
  return lines;
}

/** The most kinds a line's note names before it says "+N more". */
const NOTE_KINDS = 4;

/**
 * A compact note of what a line caused, for the editor: `start_response · yield ×3`.
 *
 * @example
 * lineNote(new Map([['start_response', 1], ['yield', 3]])) // "start_response · yield ×3"
 */
export function lineNote(kinds: ReadonlyMap<TraceEventKind, number>): string {
  const parts = [...kinds].map(([kind, count]) =>
    count === 1 ? kind : `${kind} ×${count.toLocaleString('en')}`,
  );
  if (parts.length <= NOTE_KINDS) return parts.join(' · ');
  return `${parts.slice(0, NOTE_KINDS).join(' · ')} · +${parts.length - NOTE_KINDS} more`;
}

/**
 * The event to select when a line's note is clicked: the line's first event, or, when one of
 * its events is already selected, the next one (wrapping), so repeated clicks step through.
 */
export function nextSeqOnLine(
  activity: LineActivity,
  selectedSeq: number | null,
): number | undefined {
  const { seqs } = activity;
  if (selectedSeq === null) return seqs[0];
  let low = 0;
  let high = seqs.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((seqs[middle] ?? Infinity) < selectedSeq) low = middle + 1;
    else high = middle;
  }
  if (seqs[low] !== selectedSeq) return seqs[0];
  return seqs[(low + 1) % seqs.length];
}
