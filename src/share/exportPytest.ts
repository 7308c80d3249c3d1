/**
 * A pytest file that pins what the app answered in a recorded run: the request's environ as
 * the app received it, and the status, headers (Date aside) and body the client got. It writes
 * the project's files to a temporary directory, imports the entry from there as gunicorn would,
 * and serves the request through wsgiref's `SimpleHandler`, the server the playground is built on.
 */
import type { Project } from '../project/project.ts';
import { bytesToLatin1, fromBase64 } from '../trace/bytes.ts';
import type { Trace } from '../trace/schema.ts';
import { pyBytes, pyStr } from './pythonLiteral.ts';
import { serverSoftwareOf } from './exportPython.ts';
import { PROJECT_LOADER, pyProject } from './pythonProject.ts';

/** Outcomes whose response a test cannot reproduce (the run never ended by itself). */
const UNFINISHED: ReadonlySet<Trace['outcome']> = new Set(['timeout', 'stopped', 'limit', 'crash']);

/** Why no test can be written for this run, or null when one can. */
export function pytestUnavailable(trace: Trace): string | null {
  if (trace.callable === null || trace.environ.length === 0)
    return 'The app was never called in this run, so there is no response to test.';
  if (UNFINISHED.has(trace.outcome))
    return 'This run did not finish by itself, so there is no response to test.';
  return null;
}

/** Status, headers and body as the client read them off the wire (as the test parses them). */
export function parseWire(
  wire: Uint8Array,
  originServer: boolean,
): { status: string; headers: [string, string][]; body: Uint8Array } {
  const text = bytesToLatin1(wire);
  const end = text.indexOf('\r\n\r\n');
  const head = end < 0 ? text : text.slice(0, end);
  const lines = head.split('\r\n');
  let status = '';
  if (originServer) status = (lines.shift() ?? '').split(' ').slice(1).join(' ');
  const headers: [string, string][] = [];
  for (const line of lines) {
    if (line === '') continue;
    const colon = line.indexOf(':');
    const name = line.slice(0, colon);
    const value = line.slice(colon + 1).trim();
    if (!originServer && name.toLowerCase() === 'status') status = value;
    else headers.push([name, value]);
  }
  return { status, headers, body: wire.subarray(end < 0 ? wire.length : end + 4) };
}

/** One `"KEY": "value",` line per CGI variable the app received. */
function environLines(trace: Trace): string {
  return trace.environ
    .filter((e) => e.type === 'str' && !e.key.startsWith('wsgi.') && e.key !== 'SERVER_SOFTWARE')
    .map((e) => `    ${pyStr(e.key)}: ${pyStr(e.value)},`)
    .join('\n');
}

/**
 * The test file for `project` run as recorded in `trace` (check `pytestUnavailable` first).
 * Run it with `python3 -m pytest test_app.py`.
 */
export function toPytest(project: Project, trace: Trace): string {
  const { settings, response } = trace;
  const origin = settings.personality === 'http';
  const wire = parseWire(fromBase64(response.wireBase64), origin);
  const headers = wire.headers.filter(([name]) => name.toLowerCase() !== 'date');
  const software = serverSoftwareOf(trace);
  const headerList = headers.map(([n, v]) => `    (${pyStr(n)}, ${pyStr(v)}),`).join('\n');
  const bodyCheck = response.truncated
    ? `    # The playground kept the first ${wire.body.length} of ${response.bodySize} bytes.
    assert len(response.body) == ${response.bodySize}
    assert response.body.startswith(EXPECTED_BODY)`
    : '    assert response.body == EXPECTED_BODY';
  const outcomeNote =
    trace.outcome === 'complete'
      ? ''
      : `\nIn the recorded run the outcome was ${trace.outcome}: these tests pin that behaviour; change the
expectations to what the app should do, then fix the app until they pass.\n`;
  return `"""Tests for a WSGI app, written by WSGI Playground from a recorded run.

The request is the one the playground sent; the expected status, headers and body are what the
client received then (the Date header aside).
${outcomeNote}
    python3 -m pytest test_app.py -q
"""

import io
from collections import namedtuple
from wsgiref.handlers import SimpleHandler

import pytest

# The app under test, as it was in the playground. To test your own package instead, make the
# application fixture return it, e.g. \`\`from app import application; return application\`\`.
${pyProject(project)}

#: The CGI variables the app received (the handler adds the wsgi.* keys).
ENVIRON = {
${environLines(trace)}
}
BODY = ${pyBytes(fromBase64(trace.request.bodyBase64))}

EXPECTED_STATUS = ${pyStr(wire.status)}
EXPECTED_HEADERS = [
${headerList}
]
EXPECTED_BODY = ${pyBytes(wire.body)}

Response = namedtuple("Response", "status headers body")


class Handler(SimpleHandler):
    """wsgiref's server with the playground's settings, and an environ that is the request's."""

    os_environ = {}
    origin_server = ${origin ? 'True' : 'False'}
    http_version = ${pyStr(settings.httpVersion)}
    wsgi_run_once = ${settings.runOnce ? 'True' : 'False'}
${software === null ? '' : `    server_software = ${pyStr(software)}\n`}

# -- the tests -------------------------------------------------------------------------------


def serve(application):
    """Serve the request; return the status, headers (without Date) and body the client gets."""
    out = io.BytesIO()
    handler = Handler(
        io.BytesIO(BODY),
        out,
        io.StringIO(),
        dict(ENVIRON),
        multithread=${settings.multithread ? 'True' : 'False'},
        multiprocess=${settings.multiprocess ? 'True' : 'False'},
    )
    handler.run(application)
    head, _, body = out.getvalue().partition(b"\\r\\n\\r\\n")
    lines = head.decode("latin-1").split("\\r\\n")
    status = lines.pop(0).partition(" ")[2] if handler.origin_server else None
    headers = []
    for line in lines:
        name, _, value = line.partition(":")
        if name.lower() == "status" and status is None:
            status = value.strip()
        elif name.lower() != "date":
            headers.append((name, value.strip()))
    return Response(status, headers, body)


@pytest.fixture(scope="module")
def application():
    """The app, imported from its files (written to a temporary directory first on sys.path)
    as the playground imported it."""
    with ProjectDir(Project(FILES, ENTRY)) as directory:
        yield load_application(directory)[1]


@pytest.fixture(scope="module")
def response(application):
    return serve(application)


def test_status(response):
    assert response.status == EXPECTED_STATUS


def test_headers(response):
    assert response.headers == EXPECTED_HEADERS


def test_body(response):
${bodyCheck}


# -- how the playground loads a project (used by the application fixture) ---------------------


${PROJECT_LOADER}
`;
}
