/**
 * Each check of the stdlib's `wsgiref.validate` (as its module docstring lists them, plus the
 * few its code makes beyond that list), and what this project's rules do about it.
 */

/** How a check of wsgiref.validate relates to our rules. */
export type MappingStatus = 'covered' | 'different' | 'server' | 'not-covered';

/** One check of wsgiref.validate. */
export interface ValidateCheck {
  /** The check, in the words of validate's docstring. */
  check: string;
  status: MappingStatus;
  /** The rules that cover it (or that cover what we check instead). */
  rules: string[];
  /** Why it differs, or what to know; empty when covered plainly. */
  note: string;
}

const SERVER_ENVIRON =
  'Concerns the server, which here is wsgiref itself with an environ built from the request; the Environ tab shows what the app received.';

/** wsgiref.validate's checks, in its docstring's order. */
export const VALIDATE_CHECKS: readonly ValidateCheck[] = [
  {
    check:
      'Signature of the application and start_response (including that keyword arguments are not used)',
    status: 'not-covered',
    rules: [],
    note: 'The server calls the app positionally (wsgiref does); an app calling start_response with keywords is accepted by wsgiref, and the trace does not record how the arguments were passed.',
  },
  {
    check: 'Environment is a dictionary (and not a subclass)',
    status: 'server',
    rules: [],
    note: SERVER_ENVIRON,
  },
  {
    check:
      'All the required keys are in the environment: REQUEST_METHOD, SERVER_NAME, SERVER_PORT, wsgi.version, wsgi.input, wsgi.errors, wsgi.multithread, wsgi.multiprocess, wsgi.run_once',
    status: 'server',
    rules: [],
    note: SERVER_ENVIRON,
  },
  {
    check: 'HTTP_CONTENT_TYPE and HTTP_CONTENT_LENGTH are not in the environment',
    status: 'server',
    rules: [],
    note: SERVER_ENVIRON,
  },
  { check: 'Warns if QUERY_STRING is missing', status: 'server', rules: [], note: SERVER_ENVIRON },
  {
    check: "CGI-style variables (that don't contain a .) have (non-unicode) string values",
    status: 'server',
    rules: [],
    note: SERVER_ENVIRON,
  },
  { check: 'wsgi.version is a tuple', status: 'server', rules: [], note: SERVER_ENVIRON },
  {
    check: "wsgi.url_scheme is 'http' or 'https'",
    status: 'server',
    rules: [],
    note: SERVER_ENVIRON,
  },
  {
    check: 'Warns if the REQUEST_METHOD is not known',
    status: 'server',
    rules: [],
    note: 'Concerns the request, not the app; HTTP methods are extensible, so an unknown one is no fault.',
  },
  {
    check: 'SCRIPT_NAME and PATH_INFO are empty or start with /',
    status: 'server',
    rules: [],
    note: SERVER_ENVIRON,
  },
  {
    check: 'At least one of SCRIPT_NAME or PATH_INFO are set',
    status: 'server',
    rules: [],
    note: SERVER_ENVIRON,
  },
  {
    check: 'CONTENT_LENGTH is a positive integer',
    status: 'server',
    rules: [],
    note: SERVER_ENVIRON,
  },
  {
    check: "SCRIPT_NAME is not '/' (it should be '', and PATH_INFO should be '/')",
    status: 'server',
    rules: [],
    note: SERVER_ENVIRON,
  },
  {
    check: 'wsgi.input has the methods read, readline, readlines, and `__iter__`',
    status: 'server',
    rules: [],
    note: 'The server provides the stream; this one has exactly those methods.',
  },
  {
    check: 'wsgi.errors has the methods flush, write, writelines',
    status: 'server',
    rules: [],
    note: 'The server provides the stream; this one has exactly those methods.',
  },
  {
    check:
      'The status is a string, contains a space, starts with an integer, and that integer is in range (> 100)',
    status: 'covered',
    rules: ['status-not-str', 'status-format'],
    note: 'Stricter, as wsgiref itself is: a single space right after a three-digit code from 100 to 599 (validate only warns about the space), no control characters, no surrounding whitespace.',
  },
  {
    check: 'The headers is a list (not a subclass, not another kind of sequence)',
    status: 'covered',
    rules: ['headers-not-list'],
    note: '',
  },
  {
    check: 'The items of the headers are tuples of strings',
    status: 'covered',
    rules: ['header-item-not-pair', 'header-not-tuple', 'header-not-str'],
    note: 'A two-item list instead of a tuple is a warning: wsgiref accepts it.',
  },
  {
    check: "There is no 'status' header (that is used in CGI, but not in WSGI)",
    status: 'covered',
    rules: ['status-header'],
    note: 'A warning: PEP 3333 gives the status its own argument but has no sentence forbidding the header.',
  },
  {
    check:
      "The headers don't contain newlines or colons, end in _ or -, or contain characters codes below 037",
    status: 'different',
    rules: ['header-name-invalid', 'header-value-crlf', 'header-value-control-chars'],
    note: "Names are checked against HTTP's token grammar, which PEP 3333 cites: a name ending in '-' or '_' is valid HTTP, and validate's regex also rejects valid names with '.', '!' and the like. CR/LF in a value is its own rule (response splitting); DEL (0x7f) is a control character too.",
  },
  {
    check: 'Content-Type is given if there is content',
    status: 'different',
    rules: ['missing-content-type'],
    note: 'validate decides by the status alone, so a redirect without a body fails it; we look at the body actually sent, and a response without one needs no Content-Type.',
  },
  {
    check: 'No Content-Type is given when there is no content (204 and 304)',
    status: 'different',
    rules: ['body-on-bodiless-response'],
    note: 'HTTP allows a Content-Type on 204 and 304 (a 304 describes the cached representation); what it forbids is a body, so that is what we check — and on HEAD responses too.',
  },
  {
    check: 'The exc_info argument to start_response is a tuple or None',
    status: 'covered',
    rules: ['exc-info-invalid'],
    note: 'Stricter: it must be the sys.exc_info() of an exception being handled, not (None, None, None).',
  },
  {
    check:
      'All calls to the writer are with strings, and no other methods on the writer are accessed',
    status: 'covered',
    rules: ['write-not-bytes'],
    note: "The write callable is the server's own bound method, so there are no other methods to access.",
  },
  {
    check: 'wsgi.input: .read() is called with exactly one argument',
    status: 'different',
    rules: ['read-past-content-length'],
    note: 'PEP 3333: "A server should allow read() to be called without an argument, and return the remainder of the client\'s input stream." We flag reads past CONTENT_LENGTH instead.',
  },
  {
    check: 'wsgi.input: it returns a string; readline, readlines, and `__iter__` return strings',
    status: 'server',
    rules: [],
    note: 'What the stream returns is up to the server; this one returns bytes.',
  },
  {
    check: 'wsgi.input: .close() is not called; no other methods are provided',
    status: 'covered',
    rules: ['stream-misuse'],
    note: '',
  },
  {
    check: 'wsgi.errors: .write() and .writelines() are called with a string',
    status: 'covered',
    rules: ['errors-write-not-str'],
    note: '',
  },
  {
    check: 'wsgi.errors: .close() is not called, and no other methods are provided',
    status: 'covered',
    rules: ['stream-misuse'],
    note: '',
  },
  {
    check:
      'The application returns an iterator, if only an empty list (its code: not None, not False)',
    status: 'covered',
    rules: ['returned-not-iterable'],
    note: '',
  },
  {
    check: 'The response iterator is not a string',
    status: 'covered',
    rules: ['returned-string'],
    note: '',
  },
  {
    check: 'The response iterator: `.__next__()` returns a string',
    status: 'covered',
    rules: ['yield-not-bytes'],
    note: '',
  },
  {
    check: 'The response iterator is not iterated over until start_response has been called',
    status: 'different',
    rules: [
      'yield-before-start-response',
      'empty-yield-before-start-response',
      'no-start-response',
    ],
    note: 'validate rejects even an empty b"" yielded first, which PEP 3333 allows (only non-empty bytestrings are body) — we say so as info, because wsgiref\'s handler raises there all the same. validate misses an app that never calls start_response and returns an empty body.',
  },
  {
    check: 'The response iterator: .close() is called',
    status: 'different',
    rules: ['inner-iterable-not-closed'],
    note: "For the outermost iterable this is the server's duty: wsgiref always calls close(), and the close event shows it. The app's side of it is middleware, which must close the iterable of the app it wraps: that we check.",
  },
  {
    check: 'The response iterator is not read after it was closed (its code)',
    status: 'server',
    rules: [],
    note: 'A server-side duty too; wsgiref never iterates after close().',
  },
];

