/**
 * A one-way channel to the result tabs: "turn Step through on" — offered where pausing a live
 * run is unavailable (a page that is not cross-origin isolated), as time travel instead.
 */
const listeners = new Set<() => void>();

/** Ask the result tabs to turn step mode on. */
export function requestStepThrough(): void {
  for (const listener of listeners) listener();
}

/** Called by the result tabs: hear the requests; returns the unsubscribe function. */
export function onStepThroughRequest(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
