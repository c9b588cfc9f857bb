"""A kind of page: one class that says which pages of it a site has, where they live, what
each shows, how it is made, what rendering it weighs and whether search indexes it.

The renderer (render.py), the fingerprints (build/depends.py), the process pool
(build/pool.py) and the path claims iterate the kinds in ``kinds.KINDS``; none of them asks
which kind a page is. What a page shows (``context``) is both what it is made from and what
its fingerprint is made of, so a kind cannot show something its fingerprint misses: a
template reads the site only through the facets its kind lists in ``shows`` (anything else
is a build error naming it), and code (a feed, a calendar, an open data file) is handed the
same context.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, fields, is_dataclass
from datetime import date
from typing import TYPE_CHECKING, Any, ClassVar, Generic, TypeVar

from ..content.config import SiteConfig
from ..content.model import Meeting
from ..messages import Said
from ..site.derive import Site
from ..site.paths import Claimant, output_file
from .views import Views

if TYPE_CHECKING:
    from .render import Renderer

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class PageJob(Generic[T]):
    """One output to make: its kind, its path under the site and its own values (a value of
    the kind's own type: a meeting page's meeting and body, a feed's meetings and title)."""

    kind: Kind[T]
    path: str
    own: T

    @property
    def output(self) -> str:
        """The file it writes ('rs/2020-05-26/' → 'rs/2020-05-26/index.html')."""
        return output_file(self.path)

    @property
    def group(self) -> str:
        """The claims group of its kind (pages in a folder its group reserved)."""
        return self.kind.group

    def claimant(self) -> Claimant:
        """Who it is, when its path collides with another claim."""
        return self.kind.claimant(self)


@dataclass(slots=True)
class Plan:
    """What kinds plan their pages from: the site, its settings, the pages planned so far
    (the sitemap lists them) and values computed once per site (``memo``)."""

    site: Site
    config: SiteConfig
    jobs: list[PageJob[Any]] = field(default_factory=list)
    memo: dict[str, Any] = field(default_factory=dict)


class Kind(Generic[T]):
    """One kind of page. Subclasses set ``name`` and ``template`` (or override ``render``)
    and say which pages the site has (``pages``) and what each is called in a message
    (``describe``); the rest has defaults that fit most kinds."""

    name: ClassVar[str]  # in fingerprints: pages of two kinds never share one
    template: ClassVar[str] = ""  # the theme's template; '' for a file made by ``render``
    shows: ClassVar[tuple[str, ...]] = ()  # the site's facets its pages show (views.facet)
    own_name: ClassVar[str] = ""  # the template variable holding ``job.own``, if one does
    group: ClassVar[str] = ""  # claims group: may write in the folder that group reserved

    def pages(self, plan: Plan) -> Iterable[PageJob[T]]:
        """Every page of this kind the site has."""
        raise NotImplementedError

    def job(self, path: str, own: T) -> PageJob[T]:
        """A page of this kind."""
        return PageJob(self, path, own)

    def describe(self, job: PageJob[T]) -> Said:
        """The page in plain words, for a message: 'the site-wide Atom feed'."""
        raise NotImplementedError

    def source(self, job: PageJob[T]) -> tuple[str, int]:
        """The content file (and line) a page comes from, if any: where a collision with it
        is reported."""
        return "", 0

    def claimant(self, job: PageJob[T]) -> Claimant:
        """The page as a path collision names it."""
        where, line = self.source(job)
        return Claimant(self.describe(job), "/" + job.path, where, line)

    def values(self, job: PageJob[T], views: Views) -> dict[str, Any]:
        """The page's own values as its template or code reads them: ``job.own`` under
        ``own_name``, or the fields of a dataclass of the kind's own."""
        own: Any = job.own
        if self.own_name:
            return {self.own_name: own}
        if own is None:
            return {}
        assert is_dataclass(own), f"{self.name}: say in values() what its pages show"
        return {f.name: getattr(own, f.name) for f in fields(own)}

    def own_facets(self, job: PageJob[T], views: Views) -> dict[str, Any]:
        """Facets of the site a template page shows of its own (a meeting's revisions)."""
        return {}

    def context(self, job: PageJob[T], views: Views) -> dict[str, Any]:
        """Everything a page shows, and so its fingerprint: its own values and, for a
        template, ``site`` holding only the facets its kind shows; for code, those facets."""
        ctx = self.values(job, views)
        if self.template:
            ctx["site"] = views.view(self.name, self.shows, self.own_facets(job, views))
        else:
            ctx.update((name, views.facet(name)) for name in self.shows)
        return ctx

    def whole(self, job: PageJob[T]) -> Meeting | None:
        """The meeting whose whole text the page shows (its fingerprint adds the file's
        content hash; rendering swaps in the whole parse); other pages show outlines."""
        return None

    def indexed_on(self, job: PageJob[T]) -> date | None:
        """The date by which search indexes the page (a meeting's), else None: not searched."""
        return None

    def weight(self, job: PageJob[T]) -> int:
        """How many meetings the page shows (at least 1): what a worker rendering it touches
        of the shared site, and so may copy (see build/pool.py)."""
        return 1

    def render(self, job: PageJob[T], context: dict[str, Any], renderer: Renderer) -> bytes:
        """The page's bytes, from its context alone (and the site's URLs of what it shows)."""
        return renderer.template(self.template, job.path, context)
