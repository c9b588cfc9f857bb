"""Problems where the clerk looks: GitHub workflow annotations (each shown on its line of the
pull request) and GitLab's code quality report (shown in the merge request).

Formats: GitHub's workflow commands (``::error file=...,line=...,title=...::message``, with
``%``, CR and LF escaped in the message and also ``:`` and ``,`` in the properties) and
GitLab's code quality report (a JSON array of Code Climate issues: ``description``,
``check_name``, ``fingerprint``, ``severity``, ``location.path``, ``location.lines.begin``).
"""

from __future__ import annotations

import hashlib
import json
from pathlib import PurePosixPath

from .content.errors import ContentError, kind_of

TITLE = "minutes check"


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def _where(problem: ContentError, folder: str) -> str:
    """The file as the repository names it: the site may be a folder of the repository."""
    return str(PurePosixPath(folder) / problem.path) if folder not in ("", ".") else problem.path


def _fails(problem: ContentError, strict: bool) -> bool:
    return problem.severity == "error" or strict


def github_annotations(
    problems: list[ContentError], strict: bool, folder: str = "", language: str = "en"
) -> list[str]:
    """One workflow command per problem, in the site's language: an error where it fails the
    check, else a warning."""
    lines = []
    for problem in sorted(problems, key=lambda p: (p.path, p.line, p.message)):
        level = "error" if _fails(problem, strict) else "warning"
        where = f"file={_property(_where(problem, folder))}"
        if problem.line:
            where += f",line={problem.line}"
        lines.append(f"::{level} {where},title={_property(TITLE)}::{_data(problem.text(language))}")
    return lines


def gitlab_report(
    problems: list[ContentError], strict: bool, folder: str = "", language: str = "en"
) -> str:
    """GitLab's code quality report (in the site's language): a JSON array, one issue per
    problem, each with a
    fingerprint that stays the same while the problem does (GitLab compares them across
    pipelines to say what a merge request fixed or brought)."""
    issues = []
    seen: dict[tuple[str, str], int] = {}  # the same message twice in a file: two issues
    for problem in sorted(problems, key=lambda p: (p.path, p.line, p.message)):
        path = _where(problem, folder)
        nth = seen[path, problem.message] = seen.get((path, problem.message), 0) + 1
        fingerprint = hashlib.sha256(f"{path}\0{problem.message}\0{nth}".encode()).hexdigest()
        issues.append(
            {
                "type": "issue",
                "description": problem.text(language),
                "check_name": kind_of(problem),
                "fingerprint": fingerprint,
                "severity": "major" if _fails(problem, strict) else "minor",
                "location": {"path": path, "lines": {"begin": max(problem.line, 1)}},
            }
        )
    return json.dumps(issues, ensure_ascii=False, indent=2) + "\n"
