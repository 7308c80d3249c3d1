import {
  changedSettings,
  encodeShareFragment,
  linkFor,
  type PackageLock,
} from '../../src/index.ts';
import { DEFAULT_RUN_SETTINGS } from '../state/playgroundStore.ts';
import type { Workbench } from './startup.ts';

/**
 * The share link of `bench` on the page at `pageUrl`, with the pins of `lock` when it is what
 * the project's requirements resolved to.
 */
export async function shareLink(
  bench: Workbench,
  pageUrl: string,
  { embed = false, lock = null }: { embed?: boolean; lock?: PackageLock | null } = {},
): Promise<string> {
  const fragment = await encodeShareFragment({
    project: bench.project,
    request: bench.request,
    settings: changedSettings(bench.settings, DEFAULT_RUN_SETTINGS),
    ...(lock ? { lock } : {}),
  });
  return linkFor(pageUrl, fragment, { embed });
}
