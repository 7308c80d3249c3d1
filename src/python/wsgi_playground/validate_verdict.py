"""A second opinion: the same app and request under the stdlib's ``wsgiref.validate``.

``wsgiref.validate.validator`` wraps the app and raises ``AssertionError`` at the first thing it
considers a violation, and issues ``WSGIWarning`` for softer ones.  Here it runs under the same
plain ``SimpleHandler`` setup as ``reference.py`` (``plain_server.load_and_serve``); the handler
turns validate's AssertionError into a logged error and a 500, so the verdict is collected from
what the handler logs, from the warnings, and from the unraisable-exception hook (validate's
iterator asserts in ``__del__`` when it was never closed).  An AssertionError raised by
validate is its verdict, not a crash.
"""

import sys
import traceback
import warnings
from functools import partial

from .plain_server import PlainHandler, load_and_serve

VALIDATE_FILE = "validate.py"


class VerdictHandler(PlainHandler):
    """``SimpleHandler`` that keeps the exceptions it logs, for the verdict."""

    def __init__(self, *args, logged):
        super().__init__(*args)
        self.logged = logged  # the list to keep logged exceptions in

    def handle_error(self):
        """As wsgiref's, but a Stop (KeyboardInterrupt) ends the run instead of becoming a 500."""
        if isinstance(sys.exc_info()[1], KeyboardInterrupt):
            raise  # noqa: PLE0704 - re-raises the exception being handled
        super().handle_error()

    def log_exception(self, exc_info):
        """Keep the exception (validate's AssertionError, or the app's own) and log it."""
        self.logged.append(exc_info[1])
        super().log_exception(exc_info)


def raised_by_validate(error):
    """True when ``error`` is an AssertionError raised inside ``wsgiref/validate.py``."""
    if not isinstance(error, AssertionError):
        return False
    frames = traceback.extract_tb(error.__traceback__)
    return bool(frames) and frames[-1].filename.replace("\\", "/").endswith(
        "wsgiref/" + VALIDATE_FILE
    )


def assertion_message(error):
    """validate's message; for its bare ``assert_(...)`` calls, the check's own source line."""
    text = " ".join(str(arg) for arg in error.args) if error.args else ""
    if text:
        return text
    frames = traceback.extract_tb(error.__traceback__)
    # The innermost frame is assert_() itself; the check is the caller's line.
    caller = frames[-2] if len(frames) >= 2 else frames[-1]
    return "%s: %s" % (caller.name, (caller.line or "").strip())


def run_validate(app, request, settings=None):
    """Serve ``request`` with the app of ``app`` (a project, or one file's code: see
    ``run_trace``) wrapped in ``wsgiref.validate.validator``.

    Returns ``{"passed", "errors": [message], "warnings": [message]}``.
    """
    from wsgiref.validate import validator  # only when asked for: it slows the start-up

    raised = []
    saved = sys.unraisablehook
    sys.unraisablehook = lambda info: raised.append(info.exc_value)
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            # The handler is gone when this returns, so that validate's iterator wrapper
            # reports (in __del__) if nobody closed it.
            make_handler = partial(VerdictHandler, logged=raised)
            _, error = load_and_serve(app, request, settings, make_handler, validator)
            if error is not None:
                raised.append(error)
    finally:
        sys.unraisablehook = saved
    errors = []
    for error in raised:
        if raised_by_validate(error):
            message = assertion_message(error)
            if message not in errors:
                errors.append(message)
    return {
        "passed": not errors,
        "errors": errors,
        "warnings": [str(w.message) for w in caught],
    }
