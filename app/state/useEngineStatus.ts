import { useSyncExternalStore } from 'react';
import type { BrowserEngine, EngineStatus } from '../../src/index.ts';

/** The engine's status, re-rendering on each change. */
export function useEngineStatus(engine: BrowserEngine): EngineStatus {
  return useSyncExternalStore(
    (listener) => engine.subscribe(listener),
    () => engine.status,
  );
}
