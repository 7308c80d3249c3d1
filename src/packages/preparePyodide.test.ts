/**
 * Pyodide's own distribution as candidates: a small handmade pyodide-lock.json (the real one
 * is read too, to check its shape is understood), its files served from loopback in place
 * of the CDN, resolved together with a real index on 127.0.0.1.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWheel } from './buildWheel.testing.ts';
import { PYODIDE_VERSION } from './environment.ts';
import { memoryWheelCache } from './memoryWheelCache.ts';
import { preparePackages, type Prepared } from './prepare.ts';
import { pyodideCdnUrl, pyodideLockCandidates } from './pyodideLock.ts';
import { sha256Of, startTestIndex, type TestIndex } from './testIndex.testing.ts';
import { fitsPyodide, isPurePython, parseWheelName } from './wheelName.ts';

const TAG = 'cp314-cp314-pyemscripten_2026_0_wasm32';
const speedy = buildWheel({
  name: 'speedy',
  version: '1.0',
  files: { 'speedy.py': '' },
  metadata: [],
  tag: TAG,
});
const leaf = buildWheel({ name: 'leaf', version: '0.3', files: { 'leaf.py': '' } });
const newSpeedy = buildWheel({ name: 'speedy', version: '2.0', files: { 'speedy.py': '' } });
const wantsNew = buildWheel({
  name: 'wantsnew',
  version: '1.0',
  files: { 'wantsnew.py': '' },
  metadata: ['Requires-Dist: speedy>=2'],
});

/** A pyodide-lock.json in the shape of node_modules/pyodide's, with a few kinds of entry. */
const entry = (name: string, file_name: string, more: object = {}) => ({
  name,
  version: '1.0',
  file_name,
  sha256: 'e'.repeat(64),
  depends: [],
  imports: [name],
  install_dir: 'site',
  package_type: 'package',
  ...more,
});
const LOCK = JSON.stringify({
  info: { abi_version: '2026_0', arch: 'wasm32', python: '3.14.2', version: '9.9.9' },
  packages: {
    speedy: entry('speedy', speedy.filename, { sha256: sha256Of(speedy.bytes), depends: ['leaf'] }),
    puremod: entry('puremod', 'puremod-1.0-py3-none-any.whl'),
    'speedy-tests': entry('speedy-tests', 'speedy-tests.zip'),
    libfoo: entry('libfoo', 'libfoo-1.0.zip', { package_type: 'shared_library' }),
  },
});

const ok = (prepared: Prepared) => {
  if (!prepared.ok) throw new Error(prepared.error.message);
  return prepared;
};

describe('pyodideLockCandidates', () => {
  it('offers the compiled wheels, with METADATA written from the entry and the CDN URL', () => {
    const candidates = pyodideLockCandidates(LOCK);
    expect(candidates).toEqual([
      {
        filename: speedy.filename,
        sha256: sha256Of(speedy.bytes),
        metadata: 'Metadata-Version: 2.1\nName: speedy\nVersion: 1.0\nRequires-Dist: leaf\n',
        url: `https://cdn.jsdelivr.net/pyodide/v9.9.9/full/${speedy.filename}`,
      },
    ]);
    expect(pyodideLockCandidates('{')).toBeInstanceOf(Error);
  });

  it("reads node_modules/pyodide's own lock: compiled wheels Pyodide installs, this version's URL", () => {
    const lock = readFileSync('node_modules/pyodide/pyodide-lock.json', 'utf8');
    const candidates = pyodideLockCandidates(lock);
    if (candidates instanceof Error) throw candidates;
    expect(candidates.length).toBeGreaterThan(100);
    for (const { filename } of candidates) {
      const wheel = parseWheelName(filename);
      expect(wheel && fitsPyodide(wheel) && !isPurePython(wheel), filename).toBe(true);
    }
    const markupsafe = candidates.find((c) => c.filename.startsWith('markupsafe-'));
    expect(markupsafe?.url).toBe(pyodideCdnUrl(PYODIDE_VERSION, markupsafe?.filename ?? ''));
    const pyodide = JSON.parse(readFileSync('node_modules/pyodide/package.json', 'utf8'));
    expect(PYODIDE_VERSION).toBe((pyodide as { version: string }).version);
  });
});

describe('preparePackages with pyodideLock', () => {
  let index: TestIndex;
  const cdnRequests: string[] = [];
  /** The network: Pyodide's CDN answered from loopback, everything else as is. */
  const world = () => ({
    cache: memoryWheelCache(),
    fetch: (async (input: string | URL | Request, init?: RequestInit) => {
      const url = String(input);
      if (!url.startsWith('https://cdn.jsdelivr.net/')) return fetch(url, init);
      cdnRequests.push(url);
      return fetch(index.fileUrl(url.split('/').pop() ?? ''), init);
    }) as typeof fetch,
  });
  beforeAll(async () => {
    index = await startTestIndex(
      [
        { name: 'leaf', files: [leaf] },
        { name: 'speedy', files: [newSpeedy] },
        { name: 'wantsnew', files: [wantsNew] },
      ],
      [speedy],
    );
  });
  afterAll(() => index.stop());

  it("installs a compiled wheel from Pyodide's distribution, its dependency from the index", async () => {
    const prepared = ok(
      await preparePackages(
        { requirements: ['speedy<2'], indexUrl: index.url, handWheels: [], pyodideLock: LOCK },
        world(),
      ),
    );
    const cdn = `https://cdn.jsdelivr.net/pyodide/v9.9.9/full/${speedy.filename}`;
    expect(prepared.lock.pins.map((pin) => [pin.filename, pin.url])).toEqual([
      [leaf.filename, index.fileUrl(leaf.filename)],
      [speedy.filename, cdn],
    ]);
    expect(cdnRequests).toEqual([cdn]);
    expect(prepared.wheels[1]?.sha256).toBe(sha256Of(speedy.bytes));
  });

  it("reads a dependency's page when Pyodide's build of it is too old", async () => {
    const prepared = ok(
      await preparePackages(
        { requirements: ['wantsnew'], indexUrl: index.url, handWheels: [], pyodideLock: LOCK },
        world(),
      ),
    );
    expect(prepared.lock.pins.map((pin) => pin.filename)).toEqual([
      newSpeedy.filename,
      wantsNew.filename,
    ]);
  });

  it("refuses a CDN file whose hash is not the one Pyodide's lock gives", async () => {
    const lock = LOCK.replace(sha256Of(speedy.bytes), 'd'.repeat(64));
    const prepared = await preparePackages(
      { requirements: ['speedy<2'], indexUrl: index.url, handWheels: [], pyodideLock: lock },
      world(),
    );
    expect(prepared.ok).toBe(false);
    expect(!prepared.ok && prepared.error.message).toMatch(
      /^hash mismatch: speedy-1\.0-.* Pyodide's pyodide-lock\.json says d{64}: not installed$/,
    );
  });
});
