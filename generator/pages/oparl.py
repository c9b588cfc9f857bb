"""The open data export's files as kinds of page (see kind.py): the System and Bodies
files, each organisation's Body, and its lists: Organizations (one page), Meetings (a page
per year), People and Papers (a page per initial). The objects themselves are made by
opendata.Exporter."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar, Generic, TypeVar

from ..content.config import SiteConfig
from ..content.model import Meeting
from ..messages import Said
from ..messages.names import Names
from ..site.derive import Body, CaseFile, Site
from ..site.paths import OPARL, initial, oparl_bodies, oparl_list, oparl_system
from ..site.people import Profile
from .kind import Kind, PageJob, Plan
from .opendata import Exporter, OrgBody, case_key, dump, org_bodies

if TYPE_CHECKING:
    from .render import Renderer

T = TypeVar("T")
E = TypeVar("E")


@dataclass(frozen=True, slots=True)
class OpenData:
    """What the export's files are planned and made from, computed once per site."""

    orgs: tuple[OrgBody, ...]
    exporter: Exporter


def open_data(memo: dict[str, Any], site: Site, config: SiteConfig) -> OpenData:
    """The site's open data (once per process: planning and rendering share it)."""
    found = memo.get(OPARL)
    if found is None:
        orgs = org_bodies(site, config)
        found = memo[OPARL] = OpenData(orgs, Exporter(config, site, orgs))
    assert isinstance(found, OpenData)
    return found


class OParlKind(Kind[T]):
    """A kind of open data file: made only when the site has open data, in ``oparl/``."""

    group = OPARL

    def pages(self, plan: Plan) -> Iterable[PageJob[T]]:
        if not plan.config.open_data:
            return ()
        return self.files(plan, open_data(plan.memo, plan.site, plan.config))

    def files(self, plan: Plan, data: OpenData) -> Iterable[PageJob[T]]:
        """The files of this kind."""
        raise NotImplementedError

    def describe(self, job: PageJob[T]) -> Said:
        return Names.OPEN_DATA_FILE()

    def render(self, job: PageJob[T], context: dict[str, Any], renderer: Renderer) -> bytes:
        data = open_data(renderer.memo, renderer.site, renderer.config)
        return dump(self.make(job, context, data))

    def make(self, job: PageJob[T], context: dict[str, Any], data: OpenData) -> object:
        """The file's JSON object, from its context."""
        raise NotImplementedError


@dataclass(frozen=True, slots=True)
class Everything:
    """The whole export: every meeting (the entry point's dates span them)."""

    meetings: tuple[Meeting, ...]


class SystemFile(OParlKind[Everything]):
    """oparl/system.json, the entry point."""

    name = "@oparl-system"

    def files(self, plan: Plan, data: OpenData) -> Iterable[PageJob[Everything]]:
        return (self.job(oparl_system(), Everything(plan.site.meetings)),)

    def weight(self, job: PageJob[Everything]) -> int:
        return max(1, len(job.own.meetings))

    def make(self, job: PageJob[Everything], context: dict[str, Any], data: OpenData) -> object:
        return data.exporter.system()


@dataclass(frozen=True, slots=True)
class OrgFile:
    """An organisation's Body: its bodies, and the first page of each of its lists."""

    org: OrgBody
    firsts: tuple[tuple[str, str], ...]  # (Body field, path of its list's first page)


def _org_files(plan: Plan, data: OpenData) -> list[OrgFile]:
    """Every organisation's Body, with where its lists start (planned once per site)."""
    found = plan.memo.get("@oparl-orgs")
    if found is None:
        found = plan.memo["@oparl-orgs"] = [
            OrgFile(org, tuple((k.field, k.parts(org, data)[0][1]) for k in LISTS))
            for org in data.orgs
        ]
    assert isinstance(found, list)
    return found


class BodiesFile(OParlKind[tuple[OrgFile, ...]]):
    """oparl/bodies.json: every organisation's Body."""

    name = "@oparl-bodies"
    own_name = "orgs"

    def files(self, plan: Plan, data: OpenData) -> Iterable[PageJob[tuple[OrgFile, ...]]]:
        return (self.job(oparl_bodies(), tuple(_org_files(plan, data))),)

    def weight(self, job: PageJob[tuple[OrgFile, ...]]) -> int:
        return max(1, sum(len(b.meetings) for o in job.own for b in o.org.bodies))

    def make(
        self, job: PageJob[tuple[OrgFile, ...]], context: dict[str, Any], data: OpenData
    ) -> object:
        export = data.exporter
        bodies = [export.body(o.org, dict(o.firsts)) for o in context["orgs"]]
        return export.page_of([job.path], 0, bodies)


