"""One run: code + request + settings in, a Trace (a JSON-ready dict) out."""

import os
import sys

from .app_loader import LoadError
from .describe import describe_exception
from .environ_builder import RequestError
from .library_sources import library_sources
from .personalities import body_for, cgi_environ_for
from .project_loader import ProjectDir, load_application, to_project
from .recorder import PACKING, Recorder, RunLimitExceeded
from .settings import resolve_settings
from .streams import PrintStream
from .tracing_handler import exception_actor, tracing_handler_class
from .validate_verdict import run_validate
from .values import b64
from .wire import packed_segments
from .wire import segments as wire_segments

TRACE_VERSION = 1

#: Exceptions that mean the app hit one of the run's caps, and how to say so.
LIMIT_ERRORS = {
    "RecursionError": lambda settings: (
        "The app went deeper than the recursion limit of %d frames." % settings["maxRecursion"]
    ),
    "MemoryError": lambda settings: (
        "The app ran out of memory (WebAssembly gives Python at most 4 GB)."
    ),
}


class ProcessExitGuard:
    """Turn ``os._exit()`` and ``os.abort()`` into ``SystemExit`` while a run lasts.

    In WebAssembly they would tear down the interpreter itself; as ``SystemExit`` they become
    what the server sees of them: an app that stopped with an exception.
    """

    def __init__(self):
        self.saved = os._exit, os.abort

        def exit_(status):
            raise SystemExit("os._exit(%r) was called" % (status,))

        def abort():
            raise SystemExit("os.abort() was called")

        os._exit, os.abort = exit_, abort

    def release(self):
        """Give the real functions back."""
        os._exit, os.abort = self.saved


class RecursionCap:
    """Cap the call depth of a run, and keep the app from raising the cap itself.

    Deep recursion in WebAssembly is slow to unwind and can exhaust the JavaScript stack, so
    ``sys.setrecursionlimit`` is clamped to the cap while the run lasts.
    """

    def __init__(self, depth):
        self.saved_limit = sys.getrecursionlimit()
        self.saved_setter = sys.setrecursionlimit
        frames, frame = 0, sys._getframe()
        while frame is not None:
            frames, frame = frames + 1, frame.f_back
        cap = frames + depth
        setter = self.saved_setter
        setter(cap)
        sys.setrecursionlimit = lambda limit: setter(min(limit, cap))

    def release(self):
        """Give back the interpreter's own limit and setter."""
        sys.setrecursionlimit = self.saved_setter
        self.saved_setter(self.saved_limit)


#: Outcomes after which the app can be run again under wsgiref.validate (it loaded, and ended).
VALIDATE_AFTER = ("complete", "app-error")


def run_trace(app, request, settings=None, packed=False, pause=None):
    """Run the WSGI application of ``app`` on ``request`` and return the Trace of that run.

    ``app`` is a project (``{"files", "entry"}`` or a ``Project``) or one file's code, named
    and entered as ``settings`` say (``filename``, ``callable``).

    With ``packed``, the Trace's ``events`` and ``response.segments`` come in the compact form
    that ``src/trace/unpackTrace.ts`` expands (see ``Recorder.packed_events``): what the bridge
    sends to TypeScript, as JSON of a run with many chunks is mostly per-event keys otherwise.

    With ``pause`` (a ``LivePause``), the run is held at the events it asks for.
    """
    run = TraceRun(app, request, settings)
    run.pause = pause
    run.execute()
    trace = run.trace(packed)
    if run.settings["compareValidate"]:
        run.compare_validate(trace)
    return trace


