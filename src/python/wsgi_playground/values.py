"""Small conversions of Python values for the Trace: base64, type names, safe reprs, columns."""

# Bound at import, before any app runs: an app that rebinds base64.b64encode cannot reach it.
from binascii import b2a_base64


def b64(data):
    """Return ``data`` (bytes) as base64 text."""
    return b2a_base64(bytes(data), newline=False).decode("ascii")


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
