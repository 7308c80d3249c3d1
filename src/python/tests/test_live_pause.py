"""A live run held at its events: what each pause shows, and that holding changes nothing."""

import base64
import time
import unittest

from wsgi_playground.live_pause import CONTINUE, FINISH, STEP, LivePause

from .helpers import request_of, run_trace

GENERATOR = (
    "def application(environ, start_response):\n"
    "    start_response('200 OK', [('Content-Type', 'text/plain')])\n"
    "    yield b'one '\n"
    "    yield b'two '\n"
    "    print('between')\n"
    "    yield b'three'\n"
)

MIDDLEWARE = (
    "def inner(environ, start_response):\n"
    "    start_response('200 OK', [('Content-Type', 'text/plain')])\n"
    "    yield b'a'\n"
    "    yield b'b'\n"
    "\n"
    "def tagging(app):\n"
    "    def layer(environ, start_response):\n"
    "        def tagged(status, headers, exc_info=None):\n"
    "            return start_response(status, headers + [('X-Tag', '1')], exc_info)\n"
    "        return app(environ, tagged)\n"
    "    return layer\n"
    "\n"
    "application = tagging(inner)\n"
)


class Held:
    """The page's side of the pauses: keeps each Trace so far, answers from ``commands``."""

    def __init__(self, *commands, sleep=0.0):
        self.commands = list(commands)
        self.traces = []
        self.sleep = sleep

    def __call__(self, trace):
        self.traces.append(trace)
        if self.sleep:
            time.sleep(self.sleep)
        return self.commands.pop(0) if self.commands else STEP


def held_run(code, held, plan=None, **settings):
    pause = LivePause(plan or {"start": "step"}, held, lambda trace: trace, packed=False)
    return run_trace(code, request_of(), settings, pause=pause)


def without_times(trace):
    """The trace with what changes from run to run (times) taken out."""
    events = [{k: v for k, v in e.items() if k != "t"} for e in trace["events"]]
    rest = {k: v for k, v in trace.items() if k not in ("events", "stats")}
    return events, rest


def wire_of(trace):
    return base64.b64decode(trace["response"]["wireBase64"])


class LivePauseTest(unittest.TestCase):
    def test_stepping_holds_the_run_after_each_event_and_changes_nothing(self):
        plain = run_trace(GENERATOR, request_of(), {})
        held = Held()
        trace = held_run(GENERATOR, held)
        self.assertEqual(without_times(trace), without_times(plain))
        served = [e for e in plain["events"] if e["kind"] not in ("complete",)]
        self.assertEqual(len(held.traces), len(served))
        for number, so_far in enumerate(held.traces):
            self.assertEqual(so_far["outcome"], "paused")
            kinds = [e["kind"] for e in so_far["events"]]
            self.assertEqual(kinds[-1], "complete")
            self.assertEqual(so_far["events"][-1]["outcome"], "paused")
            # Each pause shows one event more than the one before.
            self.assertEqual(kinds[:-1], [e["kind"] for e in served[: number + 1]])

    def test_the_wire_grows_from_pause_to_pause(self):
        held = Held()
        held_run(GENERATOR, held)
        at_yields = [t for t in held.traces if t["events"][-2]["kind"] == "yield"]
        self.assertEqual(len(at_yields), 3)
        # Held right after the app yielded a chunk: the chunks before it are on the wire.
        bodies = [wire_of(t).partition(b"\r\n\r\n")[2] for t in at_yields]
        self.assertEqual(bodies, [b"", b"one ", b"one two "])
        self.assertEqual([t["response"]["status"] for t in at_yields], [None, "200 OK", "200 OK"])

    def test_continue_runs_to_the_next_breakpoint_on_a_kind(self):
        held = Held(CONTINUE, CONTINUE, CONTINUE)
        trace = held_run(GENERATOR, held, {"start": "continue", "kinds": ["yield"]})
        self.assertEqual(trace["outcome"], "complete")
        self.assertEqual([t["events"][-2]["kind"] for t in held.traces], ["yield"] * 3)

    def test_a_line_breakpoint_holds_at_the_events_of_that_line(self):
        held = Held(CONTINUE, CONTINUE)
        plan = {"start": "continue", "lines": [{"file": "app.py", "line": 4}]}
        held_run(GENERATOR, held, plan)
        self.assertEqual(len(held.traces), 1)
        last = held.traces[0]["events"][-2]
        self.assertEqual((last["kind"], last["line"]), ("yield", 4))

    def test_step_after_a_breakpoint_then_finish_ignores_the_rest(self):
        held = Held(STEP, FINISH)
        held_run(GENERATOR, held, {"start": "continue", "kinds": ["yield"]})
        self.assertEqual(len(held.traces), 2)  # the first yield, the event after it; then done
        self.assertEqual(held.traces[1]["events"][-2]["kind"], "headers.commit")

    def test_time_held_is_not_time_of_the_run(self):
        held = Held(sleep=0.05)
        trace = held_run(GENERATOR, held)
        self.assertGreaterEqual(len(held.traces), 5)  # 5 × 50 ms held
        self.assertLess(trace["stats"]["ms"], 150)
        self.assertLess(max(e["t"] for e in trace["events"]), 150)
        times = [e["t"] for e in trace["events"]]
        self.assertEqual(times, sorted(times))

    def test_layers_are_named_the_same_held_or_not(self):
        plain = run_trace(MIDDLEWARE, request_of(), {})
        held = Held()
        trace = held_run(MIDDLEWARE, held)
        self.assertEqual(without_times(trace), without_times(plain))
        self.assertTrue(trace["layers"])
        lanes = {e["actor"] for t in held.traces for e in t["events"]}
        self.assertLessEqual(lanes, {"server", "app", *(layer["id"] for layer in trace["layers"])})

    def test_an_answer_that_is_no_command_lets_the_run_finish(self):
        held = Held("nonsense")
        trace = held_run(GENERATOR, held)
        self.assertEqual(len(held.traces), 1)
        self.assertEqual(trace["outcome"], "complete")


if __name__ == "__main__":
    unittest.main()
