"""Small helpers for the server-object tests."""

import base64

from wsgi_playground import run_trace


def trace_of(code, method="GET", target="/", headers=None, body=b"", **settings):
    """Run ``code`` on a request and return its Trace."""
    request = {
        "method": method,
        "target": target,
        "headers": headers or [["Host", "localhost"]],
        "bodyBase64": base64.b64encode(body).decode(),
    }
    return run_trace(code, request, settings)


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
