"""The pipeline, top to bottom: config → load/parse → derive → plan (every page of every
kind, each output path claimed once) → fingerprint → render → search → write.

A build with a cache and an existing output redoes only what changed: files are re-parsed
when their content hash changed, pages re-rendered when their fingerprint changed, search
indexes rebuilt when one of their pages changed, and the changes put in place as one patch
(see write). Without them (a cold build) everything goes into a staging folder that is
swapped in. Either way nothing but the output folder changes, and only when all is ready.
"""

from __future__ import annotations

import os
import posixpath
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from .. import __version__
from ..content.checks import check_withheld
from ..content.config import SiteConfig, load_config
from ..content.digest import Digest, digest_of
from ..content.errors import BuildFailed, ContentError, Problems
from ..content.history import content_head, site_history
from ..content.model import Meeting
from ..content.numbering import check_item_numbers
from ..content.parse import Parsed, parser_digest
from ..pages.kind import PageJob
from ..pages.kinds import MEETINGS
from ..pages.render import Renderer, theme_dirs
from ..pages.search import contract_digest
from ..site.derive import Site, check_links, derive_site
from ..site.notices import check_announcements
from ..site.partitions import INDEX_ROOT, Partition, members
from ..site.paths import FILES, Published, claim_outputs
from .cache import BuildState, Cache, FileStamp, StateHead, output_label, stamp_files
from .collector import collector_paused
from .depends import Fingerprints, index_print
from .footprint import Footprint, measure
from .kits import KIT_MEETINGS, PageKits
from .load import (
    ContentFiles,
    Progress,
    discover,
    load_pages,
    parse_meetings,
    share_people,
)
from .outfolder import MARKER, choose_output, marker_token
from .pagefind import Indexer, index_partition
from .pool import render_jobs
from .store import MeetingStore, entry_key
from .write import Patch, Staging, output_lock, tidy


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
    cache: bool = True

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
    rendered: int = 0
    timings: tuple[tuple[str, float], ...] = field(default_factory=tuple)
    footprint: Footprint = field(default_factory=Footprint)  # the output's bytes and entries


def build_today(explicit: date | None) -> date:
    """The build's 'today': ``--today``, else SOURCE_DATE_EPOCH, else the clock."""
    if explicit is not None:
        return explicit
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), tz=UTC).date()
    return date.today()


def _hash(*parts: object) -> str:
    return digest_of(*parts)


def _theme_fingerprints(config: SiteConfig) -> tuple[str, str]:
    """The theme's templates (and anything else but ``static/``), and its static files.
    Pages link the static files by URL and never hold their bytes, so a change to the CSS or
    a script is copied without rendering a page or re-making a search index."""
    templates, static = Digest(), Digest()
    for folder in theme_dirs(config):
        for file in sorted(folder.rglob("*")):
            if file.is_file():
                rel = file.relative_to(folder)
                h = static if rel.parts[0] == "static" else templates
                h.update(str(rel).encode() + b"\0" + file.read_bytes())
    return templates.hexdigest(), static.hexdigest()


def _stamp_paths(files: ContentFiles) -> list[str]:
    return [
        *files.meetings,
        *files.pages,
        *files.bodies,
        *(f"content/{f}" for f in sorted(files.files)),
    ]


@dataclass(slots=True)
class Session:
    """What a long-running process (``minutes serve``) keeps between builds, so that a
    rebuild need not read the cache files again."""

    state: BuildState | None = None
    parse_key: str = ""
    parsed: dict[tuple[str, str], Parsed] = field(default_factory=dict)
    site: Site | None = None  # as derived by the last full build


@dataclass(slots=True)
class Loaded:
    """Everything read and derived, before anything is written."""

    config: SiteConfig
    files: ContentFiles
    stamps: dict[str, FileStamp]
    site: Site
    problems: Problems
    parse_key: str
    parsed: dict[tuple[str, str], Parsed]
    fresh: int = 0  # files parsed by this build (the rest came from the cache)


def load(
    config: SiteConfig,
    options: BuildOptions,
    state: BuildState,
    cache: Cache | None,
    progress: Progress | None = None,
    session: Session | None = None,
    store: MeetingStore | None = None,
    found: tuple[ContentFiles, dict[str, FileStamp]] | None = None,
) -> Loaded:
    """Read, parse (reusing cached parses) and derive; problems are collected, not raised.
    With a store, meetings are kept as outlines and their prose goes to the store."""
    with collector_paused():
        return _read_and_derive(config, options, state, cache, progress, session, store, found)


