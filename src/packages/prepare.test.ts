/**
 * preparePackages against a real index on 127.0.0.1 (testIndex.testing.ts) with wheels built
 * here: a three-project chain resolved over JSON and HTML pages, the lock path that asks the
 * index nothing, a tampered cache, wrong and missing hashes, wheels added by hand, no network.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWheel } from './buildWheel.testing.ts';
import type { PackageLock } from './lock.ts';
import { memoryWheelCache } from './memoryWheelCache.ts';
import { preparePackages, type Prepared, type PrepareRequest } from './prepare.ts';
import type { PackageProgress, PrepareWorld } from './prepareWorld.ts';
import { sha256Of, startTestIndex, type TestIndex, unreachable } from './testIndex.testing.ts';

const top = buildWheel({
  name: 'top',
  version: '2.0',
  files: { 'top.py': 'import middle\n' },
  metadata: ['Requires-Dist: middle>=1'],
});
const oldTop = buildWheel({ name: 'top', version: '1.0', files: { 'top.py': '' } });
const middle = buildWheel({
  name: 'middle',
  version: '1.5',
  files: { 'middle.py': 'import leaf\n' },
  metadata: ['Requires-Dist: leaf', 'Requires-Dist: winonly; sys_platform == "win32"'],
});
const leaf = buildWheel({ name: 'leaf', version: '0.3', files: { 'leaf.py': 'X = 1\n' } });
const badhash = buildWheel({ name: 'badhash', version: '1.0', files: { 'badhash.py': '' } });
const nohash = buildWheel({ name: 'nohash', version: '1.0', files: { 'nohash.py': '' } });
const handmade = buildWheel({
  name: 'handmade',
  version: '0.1',
  files: { 'handmade.py': 'import leaf\n' },
  metadata: ['Requires-Dist: leaf'],
});

const failed = (prepared: Prepared) => {
  if (prepared.ok) throw new Error(`prepared ${prepared.wheels.map((w) => w.filename).join()}`);
  return prepared.error;
};
const succeeded = (prepared: Prepared) => {
  if (!prepared.ok) throw new Error(prepared.error.message);
  return prepared;
};

/** Progress events in a fixed order, to compare what came in parallel. */
const byName = (a: object, b: object) => JSON.stringify(a).localeCompare(JSON.stringify(b));

