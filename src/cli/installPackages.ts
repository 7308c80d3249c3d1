/**
 * `--with SPEC --find-links DIR`: the wheels a run installs. Every `.whl` file of the folders
 * is a candidate (its METADATA read from the zip, its sha256 taken); the requirements are
 * resolved over them for Pyodide's environment, with their dependencies and markers.
 */
import { join } from 'node:path';
import { PYODIDE_ENVIRONMENT, resolve, type Candidate, type Pin } from '../packages/index.ts';
import { sha256Hex, wheelMetadata } from '../packages/wheelArchive.ts';
import type { WheelFile } from '../runtime/installWheels.ts';
import type { PackageOptions, ReadFile } from './args.ts';
import type { FolderEntry } from './projectFolder.ts';

/** What the resolution installs: the wheel files, and the pins (name, version, file, hash). */
export interface InstallPlan {
  wheels: WheelFile[];
  pins: Pin[];
}

/** The folders' wheels, resolved for `options.requirements`; an error message otherwise. */
export async function packagesFor(
  options: PackageOptions,
  io: { readFile: ReadFile; readDir: (path: string) => FolderEntry[] },
): Promise<InstallPlan | { error: string }> {
  if (!options.requirements.length) return { wheels: [], pins: [] };
  const files = new Map<string, Uint8Array>();
  const candidates: Candidate[] = [];
  for (const folder of options.findLinks) {
    let entries: FolderEntry[];
    try {
      entries = io.readDir(folder);
    } catch (error) {
      return { error: `--find-links ${folder}: ${(error as Error).message}` };
    }
    for (const entry of entries) {
      if (entry.kind !== 'file' || !entry.name.endsWith('.whl') || files.has(entry.name)) continue;
      const bytes = io.readFile(join(folder, entry.name));
      const metadata = wheelMetadata(entry.name, bytes);
      if (metadata instanceof Error) return { error: metadata.message };
      files.set(entry.name, bytes);
      candidates.push({ filename: entry.name, metadata, sha256: await sha256Hex(bytes) });
    }
  }
  const resolution = resolve(options.requirements, candidates, PYODIDE_ENVIRONMENT);
  if (!resolution.ok) return { error: resolution.error.message };
  const wheels = resolution.pins.map((pin) => ({
    filename: pin.filename,
    bytes: files.get(pin.filename) ?? new Uint8Array(),
  }));
  return { wheels, pins: resolution.pins };
}
