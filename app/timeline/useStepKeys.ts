import { useEffect, useLayoutEffect, useRef } from 'react';
import type { StepMove } from '../../src/index.ts';
import { stepMoveOfKey } from './stepKeys.ts';

/**
 * While `enabled`, ← → Home End anywhere on the page move the step cursor (see stepKeys.ts for
 * where they are left alone). The listener is on the window, so controls that handle these
 * keys themselves, and mark them handled, have had them first.
 */
export function useStepKeys(enabled: boolean, onMove: (move: StepMove) => void): void {
  const latest = useRef(onMove);
  useLayoutEffect(() => {
    latest.current = onMove;
  });
  useEffect(() => {
    if (!enabled) return;
    const onKeyDown = (event: KeyboardEvent): void => {
      const move = stepMoveOfKey({
        key: event.key,
        altKey: event.altKey,
        ctrlKey: event.ctrlKey,
        metaKey: event.metaKey,
        shiftKey: event.shiftKey,
        defaultPrevented: event.defaultPrevented,
        target: event.target instanceof Element ? event.target : null,
      });
      if (move === null) return;
      // Home/End and the arrows would also scroll the page.
      event.preventDefault();
      latest.current(move);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [enabled]);
}
