/**
 * The page's package store, in its IndexedDB (see storeTables.ts): verified wheels by sha256
 * (the cache preparing reads and fills), the wheels the person added by hand (kept apart, so
 * that nothing the cache drops loses them), the last lock of each set of requirements (so a
 * reload installs offline), and the interpreter image the engine makes for each package set.
 */
import type { ImageStore, PackageLock } from '../../src/index.ts';
import type { WheelCache } from './prepareContract.ts';
import { indexedDbTables, resilientTables, type Tables } from './storeTables.ts';

/** The database's name. */
export const PACKAGE_DATABASE = 'wsgi-playground-packages';

/** A wheel file as the store keeps it. */
interface StoredWheel {
  filename: string;
  bytes: Uint8Array;
}

const isWheel = (value: unknown): value is StoredWheel =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as StoredWheel).filename === 'string' &&
  (value as StoredWheel).bytes instanceof Uint8Array;

/** How many package sets' images the page keeps. */
export const MAX_IMAGES = 3;
/** The entry of the images table that lists them, oldest first (no image has this key). */
const IMAGE_ORDER = 'order of the images';

/** The page's packages, kept between visits. */
export interface PackageStore {
  /** Wheels fetched from an index, by sha256. */
  cache: WheelCache;
  /** Wheels added by hand, by sha256. */
  handWheels: {
    get(sha256: string): Promise<StoredWheel | null>;
    put(sha256: string, wheel: StoredWheel): Promise<void>;
  };
  /** The newest lock of each set of packages (by `packagesKey`). */
  locks: {
    get(key: string): Promise<PackageLock | null>;
    put(key: string, lock: PackageLock): Promise<void>;
  };
  /** The interpreter images of package sets (by `PackageSet.key`). */
  images: ImageStore;
}

/** The store over `tables`. */
export function packageStoreOf(tables: Tables): PackageStore {
  return {
    cache: {
      async get(sha256, filename) {
        const wheel = await tables.get('wheels', sha256);
        return isWheel(wheel) && wheel.filename === filename ? wheel.bytes : null;
      },
      put: (sha256, filename, bytes) => tables.put('wheels', sha256, { filename, bytes }),
      delete: (sha256) => tables.delete('wheels', sha256),
    },
    handWheels: {
      async get(sha256) {
        const wheel = await tables.get('handWheels', sha256);
        return isWheel(wheel) ? wheel : null;
      },
      put: (sha256, wheel) => tables.put('handWheels', sha256, wheel),
    },
    locks: {
      async get(key) {
        // Only the page writes here; a lock is hashes each file is checked against anyway.
        const lock = (await tables.get('locks', key)) as PackageLock | undefined;
        return lock && Array.isArray(lock.pins) ? lock : null;
      },
      put: (key, lock) => tables.put('locks', key, lock),
    },
    images: {
      async get(key) {
        const image = await tables.get('images', key);
        return image instanceof ArrayBuffer ? image : null;
      },
      // An image is ~40 MB: the newest few are kept, the others dropped.
      async put(key, bytes) {
        await tables.put('images', key, bytes);
        const kept = await tables.get('images', IMAGE_ORDER);
        const order = Array.isArray(kept) ? kept.filter((k) => typeof k === 'string') : [];
        const newest = [...order.filter((k) => k !== key), key];
        for (const old of newest.slice(0, -MAX_IMAGES)) await tables.delete('images', old);
        await tables.put('images', IMAGE_ORDER, newest.slice(-MAX_IMAGES));
      },
    },
  };
}

/**
 * Open the page's package store; `onFallback` hears, once, that IndexedDB failed and what is
 * kept stays for this visit only.
 */
export function openPackageStore(
  factory: IDBFactory | undefined,
  onFallback: (message: string) => void,
): PackageStore {
  let primary: Tables | null = null;
  try {
    if (factory) primary = indexedDbTables(factory, PACKAGE_DATABASE);
  } catch {
    primary = null;
  }
  return packageStoreOf(
    resilientTables(primary, () =>
      onFallback(
        'This browser does not let the page keep packages (private browsing, or its storage is full): they are kept for this visit only, and downloaded again next time.',
      ),
    ),
  );
}
