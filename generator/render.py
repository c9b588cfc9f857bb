"""Jinja2 themes → HTML: a site's own theme shadows the default one file by file."""

from __future__ import annotations

import importlib.resources
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from jinja2 import ChoiceLoader, Environment, FileSystemLoader, StrictUndefined

from .config import SiteConfig
from .i18n import APPEAL_TEXT, format_date, strings
from .markdown import LINK_PREFIX
from .model import Meeting
from .publish import atom_feed, calendar, robots, sitemap
from .site import Site, link_target

_CONTENT_LINK = re.compile(r'(href|src)="' + re.escape(LINK_PREFIX) + r'([^"]*)"')


def default_theme_dir() -> Path:
    """The default theme: beside the package in a checkout, else shipped inside it."""
    checkout = Path(__file__).resolve().parent.parent / "themes" / "default"
    if checkout.is_dir():
        return checkout
    return Path(str(importlib.resources.files("generator.themes"))) / "default"


def theme_dirs(config: SiteConfig) -> list[Path]:
    """Theme folders, most specific first: the site's own, then the default."""
    own = config.root / "themes" / config.theme
    default = default_theme_dir()
    dirs = [own] if own.is_dir() and own.resolve() != default.resolve() else []
    return [*dirs, default]


@dataclass(frozen=True, slots=True)
class PageJob:
    """One page to render: its template, its path and what the template is given."""

    template: str
    path: str
    context: tuple[tuple[str, Any], ...] = ()


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

    def __init__(self, config: SiteConfig, site: Site, today: date) -> None:
        self.config = config
        self.site = site
        lang = config.language
        self.env = Environment(
            loader=ChoiceLoader([FileSystemLoader(str(d / "templates"))
                                 for d in theme_dirs(config)]),
            autoescape=True, trim_blocks=True, lstrip_blocks=True, undefined=StrictUndefined,
            keep_trailing_newline=True,
        )
        self.env.filters["date"] = lambda d: format_date(d, lang)
        self.env.filters["iso"] = lambda d: d.isoformat() if d else ""
        self.env.globals.update(
            t=strings(lang), lang=lang, config=config, site=site, today=today,
            appeal_text=config.appeal_text or APPEAL_TEXT[lang],
            url=self.url, meeting_url=self.meeting_url, body_url=self.body_url,
            case_url=self.case_url,
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
        html = self.env.get_template(template).render(page_path=path, **context)
        if LINK_PREFIX in html:
            base = self.config.base_path
            html = _CONTENT_LINK.sub(
                lambda m: f'{m[1]}="{link_target(self.site, m[2], base)}"', html)
        return Output(output_file(path), html.encode("utf-8"))

    def output_path(self, job: PageJob) -> str:
        """The file a job writes."""
        return output_file(job.path)

    def run(self, job: PageJob) -> Output:
        """Render one job: a template, or a feed, calendar, sitemap or robots.txt."""
        if not job.template.startswith("@"):
            return self.render(job.template, job.path, **dict(job.context))
        ctx = dict(job.context)
        config, site = self.config, self.site
        if job.template == "@feed":
            data = atom_feed(config, site, ctx["meetings"], job.path, ctx["title"])
        elif job.template == "@calendar":
            data = calendar(config, site, ctx["meetings"], ctx["title"])
        elif job.template == "@sitemap":
            data = sitemap(config, ctx["paths"])
        else:
            data = robots(config)
        return Output(job.path, data)

    def meeting_page(self, meeting: Meeting) -> Output:
        """The page of one meeting."""
        return self.run(self.meeting_job(meeting))

    def meeting_job(self, meeting: Meeting) -> PageJob:
        """The job for one meeting's page."""
        body = self.site.body_of[meeting.source]
        return PageJob("meeting.html", self.site.paths[meeting.source],
                       (("meeting", meeting), ("body", body)))

    def index_jobs(self) -> list[PageJob]:
        """Every page that is not a meeting page: home, bodies, years, decisions, cases, ..."""
        site, section = self.site, self.site.section
        jobs = [PageJob("home.html", "")]
        jobs += [PageJob("body.html", b.path, (("body", b),)) for b in site.bodies]
        jobs += [PageJob("year.html", y.path, (("archive", y),)) for y in site.years]
        jobs.append(PageJob("archive.html", f"{section['archive']}/"))
        jobs.append(PageJob("decisions.html", f"{section['decisions']}/",
                            (("decision_page", None),)))
        jobs += [PageJob("decisions.html", dp.path, (("decision_page", dp),))
                 for dp in site.decision_pages]
        jobs += [PageJob("case.html", c.path, (("case", c),)) for c in site.cases]
        jobs += [PageJob("page.html", site.paths[p.source], (("page", p),)) for p in site.pages]
        jobs.append(PageJob("search.html", f"{section['search']}/"))
        jobs.append(PageJob("notices.html", f"{section['notices']}/"))
        jobs.append(PageJob("accessibility.html", f"{section['accessibility']}/"))
        jobs.append(PageJob("404.html", "404.html"))
        jobs.append(PageJob("@feed", "feed.xml", (("meetings", site.meetings),
                                                  ("title", self.config.title))))
        jobs.append(PageJob("@calendar", "calendar.ics", (("meetings", site.meetings),
                                                          ("title", self.config.title))))
        for b in site.bodies:
            ordered = tuple(reversed(b.meetings))
            jobs.append(PageJob("@feed", b.path + "feed.xml",
                                (("meetings", ordered), ("title", b.name))))
            jobs.append(PageJob("@calendar", b.path + "calendar.ics",
                                (("meetings", ordered), ("title", b.name))))
        pages = tuple(sorted(j.path for j in jobs if j.path.endswith("/") or j.path == ""))
        pages += tuple(sorted(site.paths[m.source] for m in site.meetings))
        jobs.append(PageJob("@sitemap", "sitemap.xml", (("paths", pages),)))
        jobs.append(PageJob("@robots", "robots.txt"))
        return jobs

    def index_pages(self) -> Iterator[Output]:
        """Every page that is not a meeting page, rendered."""
        for job in self.index_jobs():
            yield self.run(job)

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