def _read_and_derive(
    config: SiteConfig,
    options: BuildOptions,
    state: BuildState,
    cache: Cache | None,
    progress: Progress | None,
    session: Session | None,
    store: MeetingStore | None,
    found: tuple[ContentFiles, dict[str, FileStamp]] | None,
) -> Loaded:
    if found is not None:  # the caller has just looked
        files, stamps = found
    else:
        files = discover(config)
        stamps = stamp_files(config.root, _stamp_paths(files), state.stamps)
    parse_key = _parse_key(config, files)
    if session is not None and session.parse_key == parse_key:
        cached = session.parsed
    else:
        cached = cache.load_parsed(parse_key) if cache is not None else {}
    keys = {path: (path, stamps[path].digest) for path in files.meetings}
    todo = [path for path in files.meetings if keys[path] not in cached]
    if store is not None:
        store.keys = {path: entry_key(parse_key, *keys[path]) for path in files.meetings}
    tasks = [(path, store.keys[path] if store is not None else "") for path in todo]
    fresh = share_people(
        parse_meetings(config, tasks, options.jobs or os.cpu_count() or 1, progress, store),
        cached.values(),
    )
    parsed = {keys[path]: fresh.get(path) or cached[keys[path]] for path in files.meetings}
    problems = Problems()
    meetings: list[Meeting] = []
    for result in parsed.values():
        problems.extend(result.problems)
        if result.meeting is not None and (options.drafts or result.meeting.status != "draft"):
            meetings.append(result.meeting)
    pages, infos = load_pages(config, files, problems)
    site = derive_site(
        meetings,
        pages,
        infos,
        config.language,
        build_today(options.today),
        site_history(config, meetings, problems),
        {m.source: p.cast for p in parsed.values() if (m := p.meeting) is not None and p.cast},
    )
    check_links(site, set(files.files), problems)
    check_withheld((p.meeting for p in parsed.values() if p.meeting is not None), problems)
    check_item_numbers((p.meeting for p in parsed.values() if p.meeting is not None), problems)
    check_announcements(site.bodies, problems)
    if session is not None:
        session.parse_key, session.parsed = parse_key, parsed
    return Loaded(
        config,
        files,
        stamps,
        site,
        problems,
        parse_key,
        parsed,
        fresh=len(todo) + len(set(cached) - set(parsed)),
    )


def _parse_key(config: SiteConfig, files: ContentFiles) -> str:
    """What a parse depends on besides the file: generator, config, attachments present."""
    return _hash(__version__, parser_digest(), _settings(config), sorted(files.files))


def _settings(config: SiteConfig) -> SiteConfig:
    """The settings as fingerprinted: not where the site folder is, so the cache of a site
    checked out in another folder (a CI run, a copy) still holds."""
    return replace(config, root=Path())


def check(options: BuildOptions, progress: Progress | None = None) -> Problems:
    """Validate the content without writing anything: what a build would refuse, output
    paths claimed twice included."""
    config = load_config(options.source).with_base_url(options.base_url)
    cache = Cache(options.source) if options.cache else None
    loaded = load(config, replace(options, drafts=True), BuildState(), cache, progress)
    _claim(config, Renderer(config, loaded.site).plan(), loaded)
    return loaded.problems


def build(
    options: BuildOptions,
    progress: Progress | None = None,
    on_pages: Callable[[], None] | None = None,
    session: Session | None = None,
) -> BuildResult:
    """Build the site into the output folder, or raise BuildFailed and leave it untouched.

    ``on_pages`` is called once the pages are in place, before search indexes are refreshed
    (``minutes serve`` reloads the browser then); after an edit that changes more than the
    edited meetings' own pages, also once those pages are in place, before the others.
    The short ways are tried first: nothing changed, then a fix in running text."""
    run = _Run.start(options, progress, on_pages, session)
    with output_lock(run.output, options.source), _meeting_store(run.config, run.cache) as store:
        run.look()
        return (
            _unchanged(run)
            or _prose_edit(run, store, session.site if session is not None else None)
            or _general(run, store)
        )


def _general(run: _Run, store: MeetingStore) -> BuildResult:
    """The general way: the stages in order."""
    loaded = _load(run, store)  # read, parse, derive; stop on any error
    if done := _prose_edit(run, store, loaded.site, loaded):
        return done
    renderer = Renderer(run.config, loaded.site, store.whole, _compiled(run.cache))
    first = _edited_first(run, renderer, loaded.site)  # serve: the edited meetings' pages first
    with collector_paused():  # millions of objects made, next to none of them garbage
        plan = _plan(run, renderer, loaded)  # every page; each output path claimed once
        prints = _fingerprint(run, loaded, plan)  # what every page and search index shows
    token = _output_token(
        run.settings, prints.pages, prints.indexes if run.options.search else {}, loaded.stamps
    )
    written = _write(run, renderer, loaded, plan, prints, token)  # render, index, put in place
    footprint = _footprint_after(run.output, run.last_state(), _then(first, written.moved))
    with collector_paused():  # pickling the parses makes millions of objects too
        _remember(run, loaded, plan, prints, written, store, token, footprint)  # for next build
    return run.finish(
        BuildResult(
            meetings=len(loaded.site.meetings),
            pages=len(plan.jobs),
            written=written.written,
            unchanged=written.unchanged,
            seconds=0.0,
            warnings=tuple(loaded.problems.warnings),
            rendered=written.rendered,
            footprint=footprint,
        )
    )


