"""The event log of one run: what crossed the protocol boundary, when, and from which line."""

import base64
import operator
import sys
from time import perf_counter_ns


class RunLimitExceeded(BaseException):
    """Raised inside the run when it recorded more events than allowed.

    A ``BaseException`` so that an app's ``except Exception`` cannot swallow it.
    """


def b64(data):
    """Return ``data`` (bytes) as base64 text."""
    return base64.b64encode(bytes(data)).decode("ascii")


def type_name(value):
    """Return the name of ``value``'s type as a person would write it (``bytes``, ``list``)."""
    kind = type(value)
    if kind.__module__ in ("builtins", "__main__", "app"):
        return kind.__qualname__
    return "%s.%s" % (kind.__module__, kind.__qualname__)


def short_repr(value, limit=200):
    """Return ``repr(value)`` cut to ``limit`` characters; never raises."""
    try:
        text = repr(value)
    except BaseException as error:  # a hostile __repr__ must not break the server
        text = "<%s object (repr failed: %s)>" % (type_name(value), type_name(error))
    return text if len(text) <= limit else text[: limit - 1] + "…"


def column(values):
    """A packed column: the one value all entries share, or the list itself."""
    return values[0] if values.count(values[0]) == len(values) else values


#: The version of the packed event and segment format (see ``Recorder.packed_events``).
PACKING = 1


class ChunkRun:
    """Consecutive ``yield`` or ``write`` events of ``bytes`` by one actor, kept as columns.

    Apps that stream many small chunks make most of a trace's events; one dict per event (and
    one base64 call per preview) made tracing them ~30 times slower than serving them.
    """

    __slots__ = ("first", "kind", "actor", "index", "lines", "sizes", "previews", "extra")

    def __init__(self, first, kind, actor, index):
        self.first = first  # the seq of the first event
        self.kind = kind
        self.actor = actor
        self.index = index  # a yield's chunk index, counted on within the run; None for writes
        self.lines = []
        self.sizes = []
        self.previews = []  # the preview bytes themselves: base64 only once per distinct value
        self.extra = {}  # offset in the run -> fields added later (a write's error)

    def event(self, offset, t, preview_base64):
        """The event at ``offset``, as a dict in the order ``Recorder.record`` builds it."""
        event = {"seq": self.first + offset, "t": t, "kind": self.kind, "actor": self.actor}
        line = self.lines[offset]
        if line is not None:
            event["line"] = line
        if self.index is not None:
            event["index"] = self.index + offset
        event["type"] = "bytes"
        event["size"] = self.sizes[offset]
        event["previewBase64"] = preview_base64
        event.update(self.extra.get(offset, ()))
        return event


