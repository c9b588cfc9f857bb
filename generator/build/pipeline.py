"""The pipeline, top to bottom: config → load/parse → derive → render → search → write.

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

from .. import __version__
from ..content.checks import check_withheld
from ..content.config import SiteConfig, load_config
from ..content.digest import Digest, digest_of
from ..content.errors import BuildFailed, ContentError, Problems
from ..content.history import content_head, site_history
from ..content.model import Meeting
from ..content.parse import Parsed, parser_digest
from ..pages.render import PageJob, Renderer, output_file, theme_dirs
from ..pages.search import contract_digest
from ..site.derive import Site, check_links, derive_site
from ..site.partitions import INDEX_ROOT, Partition, members
from .cache import BuildState, Cache, FileStamp, StateHead, stamp_files
from .depends import Fingerprints
from .load import (
    ContentFiles,
    Progress,
    discover,
    load_pages,
    parse_meetings,
    share_people,
)
from .outfolder import choose_output, marker_identity
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
        problems,
        site_history(config, meetings, problems),
    )
    check_links(site, set(files.files), problems)
    check_withheld((p.meeting for p in parsed.values() if p.meeting is not None), problems)
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
    return _hash(__version__, parser_digest(), config, sorted(files.files))


def check(options: BuildOptions, progress: Progress | None = None) -> Problems:
    """Validate the content without writing anything."""
    config = load_config(options.source).with_base_url(options.base_url)
    cache = Cache(options.source) if options.cache else None
    return load(config, replace(options, drafts=True), BuildState(), cache, progress).problems


def _plan(
    renderer: Renderer, site: Site
) -> tuple[list[PageJob], list[tuple[int, int]], list[Partition], dict[str, list[Meeting]]]:
    """Every page job, meeting pages first in runs by search index (oldest first)."""
    jobs: list[PageJob] = []
    groups: list[tuple[int, int]] = []
    partitions = list(reversed(site.search))
    held = members(partitions, site.meetings)
    for partition in partitions:
        start = len(jobs)
        jobs.extend(renderer.meeting_job(m) for m in held[partition.path])
        groups.append((start, len(jobs)))
    jobs.extend(renderer.index_jobs())
    return jobs, groups, partitions, held


def build(
    options: BuildOptions,
    progress: Progress | None = None,
    on_pages: Callable[[], None] | None = None,
    session: Session | None = None,
) -> BuildResult:
    """Build the site into the output folder, or raise BuildFailed and leave it untouched.

    ``on_pages`` is called once the pages are in place, before search indexes are refreshed
    (``minutes serve`` reloads the browser then); after an edit that changes more than the
    edited meetings' own pages, also once those pages are in place, before the others."""
    started = time.perf_counter()
    timings: list[tuple[str, float]] = []

    def lap(name: str) -> None:
        timings.append((name, round(time.perf_counter() - started, 3)))

    config = load_config(options.source).with_base_url(options.base_url)
    cache = Cache(options.source, options.output_dir) if options.cache else None
    state: BuildState | None = None
    if session is not None and session.state is not None:
        state = session.state
    head = (
        state.head()
        if state is not None
        else (cache.load_head() if cache is not None else StateHead())
    )
    given = options.output_dir
    output = choose_output(
        options.source, given, recorded=bool(head.output) and head.output == str(given.resolve())
    )
    today = build_today(options.today)
    templates, static = _theme_fingerprints(config)
    page_settings = _hash(
        __version__,
        parser_digest(),
        contract_digest(),  # the search markup made by code (pages/search.py)
        config,
        templates,
        options.drafts,
        options.strict,
        options.search,
    )  # what every page and index shows
    settings = _hash(page_settings, static)  # what a no-op build must find unchanged
    with output_lock(output), _meeting_store(config, cache) as store:
        tidy(output)
        where = str(output)
        # the output is the one the cache describes (a build killed after its switch, or one
        # without the cache, leaves another marker: then everything is built again)
        usable = (
            head.output == where
            and output.is_dir()
            and head.marker is not None
            and head.marker == marker_identity(output)
        )
        found = None
        committed = content_head(config.root) if config.revisions else ""
        if (
            usable
            and head.settings == settings
            and head.today == today.isoformat()
            and head.history == committed
        ):
            files = discover(config)
            stamps = stamp_files(config.root, _stamp_paths(files), head.stamps)
            found = files, stamps
            if _digests(stamps) == _digests(head.stamps):  # contents, not mtimes, decide
                if stamps != head.stamps and cache is not None:
                    state = state or cache.load_state()
                    state.stamps = stamps  # touched but unchanged: no need to hash them again
                    cache.save_state(state)
                if session is not None:  # a serving process keeps the whole state
                    session.state = state or (cache.load_state() if cache else None)
                lap("no-op check")
                return BuildResult(
                    head.meetings,
                    head.pages_count,
                    0,
                    head.files,
                    time.perf_counter() - started,
                    head.warnings,
                    0,
                    tuple(timings),
                )
        if state is None:
            state = cache.load_state() if cache is not None else BuildState()
        prose = (
            _ProseEdit(config, options, state, store, page_settings, today, found, session, cache)
            if found is not None
            else None
        )
        if prose is not None and session is not None and session.site is not None:
            done = prose.apply(session.site, output, on_pages, lap)
            if done is not None:  # a serving process: no derivation at all
                return replace(done, seconds=time.perf_counter() - started, timings=tuple(timings))
        loaded = load(config, options, state, cache, progress, session, store, found)
        lap("parse")
        problems = loaded.problems
        failing = problems.errors + (problems.warnings if options.strict else [])
        if failing:
            raise BuildFailed(sorted(failing, key=lambda p: (p.path, p.line, p.message)))
        site = loaded.site
        if session is not None:
            session.site = site
        if prose is not None and usable and state.pages:
            done = prose.apply(site, output, on_pages, lap)
            if done is not None:
                _save_parsed(cache, loaded, session, store)
                return replace(done, seconds=time.perf_counter() - started, timings=tuple(timings))
        renderer = Renderer(config, site, store.whole)
        if on_pages is not None and prose is not None and usable and state.pages:
            _edited_first(output, renderer, prose.changed, on_pages)
            lap("edited pages in place")
        jobs, groups, partitions, members = _plan(renderer, site)
        digests = {m.source: loaded.stamps[m.source].digest for m in site.meetings}
        outlines = {path: p.outline_digest for (path, _), p in loaded.parsed.items()}
        prints = Fingerprints(site, digests, outlines, page_settings)  # kept in the state too
        page_prints = {renderer.output_path(j): prints.page(j) for j in jobs}
        index_prints = _index_prints(prints, site, partitions, members, page_prints)
        lap("derive")
        if usable and state.pages:

            def indexes(patch: Patch, live: bool) -> None:
                _stage_indexes(
                    patch,
                    site,
                    index_prints,
                    partitions,
                    members,
                    state,
                    options,
                    config.language,
                    live,
                )

            rendered, written, unchanged, others = _patch(
                output,
                renderer,
                jobs,
                page_prints,
                state,
                loaded,
                options,
                progress,
                on_pages,
                indexes,
            )
            lap("pages and search indexes in place")
            _save_parsed(cache, loaded, session, store)
        else:
            rendered, written, unchanged, others = _cold(
                output, renderer, jobs, groups, partitions, loaded, options, progress
            )
            lap("render, index and write")
            _save_parsed(cache, loaded, session, store)
        new_state = BuildState(
            settings=settings,
            stamps=loaded.stamps,
            pages=page_prints,
            others=tuple(sorted(others)),
            search=index_prints if options.search else {},
            output=where,
            today=today.isoformat(),
            meetings=len(site.meetings),
            pages_count=len(jobs),
            warnings=tuple(problems.warnings),
            outlines=outlines,
            history=committed,
            marker=marker_identity(output),
        )
        if session is not None:
            session.state = new_state
        if cache is not None:
            cache.save_state(new_state)
        lap("cache")
    return BuildResult(
        meetings=len(site.meetings),
        pages=len(jobs),
        written=written,
        unchanged=unchanged,
        seconds=time.perf_counter() - started,
        warnings=tuple(problems.warnings),
        rendered=rendered,
        timings=tuple(timings),
    )


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
        today: date,
        found: tuple[ContentFiles, dict[str, FileStamp]],
        session: Session | None,
        cache: Cache | None,
    ) -> None:
        self.config, self.options, self.state, self.store = config, options, state, store
        self.settings, self.today, self.session, self.cache = settings, today, session, cache
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

    def _parse(self) -> dict[str, Parsed]:
        """The edited files parsed (once), their whole meetings put in the store; empty if
        any of them changed more than prose or its problems."""
        if self._fresh is None:
            self._fresh = {}
            parse_key = _parse_key(self.config, self.files)
            keys = {
                path: entry_key(parse_key, path, self.stamps[path].digest) for path in self.changed
            }
            parsed = parse_meetings(self.config, list(keys.items()), 1, None, self.store)
            for path, kept in parsed.items():
                before = tuple(w for w in self.state.warnings if w.path == path)
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
        site: Site,
        output: Path,
        on_pages: Callable[[], None] | None,
        lap: Callable[[str], None],
    ) -> BuildResult | None:
        """Re-render the edited meetings' pages and their indexes; None if this is not a
        prose edit (the caller builds the general way)."""
        if not self.eligible or not self._parse():
            return None
        fresh, state = self._fresh or {}, self.state
        by_source = {m.source: m for m in site.meetings}
        if any(path not in by_source for path in fresh):  # a draft: not on the site
            return None
        renderer = Renderer(self.config, site, self.store.whole)
        jobs = [renderer.meeting_job(by_source[path]) for path in fresh]
        digests = {path: stamp.digest for path, stamp in self.stamps.items()}
        prints = Fingerprints(site, digests, state.outlines, self.settings)
        pages = dict(state.pages)
        pages.update((renderer.output_path(job), prints.page(job)) for job in jobs)
        search = dict(state.search)
        redo: list[Partition] = []
        held = members(site.search, site.meetings) if self.options.search else {}
        for partition in site.search if self.options.search else ():
            if any(partition.holds(by_source[path].date) for path in fresh):
                search.update(_index_prints(prints, site, [partition], held, pages))
                redo.append(partition)

        def indexes(patch: Patch, live: bool) -> None:
            for partition in redo:
                _stage_index(
                    patch, site, partition, held[partition.path], self.config.language, live
                )

        patch = _in_place(
            output,
            lambda p: render_jobs(renderer, jobs, [], lambda n: None, p, 1, None),
            indexes,
            on_pages,
        )
        lap("pages and search indexes in place")
        new_state = replace(
            state, stamps=self.stamps, pages=pages, search=search, marker=marker_identity(output)
        )
        if self.session is not None:
            self.session.state = new_state
            self.session.parsed.update(
                ((path, self.stamps[path].digest), parsed) for path, parsed in fresh.items()
            )
        if self.cache is not None:
            self.cache.save_state(new_state)
        lap("cache")
        return BuildResult(
            meetings=state.meetings,
            pages=state.pages_count,
            written=patch.written,
            unchanged=state.pages_count - patch.written,
            seconds=0.0,
            warnings=state.warnings,
            rendered=len(jobs),
        )


