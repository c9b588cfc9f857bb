"""The kinds of page a site has, in the order they are planned (``KINDS``): the web pages,
then the feeds and calendars, the sitemap (which lists every web page planned before it),
robots.txt and the open data files (oparl.py).

Adding a kind of page takes a subclass of ``kind.Kind`` and its template, registered with
``register``: see README, "Page kinds".
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from ..content.model import Meeting, Page
from ..messages import Message, Said
from ..messages.names import Names
from ..site.derive import LATEST_DECISIONS, Body, CaseFile, DecisionPage, Site, YearArchive
from ..site.notices import Notice
from ..site.paths import (
    HOME,
    NOT_FOUND,
    ROBOTS,
    SITEMAP,
    Claimant,
    calendar_path,
    feed_path,
    section_path,
)
from ..site.people import Profile
from .chart import attendance_chart
from .kind import Kind, PageJob, Plan
from .oparl import OPARL_KINDS
from .publish import BODY_FEED_ENTRIES, FEED_ENTRIES, atom_feed, calendar, robots, sitemap
from .search import check_meeting_page, check_search_page
from .views import Views

if TYPE_CHECKING:
    from .render import Renderer

CALENDAR_MEETINGS = 500  # a calendar to subscribe to holds the newest meetings, not the archive


@dataclass(frozen=True, slots=True)
class MeetingPage:
    """A meeting's page: the meeting and its body."""

    meeting: Meeting
    body: Body


class Meetings(Kind[MeetingPage]):
    """A page per meeting, the only pages that show a meeting's whole text; searched."""

    name = template = "meeting.html"

    def pages(self, plan: Plan) -> Iterable[PageJob[MeetingPage]]:
        return (self.of(plan.site, m) for m in plan.site.meetings)

    def of(self, site: Site, meeting: Meeting) -> PageJob[MeetingPage]:
        """The page of one meeting."""
        return self.job(
            site.paths[meeting.source], MeetingPage(meeting, site.body_of[meeting.source])
        )

    def describe(self, job: PageJob[MeetingPage]) -> Said:
        return Names.MEETING_PAGE(source=job.own.meeting.source)

    def source(self, job: PageJob[MeetingPage]) -> tuple[str, int]:
        return job.own.meeting.source, 1

    def values(self, job: PageJob[MeetingPage], views: Views) -> dict[str, Any]:
        meeting = job.own.meeting
        return {
            "meeting": meeting,
            "body": views.body(job.own.body),
            "person_pages": views.site.roster.links(meeting),
        }

    def own_facets(self, job: PageJob[MeetingPage], views: Views) -> dict[str, Any]:
        source = job.own.meeting.source
        history = views.site.history.get(source)
        return {"history": {source: history} if history is not None else {}}

    def whole(self, job: PageJob[MeetingPage]) -> Meeting:
        return job.own.meeting

    def indexed_on(self, job: PageJob[MeetingPage]) -> date:
        return job.own.meeting.date

    def render(
        self, job: PageJob[MeetingPage], context: dict[str, Any], renderer: Renderer
    ) -> bytes:
        meeting = job.own.meeting
        if meeting.is_outline:  # its own page shows its prose
            context = {**context, "meeting": renderer.whole_meeting(meeting)}
        data = renderer.template(self.template, job.path, context)
        check_meeting_page(renderer.template_file(self.template), data.decode(), meeting)
        return data


class Single(Kind[None]):
    """A kind with one page (subclasses say where: ``at``, and what it is: ``what``)."""

    what: Message  # what it is, in the messages' words

    def at(self, plan: Plan) -> str:
        """Its path."""
        raise NotImplementedError

    def pages(self, plan: Plan) -> Iterable[PageJob[None]]:
        return (self.job(self.at(plan), None),)

    def describe(self, job: PageJob[None]) -> Said:
        return self.what()


class Home(Single):
    """The front page: upcoming meetings, notices up, the latest meetings, the bodies."""

    name = template = "home.html"
    shows = ("upcoming", "notices", "announcements", "latest", "bodies")
    what = Names.HOME_PAGE

    def at(self, plan: Plan) -> str:
        return HOME


