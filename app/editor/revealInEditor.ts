/**
 * A one-way channel from the result views to the editor: "show this line of this file and put
 * the cursor there". Selection already highlights the selected event's line; this is the
 * explicit jump (Enter in the timeline, a traceback frame in the details), which also opens
 * the file and moves the focus.
 */
type RevealListener = (line: number, file: string | undefined) => void;

const listeners = new Set<RevealListener>();

/** Ask the editor to reveal `line` of `file` (absent: the entry file) and take the focus. */
export function revealInEditor(line: number, file?: string): void {
  for (const listener of listeners) listener(line, file);
}

/** Called by the editor: handle reveal requests; returns the unsubscribe function. */
export function onRevealInEditor(listener: RevealListener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
