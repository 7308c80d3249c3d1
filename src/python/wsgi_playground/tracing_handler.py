"""The tracing server: CPython's reference handler, observed at every protocol step.

``TracingHandler`` is ``wsgiref.handlers.SimpleHandler``, set up by ``plain_server.PlainHandler``
as the reference's is, with its hook methods overridden to record what happens and then do
exactly what the reference does.  Its wire bytes therefore equal the reference's by
construction; the recorder adds observation, not a second opinion.
"""

import opcode
import sys
import traceback
import types
from time import perf_counter_ns

from .chunk_run import ChunkRun
from .describe import (
    describe_exc_info,
    describe_exception,
    describe_headers,
    describe_result,
    header_names,
    parse_head,
    snapshot_environ,
)
from .inner_iterables import InnerIterables
from .plain_server import PlainHandler
from .recorder import PACE, PACE_MASK, RunLimitExceeded
from .streams import ErrorStream, InputStream
from .wire import WireBuffer

YIELD_VALUE = opcode.opmap["YIELD_VALUE"]

#: What ``record_chunk`` returns for a chunk outside any run: the next chunk starts one.
NO_RUN = ChunkRun(0, "yield", "app", None, 0)
NO_RUN.open = False

#: Exceptions that end the run itself; the server must not turn them into a 500 response.
RUN_ENDING = (KeyboardInterrupt, RunLimitExceeded)


