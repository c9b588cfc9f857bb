"""The build cache: what the last build read and wrote, so the next one redoes only changes.

Kept in ``<site>/.minutes-cache/``. A source file is re-read only when its size or mtime
changed, and re-parsed only when its content hash did; a page is re-rendered only when the
fingerprint of everything it shows changed. The cache is keyed by the generator's version
and the Python version; anything unreadable is treated as no cache at all.
"""

from __future__ import annotations

import copy
import os
import pickle
import sys
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from .. import __version__
from ..content.digest import digest
from ..content.errors import ContentError
from ..content.parse import Parsed
from ..site.partitions import Partition
from .footprint import Footprint

CACHE_DIR = ".minutes-cache"
# what unpickling a cache file that is damaged, cut short or of another version raises: the
# file is then read as missing, and what it held is made again
UNREADABLE = (
    OSError,
    pickle.UnpicklingError,
    EOFError,
    AttributeError,
    ImportError,
    TypeError,
    ValueError,
    OverflowError,  # a length field damaged: larger than any size
    MemoryError,  # or one that asks for more memory than there is
)
KITS = "kits"  # the meeting pages' kits, a folder per output
SERVE_DIR = f"{CACHE_DIR}/serve"  # in the site folder: where `minutes serve` builds
_FORMAT = 7  # raised when a cached class gains a field (2: ContentError.kind, notes on
# Meeting; 3: the state records the output's marker; 4: by its token, the output by label;
# 5: the output's footprint; 6: the pages each search index holds; 7: Parsed.cast)
PARSED = "parsed.pickle"  # the parse results: settings, a token, {(path, digest): Parsed}
RECENT = "parsed-recent.pickle"  # those parsed since, with the token of the record above
RECENT_LIMIT = 200  # files parsed since the record was written, before it is written again
_KEY = (
    f"minutes {__version__} / format {_FORMAT} / python {sys.version_info[:2]} / "
    f"{pickle.HIGHEST_PROTOCOL}"
)


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
    output: str = ""  # the output folder these refer to (``output_label``)
    today: str = ""  # the build's date (it decides what is upcoming)
    meetings: int = 0
    pages_count: int = 0
    warnings: tuple[ContentError, ...] = ()
    outlines: dict[str, str] = field(default_factory=dict)  # meeting → hash of its outline
    history: str = ""  # the last commit that changed content/ (see history.content_head)
    marker: str = ""  # the token in the output's marker file (outfolder.marker_token)
    footprint: Footprint = field(default_factory=Footprint)  # bytes and entries, for the summary
    indexed: tuple[tuple[Partition, tuple[str, ...]], ...] = ()  # each index, its pages' files

    def head(self) -> StateHead:
        """The part a build with nothing to do needs."""
        return StateHead(
            self.settings,
            self.stamps,
            self.output,
            self.today,
            self.meetings,
            self.pages_count,
            len(self.pages),
            self.warnings,
            self.history,
            self.marker,
            self.footprint,
        )


@dataclass(frozen=True, slots=True)
class StateHead:
    """Enough of the last build's state to tell that nothing changed: stored ahead of the
    rest, which at 100k meetings is a hundred times larger (a fingerprint per output)."""

    settings: str = ""
    stamps: dict[str, FileStamp] = field(default_factory=dict)
    output: str = ""
    today: str = ""
    meetings: int = 0
    pages_count: int = 0
    files: int = 0  # output files recorded
    warnings: tuple[ContentError, ...] = ()
    history: str = ""
    marker: str = ""
    footprint: Footprint = field(default_factory=Footprint)


def digest_bytes(data: bytes) -> str:
    """Content hash of a source file."""
    return digest(data)


def stamp_files(
    root: Path, paths: list[str], previous: dict[str, FileStamp]
) -> dict[str, FileStamp]:
    """Stamps for ``paths`` (relative to ``root``); a file is read only when its size or
    mtime changed (and its bytes are not kept: at 100k meetings they are 1.2 GB)."""
    stamps: dict[str, FileStamp] = {}
    base = f"{root}{os.sep}"  # string joins: a Path per file costs as much as the stat
    for path in paths:
        st = os.stat(base + path)
        old = previous.get(path)
        if old is not None and old.size == st.st_size and old.mtime_ns == st.st_mtime_ns:
            stamps[path] = old
            continue
        with open(base + path, "rb") as handle:
            stamps[path] = FileStamp(st.st_size, st.st_mtime_ns, digest_bytes(handle.read()))
    return stamps


