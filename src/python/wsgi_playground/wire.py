"""The client's side of the connection: every byte the server sends, with where it came from."""

import io

from .recorder import PACKING
from .values import column


class WireBuffer:
    """The byte stream standing in for the socket: what ``TracingHandler._write`` writes to.

    Keeps up to ``max_bytes`` of the response (``size`` stays exact beyond it) and the head
    whole.  Which event produced which bytes is not tracked byte by byte (that doubled the cost
    of a streamed body); ``segment_runs`` derives it afterwards: the head is one segment at the
    start, and each chunk event whose write went through is one body segment of its size.
    """

    def __init__(self, max_bytes, client=None):
        self.max_bytes = max_bytes
        self.data = bytearray()
        self.head = bytearray()
        self.head_sent = False
        self.dropped = 0  # bytes sent past max_bytes: counted, not kept
        self.client = client  # a ``ClientFaults`` that may end the connection, or None
        # For a modelled server that frames or cuts the body (``PlainHandler.per_chunk``):
        # each write as a segment ``(start, end, part, seq)``, the part and the event whose
        # bytes are being sent set by the handler as it writes.
        self.explicit = None
        self.part, self.seq = "body", None

    @property
    def size(self):
        """Every byte sent, kept or not."""
        return len(self.data) + self.dropped

    def write(self, data):
        """Take ``data`` whole, as a socket's sendall would, keeping what fits (or raise the
        error a socket raises once the client has gone away)."""
        if self.client is not None:
            self.client.before_send(self.size)
        if self.explicit is not None and data:
            start = self.size
            seq = self.seq if self.part != "head" else None
            self.explicit.append((start, start + len(data), self.part, seq))
        room = self.max_bytes - len(self.data)
        if len(data) <= room:
            self.data += data
            return
        if room > 0:
            self.data += data[:room]
        self.dropped += len(data) - max(room, 0)

    def writer(self, coming):
        """The write for the next ``coming`` bytes: the bytearray's own ``extend`` while they
        fit under ``max_bytes`` (a method of C: no Python call a chunk), else ``write`` (also
        whenever a client fault is set: each write must ask the client)."""
        fits = self.client is None and self.explicit is None
        fits = fits and len(self.data) + coming <= self.max_bytes
        return self.data.extend if fits else self.write

    def write_head(self, data):
        """Take bytes of the status line and headers (``send_headers`` writes through this)."""
        client = self.client
        if client is not None:
            client.writing_head = True
        self.part = "head"
        try:
            self.write(data)  # first: bytes a gone client never got are no part of the head
        finally:
            self.part = "body"
            if client is not None:
                client.writing_head = False
        self.head_sent = True
        self.head += data

    #: Nothing to flush: bytes are 'sent' as they are written.  A method of C (called once a
    #: chunk, and a Python call costs more than wsgiref's own work on a small chunk).
    flush = staticmethod(io.BytesIO().flush)

    @property
    def truncated(self):
        """True when more bytes were sent than kept."""
        return self.dropped > 0

    def body_size(self):
        """Bytes of the body sent, kept or not (transfer framing aside)."""
        if self.explicit is None:
            return self.size - len(self.head)
        return sum(end - start for start, end, part, _ in self.explicit if part == "body")

    def payload(self):
        """The body as the client's HTTP library hands it over: the kept wire bytes after
        the head, less any transfer framing."""
        if self.explicit is None:
            return self.data[len(self.head) :]
        return b"".join(
            self.data[start:end] for start, end, part, _ in self.explicit if part == "body"
        )


def segment_runs(wire, chunk_runs):
    """The segments as runs ``(start, part, first seq or None, sizes)``: the head, then the
    body, one segment per chunk event (``Recorder.chunk_runs``) whose bytes were sent; for a
    server that frames the body, each write as it went out (``WireBuffer.explicit``)."""
    if wire.explicit is not None:
        return [(start, part, seq, [end - start]) for start, end, part, seq in wire.explicit]
    runs = [(0, "head", None, [len(wire.head)])] if wire.head_sent else []
    start = len(wire.head)
    for chunk_run in chunk_runs:
        for first, sizes in chunk_run.written():
            runs.append((start, "body", first, sizes))
            start += sum(sizes)
    return runs


def segments(wire, chunk_runs):
    """The segments as the Trace lists them: ``{start, end, part, seq?}``."""
    expanded = []
    for start, part, seq, sizes in segment_runs(wire, chunk_runs):
        for offset, size in enumerate(sizes):
            segment = {"start": start, "end": start + size, "part": part}
            if seq is not None:
                segment["seq"] = seq + offset
            expanded.append(segment)
            start += size
    return expanded


def packed_segments(wire, chunk_runs):
    """The segments in the compact form ``src/trace/unpackTrace.ts`` expands:
    ``{"packing", "runs": [{"start", "part", "seq"?, "n", "size"}]}``, where ``size`` is one
    size for all ``n`` segments or a list of ``n``."""
    runs = []
    for start, part, seq, sizes in segment_runs(wire, chunk_runs):
        run = {"start": start, "part": part}
        if seq is not None:
            run["seq"] = seq
        run["n"] = len(sizes)
        run["size"] = column(sizes)
        runs.append(run)
    return {"packing": PACKING, "runs": runs}
