"""Rendering in a process pool: workers are forked after the site is derived and share it.

Each search index is started as soon as the meeting pages it covers are written, so that
Pagefind runs while the rest of the site is still being rendered.
"""

from __future__ import annotations

import gc
import multiprocessing
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import Any, Protocol

from ..pages.kind import PageJob
from ..pages.render import Renderer

Progress = Callable[[str, int, int], None]
RENDER_CHUNK = 250  # pages per task: large enough to amortise the hand-off
PARALLEL_FROM = 256  # fewer pages than this render faster in one process
WAVE_PAGES = 20_000  # pages per pool of workers (see _render_in_pool)
WAVE_WEIGHT = 25_000  # meetings shown per pool of workers (see _render_in_pool)
CHUNK_WEIGHT = WAVE_WEIGHT // 8  # meetings shown per task, so a wave has tasks for each worker


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


def _waves(chunks: list[tuple[int, int]], weights: Sequence[int]) -> list[list[tuple[int, int]]]:
    """Chunks grouped into waves of at most WAVE_PAGES pages and WAVE_WEIGHT meetings shown
    (a wave has at least one chunk)."""
    waves: list[list[tuple[int, int]]] = [[]]
    pages = weight = 0
    for a, b in chunks:
        w = sum(weights[a:b])
        if waves[-1] and (pages + b - a > WAVE_PAGES or weight + w > WAVE_WEIGHT):
            waves.append([])
            pages = weight = 0
        waves[-1].append((a, b))
        pages += b - a
        weight += w
    return [wave for wave in waves if wave]


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
    """Chunks in job order, handed to a fresh pool for each wave: a forked worker copies each
    shared page of memory it touches (reference counts are writes), so a long-lived worker
    ends up with a copy of the whole site; a fresh one starts with none. A wave is bounded
    in pages and in meetings shown (an index page of a large archive shows thousands), so
    what the workers copy stays bounded too. Group ``n`` is announced once every chunk
    before its end is done."""
    chunks = [c for start, stop in groups for c in _chunks(start, stop, weights)]
    chunks += _chunks(rest, total, weights)
    ends = [stop for _, stop in groups]
    announced = done = 0
    ctx = multiprocessing.get_context("fork")
    gc.freeze()  # the workers' collector then leaves the shared site alone: fewer copied pages
    try:
        for wave in _waves(chunks, weights):
            with ProcessPoolExecutor(min(workers, len(wave)), mp_context=ctx) as pool:
                futures = [(pool.submit(_render_range, a, b), a, b) for a, b in wave]
                for future, a, b in futures:
                    written, unchanged = future.result()
                    sink.written += written
                    sink.unchanged += unchanged
                    done += b - a
                    if progress:
                        progress("render", done, total)
                    while announced < len(ends) and ends[announced] <= b:
                        on_group_done(announced)
                        announced += 1
        while announced < len(ends):
            on_group_done(announced)
            announced += 1
    finally:
        gc.unfreeze()
