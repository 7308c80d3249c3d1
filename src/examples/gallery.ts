/**
 * The examples gallery: a course through PEP 3333, real-world ordering bugs, the debugger, then
 * real frameworks (Flask, Django, Bottle, Falcon: examples with requirements). Each example
 * is a `.py` file in `apps/` plus its metadata here; the test suite runs every one and checks
 * that it produces exactly its expected findings.
 */
import { textToBase64 } from '../trace/bytes.ts';
import type { HttpRequest } from '../trace/schema.ts';
import { BUG_EXAMPLES } from './bugExamples.ts';
import { DEBUGGING_EXAMPLES } from './debuggingExamples.ts';
import { FRAMEWORK_EXAMPLES } from './frameworkExamples.ts';
import type { Project } from '../project/project.ts';
import type { Example, ExampleRequest, ExampleSpec } from './example.ts';

const SOURCES = import.meta.glob('./apps/*.py', {
  query: '?raw',
  import: 'default',
  eager: true,
}) as Record<string, string>;

/** The examples that are projects: a folder `projects/<id>/` of files, entered at `app`. */
const PROJECT_SOURCES = import.meta.glob('./projects/**/*.py', {
  query: '?raw',
  import: 'default',
  eager: true,
}) as Record<string, string>;

const GET: ExampleRequest = { method: 'GET', target: '/', headers: [], body: '' };
const FORM: [string, string] = ['Content-Type', 'application/x-www-form-urlencoded'];