class Bodies(Kind[Body]):
    """A page per governing body: its meetings by year."""

    name = template = "body.html"
    own_name = "body"

    def pages(self, plan: Plan) -> Iterable[PageJob[Body]]:
        return (self.job(b.path, b) for b in plan.site.bodies)

    def describe(self, job: PageJob[Body]) -> Said:
        return Names.BODY_PAGE(name=job.own.name)

    def source(self, job: PageJob[Body]) -> tuple[str, int]:
        body = job.own
        return (body.info.source if body.info else body.meetings[-1].source), 1

    def weight(self, job: PageJob[Body]) -> int:
        return max(1, len(job.own.meetings))


class Years(Kind[YearArchive]):
    """A page per year of the archive: every body's meetings that year."""

    name = template = "year.html"
    shows = ("years",)

    def pages(self, plan: Plan) -> Iterable[PageJob[YearArchive]]:
        return (self.job(y.path, y) for y in plan.site.years)

    def describe(self, job: PageJob[YearArchive]) -> Said:
        return Names.YEAR_ARCHIVE(year=str(job.own.year))

    def values(self, job: PageJob[YearArchive], views: Views) -> dict[str, Any]:
        return {"archive": views.year(job.own)}

    def weight(self, job: PageJob[YearArchive]) -> int:
        return max(1, sum(len(ms) for _, ms in job.own.by_body))


class Archive(Single):
    """The archive's front page: the years and the bodies."""

    name = template = "archive.html"
    shows = ("years", "bodies")
    what = Names.ARCHIVE

    def at(self, plan: Plan) -> str:
        return section_path(plan.site.section, "archive")


class Decisions(Kind[DecisionPage | None]):
    """The decisions index: its front page (the newest decisions; ``None``) and a run of
    pages per year."""

    name = template = "decisions.html"
    own_name = "decision_page"

    def pages(self, plan: Plan) -> Iterable[PageJob[DecisionPage | None]]:
        yield self.job(section_path(plan.site.section, "decisions"), None)
        yield from (self.job(p.path, p) for p in plan.site.decision_pages)

    def describe(self, job: PageJob[DecisionPage | None]) -> Said:
        page = job.own
        if page is None:
            return Names.DECISIONS_INDEX()
        return Names.DECISIONS_OF_YEAR(n=page.number, year=str(page.year))

    def own_facets(self, job: PageJob[DecisionPage | None], views: Views) -> dict[str, Any]:
        page = job.own
        if page is not None:
            return {"decision_pages": views.pagers(page.year)}
        return {
            "decision_pages": views.pagers(None),
            "latest_decisions": views.site.latest_decisions,
        }

    def weight(self, job: PageJob[DecisionPage | None]) -> int:
        return max(1, len(job.own.entries) if job.own is not None else LATEST_DECISIONS)


class Cases(Kind[CaseFile]):
    """A page per case number: every handling across bodies and meetings."""

    name = template = "case.html"
    own_name = "case"

    def pages(self, plan: Plan) -> Iterable[PageJob[CaseFile]]:
        return (self.job(c.path, c) for c in plan.site.cases)

    def describe(self, job: PageJob[CaseFile]) -> Said:
        return Names.CASE_PAGE(case=job.own.case)

    def weight(self, job: PageJob[CaseFile]) -> int:
        return max(1, len(job.own.entries))


class People(Kind[Profile | None]):
    """A page per person the minutes name (their meetings, roles, records and votes, and
    attendance per year), and the list of everyone (``None``)."""

    name = template = "person.html"

    def pages(self, plan: Plan) -> Iterable[PageJob[Profile | None]]:
        yield self.job(section_path(plan.site.section, "people"), None)
        yield from (self.job(p.path, p) for p in plan.site.people)

    def describe(self, job: PageJob[Profile | None]) -> Said:
        person = job.own
        return Names.PEOPLE_LIST() if person is None else Names.PERSON_PAGE(person=person.shown)

    def values(self, job: PageJob[Profile | None], views: Views) -> dict[str, Any]:
        person = job.own
        if person is None:
            return {"person": None, "people": tuple((p.shown, p.path) for p in views.site.people)}
        return {"person": person, "chart": attendance_chart(person.years), "people": ()}

    def weight(self, job: PageJob[Profile | None]) -> int:
        return max(1, len(job.own.appearances) if job.own is not None else 1)


