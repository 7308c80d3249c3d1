"""Load a project as a server loads an app from disk, fresh for every run.

The files are written to a new directory that goes first on ``sys.path``, and the entry module
is imported with ``importlib``: every module is importable by name and registered in
``sys.modules``, so ``Flask(__name__)`` or Django's ``ROOT_URLCONF = __name__`` work as they
do on disk.  A browser run starts on a pristine interpreter anyway; the Node CLI's session and
the tests reuse one, so the modules of the project before are removed first.
"""

import importlib
import importlib.util
import linecache
import os
import shutil
import sys
import tempfile

from .app_loader import LoadError, syntax_error_info
from .frames import ProjectFrames
from .project import Project, callable_candidates, parse_callable

#: Every project directory's name starts so (``tempfile.mkdtemp``); its modules are the
#: project's, whatever their name.
PREFIX = "wsgi-project-"
#: The project directories not released yet (one while a run lasts).
UNRELEASED = set()


def job_app(job):
    """The app of a job: its project ``{"files", "entry"}``, or the ``code`` of one file."""
    return job["code"] if "code" in job else {"files": job["files"], "entry": job["entry"]}


def to_project(app, settings):
    """The project to run: a ``Project``, ``{"files", "entry"}``, or one file's code (named
    and entered as ``settings`` say)."""
    if isinstance(app, Project):
        return app
    if isinstance(app, dict):
        return Project(app["files"], app["entry"])
    return Project.of_code(app, settings["filename"], settings["callable"])


class ProjectDir:
    """A fresh directory with a project's files, first on ``sys.path`` until ``release``."""

    def __init__(self, project):
        self.project = project
        if UNRELEASED:  # a run before ended without its release (it cannot, but be sure)
            forget_project_modules(sys.modules)
        self.modules_before = dict(sys.modules)
        self.path = tempfile.mkdtemp(prefix=PREFIX)
        UNRELEASED.add(self.path)
        for relative, text in project.files.items():
            self.write(relative, text)
        sources = {
            os.path.join(self.path, *relative.split("/")): relative
            for relative in project.files
            if relative.endswith(".py")
        }
        self.frames = ProjectFrames(sources, project.entry_file, self.path)
        # No bytecode: a file rewritten within the same second at the same size would load
        # the stale one (and the directory is gone after the run anyway).
        self.saved_bytecode_flag = sys.dont_write_bytecode
        sys.dont_write_bytecode = True
        sys.path.insert(0, self.path)
        importlib.invalidate_caches()

    def write(self, relative, text):
        """Write one file of the project (a LoadError if the path cannot be one: a file that
        is also a folder, ``pkg`` beside ``pkg/views.py``)."""
        target = os.path.join(self.path, *relative.split("/"))
        try:
            os.makedirs(os.path.dirname(target), exist_ok=True)
            with open(target, "w", encoding="utf-8", newline="") as handle:
                handle.write(text)
        except (OSError, UnicodeError) as error:
            self.delete()
            raise LoadError(
                "load-error",
                {"kind": "bad-path", "message": "%s cannot be written: %s" % (relative, error)},
            ) from None

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        self.release()

    def release(self):
        """Take the directory off ``sys.path``, forget its modules and delete it."""
        if self.path in sys.path:
            sys.path.remove(self.path)
        for key in [key for key in sys.path_importer_cache if key.startswith(self.path)]:
            del sys.path_importer_cache[key]
        sys.dont_write_bytecode = self.saved_bytecode_flag
        before = self.modules_before
        forget_project_modules([n for n, m in sys.modules.items() if before.get(n) is not m])
        for key in [key for key in linecache.cache if key.startswith(self.path)]:
            del linecache.cache[key]
        self.delete()

    def delete(self):
        """Delete the directory and its files."""
        UNRELEASED.discard(self.path)
        shutil.rmtree(self.path, ignore_errors=True)

    def shadowed(self):
        """The project's modules that ``import`` will not find: the interpreter has a module
        of that name already (the standard library's ``json``, say), as it would on disk."""
        return {m: path for m, path in self.project.modules().items() if m in sys.modules}


def module_paths(module):
    """The paths a module was loaded from: its ``__file__`` and a package's ``__path__``."""
    try:
        namespace = vars(module)
        file = namespace.get("__file__")
        paths = list(namespace.get("__path__") or ())
    except Exception:  # not a module, or a namespace path that cannot be recomputed
        return ()
    return [file, *paths] if isinstance(file, str) else paths


