"""Meetings' prose kept out of memory: the parse of each meeting file is written to disk by
the worker that parsed it and read back only to render that meeting's own page.

Everything else a build derives (archives, decisions, cases, feeds, open data) needs a
meeting's outline: metadata, item titles, decisions and votes. Keeping only outlines in
the main process makes its memory, and the parse cache it loads and saves, grow with the
archive's metadata rather than with its text (about a third of the size at 10k meetings).
"""

from __future__ import annotations

import os
import pickle
from pathlib import Path

from ..content.config import SiteConfig
from ..content.digest import digest_of
from ..content.model import Meeting
from ..content.parse import parse_meeting
from .cache import UNREADABLE


def entry_key(parse_key: str, path: str, digest: str) -> str:
    """The store entry of one meeting file as parsed under ``parse_key``."""
    return digest_of(parse_key, path, digest)


class MeetingStore:
    """A folder of whole meetings, one pickle per parsed file, named by ``entry_key``."""

    def __init__(self, folder: Path, config: SiteConfig) -> None:
        self.folder = folder
        self.config = config
        self.keys: dict[str, str] = {}  # meeting source → its entry (set before rendering)

    def _file(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.pickle"

    def put(self, key: str, meeting: Meeting) -> None:
        """Keep a whole meeting (written by a parse worker; atomic by rename)."""
        file = self._file(key)
        file.parent.mkdir(parents=True, exist_ok=True)
        tmp = file.with_name(f".{key}.{os.getpid()}.tmp")
        tmp.write_bytes(pickle.dumps(meeting, protocol=pickle.HIGHEST_PROTOCOL))
        os.replace(tmp, file)

    def has(self, key: str) -> bool:
        """Whether the entry is on disk."""
        return self._file(key).is_file()

    def whole(self, meeting: Meeting) -> Meeting:
        """The whole meeting for an outline; a missing or unreadable entry (a cache
        cleared mid-build) is parsed again from its source file."""
        key = self.keys.get(meeting.source)
        if key is not None:
            try:
                value = pickle.loads(self._file(key).read_bytes())
                if isinstance(value, Meeting):
                    return value
            except UNREADABLE:
                pass
        data = (self.config.root / meeting.source).read_bytes()
        again = parse_meeting(data, meeting.source, self.config).meeting
        return again if again is not None else meeting

    def drop(self, key: str) -> None:
        """Remove one entry, if there."""
        self._file(key).unlink(missing_ok=True)

    def prune(self, keep: set[str]) -> int:
        """Remove entries not in ``keep`` (files edited or gone since); how many."""
        removed = 0
        if not self.folder.is_dir() or self.folder.is_symlink():  # not ours to empty
            return 0
        for sub in os.scandir(self.folder):
            if not sub.is_dir(follow_symlinks=False):  # a link leads outside the cache
                continue
            for entry in os.scandir(sub.path):
                if entry.name.removesuffix(".pickle") not in keep:
                    os.unlink(entry.path)
                    removed += 1
        return removed
