/**
 * Which key steps where while stepping through a run: ← → one step, Home End the first and
 * last — unless the focus is somewhere those keys already mean something (typing, a select,
 * the editor, tabs, the timeline's own list) or a dialog is open over the page.
 */
import type { StepMove } from '../../src/index.ts';

/** The stepping keys and their moves. */
export const STEP_KEYS: Readonly<Record<string, StepMove>> = {
  ArrowLeft: 'previous',
  ArrowRight: 'next',
  Home: 'first',
  End: 'last',
};

/** Where every one of these keys belongs to the focused control (text, choices, tabs). */
const OWNS_ALL_KEYS = [
  'input',
  'textarea',
  'select',
  '[contenteditable]:not([contenteditable="false"])',
  '.monaco-editor',
  '[role="dialog"]',
  '[role="textbox"]',
  '[role="combobox"]',
  '[role="spinbutton"]',
  '[role="slider"]',
  '[role="tablist"]',
  '[role="radiogroup"]',
  '[role="listbox"]',
  '[role="menu"]',
  '[role="menubar"]',
  '[role="tree"]',
  '[role="grid"]',
].join(', ');

/** Tables that move their own selection with Home and End (the timeline's list); ← → step. */
const OWNS_HOME_END = '[role="table"], [role="treegrid"]';

/** The parts of a keydown this needs (a DOM `KeyboardEvent` has them all). */
export interface StepKeyEvent {
  key: string;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  defaultPrevented: boolean;
  target: { closest?: (selector: string) => unknown } | null;
}

/** The step a keydown asks for, or null when the key is not for stepping here. */
export function stepMoveOfKey(event: StepKeyEvent): StepMove | null {
  const move = STEP_KEYS[event.key];
  if (move === undefined || event.defaultPrevented) return null;
  // Alt+← is the browser's Back; Shift+→ extends a selection; Ctrl/⌘ are the system's.
  if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return null;
  const closest = (selector: string): boolean =>
    typeof event.target?.closest === 'function' && event.target.closest(selector) != null;
  if (closest(OWNS_ALL_KEYS)) return null;
  if ((move === 'first' || move === 'last') && closest(OWNS_HOME_END)) return null;
  return move;
}
