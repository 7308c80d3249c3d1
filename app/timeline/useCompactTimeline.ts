import { useLayoutEffect, useRef, useState, type RefObject } from 'react';

/** Below this width (of the timeline itself, in pixels) its rows take two lines. */
export const COMPACT_BELOW = 560;

/**
 * Whether the timeline is narrow enough for its compact layout, by its own width rather than
 * the window's: the same phone-sized column can be a phone, an embed iframe or a split pane.
 * Put `ref` on the timeline's root.
 */
export function useCompactTimeline<T extends HTMLElement>(): {
  ref: RefObject<T | null>;
  compact: boolean;
} {
  const ref = useRef<T>(null);
  const [compact, setCompact] = useState(false);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    // A hidden tab measures 0: keep the layout it had, so that showing it again is not a flash.
    const follow = (width: number): void => {
      if (width > 0) setCompact(width < COMPACT_BELOW);
    };
    // Measured before the first paint, so that a phone never sees the wide rows first.
    follow(element.getBoundingClientRect().width);
    const observer = new ResizeObserver(([entry]) => {
      if (entry) follow(entry.contentRect.width);
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return { ref, compact };
}
