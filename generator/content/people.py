"""Who took part, item by item: one person however the minutes write them, who was present
at which item (``from``/``until`` in attendees), and the checks that a vote is cast only by
someone present at its item and without a conflict of interest in it (jäv)."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, replace

from .errors import Problems
from .frontmatter import Entry, parse_person
from .model import AgendaItem, Person, Record


def person_key(person: Person | str) -> str:
    """The person as one key, however written: 'Anna Ek (M)', 'anna  ek' and the attendee
    {name: Anna Ek, party: M} are all 'anna ek'. The name alone, folded (Unicode, case, white
    space): the party or organisation after a name tells who is meant, and is not always
    written."""
    if isinstance(person, str):
        found = parse_person(person)
        name = found.name if found is not None else person
    else:
        name = person.name
    return " ".join(unicodedata.normalize("NFKC", name).casefold().split())


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
) -> tuple[tuple[Person, ...], dict[str, Presence]]:
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
    presence: dict[str, Presence] = {}
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
                f"attendees: from: {arrived} is not the number of an item of this meeting; "
                f"write the number of the item {person.name} arrived at, as its heading "
                'writes it (a number with a dot in quotes: "4.10")',
            )
        if left and left not in positions:
            ok = False
            problems.error(
                path,
                lines.get("until", at),
                f"attendees: until: {left} is not the number of an item of this meeting; "
                f"write the number of the last item {person.name} was present at, as its "
                'heading writes it (a number with a dot in quotes: "4.10")',
            )
        if ok and arrived:
            first = positions[arrived]
        if ok and left:
            last = positions[left]
        if ok and first > last:
            ok = False
            problems.error(
                path,
                lines.get("until", at),
                f"attendees: {person.name} left after {labels[left]} (until:), before "
                f"arriving at {labels[arrived]} (from:); check the numbers",
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
    presence: dict[str, Presence],
    absent: tuple[Person, ...],
    path: str,
    problems: Problems,
) -> None:
    """A ballot cast by a member with a conflict of interest in the item, by one absent at
    it (from/until) or listed as absent, is an error on the ballot's line naming them.
    ``located`` holds each vote's ballot lines, ``record_lines`` each record's line (by
    the id of the segment)."""
    away = {person_key(p) for p in absent} - set(presence)
    for position, item in enumerate(items):
        conflicts = {
            person_key(s.who): record_lines.get(id(s), item.line)
            for s in item.segments
            if isinstance(s, Record) and s.role == "conflict" and s.who
        }
        for vote in item.votes:
            for (member, _), line in zip(vote.ballots, located.get(id(vote), ()), strict=False):
                key = person_key(member)
                here = presence.get(key)
                if key in conflicts:
                    problems.error(
                        path,
                        line,
                        f"vote: {member} has a conflict of interest (jäv) in this item "
                        f"('::: conflict' on line {conflicts[key]}) and takes no part in it, "
                        "so cannot vote; remove the vote or the conflict",
                    )
                elif key in away:
                    problems.error(
                        path,
                        line,
                        f"vote: {member} is listed as absent (absent:) and cannot vote; "
                        "remove the vote, or list the member in attendees",
                    )
                elif here is not None and position < here.first:
                    problems.error(
                        path,
                        line,
                        f"vote: {member} was not present at this item: arrived at "
                        f"{here.arrived} (from: on line {here.from_line}); remove "
                        "the vote, or correct from: in attendees",
                    )
                elif here is not None and position > here.last:
                    problems.error(
                        path,
                        line,
                        f"vote: {member} was not present at this item: left after "
                        f"{here.left} (until: on line {here.until_line}); remove "
                        "the vote, or correct until: in attendees",
                    )
