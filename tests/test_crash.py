"""Crash-safe output: a build killed at any moment leaves the previous site complete and
unchanged (or, killed while moving a finished patch into place, completed by the next
build); two builds at once take turns."""

from __future__ import annotations

import contextlib
import hashlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import SiteFactory
from corpus import meeting_files

COMMAND = [sys.executable, "-m", "generator.cli", "build", "--no-search", "--today",
           "2024-06-01"]


def digest(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def run(root: Path, *extra: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([*COMMAND, "--source", str(root), *extra], capture_output=True,
                          check=False)


def kill_after(root: Path, seconds: float, *extra: str) -> int:
    proc = subprocess.Popen([*COMMAND, "--source", str(root), *extra],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            start_new_session=True)
    time.sleep(seconds)
    with contextlib.suppress(ProcessLookupError):  # it may have finished already
        os.killpg(proc.pid, signal.SIGKILL)  # the build and its workers, mid-flight
    return proc.wait()


@pytest.fixture
def big_site(tmp_site: SiteFactory) -> Path:
    root = tmp_site(meeting_files(800))
    assert run(root).returncode == 0
    return root


@pytest.mark.slow
@pytest.mark.parametrize("delay", [0.2, 0.5, 0.8, 1.1, 1.4])
def test_killed_cold_build_leaves_previous_output(big_site: Path, delay: float) -> None:
    out = big_site / "_site"
    before = digest(out)
    for path in sorted((big_site / "content").rglob("*.md"))[::7]:
        path.write_text(path.read_text().replace("Bifall.", "Bifall med ändring."))
    clean = big_site.parent / "clean"
    assert run(big_site, "--no-cache", "--output", str(clean)).returncode == 0
    after = digest(clean)
    code = kill_after(big_site, delay, "--no-cache")
    if code == 0:
        pytest.skip("the build finished before it could be killed")
    # killed: the old site, whole; or, if the swap was already done, the new one, whole
    assert digest(out) in (before, after)
    assert run(big_site).returncode == 0
    assert digest(out) == after
    assert not [p for p in big_site.iterdir() if p.name.startswith("._site.")
                and p.name != "._site.lock"]


@pytest.mark.slow
@pytest.mark.parametrize("delay", [0.3, 0.8, 1.5])
def test_killed_incremental_build_is_unchanged_or_completed(big_site: Path,
                                                            delay: float) -> None:
    out = big_site / "_site"
    before = digest(out)
    for path in sorted((big_site / "content").rglob("*.md"))[::3]:
        path.write_text(path.read_text().replace("Bifall.", "Bifall efter omröstning."))
    code = kill_after(big_site, delay)
    journal = big_site / "._site.journal"
    if code != 0 and not journal.exists():
        assert digest(out) == before
    assert run(big_site).returncode == 0
    clean = big_site.parent / "clean"
    assert run(big_site, "--no-cache", "--output", str(clean)).returncode == 0
    assert digest(out) == digest(clean)


def test_two_builds_at_once_take_turns(tmp_site: SiteFactory) -> None:
    root = tmp_site(meeting_files(120))
    procs = [subprocess.Popen([*COMMAND, "--source", str(root)], stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE) for _ in range(2)]
    results = [p.communicate() for p in procs]
    assert [p.returncode for p in procs] == [0, 0], results
    clean = root.parent / "clean"
    assert run(root, "--no-cache", "--output", str(clean)).returncode == 0
    assert digest(root / "_site") == digest(clean)
