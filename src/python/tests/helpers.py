"""Small helpers for the server-object tests."""

import base64

from wsgi_playground import run_trace


def request_of(method="GET", target="/", headers=None, body=b""):
    """A request as the bridge receives it."""
    return {
        "method": method,
        "target": target,
        "headers": headers or [["Host", "localhost"]],
        "bodyBase64": base64.b64encode(body).decode(),
    }


def trace_of(code, method="GET", target="/", headers=None, body=b"", **settings):
    """Run ``code`` on a request and return its Trace."""
    return run_trace(code, request_of(method, target, headers, body), settings)


def project_trace(files, entry="app", method="GET", target="/", **settings):
    """Run the project of ``files`` (path: text) from ``entry`` and return its Trace."""
    request = request_of(method, target)
    return run_trace({"files": files, "entry": entry}, request, settings)


def kinds(trace):
    """The event kinds of a trace, in order."""
    return [event["kind"] for event in trace["events"]]


def events(trace, kind):
    """The events of one kind."""
    return [event for event in trace["events"] if event["kind"] == kind]


def body(trace):
    """The response body as bytes."""
    return base64.b64decode(trace["response"]["bodyBase64"])


def environ(trace):
    """The environ snapshot as a dict of key to value text."""
    return {entry["key"]: entry["value"] for entry in trace["environ"]}
