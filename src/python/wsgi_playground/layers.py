"""Middleware as lanes: each WSGI callable nested between the server and the innermost app.

``AppWatch``'s profile hook hands this every Python call and return while the server's call
into the app lasts.  A nested WSGI call (``wsgi_calls.wsgi_arguments``; the project's code or a
library's, such as a Werkzeug middleware) is a lane; what it does toward the lane that called
it is recorded as ``layer.*`` events: ``layer.call``, ``layer.start_response`` (a call of the
start_response that lane gave it, seen by its code object), ``layer.return``, ``layer.yield``
and ``layer.close`` (see ``nested_results``).

Two kinds of nested call are not lanes of their own.  A method of the same object (Flask's
``__call__`` calling ``self.wsgi_app``) is the same lane.  A library's callable is a lane only
once it calls another WSGI callable (a Werkzeug middleware); one that calls none (Werkzeug's
``Response``, which Flask calls to answer) is drawn in the lane that called it.  So a library
callable's ``layer.call`` is recorded when it makes its own first call, and nothing it did
toward its caller before that is.
"""

from .describe import describe_exc_info, describe_headers, describe_result
from .frames import callable_code, is_server_code
from .lanes import Lane, assign_ids, describe_layers, resolve
from .nested_results import NestedResults
from .wsgi_calls import (
    LIBRARY,
    PROJECT,
    SERVER,
    callable_name,
    is_generator_code,
    is_return,
    lane_name,
    parameter_names,
    positional,
    wsgi_arguments,
)

#: A function called this many times without WSGI arguments is taken for one that never
#: gets them (a helper the app calls in a loop), and its calls are no longer looked at.
CHECKS = 16
#: How ``describe_result`` describes a generator.
GENERATOR_RESULT = {
    "resultType": "generator",
    "isGenerator": True,
    "hasClose": True,
    "hasLen": False,
}


