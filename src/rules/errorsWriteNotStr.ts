import { PEP_SECTIONS } from './pep.ts';
import { eventsOf } from './traceQueries.ts';
import type { Rule } from './types.ts';

/** What this server's `wsgi.errors` (or its StringIO) raises for a non-str write. */
const NOT_STR = /^(wsgi\.errors\.write\(\) argument must be str|string argument expected)/;

/** Bytes (or anything but str) written to `wsgi.errors`, a text stream. */
export const errorsWriteNotStr: Rule = {
  id: 'errors-write-not-str',
  severity: 'error',
  title: 'wsgi.errors written with bytes',
  detects:
    '`wsgi.errors.write()` or `writelines()` called with bytes (or anything but str). The error stream is a text stream.',
  pepQuote:
    'This should be a "text mode" stream; i.e., applications should use `"\\n"` as a line ending, and assume that it will be converted to the correct line ending by the server/gateway.',
  pepUrl: PEP_SECTIONS.environVariables,
  hint: "Write text: `environ['wsgi.errors'].write(message + '\\n')`, decoding bytes first.",
  check: (trace) =>
    eventsOf(trace, 'exception')
      .filter((event) => event.type === 'TypeError' && NOT_STR.test(event.message))
      .map((event) => ({
        seq: event.seq,
        line: event.line,
        message: `The app wrote something that is not a str to wsgi.errors: ${event.message}.`,
      })),
};
