import type { PlaygroundStore } from '../playgroundStore.ts';
import { ExampleBanner } from './ExampleBanner.tsx';
import { dismissExample, loadExample, undoLoad } from './loadExample.ts';
import { useLoadedExample } from './useLoadedExample.ts';

/** The "About this example" banner of the example on screen, if there is one. */
export function LoadedExampleBanner({ store }: { store: PlaygroundStore }) {
  const loaded = useLoadedExample(store);
  if (!loaded) return null;
  return (
    <ExampleBanner
      loaded={loaded}
      onDismiss={() => dismissExample(store)}
      // Failures show in the run summary.
      onUndo={() => void undoLoad(store)?.catch(() => {})}
      onNext={(example) => void loadExample(store, example).catch(() => {})}
    />
  );
}
