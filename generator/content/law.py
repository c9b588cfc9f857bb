"""The law's days: when a notice comes down and the time to appeal runs out.

Kommunallagen 13 kap. 5 § gives three weeks from the day the notice of adjusted minutes
went up (8 kap. 12 §); lag (1930:173) om beräkning av lagstadgad tid moves a period that
ends on a Saturday, Sunday, other public holiday, midsommarafton, julafton or nyårsafton to
the next day that is none of these. The calendar is the ``holidays`` package's: its Swedish
public holidays, with Sundays included and the three eves (its ``de_facto`` category).
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

import holidays
from holidays.constants import DE_FACTO, PUBLIC

APPEAL_DAYS = 21  # three weeks (kommunallagen 13 kap. 5 §)
_SATURDAY = 5


@lru_cache(maxsize=512)
def _days_off(year: int) -> frozenset[dt.date]:
    """Sundays, public holidays and the three eves of ``year``."""
    calendar = holidays.country_holidays(
        "SE", years=year, categories=(PUBLIC, DE_FACTO), include_sundays=True
    )
    return frozenset(calendar)


def is_day_off(day: dt.date) -> bool:
    """Whether a period that ends on ``day`` runs on to the next day (lag 1930:173)."""
    return day.weekday() == _SATURDAY or day in _days_off(day.year)


def next_working_day(day: dt.date) -> dt.date:
    """``day``, or the first day after it that is not a day off."""
    while is_day_off(day):
        day += dt.timedelta(days=1)
    return day


def last_day_to_appeal(posted: dt.date) -> dt.date:
    """The last day to appeal adjusted minutes whose notice went up on ``posted``; the
    notice stays up through that day."""
    return next_working_day(posted + dt.timedelta(days=APPEAL_DAYS))
