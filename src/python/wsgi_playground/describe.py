"""Turn the Python objects that cross the protocol boundary into JSON-ready descriptions."""

import traceback
import types

from .frames import is_server_file
from .removed_modules import removed_note
from .streams import ErrorStream, InputStream
from .values import short_repr, type_name


def describe_headers(headers):
    """Describe a ``response_headers`` argument without consuming it."""
    info = {"headersType": type_name(headers)}
    if not isinstance(headers, (list, tuple)):
        info["headersRepr"] = short_repr(headers)
        return info
    items = []
    for item in headers:
        if isinstance(item, (tuple, list)) and len(item) == 2:
            name, value = item
            items.append(
                {
                    "name": name if isinstance(name, str) else short_repr(name),
                    "value": value if isinstance(value, str) else short_repr(value),
                    "nameType": type_name(name),
                    "valueType": type_name(value),
                    "itemType": type_name(item),
                }
            )
        else:
            items.append({"itemType": type_name(item), "repr": short_repr(item)})
    info["headers"] = items
    return info


def describe_exc_info(exc_info):
    """Describe the ``exc_info`` argument of ``start_response`` (None, or a summary)."""
    if exc_info is None:
        return None
    if isinstance(exc_info, tuple) and len(exc_info) == 3 and exc_info[1] is not None:
        return "%s: %s" % (type_name(exc_info[1]), safe_str(exc_info[1]))
    return short_repr(exc_info)


def describe_result(result):
    """Describe what the application returned (the response iterable)."""
    info = {
        "resultType": type_name(result),
        "isGenerator": isinstance(result, types.GeneratorType),
        "hasClose": hasattr(result, "close"),
        "hasLen": hasattr(type(result), "__len__"),
    }
    if isinstance(result, (list, tuple)):
        info["length"] = len(result)
    if isinstance(result, (str, bytes)) or result is None:
        info["repr"] = short_repr(result)
    return info


def safe_str(value):
    """``str(value)``, or a description when its ``__str__`` fails."""
    try:
        return str(value)
    except BaseException:
        return short_repr(value)


def describe_exception(exc_info, frames, phase, fallback_site=None):
    """Describe an exception with its traceback trimmed to what concerns the person (see
    ``trim_traceback``); return it with the site of its innermost project frame (else
    ``fallback_site``)."""
    etype, value, tb = exc_info
    kept = trim_traceback(traceback.extract_tb(tb), frames)
    entries = []
    formatted = ["Traceback (most recent call last):\n"] if kept else []
    for summary in kept:
        file, origin = frames.place(summary.filename)
        entries.append(
            {
                "line": summary.lineno,
                "name": summary.name,
                "text": (summary.line or "").strip(),
                "file": file,
                "origin": origin,
            }
        )
        text = traceback.format_list([summary])[0]
        formatted.append(text.replace('File "%s"' % summary.filename, 'File "%s"' % file, 1))
    formatted += traceback.format_exception_only(etype, value)
    message = safe_str(value)
    note = removed_note(value)
    if note is not None:
        message = "%s: %s" % (message, note)
    info = {
        "phase": phase,
        "type": type_name(value) if value is not None else etype.__name__,
        "message": message,
        "traceback": entries,
        "formatted": "".join(formatted).rstrip("\n"),
    }
    project = [summary for summary in kept if summary.filename in frames.files]
    site = fallback_site
    if project:
        site = (project[-1].lineno, frames.file_of(project[-1].filename), None)
    return info, site


#: At most this many frames of library or stdlib code after the last project frame.
TAIL_FRAMES = 4


def trim_traceback(summaries, frames):
    """The frames of a traceback that concern the person: every project frame, then those of
    library or stdlib code between the last one and the raise point (the first and the
    innermost of them, at most ``TAIL_FRAMES``), which say what the app's call ran into.
    Library frames between two project frames (a framework's dispatch) are left out, and the
    server's own frames always are."""
    files = frames.files
    project = [i for i, summary in enumerate(summaries) if summary.filename in files]
    after = project[-1] + 1 if project else 0
    tail = [s for s in summaries[after:] if not is_server_file(s.filename)]
    if len(tail) > TAIL_FRAMES:
        tail = tail[:1] + tail[1 - TAIL_FRAMES :]
    return [summaries[i] for i in project] + tail


def header_names(headers):
    """The lower-cased names in a header list the reference accepted."""
    return {
        item[0].lower()
        for item in headers
        if isinstance(item, tuple) and len(item) == 2 and isinstance(item[0], str)
    }


def snapshot_environ(environ):
    """Describe each environ entry as the app receives it: key, Python type, value."""
    entries = []
    for key, value in list(environ.items()):
        entry = {"key": str(key), "type": type(value).__name__}
        if isinstance(value, InputStream):
            entry["value"] = "<request body: %d bytes>" % value.size
        elif isinstance(value, ErrorStream):
            entry["value"] = "<server log stream>"
        elif isinstance(value, str):
            entry["value"] = value
        else:
            entry["value"] = repr(value)
        entries.append(entry)
    return entries


def parse_head(head, origin_server):
    """Split the bytes of a committed head into its status line and header list."""
    lines = head.decode("latin-1").split("\r\n")
    status_line = lines.pop(0) if origin_server and lines else None
    headers = []
    for line in lines:
        if not line:
            break
        name, _, value = line.partition(":")
        headers.append([name, value.strip()])
    return {"statusLine": status_line, "headers": headers}
