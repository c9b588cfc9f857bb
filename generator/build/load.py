"""Reading the content folder: which files there are, and parsing them (in a process pool
when there are many), reusing the cached parse of every file whose content did not change."""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TypeVar

from markdown_it import MarkdownIt

from ..content.checks import check_site_texts
from ..content.config import SiteConfig
from ..content.digest import digest_of
from ..content.errors import ContentError, Problems
from ..content.markdown import make_markdown
from ..content.model import BodyInfo, Meeting, Page, Person
from ..content.parse import Parsed, parse_body_info, parse_meeting, parse_page
from ..content.people import Cast
from ..messages.text import Text as M
from .store import MeetingStore

Progress = Callable[[str, int, int], None]  # (stage, done, total)
T = TypeVar("T")
PARALLEL_FROM = 64  # fewer files than this parse faster in one process than in a pool


@dataclass(frozen=True, slots=True)
class ContentFiles:
    """The files of content/, by role; paths relative to the site root (content/...)."""

    meetings: tuple[str, ...]
    pages: tuple[str, ...]
    bodies: tuple[str, ...]
    files: frozenset[str]  # other files, relative to content/ (attachments)
    skipped: tuple[str, ...] = ()  # links not followed: out of content/, dangling, a loop


def discover(config: SiteConfig) -> ContentFiles:
    """Every file under content/; symbolic links are never followed out of it (plain strings
    and one scandir per folder: this runs on every build, no-op ones included)."""
    content = str(config.content_dir)
    root = config.content_dir.resolve()
    meetings: list[str] = []
    pages: list[str] = []
    bodies: list[str] = []
    files: set[str] = set()
    skipped: list[str] = []

    def walk(folder: str, rel: str) -> None:
        with os.scandir(folder) as found:
            entries = sorted(found, key=lambda e: e.name)
        for entry in entries:
            name = entry.name
            if name.startswith("."):
                continue
            path = rel + name
            if entry.is_dir(follow_symlinks=False):
                walk(entry.path, path + "/")
                continue
            if entry.is_symlink():
                try:
                    target = Path(entry.path).resolve()
                    inside = target.is_relative_to(root) and target.is_file()
                except (RuntimeError, OSError):  # a loop of links (RuntimeError), or worse
                    inside = False
                if not inside:
                    skipped.append("content/" + path)
                    continue
            elif not entry.is_file(follow_symlinks=False):
                continue
            if not name.endswith(".md"):
                files.add(path)
            elif path.startswith("pages/"):
                pages.append("content/" + path)
            elif path.startswith("bodies/"):
                bodies.append("content/" + path)
            else:
                meetings.append("content/" + path)

    if os.path.isdir(content):
        walk(content, "")
    return ContentFiles(
        tuple(sorted(meetings)),
        tuple(sorted(pages)),
        tuple(sorted(bodies)),
        frozenset(files),
        tuple(sorted(skipped)),
    )


_worker_md: MarkdownIt | None = None
_worker_config: SiteConfig | None = None
_worker_store: MeetingStore | None = None


def _init_parser(config: SiteConfig, store: MeetingStore | None) -> None:
    global _worker_md, _worker_config, _worker_store  # one parser per worker, made once
    _worker_config, _worker_store = config, store
    _worker_md = make_markdown(config.raw_html)


def _parse_one(task: tuple[str, str]) -> Parsed:
    """Parse one file; with a store, the whole meeting goes there and its outline back."""
    path, key = task
    assert _worker_config is not None and _worker_md is not None
    data = (_worker_config.root / path).read_bytes()
    parsed = parse_meeting(data, path, _worker_config, _worker_md)
    if parsed.meeting is None:
        return parsed
    if _worker_store is None:
        return replace(parsed, cast=Cast.of(parsed.meeting))
    _worker_store.put(key, parsed.meeting)
    return outlined(parsed.meeting, parsed.problems)


def outlined(meeting: Meeting, problems: tuple[ContentError, ...]) -> Parsed:
    """The parse as the build keeps it: the meeting's outline, the hash of it and who it
    names."""
    outline = meeting.outline()
    return Parsed(outline, problems, digest_of(outline), Cast.of(outline))


