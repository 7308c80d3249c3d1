import { PERSONALITIES } from '../trace/schema.ts';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Settings } from '../trace/schema.ts';
import type { RunInput } from '../runtime/runInput.ts';
import { appTarget, type AppTarget } from './appTarget.ts';
import { requestOf, type ReadFile } from './requestArgs.ts';

export type { ReadFile } from './requestArgs.ts';

/** The usage text of the command-line tool. */
export const USAGE = `Usage: wsgi-playground trace APP.py [options]
       wsgi-playground trace MODULE[:CALLABLE] [--chdir DIR] [options]

Run a WSGI application on one request and print what crossed the protocol boundary.
APP.py: the file's folder is the project (its .py files and packages), entered at the
file's module. MODULE:CALLABLE: gunicorn's form (pkg.web:app, app:create_app()), the
module looked up in DIR.

Options:
  --callable NAME          the WSGI callable (default: application, then app)
  --chdir DIR              the project's folder (default: the current one)
  -X, --method M           request method (default: GET, or POST with --data)
  --url TARGET             request target: /path?query or http://host/path (default: /)
  -H, --header 'N: V'      add a request header (repeatable)
  -d, --data TEXT|@FILE    request body, as curl's --data
  --server NAME            who serves the request: http (wsgiref, the default), cgi (wsgiref
                           as a CGI gateway), gunicorn (gunicorn 20.1.0's sync worker) or
                           waitress (waitress 2.1.2), modelled byte for byte
  --http-version 1.0|1.1   HTTP version (default: 1.1)
  --script-name /mount     the mount point, split off the path as SCRIPT_NAME
  --disconnect-after BYTES the client goes away after reading BYTES of the response: the
                           server's next write raises BrokenPipeError (outcome disconnected)
  --short-body BYTES       the client announces the whole body but sends only BYTES of it:
                           wsgi.input ends early
  --slow-client            the client takes 50 ms to read each write of the body: the
                           server's writes wait (client.wait events)
  --with SPEC              install a package first (repeatable): flask, bottle==0.13.2
  --find-links DIR         a folder of wheel files to install from (repeatable)
  --index-url URL          a PyPI-compatible simple index (PEP 691 JSON or PEP 503 HTML;
                           default: https://pypi.org/simple); files are checked against its
                           sha256 and cached
  --no-index               use only the --find-links folders
  --cache-dir DIR          where downloaded wheels are kept (default:
                           ~/.cache/wsgi-playground/wheels)
  --python PATH            run the same server object on this native CPython instead of
                           Pyodide (a project's virtualenv: its packages, C extensions too)
  --json                   print the trace as JSON (with its findings)
  --validate               also run the app under wsgiref.validate and show its verdict
  --fail-on error|warning  exit with status 1 when a finding of that severity or worse
                           exists (default: never), to guard an app in CI
  -h, --help               show this help
`;

/** How long `--slow-client` takes to read each write of the body, in milliseconds. */
export const SLOW_CLIENT_MS = 50;

/** What the command line asked for. */
export type ParsedCommand =
  | { kind: 'help' }
  | {
      kind: 'trace';
      /** The app: a file whose folder is the project, or an entry in a folder. */
      app: AppTarget;
      json: boolean;
      /** Exit with 1 when a finding of this severity or worse exists. */
      failOn: FailOn | null;
      input: Pick<RunInput, 'request' | 'settings'>;
      /** Packages to install before the run: pip's `--with`, `--find-links`, `--no-index`. */
      packages: PackageOptions;
    }
  | { kind: 'error'; message: string };

/** What to install before the run, and where from. */
export interface PackageOptions {
  requirements: string[];
  findLinks: string[];
  noIndex: boolean;
  /** The PyPI-compatible simple index (PEP 691/503) to resolve against, unless `noIndex`. */
  indexUrl: string;
  /** Where downloaded wheels are kept, by their sha256. */
  cacheDir: string;
  /** A native CPython to run on instead of Pyodide (`--python`), or null. */
  python: string | null;
}