def forget_project_modules(names):
    """Remove the modules of ``names`` loaded from a project directory from ``sys.modules``."""
    root = os.path.join(tempfile.gettempdir(), PREFIX)
    for name in list(names):
        module = sys.modules.get(name)
        if any(isinstance(path, str) and path.startswith(root) for path in module_paths(module)):
            del sys.modules[name]


def load_application(directory):
    """Import the entry module and return ``(callable name, application)``.

    A project that provides no callable raises ``LoadError``; an exception of the project's own
    code (at import, or in a factory) propagates, for the caller to record.
    """
    project = directory.project
    if project.module in directory.shadowed() and project.module_file(project.module):
        raise LoadError(
            "load-error",
            {
                "kind": "shadowed-module",
                "message": "%s: the interpreter already has a module %r (%s), so %s cannot be "
                "imported under that name; rename the file"
                % (project.entry, project.module, module_origin(project.module),
                   project.module_file(project.module)),
            },
        )  # fmt: skip
    try:
        module = import_entry(directory)
    except SyntaxError as error:
        raise syntax_error(error, directory) from None
    except ModuleNotFoundError as error:
        if error.name is None or not is_prefix(error.name, project.module):
            raise
        raise LoadError(
            "load-error",
            {
                "kind": "no-module",
                "message": "%s: no module %r in the project; files: %s"
                % (project.entry, project.module, ", ".join(project.files)),
            },
        ) from None
    return find_entry_callable(module, project)


def import_entry(directory):
    """Import the entry module (a lone file with no module name is loaded under the entry's)."""
    project = directory.project
    lone = None if project.module_file(project.module) else project.lone_module_file()
    if lone is None:
        return importlib.import_module(project.module)
    path = os.path.join(directory.path, lone)
    spec = importlib.util.spec_from_file_location(project.module, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[project.module] = module
    spec.loader.exec_module(module)
    return module


def is_prefix(name, module):
    """True when module ``name`` is ``module`` or one of its parent packages."""
    return module == name or module.startswith(name + ".")


def module_origin(name):
    """Where the module ``name`` the interpreter has comes from, in a few words."""
    file = getattr(sys.modules.get(name), "__file__", None)
    return "from %s" % file if isinstance(file, str) else "built in"


def syntax_error(error, directory):
    """The LoadError of a SyntaxError in one of the project's files (with its file, line and
    column), or of the load when the SyntaxError came from elsewhere (``compile()`` of a
    string)."""
    frames = directory.frames
    path = error.filename if isinstance(error.filename, str) else None
    if path is None:
        # 3.11 names no file for a NUL byte in the source: find the file by compiling each.
        path = next((p for p in frames.sources if not compiles(p)), None)
    if path not in frames.sources:
        return LoadError(
            "load-error",
            {"kind": "load-error", "type": type(error).__name__, "message": str(error)},
        )
    return LoadError("syntax-error", syntax_error_info(error, frames.file_of(path)))


def compiles(path):
    """True when the file at ``path`` compiles."""
    try:
        with open(path, "rb") as handle:
            compile(handle.read(), path, "exec", dont_inherit=True)
    except (SyntaxError, ValueError):
        return False
    return True


def find_entry_callable(module, project):
    """Return ``(name, callable)``: the entry's callable (an attribute path, or a factory
    called with its literal arguments), else ``application`` then ``app``."""
    candidates = callable_candidates(project.callable)
    for candidate in candidates:
        parsed = parse_callable(candidate)
        if parsed is None:
            raise LoadError(
                "load-error",
                {
                    "kind": "bad-entry",
                    "message": "%s: %r is not a name, an attribute path or a call with "
                    "literal arguments" % (project.entry, candidate),
                },
            )
        names, call = parsed
        value = module
        try:
            for name in names:
                value = getattr(value, name)
        except AttributeError:
            continue
        if call is not None:
            value = value(*call[0], **call[1])
        if not callable(value):
            raise LoadError(
                "load-error",
                {
                    "kind": "not-callable",
                    "message": "%s: %r in module %r is not callable (it is of type %s); a WSGI "
                    "application is a callable taking (environ, start_response)"
                    % (project.entry, candidate, project.module, type(value).__name__),
                },
            )
        return candidate, value
    raise LoadError(
        "load-error",
        {
            "kind": "no-callable",
            "message": "%s: module %r has no %s; files: %s"
            % (
                project.entry,
                project.module,
                " or ".join(repr(c) for c in candidates),
                ", ".join(project.files),
            ),
        },
    )
