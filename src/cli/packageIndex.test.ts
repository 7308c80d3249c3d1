/**
 * `--with SPEC --index-url URL`: a PyPI-compatible index started here on 127.0.0.1 serves
 * wheels built from fixture packages — a tiny framework (PEP 691 JSON, METADATA served alone
 * as PEP 658 says), its dependency (PEP 503 HTML, METADATA only inside the wheel), a package
 * whose listed hash is wrong, and one with only compiled wheels. No test reaches the internet.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWheel, type WheelSpec } from '../packages/buildWheel.testing.ts';
import {
  sha256Of as sha256,
  startTestIndex,
  type IndexProject,
  type TestIndex,
} from '../packages/testIndex.testing.ts';
import { runTrace as cli } from './runCli.testing.ts';

const SPECS: WheelSpec[] = [
  {
    name: 'tinyframework',
    version: '1.0.0',
    files: {
      'tinyframework.py': [
        'from tinydep import shout',
        '',
        'def serve(view):',
        '    def app(environ, start_response):',
        '        body = shout(view(environ)).encode()',
        '        start_response("200 OK", [("Content-Type", "text/plain")])',
        '        return [body]',
        '    return app',
        '',
      ].join('\n'),
    },
    metadata: ['Requires-Dist: tinydep>=1.1', 'Requires-Dist: winonly; sys_platform == "win32"'],
  },
  {
    name: 'tinydep',
    version: '1.1.0',
    files: { 'tinydep.py': 'def shout(t):\n    return t.upper()\n' },
  },
  { name: 'badhash', version: '1.0', files: { 'badhash.py': '' } },
];
const COMPILED = 'compiledonly-1.0-cp312-cp312-manylinux_2_17_x86_64.whl';

const APP = [
  'from tinyframework import serve',
  '',
  'def hello(environ):',
  '    return "hello from the index"',
  '',
  'application = serve(hello)',
  '',
].join('\n');

/** The index: the framework and the compiled-only package as JSON pages, the others HTML. */
function projects(wheels: Map<string, Uint8Array>): IndexProject[] {
  const listed = (name: string) => ({
    filename: name,
    bytes: wheels.get(name) ?? new Uint8Array(),
  });
  const names = [...wheels.keys()];
  const of = (project: string) => names.filter((name) => name.startsWith(`${project}-`));
  return [
    { name: 'tinyframework', files: of('tinyframework').map(listed) },
    { name: 'tinydep', files: of('tinydep').map(listed), format: 'html' },
    {
      name: 'badhash',
      files: of('badhash').map((name) => ({ ...listed(name), sha256: '0'.repeat(64) })),
      format: 'html',
    },
    { name: 'compiledonly', files: [{ filename: COMPILED, bytes: new Uint8Array() }] },
  ];
}

describe('wsgi-playground trace --with SPEC --index-url URL (an index on loopback)', () => {
  const root = mkdtempSync(join(tmpdir(), 'wsgi-cli-index-'));
  const cache = join(root, 'cache');
  const app = join(root, 'project', 'app.py');
  const wheels = new Map(SPECS.map(buildWheel).map(({ filename, bytes }) => [filename, bytes]));
  let server: TestIndex;
  beforeAll(async () => {
    mkdirSync(join(root, 'project'));
    writeFileSync(app, APP);
    server = await startTestIndex(projects(wheels));
  });
  afterAll(async () => {
    await server.stop();
    rmSync(root, { recursive: true, force: true });
  });
  const withIndex = (...argv: string[]) =>
    cli(app, ...argv, '--index-url', server.url, '--cache-dir', cache);

  it('resolves over JSON and HTML pages, checks each file, caches it by its hash', async () => {
    const { status, out, err } = await withIndex('--with', 'tinyframework', '--json');
    expect(status, err).toBe(0);
    const json = JSON.parse(out) as {
      packages: { name: string; sha256: string }[];
      body_base64: string;
    };
    expect(json.packages.map((pin) => pin.name).sort()).toEqual(['tinydep', 'tinyframework']);
    expect(Buffer.from(json.body_base64, 'base64').toString()).toBe('HELLO FROM THE INDEX');
    // The framework's METADATA came alone (PEP 658); the dependency's only inside its wheel.
    expect(server.requests).toContain('/files/tinyframework-1.0.0-py3-none-any.whl.metadata');
    expect(server.requests).not.toContain('/simple/winonly/');
    const cached = readdirSync(cache).sort();
    expect(cached).toEqual(
      [...wheels]
        .filter(([name]) => !name.startsWith('badhash'))
        .map(([name, bytes]) => `${sha256(bytes)}-${name}`)
        .sort(),
    );
  });

  it('fetches a cached file again when it no longer has its hash', async () => {
    const [name] = readdirSync(cache).filter((each) => each.includes('tinydep'));
    writeFileSync(join(cache, name ?? ''), 'tampered');
    const { status, out } = await withIndex('--with', 'tinyframework', '--json');
    expect(status).toBe(0);
    expect(
      Buffer.from((JSON.parse(out) as { body_base64: string }).body_base64, 'base64').toString(),
    ).toBe('HELLO FROM THE INDEX');
    expect(sha256(readFileSync(join(cache, name ?? '')))).toBe((name ?? '').split('-')[0]);
  });

  it('refuses a file whose hash is not the one the index lists', async () => {
    const { status, err } = await withIndex('--with', 'badhash');
    expect(status).toBe(2);
    expect(err).toMatch(
      /hash mismatch: badhash-1\.0-py3-none-any\.whl from .* the index says 0{64}: not installed/,
    );
  });

  it('says a package with only compiled wheels needs what Pyodide does not build', async () => {
    const { status, err } = await withIndex('--with', 'compiledonly');
    expect(status).toBe(2);
    expect(err).toContain('compiledonly 1.0 has only compiled wheels');
    expect(err).toContain('needs a compiled extension that Pyodide does not build');
  });

  it('says which package the index does not have', async () => {
    const { status, err } = await withIndex('--with', 'tinyframwork');
    expect(status).toBe(2);
    expect(err).toContain("No package named 'tinyframwork'");
  });
});
