"""Crash-safe output: a build killed at any point leaves the previous site complete and
unchanged, or the new one complete, and the next build puts everything right; two builds at
once take turns.

No test waits for a guessed moment: the build is started with MINUTES_TEST_KILL_AT, and
kills itself (with its workers: SIGKILL to its process group) at a named point: while it
writes files ('write:N', in whichever process writes its N-th), once everything is staged
('staged'), while a patch is moved in file by file ('apply:N') or cloned ('clone:N', then
'cloned'), and after the switch but before it exits ('switched')."""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from generator.build.cache import Cache
from generator.build.footprint import measure
from generator.build.write import TEST_HOOK, TEST_SWAP_FROM, sibling, tidy

from conftest import SiteFactory
from corpus import meeting_files

COMMAND = [sys.executable, "-m", "generator.cli", "build", "--no-search", "--today", "2024-06-01"]


def digest(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def tree(folder: Path) -> dict[str, tuple[str, int, int]]:
    """Every file's hash, mtime and inode: the very same files, untouched."""
    return {
        p.relative_to(folder).as_posix(): (
            hashlib.sha256(p.read_bytes()).hexdigest(),
            p.stat().st_mtime_ns,
            p.stat().st_ino,
        )
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def run(
    root: Path, *extra: str, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [*COMMAND, "--source", str(root), *extra],
        capture_output=True,
        check=False,
        env={**os.environ, **(env or {})},
        start_new_session=True,
    )  # a kill takes its process group only


def killed_at(root: Path, stage: str, *extra: str, env: dict[str, str] | None = None) -> None:
    """Run a build that kills itself at ``stage``; it must have got there."""
    done = run(root, *extra, env={TEST_HOOK: stage, **(env or {})})
    assert done.returncode == -signal.SIGKILL, (stage, done.returncode, done.stderr[-2000:])


def leftovers(output: Path) -> list[str]:
    return sorted(
        p.name
        for p in output.parent.iterdir()
        if p.name.startswith(f".{output.name}.") and p.name != f".{output.name}.lock"
    )


def expected(root: Path, tmp_path: Path) -> dict[str, str]:
    """A clean build of the content as it is now, elsewhere."""
    clean = tmp_path / "clean"
    assert run(root, "--no-cache", "--output", str(clean)).returncode == 0
    found = digest(clean)
    subprocess.run(["rm", "-rf", str(clean)], check=True)
    return found


def check_kills(
    root: Path, tmp_path: Path, stages: list[str], *extra: str, env: dict[str, str] | None = None
) -> None:
    """Kill a build at each stage in turn: before the switch the output is the very same as
    before (after a patch cut short while moved in, once the next build has rolled it
    back), after it the new site whole; a build then gives what a clean build gives."""
    out = root / "_site"
    before = tree(out)
    new = expected(root, tmp_path)
    for stage in stages:
        killed_at(root, stage, *extra, env=env)
        if stage == "switched":
            assert digest(out) == new, stage
            continue
        if stage.startswith("apply"):  # the window: files moved in one by one, then rolled back
            assert sibling(out, "journal").exists()
            tidy(out)  # what the next build does first
        assert tree(out) == before, stage
    assert run(root, *extra).returncode == 0
    assert digest(out) == new
    assert leftovers(out) == []
    if "--no-cache" not in extra:  # the summary's figure, kept for the next build, is true
        assert Cache(root, out).load_state().footprint == measure(out)


@pytest.fixture
def built(tmp_site: SiteFactory) -> Path:
    root = tmp_site(meeting_files(100))  # 319 pages: rendered by the pool of workers
    assert run(root).returncode == 0
    return root


@pytest.mark.slow
def test_killed_cold_build(built: Path, tmp_path: Path) -> None:
    for path in sorted((built / "content").rglob("*.md"))[::7]:
        path.write_text(path.read_text().replace("Bifall.", "Bifall med ändring."))
    check_kills(built, tmp_path, ["write:30", "staged", "switched"], "--no-cache")


@pytest.mark.slow
def test_killed_build_of_a_few_pages(tmp_site: SiteFactory, tmp_path: Path) -> None:
    root = tmp_site(meeting_files(30))
    assert run(root).returncode == 0
    files = sorted((root / "content").rglob("*.md"))
    for path in files[::9]:
        path.write_text(path.read_text().replace("Bifall.", "Bifall efter omröstning."))
    files[4].unlink()
    check_kills(root, tmp_path, ["write:0", "staged", "apply:0", "apply:3", "switched"])


@pytest.mark.slow
def test_killed_build_that_redoes_every_page(built: Path, tmp_path: Path) -> None:
    """A new site title: every page redone, put in place through a swapped clone (a
    smaller limit here, so that a small site takes that way too)."""
    (built / "site.toml").write_text('title = "Ny titel"\nlanguage = "sv"\n')
    check_kills(
        built,
        tmp_path,
        ["write:40", "staged", "clone:50", "cloned", "switched"],
        env={TEST_SWAP_FROM: "100"},
    )


def test_killed_after_the_switch_the_next_build_starts_afresh(
    tmp_site: SiteFactory, tmp_path: Path
) -> None:
    """Killed after its patch went in but before it recorded so, a build leaves a cache
    that describes the output before it: the next build does not trust it."""
    root = tmp_site(meeting_files(12))
    assert run(root).returncode == 0
    new = root / "content/kommunstyrelsen/2030/2030-01-01.md"
    new.parent.mkdir(parents=True)
    new.write_text("---\nbody: Kommunstyrelsen\ndate: 2030-01-01\nstatus: planned\n---\n")
    killed_at(root, "switched")
    assert (root / "_site/kommunstyrelsen/2030-01-01/index.html").is_file()
    new.unlink()  # as it was when the cache was written
    assert run(root).returncode == 0
    assert not (root / "_site/kommunstyrelsen/2030-01-01/index.html").exists()
    assert digest(root / "_site") == expected(root, tmp_path)


def test_two_builds_at_once_take_turns(tmp_site: SiteFactory) -> None:
    root = tmp_site(meeting_files(120))
    procs = [
        subprocess.Popen(
            [*COMMAND, "--source", str(root)], stdout=subprocess.PIPE, stderr=subprocess.PIPE
        )
        for _ in range(2)
    ]
    results = [p.communicate() for p in procs]
    assert [p.returncode for p in procs] == [0, 0], results
    clean = root.parent / "clean"
    assert run(root, "--no-cache", "--output", str(clean)).returncode == 0
    assert digest(root / "_site") == digest(clean)
