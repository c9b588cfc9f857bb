"""Atomic output: a build changes nothing but its output folder, and a reader of that folder
sees the old site or the new one, never a build half done.

- A cold build writes the whole site into ``.<output>.staging`` beside the output (files
  whose bytes are unchanged are hard-linked from the old output, so their mtimes stay) and
  swaps it in with one renameat2 exchange.
- An incremental build stages the files it changed in ``.<output>.patch/new`` and the files
  it removes in a list. A patch of at most ``SWAP_FROM`` files is then moved into place file
  by file under a journal (each file replaced by one rename; the old ones kept as hard links
  until the end); a failure or a kill while it is moved in is rolled back, by the build or
  by the next one, to the old output byte for byte. A larger patch is applied to a hard-link
  clone of the output (a link per file, no bytes copied), which is swapped in like a cold
  build. See ``SWAP_FROM`` for why small patches are not swapped too.

Every path written or removed is checked to stay inside its folder; a file name is data
everywhere (the journal is JSON, whatever bytes or newlines a name holds).
"""

from __future__ import annotations

import ctypes
import errno
import fcntl
import json
import os
import shutil
import signal
import stat
import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from ..content.config import language_of
from ..content.errors import BuildFailed, ContentError
from ..messages.commands import Commands as M
from .footprint import Footprint
from .outfolder import MARKER, check_rel, marker_text

# At most this many changed files are moved into the live output one by one; more go through
# a clone that is swapped in. Measured on the 2-core test machine (ext4, shared, loaded): a
# clone costs 50-175 us a file (2.5-8.8 s at 50,000 files, 22-55 s at 200,000) and removing
# the old tree after the swap as much again or more (4.5-52 s, 125-250 s): far too much for a
# one-edit build (the aim is 5 s at 50,000 files). Moving a file in costs 80-135 us, so while
# 1,000 files are moved a reader may see old and new pages side by side for 0.1 s at most; a
# one-page edit moves a handful (each one rename, atomic).
SWAP_FROM = 1000

TEST_HOOK = "MINUTES_TEST_KILL_AT"  # read only here; see checkpoint()
TEST_SWAP_FROM = "MINUTES_TEST_SWAP_FROM"  # lets a test put a small patch through a clone


def checkpoint(stage: str, count: int = 0) -> None:
    """A named point of a build where the tests may have it killed: ``MINUTES_TEST_KILL_AT``
    = '<stage>' or '<stage>:<count>' sends SIGKILL to the build (to its process group, workers
    and all, when it leads one, as a test starts it). Nothing else reads the variable."""
    wanted = os.environ.get(TEST_HOOK)
    if not wanted:
        return
    name, _, at = wanted.partition(":")
    if name != stage or (at and int(at) != count):
        return
    if os.getsid(0) == os.getpgrp():  # a session of its own: the build and its workers
        os.killpg(os.getpgrp(), signal.SIGKILL)
    os.kill(os.getpid(), signal.SIGKILL)


def sibling(output: Path, what: str) -> Path:
    """A working folder or file of the build beside the output: ``.<output>.<what>``."""
    return output.parent / f".{output.name}.{what}"


