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
  const [idle, setIdle] = useState(false);
  useEffect(() => {
    if (!pythonReady || firstResultShown) return undefined;
    const timer = setTimeout(() => setIdle(true), IDLE_MS);
    return () => clearTimeout(timer);
  }, [pythonReady, firstResultShown]);
  return firstResultShown || idle;
}
