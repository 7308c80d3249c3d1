"""The lanes of the timeline: the server's callee, and each WSGI callable nested in it.

A lane that called a nested lane is a *layer* (middleware), drawn with its own id; the others
are the innermost app, ``"app"``.  Which a lane is becomes known only as the run goes on, so
events name lanes by ``Lane`` objects, and ``resolve`` writes the ids in once the run is over.
"""

#: Ids no layer may take: the timeline's fixed lanes.
RESERVED = ("server", "client", "app")
#: The id of the innermost app's lane (``APP_LAYER`` in ``src/trace/schema.ts``).
APP = "app"
#: The fields of an event that name a lane.
LANE_FIELDS = ("actor", "layer", "outer")


class Lane:
    """One WSGI callable the request went through, and what it is in the timeline."""

    __slots__ = (
        "name", "file", "line", "parent", "owner", "library", "confirmed", "children",
        "call_site", "generator", "order", "id",
    )  # fmt: skip

    def __init__(self, name, place=(None, None), parent=None, owner=None, library=False):
        self.name = name
        self.file, self.line = place  # where its code is defined
        self.parent = parent  # the lane that called it (None: the server)
        self.owner = owner  # a method's ``self``: a call of the same object's method is this lane
        self.library = library  # its code is a library's
        self.confirmed = parent is None  # the server's callee is a lane; see ``Layers.confirm``
        self.children = 0  # the confirmed lanes it called
        self.call_site = None  # the site of the call that made it
        self.generator = False  # its function is a generator: the call ran no code
        self.order = 0
        self.id = None

    @property
    def is_layer(self):
        """True for middleware: a lane that called another."""
        return self.confirmed and self.children > 0

    @property
    def drawn(self):
        """The lane this one is drawn in: itself, or (a library's callable that called none,
        such as Werkzeug's ``Response`` inside Flask) the lane that called it."""
        lane = self
        while not lane.confirmed:
            lane = lane.parent
        return lane

    def depth(self):
        """How many lanes are outside this one."""
        depth, lane = 0, self.parent
        while lane is not None:
            depth, lane = depth + 1, lane.parent
        return depth


def assign_ids(lanes):
    """Give each layer its id (its name, made unique, never a fixed lane's) and every other
    lane ``"app"``; return the layers, outermost first."""
    layers = sorted((lane for lane in lanes if lane.is_layer), key=outermost_first)
    used = set(RESERVED)
    for lane in layers:
        candidate, number = lane.name, 1
        while candidate in used:
            number += 1
            candidate = "%s#%d" % (lane.name, number)
        used.add(candidate)
        lane.id = candidate
    for lane in lanes:
        if not lane.is_layer:
            lane.id = APP
    return layers


def outermost_first(lane):
    """The order of layers: by depth, then as they were called."""
    return lane.depth(), lane.order


class TowardRoot:
    """The actor of what the server does toward its callee (``app.call``, ``close``): the
    server as before when there are no layers, else the outermost layer, whose lane the
    arrow then ends in."""

    def __repr__(self):
        return "<toward the server's callee>"


TOWARD_ROOT = TowardRoot()


def resolve(items, root):
    """Write the lanes' ids into the events that name them (dicts and runs of chunks)."""
    toward_root = root.id if root.is_layer else "server"
    for item in items:
        if isinstance(item, dict):
            for key in LANE_FIELDS:
                value = item.get(key)
                if value is TOWARD_ROOT:
                    item[key] = toward_root
                elif isinstance(value, Lane):
                    item[key] = value.drawn.id
        elif isinstance(item.actor, Lane):
            item.actor = item.actor.drawn.id


def describe_layers(layers):
    """The layers as the Trace lists them."""
    described = []
    for lane in layers:
        layer = {"id": lane.id, "name": lane.name}
        if lane.file is not None:
            layer["file"] = lane.file
            layer["line"] = lane.line
        described.append(layer)
    return described
