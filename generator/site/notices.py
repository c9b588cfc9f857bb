"""The notice board (anslagstavla), derived for the build's date: the notices of adjusted
minutes and of items adjusted at once, each up from its posting through its own last day to
appeal; and the announcements (kungörelser) of planned meetings of bodies that announce
theirs, up from ``announced`` through the meeting day."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from ..content.errors import Problems
from ..content.law import last_day_to_appeal
from ..content.model import AgendaItem, Meeting
from ..messages.front import Front as M

if TYPE_CHECKING:
    from .derive import Body

PAST_NOTICES = 50  # taken-down notices listed; the archive has them all
HELD = ("adjusted", "published")  # minutes whose items adjusted at once have notices


@dataclass(frozen=True, slots=True)
class Notice:
    """One notice: of adjusted minutes (``item`` None), of one item adjusted at once, or
    (``announcement``) of a planned meeting; up from ``posted`` through ``until``."""

    meeting: Meeting
    posted: date
    until: date  # the last day to appeal; for an announcement, the meeting day
    item: AgendaItem | None = None
    announcement: bool = False

    @property
    def adjusted(self) -> date | None:
        """When what the notice is of was adjusted."""
        return self.item.adjusted if self.item is not None else self.meeting.adjusted


@dataclass(frozen=True, slots=True)
class Board:
    """The notice board on one day."""

    notices: tuple[Notice, ...]  # up, newest first
    past: tuple[Notice, ...]  # taken down, newest first (the PAST_NOTICES newest)
    announcements: tuple[Notice, ...]  # up, the nearest meeting first


def _appeals(meetings: Iterable[Meeting]) -> list[Notice]:
    """Every notice with a time to appeal: adjusted minutes, items adjusted at once."""
    found: list[Notice] = []
    for m in meetings:
        if m.status == "adjusted" and m.posted is not None:
            found.append(Notice(m, m.posted, last_day_to_appeal(m.posted)))
        if m.status in HELD:
            found.extend(
                Notice(m, i.posted, last_day_to_appeal(i.posted), i)
                for i in m.items
                if i.adjusted is not None and i.posted is not None
            )
    return found


def notice_board(meetings: Iterable[Meeting], bodies: Mapping[str, Body], today: date) -> Board:
    """The board on ``today``: ``meetings`` are the published ones, ``bodies`` each one's
    body by source (whose description says whether it announces its meetings)."""
    meetings = list(meetings)
    appeals = sorted(
        _appeals(meetings),
        key=lambda n: (n.posted, n.meeting.source, n.item.line if n.item else 0),
        reverse=True,
    )
    announced = sorted(
        (
            Notice(m, m.announced, m.date, announcement=True)
            for m in meetings
            if m.status == "planned"
            and m.announced is not None
            and announces(bodies[m.source])
            and m.announced <= today <= m.date
        ),
        key=lambda n: (n.meeting.date, n.meeting.start, n.meeting.source),
    )
    return Board(
        notices=tuple(n for n in appeals if n.posted <= today <= n.until),
        past=tuple(n for n in appeals if n.until < today)[:PAST_NOTICES],
        announcements=tuple(announced),
    )


def announces(body: Body) -> bool:
    """Whether the body announces its meetings (``announce: true`` in its description)."""
    return body.info is not None and body.info.announce


def check_announcements(bodies: Iterable[Body], problems: Problems) -> None:
    """A planned meeting of a body that announces its meetings needs the day it was
    announced, or it is not on the notice board; ``announced`` on a planned meeting of a
    body that does not announce would show nowhere. Warnings on the meeting's line."""
    for body in bodies:
        own = f"content/bodies/{body.path.rstrip('/').rsplit('/')[-1]}.md"
        for m in body.meetings:
            if m.status != "planned":
                continue
            if announces(body) and m.announced is None:
                problems.warn(
                    m.source,
                    m.line_of("status"),
                    M.PLANNED_NOT_ANNOUNCED(body=body.name, file=own),
                    across=True,
                )
            elif not announces(body) and m.announced is not None:
                problems.warn(
                    m.source,
                    m.line_of("announced"),
                    M.ANNOUNCED_BUT_BODY_DOES_NOT(body=body.name, file=own),
                    across=True,
                )