/** Faults our rules report and wsgiref.validate does not, with why it misses them. */
export const BEYOND_VALIDATE: readonly { rule: string; why: string }[] = [
  {
    rule: 'no-start-response',
    why: 'validate checks start_response only when the iterable yields something; an app that never calls it and returns [] passes.',
  },
  {
    rule: 'start-response-twice',
    why: 'validate passes the second call on to the server; wsgiref raises "Headers already set!", but validate gives no verdict on it.',
  },
  {
    rule: 'headers-changed-after-start-response',
    why: 'validate checks the header list only when start_response is called.',
  },
  {
    rule: 'header-not-latin1',
    why: 'validate accepts any str; wsgiref fails only later, when it encodes the headers for the wire.',
  },
  {
    rule: 'hop-by-hop-header',
    why: "validate does not look for them; wsgiref's handler raises an AssertionError.",
  },
  {
    rule: 'write-inside-iterable',
    why: 'validate checks what is passed to write(), not when write() is called.',
  },
  {
    rule: 'content-length-mismatch',
    why: 'validate never compares Content-Length with the bytes sent.',
  },
  {
    rule: 'len-inaccurate',
    why: 'validate does not call len() on the iterable.',
  },
  {
    rule: 'body-on-bodiless-response',
    why: 'validate checks the Content-Type of 204 and 304 responses, not their body, and not HEAD.',
  },
  {
    rule: 'exc-info-after-headers-sent',
    why: 'validate checks only that exc_info is a tuple.',
  },
  {
    rule: 'exc-info-error-trapped',
    why: 'validate checks only that exc_info is a tuple.',
  },
  {
    rule: 'read-past-content-length',
    why: 'validate counts the arguments of read(), not the bytes asked for.',
  },
  {
    rule: 'inner-iterable-not-closed',
    why: 'validate wraps only the outermost iterable, which the server closes.',
  },
  {
    rule: 'app-raised',
    why: "validate judges protocol use, not the app's own exceptions.",
  },
];

/** Werkzeug's lint middleware: where it and we part ways. */
export const WERKZEUG_DIFFERENCES: readonly { check: string; note: string }[] = [
  {
    check:
      'Warns on wsgi.input.read() without an argument, and on readline() with or without a size',
    note: 'PEP 3333 lists both; we only flag reads past CONTENT_LENGTH (read-past-content-length).',
  },
  {
    check: 'Warns on a relative URL in Location',
    note: 'A relative Location is valid HTTP (RFC 9110, section 10.2.2): not a finding.',
  },
  {
    check: 'Warns on unquoted ETags, entity headers on 304, Content-Length on 1xx/204',
    note: 'HTTP matters beyond PEP 3333; we check only a body on HEAD, 1xx, 204 and 304 (body-on-bodiless-response).',
  },
  {
    check: 'Warns when Content-Length and the bytes sent differ',
    note: 'Covered by content-length-mismatch (HEAD and 304 may announce a length without a body), and len-inaccurate when the server derived it from len().',
  },
];
