"""The event log of one run: what crossed the protocol boundary, when, and from which line."""

import array
import sys
from time import perf_counter_ns

from .chunk_run import VARIES, ChunkRun
from .frames import NO_PROJECT
from .values import b64, column, short_repr, type_name


class RunLimitExceeded(BaseException):
    """Raised inside the run when it recorded more events than allowed.

    A ``BaseException`` so that an app's ``except Exception`` cannot swallow it.
    """


#: The version of the packed event and segment format (see ``Recorder.packed_events``).
PACKING = 2

#: Reading the clock costs more than serving a small chunk (in WebAssembly each reading is a
#: call out to JavaScript).  While chunks come faster than ``FAST_CHUNK_NS`` each, the chunk
#: loop reads it for every ``PACE``-th chunk only; the times between are not read (stored as
#: 0) and are interpolated between the readings around them.  ``Recorder.pace`` decides,
#: every ``PACE`` chunks, so a slower chunk is read exactly again within ``PACE`` chunks.
PACE = 16
PACE_MASK = PACE - 1
FAST_CHUNK_NS = 20_000


class Recorder:
    """Collects the events of one run, each stamped with its time and source line.

    Events are kept as ``items``: a dict per event, or a ``ChunkRun`` for a run of byte chunks.
    ``events`` expands them; ``packed_events`` is the compact form sent to TypeScript.
    """

    def __init__(self, max_events, preview_bytes):
        self.frames = NO_PROJECT  # the project's files, once they are written
        self.app_side = None  # the ``Layers`` of the app while the server's call into it lasts
        self.max_events = max_events
        self.preview_bytes = preview_bytes
        self.closed_count = 0  # the events before the open run
        self.times = []  # perf_counter_ns() of each event, by seq; 0: not read (see PACE)
        self.items = []
        self.run = None  # the open ChunkRun that the next chunk may extend
        # Two clocks: the run began when the code started to load; the events' times count
        # from when the server took the request (start_serving), so that the first event is
        # not stamped with the time the app's imports took.
        self.begun = self.started = perf_counter_ns()
        self.serving = False
        self.pause = None  # a ``LivePause`` when the page holds the run at its events

    @property
    def count(self):
        """The number of events recorded so far."""
        run = self.run
        return self.closed_count + (len(run.previews) if run is not None else 0)

    def close_run(self):
        """End the open run of chunks: the next event is not one of its chunks."""
        run = self.run
        if run is not None:
            run.open = False
            self.closed_count += len(run.previews)
            self.run = None

    def pace(self):
        """The chunk loop's clock mask: ``PACE_MASK`` (read every ``PACE``-th chunk) while the
        last ``PACE`` chunks took under ``FAST_CHUNK_NS`` each, else 0 (read every chunk)."""
        times = self.times
        if len(times) > PACE and times[-PACE - 1]:
            fast = times[-1] - times[-PACE - 1] < PACE * FAST_CHUNK_NS
            return PACE_MASK if fast else 0
        return 0

    def filled_times(self):
        """Each event's ``perf_counter_ns()``, those not read interpolated between the readings
        around them (as ``src/trace/unpackTrace.ts`` does)."""
        times = list(self.times)
        last = None
        for seq, ns in enumerate(times):
            if not ns:
                continue
            if last is not None and seq - last > 1:
                before = times[last]
                for gap in range(last + 1, seq):
                    times[gap] = before + (ns - before) * (gap - last) // (seq - last)
            last = seq
        return times

    def start_serving(self):
        """Start the events' clock: the server takes the request now (the code has loaded)."""
        self.started = perf_counter_ns()
        self.serving = True

    def exclude(self, ns):
        """Leave ``ns`` nanoseconds just past out of the run's time (it was held paused): every
        clock reading so far moves on by them."""
        times = self.times
        for seq, reading in enumerate(times):
            if reading:
                times[seq] = reading + ns
        self.begun += ns
        self.started += ns

    def elapsed_ms(self):
        """Milliseconds in Python since the code began to load (to the microsecond)."""
        return (perf_counter_ns() // 1000 - self.begun // 1000) / 1000

    def load_ms(self):
        """Milliseconds spent loading the code before the server took the request (None when
        it never took it: the code failed to load)."""
        if not self.serving:
            return None
        return (self.started // 1000 - self.begun // 1000) / 1000

    def ms(self, ns):
        """A perf_counter_ns() reading as milliseconds since the server took the request; what
        the code printed while it loaded is stamped 0 (as packed_events counts it)."""
        return max(0, ns // 1000 - self.started // 1000) / 1000

    def actor_at(self, frame, site):
        """Who acted in an event caused by ``frame`` (at ``site``): while the server's call
        into the app lasts, the lane whose code ran (library code included); else the app if
        its code is the cause, else the server."""
        if self.app_side is None:
            return "app" if site is not None else "server"
        return self.app_side.actor(frame)

    def record(self, kind, actor, site=None, **data):
        """Append an event from ``site`` (``(line, file, stack)`` or None); return its seq."""
        self.close_run()
        seq = self.closed_count
        if seq >= self.max_events:
            raise RunLimitExceeded("the run recorded more than %d events" % self.max_events)
        return self.append(seq, kind, actor, site, data)

    def finish(self, outcome):
        """Record the final ``complete`` event (even past the event limit)."""
        self.close_run()
        return self.append(self.closed_count, "complete", "server", None, {"outcome": outcome})

    def append(self, seq, kind, actor, site, data):
        self.times.append(perf_counter_ns())
        self.closed_count = seq + 1
        event = {"seq": seq, "t": None, "kind": kind, "actor": actor}  # t: filled on expansion
        if site is not None:
            line, file, stack = site
            event["line"] = line
            if file is not None:
                event["file"] = file
            if stack is not None:
                event["stack"] = stack
        event.update(data)
        self.items.append(event)
        pause = self.pause
        if pause is not None and self.serving and kind != "complete" and pause.wanted(kind, site):
            pause.hold(self)
        return seq

    def open_run(self, kind, actor, index=None, line=VARIES, code=None, file=None):
        """Start a run of byte chunks (ending the open one); raise at the event limit.
        ``line``, ``code`` and ``file``: see ``ChunkRun``."""
        self.close_run()
        room = self.max_events - self.closed_count
        if room <= 0:
            raise RunLimitExceeded("the run recorded more than %d events" % self.max_events)
        run = ChunkRun(self.closed_count, kind, actor, index, room, line, code, file)
        self.run = run
        self.items.append(run)
        return run

    def record_bytes(self, kind, actor, site, data, index=None):
        """Record a ``yield`` or ``write`` of exactly ``bytes``: ``record`` + ``chunk``, in a run.

        A run holds events with consecutive seqs (any other event ends it), so the ``index`` of
        the yields in it counts on by one too (each yield gets the previous one's + 1).
        """
        line, file, stack = site or (None, None, None)
        if stack is not None:  # runs have no stack column
            counted = {} if index is None else {"index": index}
            return self.record(kind, actor, site, **counted, **self.chunk(data))
        run = self.run
        if run is None or (run.kind, run.actor, run.line, run.code, run.file) != (
            kind,
            actor,
            VARIES,
            None,
            file,
        ):
            run = self.open_run(kind, actor, index, file=file)  # not a run like this one
        if len(run.previews) >= run.room:
            run = self.open_run(kind, actor, index, file=file)  # raises: the run limit
        seq = run.first + len(run.previews)
        self.times.append(perf_counter_ns())
        run.add(line, data, self.preview_bytes)
        pause = self.pause
        if pause is not None and pause.wanted(kind, site):
            pause.hold(self)
        return seq

    def update(self, seq, **data):
        """Add fields to an event recorded earlier (e.g. the error a call raised)."""
        for item in reversed(self.items):
            if isinstance(item, dict):
                if item["seq"] == seq:
                    item.update(data)
                    return
            elif item.first <= seq < item.first + len(item.previews):
                item.extra.setdefault(seq - item.first, {}).update(data)
                return

    def mark_unwritten(self, seq):
        """Note that the chunk event ``seq`` never reached the wire (its write failed)."""
        for item in reversed(self.items):
            if not isinstance(item, dict) and item.first <= seq < item.first + len(item.previews):
                item.unwritten.add(seq - item.first)
                return

    def exceptions(self):
        """The ``exception`` events recorded so far."""
        return [i for i in self.items if isinstance(i, dict) and i["kind"] == "exception"]

    def chunk_runs(self):
        """The runs of byte chunks, in order."""
        return [item for item in self.items if not isinstance(item, dict)]

    @property
    def events(self):
        """Every event as a dict, in order (the Trace's ``events``)."""
        self.close_run()
        times = self.filled_times()
        events = []
        for item in self.items:
            if isinstance(item, dict):
                event = dict(item)
                event["t"] = self.ms(times[item["seq"]])
                events.append(event)
            else:
                events.extend(item.events(times, self.ms))
        return events

    def packed_events(self):
        """The events in the compact form ``src/trace/unpackTrace.ts`` expands.

        ``{"packing", "length", "startedNs", "timesNs", "previews", "items"}``: ``timesNs``
        holds each event's ``perf_counter_ns()`` as little-endian int64s in base64 (converted
        in C: a Python operation per event made this the slowest step), 0 where the clock was
        not read (see ``PACE``); ``items`` holds each event as a dict
        (``seq`` and ``t`` to be filled in) or a run of chunks
        ``{"run": kind, "actor", "type", "n", "index"?, "line", "file"?, "size", "preview",
        "extra"?}``
        whose columns are one value for all, or a list of ``n`` (``preview``: indices into
        ``previews``, the distinct previews in base64).
        """
        self.close_run()
        times = array.array("q", self.times)
        if sys.byteorder != "little":
            times.byteswap()
        table = {}
        items = []
        for item in self.items:
            if isinstance(item, dict):
                items.append(item)
                continue
            previews = item.previews
            if not previews:
                continue
            if previews.count(previews[0]) == len(previews):  # one chunk, streamed n times
                preview = table.setdefault(previews[0], len(table))
                size = column(item.sizes) if item.big else len(previews[0])
            else:
                preview = [table.setdefault(p, len(table)) for p in previews]
                size = column(item.sizes)
            run = {"run": item.kind, "actor": item.actor, "type": "bytes", "n": len(previews)}
            if item.index is not None:
                run["index"] = item.index
            run["line"] = column(item.line_column())
            if item.file is not None:
                run["file"] = item.file
            run["size"] = size
            run["preview"] = preview
            if item.extra:
                run["extra"] = sorted(item.extra.items())
            items.append(run)
        return {
            "packing": PACKING,
            "length": self.count,
            "startedNs": self.started,
            "timesNs": b64(times.tobytes()),
            "previews": [b64(p) for p in table],
            "items": items,
        }

    def chunk(self, data):
        """Describe a chunk of data for an event: its type, exact size and a preview."""
        if isinstance(data, (bytes, bytearray)):
            return {
                "type": type_name(data),
                "size": len(data),
                "previewBase64": b64(data[: self.preview_bytes]),
            }
        info = {"type": type_name(data), "repr": short_repr(data)}
        if isinstance(data, str):
            info["size"] = len(data)
        return info
