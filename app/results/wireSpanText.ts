/** What the Wire tab says about a span when it is hovered or focused. */
import { summarizeEvent, type TraceEvent, type WireSpan } from '../../src/index.ts';
import { plural } from '../common/formatting.ts';

/** A span explained: a short heading and the sentence below it. */
export interface SpanText {
  title: string;
  detail: string;
}

/** `start_response (seq 2, line 15)` */
function eventRef(event: TraceEvent): string {
  const line = event.line !== undefined ? `, line ${event.line}` : '';
  return `${event.kind} (seq ${event.seq}${line})`;
}

function sentAt(span: WireSpan): string {
  return span.event ? ` Sent at ${eventRef(span.event)}.` : '';
}

/** A framing span's short name: `chunk size 6`, `end of chunk`, `last chunk (0)`. */
export function framingLabel(span: Pick<WireSpan, 'framing' | 'chunkSize'>): string {
  switch (span.framing) {
    case 'size':
      return `chunk size ${span.chunkSize ?? '?'}`;
    case 'last':
      return 'last chunk (0)';
    default:
      return 'end of chunk';
  }
}

const CHUNKED =
  'Transfer-Encoding: chunked, added by the server; not part of the body the client hands over';

function framingDetail(span: WireSpan): string {
  switch (span.framing) {
    case 'size':
      return `The chunk's size in hex, then CR LF (${CHUNKED}).`;
    case 'last':
      return `A chunk of size 0 and a blank line: the body ends here (${CHUNKED}).`;
    default:
      return `CR LF after a chunk's data (${CHUNKED}).`;
  }
}

/** Explain a span: which part of the response it is, who decided it, which event sent it. */
export function describeSpan(span: WireSpan, callable?: string): SpanText {
  const range = `bytes ${span.start}–${span.end} (${plural(span.end - span.start, 'byte')}${span.clipped ? ', cut here' : ''})`;
  const from = span.source ? ` from ${eventRef(span.source)}` : '';
  switch (span.part) {
    case 'status':
      return {
        title: span.headerName ? 'Status header (CGI), added by the server' : 'Status line',
        detail: `Written by the server; the status text comes${from || ' from start_response'}.${sentAt(span)}`,
      };
    case 'header':
      return span.origin === 'server'
        ? {
            title: `${span.headerName} header, added by the server`,
            detail: `The app did not send it; the server did.${sentAt(span)}`,
          }
        : {
            title: `${span.headerName} header`,
            detail: `Given by the app${from}.${sentAt(span)}`,
          };
    case 'blank':
      return { title: 'Blank line', detail: 'CR LF on its own: the end of the head.' };
    case 'head':
      return { title: 'Part of the head', detail: `${range}.${sentAt(span)}` };
    case 'framing':
      return { title: framingLabel(span), detail: `${framingDetail(span)}${sentAt(span)}` };
    case 'body': {
      if (!span.event) {
        return { title: 'Body', detail: `${range}; no event is recorded for these bytes.` };
      }
      const who = span.origin === 'app' ? '' : ' (the server’s own error page)';
      return {
        title: `Body ${range}`,
        detail: `From ${eventRef(span.event)}${who}: ${summarizeEvent(span.event, callable)}`,
      };
    }
  }
}

/** The event a click on a span selects: the call that decided the bytes, else the one that sent them. */
export function spanTarget(span: WireSpan): number | null {
  return (span.source ?? span.event)?.seq ?? null;
}
