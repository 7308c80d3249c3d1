"""Serve run jobs with the real gunicorn and waitress on loopback and capture their bytes.

Run as ``/usr/bin/python3 -m tests.real_servers < jobs.json`` (from ``src/python``, with
Debian's ``python3-gunicorn`` and ``python3-waitress``): the jobs are what the bridge takes
(``{files, entry, request, settings}``, ``settings.personality`` naming the server).  Prints,
as JSON, one ``{"wireBase64", "clientPort", "serverPort"}`` per job: every byte the server
sent, and the ports to give the personality so that its environ is the server's.

One server is started per configuration (server, mount point, workers), on a free port, and
stopped at the end.  Each request loads its job's project fresh, with the playground's own
loader (``fidelity_dispatch``), as a run does.
"""

import base64
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
PYTHON_ROOT = os.path.dirname(HERE)
SENTINEL = "/__fidelity_sentinel__"
SENTINEL_STATUS = b" 299 Fidelity Sentinel\r\n"
#: How long to wait for bytes that never come (an app that ended the worker).
QUIET_SECONDS = 1.5
#: The Python that has Debian's python3-gunicorn and python3-waitress.
SERVER_PYTHON = os.environ.get("SERVER_PYTHON", "/usr/bin/python3")


def servers_installed():
    """True when ``SERVER_PYTHON`` can import both servers."""
    probe = [SERVER_PYTHON, "-c", "import gunicorn, waitress"]
    try:
        return subprocess.run(probe, capture_output=True).returncode == 0
    except OSError:
        return False


def free_port():
    """A TCP port on 127.0.0.1 that nothing listens on now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def server_config(settings):
    """What must be the same for jobs to share one server process."""
    return (
        settings["personality"],
        settings.get("scriptName") or "",
        bool(settings.get("multiprocess")),
        settings.get("urlScheme") or "http",
    )


class RealServer:
    """One gunicorn or waitress process serving ``fidelity_dispatch:application``."""

    def __init__(self, config, control, workdir):
        self.name, script_name, multiprocess, url_scheme = config
        self.port = free_port()
        env = dict(os.environ, FIDELITY_CONTROL=control, PYTHONPATH=PYTHON_ROOT + ":" + HERE)
        env.pop("SCRIPT_NAME", None)
        if self.name == "gunicorn":
            if script_name:
                env["SCRIPT_NAME"] = script_name
            command = [
                sys.executable,
                "-m",
                "gunicorn",
                "--bind=127.0.0.1:%d" % self.port,
                "--workers=%d" % (2 if multiprocess else 1),
                "--error-logfile=%s" % os.path.join(workdir, "gunicorn-%d.log" % self.port),
                "fidelity_dispatch:application",
            ]
        else:
            command = [sys.executable, "-m", "waitress", "--listen=127.0.0.1:%d" % self.port]
            if script_name:
                command.append("--url-prefix=%s" % script_name)
            command += ["--url-scheme=%s" % url_scheme, "fidelity_dispatch:application"]
        self.log = log = open(os.path.join(workdir, "%s-%d.out" % (self.name, self.port)), "wb")
        command[0] = SERVER_PYTHON
        self.process = subprocess.Popen(command, env=env, stdout=log, stderr=log, cwd=HERE)
        self.wait_ready()

    def wait_ready(self):
        """Wait until the server accepts connections (a few seconds at most)."""
        deadline = time.time() + 20
        while time.time() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError("%s exited at start (%s)" % (self.name, self.process.returncode))
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.5).close()
                return
            except OSError:
                time.sleep(0.1)
        raise RuntimeError("%s did not start listening on port %d" % (self.name, self.port))

    def stop(self):
        """Stop the server and wait for it."""
        self.process.terminate()
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.kill()
        self.log.close()


def raw_request(request, version, sentinel):
    """The bytes a client sends for ``request`` (and a second, pipelined sentinel request that
    marks where a kept-alive response ends)."""
    head = "%s %s HTTP/%s\r\n" % (request.get("method") or "GET", request["target"], version)
    for name, value in request.get("headers") or []:
        head += "%s: %s\r\n" % (name, value)
    data = head.encode("utf-8") + b"\r\n" + base64.b64decode(request.get("bodyBase64") or "")
    if sentinel:
        data += ("GET %s HTTP/1.1\r\nHost: sentinel\r\n\r\n" % SENTINEL).encode()
    return data


def exchange(port, data, sentinel):
    """Send ``data``; return (every byte received up to the close or the sentinel's response,
    the client's port)."""
    with socket.create_connection(("127.0.0.1", port)) as client:
        client_port = client.getsockname()[1]
        client.sendall(data)
        client.settimeout(QUIET_SECONDS)
        received = b""
        while True:
            try:
                part = client.recv(65536)
            except (TimeoutError, ConnectionResetError):
                break
            if not part:
                break
            received += part
            if sentinel and SENTINEL_STATUS in received:
                cut = received.index(SENTINEL_STATUS)
                received = received[: received.rindex(b"HTTP/", 0, cut)]
                break
    return received, client_port


def serve_jobs(jobs):
    """Serve every job on its real server; return what each sent."""
    workdir = tempfile.mkdtemp(prefix="real-servers-")
    control = os.path.join(workdir, "job.json")
    servers = {}
    results = []
    try:
        for job in jobs:
            settings = job["settings"]
            config = server_config(settings)
            if config not in servers or servers[config].process.poll() is not None:
                # (re)start: a worker that exits with status 3 halts gunicorn's arbiter
                if config in servers:
                    servers[config].stop()
                servers[config] = RealServer(config, control, workdir)
            server = servers[config]
            with open(control, "w") as handle:
                json.dump(
                    {"files": job["files"], "entry": job["entry"], "settings": settings}, handle
                )
            sentinel = server.name == "waitress"
            data = raw_request(job["request"], settings.get("httpVersion") or "1.1", sentinel)
            try:
                wire, client_port = exchange(server.port, data, sentinel)
            except ConnectionRefusedError:  # the server halted after the last job: restart it
                server.stop()
                server = servers[config] = RealServer(config, control, workdir)
                wire, client_port = exchange(server.port, data, sentinel)
            results.append(
                {
                    "wireBase64": base64.b64encode(wire).decode(),
                    "clientPort": client_port,
                    "serverPort": server.port,
                }
            )
    finally:
        for server in servers.values():
            server.stop()
        shutil.rmtree(workdir, ignore_errors=True)
    return results


def releases():
    """The installed releases of both servers, as ``SERVER_PYTHON`` sees them."""
    script = (
        "from importlib.metadata import version; print(version('gunicorn'), version('waitress'))"
    )
    out = subprocess.run([SERVER_PYTHON, "-c", script], capture_output=True, check=True)
    gunicorn, waitress = out.stdout.decode().split()
    return {"gunicorn": gunicorn, "waitress": waitress}


def main():
    """Read the jobs as JSON on stdin; print the servers' releases and bytes as JSON."""
    jobs = json.load(sys.stdin)
    found = releases()
    json.dump({"releases": found, "results": serve_jobs(jobs)}, sys.stdout)


if __name__ == "__main__":
    main()