/** The course through the protocol; the real-world bugs follow (bugExamples.ts). */
const COURSE: ExampleSpec[] = [
  {
    id: 'hello-world',
    title: 'Hello, world',
    group: 'hello',
    explanation:
      'The smallest complete WSGI app. In the timeline, start_response comes first but the headers.commit event only follows the first yielded chunk: start_response stores the headers, the first body bytes send them. Note the Date and Content-Length the server added.',
    expectedFindings: [],
  },
  {
    id: 'hello-class',
    title: 'An app that is a class',
    group: 'hello',
    explanation:
      "Any callable will do: here calling the class builds the response iterable. The timeline shows app.return before start_response, because start_response runs in __iter__, on the server's first next().",
    expectedFindings: [],
  },
  {
    id: 'environ-dump',
    title: 'What is in the environ',
    group: 'environ',
    explanation:
      "The app prints every environ key. Compare the CGI variables (REQUEST_METHOD, PATH_INFO, HTTP_HOST…, all str) with the wsgi.* entries, which are the server's objects; the Environ tab shows the same with their types.",
    expectedFindings: [],
  },
  {
    id: 'query-string',
    title: 'Reading the query string',
    group: 'environ',
    request: { target: '/?name=Ada' },
    explanation:
      'QUERY_STRING is the raw text after "?", and parsing it is the app\'s job. Change the name in the request target and run again: only the yield event\'s bytes change.',
    expectedFindings: [],
  },
  {
    id: 'routing-path-info',
    title: 'Routing on PATH_INFO',
    group: 'environ',
    request: { target: '/missing' },
    explanation:
      'PATH_INFO is the part of the path below the mount point. This request misses the routes, so start_response carries "404 Not Found"; the status is just a string the app chooses.',
    expectedFindings: [],
  },
  {
    id: 'status-and-headers',
    title: 'Choosing the status and headers',
    group: 'start-response',
    explanation:
      "start_response takes the status string and a list of (name, value) tuples. In headers.commit, compare the app's headers with the ones the server added. A relative Location is valid HTTP.",
    expectedFindings: [],
  },
  {
    id: 'redirect-without-body',
    title: 'A redirect without a body',
    group: 'start-response',
    explanation:
      'A 302 with a Location and an empty list. The app returned no chunk, so the headers are committed only when the iteration ends, with Content-Length: 0. Without a body no Content-Type is needed.',
    expectedFindings: [],
  },
  {
    id: 'status-as-bytes',
    title: 'Status as bytes',
    group: 'start-response',
    explanation:
      'The status must be a native str. Look at the start_response event: it raised, the exception event follows at the same line, and the server answered with its own 500 page.',
    expectedFindings: ['status-not-str'],
  },
  {
    id: 'header-value-int',
    title: 'A header value that is an int',
    group: 'start-response',
    explanation:
      'len() gives an int, but header values must be str. The start_response event shows the AssertionError wsgiref raised; the finding points at the line that built the header list.',
    expectedFindings: ['header-not-str'],
  },
  {
    id: 'list-of-chunks',
    title: 'A list of several chunks',
    group: 'iterables',
    explanation:
      'Each item of the returned list is one yield event, and one write to the wire. With more than one chunk the server cannot compute a Content-Length, so headers.commit has none.',
    expectedFindings: [],
  },
  {
    id: 'returns-bytes',
    title: 'Returning bytes instead of a list',
    group: 'iterables',
    explanation:
      'bytes is iterable, but it yields ints. The first yield event shows an int (72, the "H"), the server rejects it, and the client gets a 500. Return [body] instead.',
    expectedFindings: ['returned-string'],
  },
  {
    id: 'generator-lazy',
    title: 'A generator is lazy',
    group: 'generators',
    explanation:
      "Calling a generator function runs none of its body: app.return comes first, and start_response only runs on the server's first next(). Follow the yield line numbers as the generator resumes.",
    expectedFindings: [],
  },
  {
    id: 'generator-yields-str',
    title: 'Yielding text instead of bytes',
    group: 'generators',
    explanation:
      'The yield event shows a str: text must be encoded before it becomes body. The server raises before anything is sent, so the response is its own 500.',
    expectedFindings: ['yield-not-bytes'],
  },
  {
    id: 'empty-yield-first',
    title: 'An empty chunk before start_response',
    group: 'generators',
    explanation:
      'PEP 3333 allows this: only a non-empty bytestring is body, and middleware must yield b"" while it waits. wsgiref is stricter: the exception after the first yield is its "write() before start_response()". Run with wsgiref.validate to see it rejected there too.',
    expectedFindings: ['empty-yield-before-start-response'],
  },
  {
    id: 'write-callable',
    title: 'The write() callable',
    group: 'write',
    explanation:
      'start_response returns write(), the legacy imperative way to send body bytes. The first write event commits the headers before the app has even returned; the app still returns an (empty) iterable.',
    expectedFindings: [],
  },
  {
    id: 'write-inside-generator',
    title: 'write() from inside the iterable',
    group: 'write',
    explanation:
      'The write event comes after app.return, between two yields: it was called from inside the iterable. wsgiref happens to keep the order, but a middleware that buffers the iterable would send the written bytes first.',
    expectedFindings: ['write-inside-iterable'],
  },
  {
    id: 'write-forgot-return',
    title: 'Forgetting to return after write()',
    group: 'write',
    explanation:
      'Everything was written, so the body is already on the wire — but app.return shows None, and the server fails when it tries to iterate it. An app must always return an iterable.',
    expectedFindings: ['returned-not-iterable'],
  },
  {
    id: 'exc-info-replaces-status',
    title: 'exc_info replaces the status',
    group: 'errors',
    explanation:
      'Two start_response events: a 200, then a 500 with exc_info after the error was caught. Nothing had been sent yet, so the second call replaces the first — headers.commit shows the 500.',
    expectedFindings: [],
  },
  {
    id: 'exc-info-too-late',
    title: 'exc_info after the headers were sent',
    group: 'errors',
    explanation:
      'headers.commit with 200 OK came with the first row. The second start_response, with exc_info, is too late: it re-raises the error (see the exception event), and the client is left with a truncated 200.',
    expectedFindings: ['exc-info-after-headers-sent'],
  },
  {
    id: 'uncaught-exception',
    title: 'An uncaught exception',
    group: 'errors',
    explanation:
      "KeyError escapes the app before start_response. The exception event points at the line; then error.response and the server's own start_response build a 500 page, and the traceback goes to wsgi.errors.",
    expectedFindings: ['app-raised'],
  },
  {
    id: 'post-form',
    title: 'Reading a form',
    group: 'input',
    request: { method: 'POST', target: '/form', headers: [FORM], body: 'name=Ada&lang=Python' },
    explanation:
      'The input.read event shows a read of exactly CONTENT_LENGTH bytes and the position it left the stream at. Change the form in the request body and run again.',
    expectedFindings: [],
  },
  {
    id: 'read-without-size',
    title: 'read() with no size',
    group: 'input',
    request: { method: 'POST', target: '/upload', body: 'some uploaded text' },
    explanation:
      "read() without an argument returns the rest of the body; PEP 3333 asks servers to allow it, so no finding here. wsgiref.validate and Werkzeug's lint still reject it — compare the verdicts.",
    expectedFindings: [],
  },
  {
    id: 'read-fixed-buffer',
    title: 'A fixed-size read',
    group: 'input',
    request: { method: 'POST', target: '/upload', body: 'name=Ada' },
    explanation:
      'read(65536) asks for far more than CONTENT_LENGTH. The input.read event shows only 8 bytes came back — this server simulates end-of-file — but on a real socket such a read can wait for bytes that never come.',
    expectedFindings: ['read-past-content-length'],
  },
  {
    id: 'streaming-chunks',
    title: 'Streaming chunk by chunk',
    group: 'streaming',
    explanation:
      "Each yield is sent before the server asks for the next one: the timeline interleaves the app's work (the yield times) with the sends. No Content-Length is possible, so the server closes the connection to end the body.",
    expectedFindings: [],
  },
  {
    id: 'content-length-correct',
    title: 'Setting Content-Length yourself',
    group: 'content-length',
    explanation:
      'The app computes Content-Length from the bytes it sends. In headers.commit the server added only Date, and the body size in the Response tab matches the header exactly.',
    expectedFindings: [],
  },
  {
    id: 'content-length-lies',
    title: 'A Content-Length counted in characters',
    group: 'content-length',
    explanation:
      'len() of the text counts characters; UTF-8 needs 8 bytes for "Grüße\\n" while the header says 6. Compare the header in headers.commit with the body size: the 2 extra bytes would start the next response on a kept-alive connection.',
    expectedFindings: ['content-length-mismatch'],
  },
  {
    id: 'head-request',
    title: 'Answering HEAD',
    group: 'content-length',
    request: { method: 'HEAD' },
    explanation:
      'A HEAD response has the GET headers — Content-Length included — and no body. The app returns [] for HEAD; headers.commit still shows the full length.',
    expectedFindings: [],
  },
  {
    id: 'head-with-body',
    title: 'A body on a HEAD response',
    group: 'content-length',
    request: { method: 'HEAD' },
    explanation:
      'This app ignores the method, and wsgiref sends what it gets. The yield event and the Wire tab show body bytes after the headers of a HEAD response, which the client will misread as the start of the next response.',
    expectedFindings: ['body-on-bodiless-response'],
  },
  {
    id: 'close-cleanup',
    title: 'close() releases resources',
    group: 'close',
    explanation:
      'The returned object has a close() method, and the close event shows the server calling it after the last chunk. Its wsgi.errors.write events show the resource opened and released.',
    expectedFindings: [],
  },
  {
    id: 'generator-finally',
    title: 'try/finally in a generator',
    group: 'close',
    explanation:
      'The errors.write "cleanup ran" comes just before the close event: the generator ran to its end, which ran its finally block. Had the server stopped iterating early, its close() would have run the block instead.',
    expectedFindings: [],
  },
  {
    id: 'middleware-add-header',
    title: 'Middleware that adds a header',
    group: 'middleware',
    explanation:
      "Three files: views.py's hello, wrapped by middleware.py's HeaderStamp in app.py. The HeaderStamp lane sits between Server and App: the app's layer.start_response passes one header, HeaderStamp passes the server two (open both events and compare), and headers.commit shows X-Frame-Options. Click an event to land on its line in its own file.",
    expectedFindings: [],
  },
  {
    id: 'middleware-buffers-body',
    title: 'Middleware that buffers the body',
    group: 'middleware',
    explanation:
      'The view yields four chunks with a pause between them; ContentLength joins them all to count the bytes before it calls start_response. In the timeline every layer.yield of the app comes before the one yield the server gets: the client waits for the whole body. Streaming survives only middleware that passes chunks on as they come.',
    expectedFindings: [],
  },
  {
    id: 'middleware-late-start',
    title: 'Middleware that calls start_response late',
    group: 'middleware',
    explanation:
      "Gzipish yields the app's first chunk before it calls the server's start_response: the server gets body bytes with no status to send them under. The layer lane shows the app's start_response stopping at Gzipish, then the yield reaching the server first, and wsgiref refusing it.",
    expectedFindings: ['yield-before-start-response'],
  },
  {
    id: 'middleware-late-header',
    title: 'Middleware that edits headers too late',
    group: 'middleware',
    explanation:
      'The middleware appends X-Elapsed to the header list after start_response was called. Compare start_response (one header) with headers.commit: it works only because wsgiref keeps the list object until it sends it.',
    expectedFindings: ['headers-changed-after-start-response'],
  },
  {
    id: 'middleware-double-start',
    title: 'Middleware that starts a second response',
    group: 'middleware',
    request: { headers: [['X-Maintenance', '1']] },
    explanation:
      'The inner app already called start_response; the middleware calls it again for its 503, without exc_info. The second start_response event raised "Headers already set!", and the client gets a 500 instead of the 503.',
    expectedFindings: ['start-response-twice'],
  },
  {
    id: 'middleware-drops-close',
    title: 'Middleware that drops the inner iterable',
    group: 'middleware',
    request: { method: 'HEAD' },
    explanation:
      'For HEAD, head_without_body (middleware.py) returns [] instead of the Rows views.py made. The server can only close what it got, a list with nothing to close, and nobody calls Rows.close(): wsgi.errors shows "cursor opened" and never "cursor closed", and the layer.close event says who never closed it. A middleware is the server of the app it wraps.',
    expectedFindings: ['inner-iterable-not-closed'],
  },
  {
    id: 'file-wrapper',
    title: 'wsgi.file_wrapper',
    group: 'file-wrapper',
    explanation:
      "The app hands a file-like object to the server's file wrapper. app.return shows a FileWrapper; wsgiref iterates it in 16-byte blocks (one yield each), and the close event closes the file.",
    expectedFindings: [],
  },
];

