"""The build cache: what the last build read and wrote, so the next one redoes only changes.

Kept in ``<site>/.minutes-cache/``. A source file is re-read only when its size or mtime
changed, and re-parsed only when its content hash did; a page is re-rendered only when the
fingerprint of everything it shows changed. The cache is keyed by the generator's version
and the Python version; anything unreadable is treated as no cache at all.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
from dataclasses import dataclass, field
from pathlib import Path

from . import __version__
from .errors import ContentError
from .parse import Parsed

CACHE_DIR = ".minutes-cache"
_KEY = f"minutes {__version__} / python {sys.version_info[:2]} / {pickle.HIGHEST_PROTOCOL}"


@dataclass(slots=True)
class FileStamp:
    """A content file as last seen: size and mtime say 'unchanged' cheaply; the digest decides."""

    size: int
    mtime_ns: int
    digest: str


@dataclass(slots=True)
class BuildState:
    """What one build read and wrote; small enough to load on every build."""

    key: str = _KEY
    settings: str = ""  # fingerprint of config, theme, options: a change re-renders everything
    stamps: dict[str, FileStamp] = field(default_factory=dict)
    pages: dict[str, str] = field(default_factory=dict)  # output file → fingerprint of inputs
    others: tuple[str, ...] = ()  # files written besides the jobs' (theme static, attachments)
    search: dict[str, str] = field(default_factory=dict)  # index folder → fingerprint
    output: str = ""  # the output folder these refer to
    today: str = ""  # the build's date (it decides what is upcoming)
    meetings: int = 0
    pages_count: int = 0
    warnings: tuple[ContentError, ...] = ()
    outlines: dict[str, str] = field(default_factory=dict)  # meeting → hash of its outline


def digest_bytes(data: bytes) -> str:
    """Content hash of a source file."""
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def stamp_files(root: Path, paths: list[str], previous: dict[str, FileStamp]
                ) -> dict[str, FileStamp]:
    """Stamps for ``paths`` (relative to ``root``); a file is read only when its size or
    mtime changed (and its bytes are not kept: at 100k meetings they are 1.2 GB)."""
    stamps: dict[str, FileStamp] = {}
    for path in paths:
        st = os.stat(root / path)
        old = previous.get(path)
        if old is not None and old.size == st.st_size and old.mtime_ns == st.st_mtime_ns:
            stamps[path] = old
            continue
        stamps[path] = FileStamp(st.st_size, st.st_mtime_ns,
                                 digest_bytes((root / path).read_bytes()))
    return stamps


class Cache:
    """Reads and writes the cache files of one site."""

    def __init__(self, site_root: Path) -> None:
        self.dir = site_root / CACHE_DIR

    def _load(self, name: str) -> object:
        try:
            with open(self.dir / name, "rb") as handle:
                key = pickle.load(handle)
                return pickle.load(handle) if key == _KEY else None
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError,
                TypeError, ValueError):
            return None

    def _save(self, name: str, value: object) -> None:
        self.dir.mkdir(exist_ok=True)
        gitignore = self.dir / ".gitignore"
        if not gitignore.exists():
            gitignore.write_text("*\n")
        tmp = self.dir / f".{name}.tmp"
        with open(tmp, "wb") as handle:
            pickle.dump(_KEY, handle, protocol=pickle.HIGHEST_PROTOCOL)
            pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, self.dir / name)

    def load_state(self) -> BuildState:
        """The last build's state, or an empty one."""
        state = self._load("state.pickle")
        return state if isinstance(state, BuildState) else BuildState()

    def save_state(self, state: BuildState) -> None:
        """Record this build's state (after the output is in place)."""
        self._save("state.pickle", state)

    def load_parsed(self, settings: str) -> dict[tuple[str, str], Parsed]:
        """Parsed files of the last build, by (path, digest), if parsed with ``settings``."""
        value = self._load("parsed.pickle")
        if isinstance(value, tuple) and len(value) == 2 and value[0] == settings:
            parsed = value[1]
            return parsed if isinstance(parsed, dict) else {}
        return {}

    def save_parsed(self, settings: str, parsed: dict[tuple[str, str], Parsed]) -> None:
        """Record the parse results for the next build."""
        self._save("parsed.pickle", (settings, parsed))
