import { PEP_SECTIONS } from './pep.ts';
import { appCommit, appEventsOf, eventsOf, exceptionText, type EventOf } from './traceQueries.ts';
import type { Trace } from '../trace/schema.ts';
import type { Rule } from './types.ts';

/** Where the server was when the exception escaped, in words. */
const PHASES: Record<string, string> = {
  call: 'while the server called it',
  iterate: 'when the server began to iterate its response',
  next: 'while the server iterated its response',
  send: 'while the server sent a chunk',
  finish: 'when the server finished the response',
  close: "in the iterable's close()",
};

/** Exceptions that other rules explain: the server's callables refusing bad arguments, … */
function explained(trace: Trace, event: EventOf<'exception'>): boolean {
  const text = `${event.type.split('.').pop() ?? ''}: ${event.message}`;
  const refused = [...appEventsOf(trace, 'start_response'), ...appEventsOf(trace, 'write')].some(
    (call) => call.error === text || call.error === exceptionText(event),
  );
  return (
    refused ||
    (event.type === 'AttributeError' &&
      /^'(InputStream|ErrorStream)' object/.test(event.message)) ||
    (event.type === 'TypeError' &&
      /^(wsgi\.errors\.write\(\) argument must be str|string argument expected)/.test(
        event.message,
      ))
  );
}

/** An exception raised by the app's code and not caught by it. */
/**
 * Whether the project's own code raised `event`: a frame of the project's files is in its
 * traceback (the server raising about what the app gave it — iter() of None, a header it
 * cannot encode — is a different finding), whatever lane it escaped through.
 */
function raisedInProject(event: EventOf<'exception'>): boolean {
  return (
    event.actor !== 'server' &&
    event.traceback.some((frame) => frame.origin === undefined || frame.origin === 'project')
  );
}

export const appRaised: Rule = {
  id: 'app-raised',
  severity: 'error',
  title: 'Uncaught exception in the app',
  detects:
    "An exception from the app's own code that reached the server. Before the headers were sent, the server replaces the response with its own 500 page; after, it can only cut the response short.",
  pepQuote:
    'In general, applications **should** try to trap their own, internal errors, and display a helpful message in the browser.',
  pepUrl: PEP_SECTIONS.errorHandling,
  hint: 'Catch the errors you expect and send a proper 500 yourself: `start_response("500 Internal Server Error", headers, sys.exc_info())`.',
  check: (trace) => {
    const commit = appCommit(trace);
    return eventsOf(trace, 'exception')
      .filter(
        (event) => raisedInProject(event) && event.phase !== 'load' && !explained(trace, event),
      )
      .map((event) => {
        const where = PHASES[event.phase] ?? `in phase ${event.phase}`;
        const effect =
          event.phase === 'close'
            ? 'The response had been sent; the server logged the error.'
            : event.headersSent
              ? `The headers were already sent${commit ? ` (${commit.status})` : ''}, so the client got a truncated response.`
              : 'The server answered with its own 500 Internal Server Error instead.';
        return {
          seq: event.seq,
          line: event.line,
          message: `${exceptionText(event)} escaped the app ${where}. ${effect}`,
        };
      });
  },
};
