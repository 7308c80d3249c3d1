/**
 * `--with SPEC [--find-links DIR] [--index-url URL | --no-index]`: the wheels a run installs.
 * Every `.whl` file of the folders is a candidate (its METADATA read from the zip, its sha256
 * taken); unless `--no-index`, so is each wheel the index lists for the projects the resolution
 * needs — the page's own preparePackages, with Node's fetch and the `--cache-dir` folder. The
 * requirements are resolved for Pyodide's environment, with their dependencies and markers.
 */
import { join } from 'node:path';
import {
  handCandidates,
  PackageFailure,
  preparePackages,
  PYODIDE_ENVIRONMENT,
  resolve,
  type HandWheel,
  type Pin,
} from '../packages/index.ts';
import type { WheelFile } from '../runtime/installWheels.ts';
import type { PackageOptions, ReadFile } from './args.ts';
import { folderWheelCache } from './folderWheelCache.ts';
import type { FolderEntry } from './projectFolder.ts';

/** One wheel installed, as the CLI reports it. */
export type InstalledPin = Pick<Pin, 'name' | 'version' | 'filename' | 'sha256'>;

/** What the resolution installs: the wheel files, and the pins (name, version, file, hash). */
export interface InstallPlan {
  wheels: WheelFile[];
  pins: InstalledPin[];
}

/** The `.whl` files of the folders, the first of each name kept. */
function folderWheels(
  folders: readonly string[],
  io: { readFile: ReadFile; readDir: (path: string) => FolderEntry[] },
): HandWheel[] | { error: string } {
  const wheels = new Map<string, HandWheel>();
  for (const folder of folders) {
    let entries: FolderEntry[];
    try {
      entries = io.readDir(folder);
    } catch (error) {
      return { error: `--find-links ${folder}: ${(error as Error).message}` };
    }
    for (const entry of entries) {
      if (entry.kind !== 'file' || !entry.name.endsWith('.whl') || wheels.has(entry.name)) continue;
      wheels.set(entry.name, {
        filename: entry.name,
        bytes: io.readFile(join(folder, entry.name)),
      });
    }
  }
  return [...wheels.values()];
}

/** `--no-index`: the folders' wheels alone. */
async function withoutIndex(
  requirements: readonly string[],
  wheels: readonly HandWheel[],
): Promise<InstallPlan | { error: string }> {
  const hand = await handCandidates(wheels);
  if (hand instanceof PackageFailure) return { error: hand.message };
  const resolution = resolve(requirements, hand.candidates, PYODIDE_ENVIRONMENT);
  if (!resolution.ok) return { error: resolution.error.message };
  const files = resolution.pins.map((pin) => ({
    filename: pin.filename,
    bytes: hand.bytes.get(pin.sha256 ?? '') ?? new Uint8Array(),
  }));
  return { wheels: files, pins: resolution.pins };
}

/** The folders' wheels, resolved for `options.requirements`; an error message otherwise. */
export async function packagesFor(
  options: PackageOptions,
  io: { readFile: ReadFile; readDir: (path: string) => FolderEntry[] },
): Promise<InstallPlan | { error: string }> {
  if (!options.requirements.length) return { wheels: [], pins: [] };
  const handWheels = folderWheels(options.findLinks, io);
  if (!Array.isArray(handWheels)) return handWheels;
  if (options.noIndex) return withoutIndex(options.requirements, handWheels);
  const { requirements, indexUrl } = options;
  const prepared = await preparePackages(
    { requirements, indexUrl, handWheels },
    { fetch: globalThis.fetch, cache: folderWheelCache(options.cacheDir) },
  );
  if (!prepared.ok) return { error: prepared.error.message };
  return { wheels: prepared.wheels, pins: prepared.lock.pins };
}
