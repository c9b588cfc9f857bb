"""Jinja2 themes → HTML: a site's own theme shadows the default one file by file."""

from __future__ import annotations

import importlib.resources
import os
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jinja2 import ChoiceLoader, Environment, FileSystemLoader, StrictUndefined
from jinja2.bccache import Bucket, BytecodeCache

from ..content.config import SiteConfig
from ..content.markdown import LINK_PREFIX
from ..content.model import AgendaItem, Meeting
from ..site.derive import Site, by_meeting, link_target, summary
from ..site.paths import STATIC, extract_anchor, output_file
from .i18n import APPEAL_TEXT, format_date, format_day, strings
from .kind import PageJob, Plan
from .kinds import plan_pages
from .search import MARKERS
from .views import Views

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


class _KeptOnDisk(BytecodeCache):
    """Compiled templates also kept in a folder of the build cache: a one-page build (a
    prose edit) in a new process would otherwise spend longer compiling the theme than
    rendering. Jinja checks each entry against its template's source and the Python
    version, so an edited template or a new interpreter compiles again."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def _file(self, bucket: Bucket) -> Path:
        return self.folder / f"{bucket.key}.jinja"

    def load_bytecode(self, bucket: Bucket) -> None:
        _COMPILED.load_bytecode(bucket)
        if bucket.code is None:
            try:
                bucket.bytecode_from_string(self._file(bucket).read_bytes())
            except OSError:
                return
            if bucket.code is not None:
                _COMPILED.dump_bytecode(bucket)

    def dump_bytecode(self, bucket: Bucket) -> None:
        _COMPILED.dump_bytecode(bucket)
        file = self._file(bucket)
        try:
            file.parent.mkdir(parents=True, exist_ok=True)
            tmp = file.with_name(f".{file.name}.{os.getpid()}.tmp")
            tmp.write_bytes(bucket.bytecode_to_string())
            os.replace(tmp, file)
        except OSError:
            pass  # kept in memory all the same


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


class Renderer:
    """Renders every page of a derived site with the site's theme."""

    def __init__(
        self,
        config: SiteConfig,
        site: Site,
        whole: Callable[[Meeting], Meeting] | None = None,
        compiled: Path | None = None,
    ) -> None:
        """``compiled``: a folder to keep compiled templates in between processes."""
        self.config = config
        self.base_path = config.base_path  # read once: a URL is made some 400 times a meeting
        self.site = site
        self.views = Views(site)  # what each page's template is given of the site
        self.whole = whole  # a meeting's whole parse, when the site holds outlines
        self.memo: dict[str, Any] = {}  # what kinds compute once per site (kind.Plan.memo)
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
            bytecode_cache=_KeptOnDisk(compiled) if compiled is not None else _COMPILED,
        )
        self.env.filters["date"] = lambda d: format_date(d, lang)
        self.env.filters["day"] = lambda d: format_day(d, lang)  # under a year's heading
        self.env.filters["iso"] = lambda d: d.isoformat() if d else ""
        self.env.filters["summary"] = summary  # a decision's first sentence
        self.env.filters["by_meeting"] = by_meeting  # decisions under their meetings
        self.env.globals.update(
            t=strings(lang),
            lang=lang,
            config=config,
            appeal_text=config.appeal_text or APPEAL_TEXT[lang],
            url=self.url,
            meeting_url=self.meeting_url,
            body_url=self.body_url,
            case_url=self.case_url,
            extract_id=self.extract_id,
            extract_url=self.extract_url,
            case_link=site.case_link,
            search=MARKERS,  # search's markup (pages/search.py)
        )

    def url(self, path: str) -> str:
        """Site-relative path → URL path under the base URL."""
        return self.base_path + path

    def meeting_url(self, meeting: Meeting, anchor: str = "") -> str:
        """URL of a meeting's page, optionally at an item."""
        return self.url(self.site.paths[meeting.source]) + (f"#{anchor}" if anchor else "")

    def body_url(self, meeting: Meeting) -> str:
        """URL of the page of a meeting's body."""
        return self.url(self.site.body_of[meeting.source].path)

    def extract_id(self, item: AgendaItem) -> str:
        """The id that opens an item as an extract of its meeting's page."""
        return extract_anchor(self.config.language, item.anchor)

    def extract_url(self, meeting: Meeting, item: AgendaItem) -> str:
        """URL of an item's extract (protokollsutdrag): its meeting's page, showing and
        printing that item alone."""
        return self.meeting_url(meeting, self.extract_id(item))

    def case_url(self, case: str) -> str:
        """URL of a case number's page."""
        path = self.site.case_path(case)
        return self.url(path) if path else ""

    def template_file(self, name: str) -> str:
        """The file a template is read from (the site's own theme's, or the default)."""
        return self.env.get_template(name).filename or name

    def template(self, name: str, path: str, context: dict[str, Any]) -> bytes:
        """A template page: its context → bytes, content links pointed at page URLs."""
        html = self.env.get_template(name).render(page_path=path, **context)
        if LINK_PREFIX in html:
            base = self.base_path
            html = CONTENT_LINK.sub(
                lambda m: f'{m[1]}="{link_target(self.site, m[2], base)}"', html
            )
        return html.encode("utf-8")

    def whole_meeting(self, meeting: Meeting) -> Meeting:
        """A meeting's whole parse (the site holds outlines when it has a store)."""
        if not meeting.is_outline:
            return meeting
        assert self.whole is not None, "an outline needs the whole meetings"
        return self.whole(meeting)

    def plan(self) -> list[PageJob[Any]]:
        """Every page of the site, kind by kind (see kinds.KINDS)."""
        return plan_pages(Plan(self.site, self.config, memo=self.memo))

    def run(self, job: PageJob[Any]) -> Output:
        """Make one page: its kind renders it from what it shows."""
        kind = job.kind
        return Output(job.output, kind.render(job, kind.context(job, self.views), self))

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
                    yield Output(f"{STATIC}/{rel}", file.read_bytes())
