"""A misbehaving app never breaks the server object: every failure ends as a clear outcome."""

import unittest

from .helpers import events, trace_of


class OutcomeTest(unittest.TestCase):
    def test_syntax_error_has_line_and_column(self):
        trace = trace_of("def application(environ, start_response):\n    return [b'x'\n\nx = (")
        self.assertEqual(trace["outcome"], "syntax-error")
        self.assertEqual(trace["error"]["kind"], "syntax-error")
        self.assertIsInstance(trace["error"]["line"], int)
        self.assertIsInstance(trace["error"]["column"], int)

    def test_null_byte_in_source_is_a_syntax_error(self):
        trace = trace_of("x = 1\0")
        self.assertEqual(trace["outcome"], "syntax-error")

    def test_missing_callable(self):
        trace = trace_of("def handler(environ, start_response):\n    pass\n")
        self.assertEqual(trace["outcome"], "load-error")
        self.assertEqual(trace["error"]["kind"], "no-callable")
        self.assertIn("'application' or 'app'", trace["error"]["message"])

    def test_fallback_to_app_and_explicit_callable(self):
        code = "def app(e, s):\n    s('200 OK', [])\n    return [b'a']\n"
        self.assertEqual(trace_of(code)["callable"], "app")
        named = "def serve(e, s):\n    s('200 OK', [])\n    return []\n"
        self.assertEqual(trace_of(named, callable="serve")["outcome"], "complete")
        self.assertEqual(trace_of(code, callable="serve")["error"]["kind"], "no-callable")

    def test_non_callable_application(self):
        trace = trace_of("application = 'hello'\n")
        self.assertEqual(trace["error"]["kind"], "not-callable")

    def test_exception_at_import_time(self):
        trace = trace_of("import json\nraise ImportError('no module named flask')\n")
        self.assertEqual(trace["outcome"], "load-error")
        self.assertEqual(trace["error"]["line"], 2)
        self.assertEqual(events(trace, "exception")[0]["phase"], "load")

    def test_system_exit_in_the_app_becomes_a_500(self):
        trace = trace_of("import sys\ndef application(e, s):\n    sys.exit(1)\n")
        self.assertEqual(trace["outcome"], "app-error")
        self.assertEqual(events(trace, "exception")[0]["type"], "SystemExit")
        self.assertEqual(trace["response"]["status"], "500 Internal Server Error")

    def test_system_exit_at_import_time(self):
        trace = trace_of("import sys\nsys.exit(0)\n")
        self.assertEqual(trace["outcome"], "load-error")

    def test_exceptions_in_every_phase(self):
        cases = {
            "call": "def application(e, s):\n    raise ValueError('x')\n",
            "iterate": (
                "class B:\n    def __iter__(self):\n        raise ValueError('x')\n"
                "def application(e, s):\n    s('200 OK', [])\n    return B()\n"
            ),
            "next": (
                "def application(e, s):\n    s('200 OK', [])\n"
                "    yield b'a'\n    raise ValueError('x')\n"
            ),
            "close": (
                "class B(list):\n    def close(self):\n        raise ValueError('x')\n"
                "def application(e, s):\n    s('200 OK', [])\n    return B([b'a'])\n"
            ),
        }
        for phase, code in cases.items():
            with self.subTest(phase):
                trace = trace_of(code)
                self.assertEqual(trace["outcome"], "app-error")
                exception = events(trace, "exception")[0]
                self.assertEqual((exception["phase"], exception["type"]), (phase, "ValueError"))
                self.assertIsNotNone(exception.get("line"))

    def test_wrong_types_end_in_a_500_with_the_reason(self):
        cases = {
            "b'200 OK'": "Status must be of type str",
            "'200'": "at least 4 characters",
        }
        for status, message in cases.items():
            with self.subTest(status):
                trace = trace_of("def application(e, s):\n    s(%s, [])\n    return []\n" % status)
                self.assertIn(message, events(trace, "exception")[0]["message"])
                self.assertIn(message, events(trace, "start_response")[0]["error"])
        trace = trace_of("def application(e, s):\n    s('200 OK', [])\n    return ['text']\n")
        self.assertEqual(events(trace, "yield")[0]["type"], "str")
        self.assertEqual(events(trace, "exception")[0]["phase"], "send")
        self.assertEqual(events(trace, "exception")[0]["line"], 3)

    def test_app_returning_none(self):
        trace = trace_of("def application(e, s):\n    s('200 OK', [])\n")
        self.assertEqual(events(trace, "exception")[0]["type"], "TypeError")
        self.assertEqual(events(trace, "exception")[0]["phase"], "iterate")

    def test_hostile_repr_and_str_do_not_break_the_server(self):
        code = (
            "class Evil(Exception):\n"
            "    def __str__(self):\n        raise RuntimeError('no str')\n"
            "    def __repr__(self):\n        raise RuntimeError('no repr')\n"
            "def application(e, s):\n    s('200 OK', [('X', Evil())])\n    raise Evil()\n"
        )
        trace = trace_of(code)
        self.assertEqual(trace["outcome"], "app-error")
        self.assertEqual(trace["events"][-1]["kind"], "complete")

    def test_the_app_cannot_swallow_the_event_limit(self):
        code = (
            "def application(e, s):\n    s('200 OK', [])\n    while True:\n"
            "        try:\n            yield b'x'\n        except Exception:\n            pass\n"
        )
        self.assertEqual(trace_of(code, maxEvents=20)["outcome"], "limit")

    def test_recursion_is_capped_even_when_the_app_raises_the_limit(self):
        import sys

        before = sys.getrecursionlimit()
        code = (
            "import sys\nsys.setrecursionlimit(10**6)\n"
            "def f(n):\n    return f(n + 1)\n"
            "def application(e, s):\n    f(0)\n"
        )
        trace = trace_of(code, maxRecursion=200)
        self.assertEqual(trace["outcome"], "limit")
        self.assertIn("recursion limit of 200 frames", trace["error"]["message"])
        self.assertEqual(events(trace, "exception")[0]["type"], "RecursionError")
        self.assertEqual(sys.getrecursionlimit(), before)

    def test_os_exit_and_abort_become_system_exit(self):
        import os

        real_exit = os._exit
        for call in ("os._exit(3)", "os.abort()"):
            with self.subTest(call):
                trace = trace_of("import os\ndef application(e, s):\n    %s\n" % call)
                exception = events(trace, "exception")[0]
                self.assertEqual(exception["type"], "SystemExit")
                self.assertIn(call.split("(")[0], exception["message"])
                self.assertEqual(trace["response"]["status"], "500 Internal Server Error")
        self.assertIs(os._exit, real_exit)

    def test_running_out_of_memory_is_a_limit(self):
        trace = trace_of("def application(e, s):\n    raise MemoryError()\n")
        self.assertEqual(trace["outcome"], "limit")
        self.assertIn("out of memory", trace["error"]["message"])

    def test_print_output_is_restored_after_the_run(self):
        import sys

        before = sys.stdout
        trace_of("print('x')\ndef application(e, s):\n    s('200 OK', [])\n    return []\n")
        self.assertIs(sys.stdout, before)


if __name__ == "__main__":
    unittest.main()
