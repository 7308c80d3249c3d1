/**
 * Write a request as a curl command that sends the same bytes: the URL from the Host header and
 * the target, `-X` only when curl would not pick the method itself, the headers, and the body
 * with `--data-binary` (through `printf … |` when it is not text).
 */
import { fromBase64 } from '../trace/bytes.ts';
import type { HttpRequest } from '../trace/schema.ts';
import { toHttpRequest, type RequestDraft } from '../request/requestDraft.ts';
import { bodyText, printfFormat } from './shellBytes.ts';

/** Where the request is sent when it does not say (no Host header, no absolute target). */
export interface ToCurlOptions {
  /** Scheme and host to use; the Host header, when there is one, replaces the host. */
  baseUrl?: string;
  /** `1.0` adds `--http1.0`. */
  httpVersion?: '1.0' | '1.1';
}

const BARE_WORD = /^[\w@%+=:,./-]+$/;
// Control characters are exactly what these look for.
// oxlint-disable-next-line no-control-regex
const CONTROL = /[\0-\x1f\x7f]/;
// oxlint-disable-next-line no-control-regex
const ANSI_C_SPECIAL = /[\\'!\0-\x1f\x7f]/g;
const ANSI_C_NAMED: Readonly<Record<string, string>> = {
  '\\': '\\\\',
  "'": "\\'",
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
};

/** Quote text for bash: as is when safe, in '…' usually, in $'…' when it holds control characters. */
export function shellQuote(text: string, { always = false } = {}): string {
  if (!always && text !== '' && BARE_WORD.test(text)) return text;
  if (!CONTROL.test(text)) return `'${text.replace(/'/g, `'\\''`)}'`;
  // `!` too: interactive bash could take it for history expansion.
  const escaped = text.replace(
    ANSI_C_SPECIAL,
    (c) => ANSI_C_NAMED[c] ?? `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`,
  );
  return `$'${escaped}'`;
}

function authorityOf(url: string): string {
  return /^https?:\/\/([^/?#]*)/i.exec(url)?.[1] ?? '';
}

/**
 * A curl command that sends `request` (a draft is first encoded as the client would).
 *
 * @example
 * toCurl({ method: 'POST', target: '/form', headers: [['Host', 'localhost:8000'],
 *   ['Content-Type', 'application/x-www-form-urlencoded'], ['Content-Length', '3']], bodyBase64: btoa('a=1') })
 * // curl 'http://localhost:8000/form' \
 * //   -H 'Content-Type: application/x-www-form-urlencoded' \
 * //   --data-binary 'a=1'
 */
export function toCurl(request: HttpRequest | RequestDraft, options: ToCurlOptions = {}): string {
  const http = 'bodyBase64' in request ? request : toHttpRequest(request);
  const base = /^(https?):\/\/([^/?#]*)/i.exec(options.baseUrl ?? '') ?? [];
  const scheme = (base[1] ?? 'http').toLowerCase();
  const find = (name: string) => http.headers.find(([n]) => n.toLowerCase() === name)?.[1];
  const hostHeader = find('host');
  const absolute = /^https?:\/\//i.test(http.target);
  // A Host header that cannot be an authority is sent with -H, over a URL curl can use.
  const hostFits = hostHeader !== undefined && /^[^\s/?#@\\]+$/.test(hostHeader);
  const host = hostFits ? hostHeader : base[2] || 'localhost';
  const originForm = http.target.startsWith('/');
  const url = absolute
    ? (http.target.split('#')[0] ?? '')
    : `${scheme}://${host}${originForm ? http.target : '/'}`;
  const sendHost = hostHeader !== undefined && hostHeader !== authorityOf(url);

  const bytes = fromBase64(http.bodyBase64);
  const contentLength = find('content-length');
  const sendData = bytes.length > 0 || contentLength !== undefined;
  const implied = sendData ? 'POST' : 'GET';

  const first = ['curl'];
  if (http.method === 'HEAD' && !sendData) first.push('--head');
  else if (http.method !== implied) first.push('-X', shellQuote(http.method));
  first.push(shellQuote(url, { always: true }));
  const lines = [first.join(' ')];
  if (!absolute && !originForm) lines.push(`--request-target ${shellQuote(http.target)}`);
  if (options.httpVersion === '1.0') lines.push('--http1.0');
  for (const [name, value] of http.headers) {
    const key = name.toLowerCase();
    if (key === 'host' && !sendHost) continue;
    // curl counts the bytes itself; a Content-Length that lies is kept.
    if (key === 'content-length' && sendData && value === String(bytes.length)) continue;
    lines.push(
      `-H ${shellQuote(value === '' ? `${name};` : `${name}: ${value}`, { always: true })}`,
    );
  }
  // Without a Content-Type, curl would add application/x-www-form-urlencoded to data.
  if (sendData && find('content-type') === undefined) lines.push("-H 'Content-Type:'");
  let pipe = '';
  if (sendData) {
    const text = bodyText(bytes);
    if (text !== null) lines.push(`--data-binary ${shellQuote(text, { always: true })}`);
    else {
      pipe = `printf ${shellQuote(printfFormat(bytes), { always: true })} | `;
      lines.push('--data-binary @-');
    }
  }
  return pipe + lines.join(' \\\n  ');
}