class Layers:
    """The lanes of one request, and the frames that run their code."""

    def __init__(self, recorder, application):
        self.recorder = recorder
        self.frames = recorder.frames
        code = callable_code(application)
        self.root = Lane(callable_name(application), self.place(code))
        self.lanes = [self.root]
        self.lane_of = {}  # frame -> the lane whose code it runs
        self.released = {}  # code -> its lane, once the frames are let go (release_frames)
        self.calls = {}  # frame of a nested WSGI call -> its lane (its return: layer.return)
        self.wrappers = {}  # code of a start_response a lane gave -> [Gift]
        self.codes = {}  # code -> see ``code_entry``
        self.server_start_response = None
        self.streams = (None, None)  # this request's wsgi.input and wsgi.errors
        self.root_frame = None  # the first frame of the server's callee
        self.nested = False  # a nested lane exists: an event's actor is the lane it ran in
        self.return_site = None  # the site of the nested return being recorded
        self.results = NestedResults(self)
        self.returns_watched = False  # a return may be a layer's (calls or results to watch)
        self.calls_watched = False  # a call may be a start_response given, or a result's method

    # -- what the profile hook sees -------------------------------------------------------

    def serving(self, environ, start_response):
        """The server calls its callee with ``environ`` and its own ``start_response``."""
        self.server_start_response = start_response
        self.streams = environ.get("wsgi.input"), environ.get("wsgi.errors")

    def started(self, frame, owner):
        """The server's callee begins: the first frame of its call (or of its generator)."""
        self.root_frame = frame
        self.lane_of[frame] = self.root
        self.root.owner = owner
        self.root.file, self.root.line = self.place(frame.f_code)

    def of_this_request(self, environ):
        """True for a WSGI call of this request: its environ has this request's streams (a
        copy of the environ too; a generator of an earlier run, finalized now, has not)."""
        streams = environ.get("wsgi.input"), environ.get("wsgi.errors")
        return streams[0] is self.streams[0] or streams[1] is self.streams[1]

    def code_entry(self, code):
        """What the hook keeps of ``code``: ``[whose, positional parameter names, calls
        still to look at for WSGI arguments]`` (see ``CHECKS``)."""
        if is_server_code(code):
            entry = [SERVER, (), 0]
        else:
            names = parameter_names(code)
            kind = PROJECT if self.frames.is_project(code) else LIBRARY
            entry = [kind, names, CHECKS if len(names) > 1 else 0]
        self.codes[code] = entry
        return entry

    def on_call(self, frame, code, entry):
        """A frame of the app's side starts (``entry``: see ``code_entry``)."""
        gifts = self.wrappers.get(code)
        if gifts is not None:
            self.start_response_called(frame, which_gift(frame, gifts))
            return
        if self.results.frames or self.results.methods:
            lane = self.results.on_call(frame)
            if lane is not None:
                self.lane_of[frame] = lane
                return
        if entry[2] and frame not in self.lane_of:  # not a generator's resume
            arguments = wsgi_arguments(frame, entry[1])
            if arguments is None:
                if entry[2] > 0:
                    entry[2] -= 1
            elif self.of_this_request(arguments[1]):
                entry[2] = -1  # a WSGI callable: always looked at
                self.wsgi_call(frame, *arguments)

    def on_return(self, frame, value):
        """A Python frame returns (or yields), while ``returns_watched``."""
        lane = self.calls.pop(frame, None)
        if lane is not None:
            if is_return(frame):
                self.wsgi_return(frame, lane, value)
        elif self.results.active:
            self.results.on_return(frame, value)

    def on_c_call(self, frame, function):
        """A builtin is called (only while a nested iterable may be closed by one)."""
        self.results.on_c_call(frame, function)

    # -- nested calls -----------------------------------------------------------------------

    def wsgi_call(self, frame, owner, environ, start_response):
        """A WSGI call begins: the server's callee's, a nested lane, or (a method of its
        caller's object) the same lane."""
        caller = frame.f_back
        if self.root_frame is None and start_response is self.server_start_response:
            if caller is None or is_server_code(caller.f_code):
                self.started(frame, owner)
                return
        parent = self.lane_at(caller)
        if owner is not None and owner is parent.owner:
            self.lane_of[frame] = parent
            return
        code = frame.f_code
        library = not self.frames.is_project(code)
        lane = Lane(lane_name(owner, code), self.place(code), parent, owner, library)
        self.returns_watched = True
        lane.order = len(self.lanes)
        lane.call_site = self.frames.site(frame.f_back)
        self.lanes.append(lane)
        self.lane_of[frame] = lane
        if is_generator_code(code):
            # Calling it only made the generator; its code runs now, as the caller iterates.
            lane.generator = True
            self.results.generator_frame(frame, lane, parent)
        else:
            self.calls[frame] = lane
        if start_response is not self.server_start_response:
            self.gave_start_response(start_response, lane, parent)
        if not parent.confirmed:
            self.confirm(parent)  # a library's callable that calls another: a lane after all
        if not lane.library:
            self.confirm(lane)

    def confirm(self, lane):
        """``lane`` is drawn as a lane of its own (the project's code, or a library's that
        called another): record that its caller called it (that caller's call first, if it is
        not drawn yet), and the caller is a layer."""
        parent = lane.parent
        if not parent.confirmed:
            self.confirm(parent)
        lane.confirmed = True
        parent.children += 1
        self.nested = True
        self.record("layer.call", parent, lane, parent, lane.call_site)
        if lane.generator:
            # The call returned the generator before its code ran: said now, after the call.
            self.record("layer.return", lane, lane, parent, lane.call_site, **GENERATOR_RESULT)

    def wsgi_return(self, frame, lane, value):
        """A nested WSGI call returns its iterable to the lane that called it."""
        if not self.shown(lane):
            return
        describe = describe_result(value)
        self.return_site = self.site_of(frame)
        self.record("layer.return", lane, lane, lane.parent, self.return_site, **describe)
        self.results.returned(value, lane, lane.parent, describe)

    def gave_start_response(self, start_response, lane, giver):
        """Watch for the calls of a start_response ``giver`` made for ``lane`` (a function,
        or a bound method: its code object says when it runs)."""
        code = getattr(getattr(start_response, "__func__", start_response), "__code__", None)
        if code is not None:
            self.wrappers.setdefault(code, []).append(Gift(start_response, lane, giver))
            self.calls_watched = True

    def start_response_called(self, frame, gift):
        """A lane calls the start_response ``gift.giver`` gave it (that code is the giver's)."""
        lane, giver = gift.lane, gift.giver
        self.lane_of[frame] = giver
        if not (self.shown(lane) and giver.confirmed):
            return
        values = positional(frame)[1 if gift.owner is not None else 0 :] + [None, None, None]
        status, headers, exc_info = values[:3]
        self.record(
            "layer.start_response",
            lane,
            lane,
            giver,
            self.frames.site(frame.f_back),
            status=status if isinstance(status, str) else repr(status),
            statusType=type(status).__name__,
            excInfo=describe_exc_info(exc_info),
            **describe_headers(headers),
        )

    # -- lanes and sites --------------------------------------------------------------------

    def lane_at(self, frame):
        """The lane whose code runs in ``frame`` or the frames that called it (the server's
        callee, if none)."""
        lane_of, released = self.lane_of, self.released
        while frame is not None:
            lane = lane_of.get(frame) or released.get(frame.f_code)
            if lane is not None:
                return lane
            if is_server_code(frame.f_code):
                break
            frame = frame.f_back
        return self.root

    def actor(self, frame):
        """The lane an event from ``frame`` belongs to."""
        return self.lane_at(frame) if self.nested else self.root

    def lane_in(self, traceback):
        """The lane whose code raised the exception of ``traceback`` (its innermost lane)."""
        lane = self.root
        while traceback is not None:
            lane = self.lane_of.get(traceback.tb_frame, lane)
            traceback = traceback.tb_next
        return lane

    def shown(self, lane):
        """True when ``lane`` and its caller are drawn apart (their events make sense)."""
        return lane.confirmed and lane.parent is not None and lane.parent.confirmed

    def place(self, code):
        """Where ``code`` is defined: ``(file, line)``."""
        if code is None:
            return None, None
        return self.frames.place(code.co_filename)[0], code.co_firstlineno

    def site_of(self, frame):
        """The site of what ``frame`` produced: its own line if it is the project's, else the
        project frame that ran last."""
        return self.frames.code_site(frame.f_code, frame.f_lineno) or self.frames.last_site()

    def record(self, kind, actor, lane, outer, site, **data):
        """Record a ``layer.*`` event of ``lane`` toward ``outer``."""
        self.recorder.record(kind, actor, site, layer=lane, outer=outer, **data)

    # -- the end ----------------------------------------------------------------------------

    def finish(self):
        """At the end of the request: the nested iterables nobody closed."""
        self.results.record_unclosed()

    def release_frames(self):
        """Drop every frame the lanes keep (see ``TracingHandler.release_frames``)."""
        self.frames.last = None
        self.root_frame = None
        # What finalizing a dropped generator prints still names its lane: by its code.
        self.released = {frame.f_code: lane for frame, lane in self.lane_of.items()}
        self.lane_of.clear()
        self.results.release_frames()

    def resolve(self, items):
        """Name every lane in the events, and the layers (outermost first)."""
        layers = assign_ids(self.lanes)
        resolve(items, self.root)
        return describe_layers(layers)


class Gift:
    """A start_response a lane (``giver``) gave the lane it called (``lane``)."""

    __slots__ = ("function", "owner", "lane", "giver")

    def __init__(self, start_response, lane, giver):
        self.function = start_response
        self.owner = getattr(start_response, "__self__", None)  # a bound method's object
        self.lane, self.giver = lane, giver

    def runs_in(self, frame):
        """True when ``frame`` runs this very callable: the same ``self``, or (closures of one
        ``def``, as two instances of a middleware make) the same free variables."""
        local = frame.f_locals
        code = frame.f_code
        if self.owner is not None:
            return local.get(code.co_varnames[0]) is self.owner
        try:
            cells = [cell.cell_contents for cell in self.function.__closure__ or ()]
        except ValueError:  # a cell not filled yet
            return False
        names = code.co_freevars
        return all(local.get(name) is value for name, value in zip(names, cells, strict=True))


def which_gift(frame, gifts):
    """The start_response among ``gifts`` (all of one code) that ``frame`` runs (the latest
    if none can tell)."""
    if len(gifts) > 1:
        for gift in reversed(gifts):
            if gift.runs_in(frame):
                return gift
    return gifts[-1]
