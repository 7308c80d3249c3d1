"""The streams an app touches, wrapped so that each use is recorded.

These are the shapes of ``wsgiref.validate``'s ``InputWrapper`` and ``ErrorWrapper``, but a
debugger records and carries on where validate raises.
"""

import io
import sys

from .values import short_repr


class _NoArg:
    def __repr__(self):
        return "<no argument>"


_NO_ARG = _NoArg()


class InputStream:
    """``wsgi.input``: the request body, recording each read.

    PEP 3333, "Input and Error Streams".
    """

    def __init__(self, body, recorder, sent=None):
        # ``sent``: the bytes of the body the client sends before it stops (setting
        # ``shortBody``); a read past them finds the end of the stream, as at a closed socket.
        self._short = None if sent is None or sent >= len(body) else sent
        self._stream = io.BytesIO(body if self._short is None else body[: self._short])
        self._announced = len(body)
        self._recorder = recorder
        self.size = len(body)

    def _read(self, method, arg):
        call = getattr(self._stream, "readline" if method == "__iter__" else method)
        data = call() if arg is _NO_ARG else call(arg)
        info = {"method": method, "arg": None if arg is _NO_ARG else short_repr(arg)}
        if isinstance(data, list):  # readlines()
            info["lines"] = len(data)
            joined = b"".join(data)
        else:
            joined = data
        info.update(self._recorder.chunk(joined))
        info["position"] = self._stream.tell()
        if self._short is not None and info["position"] == self._short:
            # The read that met the end of what the client sent, short of what it announced.
            info["clientStopped"] = {"sent": self._short, "announced": self._announced}
        recorder = self._recorder
        frame = sys._getframe(2)
        site = recorder.frames.site(frame)
        actor = recorder.app_side.actor(frame) if recorder.app_side else "app"
        recorder.record("input.read", actor, site, **info)
        return data

    def read(self, size=_NO_ARG):
        """Read up to ``size`` bytes (all when omitted)."""
        return self._read("read", size)

    def readline(self, size=_NO_ARG):
        """Read one line."""
        return self._read("readline", size)

    def readlines(self, hint=_NO_ARG):
        """Read all lines."""
        return self._read("readlines", hint)

    def __iter__(self):
        """Iterate over lines, recording each."""
        while True:
            line = self._read("__iter__", _NO_ARG)
            if not line:
                return
            yield line


class ErrorStream:
    """``wsgi.errors``: a text stream for the server's log, recording each write."""

    def __init__(self, recorder):
        self._recorder = recorder
        self.text = io.StringIO()

    def _record(self, method, text):
        recorder = self._recorder
        frame = sys._getframe(2)
        site = recorder.frames.site(frame)
        actor = recorder.actor_at(frame, site)
        recorder.record("errors.write", actor, site, method=method, text=text)

    def write(self, text):
        """Write a string to the log."""
        if not isinstance(text, str):
            self._record("write", short_repr(text))
            raise TypeError(
                "wsgi.errors.write() argument must be str, not %s" % type(text).__name__
            )
        self._record("write", text)
        return self.text.write(text)

    def writelines(self, lines):
        """Write each string of ``lines``."""
        lines = list(lines)
        self._record("writelines", "".join(str(x) for x in lines))
        for text in lines:
            self.text.write(text)

    def flush(self):
        """Flush the log (recorded, as the PEP asks apps to flush before relying on output)."""
        self._record("flush", "")


class PrintStream:
    """``sys.stdout``/``sys.stderr`` during a run: ``print()`` output, one event per line."""

    def __init__(self, recorder, name):
        self._recorder = recorder
        self._name = name
        self._pending = ""
        self._site = None
        self._actor = "server"

    def write(self, text):
        text = str(text)
        if not self._pending:
            self._note_caller(sys._getframe(1))
        self._pending += text
        while "\n" in self._pending:
            head, self._pending = self._pending.split("\n", 1)
            self._emit(head)
        return len(text)

    def flush(self):
        if self._pending:
            self._emit(self._pending)
            self._pending = ""

    def _emit(self, text):
        self._recorder.record("print", self._actor, self._site, stream=self._name, text=text)
        self._note_caller(sys._getframe(2))  # _emit <- write or flush <- the caller

    def _note_caller(self, frame):
        """Note where the pending text comes from: the site and the actor of ``frame``."""
        self._site = self._recorder.frames.site(frame)
        self._actor = self._recorder.actor_at(frame, self._site)
