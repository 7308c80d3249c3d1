"""The iterables nested lanes return to the lanes that called them, observed, not wrapped.

A middleware is a server to the app it wraps (PEP 3333, "Specification Details"): it takes
that app's chunks and must call its ``close()``.  What it gets is observed through the profile
hook: a generator's chunks are its frame's "return" events at a ``yield``; a class's, the
returns of its ``__next__`` or the yields of its generator ``__iter__``; ``close()`` is the call
of the class's Python ``close`` or a builtin ``close`` (a generator's).  The items of a list or
tuple are taken in C, where nothing can be seen: they are recorded when it is returned.
"""

import gc
import inspect
import types
import weakref

from .frames import is_server_code
from .wsgi_calls import is_generator_code, is_return, is_yield, positional

#: The methods of a returned object's class whose frames say what the object gives.
METHODS = ("__iter__", "__next__", "close")
#: Generator states in which there is nothing left to close (never started, or finished).
NOTHING_TO_CLOSE = (inspect.GEN_CREATED, inspect.GEN_CLOSED)


def generator_of_frame(frame):
    """A weak reference to the generator that runs ``frame``, or None.

    Seen first as a frame (a generator function's body starts), the generator object itself
    is only found among the frame's referrers; a weak reference then says, at the end,
    whether it was closed, finished or dropped (finalized, which closes it).
    """
    generator = getattr(frame, "f_generator", None)  # Python 3.14 names it
    if isinstance(generator, types.GeneratorType):
        return weakref.ref(generator)
    for referrer in gc.get_referrers(frame):
        if isinstance(referrer, types.GeneratorType) and referrer.gi_frame is frame:
            return weakref.ref(referrer)
    return None


class NestedResult:
    """An iterable a lane returned to the lane that called it."""

    __slots__ = (
        "lane", "outer", "result_type", "count", "called", "throwing", "finished", "started",
        "ref", "obj", "frame", "site", "line", "has_close",
    )  # fmt: skip

    def __init__(self, lane, outer, result_type, site, line):
        self.lane, self.outer = lane, outer
        self.result_type = result_type
        self.count = 0  # the chunks it gave so far
        self.called = False  # someone called its close()
        self.throwing = False  # its generator was resumed by throw() or close() (3.11)
        self.finished = False  # its generator returned or raised
        self.started = False  # its generator ran
        self.ref = None  # a weak reference to its generator, when there is one
        self.obj = None  # the object, when it is not a generator
        self.frame = None  # its generator's frame
        self.site = site  # where the outer lane called the lane that returned it
        self.line = line  # that call's line, in the entry file only (``innerIterables``)
        self.has_close = False

    def is_same(self, other):
        """True when ``other`` is the same iterable (a lane passed on what it got)."""
        if self.obj is not None:
            return other.obj is self.obj
        if self.ref is not None and other.ref is not None:
            return other.ref() is self.ref() is not None
        return self.frame is not None and other.frame is self.frame

    def closed(self):
        """Whether it needs no close() any more: closed, never started, finished, or dropped
        (CPython finalizes a dropped generator, which runs its ``finally`` blocks)."""
        if self.called or self.obj is not None:
            return self.called
        if self.ref is not None:
            generator = self.ref()
            return generator is None or inspect.getgeneratorstate(generator) in NOTHING_TO_CLOSE
        return self.finished or not self.started


