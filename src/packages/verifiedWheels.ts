/**
 * A wheel's bytes, never unchecked: from the files added by hand (hashed when they were
 * taken), else the cache (hashed again on every read — a cache can be tampered with; a file
 * that fails is deleted and fetched anew), else its URL, hashed before it is kept or used.
 * A few files download at a time; each is obtained once however often it is asked for.
 */
import { limitConcurrency } from './limitConcurrency.ts';
import { hashMismatch, indexError, missingHandWheels, offline } from './packageErrors.ts';
import type { PrepareWorld } from './prepareWorld.ts';
import { sha256Hex } from './wheelArchive.ts';

/** A wheel file to obtain: its name, where it is served, the sha256 it must have. */
export interface WheelRef {
  filename: string;
  sha256: string;
  /** '' for a file added by hand. */
  url: string;
}

/** How many wheels download at once. */
const PARALLEL = 4;

/** `fetch`, with a thrown error as 'offline', 404 as null and another failure as 'index-error'. */
export async function fetchOk(
  world: PrepareWorld,
  url: string,
  accept?: string,
): Promise<Response | null> {
  let response: Response;
  try {
    response = await world.fetch(url, accept ? { headers: { Accept: accept } } : {});
  } catch (error) {
    throw offline(url, error);
  }
  if (response.status === 404) return null;
  if (!response.ok) throw indexError(`the package index answered ${response.status} for ${url}`);
  return response;
}

/** The body of a file, read as a stream where there is one so progress can be told. */
async function download(world: PrepareWorld, ref: WheelRef): Promise<Uint8Array> {
  const response = await fetchOk(world, ref.url);
  if (!response) throw indexError(`${ref.filename} is listed but not found at ${ref.url}`);
  const length = Number(response.headers.get('content-length') ?? NaN);
  const total = Number.isFinite(length) ? length : null;
  const report = (loaded: number) =>
    world.onProgress?.({ stage: 'downloading', filename: ref.filename, loaded, total });
  report(0);
  try {
    if (!response.body) {
      const bytes = new Uint8Array(await response.arrayBuffer());
      report(bytes.length);
      return bytes;
    }
    const chunks: Uint8Array[] = [];
    let loaded = 0;
    for (const reader = response.body.getReader(); ;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      loaded += value.length;
      report(loaded);
    }
    const bytes = new Uint8Array(loaded);
    chunks.reduce((at, chunk) => (bytes.set(chunk, at), at + chunk.length), 0);
    return bytes;
  } catch (error) {
    throw offline(ref.url, error); // the connection broke mid-file
  }
}

/** The cached bytes when they still have their hash; a stale entry is deleted. */
async function fromCache(world: PrepareWorld, ref: WheelRef): Promise<Uint8Array | null> {
  const bytes = await world.cache.get(ref.sha256, ref.filename).catch(() => null);
  if (!bytes) return null;
  if ((await sha256Hex(bytes)) === ref.sha256) return bytes;
  await world.cache.delete(ref.sha256, ref.filename).catch(() => undefined);
  return null;
}

async function obtain(
  world: PrepareWorld,
  hand: ReadonlyMap<string, Uint8Array>,
  ref: WheelRef,
  says: string,
): Promise<Uint8Array> {
  const verified = (bytes: Uint8Array, cached: boolean) => {
    world.onProgress?.({ stage: 'verified', filename: ref.filename, fromCache: cached });
    return bytes;
  };
  const local = hand.get(ref.sha256);
  if (local) return verified(local, false);
  const cached = await fromCache(world, ref);
  if (cached) return verified(cached, true);
  if (ref.url === '') throw missingHandWheels([ref.filename]);
  const bytes = await download(world, ref);
  const actual = await sha256Hex(bytes);
  if (actual !== ref.sha256) throw hashMismatch(ref, actual, says);
  // A cache that cannot keep it (full, closed) only costs a download next time.
  await world.cache.put(ref.sha256, ref.filename, bytes).catch(() => undefined);
  return verified(bytes, false);
}

/**
 * A function giving each wheel's checked bytes; `hand`: the files added by hand, by sha256;
 * `says`: who gave the hash, for the mismatch message ('the index', 'the lock').
 */
export function verifiedWheels(
  world: PrepareWorld,
  hand: ReadonlyMap<string, Uint8Array>,
): (ref: WheelRef, says: string) => Promise<Uint8Array> {
  const limit = limitConcurrency(PARALLEL);
  const obtained = new Map<string, Promise<Uint8Array>>();
  return (ref, says) => {
    const key = `${ref.sha256}-${ref.filename}`;
    let bytes = obtained.get(key);
    if (!bytes) {
      bytes = limit(() => obtain(world, hand, ref, says));
      obtained.set(key, bytes);
    }
    return bytes;
  };
}