class Recorder:
    """Collects the events of one run, each stamped with its time and source line.

    Events are kept as ``items``: a dict per event, or a ``ChunkRun`` for a run of byte chunks.
    ``events`` expands them; ``packed_events`` is the compact form sent to TypeScript.
    """

    def __init__(self, filename, max_events, preview_bytes):
        self.filename = filename
        self.max_events = max_events
        self.preview_bytes = preview_bytes
        self.count = 0
        self.times = []  # perf_counter_ns() of each event, by seq
        self.items = []
        self.run = None  # the ChunkRun that the next chunk may extend
        self.started = perf_counter_ns()

    def elapsed_ms(self):
        """Milliseconds since the run started (to the microsecond)."""
        return self.ms(perf_counter_ns())

    def ms(self, ns):
        """A perf_counter_ns() reading as milliseconds since the run started."""
        return ((ns - self.started) // 1000) / 1000

    def user_line(self, frame=None):
        """Return the line of the innermost frame of the user's file on the stack, or None."""
        frame = frame or sys._getframe(1)
        while frame is not None:
            if frame.f_code.co_filename == self.filename:
                return frame.f_lineno
            frame = frame.f_back
        return None

    def record(self, kind, actor, line=None, **data):
        """Append an event and return its sequence number."""
        seq = self.count
        if seq >= self.max_events:
            raise RunLimitExceeded("the run recorded more than %d events" % self.max_events)
        return self.append(seq, kind, actor, line, data)

    def finish(self, outcome):
        """Record the final ``complete`` event (even past the event limit)."""
        return self.append(self.count, "complete", "server", None, {"outcome": outcome})

    def append(self, seq, kind, actor, line, data):
        self.times.append(perf_counter_ns())
        self.count = seq + 1
        self.run = None
        event = {"seq": seq, "t": None, "kind": kind, "actor": actor}  # t: filled on expansion
        if line is not None:
            event["line"] = line
        event.update(data)
        self.items.append(event)
        return seq

    def record_bytes(self, kind, actor, line, data, index=None, clock=perf_counter_ns):
        """Record a ``yield`` or ``write`` of exactly ``bytes``: ``record`` + ``chunk``, in a run.

        A run holds events with consecutive seqs (any other event ends it), so the ``index`` of
        the yields in it counts on by one too (each yield gets the previous one's + 1).
        """
        seq = self.count
        if seq >= self.max_events:
            raise RunLimitExceeded("the run recorded more than %d events" % self.max_events)
        self.times.append(clock())
        self.count = seq + 1
        run = self.run
        if run is None or run.kind != kind or run.actor != actor:
            run = self.run = ChunkRun(seq, kind, actor, index)
            self.items.append(run)
        run.lines.append(line)
        size = len(data)
        run.sizes.append(size)
        run.previews.append(data if size <= self.preview_bytes else data[: self.preview_bytes])
        return seq

    def update(self, seq, **data):
        """Add fields to an event recorded earlier (e.g. the error a call raised)."""
        for item in reversed(self.items):
            if isinstance(item, dict):
                if item["seq"] == seq:
                    item.update(data)
                    return
            elif item.first <= seq < item.first + len(item.sizes):
                item.extra.setdefault(seq - item.first, {}).update(data)
                return

    def exceptions(self):
        """The ``exception`` events recorded so far."""
        return [i for i in self.items if isinstance(i, dict) and i["kind"] == "exception"]

    @property
    def events(self):
        """Every event as a dict, in order (the Trace's ``events``)."""
        times = self.times
        events = []
        for item in self.items:
            if isinstance(item, dict):
                event = dict(item)
                event["t"] = self.ms(times[item["seq"]])
                events.append(event)
            else:
                for offset, preview in enumerate(item.previews):
                    t = self.ms(times[item.first + offset])
                    events.append(item.event(offset, t, b64(preview)))
        return events

    def packed_events(self):
        """The events in the compact form ``src/trace/unpackTrace.ts`` expands.

        ``{"packing", "length", "times", "previews", "items"}``: ``times`` holds each event's
        time in microseconds since the previous one; ``items`` holds each event as a dict
        (``seq`` and ``t`` to be filled in) or a run of chunks
        ``{"run": kind, "actor", "type", "n", "index"?, "line", "size", "preview", "extra"?}``
        whose columns are one value for all, or a list of ``n`` (``preview``: indices into
        ``previews``, the distinct previews in base64).
        """
        start = self.started
        micros = [(ns - start) // 1000 for ns in self.times]
        times = micros[:1] + list(map(operator.sub, micros[1:], micros[:-1]))
        table = {}
        items = []
        for item in self.items:
            if isinstance(item, dict):
                items.append(item)
                continue
            previews = item.previews
            if previews.count(previews[0]) == len(previews):
                preview = table.setdefault(previews[0], len(table))
            else:
                preview = [table.setdefault(p, len(table)) for p in previews]
            run = {"run": item.kind, "actor": item.actor, "type": "bytes", "n": len(previews)}
            if item.index is not None:
                run["index"] = item.index
            run["line"] = column(item.lines)
            run["size"] = column(item.sizes)
            run["preview"] = preview
            if item.extra:
                run["extra"] = sorted(item.extra.items())
            items.append(run)
        return {
            "packing": PACKING,
            "length": self.count,
            "times": times,
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
