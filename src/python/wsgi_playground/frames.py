"""Where an event comes from: the nearest frame of the project's files on the stack.

A *site* is what an event says of its source: ``(line, file, stack)``, where ``file`` is the
project path (None for the entry file, which events leave implicit) and ``stack`` is None or
the frames from that project frame to the event when library or stdlib code stood between.
"""


class ProjectFrames:
    """The project's files as the interpreter names them (``co_filename``)."""

    def __init__(self, sources=None, entry_file=None, root=None):
        self.sources = sources or {}  # absolute path -> project path
        self.entry_file = entry_file
        self.root = root  # the project directory
        # co_filename -> an event's ``file``: None for the entry file.
        self.files = {
            path: (None if relative == entry_file else relative)
            for path, relative in self.sources.items()
        }

    def is_project(self, code):
        """True when ``code`` belongs to one of the project's files."""
        return code.co_filename in self.files

    def file_of(self, path):
        """The ``file`` of an event in the file at ``path`` (None: the entry file)."""
        return self.files.get(path)

    def site(self, frame):
        """The site of the nearest project frame from ``frame`` outward, or None."""
        files = self.files
        while frame is not None:
            filename = frame.f_code.co_filename
            if filename in files:
                return frame.f_lineno, files[filename], None
            frame = frame.f_back
        return None

    def code_site(self, code, line):
        """The site of ``line`` in ``code``, or None when ``code`` is not the project's."""
        if code is None or line is None or code.co_filename not in self.files:
            return None
        return line, self.files[code.co_filename], None

    def callable_site(self, value):
        """The site where a callable's code begins (a class: its ``__call__`` or
        ``__init__``), when that code is the project's."""
        # B004 mistakes reading ``__call__`` for a callability test; here it is the method's code.
        call = getattr(value, "__call__", None)  # noqa: B004
        for candidate in (value, call, getattr(value, "__init__", None)):
            code = getattr(getattr(candidate, "__func__", candidate), "__code__", None)
            if code is not None:
                return self.code_site(code, code.co_firstlineno)
        return None

    def relative_text(self, text):
        """``text`` (a formatted traceback) with the project's files named by project path."""
        if not self.root:
            return text
        return text.replace('"%s/' % self.root, '"')


#: A project with no files: nothing is the project's (before the project is written).
NO_PROJECT = ProjectFrames()
