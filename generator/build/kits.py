"""Kits: the part of the site one meeting's page shows (``Site.around``), kept per meeting
so that ``minutes build`` can make that page again after a prose edit without reading every
parse and deriving the whole site (at 10,000 meetings most of such a build's time).

A kit is trusted only if the page it makes has the fingerprint the last build recorded for
the page: whatever the page shows of other meetings, people and case numbers is in that
fingerprint, so a kit left from before any such change is refused and the build goes the
general way. A kit file made under other settings or by other code (another version of
minutes, whose kit could not make that fingerprint anyway), or damaged, is read as missing
before it is unpickled: it is never used, and never stops a build.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import os
import pickle
from pathlib import Path

from ..content.digest import Digest, digest, digest_of
from ..site.derive import Site

KIT_MEETINGS = 1000  # a whole build keeps kits for this many of its newest meetings
_CODE = ("site/derive.py", "site/people.py", "content/history.py")  # what a kit holds


@functools.cache
def _code() -> str:
    """A digest of the code of the classes a kit holds (the parser's and the version are in
    the page settings): a kit pickled by other code may not unpickle into these classes."""
    code = Digest()
    package = Path(__file__).resolve().parent.parent
    for name in _CODE:
        try:
            code.update((package / name).read_bytes())
        except OSError:  # pragma: no cover - installed without sources
            code.update(name.encode())
    return code.hexdigest()


class PageKits:
    """A folder of kits, one file per meeting source: a line naming the settings and code
    it was made under and the hash of the rest, then the kit pickled."""

    def __init__(self, folder: Path, settings: str) -> None:
        self.folder = folder
        self.token = digest_of(settings, _code())  # the page settings of the build

    def _file(self, source: str) -> Path:
        name = hashlib.sha256(os.fsencode(source)).hexdigest()[:24]  # a name not UTF-8 too
        return self.folder / f"{name}.pickle"

    def put(self, source: str, kit: Site) -> None:
        """Keep the kit of one meeting's page (atomic by rename)."""
        data = pickle.dumps((source, kit), protocol=pickle.HIGHEST_PROTOCOL)
        head = f"{self.token} {digest(data)}\n".encode("ascii")
        file = self._file(source)
        file.parent.mkdir(parents=True, exist_ok=True)
        tmp = file.with_name(f".{file.stem}.{os.getpid()}.tmp")
        tmp.write_bytes(head + data)
        with contextlib.suppress(FileNotFoundError):  # another build's prune took it: not kept
            os.replace(tmp, file)

    def has(self, source: str) -> bool:
        """Whether a kit file is kept for a meeting (made under any settings)."""
        return self._file(source).is_file()

    def get(self, source: str) -> Site | None:
        """The kit kept for a meeting, if any, made under these settings and intact."""
        try:
            found = self._file(source).read_bytes()
        except OSError:
            return None
        head, _, data = found.partition(b"\n")
        if head != f"{self.token} {digest(data)}".encode("ascii"):
            return None
        try:
            kept, kit = pickle.loads(data)
        except Exception:  # written whole by this code (the hash says so): cannot happen
            return None
        return kit if kept == source and isinstance(kit, Site) else None

    def prune(self, keep: set[str]) -> None:
        """Remove the kits of meetings no longer on the site (and any left half-written)."""
        if not self.folder.is_dir() or self.folder.is_symlink():  # a link leads elsewhere
            return
        wanted = {self._file(source).name for source in keep}
        for entry in os.scandir(self.folder):
            if entry.name not in wanted and not entry.is_dir(follow_symlinks=False):
                Path(entry.path).unlink(missing_ok=True)  # or another build's prune did
