"""Where an event comes from: the nearest frame of the project's files on the stack.

A *site* is what an event says of its source: ``(line, file, stack)``, where ``file`` is the
project path (None for the entry file, which events leave implicit) and ``stack`` is None, or
the frames between that project frame and the event when library or stdlib code stood there
(see ``ProjectFrames.site``).
"""

import os
import wsgiref.handlers
import wsgiref.headers

#: The server's own code: the frames a site never names (they are the event's recording):
#: this package, and the reference server it is built on (its handler, and the ``Headers`` its
#: start_response checks the app's headers with).
SERVER_DIR = os.path.dirname(os.path.abspath(__file__)) + os.sep
SERVER_FILES = (wsgiref.handlers.__file__, wsgiref.headers.__file__)
#: The standard library's own directory (in Pyodide, its zip: ``/lib/python314.zip``).
STDLIB_DIR = os.path.dirname(os.__file__) + os.sep
LIBRARY_DIRS = ("site-packages", "dist-packages")
#: At most this many frames in an event's stack (the project frame and the innermost others).
STACK_FRAMES = 8


class ProjectFrames:
    """The project's files as the interpreter names them (``co_filename``), and the project
    frame that ran last (``last``, kept by the server's profile hook while the app runs)."""

    def __init__(self, sources=None, entry_file=None, root=None):
        self.sources = sources or {}  # absolute path -> project path
        self.entry_file = entry_file
        self.root = root  # the project directory
        # co_filename -> an event's ``file``: None for the entry file.
        self.files = {
            path: (None if relative == entry_file else relative)
            for path, relative in self.sources.items()
        }
        self.places = {}  # co_filename -> (file, origin), see ``place``
        self.last = None  # the project frame that ran last during the server's call into the app

    def is_project(self, code):
        """True when ``code`` belongs to one of the project's files."""
        return code.co_filename in self.files

    def file_of(self, path):
        """The ``file`` of an event in the file at ``path`` (None: the entry file)."""
        return self.files.get(path)

    def site(self, frame):
        """The site of an event whose cause is ``frame``: the frame that called the server's
        hook (None: the server acted by itself, or no project frame ran yet).

        The nearest project frame from there gives the line; if library or stdlib frames stood
        between, ``stack`` lists them from it (innermost last).  With no project frame before
        the server's own frames (a library called start_response), the site is the project
        frame that ran last, and ``stack`` the frames from the server's call to the event.
        """
        files = self.files
        filename = frame.f_code.co_filename
        if filename in files:  # the common case first: the app called the server's hook
            return frame.f_lineno, files[filename], None
        passed = []  # the frames on the way, innermost first
        while frame is not None:
            code = frame.f_code
            if code.co_filename in files:
                if not passed:
                    return frame.f_lineno, files[code.co_filename], None
                return frame.f_lineno, files[code.co_filename], self.stack([frame, *passed[::-1]])
            if is_server_code(code):
                break  # the server's call into the app, or the server's own step
            passed.append(frame)
            frame = frame.f_back
        return self.last_site(self.stack(passed[::-1])) if passed else None

    def last_site(self, stack=None):
        """The site of the project frame that ran last (with ``stack``), or None."""
        frame = self.last
        if frame is None:
            return None
        return frame.f_lineno, self.files[frame.f_code.co_filename], stack or None

    def chunk_site(self, frame, path):
        """The site of a chunk that the project frame ``frame`` yielded through the library
        frames ``path`` (``[(code, line)]``, from it toward the server)."""
        line, file = frame.f_lineno, self.files[frame.f_code.co_filename]
        if not path:
            return line, file, None
        stack = [(frame.f_code, line), *path][:STACK_FRAMES]
        return line, file, [self.frame_entry(code, at) for code, at in stack]

    def stack(self, frames):
        """The stack entries of ``frames`` (outermost first), cut to ``STACK_FRAMES``: the first
        (the project frame, if any) and the innermost others."""
        if len(frames) > STACK_FRAMES:
            frames = frames[:1] + frames[1 - STACK_FRAMES :]
        return [self.frame_entry(frame.f_code, frame.f_lineno) for frame in frames]

    def frame_entry(self, code, line):
        """One frame of a stack: ``{file, line, function, origin}``."""
        file, origin = self.place(code.co_filename)
        return {"file": file, "line": line, "function": code.co_name, "origin": origin}

    def place(self, filename):
        """``(file, origin)`` of a ``co_filename``: a project path, a path below site-packages
        (``library``) or the stdlib's directory (``stdlib``)."""
        place = self.places.get(filename)
        if place is None:
            place = self.places[filename] = self.classify(filename)
        return place

    def classify(self, filename):
        """See ``place``; a file that is none of these counts as a library's, named whole."""
        if filename in self.sources:
            return self.sources[filename], "project"
        parts = filename.replace(os.sep, "/").split("/")
        for directory in LIBRARY_DIRS:
            if directory in parts:
                below = len(parts) - parts[::-1].index(directory)
                return "/".join(parts[below:]), "library"
        if filename.startswith(STDLIB_DIR):
            return filename[len(STDLIB_DIR) :].replace(os.sep, "/"), "stdlib"
        if filename.startswith("<frozen "):
            return filename, "stdlib"
        return filename, "library"

    def code_site(self, code, line):
        """The site of ``line`` in ``code``, or None when ``code`` is not the project's."""
        if code is None or line is None or code.co_filename not in self.files:
            return None
        return line, self.files[code.co_filename], None

    def callable_site(self, value):
        """The site where a callable's code begins, when that code is the project's."""
        code = callable_code(value)
        return self.code_site(code, code and code.co_firstlineno)

    def relative_text(self, text):
        """``text`` (a formatted traceback) with the project's files named by project path."""
        if not self.root:
            return text
        return text.replace('"%s/' % self.root, '"')


def callable_code(value):
    """The code a callable runs (an instance: its ``__call__``; a class: its ``__init__``)."""
    # B004 mistakes reading ``__call__`` for a callability test; here it is the method's code.
    call = getattr(value, "__call__", None)  # noqa: B004
    for candidate in (value, call, getattr(value, "__init__", None)):
        code = getattr(getattr(candidate, "__func__", candidate), "__code__", None)
        if code is not None:
            return code
    return None


def is_server_file(filename):
    """True when ``filename`` is the server's own code (this package, or wsgiref's handlers)."""
    return filename.startswith(SERVER_DIR) or filename in SERVER_FILES


def is_server_code(code):
    """True when ``code`` is the server's own (see ``is_server_file``)."""
    return is_server_file(code.co_filename)


#: A project with no files: nothing is the project's (before the project is written).
NO_PROJECT = ProjectFrames()
