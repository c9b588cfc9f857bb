"""The pipeline, top to bottom: config → load/parse → derive → render → search → write."""

from __future__ import annotations

import multiprocessing
import os
import time
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from pathlib import Path

from markdown_it import MarkdownIt

from .config import SiteConfig, load_config
from .errors import BuildFailed, ContentError, Problems
from .markdown import make_markdown
from .model import BodyInfo, Meeting, Page
from .parse import Parsed, parse_body_info, parse_meeting, parse_page
from .render import PageJob, Renderer
from .search import Indexer, Partition
from .site import Site, check_links, derive_site
from .write import Staging, output_lock

Progress = Callable[[str, int, int], None]  # (stage, done, total)
PARALLEL_FROM = 64  # fewer files than this parse faster in one process than in a pool


@dataclass(frozen=True, slots=True)
class BuildOptions:
    """What ``minutes build`` was asked to do."""

    source: Path
    output: Path | None = None
    drafts: bool = False
    base_url: str | None = None
    today: date | None = None
    strict: bool = False
    search: bool = True
    jobs: int = 0  # 0: one worker per core

    @property
    def output_dir(self) -> Path:
        """Where the site goes: ``--output``, else ``_site`` in the source folder."""
        return self.output or self.source / "_site"


@dataclass(frozen=True, slots=True)
class BuildResult:
    """What a build did, for the one-line summary."""

    meetings: int
    pages: int
    written: int
    unchanged: int
    seconds: float
    warnings: tuple[ContentError, ...]


def build_today(explicit: date | None) -> date:
    """The build's 'today': ``--today``, else SOURCE_DATE_EPOCH, else the clock."""
    if explicit is not None:
        return explicit
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), tz=UTC).date()
    return date.today()


def discover(config: SiteConfig) -> tuple[list[str], list[str], list[str], set[str]]:
    """Meeting, page and body files (paths relative to the site root) and attachment files.

    Symbolic links are never followed out of content/.
    """
    content = config.content_dir
    root = content.resolve()
    meetings: list[str] = []
    pages: list[str] = []
    bodies: list[str] = []
    files: set[str] = set()
    for dirpath, dirnames, filenames in os.walk(content):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if name.startswith("."):
                continue
            full = Path(dirpath) / name
            if full.is_symlink() and not full.resolve().is_relative_to(root):
                continue
            rel = full.relative_to(content).as_posix()
            if not name.endswith(".md"):
                files.add(rel)
            elif rel.startswith("pages/"):
                pages.append("content/" + rel)
            elif rel.startswith("bodies/"):
                bodies.append("content/" + rel)
            else:
                meetings.append("content/" + rel)
    return sorted(meetings), sorted(pages), sorted(bodies), files


_worker_md: MarkdownIt | None = None
_worker_config: SiteConfig | None = None


def _init_parser(config: SiteConfig) -> None:
    global _worker_md, _worker_config
    _worker_config = config
    _worker_md = make_markdown(config.raw_html)


def _parse_one(path: str) -> Parsed:
    assert _worker_config is not None and _worker_md is not None
    data = (_worker_config.root / path).read_bytes()
    return parse_meeting(data, path, _worker_config, _worker_md)


def parse_all(config: SiteConfig, paths: list[str], jobs: int,
              progress: Progress | None) -> list[Parsed]:
    """Parse every meeting file, in a process pool when there are many."""
    results: list[Parsed] = []
    total = len(paths)
    if jobs == 1 or total < PARALLEL_FROM:
        _init_parser(config)
        for n, path in enumerate(paths, 1):
            results.append(_parse_one(path))
            if progress and n % 50 == 0:
                progress("parse", n, total)
    else:
        ctx = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(jobs, mp_context=ctx, initializer=_init_parser,
                                 initargs=(config,)) as pool:
            for n, parsed in enumerate(pool.map(_parse_one, paths, chunksize=32), 1):
                results.append(parsed)
                if progress and n % 50 == 0:
                    progress("parse", n, total)
    if progress:
        progress("parse", total, total)
    return results


def load_site(config: SiteConfig, options: BuildOptions, problems: Problems,
              progress: Progress | None = None) -> tuple[Site, set[str]]:
    """Read and parse the content, derive the site; problems are collected, not raised."""
    meeting_paths, page_paths, body_paths, files = discover(config)
    jobs = options.jobs or os.cpu_count() or 1
    meetings: list[Meeting] = []
    for parsed in parse_all(config, meeting_paths, jobs, progress):
        problems.extend(parsed.problems)
        if parsed.meeting is not None and (options.drafts or parsed.meeting.status != "draft"):
            meetings.append(parsed.meeting)
    md = make_markdown(config.raw_html)
    pages: list[Page] = []
    for path in page_paths:
        page, found = parse_page((config.root / path).read_bytes(), path, config, md)
        problems.extend(found)
        if page is not None:
            pages.append(page)
    infos: list[BodyInfo] = []
    for path in body_paths:
        info, found = parse_body_info((config.root / path).read_bytes(), path, config, md)
        problems.extend(found)
        if info is not None:
            infos.append(info)
    site = derive_site(meetings, pages, infos, config.language, build_today(options.today),
                       problems)
    check_links(site, files, problems)
    return site, files


