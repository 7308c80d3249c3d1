/**
 * The options of one curl command, gathered: each option is applied in turn to a record of what
 * the request will hold (URLs, method, headers, data, form parts), as curl itself does.
 */
import { textToBase64 } from '../trace/bytes.ts';
import type { MultipartPart } from '../request/requestDraft.ts';
import { dataUrlencode, readFormPart } from './curlBody.ts';
import { CURL_OPTIONS, CURL_SHORT_OPTIONS } from './curlOptions.ts';

/** The settings a curl command implies. */
export interface CurlSettings {
  urlScheme?: 'http' | 'https';
  httpVersion?: '1.0' | '1.1';
}

/** What the options of one command add up to. */
export interface Gathered {
  urls: string[];
  method: string | null;
  requestTarget: string | null;
  head: boolean;
  get: boolean;
  upload: boolean;
  /** Headers curl makes from options (-A, -e, -b, -u, --json …), by lower-cased name. */
  builtIn: Map<string, [string, string]>;
  /** Headers given with -H, in order. */
  custom: [string, string][];
  /** Names given as `-H 'Name:'`: curl then sends no such header at all. */
  removed: Set<string>;
  data: { text: string; glue: string }[];
  /** A data option was given, even one whose file could not be read: curl would POST. */
  dataGiven: boolean;
  json: boolean;
  urlQuery: string[];
  parts: MultipartPart[];
  settings: CurlSettings;
  stdin: string | null;
  warnings: string[];
}

const FILE_NOTE = 'files cannot be read here';

/** Read `-H 'Name: value'` (and curl's `Name;` for an empty value, `Name:` to remove one). */
function addHeader(g: Gathered, arg: string): void {
  if (arg.startsWith('@')) {
    g.warnings.push(`-H ${arg}: curl would read headers from a file; ${FILE_NOTE}.`);
    return;
  }
  const colon = arg.indexOf(':');
  if (colon === -1) {
    if (arg.endsWith(';') && arg.length > 1) g.custom.push([arg.slice(0, -1).trim(), '']);
    else g.warnings.push(`-H ${JSON.stringify(arg)} is not a header ("Name: value"); ignored.`);
    return;
  }
  const name = arg.slice(0, colon).trim();
  const value = arg.slice(colon + 1).trim();
  if (value === '') g.removed.add(name.toLowerCase());
  else g.custom.push([name, value]);
}

/** Set a header curl makes from an option; a -H of the same name replaces it. */
export function setBuiltIn(g: Gathered, name: string, value: string): void {
  g.builtIn.set(name.toLowerCase(), [name, value]);
}

function addData(g: Gathered, option: string, arg: string): void {
  g.dataGiven = true;
  let text = arg;
  if (option !== 'data-raw' && arg.startsWith('@')) {
    const file = arg.slice(1);
    if (file === '-' && g.stdin !== null) {
      // -d strips newlines from what it reads; --data-binary and --json keep them.
      text =
        option === 'data' || option === 'data-ascii' ? g.stdin.replace(/[\r\n]/g, '') : g.stdin;
    } else {
      g.warnings.push(
        `--${option} ${arg}: curl would send the contents of ${file === '-' ? 'standard input' : `the file "${file}"`}; ${FILE_NOTE}, so that part of the body is left out.`,
      );
      return;
    }
  }
  if (option === 'data-urlencode') {
    const encoded = dataUrlencode(arg);
    if (encoded.file !== null) {
      g.warnings.push(`--data-urlencode ${arg}: reads the file "${encoded.file}"; ${FILE_NOTE}.`);
    }
    text = encoded.text;
  }
  g.data.push({ text, glue: option === 'json' ? '' : '&' });
}

function addFormPart(g: Gathered, option: string, arg: string): void {
  const read = readFormPart(arg, option === 'form-string');
  if (!read) {
    g.warnings.push(`--${option} ${JSON.stringify(arg)} has no "name=": ignored.`);
    return;
  }
  if (read.file !== null) {
    g.warnings.push(
      read.part.kind === 'file'
        ? `Form part "${read.part.name}" would upload the file "${read.file}"; ${FILE_NOTE}: the part is empty — choose the file in Body → Multipart.`
        : `Form part "${read.part.name}" would be read from the file "${read.file}"; ${FILE_NOTE}: it is left empty.`,
    );
  }
  g.parts.push(read.part);
}

