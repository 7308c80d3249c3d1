import { useMediaQuery } from './useMediaQuery.ts';

/**
 * A screen that is only touched: no mouse to hover, a finger to point (a phone, a tablet). A
 * laptop with a touch screen still has a fine pointer, so it keeps its keyboard hints.
 */
export const TOUCH_ONLY_QUERY = '(hover: none) and (pointer: coarse)';

/** True on a touch-only screen: no keyboard hints, 44 px targets, the plain code view. */
export function useTouchOnly(): boolean {
  return useMediaQuery(TOUCH_ONLY_QUERY);
}
