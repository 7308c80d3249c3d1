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
    settings: { disconnectAfter: 80 },
    explanation:
      'The same app with the release in a finally block, and the same client gone after 80 bytes. close() raises GeneratorExit at the paused yield, the finally runs, and "lock released" follows the close event.',
    expectedFindings: ['client-disconnected'],
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