class Pages(Kind[Page]):
    """The plain pages of content/pages/: a clerk names them, so they give way in a
    collision (the page's file is the error's place)."""

    name = template = "page.html"
    own_name = "page"

    def pages(self, plan: Plan) -> Iterable[PageJob[Page]]:
        return (self.job(plan.site.paths[p.source], p) for p in plan.site.pages)

    def describe(self, job: PageJob[Page]) -> Said:
        return Names.PAGE(source=job.own.source)

    def claimant(self, job: PageJob[Page]) -> Claimant:
        return Claimant(self.describe(job), "/" + job.path, job.own.source, 1, movable="page")


class Search(Single):
    """The search page: which indexes there are and the values of its filters."""

    name = template = "search.html"
    shows = ("search_indexes", "search_filters")
    what = Names.SEARCH_PAGE

    def at(self, plan: Plan) -> str:
        return section_path(plan.site.section, "search")

    def render(self, job: PageJob[None], context: dict[str, Any], renderer: Renderer) -> bytes:
        data = renderer.template(self.template, job.path, context)
        check_search_page(renderer.template_file(self.template), data.decode())
        return data


class Notices(Single):
    """The notice board: notices up on the build's date, and past ones."""

    name = template = "notices.html"
    shows = ("today", "notices", "past_notices", "announcements")
    what = Names.NOTICE_BOARD

    def at(self, plan: Plan) -> str:
        return section_path(plan.site.section, "notices")


class Accessibility(Single):
    """The accessibility statement (from site.toml)."""

    name = template = "accessibility.html"
    what = Names.ACCESSIBILITY

    def at(self, plan: Plan) -> str:
        return section_path(plan.site.section, "accessibility")


class OpenDataPage(Single):
    """The page that documents the open data export (when the site has one)."""

    name = template = "opendata.html"
    what = Names.OPEN_DATA_PAGE

    def at(self, plan: Plan) -> str:
        return section_path(plan.site.section, "opendata")

    def pages(self, plan: Plan) -> Iterable[PageJob[None]]:
        return super().pages(plan) if plan.config.open_data else ()


class NotFound(Single):
    """The page a web server shows for an address that does not exist."""

    name = template = "404.html"
    what = Names.NOT_FOUND_PAGE

    def at(self, plan: Plan) -> str:
        return NOT_FOUND


@dataclass(frozen=True, slots=True)
class Listing:
    """The meetings a feed or calendar holds, its title, and (a feed) the announcements of
    meetings up on the notice board."""

    meetings: tuple[Meeting, ...]
    title: str
    announcements: tuple[Notice, ...] = ()


def newest(meetings: tuple[Meeting, ...]) -> tuple[Meeting, ...]:
    """The CALENDAR_MEETINGS newest of ``meetings`` (planned ones are the newest), in the
    given order: a calendar of 15 years of meetings is megabytes that no calendar app wants
    (the archive and the open-data export hold them all)."""
    if len(meetings) <= CALENDAR_MEETINGS:
        return meetings
    keep = {
        m.source for m in sorted(meetings, key=lambda m: (m.date, m.source))[-CALENDAR_MEETINGS:]
    }
    return tuple(m for m in meetings if m.source in keep)


