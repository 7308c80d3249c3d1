"""Each protocol step is recorded, in order, with the user's line that caused it."""

import unittest

from .helpers import body, events, kinds, trace_of


class EventTest(unittest.TestCase):
    def test_hello_world(self):
        trace = trace_of(
            "def application(environ, start_response):\n"
            "    start_response('200 OK', [('Content-Type', 'text/plain')])\n"
            "    return [b'hi']\n"
        )
        self.assertEqual(
            kinds(trace),
            [
                "app.call",
                "start_response",
                "app.return",
                "yield",
                "headers.commit",
                "close",
                "complete",
            ],
        )
        self.assertEqual(trace["outcome"], "complete")
        self.assertEqual(events(trace, "start_response")[0]["line"], 2)
        self.assertEqual(events(trace, "app.return")[0]["line"], 3)
        self.assertEqual(events(trace, "app.return")[0]["resultType"], "list")
        commit = events(trace, "headers.commit")[0]
        self.assertEqual(
            [n for n, _ in commit["headers"]], ["Date", "Content-Type", "Content-Length"]
        )
        self.assertEqual(commit["added"], ["Date", "Content-Length"])
        self.assertEqual(trace["response"]["status"], "200 OK")
        self.assertEqual(body(trace), b"hi")
        self.assertEqual([t["seq"] for t in trace["events"]], list(range(len(trace["events"]))))

    def test_lazy_generator_calls_start_response_on_first_next(self):
        trace = trace_of(
            "def application(environ, start_response):\n"
            "    start_response('200 OK', [])\n"
            "    yield b'a'\n"
            "    yield b'b'\n"
        )
        self.assertEqual(
            kinds(trace)[:6],
            ["app.call", "app.return", "start_response", "yield", "headers.commit", "yield"],
        )
        self.assertEqual([e["line"] for e in events(trace, "yield")], [3, 4])
        self.assertTrue(events(trace, "app.return")[0]["isGenerator"])
        self.assertTrue(events(trace, "close")[0]["called"])

    def test_write_callable(self):
        trace = trace_of(
            "def application(environ, start_response):\n"
            "    write = start_response('200 OK', [])\n"
            "    write(b'one')\n"
            "    write(b'two')\n"
            "    return []\n"
        )
        writes = events(trace, "write")
        self.assertEqual([(w["line"], w["size"]) for w in writes], [(3, 3), (4, 3)])
        self.assertLess(writes[0]["seq"], events(trace, "headers.commit")[0]["seq"])
        self.assertEqual(body(trace), b"onetwo")
        segments = [s for s in trace["response"]["segments"] if s["part"] == "body"]
        self.assertEqual([s["seq"] for s in segments], [w["seq"] for w in writes])

    def test_start_response_twice_is_recorded_with_its_error(self):
        trace = trace_of(
            "def application(environ, start_response):\n"
            "    start_response('200 OK', [])\n"
            "    start_response('404 Not Found', [])\n"
            "    return [b'x']\n"
        )
        calls = events(trace, "start_response")
        self.assertEqual(calls[1]["line"], 3)
        self.assertEqual(calls[1]["error"], "AssertionError: Headers already set!")
        exception = events(trace, "exception")[0]
        self.assertEqual(
            (exception["type"], exception["line"], exception["phase"]),
            ("AssertionError", 3, "call"),
        )
        self.assertEqual(events(trace, "error.response")[0]["status"], "500 Internal Server Error")
        self.assertEqual(calls[2]["actor"], "server")
        error_chunk = events(trace, "yield")[-1]
        self.assertEqual((error_chunk["actor"], error_chunk.get("line")), ("server", None))
        self.assertEqual(trace["response"]["status"], "500 Internal Server Error")
        self.assertEqual(trace["outcome"], "app-error")

    def test_raise_after_commit_keeps_the_partial_response(self):
        trace = trace_of(
            "def application(environ, start_response):\n"
            "    start_response('200 OK', [])\n"
            "    yield b'partial'\n"
            "    raise RuntimeError('late')\n"
        )
        exception = events(trace, "exception")[0]
        self.assertEqual((exception["phase"], exception["line"]), ("next", 4))
        self.assertTrue(exception["headersSent"])
        self.assertIn('File "app.py", line 4', exception["formatted"])
        self.assertIn("raise RuntimeError('late')", exception["formatted"])
        self.assertEqual(events(trace, "error.response"), [])
        self.assertLess(exception["seq"], events(trace, "close")[0]["seq"])
        self.assertEqual(trace["response"]["status"], "200 OK")
        self.assertEqual(body(trace), b"partial")
        self.assertIn("RuntimeError: late", trace["errorLog"])

    def test_input_reads_are_recorded_with_arguments_and_bytes(self):
        trace = trace_of(
            "def application(environ, start_response):\n"
            "    f = environ['wsgi.input']\n"
            "    first = f.read(3)\n"
            "    rest = f.readline()\n"
            "    start_response('200 OK', [])\n"
            "    return [first, rest]\n",
            method="POST",
            headers=[["Content-Length", "8"]],
            body=b"abcdef\ng",
        )
        reads = events(trace, "input.read")
        self.assertEqual(
            [(r["method"], r["arg"], r["size"], r["line"]) for r in reads],
            [("read", "3", 3, 3), ("readline", None, 4, 4)],
        )
        self.assertEqual(reads[1]["position"], 7)

    def test_errors_stream_and_print_are_recorded(self):
        trace = trace_of(
            "def application(environ, start_response):\n"
            "    environ['wsgi.errors'].write('log\\n')\n"
            "    print('hello', 42)\n"
            "    start_response('200 OK', [])\n"
            "    return []\n"
        )
        self.assertEqual(events(trace, "errors.write")[0]["text"], "log\n")
        printed = events(trace, "print")[0]
        self.assertEqual((printed["text"], printed["line"]), ("hello 42", 3))

    def test_close_of_a_custom_iterable_points_at_its_close_method(self):
        trace = trace_of(
            "class Body:\n"
            "    def __iter__(self):\n"
            "        return iter([b'a'])\n"
            "    def close(self):\n"
            "        pass\n"
            "def application(environ, start_response):\n"
            "    start_response('200 OK', [])\n"
            "    return Body()\n"
        )
        close = events(trace, "close")[0]
        self.assertEqual((close["called"], close["line"]), (True, 4))
        self.assertEqual(events(trace, "yield")[0]["line"], 8)

    def test_exc_info_before_commit_replaces_the_status(self):
        trace = trace_of(
            "import sys\n"
            "def application(environ, start_response):\n"
            "    start_response('200 OK', [])\n"
            "    try:\n"
            "        1 / 0\n"
            "    except ZeroDivisionError:\n"
            "        start_response('500 Oops', [], sys.exc_info())\n"
            "    return [b'sorry']\n"
        )
        self.assertEqual(
            events(trace, "start_response")[1]["excInfo"], "ZeroDivisionError: division by zero"
        )
        self.assertEqual(trace["response"]["status"], "500 Oops")
        self.assertEqual(trace["outcome"], "complete")

    def test_events_are_capped_with_outcome_limit(self):
        trace = trace_of(
            "def application(environ, start_response):\n"
            "    start_response('200 OK', [])\n"
            "    while True:\n"
            "        yield b'x'\n",
            maxEvents=50,
        )
        self.assertEqual(trace["outcome"], "limit")
        self.assertEqual(len(trace["events"]), 51)
        self.assertEqual(trace["events"][-1]["kind"], "complete")

    def test_wire_is_capped_but_sizes_stay_exact(self):
        trace = trace_of(
            "def application(environ, start_response):\n"
            "    start_response('200 OK', [])\n"
            "    return [b'x' * 1000, b'y' * 1000]\n",
            maxWireBytes=100,
        )
        self.assertTrue(trace["response"]["truncated"])
        self.assertEqual(trace["response"]["bodySize"], 2000)
        self.assertEqual(trace["stats"]["bodyBytes"], 2000)


if __name__ == "__main__":
    unittest.main()