@dataclass(slots=True)
class _Run:
    """One build's settings and surroundings, worked out before any content is read."""

    options: BuildOptions
    config: SiteConfig
    cache: Cache | None
    session: Session | None
    progress: Progress | None
    on_pages: Callable[[], None] | None
    output: Path
    head: StateHead
    state: BuildState | None
    today: date
    page_settings: str  # what every page and index shows besides its own values
    settings: str  # and the theme's static files and the options that choose what is on
    # the site or what fails it (--drafts, --strict): what a no-op build must find unchanged
    started: float
    timings: list[tuple[str, float]] = field(default_factory=list)
    committed: str = ""  # the content's last commit (when pages list revisions)
    usable: bool = False  # the output is the one the cache describes
    found: tuple[ContentFiles, dict[str, FileStamp]] | None = None  # looked at already
    prose: _ProseEdit | None = None

    @classmethod
    def start(
        cls,
        options: BuildOptions,
        progress: Progress | None,
        on_pages: Callable[[], None] | None,
        session: Session | None,
    ) -> _Run:
        """The build's config, cache, output and settings."""
        started = time.perf_counter()
        config = load_config(options.source).with_base_url(options.base_url)
        cache = Cache(options.source, options.output_dir) if options.cache else None
        state = session.state if session is not None else None
        head = (
            state.head()
            if state is not None
            else (cache.load_head() if cache is not None else StateHead())
        )
        given = options.output_dir
        output = choose_output(
            options.source,
            given,
            recorded=bool(head.output) and head.output == output_label(options.source, given),
        )
        templates, static = _theme_fingerprints(config)
        page_settings = _hash(
            __version__,
            parser_digest(),
            contract_digest(),  # the search markup made by code (pages/search.py)
            _settings(config),
            templates,
            options.search,
        )  # not --drafts: which meetings are on the site, each page's own values say
        return cls(
            options,
            config,
            cache,
            session,
            progress,
            on_pages,
            output,
            head,
            state,
            build_today(options.today),
            page_settings,
            _hash(page_settings, static, options.drafts, options.strict),
            started,
        )

    def look(self) -> None:
        """Tidy what a killed build left in the output (under the lock) and see whether the
        cache describes it: a build killed after its switch, or one without the cache,
        leaves another marker, and then everything is built again."""
        tidy(self.output)
        head = self.head
        self.usable = (
            head.output == output_label(self.options.source, self.output)
            and self.output.is_dir()
            and bool(head.marker)
            and head.marker == marker_token(self.output)
        )
        self.committed = content_head(self.config.root) if self.config.revisions else ""

    def lap(self, name: str) -> None:
        """Note the time a phase ended (for the benchmarks)."""
        self.timings.append((name, round(time.perf_counter() - self.started, 3)))

    def last_state(self) -> BuildState:
        """What the last build into this output recorded (read once)."""
        if self.state is None:
            self.state = self.cache.load_state() if self.cache is not None else BuildState()
        return self.state

    def finish(self, result: BuildResult) -> BuildResult:
        """The result with the build's time and phases."""
        return replace(
            result, seconds=time.perf_counter() - self.started, timings=tuple(self.timings)
        )


def _unchanged(run: _Run) -> BuildResult | None:
    """Nothing changed since the last build into this output (settings, build date, commits
    and content hashes; not mtimes): nothing is written. Else None, and what was looked at
    is kept in ``run.found`` for the next ways."""
    head = run.head
    if not (
        run.usable
        and head.settings == run.settings
        and head.today == run.today.isoformat()
        and head.history == run.committed
    ):
        return None
    files = discover(run.config)
    stamps = stamp_files(run.config.root, _stamp_paths(files), head.stamps)
    run.found = files, stamps
    if _digests(stamps) != _digests(head.stamps):
        return None
    if stamps != head.stamps and run.cache is not None:
        state = run.last_state()
        state.stamps = stamps  # touched but unchanged: no need to hash them again
        run.cache.save_state(state)
    if run.session is not None:  # a serving process keeps the whole state
        run.session.state = run.last_state() if run.cache is not None else run.state
    run.lap("no-op check")
    return run.finish(
        BuildResult(
            head.meetings,
            head.pages_count,
            0,
            head.files,
            0.0,
            head.warnings,
            0,
            (),
            head.footprint,
        )
    )


def _prose_edit(
    run: _Run, store: MeetingStore, site: Site | None, loaded: Loaded | None = None
) -> BuildResult | None:
    """Only running text changed (see _ProseEdit): only the edited meetings' pages and their
    search indexes are redone, with ``site`` as derived before (a serving session's) or just
    now (``loaded``), or without it from each page's kit: no reading of every parse or
    deriving at all. Else None."""
    if run.found is None:
        return None
    if run.prose is None:
        run.prose = _ProseEdit(
            run.config,
            run.options,
            run.last_state(),
            store,
            run.page_settings,
            run.found,
            run.session,
            run.cache,
        )
    done = run.prose.apply(site, run.output, run.on_pages, run.lap)
    if done is None:
        return None
    if loaded is not None:
        _save_parsed(run.cache, loaded, run.session, store)
    return run.finish(done)


