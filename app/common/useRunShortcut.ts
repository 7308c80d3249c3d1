import { useEffect, useLayoutEffect, useRef } from 'react';

/**
 * Run on Ctrl+Enter (Cmd+Enter on a Mac) anywhere on the page. The editor handles the
 * same keys itself and marks the event handled, so it is skipped here.
 */
export function useRunShortcut(onRun: () => void): void {
  const latest = useRef(onRun);
  useLayoutEffect(() => {
    latest.current = onRun;
  });
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      if (event.defaultPrevented || event.key !== 'Enter') return;
      if (!(event.ctrlKey || event.metaKey)) return;
      event.preventDefault();
      latest.current();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}

/** How the run shortcut is written on this platform: `⌘ Enter` on a Mac, else `Ctrl Enter`. */
export function runShortcutLabel(platform: string = navigator.platform): string {
  return /mac|iphone|ipad/i.test(platform) ? '⌘ Enter' : 'Ctrl Enter';
}
