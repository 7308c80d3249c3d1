import { PEP_SECTIONS } from './pep.ts';
import { eventsOf } from './traceQueries.ts';
import type { Rule } from './types.ts';

/** The exception our streams raise for any method the PEP does not list. */
const MISSING = /^'(InputStream|ErrorStream)' object has no attribute '([^']+)'$/;

/** The app closed `wsgi.input`/`wsgi.errors`, or used a method the PEP does not give them. */
export const streamMisuse: Rule = {
  id: 'stream-misuse',
  severity: 'error',
  title: 'wsgi.input or wsgi.errors misused',
  detects:
    "An app that closes `wsgi.input` or `wsgi.errors`, or uses a method PEP 3333 does not give them (`seek()`, `tell()`, `fileno()`, `getvalue()`…). This server's streams offer exactly the PEP's methods, so such a call raises AttributeError here; elsewhere it works only by accident of the server.",
  pepQuote:
    'Applications conforming to this specification **must not** use any other methods or attributes of the `input` or `errors` objects. In particular, applications **must not** attempt to close these streams, even if they possess `close()` methods.',
  pepUrl: PEP_SECTIONS.inputAndErrorStreams,
  hint: 'Use only read/readline/readlines/iteration on wsgi.input and write/writelines/flush on wsgi.errors; copy the body into io.BytesIO if you need to seek.',
  check: (trace) =>
    eventsOf(trace, 'exception').flatMap((event) => {
      const match = event.type === 'AttributeError' ? MISSING.exec(event.message) : null;
      if (!match) return [];
      const stream = match[1] === 'InputStream' ? 'wsgi.input' : 'wsgi.errors';
      const name = match[2] ?? '';
      const message =
        name === 'close'
          ? `The app called ${stream}.close(): the stream belongs to the server and must not be closed.`
          : `The app used ${stream}.${name}, which is not one of the stream methods PEP 3333 defines.`;
      return [{ seq: event.seq, line: event.line, message }];
    }),
};