def _load(run: _Run, store: MeetingStore) -> Loaded:
    """Read, parse (reusing cached parses) and derive the site; on any error (or warning
    with --strict), the paths are claimed too, and every problem is raised at once."""
    loaded = load(
        run.config,
        run.options,
        run.last_state(),
        run.cache,
        run.progress,
        run.session,
        store,
        run.found,
    )
    run.lap("parse")
    if _failing(loaded.problems, run.options):
        _claim(run.config, Renderer(run.config, loaded.site).plan(), loaded)
        _stop(loaded.problems, run.options)
    if run.session is not None:
        run.session.site = loaded.site
    return loaded


def _failing(problems: Problems, options: BuildOptions) -> list[ContentError]:
    return problems.errors + (problems.warnings if options.strict else [])


def _stop(problems: Problems, options: BuildOptions) -> None:
    """If anything fails the build (an error; a warning, with --strict), raise every
    problem found, in file and line order: the summary counts the warnings too."""
    if _failing(problems, options):
        raise BuildFailed(problems.sorted())


@dataclass(frozen=True, slots=True)
class _Searched:
    """A page the search indexes, by its date."""

    date: date
    job: PageJob[Any]


@dataclass(frozen=True, slots=True)
class _Plan:
    """Every page job, the searched pages first in runs by search index (oldest first), and
    the content files published as they are."""

    jobs: list[PageJob[Any]]
    groups: list[tuple[int, int]]  # (start, stop) of each search index's pages in jobs
    partitions: list[Partition]
    held: dict[str, list[str]]  # a search index's path → the files of the pages it holds
    files: dict[str, str]  # content files published as they are → who names them


def _plan(run: _Run, renderer: Renderer, loaded: Loaded) -> _Plan:
    """Every page of every kind, each output path claimed once (else stop with the
    collisions); the searched pages ordered by search index, so that each index can start
    as soon as its pages are written."""
    planned = renderer.plan()
    files = _claim(run.config, planned, loaded)
    _stop(loaded.problems, run.options)
    partitions = list(reversed(loaded.site.search))
    searched: list[_Searched] = []
    rest: list[PageJob[Any]] = []
    for job in planned:
        day = job.kind.indexed_on(job)
        if day is None:
            rest.append(job)
        else:
            searched.append(_Searched(day, job))
    members_of = members(partitions, searched)
    jobs: list[PageJob[Any]] = []
    groups: list[tuple[int, int]] = []
    for partition in partitions:
        start = len(jobs)
        jobs.extend(s.job for s in members_of[partition.path])
        groups.append((start, len(jobs)))
    held = {path: [s.job.output for s in found] for path, found in members_of.items()}
    if len(jobs) < len(searched):  # a page outside every index is still a page
        indexed = {id(job) for job in jobs}
        rest = [s.job for s in searched if id(s.job) not in indexed] + rest
    jobs.extend(rest)
    return _Plan(jobs, groups, partitions, held, files)


def _published(loaded: Loaded) -> dict[str, str]:
    """The content files published as they are → the file that names them: everything under
    content/files/ and every attachment of a published meeting, except what a secret part
    refers to ('files/../x.pdf' is x.pdf: the parser kept it inside)."""
    found = {f: f"content/{f}" for f in sorted(loaded.files.files) if f.startswith(FILES + "/")}
    for m in loaded.site.meetings:
        for a in m.attachments:
            if a.file:
                found.setdefault(posixpath.normpath(a.file), m.source)
    for p in loaded.parsed.values():
        if p.meeting:
            for f in p.meeting.withheld:
                found.pop(posixpath.normpath(f), None)
    return found


def _claim(config: SiteConfig, jobs: list[PageJob[Any]], loaded: Loaded) -> dict[str, str]:
    """Claim every output path once (collisions go to the problems); the content files
    published as they are."""
    files = _published(loaded)
    claim_outputs(
        loaded.problems,
        config.open_data,
        ((job.output, job) for job in jobs),
        (Published(path, source) for path, source in files.items()),
    )
    return files


def _edited_first(run: _Run, renderer: Renderer, site: Site) -> tuple[Footprint, Footprint] | None:
    """For ``minutes serve``: an edit that changes more than a meeting's own page (a title,
    a decision) still shows on that page first: it goes in place, and the tab reloads,
    before the rest of the site is planned, fingerprinted and rendered. (Only meeting
    pages, at the paths the site gives them: a collision the plan finds after is still an
    error, which the browser shows.) What the output's footprint gained (see Patch.moved)."""
    if run.on_pages is None or run.prose is None or not run.usable or not run.last_state().pages:
        return NOTHING_MOVED
    on_site = {m.source: m for m in site.meetings}
    jobs = [MEETINGS.of(site, on_site[path]) for path in run.prose.changed if path in on_site]
    moved: tuple[Footprint, Footprint] | None = NOTHING_MOVED
    if jobs and len(jobs) <= PROSE_LIMIT:
        moved = _in_place(
            run.output,
            lambda p: render_jobs(renderer, jobs, [], lambda n: None, p, 1, None),
            None,
            None,
            _record(run.last_state()),
        ).moved
        run.on_pages()
    run.lap("edited pages in place")
    return moved


