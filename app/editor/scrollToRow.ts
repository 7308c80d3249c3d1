/**
 * Scrolling the plain code view to a line. Only the nearest scrolling box is moved, never the
 * page: a tap in the timeline must not yank the page away from the timeline (an explicit
 * reveal also moves the focus, and the browser brings the focused line into the page's view).
 */

/** The nearest ancestor of `element` that scrolls vertically, short of the page itself. */
function scrollerOf(element: HTMLElement): HTMLElement | null {
  const page = document.scrollingElement;
  for (let node = element.parentElement; node; node = node.parentElement) {
    if (node === page || node === document.body) return null;
    const { overflowY } = getComputedStyle(node);
    const scrolls = overflowY === 'auto' || overflowY === 'scroll';
    if (scrolls && node.scrollHeight > node.clientHeight) return node;
  }
  return null;
}

/** How a scroll moves: at once, or smoothly unless the person asked for less motion. */
function behaviour(smooth: boolean): ScrollBehavior {
  return smooth && !window.matchMedia('(prefers-reduced-motion: reduce)').matches
    ? 'smooth'
    : 'instant';
}

/**
 * Centre `row` in the box that scrolls it; with `onlyIfOutside`, only when it is not wholly in
 * view. False when the row is not laid out (its pane is hidden): try again once it is shown.
 */
export function centreRow(row: HTMLElement, onlyIfOutside: boolean, smooth = false): boolean {
  if (row.getClientRects().length === 0) return false;
  const scroller = scrollerOf(row);
  if (!scroller) return true;
  const box = scroller.getBoundingClientRect();
  const top = box.top + scroller.clientTop;
  const rect = row.getBoundingClientRect();
  if (onlyIfOutside && rect.top >= top && rect.bottom <= top + scroller.clientHeight) return true;
  scroller.scrollTo({
    top: scroller.scrollTop + rect.top - top - (scroller.clientHeight - rect.height) / 2,
    behavior: behaviour(smooth),
  });
  return true;
}

/** The first line of `rows` (one child per line) whose bottom is below the top of the view. */
export function firstVisibleLine(rows: HTMLElement): number {
  const scroller = scrollerOf(rows);
  const top = Math.max(scroller?.getBoundingClientRect().top ?? 0, 0);
  const children = [...rows.children];
  const index = children.findIndex((row) => row.getBoundingClientRect().bottom > top);
  return index < 0 ? 1 : index + 1;
}
