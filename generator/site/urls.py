"""Where every page lives: stable permalinks, computed from the model alone."""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable
from pathlib import PurePosixPath

from slugify import slugify

_DATE_PREFIX = re.compile(r"^\d{4}-\d{2}-\d{2}")


_NORDIC = str.maketrans("åäöÅÄÖéÉüÜ", "aaoAAOeEuU")
_NOT_WORD = re.compile(r"[^a-z0-9]+")


def slug(text: str) -> str:
    """ASCII slug with Swedish letters transliterated: 'Hälso- och sjukvårdsnämnden' →
    'halso-och-sjukvardsnamnden'. Plain text takes a fast path (case numbers are many)."""
    folded = text.translate(_NORDIC)
    if folded.isascii():
        return _NOT_WORD.sub("-", folded.lower()).strip("-") or "x"
    return slugify(text, lowercase=True) or "x"


def unique(base: str, taken: set[str]) -> str:
    """``base``, or ``base-2``, ``base-3`` ... whichever is free; records it as taken."""
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    taken.add(candidate)
    return candidate


def meeting_paths(
    keys: Iterable[tuple[str, str, str]], closed: Collection[str] = ()
) -> dict[str, str]:
    """(source, body path, ISO date) in file-name order → source: 'body/date/' paths.

    The first document of a body on a date gets the plain date; later ones are told
    apart by their file names ('2020-05-26-2.md' → '2020-05-26-2/'), except a closed
    meeting's (``closed``), whose file name may say what it is about: a number instead.
    """
    taken: set[str] = set()  # without the final '/', as unique() compares them
    out: dict[str, str] = {}
    for source, body_path, day in sorted(
        keys, key=lambda k: (k[1], k[2], PurePosixPath(k[0]).stem, k[0])
    ):
        plain = f"{body_path}/{day}"
        if plain not in taken:
            taken.add(plain)
            out[source] = plain + "/"
            continue
        if source in closed:
            n = 2
            while f"{body_path}/{day}-{n}" in taken or f"{body_path}/{day}-{n}/" in taken:
                n += 1
            taken.add(f"{body_path}/{day}-{n}")
            out[source] = f"{body_path}/{day}-{n}/"
            taken.add(out[source])
            continue
        stem = slug(PurePosixPath(source).stem)
        name = stem if _DATE_PREFIX.match(stem) else f"{day}-{stem}"
        out[source] = unique(f"{body_path}/{name}", taken) + "/"
    return out


# URL path segments of derived pages, per language (the site's language decides them)
PATHS: dict[str, dict[str, str]] = {
    "sv": {
        "decisions": "beslut",
        "cases": "arenden",
        "archive": "arkiv",
        "search": "sok",
        "notices": "anslagstavla",
        "accessibility": "tillganglighet",
        "opendata": "oppna-data",
    },
    "en": {
        "decisions": "decisions",
        "cases": "cases",
        "archive": "archive",
        "search": "search",
        "notices": "notice-board",
        "accessibility": "accessibility",
        "opendata": "open-data",
    },
}
