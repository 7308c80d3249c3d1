"""Stand-ins for installed libraries: modules written below a ``site-packages`` folder."""

import contextlib
import os
import shutil
import sys
import tempfile


@contextlib.contextmanager
def installed(**modules):
    """Make each ``name=source`` importable as a library (its frames' origin: ``library``)."""
    root = tempfile.mkdtemp(prefix="wsgi-test-")
    folder = os.path.join(root, "site-packages")
    os.makedirs(folder)
    for name, source in modules.items():
        with open(os.path.join(folder, name + ".py"), "w") as handle:
            handle.write(source)
    sys.path.insert(0, folder)
    try:
        yield
    finally:
        sys.path.remove(folder)
        for name in modules:
            sys.modules.pop(name, None)
        shutil.rmtree(root)
