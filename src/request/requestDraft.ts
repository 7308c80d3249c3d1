/**
 * The request as a person edits it — rows that can be switched off, a body in one of several
 * modes — and its translation into the bytes a client would send.
 */
import { textToBase64, toBase64 } from '../trace/bytes.ts';
import type { HttpRequest } from '../trace/schema.ts';
import type { BodyDraft, FieldRow, MultipartPart, RequestDraft } from './requestDraftSchema.ts';

// The shape lives in the schemas; it is re-exported here, where the engine's users look for it.
export {
  BODY_MODES,
  PART_KINDS,
  type BodyDraft,
  type BodyMode,
  type FieldRow,
  type MultipartPart,
  type RequestDraft,
} from './requestDraftSchema.ts';

/** Methods offered in the request line. */
export const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'] as const;

/** The boundary of multipart bodies: fixed, so that a run is reproducible byte for byte. */
export const MULTIPART_BOUNDARY = '----WsgiPlaygroundBoundary7MA4YWxkTrZu0gW';

/** An empty body in every mode. */
export const EMPTY_BODY: BodyDraft = {
  mode: 'none',
  raw: '',
  rawContentType: 'text/plain; charset=utf-8',
  json: '{\n  "name": "World"\n}',
  form: [],
  multipart: [],
};

/** A row that is on. */
export function row(name: string, value: string): FieldRow {
  return { name, value, enabled: true };
}

const enabled = <T extends { enabled: boolean }>(rows: T[]): T[] => rows.filter((r) => r.enabled);

/** Percent-encode as an HTML form does (application/x-www-form-urlencoded). */
export function encodeForm(rows: FieldRow[]): string {
  return new URLSearchParams(enabled(rows).map((r) => [r.name, r.value])).toString();
}

function concat(chunks: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

/** Quote a field or file name for a Content-Disposition header, as browsers do. */
function quote(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/"/g, '%22').replace(/\r?\n/g, ' ');
}

/** Encode multipart/form-data parts as a browser would (RFC 7578), with the fixed boundary. */
export function encodeMultipart(parts: MultipartPart[]): Uint8Array {
  const text = new TextEncoder();
  const chunks: Uint8Array[] = [];
  for (const part of enabled(parts)) {
    let head = `--${MULTIPART_BOUNDARY}\r\nContent-Disposition: form-data; name="${quote(part.name)}"`;
    if (part.kind === 'file') {
      head += `; filename="${quote(part.filename)}"\r\nContent-Type: ${part.contentType || 'application/octet-stream'}`;
    }
    chunks.push(text.encode(`${head}\r\n\r\n`));
    chunks.push(
      part.kind === 'file'
        ? Uint8Array.from(atob(part.dataBase64), (c) => c.charCodeAt(0))
        : text.encode(part.value),
    );
    chunks.push(text.encode('\r\n'));
  }
  chunks.push(text.encode(`--${MULTIPART_BOUNDARY}--\r\n`));
  return concat(chunks);
}

/** The body's bytes (base64) and the Content-Type a client would send with it. */
export function encodeBody(body: BodyDraft): { bodyBase64: string; contentType: string | null } {
  switch (body.mode) {
    case 'none':
      return { bodyBase64: '', contentType: null };
    case 'raw':
      return { bodyBase64: textToBase64(body.raw), contentType: body.rawContentType || null };
    case 'json':
      return { bodyBase64: textToBase64(body.json), contentType: 'application/json' };
    case 'form':
      return {
        bodyBase64: textToBase64(encodeForm(body.form)),
        contentType: 'application/x-www-form-urlencoded',
      };
    case 'multipart':
      return {
        bodyBase64: toBase64(encodeMultipart(body.multipart)),
        contentType: `multipart/form-data; boundary=${MULTIPART_BOUNDARY}`,
      };
  }
}

/**
 * Turn a draft into the request a client would send: the enabled headers, then — unless the
 * person set them — `Content-Type` for the body mode and `Content-Length` for its bytes.
 */
export function toHttpRequest(draft: RequestDraft): HttpRequest {
  const headers: [string, string][] = enabled(draft.headers)
    .filter((h) => h.name.trim() !== '')
    .map((h) => [h.name.trim(), h.value]);
  const has = (name: string): boolean => headers.some(([n]) => n.toLowerCase() === name);
  const { bodyBase64, contentType } = encodeBody(draft.body);
  if (draft.body.mode !== 'none') {
    if (contentType && !has('content-type')) headers.push(['Content-Type', contentType]);
    if (!has('content-length')) headers.push(['Content-Length', String(atob(bodyBase64).length)]);
  }
  return { method: draft.method, target: draft.target, headers, bodyBase64 };
}
