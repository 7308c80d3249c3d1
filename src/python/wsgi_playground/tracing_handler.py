"""The tracing server: CPython's reference handler, observed at every protocol step.

``TracingHandler`` is ``wsgiref.handlers.SimpleHandler`` with its hook methods overridden to
record what happens and then do exactly what the reference does.  Its wire bytes therefore
equal the reference's by construction; the recorder adds observation, not a second opinion.
"""

import sys
import traceback
import types
from wsgiref.handlers import SimpleHandler

from .app_loader import source_line_of
from .describe import describe_exc_info, describe_exception, describe_headers, describe_result
from .inner_iterables import InnerIterables
from .recorder import RunLimitExceeded
from .streams import ErrorStream, InputStream
from .wire import WireBuffer

#: Exceptions that end the run itself; the server must not turn them into a 500 response.
RUN_ENDING = (KeyboardInterrupt, RunLimitExceeded)


class TracingHandler(SimpleHandler):
    """A ``SimpleHandler`` that records each protocol step of one request."""

    os_environ = {}  # the environ is the request's alone, not the host process's

    def __init__(self, recorder, body, cgi_environ, settings):
        self.recorder = recorder
        self.wire = WireBuffer(settings["maxWireBytes"])
        self.error_stream = ErrorStream(recorder)
        super().__init__(
            InputStream(body, recorder),
            self.wire,
            self.error_stream,
            cgi_environ,
            multithread=settings["multithread"],
            multiprocess=settings["multiprocess"],
        )
        self.origin_server = settings["personality"] == "http"
        self.http_version = settings["httpVersion"]
        self.wsgi_run_once = settings["runOnce"]
        self.phase = "setup"
        self.phase_line = None  # the line of the step in progress, for server-side errors
        self.return_line = None  # the line of the app's ``return``
        self.app_header_names = set()
        self.environ_snapshot = []
        self.commit = None
        self.chunks = 0
        self.recorded_exception = None
        self.sending_error_body = False
        self.inner_iterables = InnerIterables(recorder.filename)

    # -- the application call -------------------------------------------------------------

    def run(self, application):
        """Invoke the application, recording its call and what it returns."""
        super().run(self.traced(application))

    def traced(self, application):
        """Wrap ``application`` so that its call and return are recorded."""

        def call(environ, start_response):
            self.environ_snapshot = snapshot_environ(environ)
            self.phase, self.phase_line = "call", source_line_of(application)
            self.recorder.record("app.call", "server", self.phase_line)
            result = self.call_profiled(application, environ, start_response)
            line = self.return_line or self.phase_line
            self.recorder.record("app.return", "app", line, **describe_result(result))
            return result

        return call

    def call_profiled(self, application, environ, start_response):
        """Call the app, noting the line of its outermost ``return`` (via ``sys.setprofile``)."""
        filename = self.recorder.filename
        inner = self.inner_iterables
        outer = []

        def profile(frame, event, arg):
            if event == "call" and not outer and frame.f_code.co_filename == filename:
                outer.append(frame)
                inner.outer = frame
            elif event == "return" and outer and frame is outer[0]:
                self.return_line = frame.f_lineno
            inner.observe(frame, event, arg)

        previous = sys.getprofile()
        sys.setprofile(profile)
        try:
            return application(environ, start_response)
        finally:
            sys.setprofile(previous)

    # -- start_response and write ----------------------------------------------------------

    def start_response(self, status, headers, exc_info=None):
        """'start_response()' as PEP 3333 specifies it, recorded with its arguments."""
        line = self.recorder.user_line()
        seq = self.recorder.record(
            "start_response",
            "app" if line is not None else "server",
            line,
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
        return self.app_write

    def app_write(self, data):
        """The ``write()`` callable handed to the app, recorded before the reference runs."""
        recorder = self.recorder
        line = recorder.user_line()
        if type(data) is bytes:  # the common case, kept compact (see Recorder.record_bytes)
            seq = recorder.record_bytes("write", "app", line, data)
        else:
            seq = recorder.record("write", "app", line, **recorder.chunk(data))
        self.wire.seq, self.phase_line = seq, line
        try:
            self.write(data)
        except BaseException as error:
            self.recorder.update(seq, error="%s: %s" % (type(error).__name__, error))
            raise

    def send_headers(self):
        """Commit the headers: from here on, the status and headers are on the wire."""
        body_seq = self.wire.seq
        self.wire.part, self.wire.seq = "head", None
        start = len(self.wire.head)
        super().send_headers()
        self.wire.part, self.wire.seq = "body", body_seq
        self.commit = parse_head(bytes(self.wire.head[start:]), self.origin_server)
        added = [n for n, _ in self.commit["headers"] if n.lower() not in self.app_header_names]
        self.recorder.record(
            "headers.commit",
            "server",
            self.phase_line,
            status=self.status,
            headers=self.commit["headers"],
            added=added,
            wireStart=start,
            wireEnd=len(self.wire.head),
        )

    # -- iterating the response ------------------------------------------------------------

    def finish_response(self):
        """Send the iterable's data, then close it: ``BaseHandler.finish_response``, recorded."""
        try:
            if not self.result_is_file() or not self.sendfile():
                for data in self.traced_chunks(self.result):
                    self.write(data)
                self.phase = "finish"
                self.finish_content()
        except BaseException:
            # Record the failure where it happened, before the close() it causes.
            self.record_current_exception()
            if hasattr(self.result, "close"):
                self.record_close()
                self.result.close()
            raise
        else:
            self.close()

    def traced_chunks(self, result):
        """Iterate ``result`` as the server does, recording each chunk with its ``yield`` line."""
        self.phase = "iterate"
        iterator = self.observed(iter, result)
        generator = iterator if isinstance(iterator, types.GeneratorType) else None
        recorder, wire = self.recorder, self.wire
        index = 0
        while True:
            self.phase = "next"
            try:
                data = self.observed(next, iterator) if index == 0 else next(iterator)
            except StopIteration:
                return
            frame = generator.gi_frame if generator is not None else None
            line = frame.f_lineno if frame is not None else self.return_line
            actor = "app"
            if self.sending_error_body:  # the server's own error page, not the app's data
                actor, line = "server", None
            if type(data) is bytes:  # the common case, kept compact (see Recorder.record_bytes)
                seq = recorder.record_bytes("yield", actor, line, data, index)
            else:
                seq = recorder.record("yield", actor, line, index=index, **recorder.chunk(data))
            self.phase, self.phase_line, wire.seq = "send", line, seq
            self.chunks += 1
            index += 1
            yield data

    def observed(self, step, iterable):
        """``step(iterable)``, noting the inner WSGI calls made on the way (by middleware that
        calls the app it wraps lazily, in its ``__iter__`` or its first ``next()``)."""
        previous = sys.getprofile()
        sys.setprofile(self.inner_iterables.observe)
        try:
            return step(iterable)
        finally:
            sys.setprofile(previous)

    def close(self):
        """Close the iterable (PEP 3333: the server must call its ``close()`` if it has one)."""
        if self.result is not None:
            self.record_close()
        super().close()

    def record_close(self):
        """Record the server's call of the iterable's ``close()`` (or that there is none)."""
        method = getattr(self.result, "close", None)
        target = getattr(method, "__wrapped__", method)  # see inner_iterables.track_close
        code = getattr(getattr(target, "__func__", target), "__code__", None)
        line = code.co_firstlineno if code and code.co_filename == self.recorder.filename else None
        if line is None and isinstance(self.result, types.GeneratorType) and self.result.gi_frame:
            line = self.result.gi_frame.f_lineno
        self.phase, self.phase_line = "close", line
        self.recorder.record(
            "close",
            "server",
            line,
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
        self.recorded_exception = exc_info[1]
        info, line = describe_exception(
            exc_info, self.recorder.filename, self.phase, self.phase_line
        )
        info["headersSent"] = self.headers_sent
        self.recorder.record("exception", "app" if info["traceback"] else "server", line, **info)

    def log_exception(self, exc_info):
        """Record the exception (if not yet recorded) and log its traceback to wsgi.errors."""
        self.record_current_exception()
        self.error_stream.text.write("".join(traceback.format_exception(*exc_info)))

    def error_output(self, environ, start_response):
        """The server's own error response (``BaseHandler.error_output``), recorded."""
        self.recorder.record(
            "error.response", "server", None, status=self.error_status, size=len(self.error_body)
        )
        self.phase, self.phase_line = "error-response", None
        self.sending_error_body = True
        return super().error_output(environ, start_response)


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
