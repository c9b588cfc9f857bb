"""Pure derivations from the parsed meetings: bodies, years, decisions, case files, URLs."""

from __future__ import annotations

import posixpath
import re
from collections import defaultdict
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, replace
from datetime import date

from ..content.errors import Problems
from ..content.history import Revision
from ..content.model import AgendaItem, BodyInfo, Decision, Meeting, Page, Reference
from ..content.people import Cast
from ..messages.text import Text as M
from .notices import Notice, notice_board
from .partitions import Partition, plan_partitions
from .paths import (
    body_paths,
    case_paths,
    decisions_path,
    meeting_paths,
    page_path,
    year_path,
)
from .people import Profile, Roster, derive_people
from .urls import PATHS, slug

LATEST_ON_HOME = 10
LATEST_DECISIONS = 50  # on the decisions index's front page
DECISIONS_PER_PAGE = 500  # a line each: about 80 KB a page
CASE_PAGE_FROM = 3  # entries (handlings and mentions) from which a case number has a page
SUMMARY_CHARS = 110  # a decision's summary on the index and case pages: its first sentence


@dataclass(frozen=True, slots=True)
class Body:
    """A governing body (organ) and its published meetings, newest first."""

    name: str
    organisation: str
    path: str
    meetings: tuple[Meeting, ...]
    info: BodyInfo | None = None

    @property
    def years(self) -> tuple[tuple[int, tuple[Meeting, ...]], ...]:
        """The meetings grouped by year, newest year first."""
        groups: dict[int, list[Meeting]] = defaultdict(list)
        for m in self.meetings:
            groups[m.year].append(m)
        return tuple((y, tuple(ms)) for y, ms in sorted(groups.items(), reverse=True))


@dataclass(frozen=True, slots=True)
class YearArchive:
    """Every body's meetings in one year."""

    year: int
    path: str
    by_body: tuple[tuple[Body, tuple[Meeting, ...]], ...]


@dataclass(frozen=True, slots=True)
class DecisionEntry:
    """One decision, where it was taken."""

    meeting: Meeting
    item: AgendaItem
    decision: Decision


@dataclass(frozen=True, slots=True)
class DecisionPage:
    """One page of the decisions index: one year, or part of one."""

    year: int
    number: int
    count: int
    path: str
    entries: tuple[DecisionEntry, ...]


def by_meeting(
    entries: tuple[DecisionEntry, ...],
) -> tuple[tuple[Meeting, tuple[DecisionEntry, ...]], ...]:
    """Runs of decisions of one meeting, in the order given: the index names a meeting
    once, not per decision."""
    runs: list[tuple[Meeting, list[DecisionEntry]]] = []
    for e in entries:
        if runs and runs[-1][0].source == e.meeting.source:
            runs[-1][1].append(e)
        else:
            runs.append((e.meeting, [e]))
    return tuple((m, tuple(es)) for m, es in runs)


@dataclass(frozen=True, slots=True)
class CaseEntry:
    """A meeting's handling of a case: one of its items, or the whole document; or, with
    ``reference``, a handling that meeting mentions whose minutes are not published here."""

    meeting: Meeting
    item: AgendaItem | None
    reference: Reference | None = None

    @property
    def body(self) -> str:
        """The body that handled the case."""
        return self.reference.body if self.reference else self.meeting.body

    @property
    def date(self) -> date:
        """When it was handled."""
        return self.reference.date if self.reference else self.meeting.date


@dataclass(frozen=True, slots=True)
class CaseFile:
    """Every item that handled one case number, across bodies and meetings, oldest first;
    ``path`` is its page's, or '' for a case that needs none (see ``needs_page``)."""

    case: str
    path: str
    entries: tuple[CaseEntry, ...]

    @property
    def bodies(self) -> tuple[str, ...]:
        """The bodies that handled the case, in order of first handling."""
        return tuple(dict.fromkeys(e.body for e in self.entries))

    @property
    def handlings(self) -> tuple[CaseEntry, ...]:
        """The entries that are published meetings (not references)."""
        return tuple(e for e in self.entries if e.reference is None)


