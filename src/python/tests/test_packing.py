"""Runs of byte chunks are recorded as columns; expanded, they are the events they stand for."""

import unittest

from wsgi_playground.run_trace import TraceRun

from .helpers import events, trace_of

REQUEST = {"method": "GET", "target": "/", "headers": [], "bodyBase64": ""}


class PackingTest(unittest.TestCase):
    def test_streamed_chunks_expand_to_one_event_each(self):
        trace = trace_of(
            "def application(e, s):\n"
            "    s('200 OK', [])\n"
            "    for i in range(5):\n"
            "        yield b'ab' * i\n"
        )
        yields = events(trace, "yield")
        self.assertEqual([y["index"] for y in yields], [0, 1, 2, 3, 4])
        self.assertEqual([y["size"] for y in yields], [0, 2, 4, 6, 8])
        self.assertEqual({y["line"] for y in yields}, {4})
        body = [s for s in trace["response"]["segments"] if s["part"] == "body"]
        self.assertEqual([s["seq"] for s in body], [y["seq"] for y in yields])
        self.assertEqual([s["end"] - s["start"] for s in body], [0, 2, 4, 6, 8])
        times = [event["t"] for event in trace["events"]]
        self.assertEqual(times, sorted(times))

    def test_packed_run_is_columns_and_shared_previews(self):
        run = TraceRun(
            "def application(e, s):\n    s('200 OK', [])\n    for i in range(1000):\n        yield b'x'\n",
            REQUEST,
            None,
        )
        run.execute()
        trace = run.trace(packed=True)
        packed = trace["events"]
        self.assertEqual(packed["length"], len(packed["times"]))
        self.assertEqual(packed["previews"], ["eA=="])
        runs = [item for item in packed["items"] if "run" in item]
        # The first chunk makes the server commit the headers: an event between it and the rest.
        self.assertEqual([(r["n"], r["size"], r["line"]) for r in runs], [(1, 1, 4), (999, 1, 4)])
        body = [r for r in trace["response"]["segments"]["runs"] if r["part"] == "body"]
        self.assertEqual([(r["n"], r["size"]) for r in body], [(1, 1), (999, 1)])

    def test_a_write_error_lands_on_its_event_in_a_run(self):
        trace = trace_of(
            "def application(e, s):\n"
            "    w = s('200 OK', [])\n"
            "    w(b'a')\n"
            "    w(b'b')\n"
            "    return []\n",
            maxEvents=3,
        )
        writes = events(trace, "write")
        self.assertEqual(len(writes), 1)
        self.assertIn("RunLimitExceeded", writes[0]["error"])
        self.assertEqual(trace["outcome"], "limit")


if __name__ == "__main__":
    unittest.main()
