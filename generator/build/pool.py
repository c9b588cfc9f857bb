"""Rendering in a process pool: workers are forked after the site is derived and share it.

Each search index is started as soon as the meeting pages it covers are written, so that
Pagefind runs while the rest of the site is still being rendered.
"""

from __future__ import annotations

import gc
import multiprocessing
import traceback
from collections import deque
from collections.abc import Callable, Sequence
from multiprocessing.connection import Connection, wait
from typing import Any, Protocol

from ..pages.kind import PageJob
from ..pages.render import Renderer

Progress = Callable[[str, int, int], None]
RENDER_CHUNK = 250  # pages per task: large enough to amortise the hand-off
PARALLEL_FROM = 256  # fewer pages than this render faster in one process
BATCH_PAGES = 10_000  # pages per forked worker (see _render_in_pool)
BATCH_WEIGHT = 12_500  # meetings shown per forked worker (see _render_in_pool)
CHUNK_WEIGHT = BATCH_WEIGHT // 4  # meetings shown per chunk: progress within a batch


class Sink(Protocol):
    """Where rendered files go: a Staging folder or a Patch."""

    written: int
    unchanged: int

    def write(self, rel: str, data: bytes) -> None: ...


_state: tuple[Renderer, Sequence[PageJob[Any]], Sink] | None = None


def _render_range(start: int, stop: int) -> tuple[int, int]:
    """Render jobs[start:stop] into the sink (in a worker); (written, unchanged)."""
    assert _state is not None
    renderer, jobs, sink = _state
    before = (sink.written, sink.unchanged)
    for job in jobs[start:stop]:
        out = renderer.run(job)
        sink.write(out.path, out.data)
    return sink.written - before[0], sink.unchanged - before[1]


def _chunks(start: int, stop: int, weights: Sequence[int]) -> list[tuple[int, int]]:
    """Runs of jobs[start:stop] of at most RENDER_CHUNK pages and, unless one page alone
    shows more, CHUNK_WEIGHT meetings."""
    chunks: list[tuple[int, int]] = []
    first, weight = start, 0
    for i in range(start, stop):
        if i > first and (i - first == RENDER_CHUNK or weight + weights[i] > CHUNK_WEIGHT):
            chunks.append((first, i))
            first, weight = i, 0
        weight += weights[i]
    if stop > first:
        chunks.append((first, stop))
    return chunks


def _batches(chunks: list[tuple[int, int]], weights: Sequence[int]) -> list[list[tuple[int, int]]]:
    """Chunks grouped into batches of at most BATCH_PAGES pages and BATCH_WEIGHT meetings
    shown (a batch has at least one chunk)."""
    batches: list[list[tuple[int, int]]] = [[]]
    pages = weight = 0
    for a, b in chunks:
        w = sum(weights[a:b])
        if batches[-1] and (pages + b - a > BATCH_PAGES or weight + w > BATCH_WEIGHT):
            batches.append([])
            pages = weight = 0
        batches[-1].append((a, b))
        pages += b - a
        weight += w
    return [batch for batch in batches if batch]


def render_jobs(
    renderer: Renderer,
    jobs: Sequence[PageJob[Any]],
    groups: Sequence[tuple[int, int]],
    on_group_done: Callable[[int], None],
    sink: Sink,
    workers: int,
    progress: Progress | None,
) -> list[str]:
    """Render ``jobs`` into ``sink``; ``groups`` are (start, stop) runs whose completion is
    announced by index through ``on_group_done`` (jobs after the last group are the rest).
    Returns the output paths in job order."""
    global _state  # handed to forked workers; never changed while they run
    total = len(jobs)
    rest = groups[-1][1] if groups else 0
    _state = (renderer, jobs, sink)
    try:
        if workers == 1 or total < PARALLEL_FROM:
            for n, (start, stop) in enumerate(groups):
                _render_range(start, stop)
                on_group_done(n)
            _render_range(rest, total)
        else:
            weights = [job.kind.weight(job) for job in jobs]  # each kind weighs its pages
            _render_in_pool(groups, rest, total, on_group_done, sink, workers, progress, weights)
    finally:
        _state = None
    if progress:
        progress("render", total, total)
    return [job.output for job in jobs]


