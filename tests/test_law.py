"""The law's days (lag 1930:173, kommunallagen 13 kap. 5 §), against a hand-checked list."""

from __future__ import annotations

from datetime import date

import pytest

from generator.content.law import is_day_off, last_day_to_appeal
from generator.content.model import Meeting

# (posted, posted + 21 days falls on, the last day to appeal): each worked out by hand from
# the Swedish calendar; the third column is the first day after that is no day off
CASES = [
    ("a plain weekday", date(2026, 9, 7), "Mon 2026-09-28", date(2026, 9, 28)),
    ("a Saturday", date(2026, 9, 5), "Sat 2026-09-26", date(2026, 9, 28)),
    ("a Sunday", date(2026, 9, 6), "Sun 2026-09-27", date(2026, 9, 28)),
    ("juldagen (the issue's case)", date(2026, 12, 4), "Fri 2026-12-25", date(2026, 12, 28)),
    ("nyårsdagen", date(2026, 12, 11), "Fri 2027-01-01", date(2027, 1, 4)),
    ("trettondedag jul", date(2026, 12, 16), "Wed 2027-01-06", date(2027, 1, 7)),
    ("första maj", date(2026, 4, 10), "Fri 2026-05-01", date(2026, 5, 4)),
    ("nationaldagen", date(2025, 5, 16), "Fri 2025-06-06", date(2025, 6, 9)),
    ("långfredagen, then påsk", date(2026, 3, 13), "Fri 2026-04-03", date(2026, 4, 7)),
    ("annandag påsk", date(2026, 3, 16), "Mon 2026-04-06", date(2026, 4, 7)),
    ("Kristi himmelsfärdsdag", date(2026, 4, 23), "Thu 2026-05-14", date(2026, 5, 15)),
    ("midsommardagen", date(2026, 5, 30), "Sat 2026-06-20", date(2026, 6, 22)),
    ("midsommarafton", date(2026, 5, 29), "Fri 2026-06-19", date(2026, 6, 22)),
    ("julafton", date(2026, 12, 3), "Thu 2026-12-24", date(2026, 12, 28)),
    ("nyårsafton", date(2026, 12, 10), "Thu 2026-12-31", date(2027, 1, 4)),
    (
        "the day before julafton is a working day",
        date(2026, 12, 2),
        "Wed 2026-12-23",
        date(2026, 12, 23),
    ),
]


@pytest.mark.parametrize(("kind", "posted", "falls_on", "last"), CASES, ids=[c[0] for c in CASES])
def test_last_day_to_appeal(kind: str, posted: date, falls_on: str, last: date) -> None:
    day = date.fromisoformat(falls_on.split()[1])
    assert day.strftime("%a") == falls_on.split()[0]  # the list itself is right
    assert (day - posted).days == 21
    assert last_day_to_appeal(posted) == last


@pytest.mark.parametrize(
    "day",
    [
        date(2026, 6, 19),  # midsommarafton
        date(2026, 12, 24),  # julafton
        date(2026, 12, 31),  # nyårsafton
        date(2026, 6, 20),  # midsommardagen (a Saturday)
        date(2027, 6, 26),  # midsommardagen
        date(2026, 5, 24),  # pingstdagen (a Sunday)
        date(2026, 10, 31),  # alla helgons dag
        date(2025, 5, 29),  # Kristi himmelsfärdsdag
        date(2025, 4, 21),  # annandag påsk
    ],
)
def test_days_off(day: date) -> None:
    assert is_day_off(day)


@pytest.mark.parametrize(
    "day",
    [
        date(2026, 12, 23),
        date(2026, 12, 30),
        date(2026, 6, 18),
        date(2026, 4, 2),
        date(2026, 5, 15),  # the day after Ascension: a bank's squeeze day, not the law's
        date(2026, 4, 30),  # valborgsmässoafton
    ],
)
def test_working_days(day: date) -> None:
    assert not is_day_off(day)


def test_the_notice_is_up_through_the_last_day_to_appeal() -> None:
    meeting = Meeting(
        source="content/x.md",
        body="KS",
        date=date(2026, 12, 1),
        title="KS",
        status="adjusted",
        adjusted=date(2026, 12, 3),
        posted=date(2026, 12, 4),
    )
    assert meeting.notice_end == date(2026, 12, 28)
