"""What each page shows: the values a page's template is given, narrowed to what that kind of
page displays.

A template is given these values and nothing else of the derived site (``site`` in a
template is a ``SiteView`` holding only the facets its kind of page lists in ``shows``, see
kind.py), and ``build/depends.py`` fingerprints a page by exactly these values. So what a
page shows cannot drift from its fingerprint: a theme that reads something its page was not
given gets an error naming it, not a page that goes stale on a later build.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from jinja2 import UndefinedError

from ..content.model import Meeting
from ..site.derive import Body, Site, YearArchive

BASE = ("section", "pages", "paths")  # base.html: navigation and the footer, on every page


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
    """A page of the decisions index, as the pagers show it: not its decisions, nor how many
    pages its year has (a year that gains a page would change every other year's pages)."""

    year: int
    number: int
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
        self.kind = kind  # pages of one kind share ``shared``
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
            "generator/pages/kinds.py)"
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
            return tuple(DecisionPageLink(p.year, p.number, p.path) for p in site.decision_pages)
        return getattr(site, name)

    def view(self, kind: str, shows: tuple[str, ...], own: Mapping[str, Any]) -> SiteView:
        """``site`` as a page of ``kind`` sees it: the base facets, those the kind ``shows``
        (narrowed once per kind) and the page's ``own``."""
        found = self._shared.get(kind)
        if found is None:
            found = self._shared[kind] = {n: self.facet(n) for n in (*BASE, *shows)}
        return SiteView(kind, found, own)

    def body(self, body: Body) -> BodyLink:
        """A body's link (one object per body)."""
        found = self._bodies.get(body.path)
        if found is None:
            found = self._bodies[body.path] = BodyLink(body.name, body.organisation, body.path)
        return found

    def year(self, archive: YearArchive) -> YearView:
        """A year's archive page, its bodies as links."""
        return YearView(
            archive.year, archive.path, tuple((self.body(b), ms) for b, ms in archive.by_body)
        )

    def pagers(self, year: int | None) -> tuple[DecisionPageLink, ...]:
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
