"""Open data: a static export in the shape of OParl 1.1, with Popolo-style vote events.

Every object is a JSON file under ``oparl/`` whose ``id`` is its own URL; objects that
OParl embeds (agenda items, files and locations in meetings, consultations in papers) carry
fragment ids in their parent's file. Dates come from the content, never from the clock.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

from ..content.config import SiteConfig
from ..content.model import Meeting
from ..site.derive import Body, CaseFile, Site
from ..site.paths import (
    distinct_keys,
    oparl_bodies,
    oparl_body,
    oparl_consultation,
    oparl_list,
    oparl_meeting,
    oparl_organization,
    oparl_paper,
    oparl_person,
    oparl_system,
    oparl_vote,
)
from ..site.people import Appearance, Profile
from .i18n import strings
from .publish import absolute

OPARL = "https://schema.oparl.org/1.1/"
POPOLO = "https://www.popoloproject.com/specs/vote-event.html"
PER_PAGE = 500


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


def meeting_path(site: Site, meeting: Meeting) -> str:
    """The file of a meeting's OParl object."""
    return oparl_meeting(site.paths[meeting.source])


def organization_path(body: Body) -> str:
    """The file of a governing body's OParl Organization."""
    return oparl_organization(body.path)


def paper_path(case: CaseFile) -> str:
    """The file of a case number's OParl Paper."""
    return oparl_paper(case.path)


def vote_path(site: Site, meeting: Meeting, anchor: str, n: int) -> str:
    """The file of a Popolo VoteEvent."""
    return oparl_vote(site.paths[meeting.source], anchor, n)


def consultation_key(site: Site, meeting: Meeting, item_number: int) -> str:
    """The fragment id of a consultation: meeting and item (0: the whole document)."""
    return oparl_consultation(site.paths[meeting.source], item_number)


