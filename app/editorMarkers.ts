import type { Trace } from '../src/index.ts';

/** A problem to underline in the editor; columns are 1-based, a missing end means "to line end". */
export interface EditorMarker {
  line: number;
  column?: number;
  endLine?: number;
  endColumn?: number;
  message: string;
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
      markers.push({ line: event.line, message: `${event.type}: ${event.message}` });
    }
  }
  // A load error is also recorded as an exception event; underline each problem once.
  const seen = new Set<string>();
  return markers.filter((marker) => {
    const key = `${marker.line}:${marker.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
