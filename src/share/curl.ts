/**
 * curl commands in and out: `parseCurl` reads a pasted command (as browsers' "Copy as cURL"
 * write them) into a request draft; `toCurl` writes a request as a command to paste in a shell.
 *
 * The import reproduces what curl would send: POST when there is data, its default form
 * Content-Type, the Host header from the URL, Basic credentials from `-u`. What cannot be done
 * in a browser (reading files, proxies, HTTP/2) becomes a warning, never a failure.
 */
import { textToBase64, bytesToText, utf8OrNull } from '../trace/bytes.ts';
import {
  EMPTY_BODY,
  MULTIPART_BOUNDARY,
  row,
  type BodyDraft,
  type FieldRow,
  type RequestDraft,
} from '../request/requestDraft.ts';
import { bodyFromData, mediaType, multipartBoundary } from './curlBody.ts';
import {
  emptyGathered,
  gather,
  setBuiltIn,
  type CurlSettings,
  type Gathered,
} from './curlGather.ts';
import { parseCurlUrl } from './curlUrl.ts';
import { printfBytes } from './printfBytes.ts';
import { shellWords, type SimpleCommand } from './shellWords.ts';

export { toCurl, type ToCurlOptions } from './curlExport.ts';
export type { CurlSettings } from './curlGather.ts';

/** A curl command read into a request. */
export interface CurlImport {
  ok: true;
  /** The request; its target is origin-form (`/path?query`), as curl sends it. */
  request: RequestDraft;
  /** The URL as written in the command. */
  url: string;
  settings: CurlSettings;
  /** What was left out or could not be reproduced, one sentence each. */
  warnings: string[];
}

/** Why a command could not be read. */
export interface CurlImportError {
  ok: false;
  error: string;
}

/** What `parseCurl` returns. */
export type CurlImportResult = CurlImport | CurlImportError;

const CURL_NAME = /(^|[\\/])curl(\.exe)?$/i;

const isUtf8 = (bytes: Uint8Array): boolean => utf8OrNull(bytes) !== null;

/** Find the curl command in a command line, and what a `printf … |` or `<<<` feeds it. */
function findCurl(
  commands: SimpleCommand[],
  warnings: string[],
): { words: string[]; stdin: string | null } | string {
  const index = commands.findIndex((c) => CURL_NAME.test(c.words[0] ?? ''));
  const first = commands[0]?.words[0] ?? '';
  if (index === -1 && !/^(-|https?:\/\/)/i.test(first)) {
    return first === ''
      ? 'Paste a curl command, such as: curl http://localhost/hello'
      : `This is not a curl command: it starts with ${JSON.stringify(first)}.`;
  }
  const at = Math.max(index, 0);
  const command = commands[at] as SimpleCommand;
  let stdin: string | null = null;
  const before = commands[at - 1];
  if (before?.endedBy === '|' && before.words[0] === 'printf' && before.words[1] !== undefined) {
    const bytes = printfBytes(before.words[1]);
    stdin = bytesToText(bytes);
    if (!isUtf8(bytes)) {
      warnings.push('The piped body has bytes that are not UTF-8 text: they became U+FFFD.');
    }
  }
  for (const redirect of command.redirects) {
    if (redirect.op === '<<<') stdin = `${redirect.target}\n`;
  }
  const others = commands.filter((c, i) => i !== at && !(c === before && stdin !== null));
  if (others.length > 0) {
    warnings.push(
      `Only the curl command is used; ignored: ${others.map((c) => c.words.join(' ')).join(' ; ')}.`,
    );
  }
  return { words: index === -1 ? command.words : command.words.slice(1), stdin };
}

/** The method curl uses: -X wins, then -I, -G, data (POST), -T (PUT). */
function methodOf(g: Gathered): string {
  if (g.method !== null) return g.method;
  if (g.head) return 'HEAD';
  if (g.get) return 'GET';
  if (g.dataGiven || g.parts.length > 0) return 'POST';
  return g.upload ? 'PUT' : 'GET';
}

/** Take the Content-Type the person gave out of the -H headers (the body mode carries it). */
function takeContentType(g: Gathered): string | null {
  let found: string | null = null;
  g.custom = g.custom.filter(([name, value]) => {
    if (name.toLowerCase() !== 'content-type') return true;
    found = value;
    return false;
  });
  return found;
}

