/**
 * The packages a run installs, as the page hands them to the engine: wheel files it has
 * checked against the sha256 it holds (src/packages/prepare.ts), and the modules worth
 * importing before the app's own code. The browser engine makes an interpreter image for each
 * set (packages installed and imported, once) and restores every run of that set from it.
 */
import type { WheelFile } from './installWheels.ts';

/** A wheel file the page has verified: its name, bytes and their sha256 (hex). */
export interface VerifiedWheel extends WheelFile {
  sha256: string;
}

/** A run's packages: verified wheels, and modules imported into their image. */
export interface PackageSet {
  /** Names the set (see `packageSetKey`): runs with the same key share an image. */
  key: string;
  wheels: readonly VerifiedWheel[];
  /** Modules imported into the image (each tried alone; one that fails is left out). */
  imports: readonly string[];
}

/** The key of a set of wheels: sha-256 of their sha256s, sorted, and the imports. */
export async function packageSetKey(
  wheels: readonly VerifiedWheel[],
  imports: readonly string[],
): Promise<string> {
  const parts = [...wheels.map((wheel) => wheel.sha256).sort(), '', ...imports];
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(parts.join('\n')));
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/**
 * Where the page keeps the images made for package sets (its IndexedDB: out of the reach of
 * a run's code, which lives in the sandbox's opaque origin). An image is ~40 MB.
 */
export interface ImageStore {
  get(key: string): Promise<ArrayBuffer | null>;
  put(key: string, bytes: ArrayBuffer): Promise<void>;
}
