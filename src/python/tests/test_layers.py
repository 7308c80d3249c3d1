"""Each WSGI callable between the server and the innermost app is a layer, with its own events."""

import os
import unittest

from .fidelity import APPS_DIR, read_project
from .helpers import body, events, kinds, project_trace, trace_of
from .library import installed


def fidelity_project(name):
    """The files of a project of the fidelity table."""
    return read_project(os.path.join(APPS_DIR, name))


def where(event):
    """An event's file (None: the entry file) and line."""
    return event.get("file"), event.get("line")


def header_names(event):
    """The header names of a start_response-like event."""
    return [item["name"] for item in event["headers"]]


def layer_events(trace):
    """The layer.* events."""
    return [e for e in trace["events"] if e["kind"].startswith("layer.")]


STAMP = (
    "class Stamp:\n"
    "    def __init__(self, app):\n"
    "        self.app = app\n"
    "    def __call__(self, environ, start_response):\n"
    "        def stamped(status, headers, exc_info=None):\n"
    "            return start_response(status, headers + [('X-Stamp', '1')], exc_info)\n"
    "        return self.app(environ, stamped)\n"
)


class AcceptanceTest(unittest.TestCase):
    """app.py builds the app from middleware.py's two middlewares around views.py's function."""

    @classmethod
    def setUpClass(cls):
        cls.trace = project_trace(fidelity_project("project_middleware"))

    def test_both_middlewares_are_layers_outermost_first(self):
        self.assertEqual(
            self.trace["layers"],
            [
                {"id": "Stamp", "name": "Stamp", "file": "middleware.py", "line": 7},
                {"id": "Buffer", "name": "Buffer", "file": "middleware.py", "line": 20},
            ],
        )
        self.assertEqual(body(self.trace), b"one\ntwo\n")

    def test_each_call_down_the_chain(self):
        call, *layer_calls = [e for e in self.trace["events"] if e["kind"].endswith("call")]
        self.assertEqual((call["kind"], call["actor"]), ("app.call", "Stamp"))
        self.assertEqual(
            [(e["layer"], e["outer"], e["actor"], where(e)) for e in layer_calls],
            [
                ("Buffer", "Stamp", "Stamp", ("middleware.py", 11)),
                ("app", "Buffer", "Buffer", ("middleware.py", 28)),
            ],
        )

    def test_what_each_did_to_the_headers(self):
        inner, buffered = events(self.trace, "layer.start_response")
        server = events(self.trace, "start_response")[0]
        self.assertEqual(
            (inner["layer"], inner["outer"], where(inner)), ("app", "Buffer", ("views.py", 2))
        )
        self.assertEqual(header_names(inner), ["Content-Type"])
        self.assertEqual(
            (buffered["layer"], buffered["outer"], where(buffered)),
            ("Buffer", "Stamp", ("middleware.py", 33)),
        )
        self.assertEqual(header_names(buffered), ["Content-Type", "Content-Length"])
        self.assertEqual((server["actor"], where(server)), ("Stamp", ("middleware.py", 9)))
        self.assertEqual(header_names(server), ["Content-Type", "Content-Length", "X-Stamp"])
        self.assertLess(inner["seq"], buffered["seq"])
        self.assertLess(buffered["seq"], server["seq"])

    def test_what_each_did_to_the_body(self):
        yields = events(self.trace, "layer.yield")
        self.assertEqual(
            [(y["layer"], y["outer"], y["index"], y["size"], where(y)) for y in yields],
            [
                ("app", "Buffer", 0, 4, ("views.py", 3)),
                ("app", "Buffer", 1, 4, ("views.py", 4)),
                ("Buffer", "Stamp", 0, 8, ("middleware.py", 34)),
            ],
        )
        returns = events(self.trace, "layer.return")
        self.assertEqual(
            [(r["layer"], r["resultType"]) for r in returns],
            [("app", "generator"), ("Buffer", "list")],
        )
        closed = events(self.trace, "layer.close")
        self.assertEqual(
            [(c["layer"], c["outer"], c["called"], where(c)) for c in closed],
            [("app", "Buffer", True, ("middleware.py", 31))],
        )
        chunk = events(self.trace, "yield")[0]
        self.assertEqual((chunk["actor"], chunk["size"]), ("Stamp", 8))
        self.assertEqual(events(self.trace, "close")[0]["actor"], "Stamp")


