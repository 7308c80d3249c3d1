"""Middleware must close the iterable of the app it wraps; the Trace says whether it did."""

import unittest

from .helpers import events, trace_of

ROWS = (
    "class Rows:\n"
    "    def __init__(self, environ):\n"
    "        self.log = environ['wsgi.errors']\n"
    "    def __iter__(self):\n"
    "        yield b'row\\n'\n"
    "    def close(self):\n"
    "        self.log.write('closed\\n')\n"
    "def inner(environ, start_response):\n"
    "    start_response('200 OK', [('Content-Type', 'text/plain')])\n"
    "    return Rows(environ)\n"
)


class InnerIterablesTest(unittest.TestCase):
    def test_a_dropped_inner_iterable_is_reported_unclosed(self):
        trace = trace_of(
            ROWS + "def application(environ, start_response):\n"
            "    result = inner(environ, start_response)\n"
            "    return [b'replaced']\n"
        )
        self.assertEqual(
            trace["innerIterables"],
            [{"callable": "inner", "resultType": "Rows", "closed": False, "line": 12}],
        )
        self.assertEqual([e["text"] for e in events(trace, "errors.write")], [])

    def test_an_iterable_passed_through_is_closed_by_the_server(self):
        trace = trace_of(
            ROWS + "def application(environ, start_response):\n"
            "    return inner(environ, start_response)\n"
        )
        self.assertTrue(trace["innerIterables"][0]["closed"])
        close = events(trace, "close")[0]
        self.assertEqual((close["called"], close["line"]), (True, 6))
        self.assertEqual(events(trace, "layer.close"), [])  # the server's, not a layer's

    def test_a_wrapper_that_forwards_close_and_lazy_middleware(self):
        trace = trace_of(
            ROWS + "class Upper:\n"
            "    def __init__(self, result):\n"
            "        self.result = result\n"
            "    def __iter__(self):\n"
            "        for chunk in self.result:\n"
            "            yield chunk.upper()\n"
            "    def close(self):\n"
            "        self.result.close()\n"
            "def application(environ, start_response):\n"
            "    return Upper(inner(environ, start_response))\n"
        )
        self.assertTrue(trace["innerIterables"][0]["closed"])
        lazy = trace_of(
            ROWS + "def application(environ, start_response):\n"
            "    for chunk in inner(environ, start_response):\n"
            "        yield chunk\n"
            "        return\n"
        )
        self.assertFalse(lazy["innerIterables"][0]["closed"])

    def test_no_field_without_middleware(self):
        trace = trace_of(
            "def application(environ, start_response):\n"
            "    start_response('200 OK', [])\n"
            "    return [b'x']\n"
        )
        self.assertNotIn("innerIterables", trace)


if __name__ == "__main__":
    unittest.main()
