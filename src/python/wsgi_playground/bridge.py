"""The thin bridge between JavaScript and the server object: JSON text in, JSON text out."""

import json

from .reference import run_reference
from .run_trace import run_trace
from .settings import DEFAULT_SETTINGS
from .values import b64


def run_json(text):
    """Run ``{"code", "request", "settings"}`` (JSON text) and return its Trace as JSON text,
    with events and segments packed (``src/trace/unpackTrace.ts`` expands them)."""
    job = json.loads(text)
    trace = run_trace(job["code"], job["request"], job.get("settings"), packed=True)
    return json.dumps(trace, separators=(",", ":"))


def reference_json(text):
    """Return the base64 wire plain wsgiref writes for ``{"code", "request", "settings"}``."""
    job = json.loads(text)
    return b64(run_reference(job["code"], job["request"], job.get("settings")))


def default_settings_json():
    """The Python side's default settings, so the TypeScript side can check it agrees."""
    return json.dumps(DEFAULT_SETTINGS)
