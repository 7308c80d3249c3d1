"""Sending the response iterable: each chunk recorded with the app's line that produced it.

``send_iterable`` is the hot loop of a streamed body, for the app's own generator or a list:
the chunk's line is the generator's (read from its frame) or the app's ``return``, and no
profile hook runs.  Any other iterator runs Python code in ``next()`` (a library's iterator
around the app's generator, a class's ``__next__``): ``send_watched`` sends it with the
``AppWatch`` on, so each chunk names the project frame that yielded it.
"""

import opcode
import sys
import types
from time import perf_counter_ns

from .chunk_run import ChunkRun
from .recorder import PACE_MASK

YIELD_VALUE = opcode.opmap["YIELD_VALUE"]

#: What ``record_chunk`` returns for a chunk outside any run: the next chunk starts one.
NO_RUN = ChunkRun(0, "yield", "app", None, 0)
NO_RUN.open = False

#: Iterators whose ``next()`` runs no Python code.
PLAIN_ITERATORS = (type(iter([])), type(iter(())))


class ChunkLoop:
    """The part of ``TracingHandler`` that sends the iterable's chunks."""

    def is_plain(self, iterator):
        """True for an iterator whose chunks the hot loop can attribute without a profile
        hook: the app's own generator, or a list's or tuple's."""
        if isinstance(iterator, types.GeneratorType):
            return self.recorder.frames.is_project(iterator.gi_code)
        return type(iterator) in PLAIN_ITERATORS

    def send_iterable(self, result):
        """Send each chunk of ``result`` as ``BaseHandler.finish_response`` does, recording it
        with the line of its ``yield`` (the app's own generator) or of its ``return`` (a list).

        This is the hot loop of a streamed body, so a chunk that extends the open run of
        ``bytes`` chunks is recorded inline, straight into the run's columns (``ChunkRun``);
        ``record_chunk`` takes every other one.
        """
        self.phase = "iterate"
        watched = not self.sending_error_body
        iterator = self.watch.during(iter, result)
        slow = self.per_chunk or self.layers.nested or self.recorder.pause
        if watched and (slow or not self.is_plain(iterator)):
            return self.send_watched(iterator)  # a held run records each chunk as it comes
        self.phase = "next"
        self.watch.returned = None
        try:
            first = self.watch.during(next, iterator)
        except StopIteration:
            return
        if watched and self.layers.nested:  # the first next() called the app it wraps
            return self.send_watched(iterator, (first,))
        recorder, write, reserve = self.recorder, self.write, self.reserve
        preview_bytes, append_time = recorder.preview_bytes, recorder.times.append
        clock = perf_counter_ns
        frames = recorder.frames
        actor = "server" if self.sending_error_body else self.layers.root
        site = None if self.sending_error_body else self.return_site
        # The project generator's frame, when its chunks' lines must be read chunk by chunk
        # (``frame`` None: every chunk has ``site``).
        frame = iterator.gi_frame if isinstance(iterator, types.GeneratorType) else None
        if frame is not None and yield_sites(frame.f_code) == 1:
            frame, site = None, frames.code_site(frame.f_code, frame.f_lineno)
        run = None
        clock_mask = 0  # read the clock for every chunk until recorder.pace() says otherwise
        try:
            run = self.record_chunk(first, run, actor, frame, site)
            try:
                write(first)
            except BaseException:
                self.chunk_not_sent(run, frame, site)
                raise
            left, append_line = run.room - 1, run.lines.append
            append_preview = run.previews.append
            for data in iterator:
                if left and type(data) is bytes and run.open:
                    left -= 1
                    if left & clock_mask:
                        append_time(0)  # not read: interpolated (see recorder.PACE)
                    else:
                        append_time(clock())
                        if not left & PACE_MASK:
                            clock_mask = recorder.pace()
                            reserve(0)
                    if frame is not None:
                        append_line(frame.f_lasti)
                    if len(data) > preview_bytes:
                        run.big[len(run.previews)] = len(data)
                        append_preview(data[:preview_bytes])
                        reserve(len(data))
                    else:
                        append_preview(data)
                else:
                    run = self.record_chunk(data, run, actor, frame, site)
                    left, append_line = run.room - 1, run.lines.append
                    append_preview = run.previews.append
                try:
                    write(data)
                except BaseException:
                    self.chunk_not_sent(run, frame, site)
                    raise
        except BaseException:
            if self.phase == "next" and run is not None and run.previews:
                line = run.line_of(len(run.previews) - 1)
                self.phase_site = None if line is None else (line, run.file, None)
            raise
        finally:
            if run is not None:
                self.chunks += len(run.previews)

    def chunk_not_sent(self, run, frame, site):
        """The write of the chunk just recorded raised: it was never sent (no wire segment)."""
        self.phase = "send"
        self.phase_site = site if frame is None else self.frame_site(frame)
        if run.previews:
            run.unwritten.add(len(run.previews) - 1)

    def record_chunk(self, data, run, actor, frame, site):
        """Record a chunk the loop cannot add to the open run: the first of a run, one that is
        not ``bytes`` (its write will fail), or one past the event limit (this raises)."""
        recorder = self.recorder
        if run is not None:
            self.chunks += len(run.previews)
        self.phase_site = site = site if frame is None else self.frame_site(frame)
        if type(data) is not bytes:
            recorder.record("yield", actor, site, index=self.chunks, **recorder.chunk(data))
            self.chunks += 1
            return NO_RUN
        line, file, _ = site or (None, None, None)
        if frame is None:
            run = recorder.open_run("yield", actor, self.chunks, line=line, file=file)
        else:
            run = recorder.open_run("yield", actor, self.chunks, code=frame.f_code, file=file)
        recorder.times.append(perf_counter_ns())
        run.add(None if frame is None else frame.f_lasti, data, recorder.preview_bytes)
        self.reserve(len(data))
        return run

    def frame_site(self, frame):
        """The site of a project generator's frame where it is now (its last ``yield``)."""
        return self.recorder.frames.code_site(frame.f_code, frame.f_lineno)

    def reserve(self, size):
        """Before sending ``size`` bytes, and up to ``PACE`` small chunks after them (the chunk
        loop checks again within that many): pick the wire's fastest write that keeps its cap."""
        self._write = self.wire.writer(size + self.margin)

    def send_watched(self, iterator, first=()):
        """Send each chunk (after ``first``, the one already taken) of an iterator whose
        ``next()`` runs code that is not the app's generator, or of any iterator when there
        are layers: the hook stays on, each chunk is recorded with the project frame that
        yielded it (else the app's ``return``) and the frames it came through."""
        watch, root = self.watch, self.layers.root
        self.phase = "next"
        for data in first:
            self.send_chunk(data, root, watch.chunk_site() or self.return_site)
        previous = sys.getprofile()
        sys.setprofile(watch.profile)  # on for the loop: switching it a chunk costs more
        try:
            while True:
                watch.returned = None
                try:
                    data = next(iterator)
                except StopIteration:
                    return
                site = watch.chunk_site() or self.return_site
                watch.unwatched(self.send_chunk, data, root, site)
        finally:
            sys.setprofile(previous)

    def send_chunk(self, data, actor, site):
        """Record one chunk of ``send_watched`` and send it (the slow path: a call a chunk)."""
        recorder = self.recorder
        self.phase_site = site
        if type(data) is bytes:
            seq = recorder.record_bytes("yield", actor, site, data, index=self.chunks)
            self.reserve(len(data))
        else:
            seq = recorder.record("yield", actor, site, index=self.chunks, **recorder.chunk(data))
        self.chunks += 1
        self.wire.seq = seq
        try:
            self.write_chunk(data)
        except BaseException:
            self.phase = "send"
            recorder.mark_unwritten(seq)
            raise


def yield_sites(code):
    """The number of places in ``code`` where it yields (``YIELD_VALUE`` instructions)."""
    return code.co_code[::2].count(YIELD_VALUE)
