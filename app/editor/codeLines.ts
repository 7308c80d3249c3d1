/**
 * What the plain code view (TouchCodeView) shows on each line of a file: its text, the events
 * it caused and the markers on it. Pure, so that it is tested without a DOM.
 */
import {
  eventsByLine,
  eventsInFile,
  SEVERITIES,
  type LineActivity,
  type Severity,
  type TraceEvent,
} from '../../src/index.ts';
import type { EditorMarker } from './editorMarkers.ts';

/** The lines of `code`, split where Python (and Monaco) end a line: `\r\n`, `\n` or `\r`. */
export function splitLines(code: string): string[] {
  return code.split(/\r\n|\r|\n/);
}

/** The 1-based line of `code` that character `offset` is on (a caret past the end: the last). */
export function lineAtOffset(code: string, offset: number): number {
  return splitLines(code.slice(0, Math.max(0, offset))).length;
}

/** Where line `line` of `code` starts, as a character offset (past the end: the text's length). */
export function offsetOfLine(code: string, line: number): number {
  const ends = /\r\n|\r|\n/g;
  let offset = 0;
  for (let current = 1; current < line; current += 1) {
    const end = ends.exec(code);
    if (!end) return code.length;
    offset = end.index + end[0].length;
  }
  return offset;
}

/** The events of `path` by line, leaving out lines past the end of the text (it was edited). */
export function activityByLine(
  events: readonly TraceEvent[] | undefined,
  path: string,
  entryFile: string,
  lineCount: number,
): Map<number, LineActivity> {
  const lines = eventsByLine(events ? eventsInFile(events, path, entryFile) : []);
  for (const line of lines.keys()) if (line < 1 || line > lineCount) lines.delete(line);
  return lines;
}

/** A marker's severity, as EditorMarker defaults it. */
export function severityOf(marker: EditorMarker): Severity {
  return marker.severity ?? 'error';
}

/** How serious a marker is: 0 for an error, then a warning, then a note. */
function rank(marker: EditorMarker): number {
  return SEVERITIES.indexOf(severityOf(marker));
}

/**
 * The markers of `path` by line, the most serious first on each line; markers past the end of
 * the text are left out, as Monaco leaves them out.
 */
export function markersByLine(
  markers: readonly EditorMarker[],
  path: string,
  entryFile: string,
  lineCount: number,
): Map<number, EditorMarker[]> {
  const lines = new Map<number, EditorMarker[]>();
  for (const marker of markers) {
    if ((marker.file ?? entryFile) !== path || marker.line < 1 || marker.line > lineCount) continue;
    const onLine = lines.get(marker.line) ?? [];
    onLine.push(marker);
    lines.set(marker.line, onLine);
  }
  for (const onLine of lines.values()) onLine.sort((a, b) => rank(a) - rank(b));
  return lines;
}

/** A marker's message as a headline (its first line) and the rest (a traceback, a fix). */
export function messageParts(message: string): { head: string; rest: string } {
  const end = message.indexOf('\n');
  if (end < 0) return { head: message, rest: '' };
  return { head: message.slice(0, end), rest: message.slice(end + 1).trim() };
}
