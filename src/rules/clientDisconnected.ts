import { laneWords } from './layerQueries.ts';
import { PEP_SECTIONS } from './pep.ts';
import { appReturn, eventsOf, withArticle } from './traceQueries.ts';
import type { Rule } from './types.ts';
import type { Trace } from '../trace/schema.ts';

/** What became of the app's iterable once the client was gone, in one sentence. */
function cleanupWords(trace: Trace): string {
  const returned = appReturn(trace);
  const close = eventsOf(trace, 'close')[0];
  if (!returned) return 'The app had not returned yet: the error went up through its call.';
  if (!close?.called)
    return `The app returned ${withArticle(returned.resultType)} without close(): nothing to clean up, nothing called.`;
  if (returned.isGenerator)
    return "The server called the generator's close(): Python raised GeneratorExit at its paused yield, so the finally blocks around that yield ran and the code after it did not.";
  return `The server called close() on the ${returned.resultType} the app returned.`;
}

/** Each middleware layer's part: did it pass close() on to the iterable it wrapped? */
function layerWords(trace: Trace): string[] {
  return eventsOf(trace, 'layer.close').map((event) =>
    event.called
      ? `${laneWords(trace, event.outer)} called close() on what ${laneWords(trace, event.layer)} returned.`
      : `${laneWords(trace, event.outer)} never called close() on what ${laneWords(trace, event.layer)} returned: its cleanup waits for the garbage collector (CPython's frees it once nothing refers to it; PyPy's at some later time).`,
  );
}

/** The client went away mid-response: what the server and each layer did about it. */
export const clientDisconnected: Rule = {
  id: 'client-disconnected',
  severity: 'info',
  title: 'The client went away',
  detects:
    "A client that closed the connection before the response was whole (setting `disconnectAfter`, CLI `--disconnect-after`): the server's next write raises `BrokenPipeError`, wsgiref calls the iterable's `close()` and ends quietly. The finding says whether the app's cleanup ran, layer by layer.",
  pepQuote:
    'If the iterable returned by the application has a `close()` method, the server or gateway **must** call that method upon completion of the current request, whether the request was completed normally, or terminated early due to an application error during iteration or an early disconnect of the browser.',
  pepUrl: PEP_SECTIONS.specificationDetails,
  hint: 'Release what a response holds (files, cursors, locks) in a `finally:` of the generator or in the iterable’s `close()` — never after the last `yield`, which a gone client never reaches.',
  check: (trace) =>
    eventsOf(trace, 'client.disconnect').map((event) => ({
      seq: event.seq,
      line: event.line,
      message: [
        `The client went away after ${event.afterBytes} bytes; the server's write at byte ${event.sentBytes} raised ${event.error}.`,
        cleanupWords(trace),
        ...layerWords(trace),
      ].join(' '),
    })),
};