class LayerTest(unittest.TestCase):
    def test_no_middleware_no_layer_events_and_no_layers(self):
        trace = trace_of(
            "def application(environ, start_response):\n"
            "    start_response('200 OK', [])\n"
            "    return [b'x']\n"
        )
        self.assertEqual(layer_events(trace), [])
        self.assertNotIn("layers", trace)
        self.assertEqual(events(trace, "app.call")[0]["actor"], "server")
        self.assertEqual({e["actor"] for e in trace["events"]}, {"server", "app"})

    def test_a_middleware_that_forgets_close(self):
        trace = project_trace(fidelity_project("project_unclosed"))
        self.assertEqual([layer["id"] for layer in trace["layers"]], ["Upper"])
        # Upper is a generator: each chunk resumes its frame, and it called the app once.
        self.assertEqual(len(events(trace, "layer.call")), 1)
        closes = events(trace, "layer.close")
        self.assertEqual(
            [(c["layer"], c["outer"], c["called"], c["resultType"]) for c in closes],
            [("app", "Upper", False, "views.Rows")],
        )
        self.assertEqual(closes[0]["seq"], trace["events"][-2]["seq"])  # at the end
        self.assertEqual(
            trace["innerIterables"],
            [{"callable": "rows", "resultType": "views.Rows", "closed": False}],
        )
        yields = events(trace, "layer.yield")
        self.assertEqual([where(y) for y in yields], [("views.py", 6), ("views.py", 7)])
        self.assertEqual([where(y) for y in events(trace, "yield")], [("middleware.py", 9)] * 2)

    def test_a_middleware_that_calls_start_response_late(self):
        trace = project_trace(fidelity_project("project_late_start"))
        order = [
            (e["kind"], e.get("layer")) for e in trace["events"] if e["kind"] != "headers.commit"
        ]
        self.assertEqual(
            order[:9],
            [
                ("app.call", None),
                ("app.return", None),
                ("layer.call", "app"),
                ("layer.start_response", "app"),
                ("layer.return", "app"),
                ("layer.yield", "app"),
                ("layer.yield", "app"),
                ("start_response", None),
                ("yield", None),
            ],
        )
        start = events(trace, "start_response")[0]
        self.assertEqual((start["actor"], where(start)), ("Late", ("middleware.py", 16)))
        self.assertIn("X-Late", header_names(start))

    def test_events_of_each_lane_name_it(self):
        trace = project_trace(
            {
                "app.py": "from middleware import Log\n"
                "from views import index\n"
                "application = Log(index)\n",
                "middleware.py": "class Log:\n"
                "    def __init__(self, app):\n"
                "        self.app = app\n"
                "    def __call__(self, environ, start_response):\n"
                "        print('before')\n"
                "        return self.app(environ, start_response)\n",
                "views.py": "def index(environ, start_response):\n"
                "    print('inside')\n"
                "    environ['wsgi.errors'].write('log')\n"
                "    start_response('200 OK', [])\n"
                "    raise ValueError('no')\n",
            }
        )
        printed = {e["text"]: e["actor"] for e in events(trace, "print")}
        self.assertEqual(printed, {"before": "Log", "inside": "app"})
        self.assertEqual(events(trace, "errors.write")[0]["actor"], "app")
        self.assertEqual(
            events(trace, "start_response")[0]["actor"], "app"
        )  # the server's, passed on
        self.assertEqual(events(trace, "layer.start_response"), [])
        exception = events(trace, "exception")[0]
        self.assertEqual((exception["actor"], where(exception)), ("app", ("views.py", 5)))

    def test_the_same_class_twice_and_a_middleware_named_app(self):
        trace = trace_of(
            STAMP + "def inner(environ, start_response):\n"
            "    start_response('200 OK', [])\n"
            "    return [b'x']\n"
            "def app(environ, start_response):\n"
            "    return Stamp(Stamp(inner))(environ, start_response)\n"
        )
        self.assertEqual([layer["id"] for layer in trace["layers"]], ["app#2", "Stamp", "Stamp#2"])
        self.assertEqual(events(trace, "start_response")[0]["actor"], "Stamp")
        stamps = [h["name"] for h in events(trace, "start_response")[0]["headers"]]
        self.assertEqual(stamps, ["X-Stamp", "X-Stamp"])

    def test_a_list_is_given_at_its_return(self):
        trace = trace_of(
            "def inner(environ, start_response):\n"
            "    start_response('200 OK', [])\n"
            "    return [b'a', b'b']\n"
            "def application(environ, start_response):\n"
            "    return [chunk.upper() for chunk in inner(environ, start_response)]\n"
        )
        self.assertEqual(
            kinds(trace)[2:6], ["start_response", "layer.return", "layer.yield", "layer.yield"]
        )
        self.assertEqual(body(trace), b"AB")

    def test_a_library_middleware_is_a_layer_and_a_library_response_is_not(self):
        library = {
            "fakeproxy": "class ProxyFix:\n"
            "    def __init__(self, app):\n"
            "        self.app = app\n"
            "    def __call__(self, environ, start_response):\n"
            "        environ['wsgi.url_scheme'] = 'https'\n"
            "        return self.app(environ, start_response)\n",
            "fakeresponse": "class Response:\n"
            "    def __init__(self, body):\n"
            "        self.body = body\n"
            "    def __call__(self, environ, start_response):\n"
            "        start_response('200 OK', [('Content-Type', 'text/plain')])\n"
            "        return [self.body]\n",
        }
        with installed(**library):
            trace = trace_of(
                "from fakeproxy import ProxyFix\n"
                "from fakeresponse import Response\n"
                "def index(environ, start_response):\n"
                "    answer = Response(environ['wsgi.url_scheme'].encode())\n"
                "    return answer(environ, start_response)\n"
                "application = ProxyFix(index)\n"
            )
        self.assertEqual(body(trace), b"https")
        self.assertEqual(
            trace["layers"],
            [{"id": "ProxyFix", "name": "ProxyFix", "file": "fakeproxy.py", "line": 4}],
        )
        start = events(trace, "start_response")[0]
        self.assertEqual((start["actor"], start["line"]), ("app", 5))
        self.assertEqual(start["stack"][-1]["file"], "fakeresponse.py")
        self.assertEqual(
            [(e["kind"], e["layer"]) for e in layer_events(trace)],
            [("layer.call", "app"), ("layer.return", "app"), ("layer.yield", "app")],
        )

    def test_a_library_middleware_inside_a_library_app(self):
        # Flask's pattern: app.wsgi_app = ProxyFix(app.wsgi_app), all of it library code.
        library = {
            "fakeproxy": "class ProxyFix:\n"
            "    def __init__(self, app):\n"
            "        self.app = app\n"
            "    def __call__(self, environ, start_response):\n"
            "        return self.app(environ, start_response)\n",
            "fakeframework": "class Response:\n"
            "    def __call__(self, environ, start_response):\n"
            "        start_response('200 OK', [])\n"
            "        return [b'x']\n"
            "class Framework:\n"
            "    def __call__(self, environ, start_response):\n"
            "        return self.wsgi_app(environ, start_response)\n"
            "    def wsgi_app(self, environ, start_response):\n"
            "        return Response()(environ, start_response)\n",
        }
        with installed(**library):
            trace = trace_of(
                "from fakeframework import Framework\n"
                "from fakeproxy import ProxyFix\n"
                "app = Framework()\n"
                "app.wsgi_app = ProxyFix(app.wsgi_app)\n"
            )
        self.assertEqual([layer["id"] for layer in trace["layers"]], ["Framework", "ProxyFix"])
        self.assertEqual(
            [(e["kind"], e["layer"], e["outer"]) for e in events(trace, "layer.call")],
            [("layer.call", "ProxyFix", "Framework"), ("layer.call", "app", "ProxyFix")],
        )
        self.assertEqual(events(trace, "start_response")[0]["actor"], "app")
        self.assertEqual(events(trace, "layer.close"), [])  # a list: nothing to close

    def test_a_generator_of_an_earlier_run_finalized_now_is_no_lane(self):
        # Stopped by the event limit, the generator lives on in a reference cycle...
        trace_of(
            "def inner(environ, start_response):\n"
            "    return []\n"
            "def application(environ, start_response):\n"
            "    try:\n"
            "        start_response('200 OK', [])\n"
            "        while True:\n"
            "            yield b'x'\n"
            "    finally:\n"
            "        inner(environ, start_response)\n",
            maxEvents=5,
        )
        trace = trace_of(
            "import gc\n"
            "def application(environ, start_response):\n"
            "    gc.collect()  # ...until here, where its finally calls its inner app\n"
            "    start_response('200 OK', [])\n"
            "    return [b'x']\n"
        )
        self.assertNotIn("layers", trace)
        self.assertEqual(layer_events(trace), [])

    def test_a_method_of_the_same_object_is_the_same_lane(self):
        with installed(
            fakeframework="class Framework:\n"
            "    def __call__(self, environ, start_response):\n"
            "        return self.wsgi_app(environ, start_response)\n"
            "    def wsgi_app(self, environ, start_response):\n"
            "        start_response('200 OK', [])\n"
            "        return [b'x']\n"
        ):
            trace = trace_of("from fakeframework import Framework\napp = Framework()\n")
        self.assertNotIn("layers", trace)
        self.assertEqual(layer_events(trace), [])
        self.assertEqual(events(trace, "start_response")[0]["actor"], "app")


if __name__ == "__main__":
    unittest.main()
