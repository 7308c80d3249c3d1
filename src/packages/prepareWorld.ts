/**
 * What preparing packages is handed rather than reaching for: `fetch`, a cache of wheel
 * files, and a progress callback. The browser passes its own fetch and an IndexedDB cache,
 * the CLI Node's fetch and a folder, the tests a loopback index and memory — so the same
 * code runs in all three, and no file under src/packages imports anything of Node's.
 */

/**
 * Wheel files kept by their sha256. Whoever reads it cannot trust it (in the browser a run's
 * code may have reached it): every file read from it is hashed again before use.
 */
export interface WheelCache {
  /** The bytes kept for the file, or null when there are none. */
  get(sha256: string, filename: string): Promise<Uint8Array | null>;
  /** Keep the bytes (already checked against `sha256`). */
  put(sha256: string, filename: string, bytes: Uint8Array): Promise<void>;
  /** Forget the file (its bytes no longer had their hash). */
  delete(sha256: string, filename: string): Promise<void>;
}

/** How preparing packages goes, as it goes. */
export type PackageProgress =
  /** A project page is being fetched from the index. */
  | { stage: 'resolving'; project: string }
  /** A wheel's bytes are arriving (`total` from Content-Length, when the server sends it). */
  | { stage: 'downloading'; filename: string; loaded: number; total: number | null }
  /** A wheel's bytes had the sha256 they must have (once per file). */
  | { stage: 'verified'; filename: string; fromCache: boolean };

/** The world preparation reaches through. */
export interface PrepareWorld {
  fetch: typeof fetch;
  cache: WheelCache;
  onProgress?: (progress: PackageProgress) => void;
}
