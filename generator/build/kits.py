"""Kits: the part of the site one meeting's page shows (``Site.around``), kept per meeting
so that ``minutes build`` can make that page again after a prose edit without reading every
parse and deriving the whole site (at 10,000 meetings most of such a build's time).

A kit is trusted only if the page it makes has the fingerprint the last build recorded for
the page: whatever the page shows of other meetings, people and case numbers is in that
fingerprint, so a kit left from before any such change is refused and the build goes the
general way.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from pathlib import Path

from ..site.derive import Site
from .cache import UNREADABLE

KITS = "kits"  # in the cache folder
KIT_MEETINGS = 1000  # a whole build keeps kits for this many of its newest meetings


class PageKits:
    """A folder of kits, one pickle per meeting source."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def _file(self, source: str) -> Path:
        name = hashlib.sha256(source.encode("utf-8")).hexdigest()[:24]
        return self.folder / f"{name}.pickle"

    def put(self, source: str, kit: Site) -> None:
        """Keep the kit of one meeting's page (atomic by rename)."""
        file = self._file(source)
        file.parent.mkdir(parents=True, exist_ok=True)
        tmp = file.with_name(f".{file.stem}.{os.getpid()}.tmp")
        tmp.write_bytes(pickle.dumps((source, kit), protocol=pickle.HIGHEST_PROTOCOL))
        os.replace(tmp, file)

    def get(self, source: str) -> Site | None:
        """The kit kept for a meeting, if any and readable."""
        try:
            kept, kit = pickle.loads(self._file(source).read_bytes())
        except (*UNREADABLE, ValueError, TypeError):
            return None
        return kit if kept == source and isinstance(kit, Site) else None

    def prune(self, keep: set[str]) -> None:
        """Remove the kits of meetings no longer on the site (and any left half-written)."""
        if not self.folder.is_dir():
            return
        wanted = {self._file(source).name for source in keep}
        for entry in os.scandir(self.folder):
            if entry.name not in wanted:
                os.unlink(entry.path)