/** Apply one option (by its long name) to what was gathered so far. */
function apply(g: Gathered, option: string, arg: string): void {
  switch (option) {
    case 'url':
      return void g.urls.push(arg);
    case 'request':
      return void (g.method = arg);
    case 'request-target':
      return void (g.requestTarget = arg);
    case 'header':
      return addHeader(g, arg);
    case 'data':
    case 'data-ascii':
    case 'data-binary':
    case 'data-raw':
    case 'data-urlencode':
      return addData(g, option, arg);
    case 'json':
      g.json = true;
      return addData(g, option, arg);
    case 'form':
    case 'form-string':
      return addFormPart(g, option, arg);
    case 'get':
      return void (g.get = true);
    case 'head':
      return void (g.head = true);
    case 'upload-file':
      g.upload = true;
      return void g.warnings.push(`-T ${arg}: curl would upload that file with PUT; ${FILE_NOTE}.`);
    case 'user-agent':
      if (arg === '') g.removed.add('user-agent');
      return setBuiltIn(g, 'User-Agent', arg);
    case 'referer':
      return setBuiltIn(g, 'Referer', arg.replace(/;auto$/, ''));
    case 'cookie': {
      if (!arg.includes('=')) {
        return void g.warnings.push(
          `-b ${arg}: curl would read cookies from that file; ${FILE_NOTE}.`,
        );
      }
      const previous = g.builtIn.get('cookie')?.[1];
      return setBuiltIn(g, 'Cookie', previous ? `${previous}; ${arg}` : arg);
    }
    case 'user':
      if (!arg.includes(':')) {
        g.warnings.push(`-u ${arg}: curl would prompt for the password; an empty one is used.`);
      }
      return setBuiltIn(
        g,
        'Authorization',
        `Basic ${textToBase64(arg.includes(':') ? arg : `${arg}:`)}`,
      );
    case 'oauth2-bearer':
      return setBuiltIn(g, 'Authorization', `Bearer ${arg}`);
    case 'range':
      return setBuiltIn(g, 'Range', `bytes=${arg}`);
    case 'compressed':
      return setBuiltIn(g, 'Accept-Encoding', 'deflate, gzip, br, zstd');
    case 'url-query':
      return void g.urlQuery.push(arg.startsWith('+') ? arg.slice(1) : dataUrlencode(arg).text);
    case 'http1.0':
      return void (g.settings.httpVersion = '1.0');
    case 'http1.1':
      return void (g.settings.httpVersion = '1.1');
    case 'http2':
    case 'http2-prior-knowledge':
    case 'http3':
    case 'http3-only':
      return void g.warnings.push(
        `--${option}: WSGI servers here speak HTTP/1.x; HTTP/1.1 is used.`,
      );
    case 'proxy':
      return void g.warnings.push(`-x ${arg}: the proxy is ignored; the request goes to the app.`);
    case 'config':
      return void g.warnings.push(
        `-K ${arg}: curl would read options from that file; ${FILE_NOTE}.`,
      );
  }
}

/**
 * Walk the words after `curl`, applying each option; `--opt=value` is accepted too. Returns
 * an error message, or null.
 */
export function gather(g: Gathered, words: string[]): string | null {
  for (let i = 0; i < words.length; i++) {
    const word = words[i] as string;
    const take = (inline: string | undefined): string | null => {
      if (inline !== undefined && inline !== '') return inline;
      const next = words[i + 1];
      if (next === undefined) return null;
      i++;
      return next;
    };
    if (word === '--') {
      g.urls.push(...words.slice(i + 1));
      break;
    }
    if (word.startsWith('--')) {
      const eq = word.indexOf('=');
      const name = eq === -1 ? word.slice(2) : word.slice(2, eq);
      const spec = CURL_OPTIONS[name];
      if (!spec) {
        if (!name.startsWith('no-')) g.warnings.push(`Unknown option --${name}: ignored.`);
        continue;
      }
      if (!spec.takesValue) {
        apply(g, name, '');
        continue;
      }
      const value = take(eq === -1 ? undefined : word.slice(eq + 1));
      if (value === null) return `The option --${name} needs a value.`;
      if (!spec.ignored) apply(g, name, value);
    } else if (word.startsWith('-') && word.length > 1) {
      // A cluster of one-letter options: -sSL, -XPOST, -sd 'a=1'.
      for (let j = 1; j < word.length; j++) {
        const letter = word[j] as string;
        const name = CURL_SHORT_OPTIONS[letter];
        const spec = name === undefined ? undefined : CURL_OPTIONS[name];
        if (name === undefined || spec === undefined) {
          g.warnings.push(`Unknown option -${letter}: ignored.`);
          continue;
        }
        if (!spec.takesValue) {
          apply(g, name, '');
          continue;
        }
        const value = take(word.slice(j + 1));
        if (value === null) return `The option -${letter} needs a value.`;
        if (!spec.ignored) apply(g, name, value);
        break;
      }
    } else {
      g.urls.push(word);
    }
  }
  return null;
}

/** What nothing was gathered into yet; `stdin` is what a pipe or here-string feeds curl. */
export function emptyGathered(stdin: string | null, warnings: string[]): Gathered {
  return {
    urls: [],
    method: null,
    requestTarget: null,
    head: false,
    get: false,
    upload: false,
    builtIn: new Map(),
    custom: [],
    removed: new Set(),
    data: [],
    dataGiven: false,
    json: false,
    urlQuery: [],
    parts: [],
    settings: {},
    stdin,
    warnings,
  };
}
