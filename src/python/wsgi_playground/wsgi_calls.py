"""Reading a call from its frame, as ``sys.setprofile`` shows it at the call's start.

A WSGI call is a call that receives a dict environ with ``wsgi.input`` and a callable
start_response, one right after the other among its positional arguments (a method's ``self``,
or a ``partial``'s extra arguments, may come first).  The hook only observes: it reads the
arguments, and changes none (CPython 3.11 has no safe way to, and 3.13 a different one).
"""

import inspect
import opcode

#: Whose code a frame runs, as the profile hook tells them apart.
SERVER, PROJECT, LIBRARY = "server", "project", "library"
GENERATOR_FLAGS = inspect.CO_GENERATOR | inspect.CO_ASYNC_GENERATOR
YIELD_VALUE = opcode.opmap["YIELD_VALUE"]
#: The instructions of a real ``return`` (3.11 and 3.14: RETURN_VALUE; 3.12, 3.13 also
#: RETURN_CONST); a frame left by an exception stops at another one.
RETURNS = {opcode.opmap[name] for name in ("RETURN_VALUE", "RETURN_CONST") if name in opcode.opmap}


def positional(frame):
    """The values of a frame's positional parameters (``*args`` last), at the call's start."""
    code = frame.f_code
    local = frame.f_locals
    values = [local.get(name) for name in code.co_varnames[: code.co_argcount]]
    if code.co_flags & inspect.CO_VARARGS:
        extra = local.get(code.co_varnames[code.co_argcount + code.co_kwonlyargcount])
        if isinstance(extra, tuple):
            values.extend(extra)
    return values


def parameter_names(code):
    """The names of ``code``'s positional parameters (``*args`` last)."""
    names = code.co_varnames[: code.co_argcount]
    if code.co_flags & inspect.CO_VARARGS:
        names += (code.co_varnames[code.co_argcount + code.co_kwonlyargcount],)
    return names


def wsgi_arguments(frame, names):
    """``(owner, environ, start_response)`` when ``frame`` (whose positional parameters are
    ``names``) runs a WSGI call, else None.  ``owner`` is the argument before the environ (a
    method's ``self``), or None.  (The profile hook runs this on every call: kept lean.)"""
    local = frame.f_locals
    values = [local.get(name) for name in names]
    if frame.f_code.co_flags & inspect.CO_VARARGS and isinstance(values[-1], tuple):
        values[-1:] = values[-1]
    for index in range(len(values) - 1):
        environ = values[index]
        if type(environ) is dict and "wsgi.input" in environ and callable(values[index + 1]):
            return (values[index - 1] if index else None), environ, values[index + 1]
    return None


def lane_name(owner, code):
    """The name of a WSGI callable: the class of an instance's method, else the function's."""
    if (owner is not None and code.co_name in ("__call__", "__init__")) or is_method_of(
        owner, code
    ):
        return type(owner).__name__
    return code.co_name


def is_method_of(owner, code):
    """True when ``code`` is a method of ``owner``'s class (``self.wsgi_app``)."""
    method = getattr(type(owner), code.co_name, None) if owner is not None else None
    return getattr(method, "__code__", None) is code


def callable_name(value):
    """The name of a WSGI callable object, as ``lane_name`` names the frames it runs."""
    if inspect.isfunction(value) or inspect.isclass(value):
        return value.__name__
    if inspect.ismethod(value):
        return type(value.__self__).__name__
    return type(value).__name__


def is_yield(frame):
    """True when a "return" event of ``frame`` is a ``yield`` (the frame stays suspended)."""
    return frame.f_code.co_code[frame.f_lasti] == YIELD_VALUE


def is_return(frame):
    """True when a "return" event of ``frame`` is a real ``return`` (not an exception)."""
    return frame.f_code.co_code[frame.f_lasti] in RETURNS


def is_generator_code(code):
    """True when calling ``code``'s function makes a generator (its frame "returns" at each
    ``yield``)."""
    return bool(code.co_flags & GENERATOR_FLAGS)
