/**
 * Write a request as an HTTPie command (`http METHOD URL Header:value … --raw BODY`). HTTPie
 * adds its own User-Agent, Accept and Accept-Encoding; what else it would add on its own — a
 * JSON Content-Type for any body — is switched off when the request has none.
 */
import { fromBase64 } from '../trace/bytes.ts';
import type { HttpRequest } from '../trace/schema.ts';
import { toHttpRequest, type RequestDraft } from '../request/requestDraft.ts';
import { shellQuote } from './curlExport.ts';
import { requestUrl } from './requestUrl.ts';
import { bodyText, printfFormat } from './shellBytes.ts';

/** Where the request goes when it does not say (no Host header, no absolute target). */
export interface ToHttpieOptions {
  scheme?: 'http' | 'https';
}

/** One header as an HTTPie request item: `Name:value`, or `Name;` for an empty value. */
function headerItem(name: string, value: string): string {
  if (value === '') return shellQuote(`${name};`, { always: true });
  // A value starting with a separator character would read as another kind of item (`:=`, `:@`).
  const safe = /^[=@:;]/.test(value) ? `\\${value}` : value;
  return shellQuote(`${name}:${safe}`, { always: true });
}

/**
 * An HTTPie command that sends `request` (a draft is first encoded as the client would).
 *
 * @example
 * toHttpie({ method: 'POST', target: '/form', headers: [['Host', 'localhost:8000'],
 *   ['Content-Type', 'text/plain'], ['Content-Length', '3']], bodyBase64: btoa('a=1') })
 * // http POST 'http://localhost:8000/form' \
 * //   'Content-Type:text/plain' \
 * //   --raw 'a=1'
 */
export function toHttpie(
  request: HttpRequest | RequestDraft,
  options: ToHttpieOptions = {},
): string {
  const http = 'bodyBase64' in request ? request : toHttpRequest(request);
  const { url, sendHost } = requestUrl(http, options.scheme);
  const bytes = fromBase64(http.bodyBase64);
  const first = ['http'];
  // A path with dot segments is sent as typed, not normalised.
  const path = url.replace(/^https?:\/\/[^/?#]*/i, '').split('?')[0] ?? '';
  if (/(^|\/)\.\.?(\/|$)/.test(path)) first.push('--path-as-is');
  first.push(shellQuote(http.method), shellQuote(url, { always: true }));
  const lines = [first.join(' ')];
  let hasContentType = false;
  for (const [name, value] of http.headers) {
    const key = name.toLowerCase();
    if (key === 'host' && !sendHost) continue;
    if (key === 'content-type') hasContentType = true;
    // HTTPie counts the bytes itself; a Content-Length that lies is kept.
    if (key === 'content-length' && value === String(bytes.length)) continue;
    lines.push(headerItem(name, value));
  }
  let pipe = '';
  if (bytes.length > 0) {
    // Without a Content-Type of its own, HTTPie would send application/json.
    if (!hasContentType) lines.push("'Content-Type:'");
    const text = bodyText(bytes);
    if (text !== null) lines.push(`--raw ${shellQuote(text, { always: true })}`);
    else pipe = `printf ${shellQuote(printfFormat(bytes), { always: true })} | `;
  }
  return pipe + lines.join(' \\\n  ');
}
