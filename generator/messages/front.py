"""Messages about a file's front matter (the lines between the two ``---``), its dates and
keys, the files of the governing bodies and pages, and ``site.toml``."""

from __future__ import annotations

from .message import Message


class Front:
    """The catalogue's part for front matter, dates, body files and site.toml."""

    DATE_FORMAT = Message(
        en="{key}: expected YYYY-MM-DD, got {got!r}",
        sv="{key}: skriv datumet som ÅÅÅÅ-MM-DD, här står {got!r}",
        fix_en="Write the date in digits, year first: 2025-03-11.",
        fix_sv="Skriv datumet med siffror, året först: 2025-03-11.",
        example={"key": "date", "got": "11 mars 2025"},
    )
