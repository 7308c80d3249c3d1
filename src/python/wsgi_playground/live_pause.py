"""Pausing a live run: the server holds the app at a protocol event until the page says go.

The page asks for a run to be held at every event (``Step``), or at its breakpoints — an
event kind (``yield``, ``start_response``…) or a line of the project. At each pause the run
so far goes to the page as a Trace (outcome ``paused``), and the server waits for one of:

- ``STEP``: run up to the next event, and hold it there;
- ``CONTINUE``: run to the next breakpoint (or to the end);
- ``FINISH``: run to the end, breakpoints or not.

The app is held between two events, as a slow client holds a real server: nothing of the
app's runs while it waits. The time spent waiting is no time of the run's: every event's
clock reading is moved on by it (``Recorder.exclude``).
"""

from copy import copy
from time import perf_counter_ns

STEP, CONTINUE, FINISH = 1, 2, 3

#: What a pause is told when the waiting side gave no usable answer: go on to the end.
COMMANDS = (STEP, CONTINUE, FINISH)


class LivePause:
    """When to hold a run, and how: ``wait(trace_json)`` blocks until the page answers, and
    returns its command."""

    def __init__(self, plan, wait, encode, packed=True):
        self.plan = plan
        self.encode = encode  # the Trace (a dict) as JSON text
        self.packed = packed  # the Trace's events in the compact form (see run_trace)
        self.stepping = plan.get("start", "step") == "step"
        self.kinds = frozenset(str(kind) for kind in plan.get("kinds") or ())
        self.lines = frozenset()
        self.wait = wait
        self.run = None  # the ``TraceRun`` it holds (see ``bind``)
        self.pauses = 0
        self.held = False  # while the run is held (no pause inside a pause)

    def bind(self, run, entry_file):
        """Ready to hold ``run`` (a ``TraceRun``), of a project entered at ``entry_file``."""
        lines = self.plan.get("lines") or ()
        self.lines = frozenset(line_key(item, entry_file) for item in lines)
        self.run = run

    def wanted(self, kind, site):
        """True when the event just recorded (of ``kind``, from ``site``) is one to hold at."""
        if self.stepping or kind in self.kinds:
            return True
        if site is None or not self.lines:
            return False
        line, file, _ = site
        return (file, line) in self.lines

    def hold(self, recorder):
        """Hold the run here: send the Trace so far, wait for the page's command."""
        if self.held or self.run is None:
            return
        self.held = True
        began = perf_counter_ns()  # the Trace so far is made for the page: not run time either
        try:
            text = self.encode(trace_so_far(self.run, self.packed))
            command = self.wait(text)
            recorder.exclude(perf_counter_ns() - began)
        finally:
            self.held = False
        self.pauses += 1
        command = command if command in COMMANDS else FINISH
        self.stepping = command == STEP
        if command == FINISH:
            self.kinds = self.lines = frozenset()


def line_key(item, entry_file):
    """A line breakpoint ``{"file", "line"}`` as events name their site: ``(file, line)``,
    the file None for the entry file (events leave it out)."""
    file = item.get("file")
    if file in (None, "", entry_file):
        file = None
    return file, int(item.get("line") or 0)


def trace_so_far(run, packed=True):
    """The Trace of ``run`` (a ``TraceRun``) up to now, with outcome ``paused``.

    The run's own record is left as it was: the Trace is made from copies of its events (the
    final ``complete`` event, and the lanes' names, are written into the copies only).
    """
    recorder = run.recorder
    saved = recorder.items, recorder.times, recorder.closed_count, recorder.run, recorder.pause
    items = [dict(item) if isinstance(item, dict) else copy(item) for item in saved[0]]
    recorder.items, recorder.times, recorder.pause = items, list(saved[1]), None
    if saved[3] is not None:
        recorder.run = items[-1]  # the open run of chunks is always the newest item
    outcome, run.outcome = run.outcome, "paused"
    try:
        return run.trace(packed)
    finally:
        run.outcome = outcome
        recorder.items, recorder.times, recorder.closed_count, recorder.run, recorder.pause = saved
