/**
 * What the page calls before a run with packages: from the requirements the person typed
 * (and wheels added by hand) to wheel files checked against a sha256 the page holds, and the
 * lock that says which. Given a lock for the same requirements and index, it installs exactly
 * that lock's files without asking the index anything — so a reload works offline and a link
 * reproduces its versions. Otherwise it resolves (indexResolver.ts) and writes a new lock.
 * Every failure it foresees (the network, the index, a hash, the resolution) is a PackageError
 * value, not a throw.
 */
import type { Candidate } from './candidates.ts';
import { handCandidates, type HandWheel } from './handWheels.ts';
import { resolveWithIndex } from './indexResolver.ts';
import type { LockedPin, PackageLock } from './lock.ts';
import {
  indexError,
  missingHandWheels,
  noHash,
  PackageFailure,
  type PackageError,
} from './packageErrors.ts';
import type { PrepareWorld } from './prepareWorld.ts';
import { pyodideLockCandidates } from './pyodideLock.ts';
import type { Pin } from './installOrder.ts';
import { verifiedWheels, type WheelRef } from './verifiedWheels.ts';
import { normalizeName, parseWheelName } from './wheelName.ts';

/** What to prepare. */
export interface PrepareRequest {
  /** As the person typed them: 'flask', 'bottle==0.13.2'. */
  requirements: readonly string[];
  /** A PEP 691/503 simple index, e.g. https://pypi.org/simple/. */
  indexUrl: string;
  /** .whl files added by hand: candidates beside the index's (as pip's --find-links). */
  handWheels: readonly HandWheel[];
  /** A previous resolution (from a link or the last visit). */
  lock?: PackageLock | null;
  /** The text of Pyodide's pyodide-lock.json: its compiled wheels become candidates. */
  pyodideLock?: string | null;
}

/** A checked wheel file. */
export interface PreparedWheel {
  filename: string;
  bytes: Uint8Array;
  sha256: string;
}

/** The wheels to install (dependencies first) and their lock, or why there are none. */
export type Prepared =
  { ok: true; wheels: PreparedWheel[]; lock: PackageLock } | { ok: false; error: PackageError };

type Fetcher = ReturnType<typeof verifiedWheels>;

const typed = (requirements: readonly string[]) =>
  requirements.map((text) => text.trim()).filter((text) => text !== '');

const sameIndex = (a: string, b: string) => a.replace(/\/+$/, '') === b.replace(/\/+$/, '');

/** Whether the lock was made for these requirements (same order, same text) and index. */
function lockFits(lock: PackageLock, requirements: readonly string[], indexUrl: string): boolean {
  const locked = typed(lock.requirements);
  return (
    sameIndex(lock.indexUrl, indexUrl) &&
    locked.length === requirements.length &&
    locked.every((text, at) => text === requirements[at])
  );
}

/** Each pin's checked bytes; every missing hand wheel is named in one error. */
async function fetchPins(
  pins: readonly LockedPin[],
  wheelBytes: Fetcher,
  says: (pin: LockedPin) => string,
): Promise<PreparedWheel[]> {
  const results = await Promise.allSettled(pins.map((pin) => wheelBytes(pin, says(pin))));
  const failures = results.flatMap((result) => (result.status === 'rejected' ? [result] : []));
  const missing = failures.flatMap(({ reason }) =>
    reason instanceof PackageFailure && reason.error.kind === 'missing-hand-wheel'
      ? (reason.error.files ?? [])
      : [],
  );
  if (missing.length) throw missingHandWheels(missing);
  if (failures[0]) throw failures[0].reason;
  return pins.map(({ filename, sha256 }, at) => {
    const result = results[at] as PromiseFulfilledResult<Uint8Array>;
    return { filename, sha256, bytes: result.value };
  });
}

/** Where each resolved pin's file is: by hand (url ''), Pyodide's CDN, or the index. */
function lockedPin(
  pin: Pin,
  hand: ReadonlyMap<string, Uint8Array>,
  located: ReadonlyMap<string, WheelRef>,
): LockedPin {
  const { name, version, filename, sha256 } = pin;
  if (!sha256) throw noHash(filename);
  const ref = hand.has(sha256) ? { url: '' } : located.get(`${sha256}-${filename}`);
  if (!ref) throw indexError(`${filename} was resolved but cannot be found`);
  return { name, version, filename, sha256, url: ref.url };
}

/** Resolve over the hand wheels, Pyodide's builds and the index; then fetch and check. */
async function resolveAndFetch(
  request: PrepareRequest,
  requirements: string[],
  world: PrepareWorld,
): Promise<Prepared> {
  const hand = await handCandidates(request.handWheels);
  if (hand instanceof PackageFailure) throw hand;
  const pyodide = request.pyodideLock ? pyodideLockCandidates(request.pyodideLock) : [];
  if (pyodide instanceof Error) throw indexError(pyodide.message);
  const wheelBytes = verifiedWheels(world, hand.bytes);
  const local: Candidate[] = [...hand.candidates, ...pyodide];
  const session = { indexUrl: request.indexUrl, world, wheelBytes };
  const provided = new Set(
    hand.candidates.flatMap((candidate) => {
      const name = parseWheelName(candidate.filename)?.name;
      return name ? [normalizeName(name)] : [];
    }),
  );
  const { resolution, files } = await resolveWithIndex(requirements, local, session, provided);
  if (!resolution.ok) return { ok: false, error: resolution.error };
  const located = new Map<string, WheelRef>(
    pyodide.map((candidate) => [`${candidate.sha256}-${candidate.filename}`, candidate]),
  );
  for (const file of files.values()) {
    if (file.sha256)
      located.set(`${file.sha256}-${file.filename}`, { ...file, sha256: file.sha256 });
  }
  const pins = resolution.pins.map((pin) => lockedPin(pin, hand.bytes, located));
  const cdn = new Set(pyodide.map((candidate) => candidate.url));
  const says = (pin: LockedPin) => (cdn.has(pin.url) ? "Pyodide's pyodide-lock.json" : 'the index');
  const wheels = await fetchPins(pins, wheelBytes, says);
  return { ok: true, wheels, lock: { requirements, indexUrl: request.indexUrl, pins } };
}

/** Install exactly the lock's pins: from the cache, the hand wheels, or each pin's URL. */
async function fromLock(
  request: PrepareRequest,
  lock: PackageLock,
  world: PrepareWorld,
): Promise<Prepared> {
  const hand = await handCandidates(request.handWheels);
  if (hand instanceof PackageFailure) throw hand;
  const wheels = await fetchPins(lock.pins, verifiedWheels(world, hand.bytes), () => 'the lock');
  return { ok: true, wheels, lock: { ...lock, requirements: typed(lock.requirements) } };
}

/**
 * The checked wheels for a run and their lock. With `request.lock` made for the same
 * requirements and index, no index page is fetched: only the lock's files, where the cache
 * and the hand wheels do not already have them.
 */
export async function preparePackages(
  request: PrepareRequest,
  world: PrepareWorld,
): Promise<Prepared> {
  const requirements = typed(request.requirements);
  const { indexUrl, lock } = request;
  if (!requirements.length && !request.handWheels.length) {
    return { ok: true, wheels: [], lock: { requirements: [], indexUrl, pins: [] } };
  }
  try {
    if (lock && lockFits(lock, requirements, indexUrl)) return await fromLock(request, lock, world);
    return await resolveAndFetch(request, requirements, world);
  } catch (error) {
    if (error instanceof PackageFailure) return { ok: false, error: error.error };
    throw error;
  }
}
