/**
 * Real frameworks through the CLI: Flask, Bottle, Falcon and Django apps, traced with
 * `--with NAME --find-links DIR --no-index` over wheels built from Debian 13's packages
 * (`node scripts/debian-wheels.mjs`, which `scripts/ensure-test-tools.mjs` runs where Debian
 * is reachable), give the same wire bytes as plain wsgiref on this machine's CPython with the
 * same wheels on its path, `Date` aside; and the rules find no error in their ordinary
 * responses (200s, JSON, a redirect, a 404, HEAD, a streaming response). With `--python`, the
 * same server object on native CPython (the wheels on its path, as a virtualenv would have
 * them) gives the same bytes and findings.
 */
import { execFileSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { withoutDate } from '../python/fidelityCases.ts';
import { toRunJob } from '../runtime/runInput.ts';
import type { HttpRequest, Settings } from '../trace/schema.ts';
import { main } from './main.ts';

const WHEELS =
  process.env.DEBIAN_WHEELS ??
  join(import.meta.dirname, '..', '..', 'node_modules', '.cache', 'debian-wheels');
const APPS = join(import.meta.dirname, 'frameworkApps');
const PYTHON_ROOT = join(import.meta.dirname, '..', 'python');
const haveWheels = existsSync(WHEELS) && readdirSync(WHEELS).some((n) => n.startsWith('Flask-'));

interface CliJson {
  packages: { name: string; version: string; filename: string }[];
  outcome: string;
  status: string | null;
  wire_base64: string;
  findings: { rule: string; severity: string; message: string }[];
  events: { kind: string; line?: number; stack?: { file: string; origin: string }[] }[];
  trace: { request: HttpRequest; settings: Settings };
}

async function cli(argv: string[]): Promise<CliJson> {
  let out = '';
  let err = '';
  const status = await main([...argv, '--json'], {
    stdout: (text) => (out += text),
    stderr: (text) => (err += text),
    readFile: (path) => readFileSync(path),
  });
  expect(status, err).toBe(0);
  return JSON.parse(out) as CliJson;
}

/** The app traced in Pyodide, with the package installed from the Debian wheels. */
function trace(app: string, pkg: string, url: string, method = 'GET'): Promise<CliJson> {
  const argv = ['trace', join(APPS, app), '--url', url, '-X', method, '--with', pkg];
  return cli([...argv, '--find-links', WHEELS, '--no-index']);
}

/** The app traced on native CPython (`--python`), its packages those of `python`'s path. */
function traceNative(app: string, python: string, url: string, method = 'GET'): Promise<CliJson> {
  return cli(['trace', join(APPS, app), '--url', url, '-X', method, '--python', python]);
}

const root = mkdtempSync(join(tmpdir(), 'wsgi-frameworks-'));
const site = join(root, 'site');
afterAll(() => rmSync(root, { recursive: true, force: true }));
/** A stand-in for a project's virtualenv: this machine's python3 with the wheels on its path. */
const venvPython = join(root, 'python');
writeFileSync(
  venvPython,
  `#!/bin/sh\nPYTHONPATH="${site}" exec ${process.env.PYTHON ?? 'python3'} "$@"\n`,
  {
    mode: 0o755,
  },
);
const unpacked = new Set<string>();

/** What plain wsgiref on this machine's CPython sends, with the run's wheels on its path. */
function nativeWire(app: string, json: CliJson): string {
  for (const pin of json.packages) {
    if (unpacked.has(pin.filename)) continue;
    for (const [path, bytes] of Object.entries(
      unzipSync(readFileSync(join(WHEELS, pin.filename))),
    )) {
      mkdirSync(dirname(join(site, path)), { recursive: true });
      writeFileSync(join(site, path), bytes);
    }
    unpacked.add(pin.filename);
  }
  const { request, settings } = json.trace;
  const code = readFileSync(join(APPS, app), 'utf8');
  const module = app.replace(/\.py$/, '');
  const project = { files: { [app]: code }, entry: module };
  const out = execFileSync(process.env.PYTHON ?? 'python3', ['-m', 'wsgi_playground.reference'], {
    cwd: PYTHON_ROOT,
    input: JSON.stringify([toRunJob({ request, settings, project })]),
    env: { ...process.env, PYTHONPATH: `${PYTHON_ROOT}:${site}` },
    maxBuffer: 16 * 1024 * 1024,
  });
  const [wire] = JSON.parse(out.toString()) as string[];
  return withoutDate(Buffer.from(wire ?? '', 'base64'));
}

const CASES: Array<[app: string, pkg: string, requests: Array<[string, string?]>]> = [
  [
    'flask_app.py',
    'flask',
    [['/hello?name=World'], ['/json'], ['/old'], ['/missing'], ['/hello', 'HEAD']],
  ],
  ['bottle_app.py', 'bottle', [['/hello?name=World'], ['/json'], ['/missing'], ['/hello', 'HEAD']]],
  ['falcon_app.py', 'falcon', [['/hello?name=World'], ['/json'], ['/missing'], ['/hello', 'HEAD']]],
  [
    'django_app.py',
    'django',
    [['/hello?name=World'], ['/json'], ['/stream'], ['/missing'], ['/hello', 'HEAD']],
  ],
];

describe.skipIf(!haveWheels && !process.env.CI)(
  'frameworks from Debian 13, through the CLI',
  () => {
    it('has the wheels (node scripts/debian-wheels.mjs builds them)', () => {
      expect(haveWheels, `no wheels in ${WHEELS}`).toBe(true);
    });

    for (const [app, pkg, requests] of CASES) {
      it(`serves ${pkg} byte for byte as wsgiref does, with no false error`, async () => {
        for (const [url, method] of requests) {
          const json = await trace(app, pkg, url, method);
          expect(json.outcome, `${pkg} ${url}`).toBe('complete');
          if (url.startsWith('/hello') && method === undefined) {
            // The framework called start_response: the event names the project's view line and
            // the library frames in between (werkzeug's, django's…).
            const start = json.events.find((event) => event.kind === 'start_response');
            expect(start?.line, `${pkg}: the view's line`).toBeGreaterThan(0);
            expect(start?.stack?.some((frame) => frame.origin === 'library')).toBe(true);
          }
          expect(withoutDate(Buffer.from(json.wire_base64, 'base64')), `${pkg} ${url}`).toBe(
            nativeWire(app, json),
          );
          const errors = json.findings.filter((finding) => finding.severity === 'error');
          expect(errors, `${pkg} ${method ?? 'GET'} ${url}`).toEqual([]);
          // The same server object on native CPython: the same bytes and findings.
          const native = await traceNative(app, venvPython, url, method);
          expect(withoutDate(Buffer.from(native.wire_base64, 'base64')), `--python ${url}`).toBe(
            withoutDate(Buffer.from(json.wire_base64, 'base64')),
          );
          expect(native.findings.map((f) => f.rule)).toEqual(json.findings.map((f) => f.rule));
        }
      }, 120_000);
    }
  },
);
