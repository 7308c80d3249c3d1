"""A project of several files loads as it would from disk, fresh for every run."""

import sys
import unittest

from .helpers import body, events, project_trace, trace_of

HELLO = "def application(e, s):\n    s('200 OK', [])\n    return [b'hi']\n"


class ProjectTest(unittest.TestCase):
    def test_the_entry_imports_a_second_file_by_name(self):
        trace = project_trace(
            {
                "app.py": "from views import index\napplication = index\n",
                "views.py": "def index(environ, start_response):\n"
                "    start_response('200 OK', [])\n"
                "    return [__name__.encode()]\n",
            }
        )
        self.assertEqual(trace["outcome"], "complete")
        self.assertEqual(body(trace), b"views")
        self.assertEqual(
            trace["project"],
            {"entry": "app", "entryFile": "app.py", "files": ["app.py", "views.py"]},
        )
        start = events(trace, "start_response")[0]
        self.assertEqual((start["file"], start["line"]), ("views.py", 2))
        self.assertEqual(events(trace, "app.return")[0]["file"], "views.py")

    def test_a_package_with_relative_imports_and_a_data_file(self):
        trace = project_trace(
            {
                "pkg/__init__.py": "from .views import app\n",
                "pkg/views.py": "import os\n"
                "HERE = os.path.dirname(__file__)\n"
                "def app(environ, start_response):\n"
                "    with open(os.path.join(HERE, 'templates', 'page.html'), 'rb') as f:\n"
                "        page = f.read()\n"
                "    start_response('200 OK', [])\n"
                "    yield __name__.encode() + b' ' + page\n",
                "pkg/templates/page.html": "<p>hi</p>",
            },
            entry="pkg:app",
        )
        self.assertEqual(trace["outcome"], "complete", trace.get("error"))
        self.assertEqual(body(trace), b"pkg.views <p>hi</p>")
        self.assertEqual(trace["project"]["entryFile"], "pkg/__init__.py")
        chunk = events(trace, "yield")[0]
        self.assertEqual((chunk["file"], chunk["line"]), ("pkg/views.py", 7))

    def test_modules_are_registered_under_their_names(self):
        trace = project_trace(
            {
                "app.py": "import sys\n"
                "import helpers.text\n"
                "NAME = __name__\n"
                "def application(environ, start_response):\n"
                "    start_response('200 OK', [])\n"
                "    same = sys.modules['app'].NAME == NAME == 'app'\n"
                "    return [helpers.text.shout(repr(same))]\n",
                "helpers/__init__.py": "",
                "helpers/text.py": "def shout(text):\n    return text.upper().encode()\n",
            }
        )
        self.assertEqual(body(trace), b"TRUE")
        self.assertNotIn("app", sys.modules)
        self.assertNotIn("helpers.text", sys.modules)

    def test_an_edit_takes_effect_on_the_next_run(self):
        files = {"app.py": "from views import application\n", "views.py": HELLO}
        self.assertEqual(body(project_trace(files)), b"hi")
        files["views.py"] = HELLO.replace("b'hi'", b"b'ho'".decode())
        self.assertEqual(body(project_trace(files)), b"ho")

    def test_entry_forms_of_gunicorn(self):
        files = {
            "web.py": "def make(greeting='hi'):\n"
            "    def app(e, s):\n"
            "        s('200 OK', [])\n"
            "        return [greeting.encode()]\n"
            "    return app\n"
            "class api:\n"
            "    wsgi = staticmethod(make('api'))\n"
            "app = make('plain')\n"
        }
        cases = {
            "web": b"plain",
            "web:app": b"plain",
            "web:make()": b"hi",
            "web:make('yo')": b"yo",
            "web:make(greeting='kw')": b"kw",
            "web:api.wsgi": b"api",
        }
        for entry, expected in cases.items():
            with self.subTest(entry):
                trace = project_trace(files, entry=entry)
                self.assertEqual(body(trace), expected, trace.get("error"))
        self.assertEqual(project_trace(files, entry="web:make()")["callable"], "make()")

    def test_a_missing_callable_names_the_entry_and_the_files(self):
        trace = project_trace({"app.py": "x = 1\n", "views.py": ""})
        self.assertEqual(trace["error"]["kind"], "no-callable")
        self.assertEqual(
            trace["error"]["message"],
            "app: module 'app' has no 'application' or 'app'; files: app.py, views.py",
        )

    def test_a_missing_module_names_the_entry_and_the_files(self):
        trace = project_trace({"app.py": HELLO}, entry="site.web:app")
        self.assertEqual(trace["outcome"], "load-error")
        self.assertEqual(
            trace["error"]["message"],
            "site.web:app: no module 'site.web' in the project; files: app.py",
        )

    def test_a_syntax_error_in_a_second_file_names_that_file(self):
        trace = project_trace(
            {"app.py": "from views import app\n", "views.py": "def app(e, s):\n    return [b'x'\n"}
        )
        self.assertEqual(trace["outcome"], "syntax-error")
        self.assertEqual((trace["error"]["file"], trace["error"]["line"]), ("views.py", 2))
        self.assertIn("column", trace["error"])
        entry_error = trace_of("def application(e, s)\n")["error"]
        self.assertNotIn("file", entry_error)

    def test_a_nul_byte_in_a_second_file_names_that_file(self):
        trace = project_trace({"app.py": "import views\n", "views.py": "x = 1\0\n"})
        self.assertEqual(trace["outcome"], "syntax-error")
        self.assertEqual(trace["error"]["file"], "views.py")

    def test_an_exception_while_importing_points_at_the_project_frame(self):
        trace = project_trace(
            {"app.py": "import views\n", "views.py": "import json\n\nraise KeyError('boot')\n"}
        )
        self.assertEqual(trace["outcome"], "load-error")
        self.assertEqual((trace["error"]["file"], trace["error"]["line"]), ("views.py", 3))
        exception = events(trace, "exception")[0]
        self.assertEqual(
            [(f["file"], f["line"]) for f in exception["traceback"]],
            [("app.py", 1), ("views.py", 3)],
        )
        self.assertIn('File "views.py", line 3', exception["formatted"])

    def test_a_factory_that_raises_is_a_load_error(self):
        trace = project_trace(
            {"app.py": "def create():\n    raise RuntimeError('no config')\n"}, entry="app:create()"
        )
        self.assertEqual(trace["outcome"], "load-error")
        self.assertEqual(trace["error"]["line"], 2)

    def test_a_file_named_like_a_loaded_module_is_noted(self):
        trace = project_trace(
            {"app.py": "import types\n" + HELLO, "types.py": "raise SystemExit\n"}
        )
        self.assertEqual(trace["outcome"], "complete")
        self.assertIn("types.py is not imported as 'types'", trace["notes"][-1])
        entry = project_trace({"inspect.py": HELLO}, entry="inspect")
        self.assertEqual(entry["error"]["kind"], "shadowed-module")

    def test_one_file_keeps_its_module_name_and_odd_names_still_load(self):
        trace = trace_of(
            "def application(e, s):\n    s('200 OK', [])\n    return [__name__.encode()]\n",
            filename="hello.py",
        )
        self.assertEqual(body(trace), b"hello")
        self.assertEqual(trace["project"]["entry"], "hello")
        odd = trace_of(HELLO, filename="my app.py")
        self.assertEqual((odd["outcome"], odd["project"]["entryFile"]), ("complete", "my app.py"))

    def test_a_path_out_of_the_project_is_refused(self):
        trace = project_trace({"../evil.py": HELLO})
        self.assertEqual(trace["error"]["kind"], "bad-path")
        clash = project_trace({"app.py": HELLO, "pkg": "", "pkg/views.py": ""})
        self.assertEqual((clash["outcome"], clash["error"]["kind"]), ("load-error", "bad-path"))
        self.assertIn("pkg/views.py cannot be written", clash["error"]["message"])

    def test_wsgiref_validate_runs_the_project_too(self):
        views = HELLO.replace("[])", "[('Content-Type', 'text/plain')])")
        files = {"app.py": "from views import application\n", "views.py": views}
        trace = project_trace(files, compareValidate=True)
        self.assertEqual(trace["validate"]["errors"], [])
        files["views.py"] = views.replace("'200 OK'", "b'200 OK'")
        verdict = project_trace(files, compareValidate=True)["validate"]
        self.assertIn("Status must be of type str", verdict["errors"][0])


if __name__ == "__main__":
    unittest.main()
