/**
 * Deliberate faults for the end-to-end tests: `window.__wsgiPlayground.failPaneForTest(name)`
 * arms one, and the named pane throws while rendering until its boundary has caught it. This
 * is how the tests prove that one broken pane leaves the rest of the page working; nothing
 * else arms a fault.
 */
import { useSyncExternalStore } from 'react';

/** The panes behind an error boundary, as their failure messages (and the tests) name them. */
export const PANE_NAMES = [
  'Page',
  'Request line',
  'Editor',
  'Request builder',
  'Results',
  'Timeline',
  'Environ',
  'Response',
  'Wire',
  'Findings',
  'Share panel',
  'Examples gallery',
  'Packages panel',
] as const;

/** A pane behind an error boundary. */
export type PaneName = (typeof PANE_NAMES)[number];

const armed = new Set<PaneName>();
const listeners = new Set<() => void>();

function notify(): void {
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Make `name` throw on its next render (it re-renders now if it is on screen). */
export function armPaneFault(name: PaneName): void {
  armed.add(name);
  notify();
}

/** The boundary of `name` caught its fault: the pane renders normally again. */
export function clearPaneFault(name: PaneName): void {
  if (armed.delete(name)) notify();
}

/**
 * Throw while rendering if a fault is armed for `name`. The fault stays armed until the
 * boundary catches it (`clearPaneFault`), so React's own retry of a failed render fails too.
 */
export function usePaneFault(name: PaneName): void {
  const failing = useSyncExternalStore(subscribe, () => armed.has(name));
  if (failing) throw new Error(`${name} was made to fail by failPaneForTest('${name}')`);
}
