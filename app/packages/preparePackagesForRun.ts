/**
 * The one place the page calls `preparePackages` (src/packages/prepare.ts): resolve the
 * requirements (or follow the lock), fetch what the cache lacks, and check every file against
 * its sha256 — with Pyodide's own builds (its pyodide-lock.json, served by this site) beside
 * the index's pure-Python wheels.
 */
import { preparePackages } from '../../src/packages/index.ts';
import type { PrepareRequest, PrepareWorld, Prepared } from './prepareContract.ts';

let pyodideLock: Promise<string | null> | null = null;

/** The text of the site's pyodide-lock.json, read once (null when it cannot be). */
function sitePyodideLock(fetcher: typeof fetch): Promise<string | null> {
  if (typeof document === 'undefined') return Promise.resolve(null); // (Node tests)
  pyodideLock ??= fetcher(new URL('pyodide/pyodide-lock.json', document.baseURI))
    .then((response) => (response.ok ? response.text() : null))
    .catch(() => null);
  return pyodideLock;
}

/** Prepare the wheels of `request` (see `preparePackages`). */
export async function preparePackagesForRun(
  request: Omit<PrepareRequest, 'pyodideLock'>,
  world: PrepareWorld,
): Promise<Prepared> {
  return preparePackages({ ...request, pyodideLock: await sitePyodideLock(world.fetch) }, world);
}
