"""Who a name in the minutes is: 'Eva Hellstrand (C)' written as text and
``{name: Eva Hellstrand, party: C}`` written as keys are one person.

A person is a name and a party as written, compared after folding case, white space and
Unicode forms. The same name with another party is another person: two members of one name
in two parties are commoner than a member who changes party, and a guess that joins two
people would publish one's record as the other's (their pages link each other instead). A
name without a party is told apart by its organisation ('Lennart Johansson, Vision'), the
way officials and union representatives are written; a name with neither is a person of its
own. Within one meeting, a name written bare (no party, no organisation) that the meeting
names exactly one person by, with a party or an organisation, is that person:
``chair: Eva Hellstrand`` beside the attendee ``Eva Hellstrand (C)``.

The parser's checks of who took part use the same keys: who was present at which item
(``from``/``until`` in attendees), and that a vote is cast only by someone present at its
item and without a conflict of interest in it (jäv).
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from functools import lru_cache

from ..messages.front import Front as M
from .errors import Problems
from .frontmatter import Entry
from .model import AgendaItem, Meeting, Person, Record, Segment, Vote

# a mention written as text: 'Name', 'Name (Party)' or 'Name, Organisation'
_MENTION = re.compile(r"^(?P<name>[^(),]+?)\s*(?:\((?P<party>[^()]*)\)|,\s*(?P<org>[^(),]+))?$")
PERSONAL_RECORDS = ("motion", "support", "reservation", "note", "conflict")  # by a member


@dataclass(frozen=True, order=True, slots=True)
class PersonKey:
    """A person as names are compared: folded name, party, and organisation (when there is
    no party)."""

    name: str
    party: str = ""
    org: str = ""

    @property
    def bare(self) -> bool:
        """Written with neither party nor organisation."""
        return not (self.party or self.org)


def fold(text: str) -> str:
    """Text as names compare: Unicode composed, case folded, white space folded."""
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


def _party(text: str) -> str:
    """A party as written, without brackets around it ('(C)' → 'C')."""
    return " ".join(text.strip().strip("()").split())


@lru_cache(maxsize=1 << 16)  # a name is read thousands of times a build
def written(person: Person) -> Person:
    """A person as their name, party and organisation are written, white space folded; a
    name given as 'Name (Party)' inside ``name:`` is read as that."""
    name, party, org = " ".join(person.name.split()), _party(person.party), person.org.strip()
    if not party and not org:
        found = _MENTION.match(name)
        if found and (found["party"] is not None or found["org"]):
            name = found["name"].strip()
            party, org = _party(found["party"] or ""), (found["org"] or "").strip()
    return Person(name=name, party=party, org=" ".join(org.split()) if not party else "")


@lru_cache(maxsize=1 << 16)  # a name is read thousands of times a build
def read_mention(text: str) -> Person | None:
    """A name written in text (who a record is by, a voter, whom a substitute serves for):
    a person if it reads as one name, with or without a party or organisation; else None
    ('Anna Ek (S) och Bo Lund (M)' is two)."""
    folded = " ".join(text.split())
    found = _MENTION.match(folded)
    if not folded or found is None:
        return None
    return written(Person(name=folded))


@lru_cache(maxsize=1 << 16)  # a name is read thousands of times a build
def person_key(person: Person | str) -> PersonKey:
    """The person a listed or written name is (see the module's docstring): 'Anna Ek (M)',
    'anna  ek (M)' and the attendee {name: Anna Ek, party: M} are one key."""
    if isinstance(person, str):
        person = read_mention(person) or Person(name=" ".join(person.split()))
    shown = written(person)
    return PersonKey(fold(shown.name), fold(shown.party), fold(shown.org))


@lru_cache(maxsize=1 << 16)  # a name is read thousands of times a build
def shown_name(person: Person) -> str:
    """A person as the minutes write them: 'Eva Hellstrand (C)', 'Lennart Johansson, Vision'."""
    shown = written(person)
    if shown.party:
        return f"{shown.name} ({shown.party})"
    return f"{shown.name}, {shown.org}" if shown.org else shown.name


LISTS = ("chair", "secretary", "adjusters", "attendees", "officials", "absent", "certified_by")


def listed(meeting: Meeting) -> Iterator[tuple[str, Person]]:
    """Everyone a meeting's front matter names, with the field that names them, in order."""
    for field in LISTS:
        value = getattr(meeting, field)
        for entry in (value,) if isinstance(value, str) else value:
            if isinstance(entry, Person):
                yield field, entry
            elif entry.strip():
                yield field, read_mention(entry) or Person(name=" ".join(entry.split()))


def records(segments: tuple[Segment, ...]) -> Iterator[tuple[Record, Person]]:
    """The records of a member (motion, support, reservation, note, conflict) whose 'who'
    reads as one person."""
    for seg in segments:
        if isinstance(seg, Record) and seg.role in PERSONAL_RECORDS:
            person = read_mention(seg.who)
            if person is not None:
                yield seg, person


def ballots(segments: tuple[Segment, ...]) -> Iterator[tuple[Vote, str, Person]]:
    """Each recorded ballot of the votes among ``segments``: (vote, choice, voter)."""
    for seg in segments:
        if isinstance(seg, Vote):
            for member, choice in seg.ballots:
                person = read_mention(member)
                if person is not None:
                    yield seg, choice, person


class Names:
    """Keys of the people one meeting names, a bare name resolved to the one person the
    meeting names by it with a party or an organisation."""

    def __init__(self, keys: Iterable[PersonKey]) -> None:
        by_name: dict[str, set[PersonKey]] = defaultdict(set)
        for key in keys:
            if not key.bare:
                by_name[key.name].add(key)
        self._by_name = {name: next(iter(ks)) for name, ks in by_name.items() if len(ks) == 1}

    def resolve(self, key: PersonKey) -> PersonKey:
        """The person a key is in this meeting."""
        return self._by_name.get(key.name, key) if key.bare else key

    def key(self, person: Person | str) -> PersonKey:
        """The person a name of this meeting is."""
        return self.resolve(person_key(person))


class MeetingPeople(Names):
    """The people one meeting names, each name as written resolved to the person it is."""

    def __init__(self, meeting: Meeting) -> None:
        named: list[Person] = [p for _, p in listed(meeting)]
        shown = (i.segments for i in meeting.items if not i.confidential)
        for segments in (meeting.preamble, *shown):
            named.extend(p for _, p in records(segments))
            named.extend(p for _, _, p in ballots(segments))
        self.acting = len(named)  # those before are in a list, a record or a ballot
        named.extend(
            found
            for p in meeting.attendees
            if p.serving_for and (found := read_mention(p.serving_for)) is not None
        )
        keys = [person_key(p) for p in named]
        super().__init__(keys)
        self.named = tuple(named)
        self.keys = tuple(map(self.resolve, keys))  # the person each of ``named`` is

    def key_of_text(self, text: str) -> PersonKey | None:
        """The person a name written in text is, if it reads as one."""
        person = read_mention(text)
        return self.key(person) if person is not None else None


@dataclass(frozen=True, slots=True)
class Act:
    """What a person did at an item: a record of theirs (motion, support, reservation,
    note, conflict) or a recorded ballot (``vote``, with the choice and the question)."""

    role: str
    anchor: str  # the item's, '' for the meeting's opening text
    label: str  # the item's number as the minutes write it
    title: str
    choice: str = ""
    question: str = ""


@dataclass(frozen=True)  # no slots: kept with each parse (see parse.Parsed)
class Seen:
    """What one meeting says of one person: the lists naming them (field, role as written),
    whom they served for (as written, and who that is if it reads as one person), the items
    they came at and left after, and what they did."""

    lists: tuple[tuple[str, str], ...]
    serving_for: tuple[tuple[str, PersonKey | None], ...]
    from_item: str
    until_item: str
    acts: tuple[Act, ...]


@dataclass(frozen=True)  # no slots: kept with each parse (see parse.Parsed)
class Cast:
    """Who one meeting names and what it says of each, worked out once when the meeting is
    parsed and kept with the parse: a build then resolves the names of the meetings it
    parses, not the 220,000 names of 10,000 meetings every time."""

    written: tuple[tuple[PersonKey, Person], ...]  # everyone named, as last written in full
    acting: tuple[PersonKey, ...]  # in a list, a record or a ballot (a page each), in order
    shown: tuple[tuple[str, PersonKey], ...]  # each name as a page shows it, in name order
    seen: tuple[tuple[PersonKey, Seen], ...]  # what it says of each, first named first

    @classmethod
    def of(cls, meeting: Meeting) -> Cast:
        """The cast of a meeting as the build keeps it (its outline, when the prose goes
        to the store: that is all other pages may show of it)."""
        named = MeetingPeople(meeting)
        written_as: dict[PersonKey, Person] = {}
        acting: dict[PersonKey, None] = {}
        shown: dict[str, PersonKey] = {}
        for n, (person, key) in enumerate(zip(named.named, named.keys, strict=True)):
            as_written = written(person)
            # a bare name resolved to a member ('::: reservation Eva Hellstrand' beside the
            # attendee Eva Hellstrand (C)) does not write them: their party or organisation
            # is what the meeting says, and their page and open data must keep it
            if key.bare or as_written.party or as_written.org or key not in written_as:
                written_as[key] = as_written
            shown[shown_name(person)] = key
            if n < named.acting:
                acting[key] = None
        return cls(
            written=tuple(written_as.items()),
            acting=tuple(acting),
            shown=tuple(sorted(shown.items())),
            seen=_seen(meeting, named),
        )


def _seen(meeting: Meeting, named: MeetingPeople) -> tuple[tuple[PersonKey, Seen], ...]:
    lists: dict[PersonKey, list[tuple[str, str]]] = defaultdict(list)
    serving: dict[PersonKey, dict[str, None]] = defaultdict(dict)
    came: dict[PersonKey, str] = {}
    left: dict[PersonKey, str] = {}
    acts: dict[PersonKey, list[Act]] = defaultdict(list)
    order: dict[PersonKey, None] = {}
    for field_name, person in listed(meeting):
        key = named.key(person)
        order[key] = None
        lists[key].append((field_name, person.role.strip()))
        if person.serving_for.strip():
            serving[key][" ".join(person.serving_for.split())] = None
        came[key] = came.get(key) or person.from_item
        left[key] = left.get(key) or person.until_item
    parts = [("", "", "", meeting.preamble)]
    parts += [(i.anchor, i.label, i.title, i.segments) for i in meeting.items if not i.confidential]
    for anchor, label, title, segments in parts:
        for record, person in records(segments):
            key = named.key(person)
            order[key] = None
            acts[key].append(Act(record.role, anchor, label, title))
        for vote, choice, person in ballots(segments):
            key = named.key(person)
            order[key] = None
            acts[key].append(Act("vote", anchor, label, title, choice, vote.question))
    return tuple(
        (
            key,
            Seen(
                lists=tuple(lists.get(key, ())),
                serving_for=tuple((t, named.key_of_text(t)) for t in serving.get(key, ())),
                from_item=came.get(key, ""),
                until_item=left.get(key, ""),
                acts=tuple(acts.get(key, ())),
            ),
        )
        for key in order
    )


def item_reference(text: str) -> str:
    """An item as ``from``/``until`` names it: '90', '§ 90', '§90' and '4.2.' are 90 and 4.2."""
    return text.strip().removeprefix("§").strip().rstrip(".")


@dataclass(frozen=True)
class Presence:
    """The items a member was present at, as positions in the meeting's order (from/until
    compare by place on the agenda, not as numbers: 4.2 or 12.ii.c are numbers too)."""

    first: int
    last: int  # inclusive
    arrived: str = ""  # the label of the item arrived at ('§ 90'), if not the first
    left: str = ""  # of the item left after, if not the last
    from_line: int = 0
    until_line: int = 0

    def at(self, position: int) -> bool:
        """Whether the member was present at the item in that position."""
        return self.first <= position <= self.last


def attendance(
    attendees: tuple[Person, ...],
    entries: tuple[Entry, ...],
    items: list[AgendaItem],
    path: str,
    problems: Problems,
) -> tuple[tuple[Person, ...], dict[PersonKey, Presence]]:
    """The attendees with ``from``/``until`` written as their items' numbers ('§ 90' → '90'),
    and when each was present; an item number that is none of this meeting's, or a member
    who left before arriving, is an error on its line."""
    positions: dict[str, int] = {}
    labels: dict[str, str] = {}
    for n, item in enumerate(items):
        if item.number:
            positions.setdefault(item.number, n)
            labels.setdefault(item.number, item.label or item.number)
    people: list[Person] = []
    presence: dict[PersonKey, Presence] = {}
    for n, person in enumerate(attendees):
        lines = entries[n][1] if n < len(entries) else {}
        at = entries[n][0] if n < len(entries) else 1
        first, last = 0, len(items) - 1
        arrived, left = item_reference(person.from_item), item_reference(person.until_item)
        ok = True
        if arrived and arrived not in positions:
            ok = False
            problems.error(
                path,
                lines.get("from", at),
                M.FROM_NOT_AN_ITEM(number=arrived, name=person.name),
            )
        if left and left not in positions:
            ok = False
            problems.error(
                path,
                lines.get("until", at),
                M.UNTIL_NOT_AN_ITEM(number=left, name=person.name),
            )
        if ok and arrived:
            first = positions[arrived]
        if ok and left:
            last = positions[left]
        if ok and arrived and left and first > last:
            ok = False
            problems.error(
                path,
                lines.get("until", at),
                M.LEFT_BEFORE_ARRIVING(
                    name=person.name, left=labels[left], arrived=labels[arrived]
                ),
            )
        person = replace(person, from_item=arrived, until_item=left)
        people.append(person)
        if ok:
            presence.setdefault(
                person_key(person),
                Presence(
                    first,
                    last,
                    labels.get(arrived, ""),
                    labels.get(left, ""),
                    lines.get("from", at),
                    lines.get("until", at),
                ),
            )
    return tuple(people), presence


def check_votes(
    items: list[AgendaItem],
    located: dict[int, tuple[int, ...]],
    record_lines: dict[int, int],
    presence: dict[PersonKey, Presence],
    absent: tuple[Person, ...],
    path: str,
    problems: Problems,
) -> None:
    """A ballot cast by a member with a conflict of interest in the item, by one absent at
    it (from/until) or listed as absent, is an error on the ballot's line naming them.
    ``located`` holds each vote's ballot lines, ``record_lines`` each record's line (by
    the id of the segment)."""
    names = Names(
        [*presence, *(person_key(p) for p in absent)]
        + [
            person_key(s.who)
            for item in items
            for s in item.segments
            if isinstance(s, Record) and s.role == "conflict" and s.who
        ]
        + [
            person_key(member)
            for item in items
            for vote in item.votes
            for member, _ in vote.ballots
        ]
    )
    presence = {names.resolve(key): here for key, here in presence.items()}
    away = {names.key(p) for p in absent} - set(presence)
    for position, item in enumerate(items):
        conflicts = {
            names.key(s.who): record_lines.get(id(s), item.line)
            for s in item.segments
            if isinstance(s, Record) and s.role == "conflict" and s.who
        }
        for vote in item.votes:
            cast: dict[PersonKey, tuple[str, int]] = {}  # who has voted: as written, where
            for (member, _), line in zip(vote.ballots, located.get(id(vote), ()), strict=False):
                key = names.key(member)
                here = presence.get(key)
                if key in cast:  # written alike, the vote's own check says so
                    problems.error(
                        path,
                        line,
                        M.VOTED_TWICE(member=member, other=cast[key][0], line=cast[key][1]),
                    )
                    continue
                cast[key] = (member, line)
                if key in conflicts:
                    problems.error(
                        path,
                        line,
                        M.VOTE_WITH_CONFLICT(member=member, line=conflicts[key]),
                    )
                elif key in away:
                    problems.error(
                        path,
                        line,
                        M.VOTE_BY_ABSENT(member=member),
                    )
                elif here is not None and position < here.first:
                    problems.error(
                        path,
                        line,
                        M.VOTE_BEFORE_ARRIVING(
                            member=member, arrived=here.arrived, line=here.from_line
                        ),
                    )
                elif here is not None and position > here.last:
                    problems.error(
                        path,
                        line,
                        M.VOTE_AFTER_LEAVING(member=member, left=here.left, line=here.until_line),
                    )


def check_present_and_absent(
    attendees: tuple[Person, ...],
    absent: tuple[Person, ...],
    entries: tuple[Entry, ...],
    path: str,
    problems: Problems,
) -> None:
    """A member listed both as present and as absent is a warning on the absent entry's line
    (an error with --strict): the page shows both lists as written, and the member's page
    counts the meeting as attended. Not an error: a record may say both (a member present
    for part of the meeting), and the build must not refuse what the clerk wrote."""
    names = Names(person_key(p) for p in (*attendees, *absent))
    present = {names.key(p) for p in attendees}
    for n, person in enumerate(absent):
        if names.key(person) in present:
            problems.warn(
                path,
                entries[n][0] if n < len(entries) else 1,
                M.PRESENT_AND_ABSENT(name=shown_name(person)),
            )
