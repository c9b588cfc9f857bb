"""Content problems as values: every one carries the file and line it is about."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from ..messages import Said
from ..messages.commands import Commands

Severity = Literal["error", "warning"]


@dataclass(frozen=True, slots=True)
class ContentError:
    """One problem in the content, located at ``path:line``: what it says is a message of the
    catalogue with its values, told in the site's language when it is shown."""

    path: str
    line: int
    said: Said
    severity: Severity = "error"
    across: bool = False  # found by comparing files (not by parsing this one alone)

    @property
    def message(self) -> str:
        """What it says, in English (for sorting and for logs)."""
        return str(self.said)

    @property
    def code(self) -> str:
        """Which message of the catalogue it is."""
        return self.said.code

    def text(self, language: str = "en") -> str:
        """What it says in ``language``, without the place."""
        return self.said.text(language)

    def render(self, language: str = "en") -> str:
        """The whole line: place, whether a warning, what is wrong."""
        where = f"{self.path}:{self.line}" if self.line else self.path
        frame = Commands.WARNING_AT if self.severity == "warning" else Commands.PROBLEM_AT
        return frame(where=where, text=self.text(language)).text(language)

    def __str__(self) -> str:
        return self.render("en")


@dataclass(slots=True)
class Problems:
    """Collects errors and warnings so that all of them can be reported at once."""

    items: list[ContentError] = field(default_factory=list)

    def error(self, path: str, line: int, said: Said) -> None:
        """Record an error: the build will fail."""
        self.items.append(ContentError(path, line, said, "error"))

    def warn(self, path: str, line: int, said: Said, across: bool = False) -> None:
        """Record a warning: an error only under ``--strict``; ``across``: found by comparing
        files, so a file's own parse never gives it."""
        self.items.append(ContentError(path, line, said, "warning", across))

    def extend(self, others: tuple[ContentError, ...] | list[ContentError]) -> None:
        """Take problems found elsewhere (for example in a worker process)."""
        self.items.extend(others)

    @property
    def errors(self) -> list[ContentError]:
        """Problems that fail the build."""
        return [p for p in self.items if p.severity == "error"]

    @property
    def warnings(self) -> list[ContentError]:
        """Problems that fail the build only under ``--strict``."""
        return [p for p in self.items if p.severity == "warning"]

    def sorted(self) -> list[ContentError]:
        """All problems in a stable order: by file, then line."""
        return sorted(self.items, key=lambda p: (p.path, p.line, p.message))


def kind_of(problem: ContentError) -> str:
    """What sort of problem this is, so that repeats can be told in one line: its message in
    the catalogue and, for a message about a key, which key ('colour: unknown key' five times
    is one kind, 'mood: unknown key' another)."""
    key = dict(problem.said.values).get("key")
    return f"{problem.severity} {problem.code}" + (f" {key}" if key is not None else "")


def grouped(problems: list[ContentError]) -> list[list[ContentError]]:
    """Problems of one kind together, kinds in the order their first problem comes."""
    groups: dict[str, list[ContentError]] = {}
    for problem in problems:
        groups.setdefault(kind_of(problem), []).append(problem)
    return list(groups.values())


class BuildFailed(Exception):
    """Raised when content errors stop a build; carries every problem found."""

    def __init__(self, problems: list[ContentError]) -> None:
        super().__init__(f"{len(problems)} problem(s) in the content")
        self.problems = problems


class ConfigError(Exception):
    """A problem in ``site.toml`` or the command line, reported before any content is read:
    one message of the catalogue (``said``), or site.toml's every problem, each at its line."""

    def __init__(self, said: Said | None = None, problems: tuple[ContentError, ...] = ()) -> None:
        super().__init__(str(said) if said is not None else "\n".join(map(str, problems)))
        self.said = said
        self.problems = problems

    @classmethod
    def of(cls, problems: list[ContentError]) -> ConfigError:
        """Every problem found in a file at once."""
        return cls(None, tuple(problems))

    def lines(self, language: str = "en") -> list[str]:
        """What to print: one problem a line, in ``language``."""
        told = [p.render(language) for p in self.problems]
        return told or ([self.said.text(language)] if self.said is not None else [str(self)])
