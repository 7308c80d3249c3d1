/** The keys that move the selection in the timeline's list. */
export const NAVIGATION_KEYS = new Set([
  'ArrowDown',
  'ArrowUp',
  'Home',
  'End',
  'PageDown',
  'PageUp',
]);

/**
 * Where a navigation key moves the selection in a list of `count` rows, from `position`
 * (-1 when nothing shown is selected); `page` is how many rows fit in view. Returns -1 for an
 * empty list.
 *
 * @example
 * nextPosition('PageDown', 3, 100, 20) // 23
 */
export function nextPosition(key: string, position: number, count: number, page: number): number {
  if (count === 0) return -1;
  const last = count - 1;
  const clamp = (value: number) => Math.min(Math.max(value, 0), last);
  const step = Math.max(page - 1, 1);
  switch (key) {
    case 'ArrowDown':
      return position < 0 ? 0 : clamp(position + 1);
    case 'ArrowUp':
      return position < 0 ? last : clamp(position - 1);
    case 'Home':
      return 0;
    case 'End':
      return last;
    case 'PageDown':
      return clamp(position < 0 ? step : position + step);
    case 'PageUp':
      return clamp(position < 0 ? 0 : position - step);
    default:
      return position;
  }
}
