"""Jinja2 themes → HTML: a site's own theme shadows the default one file by file."""

from __future__ import annotations

import importlib.resources
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jinja2 import ChoiceLoader, Environment, FileSystemLoader, StrictUndefined
from jinja2.bccache import Bucket, BytecodeCache

from ..content.config import SiteConfig
from ..content.markdown import LINK_PREFIX
from ..content.model import Meeting, Person
from ..site.derive import CaseFile, Site, link_target
from .i18n import APPEAL_TEXT, format_date, strings
from .opendata import PER_PAGE as OPARL_PER_PAGE
from .opendata import ROOT as OPARL_ROOT
from .opendata import (
    Exporter,
    dump,
    meeting_path,
    org_bodies,
    organization_path,
    paper_path,
    people,
    person_path,
    vote_path,
)
from .publish import atom_feed, calendar, robots, sitemap
from .search import MARKERS, check_page
from .views import PageJob, Views, whole_meeting

__all__ = ["CONTENT_LINK", "PageJob", "Renderer", "output_file", "theme_dirs"]

# a marked link to a content file (group 2: its target), pointed at its page when rendered
CONTENT_LINK = re.compile(r'(href|src)="' + re.escape(LINK_PREFIX) + r'([^"]*)"')


def default_theme_dir() -> Path:
    """The default theme: beside the package in a checkout, else shipped inside it."""
    checkout = Path(__file__).resolve().parents[2] / "themes" / "default"
    if checkout.is_dir():
        return checkout
    return Path(str(importlib.resources.files("generator.themes"))) / "default"


class _Compiled(BytecodeCache):
    """Compiled templates kept for the life of the process: ``minutes serve`` makes a new
    renderer per build, and compiling the theme took longer than rendering a small edit.
    Jinja checks each entry against its template's source, so an edited template is
    compiled again."""

    def __init__(self) -> None:
        self.code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        if bucket.key in self.code:
            bucket.bytecode_from_string(self.code[bucket.key])

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.code[bucket.key] = bucket.bytecode_to_string()


_COMPILED = _Compiled()

CALENDAR_MEETINGS = 500  # a calendar to subscribe to holds the newest meetings, not the archive


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


def theme_dirs(config: SiteConfig) -> list[Path]:
    """Theme folders, most specific first: the site's own, then the default."""
    own = config.root / "themes" / config.theme
    default = default_theme_dir()
    dirs = [own] if own.is_dir() and own.resolve() != default.resolve() else []
    return [*dirs, default]


@dataclass(frozen=True, slots=True)
class Output:
    """One rendered file: its path under the output folder and its bytes."""

    path: str
    data: bytes


def output_file(page_path: str) -> str:
    """'rs/2020-05-26/' → 'rs/2020-05-26/index.html'."""
    return page_path + "index.html" if page_path.endswith("/") or not page_path else page_path


