"""The event log of one run: what crossed the protocol boundary, when, and from which line."""

import base64
import sys
import time


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


class Recorder:
    """Collects the events of one run, each stamped with its time and source line."""

    def __init__(self, filename, max_events, preview_bytes):
        self.filename = filename
        self.max_events = max_events
        self.preview_bytes = preview_bytes
        self.events = []
        self.started = time.perf_counter()

    def elapsed_ms(self):
        """Milliseconds since the run started."""
        return round((time.perf_counter() - self.started) * 1000, 3)

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
        seq = len(self.events)
        if seq >= self.max_events:
            raise RunLimitExceeded("the run recorded more than %d events" % self.max_events)
        event = {"seq": seq, "t": self.elapsed_ms(), "kind": kind, "actor": actor}
        if line is not None:
            event["line"] = line
        event.update(data)
        self.events.append(event)
        return seq

    def update(self, seq, **data):
        """Add fields to an event recorded earlier (e.g. the error a call raised)."""
        self.events[seq].update(data)

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
