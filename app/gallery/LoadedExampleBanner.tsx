import { lazy, Suspense } from 'react';
import type { Example } from '../../src/index.ts';
import type { PlaygroundStore } from '../state/playgroundStore.ts';
import { dismissExample, loadExample, undoLoad } from './loadExample.ts';
import { useLoadedExample } from './useLoadedExample.ts';

// Only a page that opened an example shows it (it names the example's rules: loaded with them).
const ExampleBanner = lazy(() =>
  import('./ExampleBanner.tsx').then((module) => ({ default: module.ExampleBanner })),
);

/** The "About this example" banner of the example on screen, if there is one. */
export function LoadedExampleBanner({
  store,
  onCompare,
}: {
  store: PlaygroundStore;
  /** Open a bug and its fix compared (see ExampleBanner). */
  onCompare?: ((bug: Example, fix: Example) => void) | undefined;
}) {
  const loaded = useLoadedExample(store);
  if (!loaded) return null;
  return (
    <Suspense fallback={null}>
      <ExampleBanner
        loaded={loaded}
        onDismiss={() => dismissExample(store)}
        // Failures show in the run summary.
        onUndo={() => void undoLoad(store)?.catch(() => {})}
        onNext={(example) => void loadExample(store, example).catch(() => {})}
        onCompare={onCompare}
      />
    </Suspense>
  );
}
