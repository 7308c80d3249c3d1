/**
 * The gallery's chapter on real frameworks: Flask, Django, Bottle and Falcon apps, each with
 * its requirements, and the bugs people meet with them (a streaming view outside its request
 * context, a Content-Length guessed for a stream, a middleware that eats the form).
 */
import type { ExampleSpec } from './example.ts';

const FORM: [string, string] = ['Content-Type', 'application/x-www-form-urlencoded'];
const SIGNUP = { method: 'POST', target: '/signup', headers: [FORM], body: 'name=Ada&plan=free' };

/** Each framework example, with its requirements, request and the findings it produces. */
export const FRAMEWORK_EXAMPLES: ExampleSpec[] = [
  {
    id: 'flask-json',
    title: 'Flask: a JSON view',
    group: 'frameworks',
    requirements: ['flask'],
    request: { target: '/api/greeting?name=Ada' },
    explanation:
      "Flask's jsonify builds the response and Werkzeug calls start_response for it, after the view has returned. Open the start_response event: its stack runs through flask/app.py and werkzeug/wrappers/response.py, and the line it names is the view's return, the last project line that ran. Werkzeug counted the body itself: in headers.commit the server added only Date.",
    expectedFindings: [],
  },
  {
    id: 'flask-stream-outside-context',
    title: 'Flask bug: a stream that outlives its request',
    group: 'frameworks',
    requirements: ['flask'],
    request: { target: '/countdown?from=3' },
    explanation:
      'The view returns a generator, and Flask pops the request context as soon as the view returns — before the server asks for the first chunk. In the timeline the first yield goes out and commits the headers (200 OK); then the exception event at the line that reads request.args says "Working outside of request context". The status was already sent, so the client gets a truncated 200 instead of an error page.',
    expectedFindings: ['app-raised'],
  },
  {
    id: 'flask-stream-with-context',
    title: 'The fix: stream_with_context',
    group: 'frameworks',
    compareWith: 'flask-stream-outside-context',
    requirements: ['flask'],
    request: { target: '/countdown?from=3' },
    explanation:
      'The same view with its generator wrapped in stream_with_context, which keeps the request context alive until the stream ends. Now every yield goes through flask/helpers.py (look at their stacks), request.args still works, and the countdown reaches 1 before the close event.',
    expectedFindings: [],
  },
  {
    id: 'django-hello',
    title: 'Django: a project in one file',
    group: 'frameworks',
    requirements: ['django'],
    request: { target: '/hello?name=Ada' },
    explanation:
      "A whole Django project in one module: settings.configure() instead of a settings file, one URL pattern, and get_wsgi_application() as the WSGI callable. The start_response event comes from django/core/handlers/wsgi.py, after the view returned its HttpResponse; it names the view's return line. HttpResponse sets no Content-Length (CommonMiddleware would), and headers.commit shows the server did not add one either.",
    expectedFindings: [],
  },
  {
    id: 'django-stream-content-length',
    title: 'Django bug: a Content-Length for a stream',
    group: 'frameworks',
    requirements: ['django'],
    request: { target: '/export.csv' },
    explanation:
      'A StreamingHttpResponse with a Content-Length guessed before the generator ran: 64 bytes announced, 30 sent. Compare the header in headers.commit with the body size of the four yields — the client would wait for 34 bytes that never come. Leave Content-Length out of a stream you cannot measure, or build the body first and use an HttpResponse.',
    expectedFindings: ['content-length-mismatch'],
  },
  {
    id: 'bottle-hello',
    title: 'Bottle: a route with a parameter',
    group: 'frameworks',
    requirements: ['bottle'],
    request: { target: '/hello/Ada' },
    explanation:
      "Bottle is one module, and its route takes the name from the path. The start_response event's stack runs through bottle.py, and the response's Content-Length is Bottle's own, set before it called start_response.",
    expectedFindings: [],
  },
  {
    id: 'falcon-resource',
    title: 'Falcon: a resource',
    group: 'frameworks',
    requirements: ['falcon'],
    request: { target: '/books/1' },
    explanation:
      'Falcon routes /books/1 to the on_get method of a Books resource, with the id as an argument, and turns resp.media into JSON. The start_response event comes from falcon/app.py once on_get has returned, and names its last line. In headers.commit the names are in lower case (content-type, content-length): HTTP field names are case-insensitive, and Falcon writes them so.',
    expectedFindings: [],
  },
  {
    id: 'flask-middleware-eats-form',
    title: 'Bug: a middleware that eats the form',
    group: 'frameworks',
    requirements: ['flask'],
    request: SIGNUP,
    explanation:
      'LogBody (middleware.py) reads the whole body from wsgi.input to log it, then calls Flask with the stream at its end. The second input.read event, from deep inside request.form, reads at position 18 of 18 and gets nothing; Werkzeug takes that for a client gone mid-upload and answers 400 Bad Request. A middleware that consumes wsgi.input must give the app something to read.',
    expectedFindings: ['read-past-content-length'],
  },
  {
    id: 'flask-middleware-rewinds-form',
    title: 'The fix: hand the app the bytes you read',
    group: 'frameworks',
    compareWith: 'flask-middleware-eats-form',
    requirements: ['flask'],
    request: SIGNUP,
    explanation:
      "The same LogBody, but after reading it puts a fresh io.BytesIO of the same bytes in environ['wsgi.input'] and sets CONTENT_LENGTH to their length. There is one input.read event now, the middleware's; Flask reads the copy, and the view answers \"Signed up: Ada\".",
    expectedFindings: [],
  },
];
