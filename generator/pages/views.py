"""What each page shows: the values a page's template is given, narrowed to what that kind of
page displays.

The renderer gives a template these values and nothing else of the derived site (``site``
in a template is a ``SiteView`` holding only the facets listed for its page in ``SHOWS``),
and ``depends`` fingerprints a page by exactly these values. So what a page shows cannot
drift from its fingerprint: a theme that reads something its page was not given gets an
error naming it, not a page that goes stale on a later build.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from jinja2 import UndefinedError

from ..content.model import Meeting
from ..site.derive import Body, DecisionPage, Site, YearArchive

BASE = ("section", "pages", "paths")  # base.html: navigation and the footer, on every page
SHOWS: dict[str, tuple[str, ...]] = {  # the site's facets each template shows besides BASE
    "home.html": ("upcoming", "notices", "latest", "bodies"),
    "archive.html": ("years", "bodies"),
    "year.html": ("years",),
    "notices.html": ("today", "notices", "past_notices"),
    "search.html": ("search_indexes", "search_filters"),
}
# and facets of a page's own (see Views.context): a meeting page's site.history holds its own
# revisions; a decisions page's site.decision_pages the pages its pagers link (each year's
# first, its own year's), and the front page's site.latest_decisions the newest decisions


@dataclass(frozen=True, slots=True)
class PageJob:
    """One page to render: its template, its path and its own values (what it shows besides
    the site's facets)."""

    template: str
    path: str
    context: tuple[tuple[str, Any], ...] = ()


@dataclass(frozen=True)
class PageLink:
    """A plain page as the footer links it (its text shows only on its own page)."""

    source: str
    slug: str
    title: str


@dataclass(frozen=True)
class BodyLink:
    """A body as a page that links it shows it: not its meetings."""

    name: str
    organisation: str
    path: str


@dataclass(frozen=True)
class YearLink:
    """A year of the archive, as the list of years shows it."""

    year: int
    path: str


@dataclass(frozen=True)
class DecisionPageLink:
    """A page of the decisions index, as the pagers show it: not its decisions."""

    year: int
    number: int
    count: int
    path: str


@dataclass(frozen=True)
class YearView:
    """A year's archive page: every body's meetings that year, the bodies as links."""

    year: int
    path: str
    by_body: tuple[tuple[BodyLink, tuple[Meeting, ...]], ...]


class SiteView:
    """The derived site as one page sees it: the facets its kind of page shows (the same
    for every page of the kind) and any of its own; nothing else."""

    __slots__ = ("kind", "own", "shared")

    def __init__(self, kind: str, shared: Mapping[str, Any], own: Mapping[str, Any]) -> None:
        self.kind = kind  # the template: pages of one kind share ``shared``
        self.shared = shared
        self.own = own

    def __getattr__(self, name: str) -> Any:
        if name in self.own:
            return self.own[name]
        if name in self.shared:
            return self.shared[name]
        if name.startswith("__"):  # Python's and Jinja's own probes
            raise AttributeError(name)
        shown = ", ".join(sorted({*self.shared, *self.own}))
        raise UndefinedError(
            f"site.{name} is not given to this kind of page (it is given "
            f"site.{{{shown}}}; what each page shows is listed in "
            "generator/views.py)"
        )


class Views:
    """The values every page of one derived site is given; the shared facets are narrowed
    once and used by every page."""

    def __init__(self, site: Site) -> None:
        self.site = site
        self._facets: dict[str, Any] = {}
        self._shared: dict[str, dict[str, Any]] = {}
        self._bodies: dict[str, BodyLink] = {}
        self._by_year: dict[int, list[DecisionPageLink]] = {}

    def facet(self, name: str) -> Any:
        """One facet of the site as pages show it (narrowed once)."""
        if name not in self._facets:
            self._facets[name] = self._narrow(name)
        return self._facets[name]

    def _narrow(self, name: str) -> Any:
        site = self.site
        if name == "pages":
            return tuple(PageLink(p.source, p.slug, p.title) for p in site.pages)
        if name == "paths":  # base.html links the plain pages by site.paths[p.source]
            return {p.source: site.paths[p.source] for p in site.pages if p.source in site.paths}
        if name == "years":
            return tuple(YearLink(y.year, y.path) for y in site.years)
        if name == "decision_pages":
            return tuple(
                DecisionPageLink(p.year, p.number, p.count, p.path) for p in site.decision_pages
            )
        return getattr(site, name)

    def shared(self, template: str) -> dict[str, Any]:
        """The shared facets a template shows (computed once per template)."""
        found = self._shared.get(template)
        if found is None:
            names = (*BASE, *SHOWS.get(template, ()))
            found = self._shared[template] = {n: self.facet(n) for n in names}
        return found

    def body(self, body: Body) -> BodyLink:
        """A body's link (one object per body)."""
        found = self._bodies.get(body.path)
        if found is None:
            found = self._bodies[body.path] = BodyLink(body.name, body.organisation, body.path)
        return found

    def context(self, job: PageJob) -> dict[str, Any]:
        """What a template page is given: its own values, narrowed, and ``site``."""
        ctx = dict(job.context)
        own: dict[str, Any] = {}
        if job.template == "meeting.html":
            meeting: Meeting = ctx["meeting"]
            ctx["body"] = self.body(ctx["body"])
            history = self.site.history.get(meeting.source)
            own["history"] = {meeting.source: history} if history is not None else {}
        elif job.template == "year.html":
            archive: YearArchive = ctx["archive"]
            ctx["archive"] = YearView(
                archive.year, archive.path, tuple((self.body(b), ms) for b, ms in archive.by_body)
            )
        elif job.template == "decisions.html":
            page: DecisionPage | None = ctx["decision_page"]
            own["decision_pages"] = self._pagers(page.year if page is not None else None)
            if page is None:
                own["latest_decisions"] = self.site.latest_decisions
        ctx["site"] = SiteView(job.template, self.shared(job.template), own)
        return ctx

    def _pagers(self, year: int | None) -> tuple[DecisionPageLink, ...]:
        """The decisions pages a decisions page links: each year's first and, on a year's
        page, that year's others (in the site's order), not the thousands of the rest."""
        links: tuple[DecisionPageLink, ...] = self.facet("decision_pages")
        if year is None:
            return tuple(link for link in links if link.number == 1)
        by_year = self._by_year
        if not by_year:
            for link in links:
                by_year.setdefault(link.year, []).append(link)
        return tuple(
            link for y, pages in by_year.items() for link in (pages if y == year else pages[:1])
        )


def whole_meeting(job: PageJob) -> Meeting | None:
    """The meeting whose whole text a page shows (its own page), else None: every other page
    shows meetings as outlines."""
    if job.template == "meeting.html":
        meeting: Meeting = dict(job.context)["meeting"]
        return meeting
    return None


def code_facets(job: PageJob) -> tuple[str, ...]:
    """The site's facets a file made by code rather than a template (feeds, calendars, open
    data) reads besides its job's values: the OParl system and bodies files list the bodies."""
    if job.template == "@oparl" and (
        ("kind", "system") in job.context or ("kind", "bodies") in job.context
    ):
        return ("bodies",)
    return ()
