"""Both cores give the same site as one, and builds are byte-for-byte repeatable."""

from __future__ import annotations

import hashlib
from datetime import date
from pathlib import Path

import pytest

from generator.build.pipeline import BuildOptions, build
from generator.build.pool import PARALLEL_FROM

from conftest import SiteFactory
from corpus import meeting_files


def digest(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and "pagefind" not in p.parts
    }


def test_pool_build_equals_single_process_build(tmp_site: SiteFactory, tmp_path: Path) -> None:
    root = tmp_site(meeting_files(300))
    one = build(
        BuildOptions(
            source=root, output=tmp_path / "one", jobs=1, search=False, today=date(2024, 1, 1)
        )
    )
    two = build(
        BuildOptions(
            source=root, output=tmp_path / "two", jobs=2, search=False, today=date(2024, 1, 1)
        )
    )
    assert one.pages == two.pages >= PARALLEL_FROM  # large enough for the pool
    assert digest(tmp_path / "one") == digest(tmp_path / "two")


def test_two_clean_builds_are_identical(tmp_site: SiteFactory, tmp_path: Path) -> None:
    root = tmp_site(meeting_files(20))
    for name in ("a", "b"):
        build(BuildOptions(source=root, output=tmp_path / name, today=date(2024, 1, 1)))
    assert digest(tmp_path / "a") == digest(tmp_path / "b")


def count_workers(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """A list that grows by one for each render worker forked."""
    import generator.build.pool

    forks: list[int] = []
    real = generator.build.pool._Worker

    def counted(*args: object, **kwargs: object) -> object:
        forks.append(1)
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(generator.build.pool, "_Worker", counted)
    return forks


def test_fresh_workers_in_batches_give_the_same_site(
    tmp_site: SiteFactory, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Workers are replaced every BATCH_PAGES pages (bounded copied memory); the site and its
    search indexes (each started when its pages are done) are the same."""
    import generator.build.pool

    root = tmp_site(meeting_files(300))
    build(BuildOptions(source=root, output=tmp_path / "one", jobs=1, today=date(2024, 1, 1)))
    RENDER_CHUNK = 150  # the pool's, smaller: 300 meetings are ~450 pages now
    monkeypatch.setattr(generator.build.pool, "RENDER_CHUNK", RENDER_CHUNK)
    monkeypatch.setattr(generator.build.pool, "BATCH_PAGES", RENDER_CHUNK)
    forks = count_workers(monkeypatch)
    waves = build(
        BuildOptions(source=root, output=tmp_path / "waves", jobs=2, today=date(2024, 1, 1))
    )
    assert len(forks) >= -(-waves.pages // RENDER_CHUNK) > 2  # a worker per chunk here
    assert digest(tmp_path / "one") == digest(tmp_path / "waves")
    indexes = sorted(p.name for p in (tmp_path / "one" / "pagefind").iterdir() if p.is_dir())
    assert indexes and indexes == sorted(
        p.name for p in (tmp_path / "waves" / "pagefind").iterdir() if p.is_dir()
    )
    for name in indexes:
        assert (tmp_path / "waves" / "pagefind" / name / "pagefind-entry.json").is_file()


def test_chunks_and_batches_are_bounded_by_meetings_shown(monkeypatch: pytest.MonkeyPatch) -> None:
    """An index page of a large archive shows thousands of meetings: chunks and batches are
    cut by meetings shown as well as by pages, so a worker copies a bounded part of the
    site."""
    import generator.build.pool as pool

    monkeypatch.setattr(pool, "CHUNK_WEIGHT", 10)
    monkeypatch.setattr(pool, "BATCH_WEIGHT", 25)
    weights = [1] * 30 + [40] + [3] * 10 + [1] * 300
    chunks = pool._chunks(0, len(weights), weights)
    assert [a for a, _ in chunks] == [0] + [b for _, b in chunks[:-1]]  # contiguous, in order
    assert chunks[-1][1] == len(weights)
    for a, b in chunks:
        assert b - a <= pool.RENDER_CHUNK
        assert sum(weights[a:b]) <= 10 or b - a == 1  # one page may show more on its own
    assert (30, 31) in chunks
    batches = pool._batches(chunks, weights)
    assert [c for batch in batches for c in batch] == chunks
    for batch in batches:
        shown = sum(sum(weights[a:b]) for a, b in batch)
        assert shown <= 25 or len(batch) == 1


def test_batches_by_meetings_shown_give_the_same_site(
    tmp_site: SiteFactory, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import generator.build.pool

    root = tmp_site(meeting_files(120))
    build(
        BuildOptions(
            source=root, output=tmp_path / "one", jobs=1, today=date(2024, 1, 1), search=False
        )
    )
    monkeypatch.setattr(generator.build.pool, "CHUNK_WEIGHT", 20)
    monkeypatch.setattr(generator.build.pool, "BATCH_WEIGHT", 60)
    monkeypatch.setattr(generator.build.pool, "PARALLEL_FROM", 1)  # ~200 pages: in a pool too
    forks = count_workers(monkeypatch)
    build(
        BuildOptions(
            source=root, output=tmp_path / "waves", jobs=2, today=date(2024, 1, 1), search=False
        )
    )
    assert len(forks) > 10
    assert digest(tmp_path / "one") == digest(tmp_path / "waves")
