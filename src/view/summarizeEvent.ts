import { plural } from '../trace/plural.ts';
import { bytesToLatin1, fromBase64 } from '../trace/bytes.ts';
import type { TraceEvent } from '../trace/schema.ts';

const PREVIEW_CHARS = 40;

/** Show bytes the way Python's repr would, cut to a short preview. */
export function bytesPreview(base64: string | undefined, size: number | undefined): string {
  if (base64 === undefined) return '';
  const text = bytesToLatin1(fromBase64(base64));
  const shown = text.slice(0, PREVIEW_CHARS);
  let literal = '';
  for (const ch of shown) {
    const code = ch.charCodeAt(0);
    if (ch === '\\' || ch === "'") literal += `\\${ch}`;
    else if (ch === '\n') literal += '\\n';
    else if (ch === '\r') literal += '\\r';
    else if (ch === '\t') literal += '\\t';
    else if (code < 0x20 || code >= 0x7f) literal += `\\x${code.toString(16).padStart(2, '0')}`;
    else literal += ch;
  }
  const more = (size ?? text.length) > shown.length ? '…' : '';
  return `b'${literal}'${more}`;
}

function chunkText(event: {
  type: string;
  size?: number | undefined;
  previewBase64?: string | undefined;
  repr?: string | undefined;
}): string {
  if (event.previewBase64 !== undefined) {
    return `${plural(event.size ?? 0, 'byte')} ${bytesPreview(event.previewBase64, event.size)}`;
  }
  return `${event.type} ${event.repr ?? ''} (not bytes)`.trim();
}

/**
 * A one-line, plain-words summary of an event, for timelines in the CLI and the page.
 *
 * @example
 * summarizeEvent({ kind: 'start_response', status: '200 OK', headers: [...], ... })
 * // "'200 OK', 1 header"
 */
export function summarizeEvent(event: TraceEvent, callable = 'application'): string {
  switch (event.kind) {
    case 'app.call':
      return `server calls ${callable}(environ, start_response)`;
    case 'app.return': {
      const length = event.length !== undefined ? ` of ${plural(event.length, 'item')}` : '';
      const extra = event.repr !== undefined ? ` ${event.repr}` : '';
      return `returned ${event.isGenerator ? 'a generator' : event.resultType}${length}${extra}`;
    }
    case 'start_response': {
      const headers = event.headers
        ? plural(event.headers.length, 'header')
        : `headers ${event.headersRepr ?? event.headersType}`;
      const exc = event.excInfo ? `, exc_info=${event.excInfo}` : '';
      const error = event.error ? ` → raised ${event.error}` : '';
      return `${JSON.stringify(event.status)}, ${headers}${exc}${error}`;
    }
    case 'headers.commit':
      return `headers sent: ${event.status}${event.added.length ? ` (server added ${event.added.join(', ')})` : ''}`;
    case 'write':
      return `write(${chunkText(event)})${event.error ? ` → raised ${event.error}` : ''}`;
    case 'yield':
      return `chunk #${event.index}: ${chunkText(event)}`;
    case 'input.read': {
      const stopped = event.clientStopped
        ? ` — the client stopped sending: ${event.clientStopped.sent} of ${plural(event.clientStopped.announced, 'byte')} announced`
        : '';
      return `wsgi.input.${event.method}(${event.arg ?? ''}) → ${chunkText(event)}${stopped}`;
    }
    case 'errors.write':
      return `wsgi.errors.${event.method}(${JSON.stringify(event.text)})`;
    case 'print':
      return `${event.stream === 'stderr' ? 'stderr' : 'print'}: ${event.text}`;
    case 'close':
      return event.called
        ? `server calls ${event.resultType}.close()`
        : `${event.resultType} has no close(); nothing to call`;
    case 'exception':
      return `${event.type}: ${event.message} (in ${event.phase}${event.headersSent ? ', after headers were sent' : ''})`;
    case 'error.response':
      return `server sends its own error response: ${event.status}`;
    case 'client.wait':
      return `the client reads slowly: the write at byte ${event.sentBytes} waited ${event.ms} ms for it`;
    case 'client.disconnect':
      return `the client went away after ${plural(event.afterBytes, 'byte')}: the write at byte ${event.sentBytes} raised ${event.error}`;
    case 'complete':
      return `run ended: ${event.outcome ?? 'unknown'}`;
    case 'layer.call':
      return `${event.outer} calls ${event.layer}(environ, start_response)`;
    case 'layer.start_response': {
      const headers = event.headers
        ? plural(event.headers.length, 'header')
        : `headers ${event.headersRepr ?? event.headersType}`;
      const exc = event.excInfo ? `, exc_info=${event.excInfo}` : '';
      return `${event.layer} passes ${JSON.stringify(event.status)}, ${headers}${exc} to ${event.outer}`;
    }
    case 'layer.return': {
      const length = event.length !== undefined ? ` of ${plural(event.length, 'item')}` : '';
      return `${event.layer} returned ${event.isGenerator ? 'a generator' : event.resultType}${length} to ${event.outer}`;
    }
    case 'layer.yield':
      return `${event.layer} gives ${event.outer} chunk #${event.index}: ${chunkText(event)}`;
    case 'layer.close':
      return event.called
        ? `${event.outer} calls close() on ${event.layer}'s ${event.resultType}`
        : `${event.outer} never called close() on ${event.layer}'s ${event.resultType}`;
  }
}
