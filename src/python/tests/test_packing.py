"""Runs of byte chunks are recorded as columns; expanded, they are the events they stand for."""

import base64
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
            "def application(e, s):\n    s('200 OK', [])\n"
            "    for i in range(1000):\n        yield b'x'\n",
            REQUEST,
            None,
        )
        run.execute()
        trace = run.trace(packed=True)
        packed = trace["events"]
        self.assertEqual(packed["length"] * 8, len(base64.b64decode(packed["timesNs"])))
        self.assertEqual(packed["previews"], ["eA=="])
        runs = [item for item in packed["items"] if "run" in item]
        # The first chunk makes the server commit the headers: an event between it and the rest.
        self.assertEqual([(r["n"], r["size"], r["line"]) for r in runs], [(1, 1, 4), (999, 1, 4)])
        body = [r for r in trace["response"]["segments"]["runs"] if r["part"] == "body"]
        self.assertEqual([(r["n"], r["size"]) for r in body], [(1, 1), (999, 1)])

    def test_each_chunk_gets_the_line_of_its_own_yield(self):
        trace = trace_of(
            "def application(e, s):\n"
            "    s('200 OK', [])\n"
            "    for i in range(4):\n"
            "        yield b'a'\n"
            "        yield b'bb'\n"
            "    yield from [b'c', b'd']\n"
        )
        yields = events(trace, "yield")
        self.assertEqual([y["line"] for y in yields], [4, 5, 4, 5, 4, 5, 4, 5, 6, 6])
        self.assertEqual([y["size"] for y in yields], [1, 2] * 4 + [1, 1])

    def test_long_chunks_keep_exact_sizes_and_a_cut_preview(self):
        trace = trace_of(
            "def application(e, s):\n"
            "    s('200 OK', [])\n"
            "    for size in (300, 1, 1000):\n"
            "        yield b'z' * size\n",
            previewBytes=4,
            maxWireBytes=100,
        )
        yields = events(trace, "yield")
        self.assertEqual([y["size"] for y in yields], [300, 1, 1000])
        self.assertEqual({y["previewBase64"] for y in yields}, {"enp6eg==", "eg=="})
        response = trace["response"]
        self.assertTrue(response["truncated"])
        self.assertEqual(len(base64.b64decode(response["wireBase64"])), 100)
        self.assertEqual(response["segments"][-1]["end"], response["wireSize"])

    def test_a_stream_past_the_wire_cap_keeps_exactly_the_cap(self):
        trace = trace_of(
            "def application(e, s):\n"
            "    s('200 OK', [])\n"
            "    for i in range(3000):\n"
            "        yield b'%d' % (i % 10)\n",
            previewBytes=1,
            maxWireBytes=1000,
        )
        response = trace["response"]
        wire = base64.b64decode(response["wireBase64"])
        self.assertEqual(len(wire), 1000)
        head_size = wire.index(b"\r\n\r\n") + 4
        body = "".join(str(i % 10) for i in range(3000)).encode()
        self.assertEqual(wire[head_size:], body[: 1000 - head_size])
        self.assertEqual(response["wireSize"], head_size + 3000)
        self.assertTrue(response["truncated"])

    def test_a_chunk_whose_write_failed_has_no_segment(self):
        trace = trace_of("def application(e, s):\n    yield b'too early'\n    s('200 OK', [])\n")
        app_yield, error_page = events(trace, "yield")
        self.assertEqual((app_yield["actor"], error_page["actor"]), ("app", "server"))
        body = [s for s in trace["response"]["segments"] if s["part"] == "body"]
        self.assertEqual([s["seq"] for s in body], [error_page["seq"]])
        self.assertEqual(body[0]["end"], trace["response"]["wireSize"])

    def test_a_fast_stream_reads_the_clock_for_every_16th_chunk(self):
        run = TraceRun(
            "def application(e, s):\n    s('200 OK', [])\n"
            "    for i in range(3200):\n        yield b'x'\n",
            REQUEST,
            None,
        )
        run.execute()
        times = run.recorder.times
        self.assertGreater(times.count(0), 2800)
        self.assertLess(times.count(0), 3200 * 15 // 16 + 16)
        filled = run.recorder.filled_times()
        self.assertNotIn(0, filled)
        self.assertEqual(filled, sorted(filled))

    def test_a_slow_stream_reads_the_clock_for_every_chunk(self):
        run = TraceRun(
            "import time\n"
            "def application(e, s):\n"
            "    s('200 OK', [])\n"
            "    for i in range(40):\n"
            "        time.sleep(0.0005)\n"
            "        yield b'x'\n",
            REQUEST,
            None,
        )
        run.execute()
        self.assertEqual(run.recorder.times.count(0), 0)

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
