import { useEffect, useLayoutEffect, useRef } from 'react';

/** What F10 and F8 do: a step of a held run (or a new one), and Continue. */
export interface HoldKeys {
  step: () => void;
  continueRun: () => boolean;
}

/**
 * The debugger's keys anywhere on the page, as browsers' own debuggers have them: F10 steps
 * (and starts a held run), F8 continues a held run. Caught before the editor, whose F8 would
 * go to the next problem.
 */
export function useHoldKeys(enabled: boolean, keys: HoldKeys): void {
  const latest = useRef(keys);
  useLayoutEffect(() => {
    latest.current = keys;
  });
  useEffect(() => {
    if (!enabled) return;
    const onKeyDown = (event: KeyboardEvent): void => {
      if (event.ctrlKey || event.metaKey || event.altKey || event.shiftKey) return;
      if (event.key === 'F10') latest.current.step();
      else if (event.key !== 'F8' || !latest.current.continueRun()) return;
      event.preventDefault();
      event.stopPropagation();
    };
    window.addEventListener('keydown', onKeyDown, true);
    return () => window.removeEventListener('keydown', onKeyDown, true);
  }, [enabled]);
}