class Cache:
    """Reads and writes the cache files of one site."""

    def __init__(self, site_root: Path, output: Path | None = None) -> None:
        self.dir = site_root / CACHE_DIR
        self.state_file = _state_file(site_root, output)
        self._base: tuple[str, frozenset[tuple[str, str]]] | None = None  # parsed record read

    def kits_dir(self) -> Path:
        """Where the kits of the meeting pages of this output are kept (build/kits.py):
        each output its own, as its state, so that ``minutes serve`` (drafts on) and
        ``minutes build`` do not take turns replacing each other's."""
        return self.dir / KITS / Path(self.state_file).stem

    def _load(self, name: str, parts: int = 1) -> tuple[object, ...] | None:
        """The first ``parts`` objects stored in a cache file (after its key)."""
        try:
            with open(self.dir / name, "rb") as handle:
                if pickle.load(handle) != _KEY:
                    return None
                return tuple(pickle.load(handle) for _ in range(parts))
        except UNREADABLE:
            return None

    def make_dir(self) -> None:
        """Make the cache folder, which keeps itself out of git."""
        self.dir.mkdir(exist_ok=True)
        gitignore = self.dir / ".gitignore"
        if not gitignore.exists():
            gitignore.write_text("*\n")

    def _save(self, name: str, *values: object) -> None:
        self.make_dir()
        tmp = self.dir / f".{name}.tmp"
        with open(tmp, "wb") as handle:
            pickle.dump(_KEY, handle, protocol=pickle.HIGHEST_PROTOCOL)
            for value in values:
                pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, self.dir / name)

    def load_head(self) -> StateHead:
        """The head of the last build's state (all a no-op build reads), or an empty one."""
        found = self._load(self.state_file)
        return found[0] if found and isinstance(found[0], StateHead) else StateHead()

    def load_state(self) -> BuildState:
        """The last build's state, or an empty one."""
        found = self._load(self.state_file, 2)
        if not found or not isinstance(found[0], StateHead) or not isinstance(found[1], BuildState):
            return BuildState()
        found[1].stamps = found[0].stamps
        return found[1]

    def save_state(self, state: BuildState) -> None:
        """Record this build's state (after the output is in place): its head, then the
        rest."""
        rest = copy.copy(state)
        rest.stamps = {}
        self._save(self.state_file, state.head(), rest)

    def load_parsed(self, settings: str) -> dict[tuple[str, str], Parsed]:
        """Parsed files of the last build, by (path, digest), if parsed with ``settings``:
        the whole record and the few parsed since it was written (see save_parsed)."""
        self._base = None
        found = self._load(PARSED, 3)
        if not found or found[0] != settings or not isinstance(found[2], dict):
            return {}
        parsed: dict[tuple[str, str], Parsed] = found[2]
        self._base = (str(found[1]), frozenset(parsed))
        recent = self._load(RECENT, 3)
        if (
            recent
            and recent[0] == settings
            and recent[1] == found[1]
            and isinstance(recent[2], dict)
        ):
            parsed = {**parsed, **recent[2]}
        return parsed

    def save_parsed(self, settings: str, parsed: dict[tuple[str, str], Parsed]) -> None:
        """Record the parse results for the next build. After an edit or two, only the
        files parsed since the whole record was written are written, beside it: at 10k
        meetings the whole record is 64 MB and took 3 s to write, a one-edit build's third.
        The whole record is written again once RECENT_LIMIT files have been parsed since
        (or when it was not read: another parse key, no record)."""
        base = self._base
        if base is not None:
            token, kept = base
            recent = {key: value for key, value in parsed.items() if key not in kept}
            if len(recent) <= RECENT_LIMIT:
                self._save(RECENT, settings, token, recent)
                return
        token = uuid.uuid4().hex
        self._save(PARSED, settings, token, parsed)
        self._base = (token, frozenset(parsed))
        (self.dir / RECENT).unlink(missing_ok=True)


def output_label(site_root: Path, output: Path) -> str:
    """How the cache names an output: its path in the site folder when it is inside (so a
    site folder checked out elsewhere with its cache and output, as CI restores them, still
    finds its state: GitLab runners build in a different folder from run to run), else its
    absolute path."""
    try:
        where, root = output.resolve(), site_root.resolve()
    except (RuntimeError, OSError):  # a loop of links: the build refuses it (outfolder)
        where, root = output.absolute(), site_root.absolute()
    return where.relative_to(root).as_posix() if where.is_relative_to(root) else str(where)


def _state_file(site_root: Path, output: Path | None) -> str:
    """The state of the builds into ``output``: each output has its own (``minutes serve``
    builds into a folder of its own), ``_site`` the plain name."""
    label = "_site" if output is None else output_label(site_root, output)
    if label == "_site":
        return "state.pickle"
    key = digest(label.encode())[:16]
    return f"state-{key}.pickle"