class Exporter:
    """Builds the OParl objects of one derived site."""

    def __init__(self, config: SiteConfig, site: Site) -> None:
        self.config = config
        self.site = site
        self.words = strings(config.language)

    def url(self, path: str) -> str:
        """An object's id."""
        return absolute(self.config, path)

    def _stamps(self, meetings: Iterable[Meeting]) -> dict[str, str]:
        dates = sorted({d for m in meetings for d in (m.date, m.posted or m.adjusted or m.date)})
        first = dates[0].isoformat() if dates else "1970-01-01"
        last = dates[-1].isoformat() if dates else "1970-01-01"
        return {"created": f"{first}T00:00:00+00:00", "modified": f"{last}T00:00:00+00:00"}

    def system(self, orgs: tuple[OrgBody, ...]) -> dict[str, Any]:
        """The System object: the entry point."""
        all_meetings = self.site.meetings
        return {
            "id": self.url(oparl_system()),
            "type": OPARL + "System",
            "oparlVersion": OPARL,
            "name": self.config.title,
            "body": self.url(oparl_bodies()),
            "website": self.url(""),
            "web": self.url(""),
            **self._stamps(all_meetings),
        }

    def body(self, org: OrgBody) -> dict[str, Any]:
        """An OParl Body with links to its lists."""
        meetings = [m for b in org.bodies for m in b.meetings]
        return {
            "id": self.url(org.path),
            "type": OPARL + "Body",
            "name": org.name,
            "system": self.url(oparl_system()),
            "organization": self.url(oparl_list(org.key, "organizations")),
            "person": self.url(oparl_list(org.key, "people")),
            "meeting": self.url(oparl_list(org.key, "meetings")),
            "paper": self.url(oparl_list(org.key, "papers")),
            "web": self.url(""),
            **self._stamps(meetings),
        }

    def organization(self, body: Body, org: OrgBody) -> dict[str, Any]:
        """A governing body as an OParl Organization."""
        return {
            "id": self.url(organization_path(body)),
            "type": OPARL + "Organization",
            "body": self.url(org.path),
            "name": body.name,
            "organizationType": "Gremium",
            "meeting": [self.url(meeting_path(self.site, m)) for m in reversed(body.meetings)],
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
        own = self.url(oparl_person(person.slug))
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
                        "id": own + f"#m-{len(memberships) + 1}",
                        "type": OPARL + "Membership",
                        "person": own,
                        "organization": self.url(organization_path(body)),
                        "startDate": meeting.date.isoformat(),
                        "web": self.url(body.path),
                        **self._stamps([meeting]),
                    }
                    if role:
                        entry["role"] = role
                    if person.party:
                        entry["onBehalfOf"] = person.party
                entry["endDate"] = meeting.date.isoformat()
                entry["modified"] = max(entry["modified"], self._stamps([meeting])["modified"])
        return {
            "id": own,
            "type": OPARL + "Person",
            "name": person.name,
            "membership": list(memberships.values()),
            "web": self.url(person.path),
            **self._stamps(a.meeting for a in person.appearances),
        }

    def meeting(self, m: Meeting) -> dict[str, Any]:
        """A meeting with its agenda items, files and location embedded."""
        own = self.url(meeting_path(self.site, m))
        body = self.site.body_of[m.source]
        stamps = {**self._stamps([m]), "web": self.url(self.site.paths[m.source])}
        data: dict[str, Any] = {
            "id": own,
            "type": OPARL + "Meeting",
            "name": m.title,
            "meetingState": {"planned": "eingeladen", "draft": "durchgeführt"}.get(
                m.status, "abgeschlossen"
            ),
            "cancelled": False,
            "organization": [self.url(organization_path(body))],
            **stamps,
        }
        if m.date_note:  # the source does not give the date: say so beside it
            data["x-dateNote"] = m.date_note
        if m.start:
            data["start"] = f"{m.date.isoformat()}T{m.start}:00"
        if m.ends:
            data["end"] = f"{m.ends[0].isoformat()}T{m.ends[1]}:00"
        if m.location:
            data["location"] = {
                "id": own + "#location",
                "type": OPARL + "Location",
                "description": m.location,
                **stamps,
            }
        files = [a for a in m.attachments if a.file or a.url]
        if files:
            data["auxiliaryFile"] = [
                {
                    "id": own + f"#file-{n}",
                    "type": OPARL + "File",
                    "name": a.title,
                    "fileName": (a.file or a.url).rsplit("/", 1)[-1],
                    "accessUrl": self.url(quote(a.file)) if a.file else a.url,
                    **stamps,
                }
                for n, a in enumerate(files, 1)
            ]
        items = []
        for n, item in enumerate(m.items, 1):
            entry: dict[str, Any] = {
                "id": own + f"#{item.anchor}",
                "type": OPARL + "AgendaItem",
                "meeting": own,
                "number": item.number,
                "order": n,
                "name": item.title,
                "public": not item.confidential,
                **stamps,
                "web": stamps["web"] + f"#{item.anchor}",
            }
            if item.decisions:
                entry["resolutionText"] = "\n\n".join(d.text for d in item.decisions)
            case = self.site.case_path(item.case) if item.case else ""
            if case:
                entry["consultation"] = (
                    self.url(paper_path(self.site.case_by_path[case]))
                    + f"#{consultation_key(self.site, m, n)}"
                )
            votes = [
                self.url(vote_path(self.site, m, item.anchor, k))
                for k, _ in enumerate(item.votes, 1)
            ]
            if votes:
                entry["x-voteEvent"] = votes
            items.append(entry)
        data["agendaItem"] = items
        return data

    def paper(self, case: CaseFile) -> dict[str, Any]:
        """A case number as an OParl Paper, its handlings as embedded Consultations."""
        own = self.url(paper_path(case))
        consultations = []
        mentioned = []
        for entry in case.entries:
            if entry.reference is not None:  # not published here: no Meeting to point at
                ref = entry.reference
                where = self.url(meeting_path(self.site, entry.meeting))
                mentioned.append(
                    {
                        "organizationName": ref.body,
                        "date": ref.date.isoformat(),
                        "number": ref.item,
                        "mentionedIn": where + (f"#{entry.item.anchor}" if entry.item else ""),
                    }
                )
                continue
            meeting_id = self.url(meeting_path(self.site, entry.meeting))
            n = entry.meeting.items.index(entry.item) + 1 if entry.item else 0
            consultations.append(
                {
                    "id": own + f"#{consultation_key(self.site, entry.meeting, n)}",
                    "type": OPARL + "Consultation",
                    "paper": own,
                    "meeting": meeting_id,
                    "agendaItem": meeting_id + f"#{entry.item.anchor}" if entry.item else None,
                    "organization": [
                        self.url(organization_path(self.site.body_of[entry.meeting.source]))
                    ],
                    "authoritative": bool(entry.item and entry.item.decisions),
                    "web": self.url(self.site.paths[entry.meeting.source]),
                    **self._stamps([entry.meeting]),
                }
            )
        paper = {
            "id": own,
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

    def vote_event(self, m: Meeting, anchor: str, n: int) -> dict[str, Any]:
        """A Popolo VoteEvent with its Counts and Votes."""
        item = next(i for i in m.items if i.anchor == anchor)
        vote = item.votes[n - 1]
        body = self.site.body_of[m.source]
        return {
            "id": self.url(vote_path(self.site, m, anchor, n)),
            "type": POPOLO,
            "organization": self.url(organization_path(body)),
            "motion": {
                "text": vote.question,
                "agendaItem": self.url(meeting_path(self.site, m)) + f"#{anchor}",
            },
            "start_date": m.date.isoformat(),
            "counts": [{"option": c, "value": v} for c, v in vote.tally],
            "votes": [{"voter": {"name": name}, "option": choice} for name, choice in vote.ballots],
            "web": self.url(self.site.paths[m.source]) + f"#{anchor}",
            **self._stamps([m]),
        }

    def page_of(
        self, first: str, page: int, objects: list[dict[str, Any]], total: int | None
    ) -> dict[str, Any]:
        """Page ``page`` (from 0) of an OParl list whose first page is ``first``."""
        count = total if total is not None else len(objects)
        pages = max(1, -(-count // PER_PAGE))

        def name(k: int) -> str:
            return first if k == 0 else first.replace(".json", f"-{k + 1}.json")

        links = {"first": self.url(name(0)), "last": self.url(name(pages - 1))}
        if page + 1 < pages:
            links["next"] = self.url(name(page + 1))
        if page > 0:
            links["prev"] = self.url(name(page - 1))
        return {
            "data": objects,
            "links": links,
            "pagination": {
                "totalElements": count,
                "elementsPerPage": PER_PAGE,
                "currentPage": page + 1,
                "totalPages": pages,
            },
        }


def dump(data: object) -> bytes:
    """Stable JSON bytes."""
    return (
        json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n"
    ).encode()  # compact: only without indent does json use its C encoder
