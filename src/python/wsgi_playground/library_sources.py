"""The text of the library and stdlib files a run's stacks name, so that a person can read
the code between theirs and the server (``Trace.sources``, shown read-only beside the project).

The text comes from the module's loader (``get_source``), which reads the stdlib from its zip
in Pyodide as well as packages from site-packages.
"""

import importlib.util

#: At most this many files, and this much text in all: a trace stays a trace.
MAX_FILES = 12
MAX_CHARS = 400_000
OUTSIDE = ("library", "stdlib")


def named_files(items):
    """The library and stdlib files the recorded items' stacks and tracebacks name, in order."""
    seen = {}
    for item in items:
        if isinstance(item, dict):
            frames = [*(item.get("stack") or ()), *(item.get("traceback") or ())]
        else:  # a run of chunks: its stack, when it has one, is a column shared by all
            frames = (getattr(item, "extra", None) or {}).get("stack") or ()
        for frame in frames:
            if isinstance(frame, dict) and frame.get("origin") in OUTSIDE:
                seen.setdefault(frame.get("file"), None)
    return [file for file in seen if isinstance(file, str) and file.endswith(".py")]


def module_name(file):
    """The module a library path is imported as (``werkzeug/wsgi.py`` → ``werkzeug.wsgi``)."""
    name = file[: -len(".py")].replace("/", ".")
    return name[: -len(".__init__")] if name.endswith(".__init__") else name


def source_of(file):
    """The text of a library or stdlib file, or None when its loader cannot give it."""
    name = module_name(file)
    try:
        spec = importlib.util.find_spec(name)
        source = spec.loader.get_source(name) if spec and spec.loader else None
    except (ImportError, ValueError, AttributeError, OSError, SyntaxError):
        return None
    return source if isinstance(source, str) else None


def library_sources(items):
    """``{file: text}`` for the files ``items`` name, within the caps (None when empty)."""
    sources, total = {}, 0
    for file in named_files(items)[:MAX_FILES]:
        text = source_of(file)
        if text is None or total + len(text) > MAX_CHARS:
            continue
        sources[file] = text
        total += len(text)
    return sources or None
