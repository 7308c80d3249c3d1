/**
 * Keeps the plain code view's scroll in step with the timeline: the selected event's line is
 * brought into view (if it is not), and a reveal request centres its line and takes the focus.
 * A request made while the view is hidden (another pane on a phone) waits until it is shown.
 */
import { useEffect, useLayoutEffect, useRef, type RefObject } from 'react';
import type { LineRequest } from './useLineRequests.ts';
import { centreRow } from './scrollToRow.ts';

/** What to scroll to: the selected line (a new object per selection), and a reveal request. */
export interface ScrollWanted {
  selection: { line: number | null };
  request: LineRequest | null;
}

/** The line element of line `line` in `rows` (one child per line, its line element first). */
function lineElement(rows: HTMLElement, line: number): HTMLElement | null {
  const row = rows.children[line - 1];
  const element = row?.firstElementChild;
  return element instanceof HTMLElement ? element : null;
}

/** Scroll to what `wanted` asks for that `done` has not been scrolled to yet. */
function scrollPending(rows: HTMLElement, wanted: ScrollWanted, done: ScrollWanted): void {
  const { selection, request } = wanted;
  if (selection !== done.selection) {
    const element = selection.line === null ? null : lineElement(rows, selection.line);
    if (!element || centreRow(element, true, true)) done.selection = selection;
  }
  if (request && request !== done.request) {
    const element = lineElement(rows, request.line);
    if (!element) {
      done.request = request; // past the end of the text: nothing to show
    } else if (centreRow(element, !request.focus)) {
      done.request = request;
      if (request.focus) {
        // The start of the line, whatever was scrolled to sideways; then the focus, which
        // also brings the line into the page's view (the code may be below the fold).
        const box = rows.parentElement;
        if (box) box.scrollLeft = 0;
        element.focus();
      }
    }
  }
}

/**
 * Scroll `rows` to the selected line and to reveal requests; `shown`: the rows are on the page
 * (not while the view edits).
 */
export function useLineScroll(
  rows: RefObject<HTMLElement | null>,
  { selection, request }: ScrollWanted,
  shown: boolean,
): void {
  const done = useRef<ScrollWanted>({ selection: { line: null }, request: null });
  const latest = useRef({ selection, request });
  useLayoutEffect(() => {
    latest.current = { selection, request };
  });

  useEffect(() => {
    if (shown && rows.current) scrollPending(rows.current, { selection, request }, done.current);
  }, [rows, selection, request, shown]);

  // Laid out again (a hidden pane shown, the end of editing): what was asked meanwhile.
  useEffect(() => {
    const element = rows.current;
    if (!element || !shown) return;
    const observer = new ResizeObserver(() => scrollPending(element, latest.current, done.current));
    observer.observe(element);
    return () => observer.disconnect();
  }, [rows, shown]);
}
