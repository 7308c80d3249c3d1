/** What the page says about holding a live run. */

/** Why a run cannot be held on this page, and what to do instead. */
export const NOT_ISOLATED =
  'Pausing a live run needs a cross-origin isolated page: the Python worker waits on memory ' +
  'it shares with the page, which browsers allow only there. This page is served without ' +
  'those headers (Cross-Origin-Opener-Policy and Cross-Origin-Embedder-Policy). Step through ' +
  'a finished run instead: it moves over the same events, after the fact.';

/** The Step button's title. */
export const STEP_TITLE = 'Run the app held at its first event; then one event at a time (F10)';
