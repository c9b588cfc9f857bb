"""Open data: a static export in the shape of OParl 1.1, with Popolo-style vote events.

The export is a handful of files per organisation rather than a file per object: each
organisation's lists (OParl's external object lists) hold their objects whole, paged by
year (meetings) or by initial (people, papers), and an object's ``id`` is its list page's
URL with a fragment. A page never depends on how many objects other pages hold, so an id
stays put when others come and go. What OParl embeds (agenda items, files and locations in
meetings, consultations in papers, memberships in people; votes in agenda items) is given
inside its parent with a fragment id of the parent's, without the back-reference to it
and without ``created`` and ``modified``: OParl asks for those only of an object that is not
given inside another ("in allen Objekttypen ..., die nicht in anderen Objekten intern
ausgegeben werden"), and its parent's dates cover it (at 10,000 meetings they were 13 MB).
Dates come from the content, never from the clock.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

from ..content.config import SiteConfig
from ..content.model import AgendaItem, Meeting, Reference
from ..site.derive import Body, CaseFile, Site
from ..site.paths import (
    distinct_keys,
    initial,
    oparl_bodies,
    oparl_body,
    oparl_fragment,
    oparl_list,
    oparl_system,
)
from ..site.people import Appearance, Profile
from .i18n import strings
from .publish import absolute

OPARL = "https://schema.oparl.org/1.1/"
POPOLO = "https://www.popoloproject.com/specs/vote-event.html"


@dataclass(frozen=True)
class OrgBody:
    """An OParl Body: the organisation (region, municipality) the governing bodies belong to.
    ``key`` names its files, distinct from every other organisation's."""

    key: str
    name: str
    bodies: tuple[Body, ...]

    @property
    def path(self) -> str:
        """The body's file."""
        return oparl_body(self.key)


def org_bodies(site: Site, config: SiteConfig) -> tuple[OrgBody, ...]:
    """Governing bodies grouped by organisation (one OParl Body for a site with none)."""
    groups: dict[str, list[Body]] = defaultdict(list)
    for body in site.bodies:
        org = body.meetings[0].organisation if body.meetings else ""
        groups[org or config.organisation or config.title].append(body)
    keys = distinct_keys(groups)
    return tuple(
        OrgBody(keys[name], name, tuple(bodies)) for name, bodies in sorted(groups.items())
    )


def case_key(case: CaseFile) -> str:
    """A case's key in the export: its page's last segment ('rs-412-2020')."""
    return case.path.strip("/").rsplit("/", 1)[-1]


