/**
 * Runs with packages through the browser engine, over the real worker host and Pyodide in
 * Node: the set's image is made once (packages installed and imported, no app run in it), kept
 * in the page's store, and every run restores from it — pristine, whatever an earlier run did
 * to the package.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createBrowserEngine } from './browserEngine.ts';
import { makeNodeImage, readNodeImage, type NodeImage } from './nodeImage.ts';
import { nodeSandbox, plainLink, tinyWheel } from './nodeSandbox.testing.ts';
import { packageSetKey, type ImageStore, type PackageSet } from './packageSet.ts';
import { packageNames } from './packageImages.ts';
import type { WorkerLink } from './workerLink.ts';

const REQUEST = { method: 'GET', target: '/', headers: [] as [string, string][], bodyBase64: '' };

/** The app says whether tinyfw was imported before it, and what tinyfw.STATE is; then spoils it. */
const APP = `import sys
already = 'tinyfw' in sys.modules
import tinyfw, pathlib
def application(environ, start_response):
    start_response('200 OK', [('Content-Type', 'text/plain')])
    source = pathlib.Path(tinyfw.__file__).read_text().splitlines()[0]
    body = f'{already} {tinyfw.STATE} {source}'
    tinyfw.STATE = 'spoiled'
    return [body.encode()]
`;

let image: NodeImage;
let packages: PackageSet;
beforeAll(async () => {
  image = (await readNodeImage()) ?? (await makeNodeImage());
  const wheel = tinyWheel('tinyfw', '1.0', {
    'tinyfw/__init__.py': "# tinyfw's source\nSTATE = 'pristine'\n",
  });
  const wheels = [{ ...wheel, sha256: 'a'.repeat(64) }];
  packages = { key: await packageSetKey(wheels, ['tinyfw']), wheels, imports: ['tinyfw'] };
});

/** A worker that says it failed as soon as it starts. */
function failingWorker(): WorkerLink {
  const { port1, port2 } = new MessageChannel();
  port2.postMessage({ type: 'failed', id: null, message: 'out of memory' });
  return plainLink(port1);
}

const wheel = (filename: string) => ({ filename, bytes: new Uint8Array(), sha256: '' });

function memoryStore(): ImageStore & { kept: Map<string, ArrayBuffer> } {
  const kept = new Map<string, ArrayBuffer>();
  return {
    kept,
    get: async (key) => kept.get(key) ?? null,
    put: async (key, bytes) => void kept.set(key, bytes),
  };
}

const body = (trace: { response: { bodyBase64: string } }): string =>
  atob(trace.response.bodyBase64);

describe('runs with packages', () => {
  it('makes the image once, restores every run from it pristine, and keeps it in the store', async () => {
    const sandbox = nodeSandbox(image);
    const store = memoryStore();
    const engine = createBrowserEngine({ ...sandbox, imageStore: store });
    const progress: string[] = [];
    const first = await engine.run(
      { code: APP, request: REQUEST, packages },
      { onProgress: (message) => progress.push(message), timeoutMs: 0 },
    );
    expect(first.outcome).toBe('complete');
    // Imported before the app (from the image), with its files there to read.
    expect(body(first)).toBe("True pristine # tinyfw's source");
    expect(progress).toEqual(['Preparing Python with tinyfw (once for these packages)…']);
    expect(sandbox.counts.made).toBe(1);
    expect(store.kept.get(packages.key)?.byteLength).toBeGreaterThan(1_000_000);

    const second = await engine.run({ code: APP, request: REQUEST, packages }, { timeoutMs: 0 });
    expect(body(second)).toBe("True pristine # tinyfw's source"); // not 'spoiled'
    expect(sandbox.counts.made).toBe(1);

    // A run without packages goes back to the server's own image: no tinyfw.
    const plain = await engine.run({ code: APP, request: REQUEST }, { timeoutMs: 0 });
    expect(plain.outcome).toBe('load-error');
    engine.dispose();

    // The next visit: the image comes from the store, none is made.
    const later = nodeSandbox(image);
    const again = createBrowserEngine({ ...later, imageStore: store });
    const third = await again.run({ code: APP, request: REQUEST, packages }, { timeoutMs: 0 });
    expect(body(third)).toBe("True pristine # tinyfw's source");
    expect(later.counts.made).toBe(0);
    again.dispose();
  }, 120_000);

  it('still runs when no image can be made: the set is imported on each boot', async () => {
    const sandbox = nodeSandbox(image);
    const engine = createBrowserEngine({
      ...sandbox,
      // Every worker asked to make an image fails at once.
      launch: (spec) => (spec && 'makeImage' in spec ? failingWorker() : sandbox.launch(spec)),
      imageStore: {
        get: async () => null,
        put: async () => {
          throw new Error('quota');
        },
      },
    });
    const trace = await engine.run({ code: APP, request: REQUEST, packages }, { timeoutMs: 0 });
    expect(body(trace)).toMatch(/^True pristine/);
    engine.dispose();
  }, 120_000);

  it('refuses packages when the engine has no sandbox registry', async () => {
    const { launch } = nodeSandbox(image);
    const engine = createBrowserEngine({ launch });
    await expect(engine.run({ code: APP, request: REQUEST, packages })).rejects.toThrow(
      /cannot install packages/,
    );
    engine.dispose();
  }, 60_000);

  it('names a set by its packages', () => {
    expect(packageNames({ wheels: [wheel('Flask-3.1.1-py3-none-any.whl')] })).toBe('Flask');
    const many = ['a', 'b', 'c', 'd', 'e'].map((name) => wheel(`${name}-1-py3-none-any.whl`));
    expect(packageNames({ wheels: many })).toBe('a, b and 3 more');
  });
});
