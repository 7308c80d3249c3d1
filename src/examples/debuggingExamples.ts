/** The gallery's chapter for the debugger: apps seen under a misbehaving client. */
import type { ExampleSpec } from './example.ts';

/** Each debugging example, with the client fault it runs under and the findings it produces. */
export const DEBUGGING_EXAMPLES: ExampleSpec[] = [
  {
    id: 'debug-disconnect-leak',
    title: 'A client gone mid-stream leaks the lock',
    group: 'debugging',
    settings: { disconnectAfter: 80 },
    explanation:
      'The client goes away after 80 bytes (Settings → Client goes away). The server’s next write fails, it calls the generator’s close(), and GeneratorExit ends the loop at its yield — so the release after the loop never runs: the timeline has "lock taken" and no "lock released". Clear the setting and run again to see the release come back.',
    expectedFindings: ['client-disconnected'],
  },
  {
    id: 'debug-disconnect-finally',
    title: 'The fix: release in finally',
    group: 'debugging',
    compareWith: 'debug-disconnect-leak',
    settings: { disconnectAfter: 80 },
    explanation:
      'The same app with the release in a finally block, and the same client gone after 80 bytes. close() raises GeneratorExit at the paused yield, the finally runs, and "lock released" follows the close event.',
    expectedFindings: ['client-disconnected'],
  },
  {
    id: 'debug-buffering-middleware',
    title: 'A middleware that breaks streaming',
    group: 'debugging',
    explanation:
      'The app streams three progress lines, 50 ms apart; a middleware adds Content-Length, and to count the body it joins every chunk first. Press Step and step through: all three yields come before the headers go out, and the client gets everything at once, at the end. The timeline shows it too: the yields in the App lane, one chunk on the wire.',
    expectedFindings: [],
  },
  {
    id: 'debug-streaming-middleware',
    title: 'The fix: a middleware that streams',
    group: 'debugging',
    compareWith: 'debug-buffering-middleware',
    explanation:
      'The same app behind a middleware that only adds a header and passes each chunk on as it comes (and close() after them). Step through: the headers go out with the first chunk, and each later chunk reaches the client as soon as the app yields it. Compare with the bug to see the events line up differently.',
    expectedFindings: [],
  },
  {
    id: 'debug-short-upload',
    title: 'An upload cut short',
    group: 'debugging',
    settings: { shortBody: 6 },
    request: {
      method: 'POST',
      headers: [['Content-Type', 'text/plain']],
      body: 'line one\nline two\n',
    },
    explanation:
      'The client announces 18 bytes and sends 6 (Settings → Client sends only). read(CONTENT_LENGTH) returns what came, and the app stores it as if it were whole; the fix checks the length and answers 400.',
    expectedFindings: ['client-short-body'],
  },
];
