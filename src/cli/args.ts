import { parseArgs } from 'node:util';
import { textToBase64, toBase64 } from '../trace/bytes.ts';
import type { HttpRequest, Settings } from '../trace/schema.ts';
import type { RunInput } from '../runtime/runInput.ts';

/** The usage text of the command-line tool. */
export const USAGE = `Usage: wsgi-playground trace APP.py [options]

Run a WSGI application on one request and print what crossed the protocol boundary.

Options:
  --callable NAME          the WSGI callable (default: application, then app)
  -X, --method M           request method (default: GET, or POST with --data)
  --url TARGET             request target: /path?query or http://host/path (default: /)
  -H, --header 'N: V'      add a request header (repeatable)
  -d, --data TEXT|@FILE    request body, as curl's --data
  --server http|cgi        the server personality (default: http)
  --http-version 1.0|1.1   HTTP version (default: 1.1)
  --script-name /mount     the mount point, split off the path as SCRIPT_NAME
  --json                   print the trace as JSON (with its findings)
  --validate               also run the app under wsgiref.validate and show its verdict
  --fail-on error|warning  exit with status 1 when a finding of that severity or worse
                           exists (default: never), to guard an app in CI
  -h, --help               show this help
`;

/** What the command line asked for. */
export type ParsedCommand =
  | { kind: 'help' }
  | {
      kind: 'trace';
      appPath: string;
      json: boolean;
      /** Exit with 1 when a finding of this severity or worse exists. */
      failOn: FailOn | null;
      input: Pick<RunInput, 'request' | 'settings'>;
    }
  | { kind: 'error'; message: string };

/** The severities `--fail-on` accepts. */
export type FailOn = 'error' | 'warning';

/** Read a file's bytes (passed in so the parser is testable). */
export type ReadFile = (path: string) => Uint8Array;

/** Parse the arguments (without `node` and the script). */
export function parseCommand(argv: string[], readFile: ReadFile): ParsedCommand {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        callable: { type: 'string' },
        method: { type: 'string', short: 'X' },
        url: { type: 'string' },
        header: { type: 'string', short: 'H', multiple: true },
        data: { type: 'string', short: 'd' },
        server: { type: 'string' },
        'http-version': { type: 'string' },
        'script-name': { type: 'string' },
        json: { type: 'boolean' },
        validate: { type: 'boolean' },
        'fail-on': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    return { kind: 'error', message: (error as Error).message };
  }
  const { values, positionals } = parsed;
  if (values.help) return { kind: 'help' };
  const [command, appPath, ...extra] = positionals;
  if (command !== 'trace' || !appPath || extra.length) {
    return { kind: 'error', message: 'expected: wsgi-playground trace APP.py [options]' };
  }
  const settings: Partial<Settings> = {};
  if (values.server !== undefined) {
    if (values.server !== 'http' && values.server !== 'cgi') {
      return { kind: 'error', message: `--server must be http or cgi, not ${values.server}` };
    }
    settings.personality = values.server;
  }
  const version = values['http-version'];
  if (version !== undefined) {
    if (version !== '1.0' && version !== '1.1') {
      return { kind: 'error', message: `--http-version must be 1.0 or 1.1, not ${version}` };
    }
    settings.httpVersion = version;
  }
  if (values['script-name'] !== undefined) settings.scriptName = values['script-name'];
  if (values.callable !== undefined) settings.callable = values.callable;
  if (values.validate) settings.compareValidate = true;
  const failOn = values['fail-on'] ?? null;
  if (failOn !== null && failOn !== 'error' && failOn !== 'warning') {
    return { kind: 'error', message: `--fail-on must be error or warning, not ${failOn}` };
  }

  const headers: [string, string][] = [];
  for (const header of values.header ?? []) {
    const colon = header.indexOf(':');
    if (colon <= 0)
      return { kind: 'error', message: `-H expects 'Name: value', got ${JSON.stringify(header)}` };
    headers.push([header.slice(0, colon).trim(), header.slice(colon + 1).trim()]);
  }
  const target = values.url ?? '/';
  const has = (name: string): boolean => headers.some(([n]) => n.toLowerCase() === name);
  if (!has('host')) {
    // As curl does: the Host header comes from the URL.
    const match = /^https?:\/\/([^/?#]+)/i.exec(target);
    headers.unshift(['Host', match?.[1] ?? 'localhost']);
  }
  let bodyBase64 = '';
  if (values.data !== undefined) {
    try {
      bodyBase64 = values.data.startsWith('@')
        ? toBase64(readFile(values.data.slice(1)))
        : textToBase64(values.data);
    } catch (error) {
      return {
        kind: 'error',
        message: `cannot read ${values.data.slice(1)}: ${(error as Error).message}`,
      };
    }
    if (!has('content-type')) headers.push(['Content-Type', 'application/x-www-form-urlencoded']);
    if (!has('content-length')) headers.push(['Content-Length', String(atob(bodyBase64).length)]);
  }
  const method = values.method ?? (values.data !== undefined ? 'POST' : 'GET');
  const request: HttpRequest = { method, target, headers, bodyBase64 };
  settings.filename = appPath.slice(appPath.lastIndexOf('/') + 1) || 'app.py';
  return {
    kind: 'trace',
    appPath,
    json: values.json ?? false,
    failOn,
    input: { request, settings },
  };
}