def _index_prints(
    prints: Fingerprints,
    site: Site,
    partitions: list[Partition],
    held: dict[str, list[Meeting]],
    pages: dict[str, str],
) -> dict[str, str]:
    """Each search index's fingerprint, from those of the pages it indexes: whatever changed
    on a page (its text, a link's target, its revisions) changes its index too."""
    return {
        p.path: prints.search_index(pages[output_file(site.paths[m.source])] for m in held[p.path])
        for p in partitions
    }


def _in_place(
    output: Path,
    fill: Callable[[Patch], object],
    indexes: Callable[[Patch, bool], None] | None,
    on_pages: Callable[[], None] | None,
) -> Patch:
    """Stage the pages (``fill``) and the search indexes and put them in place as one patch;
    for ``minutes serve`` (``on_pages``), the pages first (the tab reloads at once) and the
    search indexes as a second patch."""
    patch = Patch(output)
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
        second = Patch(output)
        try:
            indexes(second, True)
            if second.changes():
                second.apply()
        finally:
            second.abandon()
    return patch


def _edited_first(
    output: Path, renderer: Renderer, changed: list[str], on_pages: Callable[[], None]
) -> None:
    """For ``minutes serve``: an edit that changes more than a meeting's own page (a title,
    a decision) still shows on that page first: it goes in place, and the tab reloads,
    before the rest of the site is planned, fingerprinted and rendered."""
    on_site = {m.source: m for m in renderer.site.meetings}
    jobs = [renderer.meeting_job(on_site[path]) for path in changed if path in on_site]
    if jobs and len(jobs) <= PROSE_LIMIT:
        _in_place(
            output,
            lambda p: render_jobs(renderer, jobs, [], lambda n: None, p, 1, None),
            None,
            None,
        )
        on_pages()


