"""The Pagefind adapter: the written meeting pages → static search indexes, one per
partition (see ``site.partitions``), merged again in the browser. Indexing a partition
starts as soon as its pages are written, while the rest of the site is rendered.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

from ..messages import Said
from ..messages.commands import Commands as M
from ..site.partitions import Partition


class SearchIndexError(Exception):
    """Pagefind failed: one message for each index it could not make, with what it printed."""

    def __init__(self, failures: list[Said]) -> None:
        super().__init__("; ".join(map(str, failures)))
        self.failures = tuple(failures)

    def lines(self, language: str = "en") -> list[str]:
        """What to print: one failed index a line, in ``language``."""
        return [said.text(language) for said in self.failures]


def _failed(partition: Partition, status: int, output: bytes) -> Said:
    return M.SEARCH_INDEX_FAILED(
        part=partition.name, status=status, output=output.decode(errors="replace").strip()
    )


def _command(
    site_dir: Path, partition: Partition, language: str, into: Path | None = None
) -> list[str]:
    where = (
        ["--output-path", str(into)]
        if into is not None
        else ["--output-subdir", partition.path.rstrip("/")]
    )
    return [
        sys.executable,
        "-m",
        "pagefind",
        "--site",
        str(site_dir),
        "--glob",
        partition.glob,
        *where,
        "--force-language",
        language,
        "--quiet",
    ]


def trim(index: Path) -> None:
    """Remove what Pagefind writes beside an index that the site's search never loads: its
    ready-made search interfaces, its worker (the search page runs without one) and the
    WASM of languages the index does not hold. About 0.5 MB and 9 files an index; an
    archive of 100,000 meetings has about 60 indexes. A language Pagefind has no stemmer
    for names no WASM (null): pagefind.js then loads ``wasm.unknown.pagefind``."""
    entry = json.loads((index / "pagefind-entry.json").read_bytes())
    wanted = {f"wasm.{lang['wasm'] or 'unknown'}.pagefind" for lang in entry["languages"].values()}
    for path in index.iterdir():
        name = path.name
        unused = name.startswith("pagefind-") and name != "pagefind-entry.json"
        if unused or (name.startswith("wasm.") and name not in wanted):
            path.unlink()


def index_partition(site_dir: Path, partition: Partition, language: str, into: Path) -> None:
    """Index one partition of the pages in ``site_dir`` into the new folder ``into`` (the
    caller puts it in place with the rest of its changes)."""
    done = subprocess.run(
        _command(site_dir, partition, language, into), capture_output=True, check=False
    )
    if done.returncode != 0:
        shutil.rmtree(into, ignore_errors=True)
        raise SearchIndexError([_failed(partition, done.returncode, done.stderr)])
    trim(into)


class Indexer:
    """Runs Pagefind for one partition at a time in the background (memory stays bounded)."""

    def __init__(self, site_dir: Path, language: str) -> None:
        self.site_dir = site_dir
        self.language = language
        self.waiting: list[Partition] = []
        self.running: tuple[Partition, subprocess.Popen[bytes]] | None = None
        self.failures: list[Said] = []

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
                    self.failures.append(_failed(partition, proc.returncode, err))
                else:
                    trim(self.site_dir / partition.path)
                self.running = None
            if not self.waiting:
                return
            partition = self.waiting.pop(0)
            self.running = (
                partition,
                subprocess.Popen(
                    _command(self.site_dir, partition, self.language),
                    stdout=subprocess.DEVNULL,
                    stderr=subprocess.PIPE,
                ),
            )

    def finish(self) -> None:
        """Wait for every index; raise SearchIndexError if any failed."""
        self._advance(block=True)
        if self.failures:
            raise SearchIndexError(self.failures)

    def cancel(self) -> None:
        """Stop indexing (the build failed or was interrupted)."""
        self.waiting.clear()
        if self.running is not None:
            self.running[1].kill()
            self.running[1].communicate()  # reaped, and its stderr pipe closed
            self.running = None