class Renderer:
    """Renders every page of a derived site with the site's theme."""

    def __init__(
        self, config: SiteConfig, site: Site, whole: Callable[[Meeting], Meeting] | None = None
    ) -> None:
        self.config = config
        self.site = site
        self.views = Views(site)  # what each page's template is given of the site
        self.whole = whole  # a meeting's whole parse, when the site holds outlines
        self._exporter: Exporter | None = None
        self._people: dict[str, list[tuple[Meeting, Person, str]]] | None = None
        lang = config.language
        self.env = Environment(
            loader=ChoiceLoader(
                [FileSystemLoader(str(d / "templates")) for d in theme_dirs(config)]
            ),
            autoescape=True,
            trim_blocks=True,
            lstrip_blocks=True,
            undefined=StrictUndefined,
            keep_trailing_newline=True,
            bytecode_cache=_COMPILED,
        )
        self.env.filters["date"] = lambda d: format_date(d, lang)
        self.env.filters["iso"] = lambda d: d.isoformat() if d else ""
        self.env.globals.update(
            t=strings(lang),
            lang=lang,
            config=config,
            appeal_text=config.appeal_text or APPEAL_TEXT[lang],
            url=self.url,
            meeting_url=self.meeting_url,
            body_url=self.body_url,
            case_url=self.case_url,
            search=MARKERS,  # search's markup (pages/search.py)
        )

    def url(self, path: str) -> str:
        """Site-relative path → URL path under the base URL."""
        return self.config.base_path + path

    def meeting_url(self, meeting: Meeting, anchor: str = "") -> str:
        """URL of a meeting's page, optionally at an item."""
        return self.url(self.site.paths[meeting.source]) + (f"#{anchor}" if anchor else "")

    def body_url(self, meeting: Meeting) -> str:
        """URL of the page of a meeting's body."""
        return self.url(self.site.body_of[meeting.source].path)

    def case_url(self, case: str) -> str:
        """URL of a case number's page."""
        path = self.site.case_path(case)
        return self.url(path) if path else ""

    def render(self, template: str, path: str, **context: Any) -> Output:
        """One page: template + context → bytes, with content links pointed at page URLs."""
        compiled = self.env.get_template(template)
        html = compiled.render(page_path=path, **context)
        check_page(template, compiled.filename or template, html, context)
        if LINK_PREFIX in html:
            base = self.config.base_path
            html = CONTENT_LINK.sub(
                lambda m: f'{m[1]}="{link_target(self.site, m[2], base)}"', html
            )
        return Output(output_file(path), html.encode("utf-8"))

    def output_path(self, job: PageJob) -> str:
        """The file a job writes."""
        return output_file(job.path)

    def run(self, job: PageJob) -> Output:
        """Render one job: a template, or a feed, calendar, sitemap or robots.txt."""
        if not job.template.startswith("@"):
            ctx = self.views.context(job)
            meeting = whole_meeting(job)
            if meeting is not None and meeting.is_outline:  # the page that shows its prose
                assert self.whole is not None, "an outline needs the whole meetings"
                ctx["meeting"] = self.whole(meeting)
            return self.render(job.template, job.path, **ctx)
        ctx = dict(job.context)
        config, site = self.config, self.site
        if job.template == "@feed":
            data = atom_feed(config, site, ctx["meetings"], job.path, ctx["title"])
        elif job.template == "@calendar":
            data = calendar(config, site, ctx["meetings"], ctx["title"])
        elif job.template == "@sitemap":
            data = sitemap(config, ctx["paths"])
        elif job.template == "@oparl":
            data = self.open_data(job)
        else:
            data = robots(config)
        return Output(job.path, data)

    def weight(self, job: PageJob) -> int:
        """How many meetings a job shows (at least 1): what a worker rendering it touches of
        the shared site, and so may copy (see pool._render_in_pool)."""
        ctx = dict(job.context)
        if job.template == "case.html":
            return max(1, len(ctx["case"].entries))
        if job.template == "body.html":
            return max(1, len(ctx["body"].meetings))
        if job.template == "year.html":
            return max(1, sum(len(ms) for _, ms in ctx["archive"].by_body))
        if job.template == "decisions.html":
            dp = ctx["decision_page"]
            return max(1, len(dp.entries if dp is not None else self.site.latest_decisions))
        if job.template in ("@feed", "@calendar"):
            return max(1, len(ctx["meetings"]))
        if job.template == "@oparl":
            return max(1, len(ctx["deps"]))
        return 1

    def meeting_job(self, meeting: Meeting) -> PageJob:
        """The job for one meeting's page."""
        body = self.site.body_of[meeting.source]
        return PageJob(
            "meeting.html", self.site.paths[meeting.source], (("meeting", meeting), ("body", body))
        )

    def index_jobs(self) -> list[PageJob]:
        """Every page that is not a meeting page: home, bodies, years, decisions, cases, ..."""
        site, section = self.site, self.site.section
        jobs = [PageJob("home.html", "")]
        jobs += [PageJob("body.html", b.path, (("body", b),)) for b in site.bodies]
        jobs += [PageJob("year.html", y.path, (("archive", y),)) for y in site.years]
        jobs.append(PageJob("archive.html", f"{section['archive']}/"))
        jobs.append(
            PageJob("decisions.html", f"{section['decisions']}/", (("decision_page", None),))
        )
        jobs += [
            PageJob("decisions.html", dp.path, (("decision_page", dp),))
            for dp in site.decision_pages
        ]
        jobs += [PageJob("case.html", c.path, (("case", c),)) for c in site.cases]
        jobs += [PageJob("page.html", site.paths[p.source], (("page", p),)) for p in site.pages]
        jobs.append(PageJob("search.html", f"{section['search']}/"))
        jobs.append(PageJob("notices.html", f"{section['notices']}/"))
        jobs.append(PageJob("accessibility.html", f"{section['accessibility']}/"))
        if self.config.open_data:
            jobs.append(PageJob("opendata.html", f"{section['opendata']}/"))
        jobs.append(PageJob("404.html", "404.html"))
        jobs.append(
            PageJob(
                "@feed", "feed.xml", (("meetings", site.meetings), ("title", self.config.title))
            )
        )
        jobs.append(
            PageJob(
                "@calendar",
                "calendar.ics",
                (("meetings", newest(site.meetings)), ("title", self.config.title)),
            )
        )
        for b in site.bodies:
            ordered = tuple(reversed(b.meetings))
            jobs.append(
                PageJob("@feed", b.path + "feed.xml", (("meetings", ordered), ("title", b.name)))
            )
            jobs.append(
                PageJob(
                    "@calendar",
                    b.path + "calendar.ics",
                    (("meetings", newest(ordered)), ("title", b.name)),
                )
            )
        pages = tuple(sorted(j.path for j in jobs if j.path.endswith("/") or j.path == ""))
        pages += tuple(sorted(site.paths[m.source] for m in site.meetings))
        jobs.append(PageJob("@sitemap", "sitemap.xml", (("paths", pages),)))
        jobs.append(PageJob("@robots", "robots.txt"))
        if self.config.open_data:
            jobs += self.open_data_jobs()
        return jobs

    def open_data_jobs(self) -> list[PageJob]:
        """The OParl export: one job per object file or list page."""
        site = self.site
        orgs = org_bodies(site, self.config)
        everyone = self.people()
        jobs = [
            PageJob(
                "@oparl", f"{OPARL_ROOT}/system.json", (("kind", "system"), ("deps", site.meetings))
            ),
            PageJob(
                "@oparl", f"{OPARL_ROOT}/bodies.json", (("kind", "bodies"), ("deps", site.meetings))
            ),
        ]
        for org in orgs:
            deps = tuple(m for b in org.bodies for m in b.meetings)
            jobs.append(
                PageJob("@oparl", org.path, (("kind", "body"), ("org", org), ("deps", deps)))
            )
            names = sorted({p.name for m in deps for p in (*m.attendees, *m.officials)})
            cases = sorted({c.path: c for m in deps for c in self._cases_of(m)}.items())
            members: dict[str, list[tuple[Any, tuple[Meeting, ...]]]] = {
                "organizations": [(b, b.meetings) for b in org.bodies],
                "people": [(n, tuple(m for m, _, _ in everyone[n])) for n in names],
                "meetings": [(m, (m,)) for m in deps],
                "papers": [(c, tuple(e.meeting for e in c.entries)) for _, c in cases],
            }
            for kind, entries in members.items():
                for page in range(max(1, -(-len(entries) // OPARL_PER_PAGE))):
                    chunk = entries[page * OPARL_PER_PAGE : (page + 1) * OPARL_PER_PAGE]
                    name = f"{kind}.json" if page == 0 else f"{kind}-{page + 1}.json"
                    jobs.append(
                        PageJob(
                            "@oparl",
                            f"{OPARL_ROOT}/body/{org.key}/{name}",
                            (
                                ("kind", "list"),
                                ("org", org),
                                ("list", kind),
                                ("page", page),
                                ("size", len(entries)),
                                ("items", tuple(e for e, _ in chunk)),
                                ("deps", tuple(m for _, ms in chunk for m in ms)),
                            ),
                        )
                    )
            for body in org.bodies:
                jobs.append(
                    PageJob(
                        "@oparl",
                        organization_path(body),
                        (
                            ("kind", "organization"),
                            ("body", body),
                            ("org", org),
                            ("deps", body.meetings),
                        ),
                    )
                )
        for name, seen in sorted(everyone.items()):
            jobs.append(
                PageJob(
                    "@oparl",
                    person_path(name),
                    (("kind", "person"), ("name", name), ("deps", tuple(m for m, _, _ in seen))),
                )
            )
        for m in site.meetings:
            jobs.append(
                PageJob("@oparl", meeting_path(site, m), (("kind", "meeting"), ("deps", (m,))))
            )
            for item in m.items:
                for n, _ in enumerate(item.votes, 1):
                    jobs.append(
                        PageJob(
                            "@oparl",
                            vote_path(site, m, item.anchor, n),
                            (("kind", "vote"), ("anchor", item.anchor), ("n", n), ("deps", (m,))),
                        )
                    )
        for case in site.cases:
            jobs.append(
                PageJob(
                    "@oparl",
                    paper_path(case),
                    (
                        ("kind", "paper"),
                        ("case", case),
                        ("deps", tuple(e.meeting for e in case.entries)),
                    ),
                )
            )
        return jobs

    def _cases_of(self, meeting: Meeting) -> list[CaseFile]:
        found = [self.site.case_file(i.case) for i in meeting.items if i.case]
        if meeting.case:
            found.append(self.site.case_file(meeting.case))
        return [c for c in found if c is not None]

    def open_data(self, job: PageJob) -> bytes:
        """One OParl file."""
        ctx = dict(job.context)
        export = Exporter(self.config, self.site) if self._exporter is None else self._exporter
        self._exporter = export
        kind = ctx["kind"]
        if kind == "system":
            return dump(export.system(org_bodies(self.site, self.config)))
        if kind == "bodies":
            orgs = org_bodies(self.site, self.config)
            return dump(export.page_of(job.path, 0, [export.body(o) for o in orgs], None))
        if kind == "body":
            return dump(export.body(ctx["org"]))
        if kind == "organization":
            return dump(export.organization(ctx["body"], ctx["org"]))
        if kind == "person":
            return dump(export.person(ctx["name"], self.people()[ctx["name"]]))
        if kind == "meeting":
            return dump(export.meeting(ctx["deps"][0]))
        if kind == "vote":
            return dump(export.vote_event(ctx["deps"][0], ctx["anchor"], ctx["n"]))
        if kind == "paper":
            return dump(export.paper(ctx["case"]))
        return dump(self._list_page(export, job.path, ctx))

    def _list_page(self, export: Exporter, path: str, ctx: dict[str, Any]) -> dict[str, Any]:
        org, kind, page, items = ctx["org"], ctx["list"], ctx["page"], ctx["items"]
        if kind == "organizations":
            objects = [export.organization(b, org) for b in items]
        elif kind == "people":
            objects = [export.person(n, self.people()[n]) for n in items]
        elif kind == "meetings":
            objects = [export.meeting(m) for m in items]
        else:
            objects = [export.paper(c) for c in items]
        first = path.rsplit("/", 1)[0] + f"/{kind}.json"
        return export.page_of(first, page, objects, ctx["size"])

    def people(self) -> dict[str, list[tuple[Meeting, Person, str]]]:
        """Everyone in the attendance lists (computed once per process)."""
        if self._people is None:
            self._people = people(self.site)
        return self._people

    def static_files(self) -> Iterator[Output]:
        """The theme's CSS and scripts, the site's own shadowing the default's."""
        seen: set[str] = set()
        for theme in theme_dirs(self.config):
            static = theme / "static"
            if not static.is_dir():
                continue
            for file in sorted(static.rglob("*")):
                rel = file.relative_to(static).as_posix()
                if file.is_file() and rel not in seen:
                    seen.add(rel)
                    yield Output(f"static/{rel}", file.read_bytes())
