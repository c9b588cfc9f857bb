"""Atomic output: build into a staging folder beside the output, then swap it in.

Unchanged files are hard-linked from the previous output instead of rewritten, so their
bytes and mtimes stay; pages that no longer exist are simply not carried over.
"""

from __future__ import annotations

import ctypes
import fcntl
import os
import shutil
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


def _exchange(a: Path, b: Path) -> bool:
    """Swap two folders in one step (Linux renameat2 RENAME_EXCHANGE); False if unsupported."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    at_fdcwd, rename_exchange = -100, 2
    result = renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange)
    return bool(result == 0)


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
        recover(output)
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
        """Swap the staging folder in as the output (atomically where the kernel can: at no
        moment is there no output); the old output is removed after."""
        old = self.output.parent / f".{self.output.name}.old"
        if old.exists():
            shutil.rmtree(old)
        if self.output.exists() and _exchange(self.dir, self.output):
            os.replace(self.dir, old)
        else:
            if self.output.exists():
                os.replace(self.output, old)
            os.replace(self.dir, self.output)
        if old.exists():
            shutil.rmtree(old)

    def abandon(self) -> None:
        """Throw the staging folder away; the output stays exactly as it was."""
        shutil.rmtree(self.dir, ignore_errors=True)


class Patch:
    """Changes to an existing output folder, staged completely first, then applied quickly.

    The list of changes (the journal) is written only once every changed file is staged; a
    build killed before that leaves the output as it was, one killed while applying is
    completed by the next build before it does anything else.
    """

    def __init__(self, output: Path) -> None:
        self.output = output
        self.dir = output.parent / f".{output.name}.patch"
        self.journal = output.parent / f".{output.name}.journal"
        recover(output)
        if self.dir.exists():
            shutil.rmtree(self.dir)
        self.dir.mkdir(parents=True)
        self.removed: list[str] = []
        self.written = 0
        self.unchanged = 0

    def write(self, rel: str, data: bytes) -> None:
        """Stage ``data`` for ``rel`` unless the output already has exactly these bytes."""
        old = self.output / rel
        try:
            if old.stat().st_size == len(data) and old.read_bytes() == data:
                self.unchanged += 1
                return
        except OSError:
            pass
        target = self.dir / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        self.written += 1

    def copy(self, rel: str, source: Path) -> None:
        """Stage a file (an attachment) as it is."""
        self.write(rel, source.read_bytes())

    def remove(self, rel: str) -> None:
        """Remove ``rel`` from the output when the patch is applied."""
        self.removed.append(rel)

    def apply(self) -> None:
        """Write the journal, then move every staged file into place and remove the rest."""
        staged = sorted(scan_output(self.dir))  # written here or by worker processes
        lines = [f"+{rel}" for rel in staged] + [f"-{rel}" for rel in self.removed]
        tmp = self.journal.with_suffix(".tmp")
        tmp.write_text("\n".join(lines) + "\n", encoding="utf-8")
        os.replace(tmp, self.journal)
        recover(self.output)

    def abandon(self) -> None:
        """Throw the staged changes away; the output stays exactly as it was."""
        shutil.rmtree(self.dir, ignore_errors=True)


def tidy(output: Path) -> None:
    """Put right what a killed build left: bring back the old site if the swap was cut short,
    finish a journaled patch, and remove staging folders that never became the site."""
    old = output.parent / f".{output.name}.old"
    if old.exists() and not output.exists():
        os.replace(old, output)
    recover(output)
    for leftover in (old, output.parent / f".{output.name}.staging",
                     output.parent / f".{output.name}.patch"):
        if leftover.exists():
            shutil.rmtree(leftover)


def recover(output: Path) -> None:
    """Finish applying a journaled patch that a killed build left half-applied."""
    journal = output.parent / f".{output.name}.journal"
    staged = output.parent / f".{output.name}.patch"
    if not journal.exists():
        return
    for line in journal.read_text(encoding="utf-8").splitlines():
        rel = line[1:]
        if line.startswith("+"):
            source = staged / rel
            if source.exists():
                (output / rel).parent.mkdir(parents=True, exist_ok=True)
                os.replace(source, output / rel)
        elif line.startswith("-"):
            target = output / rel
            if target.is_file():
                target.unlink()
                _prune_empty(target.parent, output)
    journal.unlink()
    shutil.rmtree(staged, ignore_errors=True)


def _prune_empty(folder: Path, stop: Path) -> None:
    while folder != stop and folder.is_relative_to(stop):
        try:
            folder.rmdir()
        except OSError:
            return
        folder = folder.parent


def scan_output(output: Path) -> dict[str, tuple[int, int]]:
    """Every file under ``output`` with its size and mtime, to notice outside changes."""
    found: dict[str, tuple[int, int]] = {}
    if not output.is_dir():
        return found
    prefix = len(str(output)) + 1
    stack = [str(output)]
    while stack:
        with os.scandir(stack.pop()) as entries:
            for entry in entries:
                if entry.is_dir(follow_symlinks=False):
                    stack.append(entry.path)
                else:
                    st = entry.stat(follow_symlinks=False)
                    found[entry.path[prefix:]] = (st.st_size, st.st_mtime_ns)
    return found
