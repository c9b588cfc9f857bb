"""The content model: what a meeting is, built once by the parser and read by the renderer.

The classes are frozen but not slotted: meetings cross process boundaries and sit in the
build cache as pickles, and slotted dataclasses pickle about twice as slowly.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from functools import cached_property
from typing import Literal

from .law import last_day_to_appeal

Status = Literal["planned", "draft", "adjusted", "published"]
STATUSES: tuple[Status, ...] = ("planned", "draft", "adjusted", "published")


@dataclass(frozen=True)
class Person:
    """Somebody named in the minutes: attendee, absentee or official."""

    name: str
    party: str = ""
    org: str = ""
    role: str = ""
    serving_for: str = ""  # a substitute (tjänstgörande ersättare) serving for this member
    from_item: str = ""  # arrived at this item ('from:' in the front matter)
    until_item: str = ""  # left after this item ('until:')


@dataclass(frozen=True)
class Attachment:
    """A document that belongs to the meeting: a file in content/, a URL, or only a title."""

    title: str
    file: str = ""  # path relative to content/
    url: str = ""


@dataclass(frozen=True)
class Reference:
    """A handling the text mentions whose minutes are not published on the site (another
    body's earlier meeting): shown on the case page as a reference, never as a link."""

    body: str
    date: dt.date
    item: str = ""  # the number as the text gives it: '§ 45'
    case: str = ""
    mentioned_in: str = ""  # anchor of the item of this meeting that mentions it
    line: int = 0  # of the references key, for messages


LABELLED = (
    "chair",
    "secretary",
    "adjusters",
    "attendees",
    "absent",
    "officials",
    "certified_by",
)


@dataclass(frozen=True)
class Html:
    """A run of rendered Markdown inside an item."""

    html: str
    kind: Literal["html"] = "html"


@dataclass(frozen=True)
class Decision:
    """A decision (beslut), either a ``::: decision`` container or a ``### Beslut`` section."""

    html: str
    text: str
    heading: str = ""  # the decision word as written, for the heading form
    level: int = 3
    kind: Literal["decision"] = "decision"


@dataclass(frozen=True)
class Record:
    """A proposal, motion, reservation, distribution list, support (bifall), note
    (protokollsanteckning) or conflict of interest (jäv), with who it is by."""

    role: Literal[
        "proposal", "motion", "reservation", "distribution", "support", "note", "conflict"
    ]
    who: str
    html: str
    kind: Literal["record"] = "record"


@dataclass(frozen=True)
class Vote:
    """A roll-call vote (votering), or only its outcome."""

    question: str
    options: tuple[tuple[str, str], ...]  # (choice, what it means)
    ballots: tuple[tuple[str, str], ...]  # (member, choice), in the order written
    tally: tuple[tuple[str, int], ...]  # (choice, count), every choice seen or stated
    kind: Literal["vote"] = "vote"


Segment = Html | Decision | Record | Vote


@dataclass(frozen=True)
class AgendaItem:
    """One agenda item (ärende): a level-2 heading and what follows it."""

    number: str
    title: str
    anchor: str
    case: str
    line: int
    label: str = ""  # the number as the minutes write it: '§ 89', '115.', '4.2'
    segments: tuple[Segment, ...] = ()
    confidential: bool = False
    osl: str = ""  # the ground for secrecy of a confidential item, shown with its notice
    adjusted: dt.date | None = None  # adjusted at once (omedelbar justering), at the meeting
    posted: dt.date | None = None  # its own notice went up: its own appeal window

    @property
    def notice_end(self) -> dt.date | None:
        """The last day to appeal an item adjusted at once (its notice is up through it)."""
        return last_day_to_appeal(self.posted) if self.adjusted and self.posted else None

    @cached_property
    def decisions(self) -> tuple[Decision, ...]:
        """The item's decisions, in order (asked for by every index: computed once)."""
        return tuple(s for s in self.segments if isinstance(s, Decision))

    @property
    def votes(self) -> tuple[Vote, ...]:
        """The item's votes, in order."""
        return tuple(s for s in self.segments if isinstance(s, Vote))


@dataclass(frozen=True)
class Meeting:
    """One meeting document, as published (closed and confidential parts already removed)."""

    source: str  # path relative to the site root, e.g. content/rs/2020/2020-05-26.md
    body: str
    date: dt.date
    title: str
    organisation: str = ""
    end_date: dt.date | None = None
    type: str = ""
    status: Status = "published"
    extract: bool = False
    case: str = ""
    public: bool = True
    start: str = ""
    end: str = ""
    location: str = ""
    chair: str = ""
    secretary: tuple[str, ...] = ()
    adjusters: tuple[str, ...] = ()
    adjusted: dt.date | None = None
    posted: dt.date | None = None
    notice_place: str = ""  # where the adjusted minutes are kept (else site.toml's)
    announced: dt.date | None = None  # a planned meeting's announcement (kungörelse) went up
    attendees: tuple[Person, ...] = ()
    absent: tuple[Person, ...] = ()
    officials: tuple[Person, ...] = ()
    attachments: tuple[Attachment, ...] = ()
    certified_by: tuple[str, ...] = ()  # who certifies extracts (utdragsbestyrkande)
    lang: str = ""
    date_note: str = ""  # what the source says of a date it does not give
    editor_note: str = ""  # what the source lacks (a missing page, votes not given)
    labels: tuple[tuple[str, str], ...] = ()  # (people field, the source's own label for it)
    references: tuple[Reference, ...] = ()
    preamble: tuple[Segment, ...] = ()
    items: tuple[AgendaItem, ...] = ()
    links: tuple[tuple[str, int], ...] = ()  # (content path#anchor, line) of links to other files
    extra: tuple[tuple[str, str], ...] = ()
    withheld: tuple[str, ...] = ()  # files under content/ a secret part refers to: not copied
    lines: tuple[tuple[str, int], ...] = ()  # (key, line) of the keys checks across files name
    is_outline: bool = False  # prose left out (see outline())

    def outline(self) -> Meeting:
        """The meeting without its prose: metadata, item titles, decisions, votes and who
        each record is by (its text left out), which is all that any page but its own shows
        (person pages list the records)."""
        items = tuple(replace(i, segments=_outlined(i.segments)) for i in self.items)
        preamble = tuple(s for s in _outlined(self.preamble) if isinstance(s, Record))
        return replace(self, preamble=preamble, items=items, is_outline=True)

    def line_of(self, key: str) -> int:
        """The line of a front matter key (of those kept in ``lines``), else 1."""
        return dict(self.lines).get(key, 1)

    def label(self, field: str, default: str) -> str:
        """The source's own label of a people field ('Vid anteckningar'), else ``default``."""
        return dict(self.labels).get(field, default)

    @property
    def ends(self) -> tuple[dt.date, str] | None:
        """The day and time the meeting ends, if ``end`` is given: an end before the start
        on the last day (the parser allows it only in the small hours: 18:00 to 00:15) is
        past midnight, on the next day."""
        if not self.end:
            return None
        last = self.end_date or self.date
        if self.start and self.end < self.start and last == self.date:
            return last + dt.timedelta(days=1), self.end
        return last, self.end

    @property
    def notice_end(self) -> dt.date | None:
        """Last day the notice is up, which is also the last day to appeal: three weeks
        after it went up, moved off weekends, holidays and the three eves (see ``law``)."""
        return last_day_to_appeal(self.posted) if self.posted else None

    @property
    def decision_anchors(self) -> tuple[str, ...]:
        """Anchors of the items that have a decision (for search's 'decisions only')."""
        return tuple(i.anchor for i in self.items if i.decisions)

    @property
    def year(self) -> int:
        """The year the meeting is filed under."""
        return self.date.year


def _outlined(segments: tuple[Segment, ...]) -> tuple[Segment, ...]:
    """Decisions and votes, and records without their text."""
    return tuple(
        replace(s, html="") if isinstance(s, Record) else s
        for s in segments
        if isinstance(s, Decision | Vote | Record)
    )


@dataclass(frozen=True)
class Page:
    """A plain page from content/pages/."""

    source: str
    slug: str
    title: str
    html: str
    links: tuple[tuple[str, int], ...] = ()  # (content path#anchor, line), as a meeting's


@dataclass(frozen=True)
class BodyInfo:
    """A governing body's own description from content/bodies/<slug>.md."""

    source: str
    slug: str
    name: str
    html: str
    members: tuple[Person, ...] = ()
    links: tuple[tuple[str, int], ...] = ()  # (content path#anchor, line), as a meeting's
    announce: bool = False  # its planned meetings are announced on the notice board (kungörelse)