@dataclass(frozen=True, slots=True)
class _Prints:
    """Fingerprints of every page (by output file) and search index (by path)."""

    pages: dict[str, str]
    indexes: dict[str, str]
    outlines: dict[str, str]


def _fingerprint(run: _Run, loaded: Loaded, plan: _Plan) -> _Prints:
    """What every page shows, and every search index holds, as fingerprints."""
    site = loaded.site
    digests = {m.source: loaded.stamps[m.source].digest for m in site.meetings}
    outlines = {path: p.outline_digest for (path, _), p in loaded.parsed.items()}
    prints = Fingerprints(site, digests, outlines, run.page_settings)
    pages = {job.output: prints.page(job) for job in plan.jobs}
    indexes = {
        p.path: prints.search_index(pages[out] for out in plan.held[p.path])
        for p in plan.partitions
    }
    run.lap("derive")
    return _Prints(pages, indexes, outlines)


@dataclass(frozen=True, slots=True)
class _Written:
    """What putting the site in place did."""

    rendered: int
    written: int
    unchanged: int
    others: set[str]  # files not rendered: the theme's, attachments
    moved: tuple[Footprint, Footprint] | None = None  # a patch's (Patch.moved); None: whole


def _output_token(
    settings: str, pages: dict[str, str], search: dict[str, str], stamps: dict[str, FileStamp]
) -> str:
    """What an output holds, for its marker: its pages' and indexes' fingerprints and the
    sources (attachments) under the settings. Equal tokens, equal outputs; so the cache
    trusts an output by its marker's token, not by where its files are or when made."""
    return _hash(
        settings, sorted(pages.items()), sorted(search.items()), sorted(_digests(stamps).items())
    )


def _write(
    run: _Run, renderer: Renderer, loaded: Loaded, plan: _Plan, prints: _Prints, token: str
) -> _Written:
    """Render and index into the output: as a patch of what changed when the output is the
    one the cache describes, else whole into a staging folder that is swapped in."""
    state = run.last_state()
    if run.usable and state.pages:

        def indexes(patch: Patch, live: bool) -> None:
            _stage_indexes(
                patch, plan, prints.indexes, state, run.options, run.config.language, live
            )

        done = _patch(run, renderer, loaded, plan, prints.pages, indexes, token)
        run.lap("pages and search indexes in place")
    else:
        done = _cold(run, renderer, loaded, plan, token)
        run.lap("render, index and write")
    return done


def _remember(
    run: _Run,
    loaded: Loaded,
    plan: _Plan,
    prints: _Prints,
    done: _Written,
    store: MeetingStore,
    token: str,
    footprint: Footprint,
) -> None:
    """Keep the parses and what this build wrote for the next build."""
    _save_parsed(run.cache, loaded, run.session, store)
    state = BuildState(
        settings=run.settings,
        stamps=loaded.stamps,
        pages=prints.pages,
        others=tuple(sorted(done.others)),
        search=prints.indexes if run.options.search else {},
        output=output_label(run.options.source, run.output),
        today=run.today.isoformat(),
        meetings=len(loaded.site.meetings),
        pages_count=len(plan.jobs),
        warnings=tuple(loaded.problems.warnings),
        outlines=prints.outlines,
        history=run.committed,
        marker=token,
        footprint=footprint,
        indexed=tuple((p, tuple(plan.held[p.path])) for p in plan.partitions)
        if run.options.search
        else (),
    )
    if run.cache is not None:
        _keep_kits(
            PageKits(run.cache.kits_dir(), run.page_settings),
            loaded.site,
            plan,
            prints,
            run.last_state(),
        )
    if run.session is not None:
        run.session.state = state
    if run.cache is not None:
        run.cache.save_state(state)
    run.lap("cache")


def _keep_kits(kits: PageKits, site: Site, plan: _Plan, prints: _Prints, was: BuildState) -> None:
    """Keep the kits of the meeting pages this build made anew, the newest first and at
    most KIT_MEETINGS (edits land on the newest; another meeting's first prose edit goes
    the general way and keeps its kit); drop those of meetings no longer on the site."""
    made = [
        job
        for job in plan.jobs
        if job.kind is MEETINGS and prints.pages[job.output] != was.pages.get(job.output)
    ]
    made.sort(key=lambda job: (job.own.meeting.date, job.output), reverse=True)
    for job in made[:KIT_MEETINGS]:
        kits.put(job.own.meeting.source, site.around(job.own.meeting))
    kits.prune({m.source for m in site.meetings})


def warm(options: BuildOptions, session: Session) -> bool:
    """Read and derive the site into a serving session whose first build had nothing to do,
    so that the first edit takes the short way too instead of deriving while the clerk
    waits. Writes nothing but cache entries; True if the session now holds the site."""
    if session.site is not None:
        return True
    if session.state is None or not options.cache:
        return False
    config = load_config(options.source).with_base_url(options.base_url)
    cache = Cache(options.source, options.output_dir)
    with _meeting_store(config, cache) as store:
        loaded = load(config, options, session.state, cache, None, session, store)
    if loaded.problems.errors:  # the next build reports them
        return False
    session.site = loaded.site
    return True


