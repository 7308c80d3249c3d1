/**
 * The one place the page calls `preparePackages` (src/packages/prepare.ts): resolve the
 * requirements (or follow the lock), fetch what the cache lacks, and check every file against
 * its sha256. Against PyPI, Pyodide's own builds (its pyodide-lock.json, served by this site;
 * the files from Pyodide's CDN) stand beside the index's pure-Python wheels: Flask needs
 * MarkupSafe, which PyPI has only compiled. Another index is the person's choice of where
 * files come from (a private or local one), so nothing else is fetched.
 */
import { DEFAULT_INDEX_URL } from '../../src/index.ts';
import { preparePackages } from '../../src/packages/index.ts';
import type { PrepareRequest, PrepareWorld, Prepared } from './prepareContract.ts';

let siteLock: Promise<string | null> | null = null;

/** The text of the site's pyodide-lock.json, read once (null when it cannot be). */
function sitePyodideLock(fetcher: typeof fetch): Promise<string | null> {
  if (typeof document === 'undefined') return Promise.resolve(null); // (Node tests)
  siteLock ??= fetcher(new URL('pyodide/pyodide-lock.json', document.baseURI))
    .then((response) => (response.ok ? response.text() : null))
    .catch(() => null);
  return siteLock;
}

/** Prepare the wheels of `request` (see `preparePackages`). */
export async function preparePackagesForRun(
  request: Omit<PrepareRequest, 'pyodideLock'>,
  world: PrepareWorld,
): Promise<Prepared> {
  const pyodideLock =
    request.indexUrl === DEFAULT_INDEX_URL ? await sitePyodideLock(world.fetch) : null;
  return preparePackages({ ...request, pyodideLock }, world);
}