def check(options: BuildOptions, progress: Progress | None = None) -> Problems:
    """Validate the content without writing anything."""
    config = load_config(options.source).with_base_url(options.base_url)
    problems = Problems()
    load_site(config, replace(options, drafts=True), problems, progress)
    return problems


def _attachment_files(site: Site, files: set[str]) -> Iterable[str]:
    wanted = {f for f in files if f.startswith("files/")}
    for m in site.meetings:
        wanted.update(a.file for a in m.attachments if a.file)
    return sorted(wanted)


_render_state: tuple[Renderer, list[PageJob], Staging] | None = None
RENDER_CHUNK = 250  # pages per task: large enough to amortise the hand-off


def _render_range(start: int, stop: int) -> tuple[int, int]:
    """Render jobs[start:stop] into the staging folder (in a worker); (written, unchanged)."""
    assert _render_state is not None
    renderer, jobs, staging = _render_state
    before = (staging.written, staging.unchanged)
    for job in jobs[start:stop]:
        out = renderer.run(job)
        staging.write(out.path, out.data)
    return staging.written - before[0], staging.unchanged - before[1]


def _chunks(start: int, stop: int, size: int) -> list[tuple[int, int]]:
    return [(i, min(i + size, stop)) for i in range(start, stop, size)]


def render_site(renderer: Renderer, site: Site, staging: Staging, indexer: Indexer | None,
                jobs_count: int, progress: Progress | None) -> int:
    """Render every page into ``staging`` with ``jobs_count`` processes; start each search
    index as soon as its meeting pages are written. Returns the number of pages."""
    global _render_state  # handed to forked workers; never changed while they run
    by_year: dict[int, list[Meeting]] = {}
    for meeting in site.meetings:
        by_year.setdefault(meeting.year, []).append(meeting)
    jobs: list[PageJob] = []
    partitions: list[tuple[Partition, int, int]] = []
    for partition in reversed(site.search):  # oldest first, so that indexing starts early
        start = len(jobs)
        for year in partition.years:
            jobs.extend(renderer.meeting_job(m) for m in by_year.get(year, ()))
        partitions.append((partition, start, len(jobs)))
    meeting_jobs = len(jobs)
    jobs.extend(renderer.index_jobs())
    total = len(jobs)
    done = 0

    def advance(result: tuple[int, int], stop: int, start: int) -> None:
        nonlocal done
        staging.written += result[0]
        staging.unchanged += result[1]
        done += stop - start
        if progress:
            progress("render", done, total)

    _render_state = (renderer, jobs, staging)
    try:
        if jobs_count == 1 or total < PARALLEL_FROM * 4:
            for partition, start, stop in partitions:
                _render_range(start, stop)
                if indexer is not None:
                    indexer.submit(partition)
            _render_range(meeting_jobs, total)
            if progress:
                progress("render", total, total)
            return total
        ctx = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(jobs_count, mp_context=ctx) as pool:
            waiting = [(partition, [(pool.submit(_render_range, a, b), a, b)
                                    for a, b in _chunks(start, stop, RENDER_CHUNK)])
                       for partition, start, stop in partitions]
            rest = [(pool.submit(_render_range, a, b), a, b)
                    for a, b in _chunks(meeting_jobs, total, RENDER_CHUNK)]
            for partition, futures in waiting:
                for future, a, b in futures:
                    advance(future.result(), b, a)
                if indexer is not None:
                    indexer.submit(partition)
            for future, a, b in rest:
                advance(future.result(), b, a)
        return total
    finally:
        _render_state = None


def build(options: BuildOptions, progress: Progress | None = None) -> BuildResult:
    """Build the site into the output folder, or raise BuildFailed and leave it untouched."""
    started = time.perf_counter()
    config = load_config(options.source).with_base_url(options.base_url)
    problems = Problems()
    site, files = load_site(config, options, problems, progress)
    failing = problems.errors + (problems.warnings if options.strict else [])
    if failing:
        raise BuildFailed(sorted(failing, key=lambda p: (p.path, p.line, p.message)))
    renderer = Renderer(config, site, build_today(options.today))
    output = options.output_dir
    with output_lock(output):
        staging = Staging(output)
        indexer = Indexer(staging.dir, config.language) if options.search else None
        try:
            pages = render_site(renderer, site, staging, indexer,
                                options.jobs or os.cpu_count() or 1, progress)
            for out in renderer.static_files():
                staging.write(out.path, out.data)
            for rel in _attachment_files(site, files):
                staging.copy(rel, config.content_dir / rel)
            if indexer is not None:
                if progress:
                    progress("search", 0, 1)
                indexer.finish()
                if progress:
                    progress("search", 1, 1)
            staging.commit()
        except BaseException:
            if indexer is not None:
                indexer.cancel()
            staging.abandon()
            raise
    return BuildResult(meetings=len(site.meetings), pages=pages, written=staging.written,
                       unchanged=staging.unchanged, seconds=time.perf_counter() - started,
                       warnings=tuple(problems.warnings))
