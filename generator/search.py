"""The Pagefind adapter: the written meeting pages → static search indexes.

Pagefind's binary holds a whole index in memory (about half a megabyte per page), so a large
archive is indexed as several indexes, each a run of years small enough to index within
bounded memory, merged again in the browser with Pagefind's ``mergeIndex``. Indexing a
run starts as soon as its pages are written, while the rest of the site is rendered.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

MAX_PAGES_PER_INDEX = 2000  # ~1 GiB of Pagefind memory; keeps one process under 1.5 GiB
INDEX_ROOT = "pagefind"


class SearchIndexError(Exception):
    """Pagefind failed; the message carries what it printed."""


@dataclass(frozen=True, slots=True)
class Partition:
    """A run of years indexed together into ``pagefind/<first>-<last>/``."""

    years: tuple[int, ...]

    @property
    def name(self) -> str:
        """The index's folder name."""
        return f"{self.years[0]}-{self.years[-1]}"

    @property
    def path(self) -> str:
        """The index's folder, relative to the site root (ends with '/')."""
        return f"{INDEX_ROOT}/{self.name}/"

    @property
    def glob(self) -> str:
        """The meeting pages of these years: their folders start with the date."""
        years = ",".join(str(y) for y in self.years)
        return f"**/{{{years}}}-*/index.html" if len(self.years) > 1 else f"**/{years}-*/index.html"


def plan_partitions(years: Iterable[int], limit: int = MAX_PAGES_PER_INDEX
                    ) -> tuple[Partition, ...]:
    """Consecutive years grouped so that no index holds more than ``limit`` pages (a single
    year larger than that is one index of its own). Newest first: the first is primary."""
    counts = Counter(years)
    runs: list[list[int]] = []
    size = 0
    for year in sorted(counts):
        if runs and size + counts[year] <= limit:
            runs[-1].append(year)
            size += counts[year]
        else:
            runs.append([year])
            size = counts[year]
    return tuple(Partition(tuple(run)) for run in reversed(runs))


def _command(site_dir: Path, partition: Partition, language: str,
             into: Path | None = None) -> list[str]:
    where = (["--output-path", str(into)] if into is not None
             else ["--output-subdir", partition.path.rstrip("/")])
    return [sys.executable, "-m", "pagefind", "--site", str(site_dir), "--glob", partition.glob,
            *where, "--force-language", language, "--quiet"]


def reindex(site_dir: Path, partition: Partition, language: str) -> None:
    """Index one partition of a live site into a fresh folder, then swap it in."""
    target = site_dir / partition.path
    fresh = site_dir.parent / f".{site_dir.name}.index-{partition.name}"
    old = site_dir.parent / f".{site_dir.name}.index-{partition.name}.old"
    for leftover in (fresh, old):
        if leftover.exists():
            shutil.rmtree(leftover)
    done = subprocess.run(_command(site_dir, partition, language, fresh), capture_output=True,
                          check=False)
    if done.returncode != 0:
        shutil.rmtree(fresh, ignore_errors=True)
        raise SearchIndexError(f"pagefind ({partition.name}) failed ({done.returncode}): "
                               f"{done.stderr.decode(errors='replace')}")
    target.parent.mkdir(parents=True, exist_ok=True)
    if target.exists():
        os.replace(target, old)
    os.replace(fresh, target)
    shutil.rmtree(old, ignore_errors=True)


class Indexer:
    """Runs Pagefind for one partition at a time in the background (memory stays bounded)."""

    def __init__(self, site_dir: Path, language: str) -> None:
        self.site_dir = site_dir
        self.language = language
        self.waiting: list[Partition] = []
        self.running: tuple[Partition, subprocess.Popen[bytes]] | None = None
        self.failures: list[str] = []

    def submit(self, partition: Partition) -> None:
        """Index ``partition`` once the one before it is done; its pages are written."""
        self.waiting.append(partition)
        self._advance(block=False)

    def _advance(self, block: bool) -> None:
        while True:
            if self.running is not None:
                partition, proc = self.running
                if not block and proc.poll() is None:
                    return
                _, err = proc.communicate()
                if proc.returncode != 0:
                    self.failures.append(f"pagefind ({partition.name}) failed "
                                         f"({proc.returncode}): {err.decode(errors='replace')}")
                self.running = None
            if not self.waiting:
                return
            partition = self.waiting.pop(0)
            self.running = (partition, subprocess.Popen(
                _command(self.site_dir, partition, self.language),
                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE))

    def finish(self) -> None:
        """Wait for every index; raise SearchIndexError if any failed."""
        self._advance(block=True)
        if self.failures:
            raise SearchIndexError("; ".join(self.failures))

    def cancel(self) -> None:
        """Stop indexing (the build failed or was interrupted)."""
        self.waiting.clear()
        if self.running is not None:
            self.running[1].kill()
            self.running[1].wait()
            self.running = None
