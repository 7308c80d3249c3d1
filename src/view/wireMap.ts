/**
 * The wire bytes cut into spans a person can read: the status line, each header line (added by
 * the server or given by the app), the blank line that ends the head, and each body range with
 * the event that produced it.
 */
import { fromBase64 } from '../trace/bytes.ts';
import type { Trace, TraceEvent } from '../trace/schema.ts';

/** Which part of the response a span is; `framing` is transfer coding the server added. */
export type WirePart = 'status' | 'header' | 'blank' | 'head' | 'body' | 'framing';

/** A piece of chunked framing: a chunk's size line, the CRLF after its data, the last chunk. */
export type FramingKind = 'size' | 'end' | 'last';

/** Who decided these bytes: the server on its own, or the app (via start_response or data). */
export type WireOrigin = 'server' | 'app';

/** A range of the wire bytes `[start, end)` and what it is. */
export interface WireSpan {
  start: number;
  end: number;
  part: WirePart;
  origin: WireOrigin;
  /** The header's name, for header lines (and a CGI `Status:` line). */
  headerName?: string;
  /** The event that put these bytes on the wire (`headers.commit`, `write`, `yield`). */
  event?: TraceEvent;
  /** For the status and app headers: the `start_response` call that supplied them. */
  source?: TraceEvent;
  /** Body ranges alternate 0 and 1 so that neighbouring chunks can be told apart. */
  shade?: 0 | 1;
  /** True when the range goes on past the bytes that were kept. */
  clipped?: boolean;
  /** For framing: which piece it is, and (for a size line) the chunk's size it announces. */
  framing?: FramingKind;
  chunkSize?: number;
}

/** The wire as spans, with the counts needed to say honestly what is shown. */
export interface WireMap {
  /** The bytes that were kept (the first `keptBytes` of `totalBytes`). */
  bytes: Uint8Array;
  spans: WireSpan[];
  keptBytes: number;
  totalBytes: number;
  truncated: boolean;
}

const CR = 0x0d;
const LF = 0x0a;

function lineEnd(bytes: Uint8Array, from: number, limit: number): number {
  for (let i = from; i + 1 < limit; i++) {
    if (bytes[i] === CR && bytes[i + 1] === LF) return i + 2;
  }
  return limit;
}

/** The header name of the line at `[start, end)`: the bytes before its first colon. */
function headerNameAt(bytes: Uint8Array, start: number, end: number): string {
  let name = '';
  for (let i = start; i < end; i++) {
    const byte = bytes[i]!;
    if (byte === 0x3a) return name;
    if (byte === CR || byte === LF) break;
    name += String.fromCharCode(byte);
  }
  return '';
}

function startsWith(bytes: Uint8Array, at: number, end: number, prefix: string): boolean {
  if (end - at < prefix.length) return false;
  for (let i = 0; i < prefix.length; i++) {
    if (bytes[at + i] !== prefix.charCodeAt(i)) return false;
  }
  return true;
}

/** The line `[start, end)` as ASCII text (framing is short: a size line, CRLF, `0\r\n\r\n`). */
function asciiAt(bytes: Uint8Array, start: number, end: number): string {
  return String.fromCharCode(...bytes.subarray(start, Math.min(end, start + 64)));
}

/**
 * Tell a framing range apart: `6\r\n` (a chunk's size, in hex, maybe with extensions after
 * `;`), `\r\n` (the end of a chunk's data), `0\r\n\r\n` (the last chunk, trailers and all).
 */
export function framingPiece(text: string): { framing: FramingKind; chunkSize?: number } {
  if (text === '\r\n') return { framing: 'end' };
  const size = /^[0-9a-fA-F]+/.exec(text);
  if (size) {
    const chunkSize = parseInt(size[0], 16);
    return chunkSize === 0 ? { framing: 'last' } : { framing: 'size', chunkSize };
  }
  return { framing: 'end' };
}

/** The start_response call whose status and headers went out (the last one that succeeded). */
function committedCall(events: readonly TraceEvent[], commit: TraceEvent | undefined) {
  let found: TraceEvent | undefined;
  for (const event of events) {
    if (commit && event.seq > commit.seq) break;
    if (event.kind === 'start_response' && event.error === undefined) found = event;
  }
  return found;
}

/** Cut one head range into its lines: status line, header lines, the blank line. */
function headSpans(
  bytes: Uint8Array,
  start: number,
  end: number,
  first: boolean,
  added: ReadonlySet<string>,
  commit: TraceEvent | undefined,
  source: TraceEvent | undefined,
): WireSpan[] {
  const spans: WireSpan[] = [];
  // The server's own error page: its start_response is the server's, not the app's.
  const appOrigin: WireOrigin = source?.actor === 'server' ? 'server' : 'app';
  const withEvents = (span: WireSpan, withSource: boolean): WireSpan => {
    if (commit) span.event = commit;
    if (withSource && source) span.source = source;
    return span;
  };
  for (let at = start; at < end;) {
    const next = lineEnd(bytes, at, end);
    if (first && at === start && startsWith(bytes, at, next, 'HTTP/')) {
      spans.push(withEvents({ start: at, end: next, part: 'status', origin: 'server' }, true));
    } else if (next - at === 2 && bytes[at] === CR && bytes[at + 1] === LF) {
      spans.push(withEvents({ start: at, end: next, part: 'blank', origin: 'server' }, false));
    } else {
      const name = headerNameAt(bytes, at, next);
      const serverAdded = name !== '' && added.has(name.toLowerCase());
      const isStatus = name.toLowerCase() === 'status' && serverAdded;
      const span: WireSpan = {
        start: at,
        end: next,
        part: isStatus ? 'status' : name ? 'header' : 'head',
        origin: serverAdded ? 'server' : appOrigin,
      };
      if (name) span.headerName = name;
      spans.push(withEvents(span, isStatus || !serverAdded));
    }
    at = next;
  }
  return spans;
}

