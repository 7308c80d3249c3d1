"""What ``sys.setprofile`` shows while the server's call into the app lasts.

The app's code is not always on the stack when it causes an event: Werkzeug calls
start_response after the view returned, and a chunk the app's generator yielded reaches the
server through a library's iterator.  The profile hook keeps the project frame that ran last
(``ProjectFrames.last``), and the one that last returned or yielded a value with the library
frames it went to, so those events still name the app's line.
"""

import sys

from .frames import is_server_code

#: The profile events of calls to builtins (C functions).
BUILTIN_EVENTS = frozenset(("c_call", "c_return", "c_exception"))


class AppWatch:
    """The profile hook of the server's calls into the app (the call, ``iter()``, ``next()``)."""

    def __init__(self, frames, inner_iterables):
        self.frames = frames
        self.files = frames.files
        self.inner = inner_iterables
        self.called = False  # the app's first Python frame began
        self.outer = None  # that frame, if it is the project's: its ``return`` is the app's
        self.return_site = None  # the site of that ``return``
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

    def __enter__(self):
        self.previous = sys.getprofile()
        sys.setprofile(self.profile)
        return self

    def __exit__(self, *exc_info):
        sys.setprofile(self.previous)

    def profile(self, frame, event, arg):
        """The hook: note the project frames that run, and what the inner calls return."""
        if event in BUILTIN_EVENTS:
            return  # nothing here runs the app's code
        project = frame.f_code.co_filename in self.files
        if event == "call" and not self.called:
            self.called = True
            if project:
                self.outer = self.inner.outer = frame
        if project:
            self.frames.last = frame
            if event == "return":
                self.returned, self.returned_to = frame, frame.f_back
                if frame is self.outer:
                    self.return_site = self.frames.code_site(frame.f_code, frame.f_lineno)
        self.inner.observe(frame, event, arg)

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