def _exchange(a: Path, b: Path) -> bool:
    """Swap two folders in one step (Linux renameat2 RENAME_EXCHANGE); False if unsupported."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    at_fdcwd, rename_exchange = -100, 2
    result = renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange)
    if result == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP):
        return False
    raise OSError(code, os.strerror(code), str(b))


def _switch(new: Path, output: Path) -> None:
    """Make ``new`` the output in one step; the old output ends up at ``new`` and is removed.
    Without renameat2 (not Linux) there is a moment with no output; a build killed then has
    the old output brought back by the next one (``tidy``)."""
    old = sibling(output, "old")
    if output.exists() and _exchange(new, output):
        checkpoint("switched")
        shutil.rmtree(new, ignore_errors=True)  # what is left, the next build removes
        return
    if output.exists():
        os.replace(output, old)
    os.replace(new, output)
    checkpoint("switched")
    shutil.rmtree(old, ignore_errors=True)


@contextmanager
def output_lock(output: Path, source: Path | None = None) -> Iterator[None]:
    """Hold an exclusive lock on ``output`` for the whole build; a second build waits (and
    says so in the language of the site in ``source``)."""
    output.parent.mkdir(parents=True, exist_ok=True)
    lock_path = sibling(output, "lock")
    with open(lock_path, "a+") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            language = language_of(source) if source is not None else "en"
            print(M.BUILD_WAITING(folder=str(output)).text(language), file=sys.stderr)
            fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def read_attachment(content_dir: Path, rel: str) -> bytes:
    """The bytes of ``content/<rel>``, which must be a regular file inside content/ (a link
    is followed only to a file inside content/)."""
    check_rel(rel)
    root = os.path.realpath(content_dir)
    real = os.path.realpath(content_dir / rel)
    if not real.startswith(root + os.sep):
        raise BuildFailed([ContentError(f"content/{rel}", 0, M.FILE_LINKS_OUTSIDE())])
    fd = os.open(real, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)  # a FIFO: no wait
    with os.fdopen(fd, "rb") as handle:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise BuildFailed([ContentError(f"content/{rel}", 0, M.FILE_NOT_REGULAR())])
        return handle.read()


def _same_file(path: Path, data: bytes) -> bool:
    """Whether ``path`` is a regular file (not a link) holding exactly ``data``."""
    try:
        st = os.lstat(path)
        if not stat.S_ISREG(st.st_mode) or st.st_size != len(data):
            return False
        with open(path, "rb") as handle:
            return handle.read() == data
    except OSError:
        return False


def _write_new(target: Path, data: bytes) -> None:
    """Write a new file at ``target``, never through the file or link that may be there: in
    a staging folder it could be a hard link shared with the live output."""
    try:
        fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    except FileExistsError:  # the same path twice in one build: the later bytes win
        target.unlink()
        fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)


class Staging:
    """A folder the whole new site is written into; ``commit`` swaps it in as the output."""

    def __init__(self, output: Path, token: str = "") -> None:
        self.output = output
        self.token = token  # what the new output holds, for its marker (outfolder)
        self.dir = sibling(output, "staging")
        if self.dir.exists():  # tidy() removes it; this is a second staging in one build
            shutil.rmtree(self.dir)
        self.dir.mkdir(parents=True)
        self.written = 0
        self.unchanged = 0
        self._dirs: set[Path] = set()

    def write(self, rel: str, data: bytes) -> None:
        """Put ``data`` at ``rel``; reuse the previous output's file if its bytes are the same."""
        target = self.dir / check_rel(rel)
        parent = target.parent
        if parent not in self._dirs:
            parent.mkdir(parents=True, exist_ok=True)
            self._dirs.add(parent)
        checkpoint("write", self.written + self.unchanged)
        old = self.output / rel
        if _same_file(old, data):
            try:
                os.link(old, target, follow_symlinks=False)
            except FileExistsError:  # the same path twice in one build
                target.unlink()
                os.link(old, target, follow_symlinks=False)
            self.unchanged += 1
            return
        _write_new(target, data)
        self.written += 1

    def copy(self, rel: str, content_dir: Path) -> None:
        """Copy an attachment (``content/<rel>``) into the site, as it is."""
        self.write(rel, read_attachment(content_dir, rel))

    def commit(self) -> None:
        """Swap the staging folder in as the output, with a new marker (see outfolder)."""
        _write_new(self.dir / MARKER, marker_text(self.token))
        checkpoint("staged")
        _switch(self.dir, self.output)

    def abandon(self) -> None:
        """Throw the staging folder away; the output stays exactly as it was."""
        shutil.rmtree(self.dir, ignore_errors=True)


