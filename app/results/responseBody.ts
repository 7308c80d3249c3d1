/**
 * How to show a response body: its media type and charset from Content-Type, the text it
 * decodes to, JSON pretty-printed, and an HTML document safe to preview.
 */
import { bytesToLatin1 } from '../../src/index.ts';

/** The value of the first header called `name` (case-insensitive), if any. */
export function findHeader(
  headers: readonly (readonly [string, string])[],
  name: string,
): string | undefined {
  const wanted = name.toLowerCase();
  return headers.find(([key]) => key.toLowerCase() === wanted)?.[1];
}

/** A Content-Type value taken apart. */
export interface ContentType {
  /** Lower-cased `type/subtype`, or '' when there is none. */
  mediaType: string;
  /** Lower-cased charset parameter, or null. */
  charset: string | null;
}

/** Parse a Content-Type header value (`text/html; charset="ISO-8859-1"`). */
export function parseContentType(value: string | undefined): ContentType {
  if (value === undefined) return { mediaType: '', charset: null };
  const [type = '', ...params] = value.split(';');
  let charset: string | null = null;
  for (const param of params) {
    const eq = param.indexOf('=');
    if (eq < 0 || param.slice(0, eq).trim().toLowerCase() !== 'charset') continue;
    charset = param
      .slice(eq + 1)
      .trim()
      .replace(/^"(.*)"$/, '$1')
      .toLowerCase();
  }
  return { mediaType: type.trim().toLowerCase(), charset };
}

const LATIN1 = new Set(['latin-1', 'latin1', 'iso-8859-1', 'iso8859-1', 'l1', 'iso_8859-1']);

/** Body text and the encoding it was read with. */
export interface DecodedBody {
  text: string;
  /** The encoding used, as shown to a person (`utf-8`, `latin-1`, `windows-1251`…). */
  encoding: string;
  /** True when the bytes were not valid in that encoding (replacement characters shown). */
  lossy: boolean;
}

function decodeWith(label: string, bytes: Uint8Array): DecodedBody | null {
  try {
    const strict = new TextDecoder(label, { fatal: true });
    try {
      return { text: strict.decode(bytes), encoding: label, lossy: false };
    } catch {
      return { text: new TextDecoder(label).decode(bytes), encoding: label, lossy: true };
    }
  } catch {
    return null; // a charset the browser does not know
  }
}

/**
 * Decode a body as its charset says: latin-1 one byte per code point (as Python does; the
 * browser's "latin1" label means windows-1252), a known label with TextDecoder, else UTF-8.
 */
export function decodeBody(bytes: Uint8Array, charset: string | null): DecodedBody {
  if (charset !== null && LATIN1.has(charset)) {
    return { text: bytesToLatin1(bytes), encoding: 'latin-1', lossy: false };
  }
  if (charset !== null && charset !== 'utf-8' && charset !== 'utf8') {
    const decoded = decodeWith(charset, bytes);
    if (decoded) return decoded;
  }
  return decodeWith('utf-8', bytes) ?? { text: '', encoding: 'utf-8', lossy: true };
}

/** Whether a media type is JSON (`application/json`, `application/problem+json`, …). */
export function isJsonType(mediaType: string): boolean {
  return mediaType === 'application/json' || mediaType.endsWith('+json');
}

/**
 * The body pretty-printed as JSON, or null when it is not JSON. Without a JSON media type,
 * only an object or array counts (so that a plain "42" stays plain text).
 */
export function prettyJson(text: string, declaredJson: boolean): string | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  if (!declaredJson && !/^[[{]/.test(trimmed)) return null;
  try {
    return JSON.stringify(JSON.parse(trimmed), null, 2);
  } catch {
    return null;
  }
}

/** Whether a media type is an HTML document. */
export function isHtmlType(mediaType: string): boolean {
  return mediaType === 'text/html' || mediaType === 'application/xhtml+xml';
}

/**
 * The policy of the preview: inline scripts and styles run, nothing is fetched (the page
 * makes no network requests, and a shared link must not make a reader's browser call out).
 */
export const PREVIEW_CSP =
  "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data: blob:; font-src data:; media-src data: blob:";

/**
 * The HTML to put in the preview iframe's `srcdoc`: the response's own document with a CSP
 * `<meta>` first (after any doctype, so that standards mode is kept).
 */
export function previewDocument(html: string): string {
  const meta = `<meta http-equiv="Content-Security-Policy" content="${PREVIEW_CSP}">`;
  const doctype = /^\s*<!doctype[^>]*>/i.exec(html);
  if (!doctype) return meta + html;
  return doctype[0] + meta + html.slice(doctype[0].length);
}
