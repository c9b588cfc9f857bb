"""Item numbers through the year: a body's § numbers run on from meeting to meeting through
its calendar year, so a number is used once a year (documents of one meeting day, minutes and
their extract or notice, share theirs). Only the section form (§ 89) runs on: numbered lists
('1.', '4.2') start again in every meeting in other traditions."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from datetime import date

from ..messages.text import Text as M
from .errors import Problems
from .model import AgendaItem, Meeting

_LEADING = re.compile(r"\d+")


def _runs_on(item: AgendaItem) -> bool:
    """Whether the item's number is a § number (those run on through the year)."""
    return bool(item.number) and item.label.startswith("§")


def check_item_numbers(meetings: Iterable[Meeting], problems: Problems) -> None:
    """A § number used in two meetings of one body and year is a warning on the later one,
    naming the earlier file (one warning per pair of files, listing the numbers)."""
    years: dict[tuple[str, str, int], list[Meeting]] = defaultdict(list)
    for m in meetings:
        if any(_runs_on(i) for i in m.items):
            years[(m.organisation, " ".join(m.body.split()), m.year)].append(m)
    for group in years.values():
        first: dict[str, tuple[Meeting, AgendaItem]] = {}
        for m in sorted(group, key=lambda m: (m.date, m.source)):
            clashes: dict[str, list[AgendaItem]] = {}
            for item in m.items:
                if not _runs_on(item):
                    continue
                earlier = first.setdefault(item.number, (m, item))
                if earlier[0].date != m.date:
                    clashes.setdefault(earlier[0].source, []).append(item)
            for other, items in clashes.items():
                numbers = ", ".join(i.label for i in items)
                problems.warn(
                    m.source,
                    items[0].line,
                    M.NUMBERS_USED_EARLIER(
                        numbers=numbers, other=other, body=m.body, year=str(m.year)
                    ),
                    across=True,
                )


def last_number(meetings: Iterable[Meeting], body: str, day: date) -> int:
    """The highest § number (its whole-number part) in ``body``'s meetings of ``day``'s year
    held before ``day``, or 0: a new meeting's agenda starts at the number after it."""
    name = " ".join(body.split())
    highest = 0
    for m in meetings:
        if " ".join(m.body.split()) != name or m.year != day.year or m.date >= day:
            continue
        for item in m.items:
            lead = _LEADING.match(item.number) if _runs_on(item) else None
            if lead:
                highest = max(highest, int(lead.group()))
    return highest