@contextmanager
def _meeting_store(config: SiteConfig, cache: Cache | None) -> Iterator[MeetingStore]:
    """The cache's store of whole meetings, or a temporary one for a build without cache."""
    if cache is not None:
        yield MeetingStore(cache.dir / "meetings", config)
        return
    with tempfile.TemporaryDirectory(prefix="minutes-meetings-") as folder:
        yield MeetingStore(Path(folder), config)


PROSE_LIMIT = 50  # more edited files than this go the general way


class _ProseEdit:
    """The commonest change, made fast: meeting files edited only where their own page shows
    it (text outside titles, decisions and votes: a typo fixed). Their outlines are the same,
    so the derived site is too: only their pages and the search indexes that hold them are
    redone, without planning and fingerprinting every other page of the site."""

    def __init__(
        self,
        config: SiteConfig,
        options: BuildOptions,
        state: BuildState,
        store: MeetingStore,
        settings: str,
        found: tuple[ContentFiles, dict[str, FileStamp]],
        session: Session | None,
        cache: Cache | None,
    ) -> None:
        self.config, self.options, self.state, self.store = config, options, state, store
        self.settings, self.session, self.cache = settings, session, cache
        self.kits = PageKits(cache.kits_dir(), settings) if cache is not None else None
        self.files, self.stamps = found
        meetings = set(self.files.meetings)
        changed = [
            p
            for p, st in self.stamps.items()
            if p not in state.stamps or st.digest != state.stamps[p].digest
        ]
        self.changed = changed
        self.eligible = (
            set(self.stamps) == set(state.stamps)
            and 0 < len(changed) <= PROSE_LIMIT
            and all(p in meetings for p in changed)
            and bool(state.pages)
            and bool(state.outlines)
        )
        self._fresh: dict[str, Parsed] | None = None
        self.parse_key = ""

    def _parse(self) -> dict[str, Parsed]:
        """The edited files parsed (once), their whole meetings put in the store; empty if
        any of them changed more than prose or its problems."""
        if self._fresh is None:
            self._fresh = {}
            parse_key = self.parse_key = _parse_key(self.config, self.files)
            keys = {
                path: entry_key(parse_key, path, self.stamps[path].digest) for path in self.changed
            }
            parsed = parse_meetings(self.config, list(keys.items()), 1, None, self.store)
            for path, kept in parsed.items():
                before = tuple(w for w in self.state.warnings if w.path == path and not w.across)
                if (
                    kept.meeting is None
                    or kept.problems != before
                    or (kept.problems and self.options.strict)
                    or kept.outline_digest != self.state.outlines.get(path)
                ):
                    self._fresh = {}
                    break
                self.store.keys[path] = keys[path]
                self._fresh[path] = kept
        return self._fresh

    def apply(
        self,
        site: Site | None,
        output: Path,
        on_pages: Callable[[], None] | None,
        lap: Callable[[str], None],
    ) -> BuildResult | None:
        """Re-render the edited meetings' pages and their indexes, from ``site`` (as derived
        before, or just now) or else each from its kit; None if this is not a prose edit or
        a kit is missing or out of date (the caller builds the general way)."""
        if not self.eligible or not self._parse():
            return None
        fresh, state = self._fresh or {}, self.state
        made = self._from_site(site, fresh) if site is not None else self._from_kits(fresh)
        if made is None:
            return None
        pages = dict(state.pages)
        pages.update((job.output, print_) for _, job, print_ in made)
        edited = {job.output for _, job, _ in made}
        search = dict(state.search)
        redo = [
            (partition, list(held))
            for partition, held in (state.indexed if self.options.search else ())
            if not edited.isdisjoint(held)
        ]
        for partition, held in redo:
            search[partition.path] = index_print(self.settings, (pages[out] for out in held))

        def fill(patch: Patch) -> None:
            for renderer, job, _ in made:
                render_jobs(renderer, [job], [], lambda n: None, patch, 1, None)

        def indexes(patch: Patch, live: bool) -> None:
            for partition, held in redo:
                _stage_index(patch, partition, held, self.config.language, live, True)

        token = _output_token(state.settings, pages, search, self.stamps)
        patch = _in_place(output, fill, indexes, on_pages, _record(state), token)
        lap("pages and search indexes in place")
        new_state = replace(
            state,
            stamps=self.stamps,
            pages=pages,
            search=search,
            marker=token,
            footprint=_footprint_after(output, state, patch.moved),
        )
        if self.session is not None:
            self.session.state = new_state
            self.session.parsed.update(
                ((path, self.stamps[path].digest), parsed) for path, parsed in fresh.items()
            )
        if self.cache is not None:
            self.cache.save_state(new_state)
        for path in fresh:  # the edited files' earlier parses: no build reads them again
            self.store.drop(entry_key(self.parse_key, path, state.stamps[path].digest))
        lap("cache")
        return BuildResult(
            meetings=state.meetings,
            pages=state.pages_count,
            written=patch.written,
            unchanged=state.pages_count - patch.written,
            seconds=0.0,
            warnings=state.warnings,
            rendered=len(made),
            footprint=new_state.footprint,
        )

    def _from_site(self, site: Site, fresh: dict[str, Parsed]) -> list[_Made] | None:
        """Each edited meeting's page as the derived site has it; its kit kept for the next
        edit. None if one is not on the site (a draft)."""
        by_source = {m.source: m for m in site.meetings}
        if any(path not in by_source for path in fresh):
            return None
        renderer = Renderer(self.config, site, self.store.whole, _compiled(self.cache))
        digests = _digests(self.stamps)
        prints = Fingerprints(site, digests, self.state.outlines, self.settings)
        jobs = [MEETINGS.of(site, by_source[path]) for path in fresh]
        if self.kits is not None:
            for path in fresh:
                self.kits.put(path, site.around(by_source[path]))
        return [(renderer, job, prints.page(job)) for job in jobs]

    def _from_kits(self, fresh: dict[str, Parsed]) -> list[_Made] | None:
        """Each edited meeting's page made from its kit alone, if the kit makes the page the
        last build recorded (its fingerprint, with the file as it was then); else None."""
        if self.kits is None:
            return None
        before, now = _digests(self.state.stamps), _digests(self.stamps)
        made: list[_Made] = []
        for path, kept in fresh.items():
            kit = self.kits.get(path)
            if kit is None or kept.meeting is None or path not in kit.paths:
                return None
            job = MEETINGS.of(kit, kept.meeting)
            was = Fingerprints(kit, before, self.state.outlines, self.settings).page(job)
            if was != self.state.pages.get(job.output):
                return None
            print_ = Fingerprints(kit, now, self.state.outlines, self.settings).page(job)
            renderer = Renderer(self.config, kit, self.store.whole, _compiled(self.cache))
            made.append((renderer, job, print_))
        return made


