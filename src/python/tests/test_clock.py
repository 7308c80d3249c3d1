"""Events' times count from when the server takes the request, not from loading the code."""

import unittest

from .helpers import events, trace_of

SLOW_IMPORT = (
    "import time\n"
    "print('loading')\n"
    "time.sleep(0.06)\n"
    "def application(environ, start_response):\n"
    "    start_response('200 OK', [])\n"
    "    return [b'hi']\n"
)


class ClockTest(unittest.TestCase):
    def test_time_spent_loading_the_code_is_not_run_time_of_the_first_event(self):
        trace = trace_of(SLOW_IMPORT)
        call = events(trace, "app.call")[0]
        self.assertLess(call["t"], 30)  # was ≥ 60: the sleep at import counted
        self.assertGreaterEqual(trace["stats"]["loadMs"], 60)
        self.assertGreaterEqual(trace["stats"]["ms"], trace["stats"]["loadMs"])

    def test_what_printed_while_loading_is_stamped_zero(self):
        trace = trace_of(SLOW_IMPORT)
        printed = [e for e in trace["events"] if e["kind"] == "print"]
        self.assertEqual([e["t"] for e in printed], [0])
        times = [e["t"] for e in trace["events"]]
        self.assertEqual(times, sorted(times))

    def test_a_run_that_fails_to_load_counts_its_time_from_the_start(self):
        trace = trace_of("import time\ntime.sleep(0.03)\nraise ValueError('no')\n")
        self.assertEqual(trace["outcome"], "load-error")
        self.assertGreaterEqual(events(trace, "exception")[0]["t"], 30)
        self.assertNotIn("loadMs", trace["stats"])
