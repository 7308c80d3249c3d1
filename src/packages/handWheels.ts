/**
 * Wheel files added by hand (the page's “Add wheel files…”, the CLI's `--find-links`
 * folders) as candidates: each one's METADATA read from the zip and its sha256 taken here,
 * from the bytes themselves, so the hash a lock records for it is one nobody else supplied.
 */
import type { Candidate } from './candidates.ts';
import { badWheel, type PackageFailure } from './packageErrors.ts';
import { sha256Hex, wheelMetadata } from './wheelArchive.ts';
import { parseWheelName } from './wheelName.ts';

/** A file as it was added: its name and bytes. */
export interface HandWheel {
  filename: string;
  bytes: Uint8Array;
}

/** The hand wheels read: as candidates, and their bytes by sha256. */
export interface HandCandidates {
  candidates: (Candidate & { sha256: string })[];
  bytes: Map<string, Uint8Array>;
}

/** The files as candidates, or the failure of the first that is not a wheel. */
export async function handCandidates(
  wheels: readonly HandWheel[],
): Promise<HandCandidates | PackageFailure> {
  const read: HandCandidates = { candidates: [], bytes: new Map() };
  for (const { filename, bytes } of wheels) {
    if (!parseWheelName(filename)) {
      return badWheel(filename, `${filename} is not a wheel file name (name-version-tags.whl)`);
    }
    const metadata = wheelMetadata(filename, bytes);
    if (metadata instanceof Error) return badWheel(filename, metadata.message);
    const sha256 = await sha256Hex(bytes);
    read.candidates.push({ filename, metadata, sha256 });
    read.bytes.set(sha256, bytes);
  }
  return read;
}
