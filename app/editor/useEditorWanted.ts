import { useEffect, useState } from 'react';

/** How long after Python is ready the editor loads anyway when no first run comes. */
const IDLE_MS = 1000;

/**
 * Whether to load Monaco yet: once the first result is on screen (or Python failed), or a
 * moment after Python is ready when no run follows (a restored draft that is not re-run).
 * Loading it at the instant Python becomes ready would put its 3 MB parse in front of the
 * first result.
 */
export function useEditorWanted(firstResultShown: boolean, pythonReady: boolean): boolean {
  const [wanted, setWanted] = useState(false);
  useEffect(() => {
    if (wanted) return undefined;
    if (firstResultShown) {
      // Two frames: the first result has been painted before Monaco's parse begins.
      let frame = requestAnimationFrame(() => {
        frame = requestAnimationFrame(() => setWanted(true));
      });
      return () => cancelAnimationFrame(frame);
    }
    if (!pythonReady) return undefined;
    const timer = setTimeout(() => setWanted(true), IDLE_MS);
    return () => clearTimeout(timer);
  }, [wanted, pythonReady, firstResultShown]);
  return wanted;
}