_Made = tuple[Renderer, PageJob[Any], str]  # a page to make, what makes it, its fingerprint


def _in_place(
    output: Path,
    fill: Callable[[Patch], object],
    indexes: Callable[[Patch, bool], None] | None,
    on_pages: Callable[[], None] | None,
    recorded: Callable[[str], bool | None],
    token: str = "",
) -> Patch:
    """Stage the pages (``fill``) and the search indexes and put them in place as one patch;
    for ``minutes serve`` (``on_pages``), the pages first (the tab reloads at once) and the
    search indexes as a second patch. ``token``: what the output then holds (its marker);
    none for a step within a build, which a build killed then must not trust.
    ``recorded``: whether the last build left a file at a path (see ``_record``)."""
    patch = Patch(output, token, recorded)
    try:
        fill(patch)
        if indexes is not None and on_pages is None:
            indexes(patch, False)
        patch.apply()
    except BaseException:
        patch.abandon()
        raise
    if on_pages is None:
        return patch
    on_pages()
    if indexes is not None:
        second = Patch(output, token, recorded)
        try:
            indexes(second, True)
            second.apply()  # the marker at least
        finally:
            second.abandon()
        patch.moved = _then(patch.moved, second.moved)
    return patch


NOTHING_MOVED: tuple[Footprint, Footprint] = (Footprint(), Footprint())  # no patch applied


def _then(
    first: tuple[Footprint, Footprint] | None, second: tuple[Footprint, Footprint] | None
) -> tuple[Footprint, Footprint] | None:
    """What two patches applied one after the other changed, as one (see Patch.moved)."""
    if first is None or second is None:
        return None
    return first[0], first[1].changed(second[0], second[1])


def _save_parsed(
    cache: Cache | None, loaded: Loaded, session: Session | None, store: MeetingStore
) -> None:
    """Keep the parses for the next build (when something was parsed; a serving process
    keeps them in memory) and drop store entries no longer used."""
    if cache is not None and loaded.fresh:
        if session is None or session.state is None:
            cache.save_parsed(loaded.parse_key, loaded.parsed)
        store.prune(set(store.keys.values()))


def _compiled(cache: Cache | None) -> Path | None:
    """Where compiled templates are kept between builds (none without the cache)."""
    return cache.dir / "templates" if cache is not None else None


def _digests(stamps: dict[str, FileStamp]) -> dict[str, str]:
    return {path: stamp.digest for path, stamp in stamps.items()}


def _static(
    renderer: Renderer,
    loaded: Loaded,
    plan: _Plan,
    sink: Staging | Patch,
    in_place: Callable[[str], bool] = lambda rel: False,
) -> set[str]:
    """The theme's static files and the content files published as they are (but those
    ``in_place`` says the output holds as they are: not read again)."""
    written: set[str] = set()
    for out in renderer.static_files():
        sink.write(out.path, out.data)
        written.add(out.path)
    for rel in sorted(plan.files):
        if not in_place(rel):
            sink.copy(rel, loaded.config.content_dir)
        written.add(rel)
    return written


