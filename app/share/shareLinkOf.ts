import { changedSettings, encodeShareFragment, linkFor } from '../../src/index.ts';
import { DEFAULT_RUN_SETTINGS } from '../state/playgroundStore.ts';
import type { Workbench } from './startup.ts';

/** The share link of `bench` on the page at `pageUrl`. */
export async function shareLink(
  bench: Workbench,
  pageUrl: string,
  { embed = false } = {},
): Promise<string> {
  const fragment = await encodeShareFragment({
    project: bench.project,
    request: bench.request,
    settings: changedSettings(bench.settings, DEFAULT_RUN_SETTINGS),
  });
  return linkFor(pageUrl, fragment, { embed });
}
