"""A meeting's dates against each other and the law: adjusted after the meeting, the notice
up within two days of the adjustment (kommunallagen 8 kap. 12 §), a meeting announced at
least a week ahead (5 kap. 62 §), an item adjusted at once with its own dates, and where
adjusted minutes are kept. Each a warning on its line (an error with --strict): the dates
are the record, and only the clerk can tell which one is wrong."""

from __future__ import annotations

from datetime import date
from typing import Any

from .errors import Problems
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
            f"adjusted: {adjusted} is before the meeting ({day}); minutes are adjusted "
            "at or after the meeting: check the dates",
        )
    if adjusted is not None and posted is not None and posted < adjusted:
        problems.warn(
            path,
            lines["posted"],
            f"posted: {posted} is before adjusted ({adjusted}); the notice goes up once "
            "the minutes are adjusted: check the dates",
        )
    elif adjusted is not None and posted is not None and _late(adjusted, posted):
        problems.warn(
            path,
            lines["posted"],
            f"posted: {posted} is {(posted - adjusted).days} days after adjusted "
            f"({adjusted}); kommunallagen 8 kap. 12 § says the notice goes up within two "
            "days of the adjustment: check the dates",
        )
    if status == "planned" and day is not None and announced is not None:
        ahead = (day - announced).days
        if ahead < 0:
            problems.warn(
                path,
                lines["announced"],
                f"announced: {announced} is after the meeting ({day}); an announcement "
                "goes up before the meeting: check the date",
            )
        elif ahead < ANNOUNCE_AHEAD:
            problems.warn(
                path,
                lines["announced"],
                f"announced: {announced} is {ahead} day(s) before the meeting ({day}); "
                "kommunallagen 5 kap. 62 § says a meeting of fullmäktige is announced at "
                "least a week before: check the date",
            )
    place = values.get("notice_place") or site_place
    if status == "adjusted" and not place:
        problems.warn(
            path,
            lines.get("status", 1),
            "status: adjusted minutes without notice_place (förvaringsplats: where the "
            "minutes are kept), which their notice must say; write notice_place: in the "
            "front matter, or notice_place in site.toml for every meeting",
        )
    for item in items:
        _check_item(item, day, status, bool(place), path, problems)


def _late(adjusted: date, posted: date) -> bool:
    """Whether the notice went up more than two calendar days after the adjustment."""
    return (posted - adjusted).days > NOTICE_WITHIN


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
    name = item.label or item.title or "this item"
    if item.adjusted is None:
        problems.warn(
            path,
            item.line,
            f"{name}: posted={item.posted} without adjusted=; an item adjusted at once "
            "gives both, {adjusted=YYYY-MM-DD posted=YYYY-MM-DD}",
        )
        return
    if status == "planned":
        problems.warn(
            path,
            item.line,
            f"{name}: adjusted={item.adjusted} on an item of a planned meeting; an item is "
            "adjusted at once when the meeting is held: remove it, or change status",
        )
        return
    if status == "draft":
        problems.warn(
            path,
            item.line,
            f"{name}: adjusted at once, but the minutes are a draft and not published, so "
            "its notice is not on the notice board; publish the minutes (status: adjusted), "
            "or the item as an extract of them (extract: true)",
        )
    if day is not None and item.adjusted < day:
        problems.warn(
            path,
            item.line,
            f"{name}: adjusted={item.adjusted} is before the meeting ({day}); an item is "
            "adjusted at once at the meeting: check the date",
        )
    if item.posted is None:
        problems.warn(
            path,
            item.line,
            f"{name}: adjusted at once without posted=, so its notice and the time to "
            "appeal cannot be shown; add posted= (the day its notice went up)",
        )
        return
    if item.posted < item.adjusted:
        problems.warn(
            path,
            item.line,
            f"{name}: posted={item.posted} is before adjusted={item.adjusted}; its notice "
            "goes up once the item is adjusted: check the dates",
        )
    elif _late(item.adjusted, item.posted):
        problems.warn(
            path,
            item.line,
            f"{name}: posted={item.posted} is {(item.posted - item.adjusted).days} days "
            f"after adjusted={item.adjusted}; kommunallagen 8 kap. 12 § says the notice goes "
            "up within two days of the adjustment: check the dates",
        )
    if not placed:
        problems.warn(
            path,
            item.line,
            f"{name}: adjusted at once without notice_place (förvaringsplats: where the "
            "minutes are kept), which its notice must say; write notice_place: in the front "
            "matter, or notice_place in site.toml for every meeting",
        )
