"""Atomic output: build into a staging folder beside the output, then swap it in.

Unchanged files are hard-linked from the previous output instead of rewritten, so their
bytes and mtimes stay; pages that no longer exist are simply not carried over.
"""

from __future__ import annotations

import fcntl
import os
import shutil
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def output_lock(output: Path) -> Iterator[None]:
    """Hold an exclusive lock on ``output`` for the whole build; a second build waits."""
    output.parent.mkdir(parents=True, exist_ok=True)
    lock_path = output.parent / f".{output.name}.lock"
    with open(lock_path, "a+") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            print(f"waiting for another build of {output} to finish ...", file=sys.stderr)
            fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


class Staging:
    """A folder the new site is written into; ``commit`` makes it the output."""

    def __init__(self, output: Path) -> None:
        self.output = output
        self.dir = output.parent / f".{output.name}.staging"
        old = output.parent / f".{output.name}.old"
        if old.exists() and not output.exists():  # killed mid-swap: the old site comes back
            os.replace(old, output)
        if self.dir.exists():  # left by a build that was killed: never part of the site
            shutil.rmtree(self.dir)
        self.dir.mkdir(parents=True)
        self.written = 0
        self.unchanged = 0
        self._dirs: set[Path] = set()

    def write(self, rel: str, data: bytes) -> None:
        """Put ``data`` at ``rel``; reuse the previous output's file if its bytes are the same."""
        target = self.dir / rel
        parent = target.parent
        if parent not in self._dirs:
            parent.mkdir(parents=True, exist_ok=True)
            self._dirs.add(parent)
        old = self.output / rel
        try:
            if old.stat().st_size == len(data) and old.read_bytes() == data:
                os.link(old, target)
                self.unchanged += 1
                return
        except OSError:
            pass
        with open(target, "wb") as handle:
            handle.write(data)
        self.written += 1

    def copy(self, rel: str, source: Path) -> None:
        """Copy a file (an attachment) into the site, as it is."""
        self.write(rel, source.read_bytes())

    def commit(self) -> None:
        """Swap the staging folder in as the output; the old output is removed after."""
        old = self.output.parent / f".{self.output.name}.old"
        if old.exists():
            shutil.rmtree(old)
        if self.output.exists():
            os.replace(self.output, old)
        os.replace(self.dir, self.output)
        if old.exists():
            shutil.rmtree(old)

    def abandon(self) -> None:
        """Throw the staging folder away; the output stays exactly as it was."""
        shutil.rmtree(self.dir, ignore_errors=True)
