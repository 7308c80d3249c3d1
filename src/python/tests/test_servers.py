"""The gunicorn and waitress personalities against the real servers on loopback.

Every app of the fidelity table, under each of its HTTP/1.1 and HTTP/1.0 settings, is served
by the real server (Debian's ``python3-gunicorn`` 20.1.0 and ``python3-waitress`` 2.1.2,
started here on 127.0.0.1) and traced by the personality; the bytes must be equal but for the
``Date`` and ``Server`` header lines.
"""

import base64
import os
import re
import unittest

from wsgi_playground.reference import without_date
from wsgi_playground.run_trace import run_trace

from .fidelity import load_apps, load_cases
from .real_servers import SERVER_PYTHON, serve_jobs, servers_installed

SERVERS = ("gunicorn", "waitress")


def comparable(wire):
    """The wire without its ``Date`` and ``Server`` lines (the clock; gunicorn's version)."""
    return re.sub(rb"(?m)^Server: [^\r\n]*\r\n", b"", without_date(wire))


def server_jobs():
    """(name, job) for each app, request and wsgiref setting of the table, on each server."""
    jobs = []
    for name, app, request, settings in load_cases():
        if settings["personality"] != "http":
            continue  # the servers have no CGI gateway
        for server in SERVERS:
            files, entry = (
                ({"app.py": app}, "app") if isinstance(app, str) else (app["files"], app["entry"])
            )
            job_settings = {
                "personality": server,
                "httpVersion": settings["httpVersion"],
                "scriptName": settings.get("scriptName", ""),
                "filename": "app.py",
                "callable": "",
            }
            jobs.append(
                (
                    "%s on %s" % (name, server),
                    {"files": files, "entry": entry, "request": request, "settings": job_settings},
                )
            )
    return jobs + edge_jobs()


#: Requests at the edges of the servers' own parsing: a path off the mount point (gunicorn's
#: split fails: a 500), and scheme headers that contradict each other (gunicorn: a 400).
EDGE_REQUESTS = [
    ({"method": "GET", "target": "/other/page", "headers": [["Host", "x.test"]]}, "/app"),
    (
        {
            "method": "GET",
            "target": "/app/x",
            "headers": [
                ["Host", "x.test"],
                ["X-Forwarded-Proto", "https"],
                ["X-Forwarded-Ssl", "off"],
            ],
        },
        "",
    ),
    ({"method": "GET", "target": "/app", "headers": [["Host", "x.test"]]}, "/app"),
]


def edge_jobs():
    """The hello app on each server for each of ``EDGE_REQUESTS``."""
    hello = dict(load_apps())["hello"]
    return [
        (
            "hello %s (mount %r) on %s" % (request["target"], mount, server),
            {
                "files": {"app.py": hello},
                "entry": "app",
                "request": dict(request, bodyBase64=""),
                "settings": {"personality": server, "scriptName": mount, "httpVersion": "1.1"},
            },
        )
        for request, mount in EDGE_REQUESTS
        for server in SERVERS
    ]


@unittest.skipUnless(servers_installed() or os.environ.get("CI"), "no gunicorn and waitress")
class RealServerFidelity(unittest.TestCase):
    def test_every_case_is_byte_identical_to_the_real_server(self):
        jobs = server_jobs()
        self.assertTrue(
            servers_installed(), "%s cannot import gunicorn and waitress" % SERVER_PYTHON
        )
        results = serve_jobs([job for _, job in jobs])
        mismatches = []
        for (name, job), real in zip(jobs, results, strict=True):
            settings = dict(
                job["settings"], serverPort=real["serverPort"], clientPort=real["clientPort"]
            )
            trace = run_trace(
                {"files": job["files"], "entry": job["entry"]}, job["request"], settings
            )
            ours = comparable(base64.b64decode(trace["response"]["wireBase64"]))
            if ours != comparable(base64.b64decode(real["wireBase64"])):
                mismatches.append(name)
        self.assertGreaterEqual(len(jobs), 600)
        self.assertEqual(mismatches, [])


if __name__ == "__main__":
    unittest.main()