describe('preparePackages (an index on loopback)', () => {
  let index: TestIndex;
  const cache = memoryWheelCache();
  const events: PackageProgress[] = [];
  const world: PrepareWorld = { fetch, cache, onProgress: (event) => events.push(event) };
  const request = (more: Partial<PrepareRequest> = {}): PrepareRequest => ({
    requirements: ['top'],
    indexUrl: index.url,
    handWheels: [],
    ...more,
  });
  let lock: PackageLock;

  beforeAll(async () => {
    index = await startTestIndex([
      { name: 'top', files: [top, oldTop] },
      { name: 'middle', files: [middle], format: 'html' },
      { name: 'leaf', files: [leaf] },
      { name: 'badhash', files: [{ ...badhash, sha256: 'f'.repeat(64) }] },
      { name: 'nohash', files: [{ ...nohash, sha256: null }] },
    ]);
  });
  afterAll(() => index.stop());

  it('prepares nothing, asking nothing, for no requirements', async () => {
    const { calls, fetch } = unreachable();
    const prepared = await preparePackages(request({ requirements: [' '] }), { fetch, cache });
    expect(prepared).toEqual({
      ok: true,
      wheels: [],
      lock: { requirements: [], indexUrl: index.url, pins: [] },
    });
    expect(calls).toEqual([]);
  });

  it('resolves a dependency chain, checks each file, and locks it with URLs and hashes', async () => {
    const prepared = succeeded(await preparePackages(request({ requirements: [' top '] }), world));
    expect(prepared.wheels.map((wheel) => wheel.filename)).toEqual([
      leaf.filename,
      middle.filename,
      top.filename,
    ]);
    for (const wheel of prepared.wheels) expect(sha256Of(wheel.bytes)).toBe(wheel.sha256);
    lock = prepared.lock;
    expect(lock.requirements).toEqual(['top']);
    expect(lock.pins).toEqual(
      [leaf, middle, top].map((wheel, at) => ({
        name: ['leaf', 'middle', 'top'][at],
        version: ['0.3', '1.5', '2.0'][at],
        filename: wheel.filename,
        sha256: sha256Of(wheel.bytes),
        url: index.fileUrl(wheel.filename),
      })),
    );
    expect(index.requests).not.toContain('/simple/winonly/');
    // Only the versions tried have their METADATA fetched.
    expect(index.requests).not.toContain(`/files/${oldTop.filename}.metadata`);
    expect(events).toContainEqual({ stage: 'resolving', project: 'middle' });
    expect(events).toContainEqual({
      stage: 'downloading',
      filename: top.filename,
      loaded: top.bytes.length,
      total: top.bytes.length,
    });
    const verified = events.filter((event) => event.stage === 'verified');
    // Once per file: middle's wheel was fetched for its METADATA (an HTML page) and reused.
    expect(verified.map((event) => event.filename).sort()).toEqual(
      [leaf, middle, top].map((wheel) => wheel.filename).sort(),
    );
    expect(verified.every((event) => !event.fromCache)).toBe(true);
    expect(cache.size).toBe(3);
  });

  it('installs a lock from the cache without a single request', async () => {
    const { calls, fetch } = unreachable();
    const seen: PackageProgress[] = [];
    const prepared = succeeded(
      await preparePackages(request({ lock, requirements: ['top', ''] }), {
        fetch,
        cache,
        onProgress: (event) => seen.push(event),
      }),
    );
    expect(calls).toEqual([]);
    expect(prepared.lock).toEqual(lock);
    expect(prepared.wheels.map((wheel) => wheel.sha256)).toEqual(lock.pins.map((p) => p.sha256));
    // One 'verified' event per file, in whatever order the parallel reads finish.
    expect([...seen].sort(byName)).toEqual(
      lock.pins
        .map((pin) => ({ stage: 'verified', filename: pin.filename, fromCache: true }))
        .sort(byName),
    );
  });

  it('fetches a tampered cache entry again, and only that file', async () => {
    const pin = lock.pins[1]!;
    await cache.put(pin.sha256, pin.filename, new TextEncoder().encode('tampered'));
    const before = index.requests.length;
    const prepared = succeeded(await preparePackages(request({ lock }), world));
    expect(index.requests.slice(before)).toEqual([`/files/${pin.filename}`]);
    expect(sha256Of(prepared.wheels[1]!.bytes)).toBe(pin.sha256);
    expect(sha256Of((await cache.get(pin.sha256, pin.filename))!)).toBe(pin.sha256);
  });

  it('resolves again when the requirements or the index differ from the lock', async () => {
    const before = index.requests.length;
    const older = succeeded(
      await preparePackages(request({ lock, requirements: ['top<2'] }), world),
    );
    expect(older.lock.pins.map((pin) => pin.filename)).toEqual([oldTop.filename]);
    expect(index.requests.slice(before)).toContain('/simple/top/');
  });

  it('refuses a file whose hash is not the one the index lists, and returns nothing', async () => {
    const error = failed(await preparePackages(request({ requirements: ['badhash'] }), world));
    expect(error.kind).toBe('hash-mismatch');
    expect(error.message).toBe(
      `hash mismatch: ${badhash.filename} from ${index.fileUrl(badhash.filename)} has sha256 ${sha256Of(badhash.bytes)}, the index says ${'f'.repeat(64)}: not installed`,
    );
    expect(await cache.get('f'.repeat(64), badhash.filename)).toBeNull();
  });

  it('refuses a file of a lock whose hash is not the one the lock says', async () => {
    const pin = { ...lock.pins[0]!, sha256: '0'.repeat(64) };
    const error = failed(await preparePackages(request({ lock: { ...lock, pins: [pin] } }), world));
    expect(error.kind).toBe('hash-mismatch');
    expect(error.message).toMatch(/, the lock says 0{64}: not installed$/);
  });

  it('will not install a file the index gives no hash for', async () => {
    const error = failed(await preparePackages(request({ requirements: ['nohash'] }), world));
    expect(error).toMatchObject({ kind: 'no-hash', files: [nohash.filename] });
  });

  it('resolves a wheel added by hand, its dependency from the index, and locks it with url ""', async () => {
    const prepared = succeeded(
      await preparePackages(request({ requirements: ['handmade'], handWheels: [handmade] }), world),
    );
    expect(prepared.lock.pins.map((pin) => [pin.filename, pin.url])).toEqual([
      [leaf.filename, index.fileUrl(leaf.filename)],
      [handmade.filename, ''],
    ]);
    expect(prepared.wheels[1]?.bytes).toEqual(handmade.bytes);
    // The lock installs from the hand wheel again, without the index.
    const { calls, fetch } = unreachable();
    const again = await preparePackages(
      request({ requirements: ['handmade'], handWheels: [handmade], lock: prepared.lock }),
      { fetch, cache },
    );
    expect(succeeded(again).wheels[1]?.sha256).toBe(sha256Of(handmade.bytes));
    expect(calls).toEqual([]);
  });

  it('resolves a wheel added by hand with no dependencies without reaching the index', async () => {
    const alone = buildWheel({ name: 'alone', version: '1.0', files: { 'alone.py': 'X = 1\n' } });
    const { calls, fetch } = unreachable();
    const prepared = await preparePackages(
      request({ requirements: ['alone'], handWheels: [alone] }),
      { fetch, cache },
    );
    expect(succeeded(prepared).lock.pins.map((pin) => [pin.filename, pin.url])).toEqual([
      [alone.filename, ''],
    ]);
    expect(calls).toEqual([]);
  });

  it('names every wheel added by hand that a lock needs and that is missing', async () => {
    const other = { name: 'other', version: '1', filename: 'other-1-py3-none-any.whl' };
    const pins = [
      ...lock.pins,
      {
        name: 'handmade',
        version: '0.1',
        filename: handmade.filename,
        sha256: sha256Of(handmade.bytes),
        url: '',
      },
      { ...other, sha256: 'a'.repeat(64), url: '' },
    ];
    const error = failed(await preparePackages(request({ lock: { ...lock, pins } }), world));
    expect(error.kind).toBe('missing-hand-wheel');
    expect(error.files).toEqual([handmade.filename, other.filename]);
    expect(error.message).toBe(
      `This project needs wheel files added by hand: ${handmade.filename}, ${other.filename}. Add them with “Add wheel files…”.`,
    );
  });

  it("says 'offline' when the index cannot be reached and there is no lock", async () => {
    const { fetch } = unreachable();
    const error = failed(await preparePackages(request(), { fetch, cache }));
    expect(error).toEqual({
      kind: 'offline',
      message: `cannot reach the package index at ${index.url}top/ (offline?)`,
    });
  });

  it("keeps the resolver's kinds and messages", async () => {
    const missing = failed(await preparePackages(request({ requirements: ['nosuch'] }), world));
    expect(missing).toMatchObject({ kind: 'not-found', package: 'nosuch' });
    expect(missing.message).toContain("No package named 'nosuch'");
    const none = failed(await preparePackages(request({ requirements: ['leaf>1'] }), world));
    expect(none.kind).toBe('no-version');
    const bad = failed(await preparePackages(request({ requirements: ['top=='] }), world));
    expect(bad.kind).toBe('bad-requirement');
  });

  it('says a file added by hand that is not a wheel is not one', async () => {
    const handWheels = [{ filename: 'junk-1.0-py3-none-any.whl', bytes: new Uint8Array([1, 2]) }];
    const error = failed(await preparePackages(request({ handWheels }), world));
    expect(error).toMatchObject({ kind: 'bad-wheel', files: ['junk-1.0-py3-none-any.whl'] });
  });
});