class TracingHandler(PlainHandler):
    """A ``SimpleHandler`` that records each protocol step of one request."""

    def __init__(self, recorder, body, cgi_environ, settings):
        self.recorder = recorder
        self.wire = WireBuffer(settings["maxWireBytes"])
        self.error_stream = ErrorStream(recorder)
        super().__init__(
            InputStream(body, recorder), self.wire, self.error_stream, cgi_environ, settings
        )
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
        self.inner_iterables = InnerIterables(recorder.frames)

    # -- the application call -------------------------------------------------------------

    def run(self, application):
        """Invoke the application, recording its call and what it returns."""
        super().run(self.traced(application))

    def traced(self, application):
        """Wrap ``application`` so that its call and return are recorded."""

        def call(environ, start_response):
            self.environ_snapshot = snapshot_environ(environ)
            self.phase, self.phase_site = "call", self.recorder.frames.callable_site(application)
            self.recorder.record("app.call", "server", self.phase_site)
            result = self.call_profiled(application, environ, start_response)
            site = self.return_site or self.phase_site
            self.recorder.record("app.return", "app", site, **describe_result(result))
            return result

        return call

    def call_profiled(self, application, environ, start_response):
        """Call the app, noting the line of its outermost ``return`` (via ``sys.setprofile``)."""
        files = self.recorder.frames.files
        inner = self.inner_iterables
        outer = []

        def profile(frame, event, arg):
            if event == "call" and not outer and frame.f_code.co_filename in files:
                outer.append(frame)
                inner.outer = frame
            elif event == "return" and outer and frame is outer[0]:
                self.return_site = frame.f_lineno, files[frame.f_code.co_filename], None
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
        site = self.recorder.user_site()
        seq = self.recorder.record(
            "start_response",
            "app" if site is not None else "server",
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
        return self.app_write

    def app_write(self, data):
        """The ``write()`` callable handed to the app, recorded before the reference runs."""
        recorder = self.recorder
        site = recorder.user_site()
        exact = type(data) is bytes
        if exact:  # the common case, kept compact (see Recorder.record_bytes)
            seq = recorder.record_bytes("write", "app", site, data)
        else:
            seq = recorder.record("write", "app", site, **recorder.chunk(data))
        self.phase_site = site
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
        start = len(self.wire.head)
        self._write = self.wire.write_head
        try:
            super().send_headers()
        finally:
            self._write = self.wire.write  # until the next reserve()
        self.commit = parse_head(bytes(self.wire.head[start:]), self.origin_server)
        added = [n for n, _ in self.commit["headers"] if n.lower() not in self.app_header_names]
        self.recorder.record(
            "headers.commit",
            "server",
            self.phase_site,
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
                self.send_iterable(self.result)
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

    def send_iterable(self, result):
        """Send each chunk of ``result`` as ``BaseHandler.finish_response`` does, recording it
        with the line of its ``yield``.

        This is the hot loop of a streamed body, so a chunk that extends the open run of
        ``bytes`` chunks is recorded inline, straight into the run's columns (``ChunkRun``);
        ``record_chunk`` takes every other one.
        """
        self.phase = "iterate"
        iterator = self.observed(iter, result)
        self.phase = "next"
        try:
            first = self.observed(next, iterator)
        except StopIteration:
            return
        recorder, write, reserve = self.recorder, self.write, self.reserve
        preview_bytes, append_time = recorder.preview_bytes, recorder.times.append
        clock = perf_counter_ns
        frames = recorder.frames
        actor, site = ("server", None) if self.sending_error_body else ("app", self.return_site)
        # The project generator's frame, when its chunks' lines must be read chunk by chunk
        # (``frame`` None: every chunk has ``site``).
        frame = iterator.gi_frame if isinstance(iterator, types.GeneratorType) else None
        if frame is not None and not frames.is_project(frame.f_code):
            frame = None
        if frame is not None and yield_sites(frame.f_code) == 1:
            frame, site = None, frames.code_site(frame.f_code, frame.f_lineno)
        run = None
        clock_mask = 0  # read the clock for every chunk until recorder.pace() says otherwise
        try:
            run = self.record_chunk(first, run, actor, frame, site)
            try:
                write(first)
            except BaseException:
                self.chunk_not_sent(run, frame, site)
                raise
            left, append_line = run.room - 1, run.lines.append
            append_preview = run.previews.append
            for data in iterator:
                if left and type(data) is bytes and run.open:
                    left -= 1
                    if left & clock_mask:
                        append_time(0)  # not read: interpolated (see recorder.PACE)
                    else:
                        append_time(clock())
                        if not left & PACE_MASK:
                            clock_mask = recorder.pace()
                            reserve(0)
                    if frame is not None:
                        append_line(frame.f_lasti)
                    if len(data) > preview_bytes:
                        run.big[len(run.previews)] = len(data)
                        append_preview(data[:preview_bytes])
                        reserve(len(data))
                    else:
                        append_preview(data)
                else:
                    run = self.record_chunk(data, run, actor, frame, site)
                    left, append_line = run.room - 1, run.lines.append
                    append_preview = run.previews.append
                try:
                    write(data)
                except BaseException:
                    self.chunk_not_sent(run, frame, site)
                    raise
        except BaseException:
            if self.phase == "next" and run is not None and run.previews:
                line = run.line_of(len(run.previews) - 1)
                self.phase_site = None if line is None else (line, run.file, None)
            raise
        finally:
            if run is not None:
                self.chunks += len(run.previews)

    def chunk_not_sent(self, run, frame, site):
        """The write of the chunk just recorded raised: it was never sent (no wire segment)."""
        self.phase = "send"
        self.phase_site = site if frame is None else self.frame_site(frame)
        if run.previews:
            run.unwritten.add(len(run.previews) - 1)

    def record_chunk(self, data, run, actor, frame, site):
        """Record a chunk the loop cannot add to the open run: the first of a run, one that is
        not ``bytes`` (its write will fail), or one past the event limit (this raises)."""
        recorder = self.recorder
        if run is not None:
            self.chunks += len(run.previews)
        self.phase_site = site = site if frame is None else self.frame_site(frame)
        if type(data) is not bytes:
            recorder.record("yield", actor, site, index=self.chunks, **recorder.chunk(data))
            self.chunks += 1
            return NO_RUN
        line, file, _ = site or (None, None, None)
        if frame is None:
            run = recorder.open_run("yield", actor, self.chunks, line=line, file=file)
        else:
            run = recorder.open_run("yield", actor, self.chunks, code=frame.f_code, file=file)
        recorder.times.append(perf_counter_ns())
        run.add(None if frame is None else frame.f_lasti, data, recorder.preview_bytes)
        self.reserve(len(data))
        return run

    def frame_site(self, frame):
        """The site of a project generator's frame where it is now (its last ``yield``)."""
        return self.recorder.frames.code_site(frame.f_code, frame.f_lineno)

    def reserve(self, size):
        """Before sending ``size`` bytes, and up to ``PACE`` small chunks after them (the chunk
        loop checks again within that many): pick the wire's fastest write that keeps its cap."""
        self._write = self.wire.writer(size + self.margin)

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
        site = self.recorder.frames.code_site(code, code and code.co_firstlineno)
        if site is None and isinstance(self.result, types.GeneratorType) and self.result.gi_frame:
            site = self.frame_site(self.result.gi_frame)
        self.phase, self.phase_site = "close", site
        self.recorder.record(
            "close",
            "server",
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
        self.recorded_exception = exc_info[1]
        info, site = describe_exception(exc_info, self.recorder.frames, self.phase, self.phase_site)
        info["headersSent"] = self.headers_sent
        self.recorder.record("exception", "app" if info["traceback"] else "server", site, **info)

    def log_exception(self, exc_info):
        """Record the exception (if not yet recorded) and log its traceback to wsgi.errors."""
        self.record_current_exception()
        text = "".join(traceback.format_exception(*exc_info))
        self.error_stream.text.write(self.recorder.frames.relative_text(text))

    def error_output(self, environ, start_response):
        """The server's own error response (``BaseHandler.error_output``), recorded."""
        self.recorder.record(
            "error.response", "server", None, status=self.error_status, size=len(self.error_body)
        )
        self.phase, self.phase_site = "error-response", None
        self.sending_error_body = True
        return super().error_output(environ, start_response)


def yield_sites(code):
    """The number of places in ``code`` where it yields (``YIELD_VALUE`` instructions)."""
    return code.co_code[::2].count(YIELD_VALUE)