/** The body and its Content-Type, as curl would send them. */
function bodyOf(g: Gathered, data: string): BodyDraft {
  if (g.parts.length > 0) {
    const given = takeContentType(g);
    if (given !== null && mediaType(given) !== 'multipart/form-data') {
      g.custom.push(['Content-Type', given]);
    }
    return { ...EMPTY_BODY, mode: 'multipart', multipart: g.parts };
  }
  if (!g.dataGiven || g.get) return EMPTY_BODY;
  if (g.removed.has('content-type')) {
    return { ...EMPTY_BODY, mode: 'raw', raw: data, rawContentType: '' };
  }
  const given = takeContentType(g);
  const contentType = given ?? (g.json ? 'application/json' : 'application/x-www-form-urlencoded');
  const body = bodyFromData(data, contentType);
  const boundary = multipartBoundary(contentType);
  if (body.mode === 'multipart' && boundary !== MULTIPART_BOUNDARY) {
    g.warnings.push(
      `The multipart body was read into its ${body.multipart.length} parts; it is sent with the playground's boundary instead of ${boundary}.`,
    );
  }
  // JSON and form modes send their own type: keep a -H only when it says something else.
  const implied = body.mode === 'json' ? 'application/json' : 'application/x-www-form-urlencoded';
  const modeSendsIt = body.mode === 'multipart' || given?.trim().toLowerCase() === implied;
  if (given !== null && body.mode !== 'raw' && !modeSendsIt) {
    g.custom.push(['Content-Type', given]);
  }
  return body;
}

/**
 * Read a curl command into a request draft.
 *
 * @example
 * parseCurl(`curl 'https://api.test/items?page=2' -H 'accept: application/json' --data-raw '{"a":1}'`)
 * // { ok: true, url: 'https://api.test/items?page=2', settings: { urlScheme: 'https' },
 * //   request: { method: 'POST', target: '/items?page=2',
 * //              headers: [Host: api.test, accept: application/json], body: { mode: 'json', … } },
 * //   warnings: [] }
 */
export function parseCurl(command: string): CurlImportResult {
  const split = shellWords(command.trim().replace(/^\$\s+/, ''));
  if (!split.ok) return split;
  const warnings: string[] = [];
  const found = findCurl(split.commands, warnings);
  if (typeof found === 'string') return { ok: false, error: found };
  const g = emptyGathered(found.stdin, warnings);
  const problem = gather(g, found.words);
  if (problem !== null) return { ok: false, error: problem };
  const [url, ...moreUrls] = g.urls;
  if (url === undefined) return { ok: false, error: 'The curl command has no URL.' };
  if (moreUrls.length > 0)
    warnings.push(`Only the first URL is used; ignored: ${moreUrls.join(' ')}.`);
  if (g.parts.length > 0 && g.dataGiven) {
    return { ok: false, error: 'curl cannot send -F (multipart) and -d (data) in one request.' };
  }
  const parsed = parseCurlUrl(url);
  if (!parsed.ok) return parsed;
  const { scheme, host, userinfo, target: urlTarget } = parsed.url;
  if (g.json) {
    // curl also sends Content-Type: application/json, which the JSON body mode does.
    setBuiltIn(g, 'Accept', 'application/json');
  }
  if (userinfo !== null && !g.builtIn.has('authorization')) {
    setBuiltIn(g, 'Authorization', `Basic ${textToBase64(userinfo)}`);
  }

  const data = g.data.reduce(
    (all, piece, i) => (i === 0 ? piece.text : all + piece.glue + piece.text),
    '',
  );
  const body = bodyOf(g, data);
  const query = [...(g.get && g.data.length > 0 ? [data] : []), ...g.urlQuery];
  let target = g.requestTarget ?? urlTarget;
  for (const piece of query) target += (target.includes('?') ? '&' : '?') + piece;

  const headers: FieldRow[] = [];
  const given = new Set(g.custom.map(([name]) => name.toLowerCase()));
  if (!given.has('host') && !g.removed.has('host')) headers.push(row('Host', host));
  for (const [key, [name, value]] of g.builtIn) {
    if (!given.has(key) && !g.removed.has(key) && value !== '') headers.push(row(name, value));
  }
  headers.push(...g.custom.map(([name, value]) => row(name, value)));

  if (split.literals.length > 0) {
    warnings.push(`Kept as typed, not expanded: ${[...new Set(split.literals)].join(', ')}.`);
  }
  return {
    ok: true,
    request: { method: methodOf(g), target, headers, body },
    url,
    settings: { urlScheme: scheme, ...g.settings },
    warnings,
  };
}
