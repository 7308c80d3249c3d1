import type { Trace, TraceEvent } from '../src/index.ts';

/** A problem to underline in the editor; columns are 1-based, a missing end means "to line end". */
export interface EditorMarker {
  line: number;
  column?: number;
  endLine?: number;
  endColumn?: number;
  message: string;
}

/** An exception event, as recorded. */
type ExceptionEvent = Extract<TraceEvent, { kind: 'exception' }>;

/**
 * What an exception's marker says on hover: the error, then its traceback trimmed to the
 * user's frames (without repeating the error line Python prints last).
 */
export function exceptionMessage(event: ExceptionEvent): string {
  const head = `${event.type}: ${event.message}`;
  if (!event.formatted.startsWith('Traceback')) return head;
  const frames = event.formatted.endsWith(head)
    ? event.formatted.slice(0, -head.length).trimEnd()
    : event.formatted;
  return `${head}\n\n${frames}`;
}

/** The markers a run leaves on the code: its load or syntax error, and the app's exceptions. */
export function markersFromTrace(trace: Trace | null): EditorMarker[] {
  if (!trace) return [];
  const markers: EditorMarker[] = [];
  const { error } = trace;
  if (error?.line !== undefined) {
    const marker: EditorMarker = {
      line: error.line,
      message: error.type ? `${error.type}: ${error.message}` : error.message,
    };
    if (error.column !== undefined) marker.column = error.column;
    if (error.endLine !== undefined) marker.endLine = error.endLine;
    if (error.endColumn !== undefined) marker.endColumn = error.endColumn;
    markers.push(marker);
  }
  for (const event of trace.events) {
    if (event.kind === 'exception' && event.line !== undefined) {
      markers.push({ line: event.line, message: exceptionMessage(event) });
    }
  }
  // A load error is also recorded as an exception event; underline each problem once, with
  // the error's exact place and the exception's traceback.
  const byProblem = new Map<string, EditorMarker>();
  for (const marker of markers) {
    const key = `${marker.line}:${marker.message.split('\n', 1)[0]}`;
    const first = byProblem.get(key);
    if (!first) byProblem.set(key, marker);
    else if (marker.message.length > first.message.length) first.message = marker.message;
  }
  return [...byProblem.values()];
}
