"""A client that goes away mid-response: the server does what wsgiref does over a socket."""

import base64
import io
import re
import unittest
from wsgiref.handlers import SimpleHandler

from .helpers import body, events, kinds, project_trace, trace_of

GENERATOR_APP = """\
def application(environ, start_response):
    start_response('200 OK', [('Content-Type', 'text/plain')])
    try:
        for i in range(5):
            yield b'chunk %d\\n' % i
    finally:
        print('finally reached')
"""

DROPPING_LAYER = (
    GENERATOR_APP.replace("def application", "def inner")
    + """
def layer(app):
    def wrapped(environ, start_response):
        for chunk in app(environ, start_response):
            yield chunk
    return wrapped

application = layer(inner)
"""
)

MIDDLEWARE = """\
from app import application as inner


class Passing:
    def __init__(self, app):
        self.app = app

    def __call__(self, environ, start_response):
        return self.app(environ, start_response)


application = Passing(inner)
"""


class GoneSocket(io.RawIOBase):
    """A socket's file whose peer closes after reading ``after`` bytes: the next write raises."""

    def __init__(self, after):
        self.after, self.sent = after, bytearray()

    def writable(self):
        return True

    def write(self, data):
        if len(self.sent) >= self.after:
            raise BrokenPipeError(32, "Broken pipe")
        self.sent += data
        return len(data)


def wsgiref_over_gone_socket(after):
    """Serve GENERATOR_APP with CPython's own handler over a socket gone after ``after`` bytes:
    the bytes the client got, whether close() ran, and what went to wsgi.errors."""
    namespace = {}
    exec(GENERATOR_APP.replace("print('finally reached')", "closed.append(1)"), namespace)
    namespace["closed"] = closed = []
    out, errors = GoneSocket(after), io.StringIO()
    environ = {"REQUEST_METHOD": "GET", "SERVER_NAME": "localhost", "SERVER_PORT": "80"}
    environ.update({"SERVER_PROTOCOL": "HTTP/1.1", "PATH_INFO": "/"})
    handler = SimpleHandler(io.BytesIO(), out, errors, environ, multithread=False)
    handler.origin_server, handler.http_version = True, "1.1"
    handler.run(namespace["application"])
    return bytes(out.sent), bool(closed), errors.getvalue()


class DisconnectTest(unittest.TestCase):
    def test_the_next_write_fails_and_the_iterable_is_closed(self):
        trace = trace_of(GENERATOR_APP, disconnectAfter=5)
        self.assertEqual(trace["outcome"], "disconnected")
        (gone,) = events(trace, "client.disconnect")
        self.assertEqual(gone["afterBytes"], 5)
        self.assertEqual(gone["sentBytes"], 17)  # the status line went through whole
        self.assertIn("BrokenPipeError", gone["error"])
        # close() is called, and the generator's finally runs (its print is recorded).
        self.assertLess(kinds(trace).index("client.disconnect"), kinds(trace).index("close"))
        self.assertEqual([e["text"] for e in events(trace, "print")], ["finally reached"])
        self.assertEqual(events(trace, "exception"), [])
        self.assertNotIn("error", trace)
        # Only what went out counts: the header the client never got is no part of the wire.
        self.assertEqual(trace["stats"]["wireBytes"], 17)
        self.assertEqual(trace["stats"]["bodyBytes"], 0)

    def test_bytes_equal_wsgiref_over_a_socket_gone_at_the_same_point(self):
        for after in (0, 5, 40, 120):
            with self.subTest(after=after):
                trace = trace_of(GENERATOR_APP, disconnectAfter=after)
                sent, closed, errors = wsgiref_over_gone_socket(after)
                wire = trace_wire(trace)
                self.assertEqual(strip_date(wire), strip_date(sent))
                self.assertTrue(closed)
                self.assertEqual(errors, "")
                self.assertEqual(trace["errorLog"], "")

    def test_a_client_that_reads_it_all_changes_nothing(self):
        trace = trace_of(GENERATOR_APP, disconnectAfter=10_000)
        self.assertEqual(trace["outcome"], "complete")
        self.assertEqual(events(trace, "client.disconnect"), [])
        self.assertEqual(body(trace), b"".join(b"chunk %d\n" % i for i in range(5)))

    def test_behind_a_middleware_layer_every_close_is_called(self):
        trace = project_trace(
            {"app.py": GENERATOR_APP, "wrapped.py": MIDDLEWARE}, "wrapped", disconnectAfter=5
        )
        self.assertEqual(trace["outcome"], "disconnected")
        self.assertIn("client.disconnect", kinds(trace))
        self.assertIn("close", kinds(trace))
        self.assertEqual([e["text"] for e in events(trace, "print")], ["finally reached"])

    def test_a_generator_layer_that_drops_its_inner_generator_lets_it_finalize(self):
        # The layer never closes the app's generator; a server holds no frame of it, so it is
        # finalized (its finally runs) when the layer's generator is closed. The tracer once
        # kept it alive past the end of the response in Python 3.14 (Pyodide) through the
        # frames it remembers, and the finally never ran within the run.
        trace = trace_of(DROPPING_LAYER, disconnectAfter=5)
        self.assertEqual(trace["outcome"], "disconnected")
        printed = events(trace, "print")
        self.assertEqual([(e["text"], e["actor"]) for e in printed], [("finally reached", "app")])
        self.assertLess(events(trace, "close")[0]["seq"], printed[0]["seq"])
        self.assertEqual([i["closed"] for i in trace["innerIterables"]], [True])
        self.assertNotIn("layer.close", kinds(trace))  # nobody called it: it was finalized

    def test_a_bad_setting_is_refused(self):
        with self.assertRaises(ValueError):
            trace_of(GENERATOR_APP, disconnectAfter=-1)


