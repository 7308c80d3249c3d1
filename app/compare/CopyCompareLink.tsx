import { useState } from 'react';
import { changedSettings, encodeCompareFragment, linkFor } from '../../src/index.ts';
import { copyText } from '../share/clipboard.ts';
import type { Workbench } from '../share/startup.ts';
import { DEFAULT_RUN_SETTINGS } from '../state/playgroundStore.ts';

const sharedRunOf = (bench: Workbench) => ({
  project: bench.project,
  request: bench.request,
  settings: changedSettings(bench.settings, DEFAULT_RUN_SETTINGS),
});

/** The link of a compared pair: it opens this comparison, both runs run again. */
export async function compareLink(a: Workbench, b: Workbench, pageUrl: string): Promise<string> {
  return linkFor(pageUrl, await encodeCompareFragment({ a: sharedRunOf(a), b: sharedRunOf(b) }));
}

/** "Copy compare link", and what became of the copy. */
export function CopyCompareLink({ a, b }: { a: Workbench; b: Workbench }) {
  const [said, setSaid] = useState<string | null>(null);
  const copy = async (): Promise<void> => {
    const link = await compareLink(a, b, location.href);
    setSaid((await copyText(link)) ? 'Link copied' : link);
  };
  return (
    <span className="compare-copy">
      <button type="button" className="tool-button" onClick={() => void copy()}>
        Copy compare link
      </button>
      {said !== null && (
        <output className="compare-copy__said" aria-live="polite">
          {said === 'Link copied' ? (
            said
          ) : (
            <input
              readOnly
              value={said}
              aria-label="Compare link"
              onFocus={(e) => e.target.select()}
            />
          )}
        </output>
      )}
    </span>
  );
}
