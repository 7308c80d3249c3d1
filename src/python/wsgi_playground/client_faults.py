"""A client that misbehaves as real ones do: it goes away part-way through the response, or
reads it slowly.

A browser tab closed mid-download, a ``curl`` stopped with Ctrl-C, a proxy timing out: the
server learns of it when its next write to the socket fails.  CPython's socket raises
``BrokenPipeError`` there, and ``wsgiref.handlers.BaseHandler.run`` expects it ("We expect the
client to close the connection abruptly from time to time"): ``finish_response`` calls the
iterable's ``close()`` and the run ends quietly, with no error response and no log.
"""

import errno
import os
import time


class ClientGone(BrokenPipeError):
    """The error a socket raises on a write once the client has closed the connection."""


class ClientFaults:
    """The faults of one run's client (setting ``disconnectAfter``: bytes of the response it
    reads before it goes away, ``None``: it stays; ``slowClient``: milliseconds it takes to
    read each write of the body, as a full socket buffer makes the server's write wait)."""

    def __init__(self, recorder, disconnect_after, slow_ms=None):
        self.recorder = recorder
        self.disconnect_after = disconnect_after
        self.slow_ms = slow_ms
        self.writing_head = False  # the head's writes never wait: they fit the socket's buffer
        self.gone = None  # the error raised at the first write after the client went away
        self.site_now = lambda: None  # where the server stands (the handler's phase site)

    def before_send(self, sent):
        """Raise ``ClientGone`` for a write that starts after the client went away (a write
        that starts before it went through: the kernel took it, as a socket's buffer would), and
        wait for a slow client before each write of the body."""
        if self.slow_ms and not self.writing_head and self.gone is None:
            time.sleep(self.slow_ms / 1000)
            self.recorder.record(
                "client.wait", "server", self.site_now(), ms=self.slow_ms, sentBytes=sent
            )
        after = self.disconnect_after
        if self.gone is None and after is not None and sent >= after:
            self.gone = ClientGone(errno.EPIPE, os.strerror(errno.EPIPE))
            self.recorder.record(
                "client.disconnect",
                "server",
                self.site_now(),
                afterBytes=after,
                sentBytes=sent,
                error="BrokenPipeError: %s" % self.gone,
            )
        if self.gone is not None:
            raise ClientGone(*self.gone.args)

    def is_fault(self, error):
        """True for the error of a client that went away (no app error, no 500)."""
        return self.gone is not None and isinstance(error, ClientGone)


def client_faults_of(recorder, settings):
    """The run's client faults, or None when the client is well behaved (the fast path)."""
    after, slow = settings.get("disconnectAfter"), settings.get("slowClient")
    return None if after is None and not slow else ClientFaults(recorder, after, slow)
