/**
 * The person's choice of the full editor (Monaco) on a touch-only screen, where the plain code
 * view is the default. Kept in sessionStorage rather than component state: the choice then
 * outlives a remount of the pane ("Reload this pane", a layout that swaps panes) and a reload
 * of the tab, yet not the session, so the next visit starts with the view that works by touch.
 * localStorage would make one tap permanent on a screen Monaco does not support.
 */
import type { KeyValueStorage } from '../../src/index.ts';

/** The sessionStorage key of the choice. */
export const FULL_EDITOR_KEY = 'wsgi-playground:full-editor';

/** Where the choice is kept when the browser refuses storage (a sandboxed frame, a full quota). */
const inMemory = new Map<string, string>();

/** The tab's sessionStorage, or null where the browser refuses it (a sandboxed frame). */
export function sessionStore(): KeyValueStorage | null {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}

/** Whether the full editor was chosen in this session. */
export function fullEditorChosen(storage: KeyValueStorage | null): boolean {
  if (inMemory.has(FULL_EDITOR_KEY)) return true;
  try {
    return storage?.getItem(FULL_EDITOR_KEY) === '1';
  } catch {
    return false;
  }
}

/** Remember for this session that the full editor was chosen. */
export function rememberFullEditor(storage: KeyValueStorage | null): void {
  try {
    if (storage) {
      storage.setItem(FULL_EDITOR_KEY, '1');
      return;
    }
  } catch {
    // Refused (a full quota): the page's memory keeps it until the tab reloads.
  }
  inMemory.set(FULL_EDITOR_KEY, '1');
}
