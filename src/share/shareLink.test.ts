import { describe, expect, it } from 'vitest';
import { EMPTY_BODY, row } from '../request/requestDraft.ts';
import {
  encodeShareFragment,
  MAX_FRAGMENT_CHARS,
  parseFragment,
  type SharedRun,
} from './shareLink.ts';
import { deflateRaw } from './deflate.ts';
import { toBase64Url } from './base64url.ts';

/** A fragment of `version` holding `payload` as JSON, as an encoder of that version wrote it. */
async function fragmentOf(version: number, payload: unknown): Promise<string> {
  const json = typeof payload === 'string' ? payload : JSON.stringify(payload);
  return `v${version}/${toBase64Url(await deflateRaw(new TextEncoder().encode(json)))}`;
}

const REQUEST: SharedRun['request'] = {
  method: 'POST',
  target: '/submit?x=1',
  headers: [row('Host', 'localhost:8000'), { ...row('X-Off', '1'), enabled: false }],
  body: {
    ...EMPTY_BODY,
    mode: 'form',
    form: [row('name', 'café'), { ...row('off', 'x'), enabled: false }],
  },
};

const RUN: SharedRun = {
  project: {
    files: {
      'app.py':
        "def application(environ, start_response):\n    start_response('200 OK', [])\n    return [b'caf\\xc3\\xa9 ✓']\n",
    },
    entry: 'app',
  },
  request: REQUEST,
  settings: { personality: 'cgi', scriptName: '/mnt' },
};

/** A project of three files in folders, entered in a package. */
const PACKAGED: SharedRun = {
  project: {
    files: {
      'app.py': 'from shop.web import app\n',
      'shop/__init__.py': '',
      'shop/web/views.py': "def index(environ, start_response):\n    return [b'shop']\n",
    },
    entry: 'app:app',
  },
  request: REQUEST,
  settings: {},
};

/** Links written by earlier builds: they must decode the same forever. */
const FROZEN = {
  v1: 'v1/XY5BawIxFIT_ymMu2YVYd3uSFPHQS6EHC5Ve1qXENcuGri8heVqt-N-Leij0MoeZ-YY5o4PB1vVkYxx9Z8UHLhwffAqsKYtN8plcjoGzK82aieifW6jHqqLlq9LUFOo5sDiWyeoUndKkxB1lGkfrWZVteeeTk31iajaqT-HHMR1qGj1_qXbN0NjB4G35voKGwGB6Ly2O8xoaA0zT4CVkgcYYOjsOIYuZVVWFttXYwJyxC1sHg2S_oW9qYG-0nOI1-Dv1RN1gU3Yy30s_meGika8Lg0j8cCn7wDCoHypcLr8',
  v2: 'v2/XZDBTsMwDIZfxfIlrRS2aieUK0IgceCyW1tV6eayiNSOkrAxpr07yroLXD_r__3ZF5zQXPBE43oYHLs8DKtwRoOob3C2jhcwRZnhROPq6OiUwM1BYoYDeS8dd7ynCWwIFfHRRWENKduYh0gpCCeqTccA8I9WatM08P6mNLSVehLOxPlhew6kNKhM33kdvHWs6r5e8pHyV2Rob3uruu_4LnqzWkyLyn1u_qRGNUX5IYbjBrzjT9UxXjUSmlKxKrcaGwJqnNHgy_MWNWY0uF5iqPGApm3xVVJGjV521h8kZfPYNA32vcaxPHOWfalkYSr1qbBAMQlb73Ix3H04vF5_AQ',
};