/** The package index `--with` resolves against when none is given. */
export const DEFAULT_INDEX_URL = 'https://pypi.org/simple';

/** The severities `--fail-on` accepts. */
export type FailOn = 'error' | 'warning';

const OPTIONS = {
  callable: { type: 'string' },
  chdir: { type: 'string' },
  method: { type: 'string', short: 'X' },
  url: { type: 'string' },
  header: { type: 'string', short: 'H', multiple: true },
  data: { type: 'string', short: 'd' },
  server: { type: 'string' },
  'http-version': { type: 'string' },
  'script-name': { type: 'string' },
  'disconnect-after': { type: 'string' },
  'short-body': { type: 'string' },
  'slow-client': { type: 'boolean' },
  with: { type: 'string', multiple: true },
  'find-links': { type: 'string', multiple: true },
  'no-index': { type: 'boolean' },
  'index-url': { type: 'string' },
  'cache-dir': { type: 'string' },
  python: { type: 'string' },
  json: { type: 'boolean' },
  validate: { type: 'boolean' },
  'fail-on': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** Parse the arguments (without `node` and the script). */
export function parseCommand(argv: string[], readFile: ReadFile): ParsedCommand {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, options: OPTIONS });
  } catch (error) {
    return { kind: 'error', message: (error as Error).message };
  }
  const { values, positionals } = parsed;
  if (values.help) return { kind: 'help' };
  const [command, appName, ...extra] = positionals;
  if (command !== 'trace' || !appName || extra.length) {
    return {
      kind: 'error',
      message: 'expected: wsgi-playground trace APP.py|MODULE:CALLABLE [options]',
    };
  }
  const app = appTarget(appName, values.callable, values.chdir);
  if ('error' in app) return { kind: 'error', message: app.error };
  const settings: Partial<Settings> = {};
  if (values.server !== undefined) {
    const server = PERSONALITIES.find((name) => name === values.server);
    if (!server) {
      return {
        kind: 'error',
        message: `--server must be ${PERSONALITIES.join(', ')}, not ${values.server}`,
      };
    }
    settings.personality = server;
  }
  const version = values['http-version'];
  if (version !== undefined) {
    if (version !== '1.0' && version !== '1.1') {
      return { kind: 'error', message: `--http-version must be 1.0 or 1.1, not ${version}` };
    }
    settings.httpVersion = version;
  }
  if (values['script-name'] !== undefined) settings.scriptName = values['script-name'];
  if (values.validate) settings.compareValidate = true;
  for (const [flag, key] of [
    ['disconnect-after', 'disconnectAfter'],
    ['short-body', 'shortBody'],
  ] as const) {
    const bytes = values[flag];
    if (bytes === undefined) continue;
    if (!/^\d+$/.test(bytes)) {
      return { kind: 'error', message: `--${flag} must be a count of bytes, not ${bytes}` };
    }
    settings[key] = Number(bytes);
  }
  if (values['slow-client']) settings.slowClient = SLOW_CLIENT_MS;
  const failOn = values['fail-on'] ?? null;
  if (failOn !== null && failOn !== 'error' && failOn !== 'warning') {
    return { kind: 'error', message: `--fail-on must be error or warning, not ${failOn}` };
  }
  const request = requestOf(values, readFile);
  if ('error' in request) return { kind: 'error', message: request.error };
  const packages: PackageOptions = {
    requirements: values.with ?? [],
    findLinks: values['find-links'] ?? [],
    noIndex: values['no-index'] ?? false,
    indexUrl: values['index-url'] ?? DEFAULT_INDEX_URL,
    cacheDir: values['cache-dir'] ?? join(homedir(), '.cache', 'wsgi-playground', 'wheels'),
    python: values.python ?? null,
  };
  if (packages.python && packages.requirements.length) {
    return {
      kind: 'error',
      message:
        "--with installs into Pyodide; with --python the app uses that Python's own packages (install them there)",
    };
  }
  return {
    kind: 'trace',
    app,
    json: values.json ?? false,
    failOn,
    input: { request, settings },
    packages,
  };
}
