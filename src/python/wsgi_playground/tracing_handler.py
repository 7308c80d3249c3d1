"""The tracing server: CPython's reference handler, observed at every protocol step.

``TracingHandler`` is ``wsgiref.handlers.SimpleHandler``, set up by ``plain_server.PlainHandler``
as the reference's is, with its hook methods overridden to record what happens and then do
exactly what the reference does.  Its wire bytes therefore equal the reference's by
construction; the recorder adds observation, not a second opinion.
"""

import sys
import traceback
import types

from .app_watch import SWITCH_IS_CHEAP, AppWatch
from .chunk_loop import ChunkLoop
from .client_faults import client_faults_of
from .describe import (
    describe_exc_info,
    describe_exception,
    describe_headers,
    describe_result,
    header_names,
    parse_head,
    snapshot_environ,
)
from .lanes import TOWARD_ROOT
from .layers import Layers
from .personalities import plain_handler_class
from .plain_server import PlainHandler
from .recorder import PACE, RunLimitExceeded
from .streams import ErrorStream, InputStream
from .wire import WireBuffer

#: Exceptions that end the run itself; the server must not turn them into a 500 response.
RUN_ENDING = (KeyboardInterrupt, RunLimitExceeded)


class TracingHandler(ChunkLoop, PlainHandler):
    """A ``SimpleHandler`` that records each protocol step of one request."""

    def __init__(self, recorder, body, cgi_environ, settings):
        self.recorder = recorder
        self.client = client_faults_of(recorder, settings)
        self.wire = WireBuffer(settings["maxWireBytes"], self.client)
        if self.client is not None:
            self.client.site_now = lambda: self.phase_site
        self.error_stream = ErrorStream(recorder)
        stdin = InputStream(body, recorder, settings.get("shortBody"))
        super().__init__(stdin, self.wire, self.error_stream, cgi_environ, settings)
        # The hooks that move bytes to the client (``SimpleHandler._write``/``_flush``) go
        # straight to the wire: it takes every write whole, so wsgiref's partial-write loop
        # around it has nothing to do.  ``reserve`` picks the fastest write that keeps the cap.
        self._write, self._flush = self.wire.write, self.wire.flush
        self.margin = PACE * recorder.preview_bytes  # what the chunk loop sends between checks
        self.phase = "setup"
        self.phase_site = None  # the site of the step in progress, for server-side errors
        self.return_site = None  # the site of the app's ``return``
        self.app_header_names = set()
        self.environ_snapshot = []
        self.commit = None
        self.chunks = 0
        self.recorded_exception = None
        self.sending_error_body = False
        self.layers = None  # the lanes of the request (see ``layers``), once it is served
        self.watch = None
        self.dropped_headers = []  # the app's headers a modelled server left out
        if self.per_chunk:
            self.wire.explicit = []

    # -- the application call -------------------------------------------------------------

    def run(self, application):
        """Invoke the application, recording its call and what it returns."""
        self.layers = Layers(self.recorder, application)
        self.watch = AppWatch(self.recorder.frames, self.layers)
        super().run(self.traced(application))
        self.layers.finish()

    def traced(self, application):
        """Wrap ``application`` so that its call and return are recorded."""

        def call(environ, start_response):
            recorder, frames = self.recorder, self.recorder.frames
            self.environ_snapshot = snapshot_environ(environ)
            self.phase, self.phase_site = "call", frames.callable_site(application)
            recorder.record("app.call", TOWARD_ROOT, self.phase_site)
            self.layers.serving(environ, start_response)
            recorder.app_side = self.layers
            try:
                result = self.watch.during(application, environ, start_response)
            finally:
                recorder.app_side = None
            # The app's ``return``; a library's app (Flask): the project frame that ran last.
            self.return_site = self.watch.return_site or frames.last_site() or self.phase_site
            root = self.layers.root
            recorder.record("app.return", root, self.return_site, **describe_result(result))
            return result

        return call

    # -- start_response and write ----------------------------------------------------------

    def start_response(self, status, headers, exc_info=None):
        """'start_response()' as PEP 3333 specifies it, recorded with its arguments."""
        caller = sys._getframe(1)
        site = self.recorder.frames.site(caller)
        seq = self.recorder.record(
            "start_response",
            self.recorder.actor_at(caller, site),
            site,
            status=status if isinstance(status, str) else repr(status),
            statusType=type(status).__name__,
            excInfo=describe_exc_info(exc_info),
            headersSent=self.headers_sent,
            **describe_headers(headers),
        )
        try:
            super().start_response(status, headers, exc_info)
        except BaseException as error:
            self.recorder.update(seq, error="%s: %s" % (type(error).__name__, error))
            raise
        finally:
            exc_info = None  # avoid a reference cycle through the traceback
        self.app_header_names = header_names(headers)
        return self.app_write if not SWITCH_IS_CHEAP else self.unwatched_write

    def unwatched_write(self, data):
        """``app_write`` with the profile hook off while the server writes (see
        ``app_watch.SWITCH_IS_CHEAP``)."""
        self.watch.unwatched(self.app_write, data, sys._getframe(1))

    def app_write(self, data, caller=None):
        """The ``write()`` callable handed to the app, recorded before the reference runs
        (``caller``: the frame of the app's call, when it is not the caller of this)."""
        recorder = self.recorder
        caller = caller or sys._getframe(1)
        # A write is called under the profile hook, where each call costs: the common case
        # (the app's own line, no layers) is taken without ``frames.site`` and ``actor_at``.
        files, side = recorder.frames.files, recorder.app_side
        filename = caller.f_code.co_filename
        if filename in files and side is not None and not side.nested:
            site, actor = (caller.f_lineno, files[filename], None), side.root
        else:
            site = recorder.frames.site(caller)
            actor = recorder.actor_at(caller, site)
        exact = type(data) is bytes
        if exact:  # the common case, kept compact (see Recorder.record_bytes)
            seq = recorder.record_bytes("write", actor, site, data)
        else:
            seq = recorder.record("write", actor, site, **recorder.chunk(data))
        self.phase_site, self.wire.seq = site, seq
        if exact:
            self.reserve(len(data))
        try:
            self.write(data)
        except BaseException as error:
            if exact:
                recorder.mark_unwritten(seq)
            recorder.update(seq, error="%s: %s" % (type(error).__name__, error))
            raise

    def send_headers(self):
        """Commit the headers: from here on, the status and headers are on the wire."""
        if self.headers_sent:
            return  # a modelled server's write asks each time; wsgiref asks only once
        start = len(self.wire.head)
        self._write = self.wire.write_head
        try:
            super().send_headers()
        finally:
            self._write = self.wire.write  # until the next reserve()
        self.commit = parse_head(bytes(self.wire.head[start:]), self.origin_server)
        # The server's own: names the app did not set, or set and the server dropped (gunicorn
        # writes its own Connection in place of the app's).
        dropped = {name.lower() for name in self.dropped_headers}
        added = [
            n
            for n, _ in self.commit["headers"]
            if n.lower() not in self.app_header_names or n.lower() in dropped
        ]
        extra = {"dropped": self.dropped_headers} if self.dropped_headers else {}
        self.recorder.record(
            "headers.commit",
            "server",
            self.phase_site,
            status=self.status if isinstance(self.status, str) else repr(self.status),
            headers=self.commit["headers"],
            added=added,
            wireStart=start,
            wireEnd=len(self.wire.head),
            **extra,
        )

    # -- what a modelled server does besides wsgiref (see ``PlainHandler``'s hooks) ---------

    def send_framing(self, data):
        """Send transfer framing, marked as such on the wire."""
        self.wire.part = "framing"
        try:
            self._write(data)
        finally:
            self.wire.part = "body"

    def body_dropped(self, size, reason):
        """Note on the chunk's event that the server did not send ``size`` of its bytes."""
        if self.wire.seq is not None:
            self.recorder.update(self.wire.seq, dropped=size, droppedWhy=reason)

    def header_dropped(self, name):
        """Note a header of the app's that the server left out of the head."""
        self.dropped_headers.append(name)

    # -- iterating the response ------------------------------------------------------------

    def finish_response(self):
        """Send the iterable's data, then close it: ``BaseHandler.finish_response``, recorded."""
        self.recorder.app_side = None if self.sending_error_body else self.layers
        try:
            if not self.result_is_file() or not self.sendfile():
                self.send_iterable(self.result)
                self.phase = "finish"
                if self.closes_before_finishing:
                    self.close_iterable()
                self.finish_content()
        except BaseException:
            # Record the failure where it happened, before the close() it causes.
            self.record_current_exception()
            if hasattr(self.result, "close"):
                self.record_close()
                self.result.close()
                self.release_frames()
            raise
        else:
            self.close()
        finally:
            self.recorder.app_side = None

    @property
    def client_gone(self):
        """True once the client went away mid-response (setting ``disconnectAfter``)."""
        return self.client is not None and self.client.gone is not None

    def close(self):
        """Close the iterable (PEP 3333: the server must call its ``close()`` if it has one)."""
        if self.result is not None:
            self.record_close()
        self.watch.during(super().close)
        self.release_frames()

    def close_iterable(self):
        """Close the iterable before the response is finished (as waitress does); the
        handler's own ``close`` then has no iterable left to close."""
        self.record_close()
        method = getattr(self.result, "close", None)
        self.result = None
        if method is not None:
            self.watch.during(method)
        self.release_frames()
        self.phase = "finish"

    def release_frames(self):
        """Let go of the app's frames once the iterable is closed.

        A frame of a generator keeps its generator alive; a server holds none of them, so a
        nested generator that its layer dropped unclosed is finalized when that layer is
        closed — and its ``finally`` blocks run then, as under any server. The tracer must not
        be what keeps it alive past the end of the response.
        """
        if self.watch is not None:
            self.watch.returned = self.watch.returned_to = None
        if self.layers is not None:
            self.layers.release_frames()

    def record_close(self):
        """Record the server's call of the iterable's ``close()`` (or that there is none)."""
        method = getattr(self.result, "close", None)
        target = getattr(method, "__wrapped__", method)  # a close() wrapped by functools.wraps
        code = getattr(getattr(target, "__func__", target), "__code__", None)
        site = self.recorder.frames.code_site(code, code and code.co_firstlineno)
        if site is None and isinstance(self.result, types.GeneratorType) and self.result.gi_frame:
            site = self.frame_site(self.result.gi_frame)
        self.phase, self.phase_site = "close", site
        self.recorder.record(
            "close",
            "server" if self.sending_error_body else TOWARD_ROOT,
            site,
            called=method is not None,
            resultType=type(self.result).__name__,
        )

    # -- errors ----------------------------------------------------------------------------

    def handle_error(self):
        """Log the error and send a 500 if headers are not yet out; run-ending errors pass."""
        if isinstance(sys.exc_info()[1], RUN_ENDING):
            raise  # noqa: PLE0704 - re-raises the exception being handled
        super().handle_error()

    def record_current_exception(self):
        """Record the exception being handled, once, in the phase where it was raised."""
        exc_info = sys.exc_info()
        if exc_info[1] is self.recorded_exception or isinstance(exc_info[1], RUN_ENDING):
            return
        if self.client is not None and self.client.is_fault(exc_info[1]):
            return  # the client went away: its own event says so (see client_faults)
        self.recorded_exception = exc_info[1]
        info, site = describe_exception(exc_info, self.recorder.frames, self.phase, self.phase_site)
        info["headersSent"] = self.headers_sent
        actor = exception_actor(info, self.layers, exc_info[2])
        self.recorder.record("exception", actor, site, **info)

    def log_exception(self, exc_info):
        """Record the exception (if not yet recorded) and log its traceback to wsgi.errors."""
        self.record_current_exception()
        text = "".join(traceback.format_exception(*exc_info))
        self.error_stream.text.write(self.recorder.frames.relative_text(text))

    def error_output(self, environ, start_response):
        """The server's own error response (``BaseHandler.error_output``), recorded."""
        self.wire.seq = self.recorder.record(
            "error.response", "server", None, status=self.error_status, size=len(self.error_body)
        )
        self.phase, self.phase_site = "error-response", None
        self.sending_error_body = True
        return super().error_output(environ, start_response)


#: The phases in which an exception escaped from the app's side: its call, iter(), next(),
#: close(), or the load of its code.
APP_PHASES = ("load", "call", "iterate", "next", "close")


def exception_actor(info, layers=None, traceback=None):
    """Who an exception event belongs to: the lane whose code raised it, if it escaped from
    the app's side (library code included); else the app if its frames are in the traceback;
    else the server."""
    if info["phase"] in APP_PHASES:
        return layers.lane_in(traceback) if layers else "app"
    return (layers.root if layers else "app") if info["traceback"] else "server"


#: The tracing handler of each modelled server, made once.
_TRACERS = {PlainHandler: TracingHandler}


def tracing_handler_class(settings):
    """The tracing handler for the run's personality: ``TracingHandler`` over the server's
    plain handler (wsgiref's, or a model's)."""
    plain = plain_handler_class(settings)
    if plain not in _TRACERS:
        _TRACERS[plain] = type("Tracing" + plain.__name__, (TracingHandler, plain), {})
    return _TRACERS[plain]
