import { useEffect, useState } from 'react';

/** Milliseconds since the page started loading, ticking while `active`. */
export function useElapsed(active: boolean, stepMs = 100): number {
  const [elapsed, setElapsed] = useState(() => performance.now());
  useEffect(() => {
    if (!active) return;
    const timer = window.setInterval(() => setElapsed(performance.now()), stepMs);
    return () => window.clearInterval(timer);
  }, [active, stepMs]);
  return elapsed;
}
