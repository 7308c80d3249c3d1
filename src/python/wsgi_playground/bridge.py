"""The thin bridge between JavaScript and the server object: JSON text in, JSON text out.

The encoder and decoder are bound here, when the interpreter image is made, before any app's
code runs: an app that rebinds ``json.dumps`` or ``json.loads`` cannot forge its own trace.
"""

from json import JSONDecoder, JSONEncoder

from .live_pause import LivePause
from .project_loader import job_app
from .reference import run_reference
from .run_trace import run_trace
from .settings import DEFAULT_SETTINGS
from .values import b64

_decode = JSONDecoder().decode
_encode_compact = JSONEncoder(separators=(",", ":")).encode
_encode = JSONEncoder().encode


def run_json(text, plan=None, wait=None):
    """Run ``{"files", "entry", "request", "settings"}`` (JSON text) and return its Trace as
    JSON text, with events and segments packed (``src/trace/unpackTrace.ts`` expands them).

    With ``plan`` (JSON text: ``{"start", "kinds", "lines"}``, see ``live_pause``) and ``wait``
    (a function of the Trace so far, as JSON text, that returns a command), the run is held
    at the events the plan asks for."""
    job = _decode(text)
    pause = LivePause(_decode(plan), wait, _encode_compact) if plan and wait else None
    trace = run_trace(job_app(job), job["request"], job.get("settings"), packed=True, pause=pause)
    return _encode_compact(trace)


def reference_json(text):
    """Return the base64 wire plain wsgiref writes for a job (as ``run_json`` takes it)."""
    job = _decode(text)
    return b64(run_reference(job_app(job), job["request"], job.get("settings")))


def default_settings_json():
    """The Python side's default settings, so the TypeScript side can check it agrees."""
    return _encode(DEFAULT_SETTINGS)
