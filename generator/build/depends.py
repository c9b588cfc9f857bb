"""What each page shows, as a fingerprint: a page whose fingerprint did not change since the
last build has the same bytes and is not rendered again.

A page is fingerprinted by exactly what its kind says it shows (``Kind.context``, which the
renderer makes it from too): a template's variables, a feed's or open data file's values
and the site facets they read. Values are reduced to what can show of them: a meeting, on any page
but its own, by the hash of its outline (metadata, item titles, decisions, votes: all that
other pages can show of it), its URL and the URLs its case numbers and links resolve to
(which depend on other files); on its own page also by its source file's content hash, so an
edit of its prose re-renders that page and no other. Every fingerprint also covers the
site-wide settings (config, theme, generator version, build options).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import fields, is_dataclass
from datetime import date
from typing import Any, TypeVar

from ..content.digest import digest_of
from ..content.markdown import LINK_PREFIX
from ..content.model import Meeting
from ..content.people import Act
from ..pages.kind import PageJob
from ..pages.render import CONTENT_LINK
from ..pages.views import SiteView, Views
from ..site.derive import Body, CaseEntry, CaseFile, DecisionEntry, Site, link_target
from ..site.people import Appearance, PersonLinks, Profile

T = TypeVar("T")
_FIELDS: dict[type, tuple[str, ...]] = {}  # a dataclass's field names (fields() is slow)


def _same(value: object) -> object:
    return value


def _person_links(links: PersonLinks) -> object:
    """Names as shown and the pages they lead to: text with no content links in it."""
    return tuple(links.links.items())


def _hash(parts: Iterable[object]) -> str:
    return digest_of(*parts)


class Fingerprints:
    """Computes page fingerprints for one derived site."""

    def __init__(
        self, site: Site, digests: dict[str, str], outlines: dict[str, str], settings: str
    ) -> None:
        self.site = site
        self.views = Views(site)
        self.digests = digests  # meeting source → content hash
        self.outlines = outlines  # meeting source → outline hash ("" if unknown)
        self.settings = settings
        self._meetings: dict[str, str] = {}
        self._groups: dict[str, str] = {}  # a body's or case file's path → its hash
        self._facets: dict[str, str] = {}
        self._shared: dict[str, str] = {}  # a kind → the hash of the facets its pages share
        self._reduced: dict[int, tuple[object, object]] = {}  # see _once
        self._by_type: dict[type, Callable[[Any], object]] = {
            Meeting: self.meeting,
            tuple: self._many,
            list: self._many,
            dict: self._dict,
            str: self._text,
            type(None): _same,
            bool: _same,
            int: _same,
            float: _same,
            date: _same,
            DecisionEntry: self._decision,
            CaseEntry: self._handling,
            Body: self._body,
            CaseFile: self._case_file,
            SiteView: self._view,
            Profile: self._profile,
            Appearance: self._appearance,
            PersonLinks: _person_links,
        }

    def meeting(self, m: Meeting) -> str:
        """A meeting as other pages see it: the hash of its outline, its URL (its body's is
        the first part), and where its case numbers (a page, or the other handling) and
        links lead."""
        found = self._meetings.get(m.source)
        if found is None:
            site = self.site
            found = (
                f"{self.outlines.get(m.source) or self.digests.get(m.source, '')} "
                + (site.paths[m.source])
            )
            cases = site.case_leads(m)
            if cases or m.links:  # kept short: a meeting is named on many pages
                found = _hash([found, cases, [link_target(site, t, "") for t, _ in m.links]])
            self._meetings[m.source] = found
        return found

    def canon(self, value: object) -> object:
        """``value`` reduced to what a page can show of it (a meeting to ``meeting``);
        a type not known here is an error rather than a guess."""
        reduce = self._by_type.get(type(value))
        if reduce is not None:
            return reduce(value)
        if is_dataclass(value) and not isinstance(value, type):
            return self._fields(value)
        raise TypeError(
            f"no fingerprint for a {type(value).__name__}: say in "
            "depends.Fingerprints.canon what a page shows of it"
        )

    def _many(self, values: tuple[object, ...] | list[object]) -> tuple[object, ...]:
        return tuple(map(self.canon, values))

    def _dict(self, values: Mapping[Any, object]) -> tuple[object, ...]:
        return tuple((self.canon(k), self.canon(v)) for k, v in values.items())

    def _text(self, text: str) -> object:
        """A string; one with content links also by where they lead (as the renderer
        points them)."""
        if LINK_PREFIX not in text:
            return text
        return text, tuple(link_target(self.site, m[2], "") for m in CONTENT_LINK.finditer(text))

    def _decision(self, entry: DecisionEntry) -> object:
        """A decision by its meeting, its item's anchor (unique in the meeting) and place."""
        return (
            self.meeting(entry.meeting),
            entry.item.anchor,
            entry.item.decisions.index(entry.decision),
        )

    def _handling(self, entry: CaseEntry) -> object:
        return self.meeting(entry.meeting), entry.item.anchor if entry.item else None

    def _body(self, body: Body) -> str:
        found = self._groups.get(body.path)
        if found is None:
            found = self._groups[body.path] = _hash(
                [
                    body.name,
                    body.organisation,
                    body.path,
                    self._many(body.meetings),
                    self.canon(body.info),
                ]
            )
        return found

    def _case_file(self, case: CaseFile) -> str:
        found = self._groups.get(case.path)
        if found is None:
            found = self._groups[case.path] = _hash(
                [case.case, case.path, self._many(case.entries)]
            )
        return found

    def _fields(self, value: Any) -> tuple[object, ...]:
        """A dataclass by its type's name and each of its fields reduced."""
        names = _FIELDS.get(type(value))
        if names is None:
            names = _FIELDS[type(value)] = tuple(f.name for f in fields(value))
        return (type(value).__name__, *(self.canon(getattr(value, n)) for n in names))

    def _profile(self, person: Profile) -> str:
        """A person (their page and open data's people lists show the same), once."""
        found = self._groups.get(person.path)
        if found is None:
            found = self._groups[person.path] = _hash(self._fields(person))
        return found

    def _appearance(self, a: Appearance) -> object:
        """As ``_fields`` reduces it, field by field (tests/test_fingerprints.py holds the
        two equal), without a lookup per value: a person's page lists every meeting that
        names them, about 190,000 appearances at 10,000 meetings."""
        text = self._text
        return (
            "Appearance",
            self.meeting(a.meeting),
            self._once(a.lists, self._pairs),
            self._pairs(a.serving_for),
            text(a.from_item),
            text(a.until_item),
            self._once(a.acts, self._acts),
        )

    def _once(self, value: T, reduce: Callable[[T], object]) -> object:
        """``reduce(value)``, once per object: parses share what meetings say alike (the
        same lists and acts, see load.share_people). The object is kept with its reduction,
        so no other can take its id."""
        found = self._reduced.get(id(value))
        if found is None or found[0] is not value:
            found = self._reduced[id(value)] = (value, reduce(value))
        return found[1]

    def _pairs(self, pairs: tuple[tuple[str, str], ...]) -> object:
        text = self._text
        return tuple((text(a), text(b)) for a, b in pairs)

    def _acts(self, acts: tuple[Act, ...]) -> object:
        return tuple(_act(self._text, x) for x in acts)

    def _view(self, view: SiteView) -> object:
        shared = self._shared.get(view.kind)
        if shared is None:
            shared = self._shared[view.kind] = _hash(
                (name, self.facet(name)) for name in view.shared
            )
        return shared, self._dict(dict(view.own))

    def facet(self, name: str) -> str:
        """The hash of one of the site's facets as pages show it (once per build)."""
        found = self._facets.get(name)
        if found is None:
            found = self._facets[name] = _hash([self.canon(self.views.facet(name))])
        return found

    def page(self, job: PageJob[Any]) -> str:
        """The fingerprint of one page: what its kind says it shows, and the content hash of
        the meeting whose whole text it shows."""
        kind = job.kind
        parts: list[object] = [
            self.settings,
            kind.name,
            job.path,
            self._dict(kind.context(job, self.views)),
        ]
        whole = kind.whole(job)
        if whole is not None:
            parts.append(self.digests.get(whole.source, ""))
        return _hash(parts)

    def search_index(self, pages: Iterable[str]) -> str:
        """The fingerprint of a search index: the fingerprints of the pages it indexes."""
        return index_print(self.settings, pages)


def _act(text: Callable[[str], object], act: Act) -> object:
    return (
        "Act",
        text(act.role),
        text(act.anchor),
        text(act.label),
        text(act.title),
        text(act.choice),
        text(act.question),
    )


def index_print(settings: str, pages: Iterable[str]) -> str:
    """The fingerprint of a search index: the fingerprints of the pages it indexes."""
    return _hash([settings, *pages])