class Feeds(Kind[Listing]):
    """Atom feeds of the newest minutes: the site's and each body's."""

    name = "@feed"

    def pages(self, plan: Plan) -> Iterable[PageJob[Listing]]:
        site = plan.site
        yield self.job(feed_path(), Listing(site.meetings, plan.config.title, site.announcements))
        for b in site.bodies:
            own = tuple(n for n in site.announcements if site.body_of[n.meeting.source] is b)
            yield self.job(feed_path(b.path), Listing(tuple(reversed(b.meetings)), b.name, own))

    def describe(self, job: PageJob[Listing]) -> Said:
        if job.path == feed_path():
            return Names.SITE_FEED()
        return Names.FEED(title=job.own.title)

    def weight(self, job: PageJob[Listing]) -> int:
        return max(1, len(job.own.meetings))

    def render(self, job: PageJob[Listing], context: dict[str, Any], renderer: Renderer) -> bytes:
        entries = FEED_ENTRIES if job.path == feed_path() else BODY_FEED_ENTRIES
        return atom_feed(
            renderer.config,
            renderer.site,
            context["meetings"],
            job.path,
            context["title"],
            context["announcements"],
            entries,
        )


class Calendars(Kind[Listing]):
    """iCalendar files of the newest meetings, planned ones included: the site's and each
    body's."""

    name = "@calendar"

    def pages(self, plan: Plan) -> Iterable[PageJob[Listing]]:
        yield self.job(calendar_path(), Listing(newest(plan.site.meetings), plan.config.title))
        for b in plan.site.bodies:
            ordered = tuple(reversed(b.meetings))
            yield self.job(calendar_path(b.path), Listing(newest(ordered), b.name))

    def describe(self, job: PageJob[Listing]) -> Said:
        if job.path == calendar_path():
            return Names.SITE_CALENDAR()
        return Names.CALENDAR(title=job.own.title)

    def weight(self, job: PageJob[Listing]) -> int:
        return max(1, len(job.own.meetings))

    def render(self, job: PageJob[Listing], context: dict[str, Any], renderer: Renderer) -> bytes:
        return calendar(renderer.config, renderer.site, context["meetings"], context["title"])


class Sitemap(Kind[tuple[str, ...]]):
    """sitemap.xml: every web page planned before it."""

    name = "@sitemap"
    own_name = "paths"

    def pages(self, plan: Plan) -> Iterable[PageJob[tuple[str, ...]]]:
        listed = sorted(j.path for j in plan.jobs if j.path == HOME or j.path.endswith("/"))
        return (self.job(SITEMAP, tuple(listed)),)

    def describe(self, job: PageJob[tuple[str, ...]]) -> Said:
        return Names.SITEMAP()

    def render(
        self, job: PageJob[tuple[str, ...]], context: dict[str, Any], renderer: Renderer
    ) -> bytes:
        return sitemap(renderer.config, context["paths"])


class Robots(Single):
    """robots.txt: everything may be crawled; where the sitemap is."""

    name = "@robots"
    what = Names.ROBOTS

    def at(self, plan: Plan) -> str:
        return ROBOTS

    def render(self, job: PageJob[None], context: dict[str, Any], renderer: Renderer) -> bytes:
        return robots(renderer.config)


MEETINGS = Meetings()
KINDS: list[Kind[Any]] = [
    MEETINGS,
    Home(),
    Bodies(),
    Years(),
    Archive(),
    Decisions(),
    Cases(),
    People(),
    Pages(),
    Search(),
    Notices(),
    Accessibility(),
    OpenDataPage(),
    NotFound(),
    Feeds(),
    Calendars(),
    Sitemap(),
    Robots(),
    *OPARL_KINDS,
]


def register(kind: Kind[Any]) -> None:
    """Add a kind of page: planned before the sitemap, which lists its web pages."""
    KINDS.insert(next(n for n, k in enumerate(KINDS) if isinstance(k, Sitemap)), kind)


def unregister(kind: Kind[Any]) -> None:
    """Take a kind added by ``register`` away again."""
    KINDS.remove(kind)


def plan_pages(plan: Plan, kinds: Iterable[Kind[Any]] | None = None) -> list[PageJob[Any]]:
    """Every page of every kind, in the kinds' order."""
    for kind in KINDS if kinds is None else kinds:
        plan.jobs.extend(kind.pages(plan))
    return plan.jobs
