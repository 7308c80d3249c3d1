/**
 * A project's packages made ready for a run: the hand-added wheels read from the page's store
 * (and checked against the sha256 the project names), the rest prepared (resolved, fetched,
 * verified), then the set the engine installs — its wheels, the modules to import into its
 * image, and its key. Loaded only when a project has packages.
 */
import {
  packageSetKey,
  packagesKey,
  projectPackages,
  type PackageLock,
  type PackageSet,
  type Project,
} from '../../src/index.ts';
import { importsOf, requirementName } from './moduleImports.ts';
import type { PackageStore } from './packageStore.ts';
import type { PackageError, PackageProgress } from './prepareContract.ts';
import { preparePackagesForRun } from './preparePackagesForRun.ts';
import { sha256Hex } from './sha256.ts';

/** What preparing needs from the page. */
export interface PrepareSetWorld {
  store: PackageStore;
  fetch: typeof fetch;
  /** A lock to install from (a link's, or the one kept for these packages), if any. */
  lock: PackageLock | null;
  onProgress: (progress: PackageProgress) => void;
}

/** A set ready to run, with the lock it makes; or why there is none. */
export type PreparedSet =
  { ok: true; set: PackageSet; lock: PackageLock } | { ok: false; error: PackageError };

/** The hand-added wheels of `project` whose bytes the store has (and match), and the others. */
async function handWheelsOf(project: Project, store: PackageStore) {
  const found: { filename: string; bytes: Uint8Array }[] = [];
  const missing: string[] = [];
  for (const wheel of projectPackages(project).handWheels) {
    const kept = await store.handWheels.get(wheel.sha256);
    if (kept && (await sha256Hex(kept.bytes)) === wheel.sha256)
      found.push({ filename: wheel.filename, bytes: kept.bytes });
    else missing.push(wheel.filename);
  }
  return { found, missing };
}

/** The distribution a wheel's file name names (`my_lib-0.1-py3-none-any.whl` → `my_lib`). */
const distributionOf = (filename: string): string => filename.split('-')[0] ?? filename;

/** PEP 503's normalized form of a distribution's name. */
const distributionKey = (name: string): string => name.toLowerCase().replace(/[-_.]+/g, '-');

/** Make `project`'s packages ready to run. */
export async function preparePackageSet(
  project: Project,
  world: PrepareSetWorld,
): Promise<PreparedSet> {
  const { requirements, indexUrl } = projectPackages(project);
  const hand = await handWheelsOf(project, world.store);
  if (hand.missing.length > 0) {
    const names = hand.missing.join(', ');
    return {
      ok: false,
      error: {
        kind: 'missing-hand-wheel',
        message: `This browser does not have the wheel files this project adds by hand: ${names}.`,
        files: hand.missing,
      },
    };
  }
  // A wheel added by hand is installed whether or not a requirement names it (the resolver
  // takes it as pip takes --find-links: only when asked for).
  const named = new Set(requirements.map((line) => distributionKey(requirementName(line) ?? '')));
  const unnamed = hand.found
    .map((wheel) => distributionOf(wheel.filename))
    .filter((name) => !named.has(distributionKey(name)));
  const prepared = await preparePackagesForRun(
    {
      requirements: [...requirements, ...unnamed],
      indexUrl,
      handWheels: hand.found,
      lock: world.lock,
    },
    { fetch: world.fetch, cache: world.store.cache, onProgress: world.onProgress },
  );
  if (!prepared.ok) return prepared;
  const imports = importsOf(
    requirements,
    hand.found.map((wheel) => distributionOf(wheel.filename)),
  );
  const key = await packageSetKey(prepared.wheels, imports);
  await world.store.locks.put(packagesKey(project), prepared.lock);
  return { ok: true, set: { key, wheels: prepared.wheels, imports }, lock: prepared.lock };
}
