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
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass

from .model import Meeting, Person, Record, Segment, Vote

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


def read_mention(text: str) -> Person | None:
    """A name written in text (who a record is by, a voter, whom a substitute serves for):
    a person if it reads as one name, with or without a party or organisation; else None
    ('Anna Ek (S) och Bo Lund (M)' is two)."""
    folded = " ".join(text.split())
    found = _MENTION.match(folded)
    if not folded or found is None:
        return None
    return written(Person(name=folded))


def person_key(person: Person) -> PersonKey:
    """The person a listed or written name is (see the module's docstring)."""
    shown = written(person)
    return PersonKey(fold(shown.name), fold(shown.party), fold(shown.org))


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


class MeetingPeople:
    """The people one meeting names, each name as written resolved to the person it is."""

    def __init__(self, meeting: Meeting) -> None:
        named: list[Person] = [p for _, p in listed(meeting)]
        for segments in (meeting.preamble, *(i.segments for i in meeting.items)):
            named.extend(p for _, p in records(segments))
            named.extend(p for _, _, p in ballots(segments))
        named.extend(
            found
            for p in meeting.attendees
            if p.serving_for and (found := read_mention(p.serving_for)) is not None
        )
        by_name: dict[str, set[PersonKey]] = defaultdict(set)
        for person in named:
            key = person_key(person)
            if not key.bare:
                by_name[key.name].add(key)
        self._by_name = {name: next(iter(keys)) for name, keys in by_name.items() if len(keys) == 1}
        self.named = tuple(named)

    def key(self, person: Person) -> PersonKey:
        """The person a name of this meeting is: a bare name that the meeting names one
        person by (with party or organisation) is that person."""
        key = person_key(person)
        return self._by_name.get(key.name, key) if key.bare else key

    def key_of_text(self, text: str) -> PersonKey | None:
        """The person a name written in text is, if it reads as one."""
        person = read_mention(text)
        return self.key(person) if person is not None else None