class SlowClientTest(unittest.TestCase):
    def test_each_write_of_the_body_waits_for_the_client(self):
        trace = trace_of(GENERATOR_APP, slowClient=20)
        self.assertEqual(trace["outcome"], "complete")
        waits = events(trace, "client.wait")
        self.assertEqual(len(waits), 5)  # one per chunk; the head's writes never wait
        self.assertEqual({wait["ms"] for wait in waits}, {20})
        yields = events(trace, "yield")
        # The next chunk comes only after the client read the last one.
        self.assertGreaterEqual(yields[-1]["t"] - yields[0]["t"], 4 * 20 * 0.9)
        self.assertEqual(body(trace), b"".join(b"chunk %d\n" % i for i in range(5)))


READ_ALL = """\
def application(environ, start_response):
    size = int(environ.get('CONTENT_LENGTH') or 0)
    data = environ['wsgi.input'].read(size)
    start_response('200 OK', [('Content-Type', 'text/plain')])
    return [b'%d of %d' % (len(data), size)]
"""


class ShortBodyTest(unittest.TestCase):
    def test_the_input_ends_where_the_client_stopped(self):
        headers = [["Host", "localhost"], ["Content-Length", "10"]]
        trace = trace_of(READ_ALL, "POST", headers=headers, body=b"0123456789", shortBody=4)
        self.assertEqual(body(trace), b"4 of 10")
        (read,) = events(trace, "input.read")
        self.assertEqual(read["clientStopped"], {"sent": 4, "announced": 10})
        self.assertEqual(read["position"], 4)

    def test_a_client_that_sends_it_all_changes_nothing(self):
        headers = [["Host", "localhost"], ["Content-Length", "10"]]
        trace = trace_of(READ_ALL, "POST", headers=headers, body=b"0123456789", shortBody=10)
        self.assertEqual(body(trace), b"10 of 10")
        self.assertNotIn("clientStopped", events(trace, "input.read")[0])


def trace_wire(trace):
    """The wire bytes of a Trace."""
    return base64.b64decode(trace["response"]["wireBase64"])


def strip_date(wire):
    """The wire without its Date header's value (it differs by the second)."""
    return re.sub(rb"Date: [^\r]*\r\n", b"Date: -\r\n", wire)


if __name__ == "__main__":
    unittest.main()