const SPECS: ExampleSpec[] = [
  ...COURSE,
  ...BUG_EXAMPLES,
  ...DEBUGGING_EXAMPLES,
  ...FRAMEWORK_EXAMPLES,
];

/** The file name of an example's app. */
export function exampleFileName(id: string): string {
  return `${id.replaceAll('-', '_')}.py`;
}

/** The project of an example whose files are in `projects/<id>/` (app.py first), if any. */
function projectOf(id: string): Project | undefined {
  const prefix = `./projects/${id.replaceAll('-', '_')}/`;
  const files = Object.entries(PROJECT_SOURCES)
    .filter(([path]) => path.startsWith(prefix))
    .map(([path, text]) => [path.slice(prefix.length), text] as const)
    .sort(([a], [b]) => (a === 'app.py' ? -1 : b === 'app.py' ? 1 : a.localeCompare(b)));
  return files.length > 0 ? { files: Object.fromEntries(files), entry: 'app' } : undefined;
}

function sourceOf(id: string): string {
  const code = SOURCES[`./apps/${exampleFileName(id)}`];
  if (code === undefined) throw new Error(`example ${id}: no file apps/${exampleFileName(id)}`);
  return code;
}

/** Every example, in course order. */
export const EXAMPLES: readonly Example[] = SPECS.map((spec) => {
  const project = projectOf(spec.id);
  const request = { ...GET, ...spec.request };
  return project
    ? { ...spec, request, code: project.files['app.py'] ?? '', project }
    : { ...spec, request, code: sourceOf(spec.id) };
});

/** The example with this id. */
export function exampleById(id: string): Example | undefined {
  return EXAMPLES.find((example) => example.id === id);
}

/** The HTTP request of an example, as the engine takes it (Host and Content-Length added). */
export function exampleRequest(example: Example): HttpRequest {
  const { method, target, headers, body } = example.request;
  const has = (name: string): boolean => headers.some(([n]) => n.toLowerCase() === name);
  const all: [string, string][] = [
    ...(has('host') ? [] : [['Host', 'localhost'] as [string, string]]),
    ...headers,
  ];
  const bodyBase64 = textToBase64(body);
  if (body && !has('content-length')) all.push(['Content-Length', String(atob(bodyBase64).length)]);
  return { method, target, headers: all, bodyBase64 };
}