class Patch:
    """Changes to an existing output, staged completely first, then put in place as a whole:
    by a journaled move of each file (few files) or by a swapped clone (many)."""

    def __init__(
        self, output: Path, token: str = "", recorded: Callable[[str], bool | None] | None = None
    ) -> None:
        self.output = output
        self.token = token  # what the patched output holds ("": a step within a build)
        # whether the last build left a file at a path (None: it keeps no record of it)
        self.recorded = recorded
        self.as_recorded = True  # the output is as the last build left it, for all one saw
        self.dir = sibling(output, "patch")
        if self.dir.exists():  # tidy() removes it; this is a second patch in one build
            shutil.rmtree(self.dir)
        self.new = self.dir / "new"
        self.new.mkdir(parents=True)
        self.removed: set[str] = set()
        self.written = 0
        self.unchanged = 0
        # what the paths it touched (and their folders) took up before and after it was
        # applied; None if it replaced a folder by a file (whose contents it did not list)
        # or found among them what no build writes (a link), or if its clone left one out,
        # or if the output was found not as the last build left it (see ``_as_recorded``)
        self.moved: tuple[Footprint, Footprint] | None = None

    def write(self, rel: str, data: bytes) -> None:
        """Stage ``data`` for ``rel`` unless the output already has exactly these bytes."""
        check_rel(rel)
        checkpoint("write", self.written + self.unchanged)
        target = self.new / rel
        if _same_file(self.output / rel, data):
            if os.path.lexists(target):
                target.unlink()
            self.unchanged += 1
            return
        target.parent.mkdir(parents=True, exist_ok=True)
        _write_new(target, data)
        self.written += 1

    def copy(self, rel: str, content_dir: Path) -> None:
        """Stage an attachment (``content/<rel>``) as it is."""
        self.write(rel, read_attachment(content_dir, rel))

    def differs(self) -> None:
        """The caller found the output not as the last build left it (a search index it
        left is not there): what this patch changes is no measure of the output's change."""
        self.as_recorded = False

    def changes(self) -> bool:
        """Whether anything is staged or to be removed."""
        return bool(self.removed) or next(_files(self.new), None) is not None

    def remove(self, rel: str) -> None:
        """Remove ``rel`` from the output when the patch is applied."""
        self.removed.add(check_rel(rel))

    def remove_tree(self, rel: str) -> None:
        """Remove every file under the output's folder ``rel``."""
        for name in _files(self.output / check_rel(rel)):
            self.removed.add(f"{rel}/{name}")

    def view(self, name: str, paths: Iterable[str]) -> Path:
        """A folder holding ``paths`` as they will be once the patch is applied (hard links
        to the staged or the current file), for reading the new site before it is live
        (the search indexer does)."""
        folder = self.dir / f"view-{name}"
        made: set[Path] = set()
        for rel in paths:
            source = self.new / check_rel(rel)
            if not os.path.lexists(source):
                source = self.output / rel
                if not os.path.isfile(source) or os.path.islink(source):
                    continue
            target = folder / rel
            if target.parent not in made:
                target.parent.mkdir(parents=True, exist_ok=True)
                made.add(target.parent)
            os.link(source, target, follow_symlinks=False)
        folder.mkdir(parents=True, exist_ok=True)
        return folder

    def stage_tree(self, rel: str, folder: Path) -> None:
        """Make the output's folder ``rel`` hold what ``folder`` holds: files whose bytes
        differ are staged, files no longer there removed. ``folder`` is used up."""
        check_rel(rel)
        current = set(_files(self.output / rel))
        for name in sorted(_files(folder)):
            path = f"{rel}/{name}"
            current.discard(name)
            source = folder / name
            if _same_file(self.output / path, source.read_bytes()):
                self.unchanged += 1
                continue
            target = self.new / path
            target.parent.mkdir(parents=True, exist_ok=True)
            os.replace(source, target)
            self.written += 1
        self.removed.update(f"{rel}/{name}" for name in current)
        shutil.rmtree(folder, ignore_errors=True)

    def apply(self) -> None:
        """Put everything staged in place and remove what is to go, as one change."""
        _write_new(self.new / MARKER, marker_text(self.token))  # a new output (outfolder)
        puts = sorted(_files(self.new))
        staged = set(puts)
        removes = sorted(
            r for r in self.removed if r not in staged and os.path.lexists(self.output / r)
        )
        checkpoint("staged")
        touched = _with_folders([*puts, *removes])
        before = _entries(self.output, touched)
        known = before is not None and self._as_recorded(puts, before)
        limit = int(os.environ.get(TEST_SWAP_FROM) or SWAP_FROM)
        if len(puts) + len(removes) > limit or not self._movable(puts, removes):
            whole = self._swap_clone(puts, removes)
        else:
            self._move(puts, removes)
            whole = True
        shutil.rmtree(self.dir, ignore_errors=True)
        after = _entries(self.output, touched)
        if (
            whole
            and known
            and before is not None
            and after is not None
            and not any(
                size == FOLDER and after.get(rel, FOLDER) != FOLDER for rel, size in before.items()
            )
        ):
            self.moved = (_footprint(before), _footprint(after))

    def _as_recorded(self, puts: list[str], before: dict[str, int]) -> bool:
        """Whether every file this patch writes or removes is there, or not, as the last
        build's record says: a page of the record deleted by hand and written again would
        be counted twice, a file put by hand where a new page goes not at all."""
        recorded = self.recorded
        if not self.as_recorded:
            return False
        if recorded is None:
            return True
        for rel in (*puts, *self.removed):  # what is to be removed and is not there: absent
            expected = recorded(rel)
            if expected is not None and expected != (before.get(rel, FOLDER) != FOLDER):
                return False
        return True

    def _movable(self, puts: list[str], removes: list[str]) -> bool:
        """Whether each file can be moved in alone: every folder on its way is a real folder
        (not a link, not a file) or does not exist yet, and it does not replace a folder."""
        ok: set[str] = set()
        for rel in (*puts, *removes):
            parts = rel.split("/")
            for n in range(1, len(parts)):
                folder = "/".join(parts[:n])
                if folder in ok:
                    continue
                try:
                    mode = os.lstat(self.output / folder).st_mode
                except FileNotFoundError:
                    break
                if not stat.S_ISDIR(mode):
                    return False
                ok.add(folder)
            if os.path.isdir(self.output / rel) and not os.path.islink(self.output / rel):
                return False
        return True

    def _move(self, puts: list[str], removes: list[str]) -> None:
        """Move the staged files into the live output one by one, under a journal that lets
        this build or the next roll everything back if it is cut short."""
        old = self.dir / "old"
        made: list[str] = []
        for rel in (*puts, *removes):  # keep the files being replaced or removed
            target = self.output / rel
            if os.path.lexists(target):
                (old / rel).parent.mkdir(parents=True, exist_ok=True)
                os.link(target, old / rel, follow_symlinks=False)
        for rel in puts:  # folders this patch creates, outermost first
            parts = rel.split("/")
            for n in range(1, len(parts)):
                folder = "/".join(parts[:n])
                if folder not in made and not os.path.lexists(self.output / folder):
                    made.append(folder)
        journal = sibling(self.output, "journal")
        tmp = sibling(self.output, "journal.tmp")
        with open(tmp, "w", encoding="ascii") as handle:  # names are escaped: \n, \u2028, ...
            json.dump(
                {"puts": puts, "removes": removes, "folders": made}, handle, ensure_ascii=True
            )
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, journal)
        try:
            for n, rel in enumerate(puts):
                checkpoint("apply", n)
                target = self.output / rel
                target.parent.mkdir(parents=True, exist_ok=True)
                os.replace(self.new / rel, target)
            for n, rel in enumerate(removes, len(puts)):
                checkpoint("apply", n)
                (self.output / rel).unlink()
                _prune_empty((self.output / rel).parent, self.output)
        except BaseException:
            roll_back(self.output)
            raise
        journal.unlink()  # done: from here on this is the output
        checkpoint("switched")

    def _swap_clone(self, puts: list[str], removes: list[str]) -> bool:
        """Apply the patch to a hard-link clone of the output and swap that in; False if
        the clone left out something the output held (a link, a pipe: nothing a build
        writes), which is then gone from the output, wherever it was."""
        clone = sibling(self.output, "staging")
        if clone.exists():
            shutil.rmtree(clone)
        try:
            whole = _clone(self.output, clone)
            for rel in removes:
                target = clone / rel
                if os.path.lexists(target) and not os.path.isdir(target):
                    target.unlink()
                    _prune_empty(target.parent, clone)
            for rel in puts:
                _clear_way(clone, rel)
                (clone / rel).parent.mkdir(parents=True, exist_ok=True)
                os.replace(self.new / rel, clone / rel)
            checkpoint("cloned")
            _switch(clone, self.output)
        except BaseException:
            shutil.rmtree(clone, ignore_errors=True)
            raise
        return whole

    def abandon(self) -> None:
        """Throw the staged changes away; the output stays exactly as it was."""
        shutil.rmtree(self.dir, ignore_errors=True)


