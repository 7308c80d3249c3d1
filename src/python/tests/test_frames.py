"""Each event names the nearest project frame, and the library frames between it and the event."""

import unittest

from .helpers import events, project_trace, trace_of
from .library import installed

RESPOND = (
    "def respond(start_response, status):\n"
    "    start_response(status, [('Content-Type', 'text/plain')])\n"
)

FRAMEWORK = (
    "import sys\n"
    "class Framework:\n"
    "    def __init__(self, import_name):\n"
    "        self.import_name = import_name\n"
    "        self.module_file = sys.modules[import_name].__file__\n"
    "        self.view = None\n"
    "    def route(self, view):\n"
    "        self.view = view\n"
    "        return view\n"
    "    def __call__(self, environ, start_response):\n"
    "        body = self.view(environ)\n"
    "        start_response('200 OK', [])\n"
    "        return [body]\n"
)

CLOSING = (
    "class Closing:\n"
    "    def __init__(self, iterable):\n"
    "        self.iterator = iter(iterable)\n"
    "    def __iter__(self):\n"
    "        return self\n"
    "    def __next__(self):\n"
    "        return next(self.iterator)\n"
    "def passing(iterable):\n"
    "    for chunk in iterable:\n"
    "        yield chunk\n"
)


STDLIB_BETWEEN = (
    "import contextlib\n"
    "from wsgiref.util import FileWrapper\n"
    "class Reader:\n"
    "    chunks = iter([b'a', b'bb', b''])\n"
    "    def read(self, size):\n"
    "        return next(self.chunks)\n"
    "def application(environ, start_response):\n"
    "    with contextlib.ExitStack() as stack:\n"
    "        stack.callback(start_response, '200 OK', [])\n"
    "    return FileWrapper(Reader())\n"
)