class Exporter:
    """Builds the OParl objects of one derived site."""

    def __init__(self, config: SiteConfig, site: Site, orgs: tuple[OrgBody, ...]) -> None:
        self.config = config
        self.site = site
        self.orgs = orgs
        self.words = strings(config.language)
        self.org_of = {b.path: org for org in orgs for b in org.bodies}  # body path → org
        self._org_by_source = {  # a meeting's source → its body's organisation
            source: self.org_of[body.path] for source, body in site.body_of.items()
        }
        self._order = {org.key: n for n, org in enumerate(orgs)}
        self._by_key = {org.key: org for org in orgs}
        self.home: dict[str, OrgBody] = {  # a person's list: the first organisation's
            p.slug: self._first(self._org_by_source[a.meeting.source] for a in p.appearances)
            for p in site.people
            if p.appearances
        }

    def _first(self, orgs: Iterable[OrgBody]) -> OrgBody:
        """The first of ``orgs`` in the export's order."""
        return self._by_key[min({o.key for o in orgs}, key=self._order.__getitem__)]

    def org_of_meeting(self, meeting: Meeting) -> OrgBody:
        """The organisation a meeting's body belongs to."""
        return self._org_by_source[meeting.source]

    def paper_home(self, case: CaseFile) -> OrgBody:
        """The list a case's Paper is at home in: that of the first organisation (in the
        export's order) that handled it; others list it too."""
        return self._first(self.org_of_meeting(e.meeting) for e in case.entries)

    def url(self, path: str) -> str:
        """An absolute URL of a path in the site."""
        return absolute(self.config, path)

    def meeting_id(self, m: Meeting) -> str:
        """A meeting's id: its year's page of its organisation's meetings."""
        page = oparl_list(self.org_of_meeting(m).key, "meetings", str(m.year))
        return self.url(page) + "#" + oparl_fragment(self.site.paths[m.source])

    def item_id(self, m: Meeting, anchor: str) -> str:
        """An agenda item's id, in its meeting's ('.' is in no anchor nor path fragment)."""
        return f"{self.meeting_id(m)}.{anchor}"

    def organization_id(self, body: Body) -> str:
        """A governing body's id: its organisation's list of Organizations."""
        page = oparl_list(self.org_of[body.path].key, "organizations")
        return self.url(page) + "#" + oparl_fragment(body.path)

    def person_id(self, person: Profile) -> str:
        """A person's id: their initial's page of their home organisation's people."""
        page = oparl_list(self.home[person.slug].key, "people", initial(person.slug))
        return self.url(page) + "#" + person.slug

    def paper_id(self, case: CaseFile) -> str:
        """A case number's Paper id: its initial's page of its home organisation's papers."""
        key = case_key(case)
        page = oparl_list(self.paper_home(case).key, "papers", initial(key))
        return self.url(page) + "#" + key

    def consultation_id(self, case: CaseFile, m: Meeting, item: AgendaItem | None) -> str:
        """A handling's id, in its Paper's: meeting and item (none: the whole document)."""
        where = oparl_fragment(self.site.paths[m.source])
        return f"{self.paper_id(case)}@{where}" + (f".{item.anchor}" if item else "")

    def _stamps(self, meetings: Iterable[Meeting]) -> dict[str, str]:
        dates = sorted({d for m in meetings for d in (m.date, m.posted or m.adjusted or m.date)})
        first = dates[0].isoformat() if dates else "1970-01-01"
        last = dates[-1].isoformat() if dates else "1970-01-01"
        return {"created": f"{first}T00:00:00+00:00", "modified": f"{last}T00:00:00+00:00"}

    def system(self) -> dict[str, Any]:
        """The System object: the entry point."""
        return {
            "id": self.url(oparl_system()),
            "type": OPARL + "System",
            "oparlVersion": OPARL,
            "name": self.config.title,
            "body": self.url(oparl_bodies()),
            "website": self.url(""),
            "web": self.url(""),
            **self._stamps(self.site.meetings),
        }

    def body(self, org: OrgBody, firsts: dict[str, str]) -> dict[str, Any]:
        """An OParl Body with links to the first page of each of its lists (``firsts``:
        list name → that page's path)."""
        meetings = [m for b in org.bodies for m in b.meetings]
        return {
            "id": self.url(org.path),
            "type": OPARL + "Body",
            "name": org.name,
            "system": self.url(oparl_system()),
            **{field: self.url(path) for field, path in sorted(firsts.items())},
            "web": self.url(""),
            **self._stamps(meetings),
        }

    def organization(self, body: Body) -> dict[str, Any]:
        """A governing body as an OParl Organization."""
        return {
            "id": self.organization_id(body),
            "type": OPARL + "Organization",
            "body": self.url(self.org_of[body.path].path),
            "name": body.name,
            "organizationType": "Gremium",
            "web": self.url(body.path),
            **self._stamps(body.meetings),
        }

    def _roles(self, seen: Appearance) -> tuple[str, ...]:
        """A meeting's roles of a person as memberships name them: the role as written;
        for the chair, secretary and adjusters the list's own label; none for a place in
        the lists of those present or absent (no role is guessed)."""
        found: dict[str, str] = {}
        for field_name, role in seen.lists:
            if not role and field_name in ("chair", "secretary", "adjusters"):
                role = seen.meeting.label(field_name, self.words[field_name])
            if role or field_name in ("attendees", "officials", "absent"):
                found.setdefault(role.casefold(), role)
        return tuple(found.values())

    def person(self, person: Profile) -> dict[str, Any]:
        """A person (as their page has them), with a Membership per body and role the
        minutes list them in, from the first meeting to the last."""
        own = self.person_id(person)
        memberships: dict[tuple[str, str], dict[str, Any]] = {}
        for seen in reversed(person.appearances):  # oldest first
            meeting = seen.meeting
            if meeting.status == "planned":  # whom a notice calls is no membership yet
                continue
            body = self.site.body_of[meeting.source]
            for role in self._roles(seen):
                entry = memberships.get((body.path, role.casefold()))
                if entry is None:
                    entry = memberships[(body.path, role.casefold())] = {
                        "id": f"{own}@m-{len(memberships) + 1}",
                        "type": OPARL + "Membership",
                        "person": own,
                        "organization": self.organization_id(body),
                        "startDate": meeting.date.isoformat(),
                    }
                    if role:
                        entry["role"] = role
                    if person.party:
                        entry["onBehalfOf"] = person.party
                entry["endDate"] = meeting.date.isoformat()
        return {
            "id": own,
            "type": OPARL + "Person",
            "name": person.name,
            "membership": list(memberships.values()),
            "web": self.url(person.path),
            **self._stamps(a.meeting for a in person.appearances),
        }

    def meeting(self, m: Meeting) -> dict[str, Any]:
        """A meeting with its agenda items (and their votes), files and location embedded."""
        own = self.meeting_id(m)
        body = self.site.body_of[m.source]
        data: dict[str, Any] = {
            "id": own,
            "type": OPARL + "Meeting",
            "name": m.title,
            "meetingState": {"planned": "eingeladen", "draft": "durchgeführt"}.get(
                m.status, "abgeschlossen"
            ),
            "cancelled": False,
            "organization": [self.organization_id(body)],
            "web": self.url(self.site.paths[m.source]),
            **self._stamps([m]),
        }
        if m.date_note:  # the source does not give the date: say so beside it
            data["x-dateNote"] = m.date_note
        if m.start:
            data["start"] = f"{m.date.isoformat()}T{m.start}:00"
        if m.ends:
            data["end"] = f"{m.ends[0].isoformat()}T{m.ends[1]}:00"
        if m.location:
            data["location"] = {
                "id": own + "@location",
                "type": OPARL + "Location",
                "description": m.location,
            }
        files = [a for a in m.attachments if a.file or a.url]
        if files:
            data["auxiliaryFile"] = [
                {
                    "id": own + f"@file-{n}",
                    "type": OPARL + "File",
                    "name": a.title,
                    "fileName": (a.file or a.url).rsplit("/", 1)[-1],
                    "accessUrl": self.url(quote(a.file)) if a.file else a.url,
                }
                for n, a in enumerate(files, 1)
            ]
        if m.case:
            data.update(self._case(m, None))
        mentioned = [r for r in m.references if not r.mentioned_in]
        if mentioned:
            data["x-mentionedHandling"] = [_mention(r) for r in mentioned]
        data["agendaItem"] = [self.agenda_item(m, item, n) for n, item in enumerate(m.items, 1)]
        return data

    def agenda_item(self, m: Meeting, item: AgendaItem, order: int) -> dict[str, Any]:
        """An agenda item as its meeting embeds it (``order``: its place in the meeting's
        list, as OParl defines it). No ``web`` (optional): its meeting's page, with the
        anchor its id ends in, shows it; at 10,000 meetings the field alone was 11 MB."""
        own = self.item_id(m, item.anchor)
        entry: dict[str, Any] = {
            "id": own,
            "type": OPARL + "AgendaItem",
            "number": item.number,
            "order": order,
            "name": item.title,
            "public": not item.confidential,
        }
        if item.decisions:
            entry["resolutionText"] = "\n\n".join(d.text for d in item.decisions)
        if item.case:
            entry.update(self._case(m, item))
        mentioned = [r for r in m.references if r.mentioned_in == item.anchor]
        if mentioned:
            entry["x-mentionedHandling"] = [_mention(r) for r in mentioned]
        if item.votes:
            entry["x-voteEvent"] = [
                self.vote_event(m, item, own, n) for n in range(1, len(item.votes) + 1)
            ]
        return entry

    def _case(self, m: Meeting, item: AgendaItem | None) -> dict[str, Any]:
        """An item's (or meeting's) case number, and its handling in the case's Paper when
        the case has one (a case number with a page of its own)."""
        case = item.case if item else m.case
        found = self.site.case_file(case)
        if found is None or not found.path:
            return {"x-caseNumber": case}
        return {"x-caseNumber": case, "consultation": self.consultation_id(found, m, item)}

    def paper(self, case: CaseFile) -> dict[str, Any]:
        """A case number as an OParl Paper, its handlings as embedded Consultations."""
        consultations = []
        mentioned = []
        for entry in case.entries:
            if entry.reference is not None:  # not published here: no Meeting to point at
                where = self.meeting_id(entry.meeting)
                mentioned.append(
                    {
                        **_mention(entry.reference),
                        "mentionedIn": self.item_id(entry.meeting, entry.item.anchor)
                        if entry.item
                        else where,
                    }
                )
                continue
            m, item = entry.meeting, entry.item
            consultation = {
                "id": self.consultation_id(case, m, item),
                "type": OPARL + "Consultation",
                "meeting": self.meeting_id(m),
                "organization": [self.organization_id(self.site.body_of[m.source])],
                "authoritative": bool(item and item.decisions),
            }
            if item:
                consultation["agendaItem"] = self.item_id(m, item.anchor)
            consultations.append(consultation)
        paper = {
            "id": self.paper_id(case),
            "type": OPARL + "Paper",
            "name": case.case,
            "reference": case.case,
            "consultation": consultations,
            "web": self.url(case.path),
            **self._stamps(e.meeting for e in case.entries),
        }
        if mentioned:  # handlings the minutes mention whose own minutes are not published
            paper["x-mentionedHandling"] = mentioned
        return paper

    def vote_event(self, m: Meeting, item: AgendaItem, item_id: str, n: int) -> dict[str, Any]:
        """A Popolo VoteEvent with its Counts and Votes, as its agenda item embeds it."""
        vote = item.votes[n - 1]
        return {
            "id": f"{item_id}@vote-{n}",
            "type": POPOLO,
            "motion": {"text": vote.question},
            "start_date": m.date.isoformat(),
            "counts": [{"option": c, "value": v} for c, v in vote.tally],
            "votes": [{"voter": {"name": name}, "option": choice} for name, choice in vote.ballots],
        }

    def page_of(self, pages: list[str], page: int, objects: list[dict[str, Any]]) -> dict[str, Any]:
        """Page ``page`` of an OParl list whose pages are ``pages`` (paths, in order). Its
        links name its neighbours and the first page; no count that another page's
        objects would change."""
        links = {"first": self.url(pages[0])}
        if page > 0:
            links["prev"] = self.url(pages[page - 1])
        if page + 1 < len(pages):
            links["next"] = self.url(pages[page + 1])
        return {"data": objects, "links": links, "pagination": {}}


def _mention(ref: Reference) -> dict[str, str]:
    """A handling the minutes mention whose own minutes are not published here."""
    found = {"organizationName": ref.body, "date": ref.date.isoformat()}
    if ref.item:
        found["number"] = ref.item
    return found


def dump(data: object) -> bytes:
    """Stable JSON bytes."""
    return (
        json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n"
    ).encode()  # compact: only without indent does json use its C encoder
