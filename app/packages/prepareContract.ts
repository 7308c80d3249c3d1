/**
 * The shape of `preparePackages` (src/packages/prepare.ts), as the page calls it. Until that
 * module is merged these are the agreed types; then this file re-exports its own.
 */
import type { PackageLock } from '../../src/index.ts';

/** Where verified wheels are kept, by sha256 (the page's IndexedDB). */
export interface WheelCache {
  get(sha256: string, filename: string): Promise<Uint8Array | null>;
  put(sha256: string, filename: string, bytes: Uint8Array): Promise<void>;
  delete(sha256: string, filename: string): Promise<void>;
}

/** What to prepare: the requirements, the index, the wheels added by hand, and a lock. */
export interface PrepareRequest {
  requirements: readonly string[];
  indexUrl: string;
  handWheels: readonly { filename: string; bytes: Uint8Array }[];
  lock?: PackageLock | null;
  pyodideLock?: string | null;
}

/** What preparing is doing now. */
export type PackageProgress =
  | { stage: 'resolving'; project: string }
  | { stage: 'downloading'; filename: string; loaded: number; total: number | null }
  | { stage: 'verified'; filename: string; fromCache: boolean };

/** What preparing needs from its surroundings. */
export interface PrepareWorld {
  fetch: typeof fetch;
  cache: WheelCache;
  onProgress?: (progress: PackageProgress) => void;
}

/** The ways preparing can fail. */
export type PackageErrorKind =
  | 'offline'
  | 'index-error'
  | 'not-found'
  | 'no-version'
  | 'no-pure-wheel'
  | 'requires-python'
  | 'conflict'
  | 'bad-requirement'
  | 'too-many-steps'
  | 'hash-mismatch'
  | 'missing-hand-wheel'
  | 'no-hash';

/** Why preparing failed, for a person. */
export interface PackageError {
  kind: PackageErrorKind;
  message: string;
  package?: string;
  files?: string[];
}

/** Verified wheels and the lock they make, or why there are none. */
export type Prepared =
  | {
      ok: true;
      wheels: { filename: string; bytes: Uint8Array; sha256: string }[];
      lock: PackageLock;
    }
  | { ok: false; error: PackageError };
