/**
 * Finger-sized targets (WCAG 2.5.5, 44 × 44 CSS px): the controls on screen that are smaller.
 * A checkbox or radio counts by its label (tapping the label toggles it). Text that is also a
 * target counts as WCAG's inline exception has it, like a link in a paragraph: a range of the
 * wire bytes, and a line of the code view that selects its events (the full-width line of a
 * block of code; the timeline's rows are the targets proper).
 */
import type { Page } from '@playwright/test';

/** A control smaller than a finger: what it is and its size. */
export interface SmallTarget {
  what: string;
  width: number;
  height: number;
}

/** The controls within the viewport smaller than `min` px in either direction. */
export function smallTargets(page: Page, min = 44): Promise<SmallTarget[]> {
  // (No types inside: the function is also pasted into scratch scripts as plain JavaScript.)
  return page.evaluate((least) => {
    const controls = document.querySelectorAll(
      'button, a[href], input, select, summary, [role="tab"], [role="button"], [role="switch"]',
    );
    const small = [];
    for (const control of controls) {
      if (control.closest('.visually-hidden, [aria-hidden="true"], .wire-bytes, .touch-code__rows'))
        continue;
      const input = control instanceof HTMLInputElement ? control : null;
      const box = (
        input && (input.type === 'checkbox' || input.type === 'radio')
          ? (input.closest('label') ?? input)
          : control
      ).getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue;
      // Only what is on screen: below the fold or scrolled away is checked where it shows.
      if (box.bottom <= 0 || box.top >= innerHeight || box.right <= 0 || box.left >= innerWidth)
        continue;
      if (box.width + 0.5 < least || box.height + 0.5 < least) {
        const name =
          control.getAttribute('aria-label') ??
          (control.textContent ?? '').trim().slice(0, 30) ??
          '';
        small.push({
          what: `${control.tagName.toLowerCase()}.${control.className} "${name}"`,
          width: Math.round(box.width),
          height: Math.round(box.height),
        });
      }
    }
    return small;
  }, min);
}
