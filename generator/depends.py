"""What each page shows, as a fingerprint: a page whose fingerprint did not change since the
last build has the same bytes and is not rendered again.

A template page is fingerprinted by exactly the values its template is given, as
``views.Views.context`` makes them for the renderer too; a file made by code (feeds,
calendars, open data, the sitemap) by its job's values and the site facets that code reads
(``views.code_facets``). Values are reduced to what can show of them: a meeting, on any page
but its own, by the hash of its outline (metadata, item titles, decisions, votes: all that
other pages can show of it), its URL and the URLs its case numbers and links resolve to
(which depend on other files); on its own page also by its source file's content hash, so an
edit of its prose re-renders that page and no other. Every fingerprint also covers the
site-wide settings (config, theme, generator version, build options).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import fields, is_dataclass
from datetime import date

from .markdown import LINK_PREFIX
from .model import Meeting
from .render import CONTENT_LINK
from .site import Body, CaseEntry, DecisionEntry, Site, link_target
from .views import PageJob, SiteView, Views, code_facets, whole_meeting


def _hash(parts: Iterable[object]) -> str:
    h = hashlib.blake2b(digest_size=16)
    for part in parts:
        h.update(repr(part).encode())
        h.update(b"\x1f")
    return h.hexdigest()


class Fingerprints:
    """Computes page fingerprints for one derived site."""

    def __init__(self, site: Site, digests: dict[str, str], outlines: dict[str, str],
                 settings: str) -> None:
        self.site = site
        self.views = Views(site)
        self.digests = digests  # meeting source → content hash
        self.outlines = outlines  # meeting source → outline hash ("" if unknown)
        self.settings = settings
        self._meetings: dict[str, tuple[object, ...]] = {}
        self._bodies: dict[str, tuple[object, ...]] = {}
        self._facets: dict[str, str] = {}

    def meeting(self, m: Meeting) -> tuple[object, ...]:
        """A meeting as other pages see it: its outline, its URL (its body's is the first
        part), and where its case numbers and links lead."""
        found = self._meetings.get(m.source)
        if found is None:
            site = self.site
            cases = tuple(site.case_path(c) for c in (m.case, *(i.case for i in m.items)) if c)
            found = (self.outlines.get(m.source) or self.digests.get(m.source, ""),
                     site.paths[m.source], site.body_of[m.source].path, cases,
                     tuple(link_target(site, target, "") for target, _ in m.links))
            self._meetings[m.source] = found
        return found

    def canon(self, value: object) -> object:
        """``value`` reduced to what a page can show of it (a meeting to ``meeting``);
        a type not known here is an error rather than a guess."""
        if isinstance(value, str):
            if LINK_PREFIX not in value:
                return value
            return value, tuple(link_target(self.site, m[2], "")
                                for m in CONTENT_LINK.finditer(value))
        if value is None or isinstance(value, int | float | date):
            return value
        if isinstance(value, Meeting):
            return self.meeting(value)
        if isinstance(value, DecisionEntry):  # the item by its anchor, unique in the meeting
            return (self.meeting(value.meeting), value.item.anchor,
                    value.item.decisions.index(value.decision))
        if isinstance(value, CaseEntry):
            return self.meeting(value.meeting), value.item.anchor if value.item else None
        if isinstance(value, Body):
            return self._body(value)
        if isinstance(value, SiteView):
            return (tuple((name, self.facet(name)) for name in value.shared),
                    self.canon(dict(value.own)))
        if isinstance(value, tuple | list):
            return tuple(self.canon(v) for v in value)
        if isinstance(value, dict):
            return tuple((self.canon(k), self.canon(v)) for k, v in value.items())
        if is_dataclass(value) and not isinstance(value, type):
            return (type(value).__name__,
                    *(self.canon(getattr(value, f.name)) for f in fields(value)))
        raise TypeError(f"no fingerprint for a {type(value).__name__}: say in "
                        "depends.Fingerprints.canon what a page shows of it")

    def _body(self, body: Body) -> tuple[object, ...]:
        found = self._bodies.get(body.path)
        if found is None:
            found = self._bodies[body.path] = (
                body.name, body.organisation, body.path, self.canon(body.meetings),
                self.canon(body.info))
        return found

    def facet(self, name: str) -> str:
        """The hash of one of the site's facets as pages show it (once per build)."""
        found = self._facets.get(name)
        if found is None:
            found = self._facets[name] = _hash([self.canon(self.views.facet(name))])
        return found

    def page(self, job: PageJob) -> str:
        """The fingerprint of one page job."""
        parts: list[object] = [self.settings, job.template, job.path]
        if job.template.startswith("@"):
            parts += [self.canon(job.context), [self.facet(n) for n in code_facets(job)]]
        else:
            parts.append(self.canon(self.views.context(job)))
            whole = whole_meeting(job)
            if whole is not None:
                parts.append(self.digests.get(whole.source, ""))
        return _hash(parts)

    def search_index(self, pages: Iterable[str]) -> str:
        """The fingerprint of a search index: the fingerprints of the pages it indexes."""
        return _hash([self.settings, *pages])
