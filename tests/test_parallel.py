"""Both cores give the same site as one, and builds are byte-for-byte repeatable."""

from __future__ import annotations

import hashlib
from datetime import date
from pathlib import Path

import pytest

from generator.build import BuildOptions, build
from generator.pool import PARALLEL_FROM

from conftest import SiteFactory
from corpus import meeting_files


def digest(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file() and "pagefind" not in p.parts}


def test_pool_build_equals_single_process_build(tmp_site: SiteFactory, tmp_path: Path) -> None:
    root = tmp_site(meeting_files(300))
    one = build(BuildOptions(source=root, output=tmp_path / "one", jobs=1, search=False,
                             today=date(2024, 1, 1)))
    two = build(BuildOptions(source=root, output=tmp_path / "two", jobs=2, search=False,
                             today=date(2024, 1, 1)))
    assert one.pages == two.pages >= PARALLEL_FROM  # large enough for the pool
    assert digest(tmp_path / "one") == digest(tmp_path / "two")


def test_two_clean_builds_are_identical(tmp_site: SiteFactory, tmp_path: Path) -> None:
    root = tmp_site(meeting_files(20))
    for name in ("a", "b"):
        build(BuildOptions(source=root, output=tmp_path / name, today=date(2024, 1, 1)))
    assert digest(tmp_path / "a") == digest(tmp_path / "b")


def test_fresh_pools_in_waves_give_the_same_site(tmp_site: SiteFactory, tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """Workers are replaced every WAVE_PAGES pages (bounded copied memory); the site and its
    search indexes (each started when its pages are done) are the same."""
    import generator.pool
    from generator.pool import RENDER_CHUNK

    root = tmp_site(meeting_files(300))
    build(BuildOptions(source=root, output=tmp_path / "one", jobs=1, today=date(2024, 1, 1)))
    forks: list[int] = []
    real = generator.pool.ProcessPoolExecutor

    def counted(*args: object, **kwargs: object) -> object:
        forks.append(1)
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(generator.pool, "WAVE_PAGES", RENDER_CHUNK)
    monkeypatch.setattr(generator.pool, "ProcessPoolExecutor", counted)
    waves = build(BuildOptions(source=root, output=tmp_path / "waves", jobs=2,
                               today=date(2024, 1, 1)))
    assert len(forks) >= -(-waves.pages // RENDER_CHUNK) > 2  # a pool per chunk here
    assert digest(tmp_path / "one") == digest(tmp_path / "waves")
    indexes = sorted(p.name for p in (tmp_path / "one" / "pagefind").iterdir() if p.is_dir())
    assert indexes and indexes == sorted(
        p.name for p in (tmp_path / "waves" / "pagefind").iterdir() if p.is_dir())
    for name in indexes:
        assert (tmp_path / "waves" / "pagefind" / name / "pagefind-entry.json").is_file()
