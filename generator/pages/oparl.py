"""The open data export's files as kinds of page (see kind.py): the System and Bodies
files, each organisation's Body and lists, and a file per Organization, Person, Meeting,
VoteEvent and Paper. The objects themselves are made by opendata.Exporter."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar, Generic, TypeVar

from ..content.config import SiteConfig
from ..content.model import Meeting
from ..site.derive import Body, CaseFile, Site
from ..site.paths import (
    OPARL,
    oparl_bodies,
    oparl_list,
    oparl_person,
    oparl_system,
)
from ..site.people import Profile
from .kind import Kind, PageJob, Plan
from .opendata import (
    PER_PAGE,
    Exporter,
    OrgBody,
    dump,
    meeting_path,
    org_bodies,
    organization_path,
    paper_path,
    vote_path,
)

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
        found = memo[OPARL] = OpenData(org_bodies(site, config), Exporter(config, site))
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

    def describe(self, job: PageJob[T]) -> str:
        return "a file of the open data export"

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
    shows = ("bodies",)  # its Bodies are made from them

    def files(self, plan: Plan, data: OpenData) -> Iterable[PageJob[Everything]]:
        return (self.job(oparl_system(), Everything(plan.site.meetings)),)

    def weight(self, job: PageJob[Everything]) -> int:
        return max(1, len(job.own.meetings))

    def make(self, job: PageJob[Everything], context: dict[str, Any], data: OpenData) -> object:
        return data.exporter.system(data.orgs)


class BodiesFile(SystemFile):
    """oparl/bodies.json: every organisation's Body."""

    name = "@oparl-bodies"

    def files(self, plan: Plan, data: OpenData) -> Iterable[PageJob[Everything]]:
        return (self.job(oparl_bodies(), Everything(plan.site.meetings)),)

    def make(self, job: PageJob[Everything], context: dict[str, Any], data: OpenData) -> object:
        export = data.exporter
        return export.page_of(job.path, 0, [export.body(o) for o in data.orgs], None)


class BodyFiles(OParlKind[OrgBody]):
    """An organisation's OParl Body."""

    name = "@oparl-body"
    own_name = "org"

    def files(self, plan: Plan, data: OpenData) -> Iterable[PageJob[OrgBody]]:
        return (self.job(org.path, org) for org in data.orgs)

    def weight(self, job: PageJob[OrgBody]) -> int:
        return max(1, sum(len(b.meetings) for b in job.own.bodies))

    def make(self, job: PageJob[OrgBody], context: dict[str, Any], data: OpenData) -> object:
        return data.exporter.body(context["org"])


@dataclass(frozen=True, slots=True)
class ListPage(Generic[E]):
    """One page of an organisation's list: its entries, how many the list holds, and the
    meetings they are made from."""

    org: OrgBody
    page: int
    size: int
    items: tuple[E, ...]
    deps: tuple[Meeting, ...]


