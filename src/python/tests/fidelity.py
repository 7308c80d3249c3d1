"""The fidelity table: every app in ``fidelity_apps/`` × every request × every setting.

An app is one ``.py`` file, or a folder holding a project entered at ``app`` (``app.py``).
"""

import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))
APPS_DIR = os.path.join(HERE, "fidelity_apps")


def read_project(folder):
    """The files of the project in ``folder``, by path with "/"."""
    files = {}
    for parent, dirs, names in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__")
        for name in sorted(names):
            path = os.path.join(parent, name)
            with open(path) as handle:
                files[os.path.relpath(path, folder).replace(os.sep, "/")] = handle.read()
    return files


def load_apps():
    """Return ``[(name, app), ...]``: one file's code, or ``{"files", "entry"}``."""
    apps = []
    for name in sorted(os.listdir(APPS_DIR)):
        path = os.path.join(APPS_DIR, name)
        if name.endswith(".py"):
            with open(path) as handle:
                apps.append((name[:-3], handle.read()))
        elif os.path.isdir(path) and name != "__pycache__":
            apps.append((name, {"files": read_project(path), "entry": "app"}))
    return apps


def load_cases():
    """Return ``[(name, app, request, settings), ...]`` for the whole table."""
    with open(os.path.join(HERE, "fidelity_matrix.json")) as handle:
        matrix = json.load(handle)
    cases = []
    for app_name, app in load_apps():
        for r, request in enumerate(matrix["requests"]):
            for s, settings in enumerate(matrix["settings"]):
                name = "%s [request %d, settings %d]" % (app_name, r, s)
                cases.append((name, app, request, settings))
    return cases
