"""An old app that imports a module Python 3.14 removed is told which release removed it and
what to use instead."""

import sys
import unittest

from .helpers import events, trace_of


class RemovedModuleTest(unittest.TestCase):
    @unittest.skipIf(sys.version_info < (3, 13), "cgi is still there before Python 3.13")
    def test_importing_cgi_says_it_was_removed_and_what_replaces_it(self):
        trace = trace_of("import cgi\n\ndef application(environ, start_response):\n    pass\n")
        self.assertEqual(trace["outcome"], "load-error")
        message = trace["error"]["message"]
        self.assertIn("No module named 'cgi'", message)
        self.assertIn("cgi was removed from the standard library in Python 3.13 (PEP 594)", message)
        self.assertIn("urllib.parse.parse_qs", message)
        self.assertEqual(trace["error"]["line"], 1)
        self.assertIn("Python 3.13", events(trace, "exception")[0]["message"])

    def test_a_module_that_never_was_gets_no_note(self):
        trace = trace_of("import no_such_module_here\n")
        self.assertEqual(trace["outcome"], "load-error")
        self.assertNotIn("removed", trace["error"]["message"])

    def test_a_removed_module_imported_in_a_call_gets_the_note_too(self):
        code = (
            "def application(environ, start_response):\n"
            "    import imp\n"
            "    start_response('200 OK', [])\n"
            "    return [b'']\n"
        )
        trace = trace_of(code)
        if sys.version_info < (3, 12):
            self.skipTest("imp is still there before Python 3.12")
        exception = events(trace, "exception")[0]
        removed = "imp was removed from the standard library in Python 3.12"
        self.assertIn(removed, exception["message"])
        self.assertIn("importlib", exception["message"])
        self.assertEqual(exception["line"], 2)


if __name__ == "__main__":
    unittest.main()
