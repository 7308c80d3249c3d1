"""The environ is built from the request as PEP 3333 specifies."""

import unittest
import urllib.parse

from wsgi_playground.environ_builder import RequestError, build_cgi_environ, unquote_to_bytes
from wsgi_playground.settings import resolve_settings

from .helpers import environ, trace_of

ECHO = """
def application(environ, start_response):
    start_response("200 OK", [])
    return []
"""


def cgi(target="/", headers=(), method="GET", **settings):
    request = {"method": method, "target": target, "headers": [list(h) for h in headers]}
    return build_cgi_environ(request, resolve_settings(settings))


class EnvironTest(unittest.TestCase):
    def test_path_is_percent_decoded_to_a_latin1_native_string(self):
        env, _ = cgi("/caf%C3%A9/a%2Fb?q=%C3%A9&x")
        self.assertEqual(env["PATH_INFO"], "/caf\u00c3\u00a9/a/b")
        self.assertEqual(env["QUERY_STRING"], "q=%C3%A9&x")
        self.assertTrue(all(ord(c) < 256 for c in env["PATH_INFO"]))

    def test_mount_point_splits_script_name_from_path_info(self):
        env, _ = cgi("/shop/cart/items", scriptName="/shop/")
        self.assertEqual((env["SCRIPT_NAME"], env["PATH_INFO"]), ("/shop", "/cart/items"))
        env, _ = cgi("/shop", scriptName="/shop")
        self.assertEqual((env["SCRIPT_NAME"], env["PATH_INFO"]), ("/shop", ""))

    def test_path_outside_the_mount_point_is_a_request_error(self):
        with self.assertRaisesRegex(RequestError, "not under the mount point"):
            cgi("/shopping", scriptName="/shop")

    def test_content_headers_have_no_http_prefix_and_repeats_are_joined(self):
        env, _ = cgi(
            "/",
            [
                ("Content-Type", "text/plain"),
                ("Content-Length", "3"),
                ("Accept", "a"),
                ("accept", "b"),
            ],
            method="POST",
        )
        self.assertEqual(env["CONTENT_TYPE"], "text/plain")
        self.assertEqual(env["CONTENT_LENGTH"], "3")
        self.assertNotIn("HTTP_CONTENT_TYPE", env)
        self.assertEqual(env["HTTP_ACCEPT"], "a, b")

    def test_server_name_and_port_come_from_host(self):
        env, _ = cgi("/", [("Host", "example.org:8080")])
        self.assertEqual((env["SERVER_NAME"], env["SERVER_PORT"]), ("example.org", "8080"))
        env, _ = cgi("/", [("Host", "[::1]")], urlScheme="https")
        self.assertEqual((env["SERVER_NAME"], env["SERVER_PORT"]), ("[::1]", "443"))
        env, _ = cgi("https://secure.test/x?y")
        self.assertEqual(env["SERVER_NAME"], "secure.test")
        self.assertEqual(env["HTTPS"], "on")
        self.assertEqual((env["PATH_INFO"], env["QUERY_STRING"]), ("/x", "y"))

    def test_protocol_follows_the_http_version_setting(self):
        self.assertEqual(cgi(httpVersion="1.0")[0]["SERVER_PROTOCOL"], "HTTP/1.0")

    def test_underscore_headers_are_dropped_with_a_note(self):
        env, notes = cgi("/", [("X_User", "mallory"), ("X-User", "alice")])
        self.assertEqual(env["HTTP_X_USER"], "alice")
        self.assertIn("X_User", notes[0])

    def test_malformed_requests_are_rejected_clearly(self):
        for args, pattern in (
            (("nopath",), "target must be"),
            (("/", [("Bad Name", "x")]), "not a valid HTTP token"),
            (("/", [("X-A", "a\r\nInjected: 1")]), "CR, LF or NUL"),
        ):
            with self.subTest(args), self.assertRaisesRegex(RequestError, pattern):
                cgi(*args)
        with self.assertRaisesRegex(RequestError, "method"):
            cgi("/", method="GET /")

    def test_non_ascii_header_values_arrive_as_their_utf8_bytes(self):
        env, _ = cgi("/", [("X-Name", "caf\u00e9")])
        self.assertEqual(env["HTTP_X_NAME"], "caf\u00c3\u00a9")

    def test_the_app_sees_the_wsgi_keys_and_the_trace_shows_types(self):
        trace = trace_of(ECHO, "GET", "/a?b", multithread=True, runOnce=True)
        env = environ(trace)
        self.assertEqual(env["wsgi.version"], "(1, 0)")
        self.assertEqual(env["wsgi.url_scheme"], "http")
        self.assertEqual(env["wsgi.multithread"], "True")
        self.assertEqual(env["wsgi.run_once"], "True")
        self.assertIn("wsgi.file_wrapper", env)
        types = {e["key"]: e["type"] for e in trace["environ"]}
        self.assertEqual(types["wsgi.version"], "tuple")
        self.assertEqual(types["PATH_INFO"], "str")
        self.assertEqual(env["wsgi.input"], "<request body: 0 bytes>")

    def test_a_bad_request_ends_the_run_with_a_clear_outcome(self):
        trace = trace_of(ECHO, "GET", "/x", scriptName="/mnt")
        self.assertEqual(trace["outcome"], "bad-request")
        self.assertIn("mount point", trace["error"]["message"])


class UnquoteTest(unittest.TestCase):
    def test_unquote_to_bytes_matches_urllib(self):
        for text in ["/a%20b", "/%e2%82%AC", "/%zz%2", "/\u00e9%41", "%", "%%41", "/a%2Fb%00", ""]:
            with self.subTest(text):
                self.assertEqual(unquote_to_bytes(text), urllib.parse.unquote_to_bytes(text))


if __name__ == "__main__":
    unittest.main()
