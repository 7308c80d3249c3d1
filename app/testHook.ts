import type { Finding, RequestDraft, Trace } from '../src/index.ts';
import { loadedFindingsOf, loadRules } from './findings/rulesLoader.ts';
import { latestTrace, type PlaygroundStore } from './playgroundStore.ts';

/** The deliberate test hook `window.__wsgiPlayground` (see DESIGN.md, "UI contract"). */
export interface PlaygroundHook {
  setCode(code: string): void;
  getCode(): string;
  setRequest(request: Partial<RequestDraft>): void;
  getRequest(): RequestDraft;
  /** Run as the Run button does; resolves with the Trace. */
  run(): Promise<Trace>;
  /** The Trace of the newest finished run, or null. */
  readonly lastTrace: Trace | null;
  /** The findings of the run the results show (as the Findings tab lists them). */
  readonly findings: readonly Finding[];
}

declare global {
  interface Window {
    __wsgiPlayground?: PlaygroundHook;
  }
}

/** Expose the store to end-to-end tests as `window.__wsgiPlayground`. */
export function installTestHook(target: Window, store: PlaygroundStore): void {
  target.__wsgiPlayground = {
    setCode: (code) => store.setCode(code),
    getCode: () => store.getState().code,
    setRequest: (request) => store.setRequest(request),
    getRequest: () => structuredClone(store.getState().request),
    run: async () => {
      const trace = await store.run();
      await loadRules(); // so that `findings` has them
      return trace;
    },
    get lastTrace() {
      return latestTrace(store.getState());
    },
    get findings() {
      return loadedFindingsOf(store.getState().shownTrace);
    },
  };
}
