"""Checks on what a meeting publishes that are warnings (errors under ``--strict``)."""

from __future__ import annotations

import re
from collections.abc import Iterable

from .errors import Problems

# YYMMDD or YYYYMMDD, an optional - or +, then four digits: a Swedish personal identity number
_PNR = re.compile(r"(?<![\d-])(?:(?:19|20)\d{2}|\d{2})(\d{2})(\d{2})[-+]?(\d{3})(\d)(?![\d-])")


def _luhn_ok(digits: str) -> bool:
    total = 0
    for n, ch in enumerate(digits):
        value = int(ch) * (2 if n % 2 == 0 else 1)
        total += value - 9 if value > 9 else value
    return total % 10 == 0


def looks_like_personnummer(text: str) -> str | None:
    """The first personnummer (or samordningsnummer) in ``text`` whose check digit is right."""
    for m in _PNR.finditer(text):
        month, day = int(m.group(1)), int(m.group(2))
        if not (1 <= month <= 12 and (1 <= day <= 31 or 61 <= day <= 91)):
            continue
        digits = re.sub(r"\D", "", m.group(0))[-10:]
        if _luhn_ok(digits):
            return m.group(0)
    return None


def check_personal_numbers(lines: Iterable[tuple[int, str]], path: str,
                           problems: Problems) -> None:
    """Warn about every published line that holds something like a personnummer."""
    for number, line in lines:
        found = looks_like_personnummer(line)
        if found:
            problems.warn(path, number, f"'{found}' looks like a personal identity number "
                                        "(personnummer); remove it or mark the item "
                                        "confidential")
