import type { Virtualizer } from '@tanstack/react-virtual';
import { useLayoutEffect, type RefObject } from 'react';

/**
 * Compact rows are as tall as their content: the virtualiser measures each as it mounts and
 * whenever it resizes (`measureElement`, the boundary included). On turning compact, the wide
 * sizes are forgotten and the rows already in the DOM read at once, since a row is reported
 * again only when its size changes.
 */
export function useMeasuredRows(
  virtualizer: Virtualizer<HTMLDivElement, Element>,
  rows: RefObject<HTMLElement | null>,
  compact: boolean,
): void {
  useLayoutEffect(() => {
    if (!compact) return;
    virtualizer.measure();
    // Read here rather than through `measureElement`, which skips rows while the list scrolls.
    for (const row of rows.current?.children ?? []) {
      if (row instanceof HTMLElement && row.dataset.index !== undefined)
        virtualizer.resizeItem(Number(row.dataset.index), row.offsetHeight);
    }
  }, [virtualizer, rows, compact]);
}
