/**
 * The timeline of a run for a terminal: one line per event with its time, its lane, its kind,
 * where in the project it happened and what it did.
 */
import type { Trace, TraceEvent } from '../trace/schema.ts';
import { traceEntryFile, viaLibrary } from '../view/eventFiles.ts';
import { summarizeEvent } from '../view/summarizeEvent.ts';

/**
 * Where an event happened: `L3` in the entry file, `pkg/views.py:3` in another file, and
 * `via lib.py:9` when a library or the stdlib stood between (its innermost frame).
 */
export function placeOf(
  at: { line?: number | undefined; file?: string | undefined },
  entryFile: string,
): string {
  if (at.line === undefined) return '';
  return at.file !== undefined && at.file !== entryFile ? `${at.file}:${at.line}` : `L${at.line}`;
}

/** The lane of an event: its actor, or for a layer event the two callables it passed between. */
export function laneOf(event: TraceEvent): string {
  if (!event.kind.startsWith('layer.') || !('layer' in event)) return event.actor;
  const inward = event.kind === 'layer.call' || event.kind === 'layer.close';
  return inward ? `${event.outer}→${event.layer}` : `${event.layer}→${event.outer}`;
}

/** ` (via lib.py:9)` when a library or the stdlib stood between the project line and the event. */
function via(event: TraceEvent): string {
  const library = viaLibrary(event);
  return library ? ` (${library})` : '';
}

/** The lines of the timeline. */
export function timelineLines(trace: Trace): string[] {
  const entryFile = traceEntryFile(trace);
  const lanes = trace.events.map(laneOf);
  const places = trace.events.map((event) => placeOf(event, entryFile));
  const laneWidth = Math.max(6, ...lanes.map((lane) => lane.length));
  const placeWidth = Math.max(5, ...places.map((place) => place.length));
  const kindWidth = Math.max(15, ...trace.events.map((event) => event.kind.length));
  const lines: string[] = [];
  trace.events.forEach((event, i) => {
    const t = `+${event.t.toFixed(2)}ms`.padStart(10);
    const lane = (lanes[i] ?? '').padEnd(laneWidth);
    const place = (places[i] ?? '').padEnd(placeWidth);
    lines.push(
      `${t}  ${lane} ${event.kind.padEnd(kindWidth)} ${place} ${summarizeEvent(event)}${via(event)}`,
    );
    if (event.kind === 'exception' && event.formatted) {
      const indent = ' '.repeat(15 + laneWidth + kindWidth + placeWidth); // under the summaries
      for (const text of event.formatted.split('\n')) lines.push(`${indent}${text}`);
    }
  });
  return lines;
}
