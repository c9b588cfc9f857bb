"""Git as the audit trail: each content file's revisions, read in one ``git log`` pass."""

from __future__ import annotations

import datetime as dt
import subprocess
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Revision:
    """One commit that changed a content file."""

    commit: str
    date: dt.date
    message: str


def read_history(root: Path) -> dict[str, tuple[Revision, ...]]:
    """Every content file's revisions, newest first, keyed by path relative to ``root``
    ('content/...'). Empty when ``root`` is not in a git checkout or git is missing."""
    try:
        done = subprocess.run(
            ["git", "-C", str(root), "log", "--no-renames", "--name-only", "--relative",
             "--format=%x1e%h%x1f%aI%x1f%s", "--", "content"],
            capture_output=True, text=True, check=False)
    except OSError:
        return {}
    if done.returncode != 0:
        return {}
    history: dict[str, list[Revision]] = {}
    for record in done.stdout.split("\x1e")[1:]:
        head, _, names = record.partition("\n")
        commit, when, message = head.split("\x1f", 2)
        revision = Revision(commit, dt.datetime.fromisoformat(when).date(), message)
        for name in names.split("\n"):
            if name.strip():
                history.setdefault(name.strip(), []).append(revision)
    return {path: tuple(revs) for path, revs in history.items()}


def content_head(root: Path) -> str:
    """The last commit that changed ``content/`` ('' outside git): a build with no changed
    file must still redo the revision lists when the files were committed since."""
    try:
        done = subprocess.run(["git", "-C", str(root), "log", "-1", "--format=%H", "--",
                               "content"], capture_output=True, text=True, check=False)
    except OSError:
        return ""
    return done.stdout.strip() if done.returncode == 0 else ""