def needs_page(entries: list[CaseEntry]) -> bool:
    """A case number has a page of its own when it has CASE_PAGE_FROM entries or more, or
    no published handling to show its entries at. With one or two, each handling names the
    other where the number is shown (the item, or the meeting's facts): a page would say
    nothing more, and at 10,000 meetings 80,000 such pages were most of the site."""
    return len(entries) >= CASE_PAGE_FROM or all(e.reference is not None for e in entries)


@dataclass(frozen=True, slots=True)
class CaseLink:
    """Where a case number leads from one of its handlings: its page, if it has one, else
    the case's other entries (at most CASE_PAGE_FROM - 2 of them)."""

    case: str
    path: str = ""
    others: tuple[CaseEntry, ...] = ()


@dataclass(frozen=True, slots=True)
class Site:
    """The whole derived site, handed to the renderer."""

    meetings: tuple[Meeting, ...]  # published ones, oldest first
    paths: dict[str, str]  # meeting or page source → path under the base URL
    body_of: dict[str, Body]  # meeting source → its body
    bodies: tuple[Body, ...]
    years: tuple[YearArchive, ...]
    decision_pages: tuple[DecisionPage, ...]
    cases: tuple[CaseFile, ...]  # the case numbers that have a page, by path
    case_index: dict[str, CaseFile]  # normalised case number → its case file (all of them)
    case_by_path: dict[str, CaseFile]
    pages: tuple[Page, ...]
    upcoming: tuple[Meeting, ...]
    latest: tuple[Meeting, ...]
    section: dict[str, str]  # localized path segments: decisions, cases, archive, search
    search: tuple[Partition, ...] = ()  # the search indexes, newest years first
    notices: tuple[Notice, ...] = ()  # on the notice board now: minutes and items adjusted
    past_notices: tuple[Notice, ...] = ()  # taken down, newest first
    announcements: tuple[Notice, ...] = ()  # planned meetings announced, up now
    today: date = date(1970, 1, 1)
    history: dict[str, tuple[Revision, ...]] = field(default_factory=dict)  # source → commits
    anchors: dict[str, frozenset[str]] = field(default_factory=dict)  # meeting → item anchors
    roster: Roster = field(default_factory=Roster)  # everyone the meetings name

    def around(self, meeting: Meeting) -> Site:
        """The part of the site one meeting's own page shows: its body's link, its people's
        pages, where its case numbers and links lead, the navigation (the plain pages' titles,
        not their texts). An edit that leaves every
        outline as it was (a typo fixed) leaves this part as it was too, so the page can be
        made again from it without deriving the rest of the site (build/kits.py)."""
        source = meeting.source
        cases: dict[str, CaseFile] = {}
        for item in (None, *meeting.items):
            case = normalise_case(item.case if item is not None else meeting.case)
            found = self.case_index.get(case) if case else None
            if found is not None:  # with a page, the number links it; else its other entries
                leads = () if found.path else tuple(map(_as_lead, found.entries))
                cases[case] = replace(found, entries=leads)
        targets = {"content/" + t.partition("#")[0] for t, _ in meeting.links}
        shown = {
            source,
            *targets,
            *(p.source for p in self.pages),
            *(e.meeting.source for c in cases.values() for e in c.entries),
        }
        history = self.history.get(source)
        return Site(
            meetings=(),
            paths={s: self.paths[s] for s in sorted(shown) if s in self.paths},
            body_of={source: replace(self.body_of[source], meetings=(), info=None)},
            bodies=(),
            years=(),
            decision_pages=(),
            cases=(),
            case_index=cases,
            case_by_path={},
            pages=tuple(replace(p, html="", links=()) for p in self.pages),  # titles only
            upcoming=(),
            latest=(),
            section=self.section,
            today=self.today,
            history={source: history} if history is not None else {},
            anchors={s: self.anchors[s] for s in sorted(targets) if s in self.anchors},
            roster=self.roster.around(meeting),
        )

    @property
    def people(self) -> tuple[Profile, ...]:
        """Everyone the meetings name, in name order (gathered when first asked for)."""
        return self.roster.profiles()

    @property
    def search_filters(self) -> dict[str, list[str]]:
        """The values of each search filter, so the search page need not download them."""
        return {
            "body": sorted({m.body for m in self.meetings}, key=str.casefold),
            "year": sorted({str(m.year) for m in self.meetings}, reverse=True),
            "type": sorted({m.type for m in self.meetings if m.type}, key=str.casefold),
        }

    @property
    def search_indexes(self) -> list[dict[str, object]]:
        """The search indexes, newest first, with the years or months each holds: the search
        page loads only those a query needs (the newest first, for newest-first results)."""
        return [{"path": p.path, "prefixes": list(p.prefixes)} for p in self.search]

    @property
    def latest_decisions(self) -> tuple[DecisionEntry, ...]:
        """The newest decisions, for the decisions index's front page."""
        return self.decision_pages[0].entries[:LATEST_DECISIONS] if self.decision_pages else ()

    def case_file(self, case: str) -> CaseFile | None:
        """The case file of a case number (with a page or not)."""
        return self.case_index.get(normalise_case(case))

    def case_path(self, case: str) -> str:
        """Path of a case number's page ('' if it has none)."""
        found = self.case_index.get(normalise_case(case))
        return found.path if found else ""

    def case_link(self, case: str, meeting: Meeting, item: AgendaItem | None = None) -> CaseLink:
        """Where a case number leads from its handling in ``meeting`` (at ``item``, or by
        the whole document): its page, or the case's other entries."""
        found = self.case_index.get(normalise_case(case))
        if found is None:
            return CaseLink(case)
        if found.path:
            return CaseLink(case, found.path)
        return CaseLink(case, "", tuple(_others(found, meeting, item)))

    def case_leads(self, meeting: Meeting) -> tuple[object, ...]:
        """Where each case number of a meeting leads, as plain values: what a page showing
        the meeting's case numbers shows of other meetings (its fingerprint holds them)."""
        leads: list[object] = []
        index = self.case_index
        for item in (None, *meeting.items):
            case = item.case if item is not None else meeting.case
            if not case:
                continue
            found = index.get(normalise_case(case))  # as case_link, without a CaseLink each
            if found is None or found.path:
                leads.append(found.path if found is not None else ())
            else:
                leads.append(tuple(_lead(self, e) for e in _others(found, meeting, item)))
        return tuple(leads)


