"""Compile the user's code and find the WSGI callable in it."""

import linecache
import types

FALLBACK_NAMES = ("application", "app")


class LoadError(Exception):
    """The code could not provide a WSGI callable; ``info`` says why, for the person."""

    def __init__(self, outcome, info):
        super().__init__(info["message"])
        self.outcome = outcome
        self.info = info


def compile_code(code, filename):
    """Compile ``code``; a syntax error becomes a LoadError carrying its line and column."""
    # Let tracebacks quote the user's lines, as they would for a file on disk.
    linecache.cache[filename] = (len(code), None, code.splitlines(True), filename)
    try:
        return compile(code, filename, "exec", dont_inherit=True)
    except (SyntaxError, ValueError) as error:
        raise LoadError("syntax-error", syntax_error_info(error)) from None


def syntax_error_info(error, file=None):
    """Describe a SyntaxError (or compile's ValueError) for the person: where, and why."""
    info = {"kind": "syntax-error", "type": type(error).__name__, "message": str(error)}
    if file is not None:
        info["file"] = file
    if isinstance(error, SyntaxError):
        info["message"] = error.msg
        for key, attr in (
            ("line", "lineno"),
            ("column", "offset"),
            ("endLine", "end_lineno"),
            ("endColumn", "end_offset"),
        ):
            value = getattr(error, attr, None)
            if isinstance(value, int) and value > 0:
                info[key] = value
        if error.text:
            info["text"] = error.text.rstrip("\n")
    return info


def execute(code_object, filename):
    """Run the module's top level in a fresh namespace and return the namespace."""
    module = types.ModuleType("app")
    module.__file__ = filename
    exec(code_object, module.__dict__)
    return module.__dict__


def find_callable(namespace, name, filename):
    """Return (name, callable): ``name`` if given, else ``application`` then ``app``."""
    candidates = (name,) if name else FALLBACK_NAMES
    for candidate in candidates:
        if candidate in namespace:
            value = namespace[candidate]
            if not callable(value):
                raise LoadError(
                    "load-error",
                    {
                        "kind": "not-callable",
                        "message": "%r in %s is not callable (it is of type %s); a WSGI "
                        "application is a callable taking (environ, start_response)"
                        % (candidate, filename, type(value).__name__),
                    },
                )
            return candidate, value
    wanted = " or ".join(repr(c) for c in candidates)
    raise LoadError(
        "load-error",
        {
            "kind": "no-callable",
            "message": "%s defines no %s; define `def %s(environ, start_response): ...`"
            % (filename, wanted, candidates[0]),
        },
    )


def source_line_of(value):
    """Return the first line of the function behind a callable, or None."""
    # B004 mistakes reading ``__call__`` for a callability test; here it is the method's code.
    call = getattr(value, "__call__", None)  # noqa: B004
    for candidate in (value, call, getattr(value, "__init__", None)):
        code = getattr(candidate, "__code__", None)
        if code is not None:
            return code.co_firstlineno
    return None