class OParlList(OParlKind[ListPage[E]]):
    """An organisation's list of one type of object, PER_PAGE objects a file."""

    list_name: ClassVar[str]  # in its files' names: 'people', 'meetings'

    def entries(self, org: OrgBody, data: OpenData) -> Sequence[tuple[E, tuple[Meeting, ...]]]:
        """The list's objects, each with the meetings it is made from."""
        raise NotImplementedError

    def files(self, plan: Plan, data: OpenData) -> Iterable[PageJob[ListPage[E]]]:
        for org in data.orgs:
            entries = self.entries(org, data)
            for page in range(max(1, -(-len(entries) // PER_PAGE))):
                chunk = entries[page * PER_PAGE : (page + 1) * PER_PAGE]
                yield self.job(
                    oparl_list(org.key, self.list_name, page),
                    ListPage(
                        org,
                        page,
                        len(entries),
                        tuple(e for e, _ in chunk),
                        tuple(m for _, ms in chunk for m in ms),
                    ),
                )

    def weight(self, job: PageJob[ListPage[E]]) -> int:
        return max(1, len(job.own.deps))

    def make(self, job: PageJob[ListPage[E]], context: dict[str, Any], data: OpenData) -> object:
        objects = [self.object(item, context, data) for item in context["items"]]
        first = oparl_list(context["org"].key, self.list_name)
        return data.exporter.page_of(first, context["page"], objects, context["size"])

    def object(self, item: E, context: dict[str, Any], data: OpenData) -> dict[str, Any]:
        """One entry's OParl object."""
        raise NotImplementedError


class OrganizationLists(OParlList[Body]):
    """An organisation's governing bodies."""

    name = "@oparl-organizations"
    list_name = "organizations"

    def entries(self, org: OrgBody, data: OpenData) -> Sequence[tuple[Body, tuple[Meeting, ...]]]:
        return [(b, b.meetings) for b in org.bodies]

    def object(self, item: Body, context: dict[str, Any], data: OpenData) -> dict[str, Any]:
        return data.exporter.organization(item, context["org"])


class PeopleLists(OParlList[Profile]):
    """Everyone the minutes of an organisation's bodies name (as their pages have them)."""

    name = "@oparl-people"
    list_name = "people"

    def entries(
        self, org: OrgBody, data: OpenData
    ) -> Sequence[tuple[Profile, tuple[Meeting, ...]]]:
        bodies = {b.path for b in org.bodies}
        body_of = data.exporter.site.body_of
        return [
            (p, tuple(a.meeting for a in p.appearances))
            for p in data.exporter.site.people
            if any(body_of[a.meeting.source].path in bodies for a in p.appearances)
        ]

    def object(self, item: Profile, context: dict[str, Any], data: OpenData) -> dict[str, Any]:
        return data.exporter.person(item)


class MeetingLists(OParlList[Meeting]):
    """An organisation's meetings."""

    name = "@oparl-meetings"
    list_name = "meetings"

    def entries(
        self, org: OrgBody, data: OpenData
    ) -> Sequence[tuple[Meeting, tuple[Meeting, ...]]]:
        return [(m, (m,)) for b in org.bodies for m in b.meetings]

    def object(self, item: Meeting, context: dict[str, Any], data: OpenData) -> dict[str, Any]:
        return data.exporter.meeting(item)


class PaperLists(OParlList[CaseFile]):
    """The case numbers an organisation's meetings handled."""

    name = "@oparl-papers"
    list_name = "papers"

    def entries(
        self, org: OrgBody, data: OpenData
    ) -> Sequence[tuple[CaseFile, tuple[Meeting, ...]]]:
        site = data.exporter.site
        cases: dict[str, CaseFile] = {}
        for b in org.bodies:
            for m in b.meetings:
                for case in (*(i.case for i in m.items if i.case), m.case):
                    found = site.case_file(case) if case else None
                    if found is not None:
                        cases[found.path] = found
        return [(c, tuple(e.meeting for e in c.entries)) for _, c in sorted(cases.items())]

    def object(self, item: CaseFile, context: dict[str, Any], data: OpenData) -> dict[str, Any]:
        return data.exporter.paper(item)


@dataclass(frozen=True, slots=True)
class Organization:
    """A governing body and the organisation it belongs to."""

    body: Body
    org: OrgBody


class OrganizationFiles(OParlKind[Organization]):
    """A governing body's OParl Organization."""

    name = "@oparl-organization"

    def files(self, plan: Plan, data: OpenData) -> Iterable[PageJob[Organization]]:
        return (
            self.job(organization_path(b), Organization(b, org))
            for org in data.orgs
            for b in org.bodies
        )

    def weight(self, job: PageJob[Organization]) -> int:
        return max(1, len(job.own.body.meetings))

    def make(self, job: PageJob[Organization], context: dict[str, Any], data: OpenData) -> object:
        return data.exporter.organization(context["body"], context["org"])


class PersonFiles(OParlKind[Profile]):
    """A person's OParl Person, with a Membership per body and role."""

    name = "@oparl-person"
    own_name = "person"

    def files(self, plan: Plan, data: OpenData) -> Iterable[PageJob[Profile]]:
        return (self.job(oparl_person(p.slug), p) for p in plan.site.people)

    def weight(self, job: PageJob[Profile]) -> int:
        return max(1, len(job.own.appearances))

    def make(self, job: PageJob[Profile], context: dict[str, Any], data: OpenData) -> object:
        return data.exporter.person(context["person"])


class MeetingFiles(OParlKind[Meeting]):
    """A meeting's OParl Meeting, its agenda items, files and place embedded."""

    name = "@oparl-meeting"
    own_name = "meeting"

    def files(self, plan: Plan, data: OpenData) -> Iterable[PageJob[Meeting]]:
        return (self.job(meeting_path(plan.site, m), m) for m in plan.site.meetings)

    def make(self, job: PageJob[Meeting], context: dict[str, Any], data: OpenData) -> object:
        return data.exporter.meeting(context["meeting"])


@dataclass(frozen=True, slots=True)
class VoteFile:
    """Vote ``n`` (from 1) of the item at ``anchor`` in a meeting."""

    meeting: Meeting
    anchor: str
    n: int


class VoteFiles(OParlKind[VoteFile]):
    """A Popolo VoteEvent per vote."""

    name = "@oparl-vote"

    def files(self, plan: Plan, data: OpenData) -> Iterable[PageJob[VoteFile]]:
        site = plan.site
        return (
            self.job(vote_path(site, m, item.anchor, n), VoteFile(m, item.anchor, n))
            for m in site.meetings
            for item in m.items
            for n, _ in enumerate(item.votes, 1)
        )

    def make(self, job: PageJob[VoteFile], context: dict[str, Any], data: OpenData) -> object:
        return data.exporter.vote_event(context["meeting"], context["anchor"], context["n"])


class PaperFiles(OParlKind[CaseFile]):
    """A case number's OParl Paper, its handlings as Consultations."""

    name = "@oparl-paper"
    own_name = "case"

    def files(self, plan: Plan, data: OpenData) -> Iterable[PageJob[CaseFile]]:
        return (self.job(paper_path(c), c) for c in plan.site.cases)

    def weight(self, job: PageJob[CaseFile]) -> int:
        return max(1, len(job.own.entries))

    def make(self, job: PageJob[CaseFile], context: dict[str, Any], data: OpenData) -> object:
        return data.exporter.paper(context["case"])


OPARL_KINDS: tuple[OParlKind[Any], ...] = (
    SystemFile(),
    BodiesFile(),
    BodyFiles(),
    OrganizationLists(),
    PeopleLists(),
    MeetingLists(),
    PaperLists(),
    OrganizationFiles(),
    PersonFiles(),
    MeetingFiles(),
    VoteFiles(),
    PaperFiles(),
)
