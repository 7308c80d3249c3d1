/**
 * Small questions the rules ask of a Trace: the app's own events (never the server's error
 * page), the headers it passed, the response it committed.
 */
import { isModelledServer } from '../trace/personalityNames.ts';
import type { Trace, TraceEvent } from '../trace/schema.ts';

/** An event of one kind. */
export type EventOf<K extends TraceEvent['kind']> = Extract<TraceEvent, { kind: K }>;

/** The `start_response` event type. */
export type StartResponseEvent = EventOf<'start_response'>;

/** Every event of one kind, in order. */
export function eventsOf<K extends TraceEvent['kind']>(trace: Trace, kind: K): EventOf<K>[] {
  return trace.events.filter((event): event is EventOf<K> => event.kind === kind);
}

/**
 * Events of one kind caused by the app side — the app, or the middleware around it (the
 * server's own error page is left out).
 */
export function appEventsOf<K extends TraceEvent['kind']>(trace: Trace, kind: K): EventOf<K>[] {
  return eventsOf(trace, kind).filter((event) => event.actor !== 'server');
}

/** The event of the app's return (there is one when the app was called and returned). */
export function appReturn(trace: Trace): EventOf<'app.return'> | undefined {
  return eventsOf(trace, 'app.return')[0];
}

/** The seq of the server's own error response, if it sent one. */
export function errorResponseSeq(trace: Trace): number | undefined {
  return eventsOf(trace, 'error.response')[0]?.seq;
}

/** The commit of the headers the app set (not of the server's error page), if any. */
export function appCommit(trace: Trace): EventOf<'headers.commit'> | undefined {
  const errorSeq = errorResponseSeq(trace) ?? Infinity;
  return eventsOf(trace, 'headers.commit').find((event) => event.seq < errorSeq);
}

/** Headers wsgiref adds by itself (and the CGI Status line, which reads as a header). */
export const SERVER_ADDED: readonly string[] = ['date', 'server', 'content-length', 'status'];

/** True when a library (a framework: Django, Flask…) called the app's `start_response`:
 * library frames stand between it and the project's code, or no project frame called it. */
export function frameworkResponds(trace: Trace): boolean {
  return acceptedStarts(trace).some(
    (event) =>
      event.line === undefined || (event.stack ?? []).some((frame) => frame.origin === 'library'),
  );
}

/** Headers the run's server adds by itself: wsgiref's, and for gunicorn and waitress also
 * the connection's framing (Connection, Transfer-Encoding) and waitress's Via. */
export function serverAdded(trace: Trace): readonly string[] {
  return isModelledServer(trace.settings?.personality)
    ? [...SERVER_ADDED, 'connection', 'transfer-encoding', 'via']
    : SERVER_ADDED;
}

/** A header the app passed to `start_response`, when it is a pair of two strs. */
export interface HeaderArg {
  name: string;
  value: string;
  /** Its position in the list. */
  index: number;
}

/** The well-formed (str, str) pairs of a `start_response` call's header list. */
export function headerArgs(event: StartResponseEvent): HeaderArg[] {
  const pairs: HeaderArg[] = [];
  (event.headers ?? []).forEach((item, index) => {
    if (item.nameType === 'str' && item.valueType === 'str') {
      pairs.push({ name: item.name ?? '', value: item.value ?? '', index });
    }
  });
  return pairs;
}

/** The app's `start_response` calls that the server accepted (they did not raise). */
export function acceptedStarts(trace: Trace): StartResponseEvent[] {
  return appEventsOf(trace, 'start_response').filter((event) => event.error === undefined);
}

/** The first value of a header (case-insensitive), in a `[name, value]` list. */
export function headerValue(
  headers: readonly (readonly [string, string])[],
  name: string,
): string | undefined {
  const wanted = name.toLowerCase();
  return headers.find(([n]) => n.toLowerCase() === wanted)?.[1];
}

/** The value of an environ key as the app saw it. */
export function environValue(trace: Trace, key: string): string | undefined {
  return trace.environ.find((entry) => entry.key === key)?.value;
}

/** The request method the app saw. */
export function requestMethod(trace: Trace): string {
  return (environValue(trace, 'REQUEST_METHOD') ?? trace.request.method).toUpperCase();
}

/** The numeric code of a status string like "200 OK", or undefined. */
export function statusCode(status: string): number | undefined {
  const match = /^(\d{3})(?:\s|$)/.exec(status);
  return match?.[1] !== undefined ? Number(match[1]) : undefined;
}

/** Is this a well-formed `exc_info` summary ("Type: message") rather than a repr of junk? */
export function isExcInfoSummary(excInfo: string): boolean {
  return /^[A-Za-z_][\w.]*: /.test(excInfo);
}

/** "Type: message", as the recorder writes the error a call raised. */
export function exceptionText(event: EventOf<'exception'>): string {
  return `${event.type}: ${event.message}`;
}

export { plural } from '../trace/plural.ts';

/** Python-style quoting for a short str in a message. */
export function pyRepr(text: string): string {
  return JSON.stringify(text);
}

/** "a str", "an int". */
export function withArticle(word: string): string {
  return `${/^[aeiou]/i.test(word) ? 'an' : 'a'} ${word}`;
}

/** " wsgiref raised X: y." for a call that raised, or "" when it did not. */
export function raisedNote(error: string | undefined): string {
  if (error === undefined) return '';
  return ` wsgiref raised ${error}${/[.!?]$/.test(error) ? '' : '.'}`;
}

/** The first character of `text` whose code point passes `test`, or undefined. */
export function findChar(text: string, test: (code: number) => boolean): string | undefined {
  for (const char of text) if (test(char.codePointAt(0) ?? 0)) return char;
  return undefined;
}

/** C0 control characters and DEL. */
export const isControl = (code: number): boolean => code < 0x20 || code === 0x7f;

/** Beyond ISO-8859-1 (latin-1): not representable on the wire. */
export const isBeyondLatin1 = (code: number): boolean => code > 0xff;
