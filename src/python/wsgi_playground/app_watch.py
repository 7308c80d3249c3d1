"""What ``sys.setprofile`` shows while the server's call into the app lasts.

The app's code is not always on the stack when it causes an event: Werkzeug calls
start_response after the view returned, and a chunk the app's generator yielded reaches the
server through a library's iterator.  The profile hook keeps the project frame that ran last
(``ProjectFrames.last``), and the one that last returned or yielded a value with the frame it
went to, so those events still name the app's line.  It hands every call and return to
``Layers``, which finds the middleware in them.
"""

import sys

from .frames import is_server_code
from .wsgi_calls import PROJECT, SERVER

#: The profile events of calls to builtins (C functions).
BUILTIN_EVENTS = frozenset(("c_call", "c_return", "c_exception"))
#: Whether switching the hook off around the server's own steps (a write) saves time: in
#: CPython 3.11 every event copies the frame's locals for the hook, so it does (a 100,000-write
#: app ran 3.5 times faster); from 3.12 ``setprofile`` rides on ``sys.monitoring``, where each
#: switch re-instruments the code and costs more than the few events it spares.
SWITCH_IS_CHEAP = sys.version_info < (3, 12)


class AppWatch:
    """The profile hook of the server's calls into the app (the call, ``iter()``, ``next()``,
    ``close()``)."""

    def __init__(self, frames, layers):
        self.frames = frames
        self.layers = layers
        self.return_site = None  # the site of the ``return`` of the server's callee
        self.returned = None  # the project frame that last returned or yielded a value
        self.returned_to = None  # the frame it gave the value to

    def during(self, step, *args):
        """``step(*args)`` with this watch as the profile hook."""
        previous = sys.getprofile()
        sys.setprofile(self.profile)
        try:
            return step(*args)
        finally:
            sys.setprofile(previous)

    def unwatched(self, step, *args):
        """``step(*args)``, a step of the server's own (nothing of the app runs in it), with the
        hook off where that is cheaper (see ``SWITCH_IS_CHEAP``)."""
        hook = sys.getprofile() if SWITCH_IS_CHEAP else None
        if hook is None:
            return step(*args)
        sys.setprofile(None)
        try:
            return step(*args)
        finally:
            sys.setprofile(hook)

    def profile(self, frame, event, arg):
        """The hook: note the project frames that run, and pass calls and returns on."""
        layers = self.layers
        if event in BUILTIN_EVENTS:
            if event == "c_call" and layers.results.watch_closes:
                layers.on_c_call(frame, arg)
            return  # nothing else here runs Python code
        code = frame.f_code
        entry = layers.codes.get(code) or layers.code_entry(code)
        kind = entry[0]
        if kind is SERVER:
            return  # the server's own steps
        project = kind is PROJECT
        if event == "call":
            if entry[2] or layers.calls_watched:
                layers.on_call(frame, code, entry)
            if project:
                self.frames.last = frame
            return
        if project:
            self.frames.last = frame
            self.returned, self.returned_to = frame, frame.f_back
            if frame is layers.root_frame:
                self.return_site = self.frames.code_site(code, frame.f_lineno)
        if layers.returns_watched:
            layers.on_return(frame, arg)

    def chunk_site(self):
        """The site of the chunk the last ``next()`` gave: the project frame that yielded it,
        with the frames it went through toward the server; None if no project frame did."""
        frame = self.returned
        if frame is None:
            return None
        path = []
        caller = self.returned_to
        while caller is not None and not is_server_code(caller.f_code):
            path.append((caller.f_code, caller.f_lineno))
            caller = caller.f_back
        return self.frames.chunk_site(frame, path)