def _cold(run: _Run, renderer: Renderer, loaded: Loaded, plan: _Plan, token: str) -> _Written:
    """Everything into a staging folder, indexes started as their pages are done; swap."""
    options, progress = run.options, run.progress
    staging = Staging(run.output, token)
    indexer = Indexer(staging.dir, loaded.config.language) if options.search else None
    partitions = plan.partitions
    try:
        render_jobs(
            renderer,
            plan.jobs,
            plan.groups,
            lambda n: indexer.submit(partitions[n]) if indexer else None,
            staging,
            options.jobs or os.cpu_count() or 1,
            progress,
        )
        others = _static(renderer, loaded, plan, staging)
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
    return _Written(len(plan.jobs), staging.written, staging.unchanged, others)


def _patch(
    run: _Run,
    renderer: Renderer,
    loaded: Loaded,
    plan: _Plan,
    page_prints: dict[str, str],
    indexes: Callable[[Patch, bool], None],
    token: str,
) -> _Written:
    """Render only pages whose inputs changed and put them in place as one patch with the
    search indexes that hold them; files the last build wrote that this one does not are
    removed. The output is not scanned: what the last build wrote is on record (a file
    edited by hand in the output is put right by the next build that renders it, or by
    ``--no-cache``)."""
    state = run.last_state()
    todo = [j for j in plan.jobs if page_prints[j.output] != state.pages.get(j.output)]
    others: set[str] = set()
    was, now, put = state.stamps, loaded.stamps, frozenset(state.others)

    def copied(rel: str) -> bool:
        """Whether the last build put the file, with these bytes (an attachment, as pages,
        is trusted to be as the last build left it)."""
        before = was.get(f"content/{rel}")
        return rel in put and before is not None and before.digest == now[f"content/{rel}"].digest

    def fill(patch: Patch) -> None:
        workers = run.options.jobs or os.cpu_count() or 1
        render_jobs(renderer, todo, [], lambda n: None, patch, workers, run.progress)
        others.update(_static(renderer, loaded, plan, patch, copied))
        keep = set(page_prints) | others
        for rel in sorted((set(state.pages) | set(state.others)) - keep):
            patch.remove(rel)

    patch = _in_place(run.output, fill, indexes, run.on_pages, _record(state), token)
    return _Written(
        len(todo), patch.written, patch.unchanged + len(plan.jobs) - len(todo), others, patch.moved
    )


def _record(state: BuildState) -> Callable[[str], bool | None]:
    """Whether the last build (``state``) left a file at a path of the output: its pages and
    other files; of its search indexes' files and its marker it keeps no record (None)."""
    others = frozenset(state.others)

    def recorded(rel: str) -> bool | None:
        if rel == MARKER or rel.startswith(INDEX_ROOT + "/"):
            return None
        return rel in state.pages or rel in others

    return recorded


def _footprint_after(
    output: Path, state: BuildState, moved: tuple[Footprint, Footprint] | None
) -> Footprint:
    """The output's footprint once a patch is applied to the output ``state`` describes:
    the last one's with what the patch changed, not a walk of tens of thousands of entries
    (1.3 s at 10,000 meetings); a walk after a whole build or an unknown change."""
    if moved is None or not state.footprint.entries:
        return measure(output)
    return state.footprint.changed(*moved)


def _stage_indexes(
    patch: Patch,
    plan: _Plan,
    index_prints: dict[str, str],
    state: BuildState,
    options: BuildOptions,
    language: str,
    live: bool,
) -> None:
    """Stage the search indexes that cover a changed page; remove those no longer used."""
    output = patch.output
    if options.search:
        for partition in plan.partitions:
            stale = state.search.get(partition.path) != index_prints[partition.path]
            if stale or not (output / partition.path / "pagefind-entry.json").is_file():
                held = plan.held[partition.path]
                kept = partition.path in state.search
                _stage_index(patch, partition, held, language, live, kept)
    wanted = (
        {p.path.rstrip("/").split("/")[-1] for p in plan.partitions} if options.search else set()
    )
    index_root = output / INDEX_ROOT
    if index_root.is_dir() and not index_root.is_symlink():
        for folder in sorted(index_root.iterdir()):
            if folder.name not in wanted:
                patch.remove_tree(f"{INDEX_ROOT}/{folder.name}")


def _stage_index(
    patch: Patch, partition: Partition, pages: list[str], language: str, live: bool, kept: bool
) -> None:
    """Index one partition (its pages' files) into the patch: from the output if its pages
    are in place (``live``), else from a view of the pages as the patch will leave them.
    ``kept``: the last build left this index in the output; if it is not there (removed by
    hand), the output is not as recorded (Patch.differs)."""
    if kept and not (patch.output / partition.path / "pagefind-entry.json").is_file():
        patch.differs()
    where = patch.output if live else patch.view(partition.name, pages)
    fresh = patch.dir / f"index-{partition.name}"
    index_partition(where, partition, language, fresh)
    patch.stage_tree(partition.path.rstrip("/"), fresh)
