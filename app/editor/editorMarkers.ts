import type { Finding, Severity, Trace, TraceEvent } from '../../src/index.ts';
import { pepLabel } from '../common/pepLabel.ts';

/** A problem to underline in the editor; columns are 1-based, a missing end means "to line end". */
export interface EditorMarker {
  /** The project file it is in; absent: the entry file. */
  file?: string;
  line: number;
  column?: number;
  endLine?: number;
  endColumn?: number;
  message: string;
  /** How serious (squiggle colour and hover icon); an error when not given. */
  severity?: Severity;
  /** Where the message comes from, shown after it in the hover (e.g. "PEP 3333 § …"). */
  source?: string;
  /** A short code after the source (a rule id), linking to `href`. */
  code?: { value: string; href: string };
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
    if (error.file !== undefined) marker.file = error.file;
    markers.push(marker);
  }
  for (const event of trace.events) {
    if (event.kind === 'exception' && event.line !== undefined) {
      markers.push({
        line: event.line,
        message: exceptionMessage(event),
        ...(event.file !== undefined && { file: event.file }),
      });
    }
  }
  // A load error is also recorded as an exception event; underline each problem once, with
  // the error's exact place and the exception's traceback.
  const byProblem = new Map<string, EditorMarker>();
  for (const marker of markers) {
    const key = `${marker.file ?? ''}:${marker.line}:${marker.message.split('\n', 1)[0]}`;
    const first = byProblem.get(key);
    if (!first) byProblem.set(key, marker);
    else if (marker.message.length > first.message.length) first.message = marker.message;
  }
  return [...byProblem.values()];
}

/**
 * The markers of a run's findings, on the lines they concern: the message and the fix, with
 * the rule id linking to its PEP 3333 section. Findings about no line have no marker.
 */
export function findingMarkers(
  findings: readonly Finding[],
  events: readonly TraceEvent[] = [],
): EditorMarker[] {
  // A finding's line is in the file of its event (events of the entry file name none).
  const files = new Map(
    events.flatMap((event) => (event.file === undefined ? [] : [[event.seq, event.file] as const])),
  );
  const fileOf = (seq: number | undefined) => (seq === undefined ? undefined : files.get(seq));
  return findings.flatMap((finding): EditorMarker[] => {
    const file = fileOf(finding.seq);
    return finding.line === undefined
      ? []
      : [
          {
            ...(file !== undefined && { file }),
            line: finding.line,
            message: finding.hint ? `${finding.message}\n\nFix: ${finding.hint}` : finding.message,
            severity: finding.severity,
            source: pepLabel(finding.pep),
            code: { value: finding.rule, href: finding.pep },
          },
        ];
  });
}

/**
 * The markers of a run and of its findings together. A finding about an exception event (the
 * app raised) does not get a second squiggle on the exception's line: the exception's own
 * marker takes its PEP link instead, so the hover tells the story once.
 */
export function markersOfRun(trace: Trace | null, findings: readonly Finding[]): EditorMarker[] {
  const markers = markersFromTrace(trace);
  const exceptions = new Map(
    (trace?.events ?? []).flatMap((event) =>
      event.kind === 'exception' && event.line !== undefined ? [[event.seq, event] as const] : [],
    ),
  );
  const separate = findings.filter((finding) => {
    const event = finding.seq === undefined ? undefined : exceptions.get(finding.seq);
    if (!event || event.line !== finding.line) return true;
    const head = `${event.type}: ${event.message}`;
    const own = markers.find(
      (marker) => marker.line === event.line && marker.message.startsWith(head),
    );
    if (!own) return true;
    if (own.code === undefined) {
      own.source = pepLabel(finding.pep);
      own.code = { value: finding.rule, href: finding.pep };
    }
    return false;
  });
  return [...markers, ...findingMarkers(separate, trace?.events)];
}