class BodyFiles(OParlKind[OrgFile]):
    """An organisation's OParl Body."""

    name = "@oparl-body"
    own_name = "org"

    def files(self, plan: Plan, data: OpenData) -> Iterable[PageJob[OrgFile]]:
        return (self.job(o.org.path, o) for o in _org_files(plan, data))

    def weight(self, job: PageJob[OrgFile]) -> int:
        return max(1, sum(len(b.meetings) for b in job.own.org.bodies))

    def make(self, job: PageJob[OrgFile], context: dict[str, Any], data: OpenData) -> object:
        return data.exporter.body(context["org"].org, dict(context["org"].firsts))


@dataclass(frozen=True, slots=True)
class ListPage(Generic[E]):
    """One page of an organisation's list: the paths of all its pages (for the links), which
    one this is, its objects and the meetings they are made from. The organisation is here
    by its key alone: a page shows its own objects, not the organisation's other meetings
    (with the whole organisation, one retitled item made every list of it again)."""

    org: str
    pages: tuple[str, ...]
    page: int
    items: tuple[E, ...]
    deps: tuple[Meeting, ...]
    homes: tuple[str, ...] = ()  # the lists its objects' ids point into (see ``homes``)


class OParlList(OParlKind[ListPage[E]]):
    """An organisation's list of one type of object, in pages named by ``part``."""

    list_name: ClassVar[str]  # in its files' names: 'people', 'meetings'
    field: ClassVar[str]  # the Body's field that links its first page

    def entries(self, org: OrgBody, data: OpenData) -> Sequence[tuple[E, tuple[Meeting, ...]]]:
        """The list's objects in order, each with the meetings it is made from."""
        raise NotImplementedError

    def part(self, entry: E, data: OpenData) -> str:
        """The page an object is on ('' for a list of one page)."""
        return ""

    def parts(
        self, org: OrgBody, data: OpenData
    ) -> list[tuple[list[tuple[E, tuple[Meeting, ...]]], str]]:
        """The list's pages in order: (entries, path); one empty page for an empty list."""
        grouped: dict[str, list[tuple[E, tuple[Meeting, ...]]]] = defaultdict(list)
        for entry in self.entries(org, data):
            grouped[self.part(entry[0], data)].append(entry)
        if not grouped:
            return [([], oparl_list(org.key, self.list_name))]
        return [(grouped[p], oparl_list(org.key, self.list_name, p)) for p in sorted(grouped)]

    def files(self, plan: Plan, data: OpenData) -> Iterable[PageJob[ListPage[E]]]:
        for org in data.orgs:
            parts = self.parts(org, data)
            paths = tuple(path for _, path in parts)
            for n, (chunk, path) in enumerate(parts):
                items = tuple(e for e, _ in chunk)
                deps = tuple(m for _, ms in chunk for m in ms)
                yield self.job(
                    path,
                    ListPage(org.key, paths, n, items, deps, self.homes(items, deps, data)),
                )

    def homes(
        self, items: tuple[E, ...], deps: tuple[Meeting, ...], data: OpenData
    ) -> tuple[str, ...]:
        """Which organisation's lists the objects' links into other lists point at: the
        organisation of each meeting they are made from (its meeting, its body's
        Organization), so that a page is made again when one changes."""
        export = data.exporter
        return tuple(export.org_of_meeting(m).key for m in deps)

    def weight(self, job: PageJob[ListPage[E]]) -> int:
        return max(1, len(job.own.deps))

    def make(self, job: PageJob[ListPage[E]], context: dict[str, Any], data: OpenData) -> object:
        objects = [self.object(item, data) for item in job.own.items]
        return data.exporter.page_of(list(context["pages"]), context["page"], objects)

    def object(self, item: E, data: OpenData) -> dict[str, Any]:
        """One entry's OParl object."""
        raise NotImplementedError


class OrganizationLists(OParlList[Body]):
    """An organisation's governing bodies, on one page."""

    name = "@oparl-organizations"
    list_name = "organizations"
    field = "organization"

    def entries(self, org: OrgBody, data: OpenData) -> Sequence[tuple[Body, tuple[Meeting, ...]]]:
        return [(b, b.meetings) for b in org.bodies]

    def object(self, item: Body, data: OpenData) -> dict[str, Any]:
        return data.exporter.organization(item)