class FrameTest(unittest.TestCase):
    def test_start_response_through_a_library_names_the_project_line_and_the_stack(self):
        with installed(fakewrapper=RESPOND):
            trace = trace_of(
                "import fakewrapper\n"
                "def application(environ, start_response):\n"
                "    fakewrapper.respond(start_response, '200 OK')\n"
                "    return [b'ok']\n"
            )
        start = events(trace, "start_response")[0]
        self.assertEqual((start["actor"], start["line"]), ("app", 3))
        self.assertNotIn("file", start)
        self.assertEqual(
            start["stack"],
            [
                {"file": "app.py", "line": 3, "function": "application", "origin": "project"},
                {"file": "fakewrapper.py", "line": 2, "function": "respond", "origin": "library"},
            ],
        )
        self.assertNotIn("stack", events(trace, "app.return")[0])

    def test_a_library_app_calling_start_response_after_the_view_names_the_view(self):
        with installed(fakeframework=FRAMEWORK):
            trace = project_trace(
                {
                    "app.py": "from views import app\n\n__all__ = ['app']\n",
                    "views.py": "from fakeframework import Framework\n"
                    "app = Framework(__name__)\n"
                    "@app.route\n"
                    "def index(environ):\n"
                    "    name = app.import_name\n"
                    "    return (name + ' ' + app.module_file.rsplit('/', 1)[-1]).encode()\n",
                }
            )
        self.assertEqual(trace["outcome"], "complete", trace.get("error"))
        self.assertEqual(events(trace, "yield")[0]["previewBase64"], "dmlld3Mgdmlld3MucHk=")
        start = events(trace, "start_response")[0]
        self.assertEqual((start["actor"], start["file"], start["line"]), ("app", "views.py", 6))
        self.assertEqual(
            [(f["file"], f["function"], f["origin"]) for f in start["stack"]],
            [("fakeframework.py", "__call__", "library")],
        )
        self.assertNotIn("line", events(trace, "app.call")[0])  # the app is the library's
        returned = events(trace, "app.return")[0]
        self.assertEqual((returned["file"], returned["line"]), ("views.py", 6))

    def test_a_chunk_through_a_wrapping_iterator_names_the_yield_line(self):
        for wrapper in ("Closing", "passing"):
            with self.subTest(wrapper), installed(fakeclosing=CLOSING):
                trace = trace_of(
                    "import fakeclosing\n"
                    "def body():\n"
                    "    yield b'a'\n"
                    "    for i in range(3):\n"
                    "        yield b'b'\n"
                    "def application(environ, start_response):\n"
                    "    start_response('200 OK', [])\n"
                    "    return fakeclosing.%s(body())\n" % wrapper
                )
                yields = events(trace, "yield")
                self.assertEqual([y["line"] for y in yields], [3, 5, 5, 5])
                self.assertEqual([y["index"] for y in yields], [0, 1, 2, 3])
                self.assertEqual({y["actor"] for y in yields}, {"app"})
                self.assertEqual(
                    [(f["file"], f["origin"]) for f in yields[0]["stack"]],
                    [("app.py", "project"), ("fakeclosing.py", "library")],
                )
                self.assertEqual(trace["stats"]["chunks"], 4)

    def test_stdlib_frames_between_count_too(self):
        trace = trace_of(STDLIB_BETWEEN)
        start = events(trace, "start_response")[0]
        self.assertEqual((start["actor"], start["line"]), ("app", 8))  # the with exits
        self.assertEqual(start["stack"][0]["function"], "application")
        self.assertEqual({f["origin"] for f in start["stack"][1:]}, {"stdlib"})
        self.assertEqual(start["stack"][-1]["file"], "contextlib.py")
        chunks = events(trace, "yield")
        self.assertEqual([(c["line"], c["size"]) for c in chunks], [(6, 1), (6, 2)])
        self.assertEqual(
            [(f["file"], f["function"]) for f in chunks[0]["stack"]],
            [("app.py", "read"), ("wsgiref/util.py", "__next__")],
        )

    def test_a_chunk_from_a_project_generator_has_no_stack(self):
        trace = trace_of(
            "def application(environ, start_response):\n"
            "    start_response('200 OK', [])\n"
            "    yield b'a'\n"
        )
        self.assertNotIn("stack", events(trace, "yield")[0])

    def test_events_in_a_second_file_name_it(self):
        trace = project_trace(
            {
                "app.py": "import views\napplication = views.app\n",
                "views.py": "def app(environ, start_response):\n"
                "    environ['wsgi.input'].read()\n"
                "    print('in views')\n"
                "    environ['wsgi.errors'].write('log')\n"
                "    write = start_response('200 OK', [])\n"
                "    write(b'w')\n"
                "    yield b'y'\n",
            }
        )
        kinds = ("input.read", "print", "errors.write", "start_response", "write", "yield")
        for kind, line in zip(kinds, range(2, 8), strict=True):
            with self.subTest(kind):
                event = events(trace, kind)[0]
                self.assertEqual(
                    (event["file"], event["line"], event["actor"]), ("views.py", line, "app")
                )

    def test_an_exception_in_a_library_keeps_the_frames_it_ran_into(self):
        trace = trace_of(
            "import json\ndef application(environ, start_response):\n    json.loads('{')\n"
        )
        exception = events(trace, "exception")[0]
        frames = [(f["file"], f["origin"]) for f in exception["traceback"]]
        self.assertEqual(frames[0], ("app.py", "project"))
        self.assertEqual({origin for _, origin in frames[1:]}, {"stdlib"})
        self.assertIn(("json/decoder.py", "stdlib"), frames)
        self.assertEqual(exception["line"], 3)
        self.assertIn('File "json/decoder.py"', exception["formatted"])

    def test_an_exception_raised_by_a_library_app_is_the_apps(self):
        with installed(fakeframework=FRAMEWORK):
            trace = trace_of("from fakeframework import Framework\napp = Framework(__name__)\n")
        self.assertEqual(trace["outcome"], "app-error")
        exception = events(trace, "exception")[0]
        self.assertEqual((exception["actor"], exception["phase"]), ("app", "call"))
        self.assertEqual(
            [(f["file"], f["name"], f["origin"]) for f in exception["traceback"]],
            [("fakeframework.py", "__call__", "library")],
        )
        self.assertEqual(exception["message"], "'NoneType' object is not callable")


if __name__ == "__main__":
    unittest.main()
