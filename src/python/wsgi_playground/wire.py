"""The client's side of the connection: every byte the server sends, with where it came from."""

from .recorder import PACKING, column

_NONE = object()  # no segment yet


class WireBuffer:
    """A write-only byte stream standing in for the socket (``SimpleHandler.stdout``).

    Keeps up to ``max_bytes`` of the response (counts stay exact beyond it) and the segments,
    each naming the part it belongs to (``head`` or ``body``) and the event that produced it.
    Segments are kept in runs of contiguous ones of one part whose events follow each other
    (``(start, part, first seq or None, sizes)``): a streamed body is one run, not a dict a chunk.
    """

    def __init__(self, max_bytes):
        self.max_bytes = max_bytes
        self.data = bytearray()
        self.head = bytearray()
        self.size = 0
        self.part = "head"
        self.seq = None
        self.runs = []
        self.sizes = None  # the sizes of the last run's segments
        self.last = (_NONE, _NONE)  # the part and seq of the last segment
        self.next_seq = _NONE  # the seq that would continue the last run

    def write(self, data):
        """Take ``data`` whole, as a socket's sendall would (wsgiref expects no partial writes)."""
        start = self.size
        size = len(data)
        self.size = start + size
        kept = len(self.data)
        if kept < self.max_bytes:
            self.data += data[: self.max_bytes - kept]
        part, seq = self.part, self.seq
        if part == "head":
            self.head += data
        last_part = self.last[0]
        if seq == self.next_seq and part == last_part:  # the next event's chunk: hot path
            self.sizes.append(size)
        elif (part, seq) == self.last:  # the same event writes on: one segment
            self.sizes[-1] += size
        else:
            self.sizes = [size]
            self.runs.append((start, part, seq, self.sizes))
        self.last = part, seq
        self.next_seq = _NONE if seq is None else seq + 1
        return size

    def flush(self):
        """Nothing to flush: bytes are 'sent' as they are written."""

    @property
    def truncated(self):
        """True when more bytes were sent than kept."""
        return self.size > len(self.data)

    @property
    def segments(self):
        """The segments as the Trace lists them: ``{start, end, part, seq?}``."""
        segments = []
        for start, part, seq, sizes in self.runs:
            for offset, size in enumerate(sizes):
                segment = {"start": start, "end": start + size, "part": part}
                if seq is not None:
                    segment["seq"] = seq + offset
                segments.append(segment)
                start += size
        return segments

    def packed_segments(self):
        """The segments in the compact form ``src/trace/unpackTrace.ts`` expands:
        ``{"packing", "runs": [{"start", "part", "seq"?, "n", "size"}]}``, where ``size`` is one
        size for all ``n`` segments or a list of ``n``."""
        runs = []
        for start, part, seq, sizes in self.runs:
            run = {"start": start, "part": part}
            if seq is not None:
                run["seq"] = seq
            run["n"] = len(sizes)
            run["size"] = column(sizes)
            runs.append(run)
        return {"packing": PACKING, "runs": runs}
