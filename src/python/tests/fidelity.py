"""The fidelity table: every app in ``fidelity_apps/`` × every request × every setting."""

import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))


def load_cases():
    """Return ``[(name, code, request, settings), ...]`` for the whole table."""
    with open(os.path.join(HERE, "fidelity_matrix.json")) as handle:
        matrix = json.load(handle)
    apps_dir = os.path.join(HERE, "fidelity_apps")
    cases = []
    for filename in sorted(os.listdir(apps_dir)):
        if not filename.endswith(".py"):
            continue
        with open(os.path.join(apps_dir, filename)) as handle:
            code = handle.read()
        for r, request in enumerate(matrix["requests"]):
            for s, settings in enumerate(matrix["settings"]):
                name = "%s [request %d, settings %d]" % (filename[:-3], r, s)
                cases.append((name, code, request, settings))
    return cases
