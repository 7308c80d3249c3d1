"""A project: the application's files by relative path, and its entry in gunicorn's form.

``src/project/project.ts`` is the TypeScript side of the same rules: an entry is ``module`` (the
callable ``application``, else ``app``) or ``module:callable``, where the callable may be an
attribute path (``api.wsgi``) or a factory call with literal arguments (``create_app()``).
"""

import ast
import re

from .app_loader import FALLBACK_NAMES, LoadError

MODULE = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$")


class Project:
    """The files of an application and the entry the server calls."""

    def __init__(self, files, entry):
        self.files = dict(files)
        self.entry = entry
        self.module, self.callable = parse_entry(entry)
        for path in self.files:
            check_path(path)

    @classmethod
    def of_code(cls, code, filename, callable_name=""):
        """A project of one file, as ``singleFileProject`` in ``project.ts`` makes it."""
        module = module_of(filename) or "app"
        return cls({filename: code}, "%s:%s" % (module, callable_name) if callable_name else module)

    @property
    def entry_file(self):
        """The file of the entry module (events without a ``file`` belong to it)."""
        return self.module_file(self.module) or self.lone_module_file() or next(iter(self.files))

    def module_file(self, module):
        """The project file that holds ``module`` (``pkg.views``: ``pkg/views.py`` or
        ``pkg/views/__init__.py``), or None."""
        base = module.replace(".", "/")
        for candidate in (base + ".py", base + "/__init__.py"):
            if candidate in self.files:
                return candidate
        return None

    def lone_module_file(self):
        """The only ``.py`` file of a project whose file name is no module name (``my app.py``),
        which is then loaded as the entry module; else None."""
        sources = [path for path in self.files if path.endswith(".py")]
        if len(sources) == 1 and module_of(sources[0]) is None:
            return sources[0]
        return None

    def modules(self):
        """Each module name the project's files provide, with its file."""
        found = {}
        for path in self.files:
            module = module_of(path)
            if module is not None:
                found[module] = path
        return found

    def describe(self):
        """The project as the Trace records it."""
        return {"entry": self.entry, "entryFile": self.entry_file, "files": list(self.files)}


def parse_entry(entry):
    """Split ``module:callable`` into the module and the callable (None: the fallbacks)."""
    module, sep, callable_part = entry.strip().partition(":")
    if not MODULE.match(module) or (sep and not callable_part) or ":" in callable_part:
        raise LoadError(
            "load-error",
            {
                "kind": "bad-entry",
                "message": "The entry %r is not module:callable, as gunicorn takes it "
                "(app, app:application, pkg.web:create_app())." % entry,
            },
        )
    return module, (callable_part or None)


def check_path(path):
    """Refuse a file path that is not relative, or that leaves the project directory."""
    parts = path.split("/")
    if not path or path.startswith("/") or "\\" in path or any(p in ("", ".", "..") for p in parts):
        raise LoadError(
            "load-error",
            {"kind": "bad-path", "message": "%r is not a relative path in the project" % path},
        )


def module_of(path):
    """The module a file is imported as (``pkg/views.py``: ``pkg.views``), or None."""
    if not path.endswith(".py"):
        return None
    module = path[:-3].removesuffix("/__init__").replace("/", ".")
    return module if MODULE.match(module) else None


def callable_candidates(callable_part):
    """The callables to look up: the entry's, else ``application`` then ``app``."""
    return (callable_part,) if callable_part else FALLBACK_NAMES


def parse_callable(text):
    """Split a callable expression into its attribute path and, for a factory, the call's
    literal arguments: ``create_app('dev')`` → ``(["create_app"], (("dev",), {}))``."""
    try:
        node = ast.parse(text.strip(), mode="eval").body
    except SyntaxError:
        node = None
    call = None
    if isinstance(node, ast.Call):
        try:
            args = tuple(ast.literal_eval(arg) for arg in node.args)
            kwargs = {kw.arg: ast.literal_eval(kw.value) for kw in node.keywords if kw.arg}
        except ValueError:
            return None
        if len(kwargs) != len(node.keywords):
            return None  # **kwargs
        call, node = (args, kwargs), node.func
    names = []
    while isinstance(node, ast.Attribute):
        names.insert(0, node.attr)
        node = node.value
    if not isinstance(node, ast.Name):
        return None
    return [node.id, *names], call