FOLDER = -1  # an entry's size in _entries: a folder


def _with_folders(rels: list[str]) -> list[str]:
    """``rels`` and every folder on their way."""
    found = set(rels)
    for rel in rels:
        parts = rel.split("/")
        found.update("/".join(parts[:n]) for n in range(1, len(parts)))
    return sorted(found)


def _entries(root: Path, rels: list[str]) -> dict[str, int] | None:
    """Each of ``rels`` (sorted, every folder on their way among them) that is there under
    ``root``: a file's size, or FOLDER; a path whose folder is not one (a file) is not
    there. None if one is neither a file nor a folder (a link, a pipe: no build writes one,
    so the output is not what the builds made of it)."""
    found: dict[str, int] = {}
    for rel in rels:
        folder = rel.rpartition("/")[0]
        if folder and found.get(folder) != FOLDER:
            continue
        try:
            st = os.lstat(root / rel)
        except FileNotFoundError:
            continue
        if stat.S_ISDIR(st.st_mode):
            found[rel] = FOLDER
        elif stat.S_ISREG(st.st_mode):
            found[rel] = st.st_size
        else:
            return None
    return found


def _footprint(entries: dict[str, int]) -> Footprint:
    return Footprint(sum(s for s in entries.values() if s != FOLDER), len(entries))