def _others(found: CaseFile, meeting: Meeting, item: AgendaItem | None) -> Iterator[CaseEntry]:
    """The entries of a case without a page of its own that its number leads to from its
    handling in ``meeting`` (at ``item``, or by the whole document): all but that one."""
    anchor = item.anchor if item is not None else None
    return (
        e
        for e in found.entries
        if e.reference is not None
        or e.meeting.source != meeting.source
        or (e.item.anchor if e.item is not None else None) != anchor
    )


def _as_lead(e: CaseEntry) -> CaseEntry:
    """A handling as a case number's lead on another page shows it: which meeting (where,
    which body, when) and item, not their text (see ``_lead`` and templates/_case.html)."""
    m, item = e.meeting, e.item
    return replace(
        e,
        meeting=Meeting(m.source, m.body, m.date, m.title, is_outline=True),
        item=replace(item, segments=()) if item is not None else None,
    )


def _lead(site: Site, e: CaseEntry) -> tuple[object, ...]:
    """What a handling shows of another entry of its case: where it is and what it is."""
    where = (site.paths[e.meeting.source], e.item.anchor if e.item else "", e.meeting.body)
    item = (e.item.label, e.item.title) if e.item else ()
    if e.reference is None:
        return (*where, e.meeting.date, *item)
    ref = e.reference
    return (*where, e.meeting.date, *item, ref.body, ref.date, ref.item)


def normalise_case(case: str) -> str:
    """Case numbers compare after trimming and folding white space."""
    return " ".join(case.split())


# words that end in a full stop without ending the sentence (dotted ones, numbers and
# initials are known by their shape)
ABBREVIATIONS = frozenset(
    {
        *("kl", "ca", "nr", "st", "s", "dnr", "inkl", "exkl", "enl", "resp", "jfr", "ang"),
        *("tkr", "mkr", "mnkr", "kr", "osv", "etc", "dvs", "mm", "mfl", "ev", "tex", "bla"),
        *("pga", "fd", "ff", "sek"),
    }
)


