/**
 * The one place the page calls `preparePackages` (src/packages/prepare.ts): resolve the
 * requirements (or follow the lock), fetch what the cache lacks, and check every file against
 * its sha256. Until that module is merged, preparing says it is not there yet.
 */
import type { PrepareRequest, PrepareWorld, Prepared } from './prepareContract.ts';

/** Prepare the wheels of `request` (see `preparePackages`). */
export async function preparePackagesForRun(
  request: PrepareRequest,
  world: PrepareWorld,
): Promise<Prepared> {
  void world;
  const first = request.requirements[0] ?? request.handWheels[0]?.filename ?? '';
  return {
    ok: false,
    error: {
      kind: 'index-error',
      message: `Packages cannot be installed by this build yet (${first}).`,
    },
  };
}