def parse_meetings(
    config: SiteConfig,
    tasks: list[tuple[str, str]],
    jobs: int,
    progress: Progress | None,
    store: MeetingStore | None = None,
) -> dict[str, Parsed]:
    """Parse meeting files, given as (path, store key), in a process pool when there are
    many; with a store, what comes back are outlines (see ``store``)."""
    results: dict[str, Parsed] = {}
    total = len(tasks)
    if jobs == 1 or total < PARALLEL_FROM:
        _init_parser(config, store)
        for n, task in enumerate(tasks, 1):
            results[task[0]] = _parse_one(task)
            if progress and n % 50 == 0:
                progress("parse", n, total)
    else:
        ctx = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(
            jobs, mp_context=ctx, initializer=_init_parser, initargs=(config, store)
        ) as pool:
            for n, ((path, _), parsed) in enumerate(
                zip(tasks, pool.map(_parse_one, tasks, chunksize=32), strict=True), 1
            ):
                results[path] = parsed
                if progress and n % 50 == 0:
                    progress("parse", n, total)
    if progress:
        progress("parse", total, total)
    return results


def share_people(fresh: dict[str, Parsed], known: Iterable[Parsed]) -> dict[str, Parsed]:
    """The fresh parses with every person, and what each cast says of them, shared with the
    known ones: the same members attend meeting after meeting (at 10k meetings, 1.8k people
    named 178k times, and 12k different things said of them 183k times), and one object
    each makes the parse record smaller in memory and on disk, and quicker to read."""
    if not fresh:
        return fresh
    one = _Shared()
    for parsed in known:
        if parsed.meeting is not None:
            m = parsed.meeting
            one.know(m.attendees)
            one.know(m.officials)
            one.know(m.absent)
        if parsed.cast is not None:
            cast = parsed.cast  # its pairs, and what they pair (a fresh pair may be new)
            one.know(cast.written)
            one.know(cast.shown)
            one.know(cast.seen)
            one.know(k for k, _ in cast.written)
            one.know(p for _, p in cast.written)
            one.know(s for _, s in cast.seen)

    def people(group: tuple[Person, ...]) -> tuple[Person, ...]:
        return tuple(map(one, group))

    return {
        path: replace(
            p,
            meeting=replace(
                p.meeting,
                attendees=people(p.meeting.attendees),
                officials=people(p.meeting.officials),
                absent=people(p.meeting.absent),
            ),
            cast=_shared_cast(p.cast, one) if p.cast is not None else None,
        )
        if p.meeting is not None
        else p
        for path, p in fresh.items()
    }


class _Shared:
    """One object for each value: the first one met. Known values are mostly shared
    already (the parse record keeps them so), so each object is hashed once, not each time
    it is met."""

    def __init__(self) -> None:
        self._values: dict[object, object] = {}
        self._met: set[int] = set()

    def know(self, values: Iterable[object]) -> None:
        met, found = self._met, self._values
        for value in values:
            if id(value) not in met:
                met.add(id(value))
                found.setdefault(value, value)

    def __call__(self, value: T) -> T:
        return self._values.setdefault(value, value)  # type: ignore[return-value]


def _shared_cast(cast: Cast, one: _Shared) -> Cast:
    return Cast(  # the pairs too: unshared, they took 32 MB more at 10k meetings
        written=tuple(one((one(k), one(p))) for k, p in cast.written),
        acting=tuple(map(one, cast.acting)),
        shown=tuple(one((one(name), one(k))) for name, k in cast.shown),
        seen=tuple(one((one(k), one(s))) for k, s in cast.seen),
    )


def load_pages(
    config: SiteConfig, files: ContentFiles, problems: Problems
) -> tuple[list[Page], list[BodyInfo]]:
    """Plain pages and body descriptions (few: always parsed), and the site's other
    published texts checked: site.toml's values, the names of files under content/files/."""
    settings = config.root / "site.toml"
    text = settings.read_text(encoding="utf-8-sig") if settings.is_file() else ""
    markdown = (p.removeprefix("content/") for p in (*files.meetings, *files.pages, *files.bodies))
    check_site_texts(text, [*files.files, *markdown], problems)
    for path in files.skipped:
        if path.endswith(".md"):
            problems.error(path, 0, M.LINKED_MARKDOWN_OUTSIDE())
        else:
            problems.warn(path, 0, M.LINKED_FILE_OUTSIDE())
    md = make_markdown(config.raw_html)

    def each(
        paths: tuple[str, ...], parser: Callable[..., tuple[T | None, tuple[ContentError, ...]]]
    ) -> list[T]:
        parsed: list[T] = []
        for path in paths:
            value, found = parser((config.root / path).read_bytes(), path, config, md)
            problems.extend(found)
            if value is not None:
                parsed.append(value)
        return parsed

    return each(files.pages, parse_page), each(files.bodies, parse_body_info)