def _render_batch(batch: list[tuple[int, int]], conn: Connection) -> None:
    """Render a batch of chunks (in a forked worker), reporting each chunk as it is done:
    (start, stop, written, unchanged), or the error that stopped it."""
    try:
        for a, b in batch:
            conn.send((a, b, *_render_range(a, b)))
    except BaseException as error:  # handed to the parent, which raises it
        try:
            conn.send(error)
        except Exception:  # an error that cannot be pickled: its text
            conn.send(RuntimeError("".join(traceback.format_exception(error))))
    finally:
        conn.close()


class _Worker:
    """A forked process rendering one batch, and the end of its pipe."""

    def __init__(self, ctx: Any, batch: list[tuple[int, int]]) -> None:
        self.conn, theirs = ctx.Pipe(duplex=False)
        self.process = ctx.Process(target=_render_batch, args=(batch, theirs), daemon=True)
        self.process.start()
        theirs.close()
        self.left = len(batch)

    def receive(self) -> tuple[int, int, int, int]:
        """The next chunk done, or the worker's error."""
        try:
            message = self.conn.recv()
        except EOFError:
            self.process.join()
            raise RuntimeError(
                f"a render worker stopped (exit code {self.process.exitcode})"
            ) from None
        if isinstance(message, BaseException):
            raise message
        self.left -= 1
        assert isinstance(message, tuple)
        return message

    def close(self) -> None:
        self.conn.close()
        self.process.join()

    def kill(self) -> None:
        self.process.kill()
        self.close()


def _render_in_pool(
    groups: Sequence[tuple[int, int]],
    rest: int,
    total: int,
    on_group_done: Callable[[int], None],
    sink: Sink,
    workers: int,
    progress: Progress | None,
    weights: Sequence[int],
) -> None:
    """Chunks in job order, in batches, each rendered by a freshly forked worker: a forked
    worker copies each shared page of memory it touches (reference counts are writes), so a
    long-lived worker ends up with a copy of the whole site; a fresh one starts with none. A
    batch is bounded in pages and in meetings shown (an index page of a large archive shows
    thousands), so what each worker copies stays bounded too. When a worker is done, the
    next batch is forked at once: no worker waits for another (with pools in waves, each
    wave waited for its slowest chunk). Group ``n`` is announced once every chunk before its
    end is done."""
    chunks = [c for start, stop in groups for c in _chunks(start, stop, weights)]
    chunks += _chunks(rest, total, weights)
    ends = [stop for _, stop in groups]
    pending = deque(_batches(chunks, weights))
    open_starts = sorted(a for a, _ in chunks)  # chunks not yet done, by start
    announced = done = 0
    ctx = multiprocessing.get_context("fork")
    running: list[_Worker] = []
    gc.freeze()  # the workers' collector then leaves the shared site alone: fewer copied pages
    try:
        while pending or running:
            while pending and len(running) < workers:
                running.append(_Worker(ctx, pending.popleft()))
            ready = wait([w.conn for w in running])
            for worker in [w for w in running if w.conn in ready]:
                a, b, written, unchanged = worker.receive()
                sink.written += written
                sink.unchanged += unchanged
                done += b - a
                open_starts.remove(a)
                if progress:
                    progress("render", done, total)
                first_open = open_starts[0] if open_starts else total
                while announced < len(ends) and ends[announced] <= first_open:
                    on_group_done(announced)
                    announced += 1
                if worker.left == 0:
                    worker.close()
                    running.remove(worker)
        while announced < len(ends):
            on_group_done(announced)
            announced += 1
    finally:
        for worker in running:
            worker.kill()
        gc.unfreeze()
