"""Middleware's side of close(): the iterables that inner WSGI callables return to the app.

A middleware is a server to the app it wraps, so it must call ``close()`` on the iterable that
app returns (PEP 3333, "Specification Details").  The server only sees the outermost iterable;
this module notices, while the app's own code runs, each *inner* WSGI call — a function of the
user's file called with ``(environ, start_response)`` — and what it returned, and wraps that
object's ``close`` so that the Trace can say whether anyone called it.
"""

import functools
import inspect
import types
import weakref
from itertools import pairwise

from .values import type_name


def is_wsgi_call(frame):
    """True when ``frame`` runs a callable invoked as ``(..., environ, start_response)``."""
    code = frame.f_code
    names = code.co_varnames[: code.co_argcount]
    if len(names) < 2:
        return False
    local = frame.f_locals
    values = [local.get(name) for name in names]
    return any(
        type(environ) is dict and "wsgi.input" in environ and callable(start)
        for environ, start in pairwise(values)
    )


class InnerIterables:
    """Notes the iterables inner WSGI calls return, and whether their ``close()`` was called."""

    def __init__(self, frames):
        self.files = frames.files  # the project's files: whose inner WSGI calls count
        self.outer = None  # the frame of the outermost app call: its result is the server's
        self.found = []  # [info dict, weak reference or None]

    def observe(self, frame, event, arg):
        """A ``sys.setprofile`` hook: note what each inner WSGI call of the user's code returns."""
        code = frame.f_code
        if event != "return" or code.co_filename not in self.files or frame is self.outer:
            return
        if code.co_flags & (inspect.CO_GENERATOR | inspect.CO_ASYNC_GENERATOR):
            return  # a generator "returns" at each yield
        if not hasattr(arg, "close") or not is_wsgi_call(frame):
            return
        caller = frame.f_back
        line = caller.f_lineno if caller and caller.f_code.co_filename in self.files else None
        info = {"callable": code.co_name, "resultType": type_name(arg), "closed": False}
        if line is not None:
            info["line"] = line
        if isinstance(arg, types.GeneratorType):
            self.found.append((info, weakref.ref(arg)))  # its state tells whether it was closed
        elif self.track_close(arg, info):
            self.found.append((info, None))

    def track_close(self, result, info):
        """Wrap ``result.close`` to note the call; False when the object does not allow it."""
        original = result.close

        @functools.wraps(original)
        def close(*args, **kwargs):
            info["closed"] = True
            return original(*args, **kwargs)

        try:
            result.close = close
        except (AttributeError, TypeError):  # __slots__, a builtin type, a read-only property
            return False
        return True

    def report(self):
        """What was found: each inner iterable with a ``close()``, and whether it was closed.

        A generator that was dropped counts as closed: CPython finalizes it, which runs its
        ``finally`` blocks, the moment the last reference goes.
        """
        result = []
        for info, ref in self.found:
            if ref is not None:
                generator = ref()
                state = inspect.getgeneratorstate(generator) if generator is not None else None
                info["closed"] = state in (None, inspect.GEN_CLOSED, inspect.GEN_CREATED)
            result.append(dict(info))
        return result
