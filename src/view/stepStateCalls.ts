/**
 * Who holds the request at an event: the WSGI calls under way (called, not yet returned) and
 * the iterables handed out and not yet closed — the two things PEP 3333 asks a server (and a
 * middleware, the server of the app it wraps) to see through to the end.
 */
import { APP_LAYER, type Trace, type TraceEvent } from '../trace/schema.ts';

/** A WSGI call under way: `outer` called `lane` (the server: `'server'`) and it has not returned. */
export interface HeldCall {
  /** The callable's lane: the app's (`'app'`) or a middleware layer's id. */
  lane: string;
  /** Its caller's lane: `'server'` for the outermost callable. */
  outer: string;
  /** The `seq` of the call (`app.call` or `layer.call`). */
  since: number;
}

/** An iterable `lane` returned to `outer` that nobody has closed (or finished with) yet. */
export interface OpenIterable {
  lane: string;
  /** Who it was returned to: `'server'`, or the middleware layer that called `lane`. */
  outer: string;
  /** Its Python type's name (`list`, `generator`, …). */
  resultType: string;
  /** Whether it has a close() method (the server must call it; PEP 3333). */
  hasClose: boolean;
  /** The `seq` of its return (`app.return` or `layer.return`). */
  since: number;
  /** True once the run recorded that its caller never called its close(). */
  neverClosed: boolean;
}

type LayerReturn = Extract<TraceEvent, { kind: 'layer.return' }>;
type AppReturn = Extract<TraceEvent, { kind: 'app.return' }>;

/** The iterable a return handed out, as open. */
function opened(event: AppReturn | LayerReturn, lane: string, outer: string): OpenIterable {
  const { resultType, hasClose, seq } = event;
  return { lane, outer, resultType, hasClose, since: seq, neverClosed: false };
}

/**
 * The `layer.return` events no `layer.close` answers anywhere in the run: their iterable was
 * passed on outwards as it was, so the server's `close` closed it (the recorder says so only
 * for the outermost one).
 */
function passedOn(events: readonly TraceEvent[]): Set<number> {
  const open: LayerReturn[] = [];
  for (const event of events) {
    if (event.kind === 'layer.return') open.push(event);
    if (event.kind === 'layer.close') {
      const at = open.findIndex((item) => item.layer === event.layer && item.outer === event.outer);
      if (at >= 0) open.splice(at, 1);
    }
  }
  return new Set(open.map((event) => event.seq));
}

/** The calls under way (outermost first) and the open iterables after event `index`. */
export function callsAt(
  trace: Pick<Trace, 'events'>,
  index: number,
): { held: HeldCall[]; open: OpenIterable[] } {
  const { events } = trace;
  const passed = passedOn(events);
  const held: HeldCall[] = [];
  let open: OpenIterable[] = [];
  const closeFirst = (test: (item: OpenIterable) => boolean): void => {
    const at = open.findIndex(test);
    if (at >= 0) open.splice(at, 1);
  };
  const popCall = (lane: string): void => {
    const at = held.findLastIndex((call) => call.lane === lane);
    if (at >= 0) held.splice(at);
  };
  for (const event of events.slice(0, index + 1)) {
    switch (event.kind) {
      case 'app.call':
        // Its actor is the server when it called the app directly, else the outermost layer.
        held.push({
          lane: event.actor === 'server' ? APP_LAYER : event.actor,
          outer: 'server',
          since: event.seq,
        });
        break;
      case 'app.return':
        popCall(event.actor);
        open.push(opened(event, event.actor, 'server'));
        break;
      case 'layer.call':
        held.push({ lane: event.layer, outer: event.outer, since: event.seq });
        break;
      case 'layer.return':
        popCall(event.layer);
        open.push(opened(event, event.layer, event.outer));
        break;
      case 'layer.close':
        if (event.called) {
          closeFirst((item) => item.lane === event.layer && item.outer === event.outer);
        } else {
          const item = open.find((o) => o.lane === event.layer && o.outer === event.outer);
          if (item) item.neverClosed = true;
        }
        break;
      case 'close':
        // (The server's own error page was never an open iterable: the app's went first.)
        closeFirst((item) => item.outer === 'server');
        open = open.filter((item) => item.outer === 'server' || !passed.has(item.since));
        break;
      case 'exception':
        // An exception out of the call unwound every call under way.
        if (event.phase === 'call') held.length = 0;
        break;
    }
  }
  return { held, open };
}
