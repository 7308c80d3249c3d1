/**
 * The panels the shell paints without: the request builder and the result tabs load right
 * after the first paint, while Python boots (it takes ~2 s; they take a few milliseconds).
 */
import { lazy, useEffect, useState } from 'react';
import { loadRules } from './findings/rulesLoader.ts';

const importRequestBuilder = () => import('./request/RequestBuilder.tsx');
const importResultsTabs = () => import('./results/ResultsTabs.tsx');

/** The request builder (tabs Params … Preview), loaded on demand. */
export const RequestBuilder = lazy(() =>
  importRequestBuilder().then((module) => ({ default: module.RequestBuilder })),
);

/** The result tabs (Timeline … Findings), loaded on demand. */
export const ResultsTabs = lazy(() =>
  importResultsTabs().then((module) => ({ default: module.ResultsTabs })),
);

/** The bar of a held run (with the step-through card), loaded when a run is first held. */
export const HeldRunBar = lazy(() =>
  import('./livePause/HeldRunBar.tsx').then((module) => ({ default: module.HeldRunBar })),
);

/** The performance mark set once the shell has painted (read by `npm run bench`). */
export const SHELL_PAINTED = 'wsgi-playground:shell-painted';

/**
 * False until the shell has painted, then true: the page mounts the lazy panels only then, so
 * that their code never delays the first paint. Also starts loading the rules.
 */
export function useShellPainted(): boolean {
  const [painted, setPainted] = useState(false);
  useEffect(() => {
    let frame = requestAnimationFrame(() => {
      // The second frame's callback runs once the first frame has been painted.
      frame = requestAnimationFrame(() => {
        performance.mark(SHELL_PAINTED);
        void loadRules();
        setPainted(true);
      });
    });
    return () => cancelAnimationFrame(frame);
  }, []);
  return painted;
}
