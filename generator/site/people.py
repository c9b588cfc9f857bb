"""Everyone the published minutes name, each with the meetings that name them: how each
meeting lists them (role, whom they served for), what they did in it (motions, supports,
reservations, notes, conflicts, recorded votes) and their attendance per year.

Made from what other pages may show of a meeting (its outline, see model.Meeting.outline):
a closed meeting names nobody and a confidential item holds no records or votes, so
nothing of them can reach a person. A planned meeting (a notice) is listed with whom it
calls, but not attended yet: it counts in no year's attendance.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache

from ..content.model import Meeting, Person
from ..content.people import Act, Cast, PersonKey, Seen, read_mention, shown_name
from .paths import person_path, person_slugs

PRESENT = ("chair", "secretary", "adjusters", "attendees", "officials")  # listed as there
_SWEDISH_ORDER = str.maketrans({"å": "{", "ä": "|", "ö": "}", "æ": "|", "ø": "}"})  # after z


THERE, AWAY, NEITHER = 0, 1, 2  # how a meeting's lists give a person


@lru_cache(maxsize=1 << 12)  # a few hundred different lists, met 190,000 times
def _listed_as(lists: tuple[tuple[str, str], ...]) -> int:
    """Whether lists (field, role) give a person as there, as absent (and not there), or
    neither."""
    if any(f in PRESENT for f, _ in lists):
        return THERE
    return AWAY if any(f == "absent" for f, _ in lists) else NEITHER


@dataclass(frozen=True, slots=True)
class Appearance:
    """One meeting that names a person: the lists naming them (field, role as written),
    whom they served for (as written, and that person's page), when they came and left,
    and what they did."""

    meeting: Meeting
    lists: tuple[tuple[str, str], ...] = ()
    serving_for: tuple[tuple[str, str], ...] = ()  # (name as written, page path or '')
    from_item: str = ""
    until_item: str = ""
    acts: tuple[Act, ...] = ()

    @property
    def present(self) -> bool:
        """Listed as there (attendee, official, chair, secretary, adjuster) at a meeting
        held (a notice's lists say who is called, not who came)."""
        return self.meeting.status != "planned" and _listed_as(self.lists) == THERE

    @property
    def absent(self) -> bool:
        """Listed as absent at a meeting held, and in no list of those there."""
        return self.meeting.status != "planned" and _listed_as(self.lists) == AWAY

    def roles(self, words: Mapping[str, str]) -> tuple[str, ...]:
        """The roles the meeting gives, in the source's words (a role as written, else the
        list's own label, else ``words`` of the site's language), each once. A notice of a
        meeting gives only roles as written: its lists say who is called, not who came."""
        found: dict[str, str] = {}
        planned = self.meeting.status == "planned"
        for field_name, role in self.lists:
            if planned and not role:
                continue
            shown = role or self.meeting.label(field_name, words[field_name])
            found.setdefault(shown.casefold(), shown)
        return tuple(found.values())


@dataclass(frozen=True, slots=True)
class BodyMeetings:
    """The meetings of one body that name a person, by year, newest first: a heading each
    on their page, so that a meeting's line need not repeat the body and the year."""

    body: str
    organisation: str  # '' unless another body of the same name names them too
    years: tuple[tuple[int, tuple[Appearance, ...]], ...]


@dataclass(frozen=True, slots=True)
class Year:
    """A person's attendance in one year, as the attendance lists give it."""

    year: int
    present: int
    absent: int


@dataclass(frozen=True, slots=True)
class Profile:
    """A person: the name and party (or organisation) as the newest meeting writes them,
    their page and file key, others of the same name, and the meetings naming them,
    newest first."""

    key: PersonKey
    name: str
    party: str
    org: str
    slug: str
    path: str
    appearances: tuple[Appearance, ...]
    namesakes: tuple[tuple[str, str], ...] = ()  # (shown name, page path), same name

    @property
    def shown(self) -> str:
        """'Eva Hellstrand (C)', 'Lennart Johansson, Vision', 'Anna Berg'."""
        return shown_name(Person(self.name, self.party, self.org))

    @property
    def by_body(self) -> tuple[BodyMeetings, ...]:
        """Their meetings as their page lists them: under each body (the most recent first),
        by year, newest first; the organisation is named only where two of their bodies
        share a name (as on a site of several organisations)."""
        groups: dict[tuple[str, str], dict[int, list[Appearance]]] = {}
        for a in self.appearances:
            m = a.meeting
            years = groups.setdefault((m.organisation, m.body), {})
            years.setdefault(m.year, []).append(a)
        names = Counter(body for _, body in groups)
        return tuple(
            BodyMeetings(
                body=body,
                organisation=org if names[body] > 1 else "",
                years=tuple((year, tuple(seen)) for year, seen in years.items()),
            )
            for (org, body), years in groups.items()
        )

    @property
    def years(self) -> tuple[Year, ...]:
        """Attendance per year, newest first: the years any list names them in."""
        counts: dict[int, list[int]] = defaultdict(lambda: [0, 0])
        for a in self.appearances:  # as a.present and a.absent, at 190,000 appearances
            if a.meeting.status != "planned" and (where := _listed_as(a.lists)) != NEITHER:
                counts[a.meeting.year][where] += 1
        return tuple(Year(y, *counts[y]) for y in sorted(counts, reverse=True))


def sort_name(name: str) -> str:
    """A name's place in a Swedish list: å, ä, ö after z."""
    return name.casefold().translate(_SWEDISH_ORDER)


def derive_people(
    meetings: Iterable[Meeting], section: Mapping[str, str], casts: Mapping[str, Cast] | None = None
) -> Roster:
    """Everyone the published meetings (``meetings``, oldest first) name: their pages at
    once, their profiles when first asked for (see Roster). ``casts``: the meetings' casts
    as kept with their parses, by source (one missing is worked out here)."""
    listed_in: dict[PersonKey, None] = {}  # those a list, record or ballot names: a page each
    names: dict[PersonKey, Person] = {}  # as the newest meeting naming them writes them
    known: dict[str, Cast] = {}
    public: list[Meeting] = []
    for m in meetings:
        if not m.public:  # names nobody (the parser keeps nothing else of it): to be sure
            continue
        public.append(m)
        cast = known[m.source] = (casts or {}).get(m.source) or Cast.of(m)
        names.update(cast.written)
        listed_in.update(dict.fromkeys(cast.acting))
    shared: dict[str, list[PersonKey]] = defaultdict(list)
    for key in listed_in:
        shared[key.name].append(key)
    slugs = person_slugs(
        {
            key: names[key].name if len(shared[key.name]) == 1 else shown_name(names[key])
            for key in listed_in
        }
    )
    paths = {key: person_path(section, s) for key, s in slugs.items()}
    return Roster(tuple(public), known, names, slugs, paths, shared)


class Roster:
    """Everyone the published meetings name: each one's page at once (every meeting's page
    links its people), their profiles only when first asked for. Person pages and open data
    show profiles; a prose edit renders neither, and gathering what 10,000 meetings say of
    each person was half of such a build's loading."""

    __slots__ = ("_casts", "_meetings", "_names", "_profiles", "_shared", "_slugs", "paths")

    def __init__(
        self,
        meetings: tuple[Meeting, ...] = (),
        casts: dict[str, Cast] | None = None,
        names: dict[PersonKey, Person] | None = None,
        slugs: dict[PersonKey, str] | None = None,
        paths: dict[PersonKey, str] | None = None,
        shared: dict[str, list[PersonKey]] | None = None,
    ) -> None:
        self._meetings = meetings
        self._casts = casts or {}
        self._names = names or {}
        self._slugs = slugs or {}
        self.paths: dict[PersonKey, str] = paths or {}  # person → their page
        self._shared = shared or {}
        self._profiles: tuple[Profile, ...] | None = None

    def _cast(self, meeting: Meeting) -> Cast:
        return self._casts.get(meeting.source) or Cast.of(meeting)

    def links(self, meeting: Meeting) -> PersonLinks:
        """The pages of the people a meeting's page names (see person_links)."""
        return person_links(self._cast(meeting), self.paths)

    def around(self, meeting: Meeting) -> Roster:
        """The people one meeting names and their pages, for its page alone (Site.around)."""
        cast = self._cast(meeting)
        paths = {k: self.paths[k] for k, _ in cast.written if k in self.paths}
        return Roster(casts={meeting.source: cast}, paths=paths)

    def profiles(self) -> tuple[Profile, ...]:
        """Everyone with a page, in name order, each with the meetings naming them."""
        if self._profiles is None:
            self._profiles = self._gather_all()
        return self._profiles

    def _gather_all(self) -> tuple[Profile, ...]:
        by_person: dict[PersonKey, list[tuple[Meeting, Seen]]] = defaultdict(list)
        for m in self._meetings:
            for key, seen in self._casts[m.source].seen:
                by_person[key].append((m, seen))
        names, paths, shared = self._names, self.paths, self._shared
        people = [
            Profile(
                key=key,
                name=names[key].name,
                party=names[key].party,
                org=names[key].org,
                slug=self._slugs[key],
                path=paths[key],
                appearances=tuple(
                    Appearance(
                        meeting=m,
                        lists=seen.lists,
                        serving_for=tuple(
                            (text, paths.get(whom, "") if whom is not None else "")
                            for text, whom in seen.serving_for
                        ),
                        from_item=seen.from_item,
                        until_item=seen.until_item,
                        acts=seen.acts,
                    )
                    for m, seen in reversed(found)
                ),
                namesakes=tuple(
                    sorted(
                        (shown_name(names[other]), paths[other])
                        for other in shared[key.name]
                        if other != key
                    )
                ),
            )
            for key, found in by_person.items()
        ]
        return tuple(sorted(people, key=lambda p: (sort_name(p.shown), p.key)))


@dataclass(frozen=True, slots=True)
class PersonLinks:
    """The pages of the people one meeting's page names, by the name as shown there."""

    links: dict[str, str]  # shown name ('Eva Hellstrand (C)') → the person's page

    def of(self, name: Person | str) -> str:
        """The page of a person as a list gives them, or of a name as written ('' if the
        name is not one person with a page)."""
        if isinstance(name, str):
            name = read_mention(name) or Person(name=" ".join(name.split()))
        return self.links.get(shown_name(name), "")


def person_links(cast: Cast, paths: Mapping[PersonKey, str]) -> PersonLinks:
    """Each name a meeting's page shows → the page of the person it is (a bare name is the
    person the meeting names by it with a party or organisation, see content/people.py)."""
    return PersonLinks({name: path for name, key in cast.shown if (path := paths.get(key, ""))})
