"""A meeting's dates against each other and the law: adjusted after the meeting, the notice
up within two days of the adjustment (kommunallagen 8 kap. 12 §), a meeting announced at
least a week ahead (5 kap. 62 §), an item adjusted at once with its own dates, and where
adjusted minutes are kept. Each a warning on its line (an error with --strict): the dates
are the record, and only the clerk can tell which one is wrong."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from ..messages.front import Front as M
from .errors import Problems
from .law import next_working_day
from .model import AgendaItem

NOTICE_WITHIN = 2  # days from adjustment to notice (kommunallagen 8 kap. 12 §)
ANNOUNCE_AHEAD = 7  # days from announcement to meeting, at least (5 kap. 62 §)


def check_dates(
    values: dict[str, Any],
    lines: dict[str, int],
    items: list[AgendaItem],
    site_place: str,
    path: str,
    problems: Problems,
) -> None:
    """Warn about every date of a meeting (and its items adjusted at once) that contradicts
    another or the law, and about adjusted minutes whose notice cannot say where they are
    kept (``site_place``: site.toml's notice_place; there is no default)."""
    day: date | None = values.get("date")
    status = values.get("status", "published")
    adjusted: date | None = values.get("adjusted")
    posted: date | None = values.get("posted")
    announced: date | None = values.get("announced")
    if day is not None and adjusted is not None and adjusted < day:
        problems.warn(
            path,
            lines["adjusted"],
            M.ADJUSTED_BEFORE_MEETING(adjusted=adjusted.isoformat(), date=day.isoformat()),
        )
    if adjusted is not None and posted is not None and posted < adjusted:
        problems.warn(
            path,
            lines["posted"],
            M.POSTED_BEFORE_ADJUSTED(posted=posted.isoformat(), adjusted=adjusted.isoformat()),
        )
    elif adjusted is not None and posted is not None and _late(adjusted, posted):
        problems.warn(
            path,
            lines["posted"],
            M.POSTED_LATE(
                posted=posted.isoformat(),
                days=(posted - adjusted).days,
                adjusted=adjusted.isoformat(),
            ),
        )
    if status == "planned" and day is not None and announced is not None:
        ahead = (day - announced).days
        if ahead < 0:
            problems.warn(
                path,
                lines["announced"],
                M.ANNOUNCED_AFTER_MEETING(announced=announced.isoformat(), date=day.isoformat()),
            )
        elif ahead < ANNOUNCE_AHEAD:
            problems.warn(
                path,
                lines["announced"],
                M.ANNOUNCED_LATE(announced=announced.isoformat(), days=ahead, date=day.isoformat()),
            )
    place = values.get("notice_place") or site_place
    if status == "adjusted" and not place:
        problems.warn(
            path,
            lines.get("status", 1),
            M.NO_NOTICE_PLACE(),
        )
    for item in items:
        _check_item(item, day, status, bool(place), path, problems)


def _late(adjusted: date, posted: date) -> bool:
    """Whether the notice went up after the last day the law allows: two days after the
    adjustment, moved on past a Saturday, Sunday or holiday (lag 1930:173), so minutes
    adjusted on a Friday may go up on the Monday."""
    return posted > next_working_day(adjusted + timedelta(days=NOTICE_WITHIN))


def _check_item(
    item: AgendaItem,
    day: date | None,
    status: str,
    placed: bool,
    path: str,
    problems: Problems,
) -> None:
    """An item adjusted at once (``{adjusted=... posted=...}``): both dates, in order, at or
    after the meeting, in minutes that are published."""
    if item.adjusted is None and item.posted is None:
        return
    if any(p.line == item.line and p.severity == "error" for p in problems.items):
        return  # its attribute block is wrong already (a date that is none)
    name = item.label or item.title or f"#{item.anchor}"
    if item.adjusted is None:
        problems.warn(
            path,
            item.line,
            M.ITEM_POSTED_WITHOUT_ADJUSTED(item=name, posted=str(item.posted)),
        )
        return
    if status == "planned":
        problems.warn(
            path,
            item.line,
            M.ITEM_ADJUSTED_IN_PLANNED(item=name, adjusted=item.adjusted.isoformat()),
        )
        return
    if status == "draft":
        problems.warn(
            path,
            item.line,
            M.ITEM_ADJUSTED_IN_DRAFT(item=name),
        )
    if day is not None and item.adjusted < day:
        problems.warn(
            path,
            item.line,
            M.ITEM_ADJUSTED_BEFORE_MEETING(
                item=name, adjusted=item.adjusted.isoformat(), date=day.isoformat()
            ),
        )
    if item.posted is None:
        problems.warn(
            path,
            item.line,
            M.ITEM_WITHOUT_POSTED(item=name),
        )
        return
    if item.posted < item.adjusted:
        problems.warn(
            path,
            item.line,
            M.ITEM_POSTED_BEFORE_ADJUSTED(
                item=name, posted=item.posted.isoformat(), adjusted=item.adjusted.isoformat()
            ),
        )
    elif _late(item.adjusted, item.posted):
        problems.warn(
            path,
            item.line,
            M.ITEM_POSTED_LATE(
                item=name,
                posted=item.posted.isoformat(),
                days=(item.posted - item.adjusted).days,
                adjusted=item.adjusted.isoformat(),
            ),
        )
    if not placed:
        problems.warn(
            path,
            item.line,
            M.ITEM_NO_NOTICE_PLACE(item=name),
        )