/**
 * Build the spans of a trace's wire bytes: the head line by line (marking what the server
 * added, from the `headers.commit` event's `added` names), the body range by range with the
 * `write`/`yield` event that produced it. Spans stop at the kept bytes; `truncated` and the
 * counts say how much more was sent.
 */
export function buildWireMap(trace: Trace): WireMap {
  const { response, events } = trace;
  const bytes = fromBase64(response.wireBase64);
  const kept = bytes.length;
  const commit = events.find((event) => event.kind === 'headers.commit');
  // A header the server dropped from the app's and still wrote (gunicorn's Connection, Date,
  // Server) is the server's own.
  const added = new Set(
    commit?.kind === 'headers.commit'
      ? [...commit.added, ...(commit.dropped ?? [])].map((name) => name.toLowerCase())
      : [],
  );
  const source = committedCall(events, commit);
  const bySeq = new Map(events.map((event) => [event.seq, event]));

  const spans: WireSpan[] = [];
  let covered = 0;
  let firstHead = true;
  let shade: 0 | 1 = 0;
  const fillGap = (until: number): void => {
    // Bytes no segment accounts for: shown, but with no claim about who produced them.
    if (until > covered) spans.push({ start: covered, end: until, part: 'body', origin: 'server' });
  };
  for (const segment of response.segments) {
    const start = Math.max(segment.start, covered);
    const end = Math.min(segment.end, kept);
    if (start >= end) continue;
    fillGap(start);
    if (segment.part === 'head') {
      spans.push(...headSpans(bytes, start, end, firstHead, added, commit, source));
      firstHead = false;
    } else if (segment.part === 'framing') {
      const event = segment.seq !== undefined ? bySeq.get(segment.seq) : undefined;
      const span: WireSpan = { start, end, part: 'framing', origin: 'server' };
      Object.assign(span, framingPiece(asciiAt(bytes, start, end)));
      if (event) span.event = event;
      spans.push(span);
    } else {
      const event = segment.seq !== undefined ? bySeq.get(segment.seq) : undefined;
      const span: WireSpan = {
        start,
        end,
        part: 'body',
        origin: event?.actor === 'app' ? 'app' : 'server',
        shade,
      };
      if (event) span.event = event;
      spans.push(span);
      shade = shade === 0 ? 1 : 0;
    }
    const last = spans.at(-1);
    if (last && segment.end > kept) last.clipped = true;
    covered = end;
  }
  fillGap(kept);
  return {
    bytes,
    spans,
    keptBytes: kept,
    totalBytes: Math.max(response.wireSize, kept),
    truncated: response.truncated || response.wireSize > kept,
  };
}

/** What a wire view must say when it cannot show every byte, or null when it can. */
export function truncationNote(map: Pick<WireMap, 'keptBytes' | 'totalBytes'>): string | null {
  if (map.totalBytes <= map.keptBytes) return null;
  const n = map.keptBytes.toLocaleString('en');
  const m = map.totalBytes.toLocaleString('en');
  return `Showing the first ${n} of ${m} bytes: the rest was sent but not kept.`;
}

/**
 * A run of wire bytes as text: printable ASCII as is, CR and LF as markers, the rest escaped
 * as Python writes bytes (so a literal backslash is `\\` and cannot pass for an escape).
 */
export interface WirePiece {
  kind: 'text' | 'cr' | 'lf' | 'escape';
  text: string;
}

/**
 * The bytes `[start, end)` as pieces of text: printable ASCII runs, `cr` and `lf` markers,
 * and Python-style escapes (`\\`, `\t`, `\x00`, `\xc3`) for everything else.
 *
 * @example
 * wirePieces(bytes('a\r\n\xff'), 0, 4)
 * // [{kind:'text',text:'a'}, {kind:'cr',text:'\r'}, {kind:'lf',text:'\n'}, {kind:'escape',text:'\\xff'}]
 */
export function wirePieces(bytes: Uint8Array, start: number, end: number): WirePiece[] {
  const pieces: WirePiece[] = [];
  let run = '';
  const flush = (): void => {
    if (run) pieces.push({ kind: 'text', text: run });
    run = '';
  };
  for (let i = start; i < end; i++) {
    const byte = bytes[i]!;
    if (byte >= 0x20 && byte < 0x7f && byte !== 0x5c) {
      run += String.fromCharCode(byte);
      continue;
    }
    flush();
    if (byte === CR) pieces.push({ kind: 'cr', text: '\r' });
    else if (byte === LF) pieces.push({ kind: 'lf', text: '\n' });
    else if (byte === 0x5c) pieces.push({ kind: 'escape', text: '\\\\' });
    else if (byte === 0x09) pieces.push({ kind: 'escape', text: '\\t' });
    else pieces.push({ kind: 'escape', text: `\\x${byte.toString(16).padStart(2, '0')}` });
  }
  flush();
  return pieces;
}