def _save_parsed(
    cache: Cache | None, loaded: Loaded, session: Session | None, store: MeetingStore
) -> None:
    """Keep the parses for the next build (when something was parsed; a serving process
    keeps them in memory) and drop store entries no longer used."""
    if cache is not None and loaded.fresh:
        if session is None or session.state is None:
            cache.save_parsed(loaded.parse_key, loaded.parsed)
        store.prune(set(store.keys.values()))


def _digests(stamps: dict[str, FileStamp]) -> dict[str, str]:
    return {path: stamp.digest for path, stamp in stamps.items()}


def _static(renderer: Renderer, loaded: Loaded, sink: Staging | Patch) -> set[str]:
    written: set[str] = set()
    for out in renderer.static_files():
        sink.write(out.path, out.data)
        written.add(out.path)
    wanted = {f for f in loaded.files.files if f.startswith("files/")}
    for m in loaded.site.meetings:  # 'files/../x.pdf' is x.pdf (the parser kept it inside)
        wanted.update(posixpath.normpath(a.file) for a in m.attachments if a.file)
    withheld = {
        posixpath.normpath(f)
        for p in loaded.parsed.values()
        if p.meeting
        for f in p.meeting.withheld
    }
    for rel in sorted(wanted - withheld):
        sink.copy(rel, loaded.config.content_dir)
        written.add(rel)
    return written


