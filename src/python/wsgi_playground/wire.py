"""The client's side of the connection: every byte the server sends, with where it came from."""


class WireBuffer:
    """A write-only byte stream standing in for the socket (``SimpleHandler.stdout``).

    Keeps up to ``max_bytes`` of the response (counts stay exact beyond it) and a list of
    segments, each naming the part it belongs to (``head`` or ``body``) and the event that
    produced it.
    """

    def __init__(self, max_bytes):
        self.max_bytes = max_bytes
        self.data = bytearray()
        self.head = bytearray()
        self.size = 0
        self.part = "head"
        self.seq = None
        self.segments = []

    def write(self, data):
        """Take ``data`` whole, as a socket's sendall would (wsgiref expects no partial writes)."""
        start = self.size
        self.size += len(data)
        room = self.max_bytes - len(self.data)
        if room > 0:
            self.data += data[:room]
        if self.part == "head":
            self.head += data
        last = self.segments[-1] if self.segments else None
        if last and last["part"] == self.part and last.get("seq") == self.seq:
            last["end"] = self.size
        else:
            segment = {"start": start, "end": self.size, "part": self.part}
            if self.seq is not None:
                segment["seq"] = self.seq
            self.segments.append(segment)
        return len(data)

    def flush(self):
        """Nothing to flush: bytes are 'sent' as they are written."""

    @property
    def truncated(self):
        """True when more bytes were sent than kept."""
        return self.size > len(self.data)