describe('share links', () => {
  it('round-trips a project, the request (disabled rows too) and settings', async () => {
    for (const run of [RUN, PACKAGED]) {
      const fragment = await encodeShareFragment(run);
      expect(fragment).toMatch(/^v2\/[A-Za-z0-9_-]+$/);
      expect(await parseFragment(`#${fragment}`)).toEqual({ kind: 'share', run, version: 2 });
    }
  });

  it('carries every server personality, the modelled ones too', async () => {
    for (const personality of ['http', 'cgi', 'gunicorn', 'waitress'] as const) {
      const run: SharedRun = { ...RUN, settings: { personality } };
      const parsed = await parseFragment(`#${await encodeShareFragment(run)}`);
      expect(parsed).toEqual({ kind: 'share', run, version: 2 });
    }
  });

  it('keeps the files in their order, app.py anywhere or nowhere', async () => {
    const files = { 'lib/util.py': 'X = 1\n', 'app.py': 'from lib.util import X\n', 'b/c.py': '' };
    for (const project of [
      { files, entry: 'app:application' },
      { files: { 'web/main.py': 'app = None\n', 'web/__init__.py': '' }, entry: 'web.main' },
    ]) {
      const route = await parseFragment(await encodeShareFragment({ ...PACKAGED, project }));
      expect(route.kind === 'share' && Object.keys(route.run.project.files)).toEqual(
        Object.keys(project.files),
      );
      expect(route).toMatchObject({ kind: 'share', run: { project } });
    }
  });

  it('keeps decoding frozen v1 links, as one-file projects', async () => {
    const route = await parseFragment(FROZEN.v1);
    expect(route).toMatchObject({ kind: 'share', version: 1 });
    if (route.kind !== 'share') return;
    expect(route.run).toEqual({
      project: {
        files: {
          'app.py':
            "def application(environ, start_response):\n    start_response('200 OK', [('Content-Type', 'text/plain')])\n    return [b'frozen v1 link']\n",
        },
        entry: 'app',
      },
      request: {
        method: 'POST',
        target: '/frozen?x=1',
        headers: [row('Host', 'localhost:8000')],
        body: { ...EMPTY_BODY, mode: 'raw', raw: 'a=1' },
      },
      settings: { httpVersion: '1.0' },
    });
  });

  it("reads a v1 link's filename and callable as its project's file and entry", async () => {
    const v1 = { c: 'x', m: 'GET', t: '/', h: [], b: { mode: 'none' } };
    const cases: [Record<string, unknown>, SharedRun['project']][] = [
      [
        { filename: 'web.py', callable: 'handler' },
        { files: { 'web.py': 'x' }, entry: 'web:handler' },
      ],
      [{ callable: 'make()' }, { files: { 'app.py': 'x' }, entry: 'app:make()' }],
      // A lone file is the entry whatever its name; no entry can hold `a b`; a folder would
      // make a package.
      [
        { filename: 'my-app.py', callable: 'a b' },
        { files: { 'my-app.py': 'x' }, entry: 'app' },
      ],
      [
        { filename: 'a/b.py', callable: 'h' },
        { files: { 'app.py': 'x' }, entry: 'app:h' },
      ],
      [{ filename: 'a:b.py' }, { files: { 'app.py': 'x' }, entry: 'app' }],
    ];
    for (const [settings, project] of cases) {
      const route = await parseFragment(
        await fragmentOf(1, { ...v1, s: { ...settings, runOnce: true } }),
      );
      expect(route).toMatchObject({ kind: 'share', run: { project, settings: { runOnce: true } } });
      expect(route.kind === 'share' && Object.keys(route.run.settings)).toEqual(['runOnce']);
    }
  });

  it('keeps decoding frozen v2 links', async () => {
    expect(await parseFragment(FROZEN.v2)).toEqual({
      kind: 'share',
      version: 2,
      run: {
        project: {
          files: {
            'web/__init__.py': '',
            'web/main.py':
              "from web.views import hello\n\ndef app(environ, start_response):\n    start_response('200 OK', [('Content-Type', 'text/plain')])\n    return [hello()]\n",
            'web/views.py': "def hello():\n    return b'frozen v2 link'\n",
          },
          entry: 'web.main:app',
        },
        request: {
          method: 'GET',
          target: '/frozen',
          headers: [row('Host', 'localhost:8000')],
          body: EMPTY_BODY,
        },
        settings: { personality: 'cgi' },
      },
    });
  });

  it('routes gallery examples and empty fragments', async () => {
    expect(await parseFragment('#example/hello-world')).toEqual({
      kind: 'example',
      name: 'hello-world',
    });
    expect(await parseFragment('')).toEqual({ kind: 'none' });
    expect(await parseFragment('#')).toEqual({ kind: 'none' });
  });

  it('turns corrupted, truncated, oversized and foreign links into clear errors', async () => {
    const good = await encodeShareFragment(RUN);
    const cases: [string, RegExp][] = [
      [good.slice(0, good.length - 12), /corrupted or cut short/],
      [good.replace(/.$/, '!'), /characters a share link never has/],
      ['v2/' + 'A'.repeat(40), /corrupted or cut short/],
      ['v9/abc', /format v9/],
      ['hello', /not a WSGI Playground link/],
      ['v2/' + 'x'.repeat(MAX_FRAGMENT_CHARS), /too long/],
      [await fragmentOf(1, { c: 1 }), /lacks the code/],
      [await fragmentOf(2, { c: 1 }), /lacks the project/],
      [await fragmentOf(1, '<script>'), /not readable/],
    ];
    for (const [fragment, message] of cases) {
      const route = await parseFragment(fragment);
      expect(route.kind, fragment.slice(0, 40)).toBe('error');
      if (route.kind === 'error') expect(route.message).toMatch(message);
    }
  });

  it("says what is wrong with a damaged v2 link's project", async () => {
    const request = { m: 'GET', t: '/', h: [], b: { mode: 'none' } };
    const cases: [Record<string, unknown>, string][] = [
      [{}, "This link's project is damaged: its files must hold at least one file."],
      [
        { f: { '../etc/passwd': 'x' } },
        `This link's project is damaged: the file name "../etc/passwd" must be a relative path.`,
      ],
      [
        { c: 'x', e: 'app:a:b' },
        `This link's project is damaged: its entry "app:a:b" must be module:callable.`,
      ],
      [
        { f: Object.fromEntries(Array.from({ length: 65 }, (_, i) => [`m${i}.py`, ''])) },
        "This link's project is damaged: its files must hold at most 64 files.",
      ],
      [{ c: 'x', f: { 'app.py': 'y' } }, "This link's project is damaged: it holds app.py twice."],
      [{ f: { 'app.py': 1 } }, 'This link is corrupted: it lacks the project or the request.'],
    ];
    for (const [project, message] of cases) {
      expect(await parseFragment(await fragmentOf(2, { ...project, ...request }))).toEqual({
        kind: 'error',
        message,
      });
    }
  });

  it('refuses a payload that expands into too much (a zip bomb)', async () => {
    const fragment = await fragmentOf(2, `{"c": "${'a'.repeat(3_000_000)}"}`);
    expect(fragment.length).toBeLessThan(20_000);
    expect(await parseFragment(fragment)).toEqual({
      kind: 'error',
      message: expect.stringMatching(/too large/),
    });
  });
});