def clone_output(source: Path, output: Path) -> bool:
    """Make ``output`` a hard-link copy of the output ``source`` (a link per file, no bytes
    copied), put in place in one step as a cold build's is. The two may share every file:
    no build writes a file of its output in place (files are replaced by rename), so
    neither output can change the other. False if ``source`` held what is not copied (see
    ``_clone``)."""
    staging = sibling(output, "staging")
    if staging.exists():
        shutil.rmtree(staging)
    try:
        whole = _clone(source, staging)
        _switch(staging, output)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return whole


def _clone(source: Path, target: Path) -> bool:
    """``target`` made a copy of ``source`` of hard links (folders made, files linked; links
    and other special files are left out: they are no part of a site minutes writes); False
    if one was left out."""
    target.mkdir()
    stack = [(str(source), str(target))]
    count = 0
    whole = True
    while stack:
        here, there = stack.pop()
        with os.scandir(here) as entries:
            for entry in entries:
                if entry.is_dir(follow_symlinks=False):
                    os.mkdir(os.path.join(there, entry.name))
                    stack.append((entry.path, os.path.join(there, entry.name)))
                elif entry.is_file(follow_symlinks=False):
                    os.link(entry.path, os.path.join(there, entry.name), follow_symlinks=False)
                    count += 1
                    checkpoint("clone", count)
                else:
                    whole = False
    return whole


def _clear_way(root: Path, rel: str) -> None:
    """Remove from a clone whatever would stop ``rel`` being a file: a file where one of its
    folders goes, a folder where it goes."""
    parts = rel.split("/")
    for n in range(1, len(parts)):
        here = root.joinpath(*parts[:n])
        if os.path.lexists(here) and not (here.is_dir() and not here.is_symlink()):
            here.unlink()
            return
    target = root / rel
    if target.is_dir() and not target.is_symlink():
        shutil.rmtree(target)


def roll_back(output: Path) -> None:
    """Undo a journaled patch: every file it replaced or removed comes back (the very same
    file: bytes and mtime), every file it added goes, with the folders it made."""
    journal = sibling(output, "journal")
    old = sibling(output, "patch") / "old"
    try:
        with open(journal, encoding="ascii") as handle:
            entries = json.load(handle)
        puts = _valid(entries.get("puts"))
        removes = _valid(entries.get("removes"))
        folders = _valid(entries.get("folders"))
    except (OSError, ValueError, AttributeError):  # not ours (an older generator's format)
        puts, removes, folders = [], [], []
    for rel in (*puts, *removes):
        kept, target = old / rel, output / rel
        if os.path.lexists(kept):
            target.parent.mkdir(parents=True, exist_ok=True)
            os.replace(kept, target)
        elif os.path.lexists(target) and not os.path.isdir(target):
            target.unlink()  # a file this patch added
    for folder in reversed(folders):
        with suppress(OSError):
            (output / folder).rmdir()
    journal.unlink(missing_ok=True)


def _valid(value: object) -> list[str]:
    """Journal entries that are paths inside the output (anything else is ignored)."""
    if not isinstance(value, list):
        return []
    found = []
    for item in value:
        try:
            if isinstance(item, str):
                found.append(check_rel(item))
        except ValueError:
            continue
    return found


def tidy(output: Path) -> None:
    """Put right what a killed build left, before anything else: bring back the old output
    if a swap without renameat2 was cut short, roll back a patch cut short while it was
    moved in, and remove working folders that never became the output."""
    old = sibling(output, "old")
    if old.exists() and not output.exists():
        os.replace(old, output)
    if os.path.lexists(sibling(output, "journal")):
        roll_back(output)
    for leftover in (old, sibling(output, "staging"), sibling(output, "patch")):
        if leftover.exists():
            shutil.rmtree(leftover)
    sibling(output, "journal.tmp").unlink(missing_ok=True)


def _prune_empty(folder: Path, stop: Path) -> None:
    while folder != stop and folder.is_relative_to(stop):
        try:
            folder.rmdir()
        except OSError:
            return
        folder = folder.parent


def _files(folder: Path) -> Iterator[str]:
    """Every file under ``folder`` (not following links), as paths relative to it."""
    if not folder.is_dir() or folder.is_symlink():
        return
    base = str(folder)
    prefix = len(base) + 1
    stack = [base]
    while stack:
        with os.scandir(stack.pop()) as entries:
            for entry in entries:
                if entry.is_dir(follow_symlinks=False):
                    stack.append(entry.path)
                else:
                    yield entry.path[prefix:]
