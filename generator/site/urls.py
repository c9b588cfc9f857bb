"""The words of URLs: slugs, and the section names in each language (paths.py puts them
together into the site's paths)."""

from __future__ import annotations

import re

from slugify import slugify

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
        "people": "personer",
    },
    "en": {
        "decisions": "decisions",
        "cases": "cases",
        "archive": "archive",
        "search": "search",
        "notices": "notice-board",
        "accessibility": "accessibility",
        "opendata": "open-data",
        "people": "people",
    },
}

# the fragment that opens an item of a meeting's page as an extract (protokollsutdrag):
# '/<body>/<date>/#utdrag-p89' (pages/kinds.py, the meeting page's print stylesheet)
EXTRACT: dict[str, str] = {"sv": "utdrag", "en": "extract"}