class MeetingLists(OParlList[Meeting]):
    """An organisation's meetings, a page per year (oldest first)."""

    name = "@oparl-meetings"
    list_name = "meetings"
    field = "meeting"

    def entries(
        self, org: OrgBody, data: OpenData
    ) -> Sequence[tuple[Meeting, tuple[Meeting, ...]]]:
        return sorted(
            ((m, (m,)) for b in org.bodies for m in b.meetings),
            key=lambda e: (e[0].date, data.exporter.site.paths[e[0].source]),
        )

    def part(self, entry: Meeting, data: OpenData) -> str:
        return str(entry.year)

    def homes(
        self, items: tuple[Meeting, ...], deps: tuple[Meeting, ...], data: OpenData
    ) -> tuple[str, ...]:
        """And the list each of their case numbers' Paper is at home in (which depends on
        the case's other handlings)."""
        export, site = data.exporter, data.exporter.site
        papers = []
        for m in deps:
            for case in (m.case, *(i.case for i in m.items)):
                found = site.case_file(case) if case else None
                if found is not None and found.path:
                    papers.append(export.paper_home(found).key)
        return (*super().homes(items, deps, data), *papers)

    def object(self, item: Meeting, data: OpenData) -> dict[str, Any]:
        return data.exporter.meeting(item)


class PeopleLists(OParlList[Profile]):
    """Everyone the minutes of an organisation's bodies name (as their pages have them), a
    page per initial of their key; a person named by two organisations is at home (has the
    id) in the first one's list."""

    name = "@oparl-people"
    list_name = "people"
    field = "person"

    def entries(
        self, org: OrgBody, data: OpenData
    ) -> Sequence[tuple[Profile, tuple[Meeting, ...]]]:
        bodies = {b.path for b in org.bodies}
        body_of = data.exporter.site.body_of
        named = [
            p
            for p in data.exporter.site.people
            if any(body_of[a.meeting.source].path in bodies for a in p.appearances)
        ]
        return [
            (p, tuple(a.meeting for a in p.appearances))
            for p in sorted(named, key=lambda p: p.slug)
        ]

    def part(self, entry: Profile, data: OpenData) -> str:
        return initial(entry.slug)

    def homes(
        self, items: tuple[Profile, ...], deps: tuple[Meeting, ...], data: OpenData
    ) -> tuple[str, ...]:
        """And the list each person is at home in (their id's): the first of their
        organisations by name, which a name's case alone can change, not its key."""
        home = data.exporter.home
        return (*super().homes(items, deps, data), *(home[p.slug].key for p in items))

    def object(self, item: Profile, data: OpenData) -> dict[str, Any]:
        return data.exporter.person(item)


class PaperLists(OParlList[CaseFile]):
    """The case numbers with a page of their own that an organisation's meetings handled,
    a page per initial (a case number handled once or twice is its agenda items'
    ``x-caseNumber``)."""

    name = "@oparl-papers"
    list_name = "papers"
    field = "paper"

    def entries(
        self, org: OrgBody, data: OpenData
    ) -> Sequence[tuple[CaseFile, tuple[Meeting, ...]]]:
        site = data.exporter.site
        cases: dict[str, CaseFile] = {}
        for b in org.bodies:
            for m in b.meetings:
                for case in (*(i.case for i in m.items if i.case), m.case):
                    found = site.case_file(case) if case else None
                    if found is not None and found.path:
                        cases[case_key(found)] = found
        return [(c, tuple(e.meeting for e in c.entries)) for _, c in sorted(cases.items())]

    def part(self, entry: CaseFile, data: OpenData) -> str:
        return initial(case_key(entry))

    def homes(
        self, items: tuple[CaseFile, ...], deps: tuple[Meeting, ...], data: OpenData
    ) -> tuple[str, ...]:
        """And the list each Paper is at home in (its id's), as for people."""
        export = data.exporter
        return (*super().homes(items, deps, data), *(export.paper_home(c).key for c in items))

    def object(self, item: CaseFile, data: OpenData) -> dict[str, Any]:
        return data.exporter.paper(item)


LISTS: tuple[OParlList[Any], ...] = (
    OrganizationLists(),
    PeopleLists(),
    MeetingLists(),
    PaperLists(),
)
OPARL_KINDS: tuple[OParlKind[Any], ...] = (SystemFile(), BodiesFile(), BodyFiles(), *LISTS)
