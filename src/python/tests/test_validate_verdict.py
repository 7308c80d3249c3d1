"""The stdlib's wsgiref.validate, run on the same app and request, gives its own verdict."""

import base64
import unittest

from wsgi_playground.validate_verdict import run_validate

from .helpers import trace_of

HELLO = (
    "def application(environ, start_response):\n"
    "    start_response('200 OK', [('Content-Type', 'text/plain')])\n"
    "    return [b'hi']\n"
)


def verdict(code, method="GET", body=b"", headers=None):
    request = {
        "method": method,
        "target": "/",
        "headers": headers or [["Host", "localhost"]],
        "bodyBase64": base64.b64encode(body).decode(),
    }
    return run_validate(code, request)


class ValidateVerdictTest(unittest.TestCase):
    def test_a_correct_app_passes(self):
        self.assertEqual(verdict(HELLO), {"passed": True, "errors": [], "warnings": []})

    def test_an_assertion_from_validate_is_its_verdict(self):
        result = verdict(
            "def application(environ, start_response):\n"
            "    start_response(b'200 OK', [('Content-Type', 'text/plain')])\n"
            "    return [b'x']\n"
        )
        self.assertFalse(result["passed"])
        self.assertEqual(result["errors"], ["Status must be of type str (got b'200 OK')"])

    def test_a_bare_assert_is_described_by_its_check(self):
        result = verdict(
            "def application(environ, start_response):\n"
            "    environ['wsgi.input'].read()\n"
            "    start_response('200 OK', [('Content-Type', 'text/plain')])\n"
            "    return [b'x']\n"
        )
        self.assertEqual(result["errors"], ["read: assert_(len(args) == 1)"])

    def test_validate_rejects_an_empty_chunk_before_start_response(self):
        result = verdict(
            "def application(environ, start_response):\n"
            "    yield b''\n"
            "    start_response('200 OK', [('Content-Type', 'text/plain')])\n"
            "    yield b'x'\n"
        )
        self.assertFalse(result["passed"])
        self.assertIn("start_response has not yet been called", result["errors"][0])

    def test_warnings_are_collected(self):
        result = verdict(HELLO, method="BREW")
        self.assertTrue(result["passed"])
        self.assertEqual(result["warnings"], ["Unknown REQUEST_METHOD: 'BREW'"])

    def test_errors_of_the_app_or_of_wsgiref_are_not_validate_errors(self):
        result = verdict(
            "def application(environ, start_response):\n"
            "    headers = [('Content-Type', 'text/plain'), ('Connection', 'close')]\n"
            "    start_response('200 OK', headers)\n"
            "    return [b'x']\n"
        )
        self.assertTrue(result["passed"])
        crash = verdict("def application(environ, start_response):\n    raise KeyError('x')\n")
        self.assertTrue(crash["passed"])


class TraceComparisonTest(unittest.TestCase):
    def test_the_trace_carries_the_verdict_only_when_asked(self):
        self.assertNotIn("validate", trace_of(HELLO))
        trace = trace_of(HELLO, compareValidate=True)
        self.assertEqual(trace["validate"], {"passed": True, "errors": [], "warnings": []})
        self.assertTrue(trace["settings"]["compareValidate"])

    def test_no_verdict_when_the_app_did_not_load(self):
        trace = trace_of("def application(environ, start_response)\n", compareValidate=True)
        self.assertNotIn("validate", trace)
        self.assertIn("wsgiref.validate was not run", trace["notes"][-1])

    def test_wire_bytes_do_not_change(self):
        plain = trace_of(HELLO)["response"]["bodyBase64"]
        compared = trace_of(HELLO, compareValidate=True)["response"]["bodyBase64"]
        self.assertEqual(plain, compared)


if __name__ == "__main__":
    unittest.main()
