/**
 * A one-way channel from the result views to the editor: "show this line and put the cursor
 * there". Selection already highlights the selected event's line; this is the explicit jump
 * (Enter in the timeline, a traceback frame in the details), which also moves the focus.
 */
type RevealListener = (line: number) => void;

const listeners = new Set<RevealListener>();

/** Ask the editor to reveal `line`, put the cursor on it and take the focus. */
export function revealInEditor(line: number): void {
  for (const listener of listeners) listener(line);
}

/** Called by the editor: handle reveal requests; returns the unsubscribe function. */
export function onRevealInEditor(listener: RevealListener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
