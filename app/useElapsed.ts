import { useEffect, useState } from 'react';

/**
 * Milliseconds since the page started loading, ticking while `active` — four times a second,
 * which reads as live without re-rendering often while Python boots on the same cores.
 */
export function useElapsed(active: boolean, stepMs = 250): number {
  const [elapsed, setElapsed] = useState(() => performance.now());
  useEffect(() => {
    if (!active) return;
    const timer = window.setInterval(() => setElapsed(performance.now()), stepMs);
    return () => window.clearInterval(timer);
  }, [active, stepMs]);
  return elapsed;
}