class TraceRun:
    """The state of one traced run, from loading the code to the final Trace."""

    def __init__(self, app, request, settings):
        self.app = app
        self.request = request
        self.settings = resolve_settings(settings)
        self.recorder = Recorder(self.settings["maxEvents"], self.settings["previewBytes"])
        self.body = body_for(request, self.settings)
        self.project = None
        self.directory = None
        self.handler = None
        self.callable_name = None
        self.outcome = None
        self.error = None
        self.notes = []
        self.pause = None

    def execute(self):
        """Load the code and serve the request, turning every failure into an outcome."""
        saved = sys.stdout, sys.stderr
        sys.stdout = PrintStream(self.recorder, "stdout")
        sys.stderr = PrintStream(self.recorder, "stderr")
        recursion = RecursionCap(self.settings["maxRecursion"])
        exits = ProcessExitGuard()
        try:
            self.serve()
        except LoadError as error:
            self.outcome, self.error = error.outcome, error.info
        except RequestError as error:
            self.outcome = "bad-request"
            self.error = {"kind": "bad-request", "message": str(error)}
        except RunLimitExceeded as error:
            self.outcome = "limit"
            self.error = {"kind": "limit", "message": "The run was stopped: %s." % error}
        except KeyboardInterrupt:
            self.outcome = "stopped"
            self.error = {"kind": "stopped", "message": "The run was interrupted."}
        except BaseException:
            # The server itself failed while handling an earlier error: wsgiref re-raises here.
            self.record_exception("server")
            self.outcome = "app-error"
        finally:
            for stream in (sys.stdout, sys.stderr):
                try:
                    stream.flush()
                except RunLimitExceeded:
                    pass
            sys.stdout, sys.stderr = saved
            self.recorder.pause = None
            recursion.release()
            exits.release()
            if self.directory is not None:
                self.directory.release()

    def serve(self):
        """Build the environ, load the project, and run its app under the tracing handler."""
        self.project = to_project(self.app, self.settings)
        cgi_environ, self.notes = cgi_environ_for(self.request, self.settings)
        self.directory = ProjectDir(self.project)
        self.recorder.frames = self.directory.frames
        for module, path in self.directory.shadowed().items():
            if module != self.project.module:
                self.notes.append(
                    "%s is not imported as %r: the interpreter already has a module of that "
                    "name, which an import finds first (as it would on disk)." % (path, module)
                )
        try:
            self.callable_name, application = load_application(self.directory)
        except (KeyboardInterrupt, RunLimitExceeded, LoadError):
            raise
        except BaseException:
            info, site = self.record_exception("load")
            error = {
                "kind": "load-error",
                "type": info["type"],
                "message": "Loading %s raised %s: %s"
                % (self.project.entry, info["type"], info["message"]),
            }
            if site is not None:
                error["line"] = site[0]
                if site[1] is not None:
                    error["file"] = site[1]
            raise LoadError("load-error", error) from None
        make_handler = tracing_handler_class(self.settings)
        self.handler = make_handler(self.recorder, self.body, cgi_environ, self.settings)
        if self.pause is not None:
            self.pause.bind(self, self.project.entry_file)
            self.recorder.pause = self.pause
        self.recorder.start_serving()
        self.handler.run(application)
        failed = self.recorder.exceptions()
        # A client that went away is no failure of the app's (wsgiref returns quietly).
        ended = "disconnected" if self.handler.client_gone else "complete"
        self.outcome = "app-error" if failed else ended
        for event in failed:
            if event["type"] in LIMIT_ERRORS:
                self.outcome = "limit"
                self.error = {
                    "kind": "limit",
                    "message": LIMIT_ERRORS[event["type"]](self.settings),
                }

    def compare_validate(self, trace):
        """Add the verdict of the stdlib's ``wsgiref.validate`` on the same app and request."""
        if self.outcome not in VALIDATE_AFTER:
            trace["notes"].append(
                "wsgiref.validate was not run: this run ended with outcome %r." % self.outcome
            )
            return
        try:
            trace["validate"] = run_validate(self.project, self.request, self.settings)
        except (KeyboardInterrupt, RunLimitExceeded):
            raise
        except BaseException as error:  # the app's module failed the second time it loaded
            trace["notes"].append(
                "wsgiref.validate could not run the app: %s: %s" % (type(error).__name__, error)
            )

    def record_exception(self, phase):
        """Record the exception being handled as an event; return its description and site."""
        info, site = describe_exception(sys.exc_info(), self.recorder.frames, phase)
        self.recorder.record("exception", exception_actor(info), site, **info)
        return info, site

    def trace(self, packed=False):
        """Assemble the Trace (with ``packed``, its events and segments in the compact form)."""
        handler = self.handler
        recorder = self.recorder
        recorder.finish(self.outcome)
        layers = handler.layers.resolve(recorder.items) if handler and handler.layers else []
        events = recorder.packed_events() if packed else recorder.events
        result = {
            "version": TRACE_VERSION,
            "request": {
                "method": self.request.get("method") or "GET",
                "target": self.request.get("target") or "/",
                "headers": [list(pair) for pair in self.request.get("headers") or []],
                "bodyBase64": b64(self.body),
            },
            "settings": self.settings,
            "callable": self.callable_name,
            "environ": handler.environ_snapshot if handler else [],
            "events": events,
            "response": self.response(packed),
            "outcome": self.outcome,
            "errorLog": handler.error_stream.text.getvalue() if handler else "",
            "notes": self.notes,
            **({"project": self.project.describe()} if self.project else {}),
            "stats": {
                "ms": self.recorder.elapsed_ms(),
                "events": recorder.count,
                "chunks": handler.chunks if handler else 0,
                "bodyBytes": self.body_size(),
                "wireBytes": handler.wire.size if handler else 0,
            },
        }
        load_ms = self.recorder.load_ms()
        if load_ms is not None:
            result["stats"]["loadMs"] = load_ms
        if self.error is not None:
            result["error"] = self.error
        if layers:
            result["layers"] = layers
        inner = handler.layers.results.report() if handler and handler.layers else []
        if inner:
            result["innerIterables"] = inner
        sources = library_sources(self.recorder.items)
        if sources:
            result["sources"] = sources
        return result

    def body_size(self):
        handler = self.handler
        return handler.wire.body_size() if handler else 0

    def response(self, packed=False):
        """What the client received: status, headers, body and the exact wire bytes."""
        handler = self.handler
        if handler is None:
            segments = {"packing": PACKING, "runs": []} if packed else []
        else:
            chunk_runs = self.recorder.chunk_runs()
            segments = (packed_segments if packed else wire_segments)(handler.wire, chunk_runs)
        if handler is None or handler.commit is None:
            return {
                "status": None,
                "headers": [],
                "bodyBase64": "",
                "bodySize": 0,
                "wireBase64": b64(handler.wire.data) if handler else "",
                "wireSize": handler.wire.size if handler else 0,
                "segments": segments,
                "truncated": False,
            }
        wire = handler.wire
        status_line = handler.commit["statusLine"]
        headers = handler.commit["headers"]
        if status_line is not None:
            status = status_line.split(" ", 1)[1] if " " in status_line else status_line
        else:
            status = next((v for n, v in headers if n.lower() == "status"), None)
        return {
            "status": status,
            "headers": headers,
            "bodyBase64": b64(wire.payload()),
            "bodySize": self.body_size(),
            "wireBase64": b64(wire.data),
            "wireSize": wire.size,
            "segments": segments,
            "truncated": wire.truncated,
        }
