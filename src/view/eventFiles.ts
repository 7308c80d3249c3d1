/**
 * Which project file each event (and each finding, through its event) belongs to: the event's
 * `file`, or the entry file when it has none (the Trace leaves it out for the entry file).
 */
import type { Trace, TraceEvent } from '../trace/schema.ts';
import { eventBySeq } from './timelineModel.ts';

/** The run's entry file: where events without a `file` belong. */
export function traceEntryFile(trace: Pick<Trace, 'project' | 'settings'>): string {
  return trace.project?.entryFile ?? trace.settings.filename;
}

/** The project file of an event (its `line` is in it). */
export function fileOfEvent(event: Pick<TraceEvent, 'file'>, entryFile: string): string {
  return event.file ?? entryFile;
}

/** The events of one file, in order (`entryFile` is where events without a file belong). */
export function eventsInFile(
  events: readonly TraceEvent[],
  file: string,
  entryFile: string,
): readonly TraceEvent[] {
  // One-file runs, the common case: no event names another file, so nothing is copied.
  if (file === entryFile && events.every((event) => event.file === undefined)) return events;
  return events.filter((event) => (event.file ?? entryFile) === file);
}

/**
 * "via werkzeug/wsgi.py:312" when a library or the stdlib stood between the project line and
 * the event (the innermost such frame), else null.
 */
export function viaLibrary(event: Pick<TraceEvent, 'stack'>): string | null {
  const frame = event.stack?.findLast((entry) => entry.origin !== 'project');
  return frame ? `via ${frame.file}:${frame.line}` : null;
}

/** The file and line of event `seq` of `trace`, when it has a line. */
export function eventPlace(
  trace: Pick<Trace, 'events' | 'project' | 'settings'> | null,
  seq: number | null,
): { file: string; line: number } | null {
  const event = trace ? eventBySeq(trace.events, seq) : undefined;
  if (!trace || !event || event.line === undefined) return null;
  return { file: fileOfEvent(event, traceEntryFile(trace)), line: event.line };
}
