"""Where each key of a TOML file is written: tomllib gives values without line numbers, and a
clerk is told ``site.toml:12: titel: ...``, not which key among forty.

The text has been read by tomllib already, so it is valid TOML; this only follows its
syntax far enough to tell a key from a value: comments, quoted and dotted keys, table
headers, strings (with what looks like a key inside them) and arrays over several lines.
"""

from __future__ import annotations

import re
import tomllib

KeyPath = tuple[str, ...]

_BARE = re.compile(r"[A-Za-z0-9_-]+")
_WHITE = " \t"


def key_lines(text: str) -> dict[KeyPath, int]:
    """The line (from 1) each key path is first written on: ``('title',)``,
    ``('accessibility', 'contact')`` for a key below ``[accessibility]`` or written
    ``accessibility.contact = ...``, and the header's line for the table itself. Keys
    inside inline tables and arrays are not listed: ``line_of`` gives their parent's line,
    which is theirs too."""
    found: dict[KeyPath, int] = {}
    table: KeyPath = ()
    pending = ""  # the delimiter of a multi-line string still open at the end of a line
    depth = 0  # brackets and braces still open at the end of a line
    for number, raw in enumerate(text.split("\n"), 1):
        line = raw.rstrip("\r")
        at = 0
        if pending:
            at = _close(line, 0, pending)
            if at < 0:
                continue
            pending = ""
        elif depth == 0:
            at = _skip_white(line, 0)
            if at == len(line) or line[at] == "#":
                continue
            if line[at] == "[":
                double = line.startswith("[[", at)
                path, _ = _key(line, at + (2 if double else 1))
                table = path
                _note(found, path, number)
                continue
            path, at = _key(line, at)
            _note(found, table + path, number)
            at = _skip_white(line, at) + 1  # the '='
        pending, depth = _value(line, at, depth)
    return found


def line_of(lines: dict[KeyPath, int], path: KeyPath) -> int:
    """The line of ``path``, else of its nearest parent written in the file; 0 if none."""
    for end in range(len(path), 0, -1):
        found = lines.get(path[:end])
        if found is not None:
            return found
    return 0


def _note(found: dict[KeyPath, int], path: KeyPath, number: int) -> None:
    for end in range(1, len(path) + 1):
        found.setdefault(path[:end], number)


def _skip_white(line: str, at: int) -> int:
    while at < len(line) and line[at] in _WHITE:
        at += 1
    return at


def _key(line: str, at: int) -> tuple[KeyPath, int]:
    """A dotted key starting at ``at``: its parts and where it ends."""
    parts: list[str] = []
    while True:
        at = _skip_white(line, at)
        if line.startswith(('"', "'"), at):
            end = _string_end(line, at + 1, line[at])
            token = line[at:end]
            parts.append(tomllib.loads(f"k = {token}")["k"])
            at = end
        else:
            bare = _BARE.match(line, at)
            if bare is None:  # not valid TOML; tomllib would have said
                return tuple(parts), at
            parts.append(bare.group())
            at = bare.end()
        at = _skip_white(line, at)
        if not line.startswith(".", at):
            return tuple(parts), at
        at += 1


def _string_end(line: str, at: int, quote: str) -> int:
    """Just past the closing quote of a one-line string whose text starts at ``at``."""
    while at < len(line):
        if quote == '"' and line[at] == "\\":
            at += 2
            continue
        if line[at] == quote:
            return at + 1
        at += 1
    return at


def _close(line: str, at: int, delimiter: str) -> int:
    """Just past the end of a multi-line string in ``line`` (from ``at``), or -1 if it goes
    on: up to two quotes before the closing three belong to the string."""
    while at < len(line):
        if delimiter == '"""' and line[at] == "\\":
            at += 2
            continue
        if line.startswith(delimiter, at):
            end = at + 3
            extra = 0
            while extra < 2 and end < len(line) and line[end] == delimiter[0]:
                end += 1
                extra += 1
            return end
        at += 1
    return -1


def _value(line: str, at: int, depth: int) -> tuple[str, int]:
    """Follow a value (or the rest of one) to the end of the line: the multi-line string
    left open, if any, and the brackets still open."""
    while at < len(line):
        c = line[at]
        if c == "#":
            break
        if line.startswith(('"""', "'''"), at):
            delimiter = line[at : at + 3]
            at = _close(line, at + 3, delimiter)
            if at < 0:
                return delimiter, depth
            continue
        if c in "\"'":
            at = _string_end(line, at + 1, c)
            continue
        if c in "[{":
            depth += 1
        elif c in "]}":
            depth -= 1
        at += 1
    return "", depth
