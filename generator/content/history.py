"""Git as the audit trail: each content file's revisions, read in one ``git log`` pass.

What a page shows of them is the site's choice (``site.toml``): ``revisions = false`` shows
none (the files were committed by somebody other than the body's clerks: a demo, an import),
and commit messages, free text typed by whoever committed, are shown only with
``revision_messages = true``, and are then checked like the minutes themselves.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path

from ..messages.front import Front as M
from .checks import looks_like_personnummer
from .config import SiteConfig
from .errors import Problems
from .model import Meeting


@dataclass(frozen=True)
class Revision:
    """One commit that changed a content file."""

    commit: str  # abbreviated hash, as shown
    date: dt.date
    message: str
    full: str = ""  # the whole hash, for a link to the commit


def read_history(root: Path) -> dict[str, tuple[Revision, ...]]:
    """Every content file's revisions, newest first, keyed by path relative to ``root``
    ('content/...'). Empty when ``root`` is not in a git checkout or git is missing."""
    try:
        done = subprocess.run(
            [
                "git",
                "-C",
                str(root),
                "log",
                "--no-renames",
                "--name-only",
                "--relative",
                "-z",  # names as they are: git quotes a name with 'ä' in it otherwise
                "--format=%x1e%h%x1f%H%x1f%aI%x1f%s",
                "--",
                "content",
            ],
            capture_output=True,
            check=False,
        )
    except OSError:
        return {}
    if done.returncode != 0:
        return {}
    history: dict[str, list[Revision]] = {}
    for record in done.stdout.split(b"\x1e")[1:]:
        head, _, names = record.partition(b"\0")
        commit, full, when, message = head.decode("utf-8", "replace").split("\x1f", 3)
        revision = Revision(commit, dt.datetime.fromisoformat(when).date(), message, full)
        for name in names.removeprefix(b"\n").split(b"\0"):
            if name:  # decoded as the file system's names are (the content/ paths)
                history.setdefault(os.fsdecode(name), []).append(revision)
    return {path: tuple(revs) for path, revs in history.items()}


def site_history(
    config: SiteConfig, meetings: Iterable[Meeting], problems: Problems
) -> dict[str, tuple[Revision, ...]]:
    """The revisions the meeting pages show: none when the site turns them off, never a
    closed meeting's; with messages shown, a message holding something like a personal
    identity number is an error naming the commit."""
    if not config.revisions:
        return {}
    history = read_history(config.root)
    meetings = list(meetings)
    closed = {  # a message of a commit that changed a closed meeting could tell of it
        revision for m in meetings if not m.public for revision in history.get(m.source, ())
    }
    shown = {
        m.source: tuple(
            replace(revision, message="") if revision in closed else revision
            for revision in history[m.source]
        )
        for m in meetings
        if m.public and m.source in history
    }
    if config.revision_messages:
        files: dict[Revision, list[str]] = {}
        for source, revisions in shown.items():
            for revision in revisions:
                files.setdefault(revision, []).append(source)
        for revision, sources in sorted(files.items(), key=lambda kv: kv[0].full):
            found = looks_like_personnummer(revision.message)
            if found:
                problems.error(
                    min(sources),
                    0,
                    M.COMMIT_PERSONAL_NUMBER(
                        commit=revision.commit, date=revision.date.isoformat(), found=found
                    ),
                )
    return shown


def content_head(root: Path) -> str:
    """The last commit that changed ``content/`` ('' outside git): a build with no changed
    file must still redo the revision lists when the files were committed since."""
    try:
        done = subprocess.run(
            ["git", "-C", str(root), "log", "-1", "--format=%H", "--", "content"],
            capture_output=True,
            text=True,
            check=False,
        )
    except OSError:
        return ""
    return done.stdout.strip() if done.returncode == 0 else ""
