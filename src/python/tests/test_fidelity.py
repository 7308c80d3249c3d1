"""The tracer's wire bytes equal plain wsgiref's for every case of the fidelity table."""

import base64
import unittest

from wsgi_playground import run_trace
from wsgi_playground.reference import run_reference, without_date

from .fidelity import load_cases


class FidelityTest(unittest.TestCase):
    def test_every_case_matches_wsgiref(self):
        cases = load_cases()
        self.assertGreater(len(cases), 100)
        self.assertGreaterEqual(sum(isinstance(app, dict) for _, app, _, _ in cases), 5 * 12)
        for name, app, request, settings in cases:
            with self.subTest(name):
                trace = run_trace(app, request, settings)
                wire = base64.b64decode(trace["response"]["wireBase64"])
                expected = run_reference(app, request, settings)
                self.assertEqual(without_date(wire), without_date(expected))
                self.assertEqual(trace["response"]["wireSize"], len(wire))
                self.assert_segments_cover_the_wire(trace)

    def assert_segments_cover_the_wire(self, trace):
        """The segments tile the wire from 0 to its size, the head first, and each body
        segment is one write or yield of exactly its size."""
        segments = trace["response"]["segments"]
        by_seq = {event["seq"]: event for event in trace["events"]}
        end = 0
        for segment in segments:
            self.assertEqual(segment["start"], end)
            end = segment["end"]
            if segment["part"] == "body":
                event = by_seq[segment["seq"]]
                self.assertIn(event["kind"], ("yield", "write"))
                self.assertEqual(event["size"], segment["end"] - segment["start"])
                self.assertNotIn("error", event)
        self.assertEqual(end, trace["response"]["wireSize"])
        self.assertEqual([s["part"] for s in segments[:1]], ["head"] if segments else [])

    def test_without_date_drops_only_the_date_line(self):
        wire = b"HTTP/1.1 200 OK\r\nDate: Mon, 01 Jan 2024 00:00:00 GMT\r\nX: 1\r\n\r\nDate: body"
        self.assertEqual(without_date(wire), b"HTTP/1.1 200 OK\r\nX: 1\r\n\r\nDate: body")


if __name__ == "__main__":
    unittest.main()
