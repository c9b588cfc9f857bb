"""Both cores give the same site as one, and builds are byte-for-byte repeatable."""

from __future__ import annotations

import hashlib
from datetime import date
from pathlib import Path

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