def _cold(
    output: Path,
    renderer: Renderer,
    jobs: list[PageJob],
    groups: list[tuple[int, int]],
    partitions: list[Partition],
    loaded: Loaded,
    options: BuildOptions,
    progress: Progress | None,
) -> tuple[int, int, int, set[str]]:
    """Everything into a staging folder, indexes started as their pages are done; swap."""
    staging = Staging(output)
    indexer = Indexer(staging.dir, loaded.config.language) if options.search else None
    try:
        render_jobs(
            renderer,
            jobs,
            groups,
            lambda n: indexer.submit(partitions[n]) if indexer else None,
            staging,
            options.jobs or os.cpu_count() or 1,
            progress,
        )
        others = _static(renderer, loaded, staging)
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
    return len(jobs), staging.written, staging.unchanged, others


def _patch(
    output: Path,
    renderer: Renderer,
    jobs: list[PageJob],
    page_prints: dict[str, str],
    state: BuildState,
    loaded: Loaded,
    options: BuildOptions,
    progress: Progress | None,
    on_pages: Callable[[], None] | None,
    indexes: Callable[[Patch, bool], None],
) -> tuple[int, int, int, set[str]]:
    """Render only pages whose inputs changed and put them in place as one patch with the
    search indexes that hold them; files the last build wrote that this one does not are
    removed. The output is not scanned: what the last build wrote is on record (a file
    edited by hand in the output is put right by the next build that renders it, or by
    ``--no-cache``)."""
    todo = [
        j
        for j in jobs
        if page_prints[renderer.output_path(j)] != state.pages.get(renderer.output_path(j))
    ]
    others: set[str] = set()

    def fill(patch: Patch) -> None:
        render_jobs(
            renderer, todo, [], lambda n: None, patch, options.jobs or os.cpu_count() or 1, progress
        )
        others.update(_static(renderer, loaded, patch))
        keep = set(page_prints) | others
        for rel in sorted((set(state.pages) | set(state.others)) - keep):
            patch.remove(rel)

    patch = _in_place(output, fill, indexes, on_pages)
    return len(todo), patch.written, patch.unchanged + len(jobs) - len(todo), others


def _stage_indexes(
    patch: Patch,
    site: Site,
    index_prints: dict[str, str],
    partitions: list[Partition],
    held: dict[str, list[Meeting]],
    state: BuildState,
    options: BuildOptions,
    language: str,
    live: bool,
) -> None:
    """Stage the search indexes that cover a changed page; remove those no longer used."""
    output = patch.output
    if options.search:
        for partition in partitions:
            stale = state.search.get(partition.path) != index_prints[partition.path]
            if stale or not (output / partition.path / "pagefind-entry.json").is_file():
                _stage_index(patch, site, partition, held[partition.path], language, live)
    wanted = {p.path.rstrip("/").split("/")[-1] for p in partitions} if options.search else set()
    index_root = output / INDEX_ROOT
    if index_root.is_dir() and not index_root.is_symlink():
        for folder in sorted(index_root.iterdir()):
            if folder.name not in wanted:
                patch.remove_tree(f"{INDEX_ROOT}/{folder.name}")


def _stage_index(
    patch: Patch, site: Site, partition: Partition, pages: list[Meeting], language: str, live: bool
) -> None:
    """Index one partition into the patch: from the output if its pages are in place
    (``live``), else from a view of the pages as the patch will leave them."""
    where = (
        patch.output
        if live
        else patch.view(partition.name, (output_file(site.paths[m.source]) for m in pages))
    )
    fresh = patch.dir / f"index-{partition.name}"
    index_partition(where, partition, language, fresh)
    patch.stage_tree(partition.path.rstrip("/"), fresh)
