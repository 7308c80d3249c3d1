/**
 * `--with SPEC [--find-links DIR] [--index-url URL | --no-index]`: the wheels a run installs.
 * Every `.whl` file of the folders is a candidate (its METADATA read from the zip, its sha256
 * taken); unless `--no-index`, so is each wheel the index lists for the projects the resolution
 * needs (see packageIndex.ts). The requirements are resolved for Pyodide's environment, with
 * their dependencies and markers.
 */
import { join } from 'node:path';
import { PYODIDE_ENVIRONMENT, resolve, type Candidate, type Pin } from '../packages/index.ts';
import { sha256Hex, wheelMetadata } from '../packages/wheelArchive.ts';
import type { WheelFile } from '../runtime/installWheels.ts';
import type { PackageOptions, ReadFile } from './args.ts';
import { resolveWithIndex, wheelBytes } from './packageIndex.ts';
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
  if (options.noIndex) {
    const resolution = resolve(options.requirements, candidates, PYODIDE_ENVIRONMENT);
    if (!resolution.ok) return { error: resolution.error.message };
    const wheels = resolution.pins.map((pin) => ({
      filename: pin.filename,
      bytes: files.get(pin.filename) ?? new Uint8Array(),
    }));
    return { wheels, pins: resolution.pins };
  }
  try {
    const source = { indexUrl: options.indexUrl, cacheDir: options.cacheDir };
    const { resolution, files: listed } = await resolveWithIndex(
      options.requirements,
      candidates,
      source,
    );
    if (!resolution.ok) return { error: resolution.error.message };
    const wheels = [];
    for (const pin of resolution.pins) {
      const local = files.get(pin.filename);
      const remote = listed.get(pin.filename);
      const bytes = local ?? (remote ? await wheelBytes(remote, options.cacheDir) : null);
      if (!bytes) return { error: `${pin.filename} was resolved but cannot be found` };
      wheels.push({ filename: pin.filename, bytes });
    }
    return { wheels, pins: resolution.pins };
  } catch (error) {
    return { error: (error as Error).message };
  }
}