class NestedResults:
    """Every nested iterable, and the frames that say what each gives and whether it closes."""

    def __init__(self, layers):
        self.layers = layers
        self.recorder = layers.recorder
        self.frames = {}  # a generator's frame -> its NestedResult
        self.next_frames = {}  # a running __next__ frame -> its NestedResult
        self.iter_frames = {}  # a running (plain) __iter__ frame -> its NestedResult
        self.methods = {}  # code of a class's method -> [(name, NestedResult)]
        self.objects = {}  # id(object) -> NestedResult, for a builtin close() of an object
        self.generators = {}  # code of a generator -> [NestedResult], for its close()
        self.with_close = []  # those with a close(), in the order they were returned
        self.watch_closes = False  # builtin calls may be a close(): the hook must look at them

    @property
    def active(self):
        """True once there is anything to observe."""
        return bool(self.frames or self.methods)

    def returned(self, result, lane, outer, describe):
        """Note what ``lane`` returned to ``outer``; record a list's or tuple's items now."""
        self.layers.calls_watched = True
        nested = NestedResult(lane, outer, describe["resultType"], lane.call_site, None)
        if lane.call_site is not None and lane.call_site[1] is None:
            nested.line = lane.call_site[0]
        if isinstance(result, (list, tuple)):
            # Taken in C when the outer lane iterates: recorded as they are handed over.
            for item in result:
                self.gave(nested, item, self.layers.return_site)
            return
        if isinstance(result, types.GeneratorType):
            nested.ref = weakref.ref(result)
            self.add_generator(result.gi_frame, nested)
        else:
            nested.obj = result
            self.objects.setdefault(id(result), nested)  # passed on: the innermost's
            borrowed = getattr(getattr(result, "close", None), "__self__", None)
            if borrowed is not None and borrowed is not result:
                self.objects.setdefault(id(borrowed), nested)  # close = the wrapped file's
            for name in METHODS:
                code = getattr(getattr(type(result), name, None), "__code__", None)
                if code is not None:
                    self.methods.setdefault(code, []).append((name, nested))
                elif name == "close" and hasattr(result, "close"):
                    self.watch_closes = True  # a builtin close()
        if describe["hasClose"]:
            nested.has_close = True
            self.with_close.append(nested)

    def generator_frame(self, frame, lane, outer):
        """Note a nested generator function's frame: the generator is what the outer got."""
        nested = NestedResult(lane, outer, "generator", lane.call_site, None)
        if lane.call_site is not None and lane.call_site[1] is None:
            nested.line = lane.call_site[0]
        nested.has_close = True
        nested.ref = generator_of_frame(frame)
        self.with_close.append(nested)
        self.add_generator(frame, nested)
        self.resumed(frame, nested)

    def add_generator(self, frame, nested):
        """Watch a nested generator: its frame's yields, and a call of its close()."""
        self.layers.calls_watched = True
        nested.frame = frame
        self.frames[frame] = nested
        self.generators.setdefault(frame.f_code, []).append(nested)
        self.watch_closes = True

    def on_call(self, frame):
        """A frame starts: a nested generator resumes, or a returned object's method runs.
        Return the lane whose code it runs, or None."""
        nested = self.frames.get(frame)
        if nested is not None:
            self.resumed(frame, nested)
            return nested.lane
        entries = self.methods.get(frame.f_code)
        if entries is None:
            return None
        owner = positional(frame)[:1]
        for name, nested in entries:
            if owner and owner[0] is nested.obj:
                return self.method_call(frame, name, nested)
        return None

    def resumed(self, frame, nested):
        """A nested generator runs (in 3.11, a frame resumed at its ``yield`` was thrown into:
        by ``close()`` or ``throw()``)."""
        nested.started = True
        nested.throwing = is_yield(frame)

    def method_call(self, frame, name, nested):
        """A method of a returned object runs: watch what it gives, or note its close()."""
        if name == "close":
            self.close_called(nested, frame.f_back)
        elif name == "__next__":
            self.next_frames[frame] = nested
        elif is_generator_code(frame.f_code):
            self.frames[frame] = nested  # a generator __iter__: its yields are the chunks
            nested.started = True
        else:
            self.iter_frames[frame] = nested
        return nested.lane

    def on_return(self, frame, value):
        """A frame returns: a chunk a nested iterable gives, or the iterator it makes."""
        nested = self.frames.get(frame)
        if nested is not None:
            if is_yield(frame) and not (nested.throwing and value is None):
                self.gave(nested, value, self.layers.site_of(frame))
            else:
                nested.finished = True
            return
        nested = self.next_frames.pop(frame, None)
        if nested is not None:
            if is_return(frame):
                self.gave(nested, value, self.layers.site_of(frame))
            return
        nested = self.iter_frames.pop(frame, None)
        if nested is not None and isinstance(value, types.GeneratorType):
            self.frames[value.gi_frame] = nested  # ``return (c for c in ...)``

    def on_c_call(self, frame, function):
        """A builtin is called from ``frame``: the close() of a nested generator, maybe."""
        if getattr(function, "__name__", None) != "close":
            return
        target = getattr(function, "__self__", None)
        if isinstance(target, types.GeneratorType):
            nested = self.generator_of(target)
        else:
            nested = self.objects.get(id(target))
            owner = nested.obj if nested is not None else None
            # Its own close(), or the close() it took from what it wraps (FileWrapper's).
            borrowed = getattr(getattr(owner, "close", None), "__self__", None)
            nested = nested if owner is target or borrowed is target else None
        if nested is not None:
            self.close_called(nested, frame)

    def generator_of(self, generator):
        """The nested result that is ``generator`` (a finished one has no frame any more: the
        first of its code not closed yet, when its own generator object is not known)."""
        candidates = self.generators.get(generator.gi_code, ())
        for nested in candidates:
            if nested.ref is not None and nested.ref() is generator:
                return nested
        frame = generator.gi_frame
        for nested in candidates:
            if nested.ref is None and (
                nested.frame is frame or frame is None and not nested.called
            ):
                return nested
        return None

    def gave(self, nested, data, site):
        """Record a chunk the nested iterable gave the lane that iterates it."""
        layers = self.layers
        if not layers.shown(nested.lane):
            return
        index, nested.count = nested.count, nested.count + 1
        chunk = self.recorder.chunk(data)
        layers.record(
            "layer.yield", nested.lane, nested.lane, nested.outer, site, index=index, **chunk
        )

    def close_called(self, nested, caller):
        """Record the outer lane's call of the nested iterable's close() (it is closed for
        every lane that passed it on, too); the server's own call is its ``close`` event."""
        if nested.called:
            return
        nested.called = nested.throwing = True
        for other in self.with_close:
            if other.is_same(nested):
                other.called = True
        if self.layers.shown(nested.lane) and not is_server_code(caller.f_code):
            site = self.layers.frames.site(caller)
            self.layers.record(
                "layer.close",
                nested.outer,
                nested.lane,
                nested.outer,
                site,
                called=True,
                resultType=nested.result_type,
            )

    def release_frames(self):
        """Drop the frames of the nested iterables (their generators are kept weakly)."""
        self.frames.clear()
        self.next_frames.clear()
        self.iter_frames.clear()
        for nested in self.with_close:
            nested.frame = None

    def record_unclosed(self):
        """At the end: record each nested iterable with a close() that nobody closed."""
        for nested in self.with_close:
            if not nested.closed() and self.layers.shown(nested.lane):
                self.layers.record(
                    "layer.close",
                    nested.outer,
                    nested.lane,
                    nested.outer,
                    nested.site,
                    called=False,
                    resultType=nested.result_type,
                )

    def report(self):
        """The ``innerIterables`` of the Trace: each nested iterable with a close(), and
        whether it was closed (``line``: where the outer lane called, if in the entry file)."""
        result = []
        for nested in self.with_close:
            if not self.layers.shown(nested.lane):
                continue
            info = {"callable": nested.lane.name, "resultType": nested.result_type}
            info["closed"] = nested.closed()
            if nested.line is not None:
                info["line"] = nested.line
            result.append(info)
        return result
