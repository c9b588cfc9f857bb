"""The render pool on its own: every page rendered once by forked workers, search groups
announced only when their pages are written, and a worker's failure stops the build with
its error (never a page silently missing)."""

from __future__ import annotations

import os
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

import generator.build.pool as pool


@dataclass(frozen=True)
class FakeKind:
    weights: dict[str, int]

    def weight(self, job: FakeJob) -> int:
        return self.weights.get(job.path, 1)


@dataclass(frozen=True)
class FakeJob:
    kind: FakeKind
    path: str

    @property
    def output(self) -> str:
        return self.path


@dataclass(frozen=True)
class Out:
    path: str
    data: bytes


@dataclass
class FakeRenderer:
    """Renders a job to its own path; ``fail`` names a path and how it fails there."""

    fail: dict[str, str] = field(default_factory=dict)

    def run(self, job: FakeJob) -> Out:
        how = self.fail.get(job.path)
        if how == "raise":
            raise ValueError(f"no template for {job.path}")
        if how == "unpicklable":
            raise Unpicklable(job.path)
        if how == "die":
            os._exit(7)
        return Out(job.path, job.path.encode())


class Unpicklable(Exception):
    def __init__(self, path: str) -> None:
        super().__init__(f"cannot render {path}")
        self.lock = threading.Lock()  # pickling this error fails

    def __reduce__(self) -> Any:
        raise TypeError("not pickled")


@dataclass
class FolderSink:
    """Writes into a folder (as Staging does: files, so forked workers' writes are seen)."""

    root: Path
    written: int = 0
    unchanged: int = 0

    def write(self, rel: str, data: bytes) -> None:
        (self.root / rel).write_bytes(data)
        self.written += 1


def jobs_of(n: int, weights: dict[str, int] | None = None) -> list[FakeJob]:
    kind = FakeKind(weights or {})
    return [FakeJob(kind, f"p{i:04d}") for i in range(n)]


@pytest.fixture
def small_batches(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pool, "PARALLEL_FROM", 1)
    monkeypatch.setattr(pool, "RENDER_CHUNK", 7)
    monkeypatch.setattr(pool, "CHUNK_WEIGHT", 10)
    monkeypatch.setattr(pool, "BATCH_PAGES", 20)
    monkeypatch.setattr(pool, "BATCH_WEIGHT", 30)


def test_every_page_once_and_groups_only_after_their_pages(
    small_batches: None, tmp_path: Path
) -> None:
    jobs = jobs_of(300, {"p0100": 200, "p0101": 45, "p0250": 31})  # a batch of one chunk each
    groups = [(0, 40), (40, 41), (41, 150), (150, 260)]
    sink = FolderSink(tmp_path)
    announced: list[tuple[int, set[str]]] = []
    weights = [j.kind.weight(j) for j in jobs]
    chunks = [c for a, b in [*groups, (260, 300)] for c in pool._chunks(a, b, weights)]
    assert len(pool._batches(chunks, weights)) > 10  # as many forked workers

    def on_group_done(n: int) -> None:
        announced.append((n, {p.name for p in tmp_path.iterdir()}))

    outputs = pool.render_jobs(
        FakeRenderer(),
        jobs,
        groups,
        on_group_done,
        sink,
        2,
        None,  # type: ignore[arg-type]
    )
    assert outputs == [j.path for j in jobs]
    assert sorted(p.name for p in tmp_path.iterdir()) == [j.path for j in jobs]
    assert sink.written == len(jobs) and sink.unchanged == 0
    assert [n for n, _ in announced] == [0, 1, 2, 3]
    for n, present in announced:  # a group's pages were all on disk when it was announced
        assert {j.path for j in jobs[groups[n][0] : groups[n][1]]} <= present


@pytest.mark.parametrize(
    ("how", "error", "text"),
    [
        ("raise", ValueError, "no template for p0123"),
        ("unpicklable", RuntimeError, "cannot render p0123"),
        ("die", RuntimeError, "exit code 7"),
    ],
)
def test_a_failing_worker_stops_the_render_with_its_error(
    small_batches: None, tmp_path: Path, how: str, error: type[Exception], text: str
) -> None:
    jobs = jobs_of(300)
    with pytest.raises(error, match=text):
        pool.render_jobs(
            FakeRenderer({"p0123": how}),  # type: ignore[arg-type]
            jobs,  # type: ignore[arg-type]
            [(0, 300)],
            lambda n: pytest.fail("a group with a failed page was announced"),
            FolderSink(tmp_path),
            2,
            None,
        )
    assert not [p for p in pool.multiprocessing.active_children()]  # no worker left behind
