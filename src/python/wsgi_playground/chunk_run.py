"""A run of byte chunks recorded as columns: the bulk of a streamed body's events."""

from .values import b64


def line_at(code, offset):
    """The source line of the instruction at byte ``offset`` of ``code`` (``frame.f_lasti``)."""
    for start, end, line in code.co_lines():
        if start <= offset < end:
            return line
    return None


#: ``ChunkRun.line`` when its events' lines differ (they are in ``ChunkRun.lines``).
VARIES = object()


class ChunkRun:
    """Consecutive ``yield`` or ``write`` events of ``bytes`` by one actor, kept as columns.

    Apps that stream many small chunks make most of a trace's events; one dict per event (and
    one base64 call per preview) made tracing them ~30 times slower than serving them.  The
    server's chunk loop appends to the columns itself (``TracingHandler.send_iterable``).

    ``line`` is the line of every event; or, when it is ``VARIES``, ``lines`` holds each
    event's line, or (when ``code`` is set) the instruction offset of the generator's frame
    (``f_lasti``, far cheaper to read in the loop than ``f_lineno``), turned into lines once
    the run is over.  ``previews`` holds the chunks themselves, cut to the
    preview size; ``big`` the exact sizes of those that were cut.
    """

    __slots__ = (
        "first", "kind", "actor", "index", "line", "code", "file", "lines", "previews", "big",
        "extra", "unwritten", "open", "room",
    )  # fmt: skip

    def __init__(self, first, kind, actor, index, room, line=VARIES, code=None, file=None):
        self.first = first  # the seq of the first event
        self.kind = kind
        self.actor = actor
        self.index = index  # a yield's chunk index, counted on within the run; None for writes
        self.line = line
        self.code = code
        self.file = file  # the project file of every event's line (None: the entry file)
        self.lines = []
        self.previews = []
        self.big = {}  # offset -> size of a chunk longer than its preview
        self.extra = {}  # offset -> fields added later (a write's error)
        self.unwritten = set()  # offsets of chunks the server did not send (their write failed)
        self.open = True  # False once another event is recorded: the next chunk starts a run
        self.room = room  # events the run may still record before the run limit

    def add(self, line, data, preview_bytes):
        """Append one chunk (the loop's slow path; the loop inlines this)."""
        if self.line is VARIES:
            self.lines.append(line)
        if len(data) > preview_bytes:
            self.big[len(self.previews)] = len(data)
            data = data[:preview_bytes]
        self.previews.append(data)

    @property
    def sizes(self):
        """The exact size of each chunk."""
        previews = self.previews
        if not self.big and previews and previews.count(previews[0]) == len(previews):
            return [len(previews[0])] * len(previews)  # one chunk, streamed n times
        sizes = list(map(len, previews))
        for offset, size in self.big.items():
            sizes[offset] = size
        return sizes

    def line_of(self, offset):
        """The line of the event at ``offset``."""
        if self.line is not VARIES:
            return self.line
        line = self.lines[offset]
        return line if self.code is None else line_at(self.code, line)

    def line_column(self):
        """The line of each event (resolving instruction offsets)."""
        if self.line is not VARIES:
            return [self.line] * len(self.previews)
        lines = self.lines
        if self.code is None or not lines:
            return lines
        if lines.count(lines[0]) == len(lines):
            return [line_at(self.code, lines[0])] * len(lines)
        table = {offset: line_at(self.code, offset) for offset in set(lines)}
        return list(map(table.__getitem__, lines))

    def events(self, times, ms):
        """The events of the run as dicts, in the order ``Recorder.record`` builds them."""
        events = []
        sizes, lines = self.sizes, self.line_column()
        for offset, preview in enumerate(self.previews):
            seq = self.first + offset
            event = {"seq": seq, "t": ms(times[seq]), "kind": self.kind, "actor": self.actor}
            if lines[offset] is not None:
                event["line"] = lines[offset]
                if self.file is not None:
                    event["file"] = self.file
            if self.index is not None:
                event["index"] = self.index + offset
            event["type"] = "bytes"
            event["size"] = sizes[offset]
            event["previewBase64"] = b64(preview)
            event.update(self.extra.get(offset, ()))
            events.append(event)
        return events

    def written(self):
        """The runs of chunks the server sent: ``(first seq, sizes)`` each."""
        sizes = self.sizes
        if not self.unwritten:
            return [(self.first, sizes)] if sizes else []
        runs, current = [], None
        for offset, size in enumerate(sizes):
            if offset in self.unwritten:
                current = None
            elif current is None:
                current = [size]
                runs.append((self.first + offset, current))
            else:
                current.append(size)
        return runs
