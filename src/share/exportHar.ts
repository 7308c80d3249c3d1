/**
 * A run as a HAR 1.2 log (http://www.softwareishard.com/blog/har-12-spec/) with one entry: the
 * request as sent, the response as received, and timings taken from the Trace's events —
 * so browser devtools and HAR viewers can open it.
 */
import { PLAYGROUND_VERSION } from './version.ts';
import { fromBase64, toBase64, utf8OrNull } from '../trace/bytes.ts';
import type { Trace } from '../trace/schema.ts';
import type { Cookie, Entry, Har, Header, PostData, QueryString } from 'har-format';
import { parseWire } from './exportPytest.ts';
import { headerValue, requestUrl } from './requestUrl.ts';

/** One request/response pair of a HAR log. */
export type HarEntry = Entry;
/** A HAR 1.2 document. */
export type HarLog = Har;

/**
 * A request body that is not UTF-8 is written as base64 with `encoding`, as in the response's
 * `content`: HAR 1.2 has no such field on `postData` (the 1.3 draft adds it), and a text that
 * is not the bytes sent would make a replay send something else.
 */
type PostDataBytes = PostData & { encoding?: 'base64' };

/** What a HAR export needs besides the Trace. */
export interface HarOptions {
  /** When the run started (the Trace keeps times relative to it). */
  startedAt: Date;
  /** The playground's version, for `creator`. */
  version?: string;
}

const pairs = (headers: [string, string][]): Header[] =>
  headers.map(([name, value]) => ({ name, value }));

function decodeQuery(text: string): QueryString[] {
  return [...new URLSearchParams(text)].map(([name, value]) => ({ name, value }));
}

/** Text when the bytes are UTF-8, else base64 (HAR's `encoding`). */
function contentText(bytes: Uint8Array): { text: string; encoding?: 'base64' } {
  const text = utf8OrNull(bytes);
  return text === null ? { text: toBase64(bytes), encoding: 'base64' } : { text };
}

function requestCookies(headers: [string, string][]): Cookie[] {
  return headers
    .filter(([name]) => name.toLowerCase() === 'cookie')
    .flatMap(([, value]) => value.split(';'))
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .map((part) => {
      const eq = part.indexOf('=');
      return eq < 0
        ? { name: part, value: '' }
        : { name: part.slice(0, eq), value: part.slice(eq + 1) };
    });
}

function responseCookie(header: string): Cookie {
  const [first = '', ...attributes] = header.split(';').map((part) => part.trim());
  const eq = first.indexOf('=');
  const cookie: Cookie =
    eq < 0 ? { name: first, value: '' } : { name: first.slice(0, eq), value: first.slice(eq + 1) };
  for (const attribute of attributes) {
    const [key = '', value = ''] = attribute.split('=');
    const name = key.trim().toLowerCase();
    if (name === 'path') cookie.path = value;
    else if (name === 'domain') cookie.domain = value;
    else if (name === 'expires') {
      const date = new Date(value);
      if (!Number.isNaN(date.getTime())) cookie.expires = date.toISOString();
    } else if (name === 'httponly') cookie.httpOnly = true;
    else if (name === 'secure') cookie.secure = true;
  }
  return cookie;
}

const round = (ms: number): number => Math.round(Math.max(ms, 0) * 1000) / 1000;

/** The HAR log of one run. */
export function toHar(trace: Trace, options: HarOptions): HarLog {
  const { request, response, settings, events } = trace;
  const { url } = requestUrl(request, settings.urlScheme);
  const version = `HTTP/${settings.httpVersion}`;
  const requestBody = fromBase64(request.bodyBase64);
  const requestHead =
    `${request.method} ${request.target} ${version}\r\n` +
    request.headers.map(([n, v]) => `${n}: ${v}\r\n`).join('') +
    '\r\n';
  const contentType = headerValue(request, 'content-type');
  const query = /\?([^#]*)/.exec(url)?.[1] ?? '';

  const origin = settings.personality === 'http';
  const wire = fromBase64(response.wireBase64);
  const parsed = parseWire(wire, origin);
  const headEnd = response.segments.filter((s) => s.part === 'head').at(-1)?.end;
  const statusCode = Number(/^\d{3}/.exec(parsed.status)?.[0] ?? 0);
  const responseHeaders = parsed.headers;
  const find = (name: string) =>
    responseHeaders.find(([n]) => n.toLowerCase() === name.toLowerCase())?.[1];
  const body = fromBase64(response.bodyBase64);

  // Event times count from when the server took the request, after the code loaded: the
  // client waits for both; the head leaves at the commit, the body until the end.
  const load = trace.stats.loadMs ?? 0;
  const commitT = events.find((e) => e.kind === 'headers.commit')?.t;
  const commit = commitT === undefined ? undefined : load + commitT;
  const end = Math.max(trace.stats.ms, load + (events.at(-1)?.t ?? 0));
  const wait = round(commit ?? end);
  const receive = round(end - (commit ?? end));

  const entry: HarEntry = {
    startedDateTime: options.startedAt.toISOString(),
    time: round(wait + receive),
    request: {
      method: request.method,
      url,
      httpVersion: version,
      cookies: requestCookies(request.headers),
      headers: pairs(request.headers),
      queryString: decodeQuery(query),
      // Only `text`, even for a form: HAR makes `text` and `params` exclusive, and decoded
      // params lose what the app received (a bad %-escape, `+` against `%20`).
      ...(requestBody.length > 0
        ? {
            postData: {
              mimeType: contentType ?? '',
              ...contentText(requestBody),
            } satisfies PostDataBytes,
          }
        : {}),
      headersSize: new TextEncoder().encode(requestHead).length,
      bodySize: requestBody.length,
    },
    response: {
      status: statusCode,
      statusText: parsed.status.replace(/^\d{3} ?/, ''),
      httpVersion: origin
        ? (/^HTTP\/\d\.\d/.exec(new TextDecoder().decode(wire.subarray(0, 9)))?.[0] ?? version)
        : version,
      cookies: responseHeaders
        .filter(([name]) => name.toLowerCase() === 'set-cookie')
        .map(([, value]) => responseCookie(value)),
      headers: pairs(responseHeaders),
      content: {
        size: response.bodySize,
        mimeType: find('content-type') ?? 'x-unknown',
        ...contentText(body),
        ...(response.truncated
          ? { comment: `Only the first ${body.length} of ${response.bodySize} bytes were kept.` }
          : {}),
      },
      redirectURL: find('location') ?? '',
      headersSize: headEnd ?? -1,
      bodySize: response.bodySize,
    },
    cache: {},
    timings: { send: 0, wait, receive },
    comment: `WSGI Playground run: outcome ${trace.outcome}, ${trace.stats.events} events, ${round(trace.stats.ms)} ms in Python.`,
  };
  return {
    log: {
      version: '1.2',
      creator: { name: 'WSGI Playground', version: options.version ?? PLAYGROUND_VERSION },
      entries: [entry],
    },
  };
}
