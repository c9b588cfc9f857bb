"""Which folder a build may write: refuse, before anything is touched, an output that would
replace the site's own sources or somebody else's files, and mark the folders minutes wrote.

A build replaces its output folder whole, so the folder must be one minutes made: empty,
new, or holding the marker file every build writes into it.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from ..content.errors import ConfigError
from ..messages.commands import Commands as M
from .cache import CACHE_DIR, SERVE_DIR

MARKER = ".minutes-output"
MARKER_TEXT = (
    b"This folder is written by minutes (a static site generator for meeting "
    b"minutes);\nevery build replaces it whole. Do not keep other files here.\n"
)


def choose_output(source: Path, output: Path, recorded: bool) -> Path:
    """The folder to build into, links resolved (a linked output is built at its target);
    raise ConfigError with one line saying why it may not be, before anything is written.
    ``recorded``: the cache says an earlier build wrote this folder (outputs made before
    the marker existed)."""
    try:
        where = output.resolve()
    except (RuntimeError, OSError):  # Python says a loop of links with RuntimeError
        raise ConfigError(M.OUTPUT_LINK_LOOP(folder=str(output))) from None
    shown = f"{output} → {where}" if output.is_symlink() else str(output)  # a link: where to
    site = source.resolve()
    cache = site / CACHE_DIR
    if where.is_relative_to(cache) and where != site / SERVE_DIR:
        raise ConfigError(M.OUTPUT_IN_CACHE(folder=shown, cache=CACHE_DIR))
    if where == site:
        raise ConfigError(M.OUTPUT_IS_SITE(folder=shown))
    if site.is_relative_to(where):
        raise ConfigError(M.OUTPUT_HOLDS_SITE(folder=shown, site=str(site)))
    if where.is_relative_to(site / "content"):
        raise ConfigError(M.OUTPUT_IN_CONTENT(folder=shown))
    if not os.path.lexists(where):
        return where
    if not where.is_dir():
        raise ConfigError(M.OUTPUT_IS_FILE(folder=shown))
    for name in ("content", "site.toml"):
        if os.path.lexists(where / name):
            raise ConfigError(M.OUTPUT_HOLDS_SOURCES(folder=shown, name=name))
    if not recorded and not is_marked(where) and any(where.iterdir()):
        raise ConfigError(M.OUTPUT_NOT_OURS(folder=shown, marker=MARKER))
    return where


def is_marked(folder: Path) -> bool:
    """Whether ``folder`` holds the marker of a minutes output (a regular file)."""
    try:
        return stat.S_ISREG(os.lstat(folder / MARKER).st_mode)
    except OSError:
        return False


def marker_text(token: str) -> bytes:
    """The marker of an output whose contents ``token`` names (see ``marker_token``)."""
    return MARKER_TEXT + (f"build {token}\n".encode() if token else b"")


def marker_token(folder: Path) -> str | None:
    """Which output this is: every build that changes the output writes a new marker naming
    what it holds (a digest of its pages' fingerprints, see pipeline), so the cache can tell
    whether the output is still the one it describes. A build killed after its switch, or
    one without the cache, leaves another; an output restored from a copy with the cache
    (a CI cache, a copied site folder) keeps it, whatever its inodes and mtimes."""
    try:
        fd = os.open(folder / MARKER, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    except OSError:
        return None
    with os.fdopen(fd, "rb") as handle:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return None
        data = handle.read(len(MARKER_TEXT) + 200)
    if not data.startswith(MARKER_TEXT):
        return None
    token = data[len(MARKER_TEXT) :].decode("ascii", "replace")
    return token[len("build ") : -1] if token.startswith("build ") and token.endswith("\n") else ""


def check_rel(rel: str) -> str:
    """``rel`` as a path inside the output, or ValueError: relative, no empty, '.' or '..'
    part, no NUL. Every path a build writes or removes passes here."""
    parts = rel.split("/")
    if not rel or rel.startswith("/") or "\0" in rel or any(p in ("", ".", "..") for p in parts):
        raise ValueError(f"not a path inside the output: {rel!r}")
    return rel