def summary(text: str, limit: int = SUMMARY_CHARS) -> str:
    """A decision's first sentence, as the index and case pages show it: cut at a word
    before ``limit`` characters, and ending in '…' whenever anything of the text is left
    out (an abbreviation, a list number or an initial does not end a sentence)."""
    text = " ".join(text.split())
    end = len(text)
    for found in re.finditer(r"[.!?](?= |$)", text):
        word = text[: found.start()].rsplit(" ", 1)[-1]
        if found[0] == "." and (
            len(word) <= 1 or "." in word or word.isdigit() or word.lower() in ABBREVIATIONS
        ):
            continue
        end = found.end()
        break
    first = text[:end]
    if len(first) > limit:
        cut = first.rfind(" ", 0, limit)
        first = first[: cut if cut > limit // 2 else limit].rstrip(" ,;:–-")
    if len(first) == len(text):
        return first
    return first + (" …" if len(first) == end else "…")


def derive_site(
    meetings: list[Meeting],
    pages: list[Page],
    infos: list[BodyInfo],
    language: str,
    today: date,
    history: dict[str, tuple[Revision, ...]] | None = None,
    casts: Mapping[str, Cast] | None = None,
) -> Site:
    """Everything the renderer needs, from the meetings that are to be published (and
    their casts as kept with their parses, see derive_people)."""
    section = PATHS[language]
    meetings = sorted(meetings, key=lambda m: (m.date, m.source))
    orgs = {m.organisation for m in meetings if m.organisation}
    by_org_body: dict[tuple[str, str], list[Meeting]] = defaultdict(list)
    for m in meetings:
        by_org_body[(m.organisation if len(orgs) > 1 else "", m.body)].append(m)
    info_by_slug = {i.slug: i for i in infos}
    body_folders = body_paths(by_org_body, taken=section.values())
    bodies: list[Body] = []
    paths = meeting_paths(
        (
            (
                m.source,
                body_folders[(m.organisation if len(orgs) > 1 else "", m.body)],
                m.date.isoformat(),
            )
            for m in meetings
        ),
        closed={m.source for m in meetings if not m.public},
    )
    body_of: dict[str, Body] = {}
    for key, ms in by_org_body.items():
        path = body_folders[key]
        body = Body(
            name=key[1],
            organisation=key[0],
            path=path + "/",
            meetings=tuple(reversed(ms)),
            info=info_by_slug.get(path.rsplit("/")[-1]),
        )
        bodies.append(body)
        for m in ms:
            body_of[m.source] = body
    bodies.sort(key=lambda b: (b.organisation.casefold(), b.name.casefold()))
    for page in pages:  # a page whose URL is taken is refused when the paths are claimed
        paths[page.source] = page_path(page.slug)
    held = [m for m in meetings if m.status != "planned"]
    board = notice_board(meetings, body_of, today)
    cases = _cases(held, section)
    return Site(
        meetings=tuple(meetings),
        paths=paths,
        body_of=body_of,
        bodies=tuple(bodies),
        years=_years(held, body_of, section),
        decision_pages=_decision_pages(held, section),
        cases=tuple(c for c in cases if c.path),
        case_index={c.case: c for c in cases},
        case_by_path={c.path: c for c in cases if c.path},
        pages=tuple(sorted(pages, key=lambda p: p.slug)),
        upcoming=tuple(m for m in meetings if m.status == "planned" and m.date >= today),
        latest=tuple(reversed(held[-LATEST_ON_HOME:])),
        section=section,
        search=plan_partitions(
            (m.date for m in meetings), folders=tuple(sorted(b.path.strip("/") for b in bodies))
        ),
        notices=board.notices,
        past_notices=board.past,
        announcements=board.announcements,
        today=today,
        history=history or {},
        anchors={m.source: frozenset(i.anchor for i in m.items) for m in meetings},
        roster=derive_people(meetings, section, casts),
    )


def _years(
    meetings: list[Meeting], body_of: dict[str, Body], section: dict[str, str]
) -> tuple[YearArchive, ...]:
    groups: dict[int, dict[str, list[Meeting]]] = defaultdict(lambda: defaultdict(list))
    for m in meetings:
        groups[m.year][body_of[m.source].path].append(m)
    bodies = {b.path: b for b in body_of.values()}
    return tuple(
        YearArchive(
            year=y,
            path=year_path(section, y),
            by_body=tuple(
                (bodies[p], tuple(groups[y][p]))
                for p in sorted(groups[y], key=lambda p: bodies[p].name.casefold())
            ),
        )
        for y in sorted(groups, reverse=True)
    )


def _decision_pages(meetings: list[Meeting], section: dict[str, str]) -> tuple[DecisionPage, ...]:
    """Decisions newest first, one run of pages per year so that a new meeting changes few."""
    by_year: dict[int, list[DecisionEntry]] = defaultdict(list)
    for m in reversed(meetings):
        for item in m.items:
            for d in item.decisions:
                by_year[m.year].append(DecisionEntry(m, item, d))
    out: list[DecisionPage] = []
    for year in sorted(by_year, reverse=True):
        entries = by_year[year]
        count = max(1, -(-len(entries) // DECISIONS_PER_PAGE))
        for n in range(count):
            path = decisions_path(section, year, n + 1)
            chunk = entries[n * DECISIONS_PER_PAGE : (n + 1) * DECISIONS_PER_PAGE]
            out.append(DecisionPage(year, n + 1, count, path, tuple(chunk)))
    return tuple(out)


def _cases(meetings: list[Meeting], section: dict[str, str]) -> tuple[CaseFile, ...]:
    entries: dict[str, list[CaseEntry]] = defaultdict(list)
    for m in meetings:
        if m.case:
            entries[normalise_case(m.case)].append(CaseEntry(m, None))
        for item in m.items:
            if item.case:
                entries[normalise_case(item.case)].append(CaseEntry(m, item))
        by_anchor = {i.anchor: i for i in m.items}
        for ref in m.references:
            where = by_anchor.get(ref.mentioned_in)
            case = ref.case or (where.case if where else "") or m.case
            if case:
                entries[normalise_case(case)].append(CaseEntry(m, where, ref))
    for found in entries.values():  # a reference is placed by its own date
        found.sort(key=lambda e: e.date)
    slugs = {c: slug(c) for c, found in entries.items() if needs_page(found)}  # 4% at 10k
    order = sorted(slugs, key=lambda c: (slugs[c], c))
    paths = case_paths(((c, slugs[c]) for c in order), section)
    return tuple(
        CaseFile(case=c, path=paths.get(c, ""), entries=tuple(entries[c]))
        for c in (*order, *(c for c in entries if c not in slugs))
    )


def check_links(site: Site, files: set[str], problems: Problems) -> None:
    """Warn about links to content files or anchors that do not exist, on meetings, plain
    pages and body pages alike."""
    anchors = {
        m.source.removeprefix("content/"): {i.anchor for i in m.items} for m in site.meetings
    }
    pages = {p.source.removeprefix("content/") for p in site.pages}
    linking = [
        *((m.source, m.links) for m in site.meetings),
        *((p.source, p.links) for p in site.pages),
        *((b.info.source, b.info.links) for b in site.bodies if b.info is not None),
    ]
    for source, links in linking:
        for target, line in links:
            path, _, anchor = target.partition("#")
            if path in files:
                continue
            if path in anchors:
                if anchor and anchor not in anchors[path]:
                    problems.warn(
                        source, line, M.LINK_NO_ITEM_WITH_ANCHOR(target=target, anchor=anchor)
                    )
            elif path not in pages:
                problems.warn(source, line, M.LINK_NO_SUCH_FILE(target=target))
    for m in site.meetings:
        for ref in m.references:
            if (
                ref.mentioned_in
                and ref.mentioned_in not in anchors[m.source.removeprefix("content/")]
            ):
                problems.warn(m.source, ref.line, M.REFERENCE_IN_NO_ITEM(anchor=ref.mentioned_in))
            elif not (
                ref.case or m.case or any(i.case for i in m.items if i.anchor == ref.mentioned_in)
            ):
                problems.warn(
                    m.source, ref.line, M.REFERENCE_WITHOUT_CASE(body=ref.body, date=str(ref.date))
                )


def link_target(site: Site, target: str, base_path: str) -> str:
    """A marked content link → the URL of the page (or file) it points at."""
    path, _, anchor = target.partition("#")
    if path.startswith("files/"):
        return base_path + path
    page = site.paths.get("content/" + path)
    if page is None:
        return base_path + posixpath.dirname(path)  # dangling: warned about; keep it on-site
    shown = site.anchors.get("content/" + path)
    if shown is not None and anchor not in shown:  # no such item on the page: a secret one's
        anchor = ""  # own id, or a closed meeting's; the link leads to the page (warned)
    return base_path + page + (f"#{anchor}" if anchor else "")
