/** The gallery's last chapter: real-world ordering bugs, reproduced. */
import type { ExampleSpec } from './example.ts';

/** Each bug example, with what to look at in the timeline and the findings it must produce. */
export const BUG_EXAMPLES: ExampleSpec[] = [
  {
    id: 'bug-yield-before-start',
    title: 'Bug: body before start_response',
    group: 'bugs',
    explanation:
      'A streaming report yields its header line before deciding the status. The first yield comes before any start_response, so the server has nothing to send first and fails with "write() before start_response()".',
    expectedFindings: ['yield-before-start-response'],
  },
  {
    id: 'bug-header-injection',
    title: 'Bug: header injection through a redirect',
    group: 'bugs',
    request: { target: '/login?next=/home%0D%0ASet-Cookie:%20admin=1' },
    explanation:
      'The redirect target comes from the query string, and %0D%0A decodes to a line break. Look at headers.commit: the client received a Set-Cookie header the app never set. wsgiref writes the value as is.',
    expectedFindings: ['header-value-crlf'],
  },
  {
    id: 'bug-connection-close',
    title: 'Bug: Connection: close from the app',
    group: 'bugs',
    explanation:
      'Connection is a hop-by-hop header: only the server may decide about the connection. wsgiref refuses it in start_response, so this app always answers 500.',
    expectedFindings: ['hop-by-hop-header'],
  },
  {
    id: 'bug-utf8-filename',
    title: 'Bug: a UTF-8 file name in a header',
    group: 'bugs',
    explanation:
      "start_response accepts the header, and the app returns normally — the failure comes later, when the server encodes the headers as latin-1 for the wire. The exception event is the server's; the cause is the app's header.",
    expectedFindings: ['header-not-latin1'],
  },
  {
    id: 'bug-204-with-body',
    title: 'Bug: a 204 with a body',
    group: 'bugs',
    explanation:
      '204 means "no content", yet the yield sends bytes, and the Wire tab shows them after the headers. A client will read them as the beginning of the next response.',
    expectedFindings: ['body-on-bodiless-response'],
  },
  {
    id: 'bug-len-lies',
    title: 'Bug: an iterable whose len() lies',
    group: 'bugs',
    explanation:
      'len() of the body object says 1, so wsgiref sets Content-Length from the first chunk alone. headers.commit shows "Content-Length: 7", then two more yields overrun it.',
    expectedFindings: ['len-inaccurate'],
  },
  {
    id: 'bug-trapped-exc-info',
    title: 'Bug: trapping the error of start_response(exc_info)',
    group: 'bugs',
    explanation:
      'After the headers went out, start_response with exc_info re-raises the error — and this app catches it "just in case". The last yield glues an error message onto a 200 page instead of aborting the response.',
    expectedFindings: ['exc-info-after-headers-sent', 'exc-info-error-trapped'],
  },
  {
    id: 'bug-start-response-in-branch',
    title: 'Bug: start_response only in one branch',
    group: 'bugs',
    request: { method: 'POST' },
    explanation:
      'start_response is called only for GET. This POST falls through: the timeline has no start_response from the app, and the server fails when it tries to send headers it never got.',
    expectedFindings: ['no-start-response'],
  },
];
