"""``minutes serve``: build, serve on loopback, rebuild on change, reload the open tab.

The reload script is added to HTML responses by this server only; built files never hold
it. A content error (or anything else that stops a build, such as a file removed while it
was read) replaces every page with a page saying what went wrong until the next build
succeeds; the server never stops for it. Search indexes are refreshed after the pages, so
reloads do not wait. The site is built, drafts and all, into a folder of its own in the
cache (``SERVE_DIR``), never into the ``_site`` that gets published, and only requests for
localhost are answered (a page elsewhere cannot reach it by a name of its own: DNS
rebinding). It is built with the site's own base URL (served under its path), so that on a
site just built by ``minutes build`` serve starts from a copy of that output and renders
only what its drafts change (see build/adopt.py). Events that the kernel drops (its queue
overflowed) make the next build look at every file's stamps, so no edit is lost.
"""

from __future__ import annotations

import html
import logging
import os
import threading
import time
import traceback
from dataclasses import dataclass, field, replace
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from jinja2 import TemplateError
from watchdog.events import (
    DirCreatedEvent,
    DirDeletedEvent,
    DirModifiedEvent,
    DirMovedEvent,
    FileClosedEvent,
    FileCreatedEvent,
    FileDeletedEvent,
    FileModifiedEvent,
    FileMovedEvent,
    FileSystemEvent,
    FileSystemEventHandler,
)
from watchdog.observers import Observer
from watchdog.observers.api import BaseObserver

from .build.adopt import adopt
from .build.cache import CACHE_DIR, SERVE_DIR, Cache
from .build.collector import settle
from .build.pagefind import SearchIndexError
from .build.pipeline import BuildOptions, BuildResult, Session, build, warm
from .content.config import language_of, load_config
from .content.errors import BuildFailed, ConfigError, ContentError
from .messages.commands import Commands as M
from .messages.reasons import system_reason

LOCAL_HOSTS = frozenset({"localhost", "127.0.0.1", "[::1]"})

EVENTS = "/__minutes/events"
RELOAD_JS = "/__minutes/reload.js"
_SCRIPT = f'<script src="{RELOAD_JS}"></script>'.encode()
_RELOAD = (f'new EventSource("{EVENTS}").onmessage = () => location.reload();\n').encode()
DEBOUNCE = 0.2
_CHANGES = frozenset({"created", "modified", "deleted", "moved", "closed"})
# the events watched: changes only, so that a program reading many files (grep -r, an
# editor's search) sends none and cannot fill the kernel's queue
WATCHED: list[type[FileSystemEvent]] = [
    FileCreatedEvent,
    FileModifiedEvent,
    FileDeletedEvent,
    FileMovedEvent,
    FileClosedEvent,
    DirCreatedEvent,
    DirDeletedEvent,
    DirMovedEvent,
    DirModifiedEvent,
]


@dataclass
class ServeState:
    """What the server shows: the generation of the site and the problems of the last build."""

    generation: int = 0
    problems: list[str] = field(default_factory=list)
    changed: threading.Condition = field(default_factory=threading.Condition)

    def publish(self, problems: list[str]) -> None:
        """A build finished: tell every open tab."""
        with self.changed:
            self.problems = problems
            self.generation += 1
            self.changed.notify_all()


def error_page(problems: list[str], language: str = "en") -> bytes:
    """The page shown instead of the site while the content has errors, in the language
    the problems are told in."""
    items = "\n".join(f"<li><code>{html.escape(p)}</code></li>" for p in problems)
    title = html.escape(M.SERVE_PAGE_TITLE().text(language))
    hint = html.escape(M.SERVE_PAGE_HINT().text(language))
    return (
        f'<!DOCTYPE html>\n<html lang="{language}"><head><meta charset="utf-8"><title>{title}'
        f"</title></head><body><main><h1>{title}</h1><ul>{items}</ul><p>{hint}</p></main>"
        f"{_SCRIPT.decode()}</body></html>"
    ).encode()


def local_host(host: str | None) -> bool:
    """Whether a request's Host header names this machine: localhost, 127.0.0.1 or [::1],
    with or without a port."""
    if not host:
        return False
    if host.startswith("["):
        name, found, rest = host.partition("]")
        if not found:
            return False
        name += "]"
    else:
        name, found, port = host.partition(":")
        rest = found + port
    if rest and not (rest[0] == ":" and rest[1:].isascii() and rest[1:].isdigit()):
        return False
    return name.lower() in LOCAL_HOSTS


class Handler(SimpleHTTPRequestHandler):
    """Static files from the output folder, plus the reload channel."""

    state: ServeState
    base_path: str = "/"  # the site's own path (its base URL's)
    language: str = "en"  # what the server's own words are in

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def _refused(self) -> bool:
        """Answer 403 to a request for another host name (DNS rebinding); True if refused."""
        if local_host(self.headers.get("Host")):
            return False
        refusal = M.SERVE_LOCAL_ONLY().text(self.language)
        self._send(403, "text/plain; charset=utf-8", f"{refusal}\n".encode())
        return True

    def do_HEAD(self) -> None:
        """Headers of a file, for local requests only."""
        if not self._refused():
            super().do_HEAD()

    def do_GET(self) -> None:
        """Serve the reload channel, the error page, or the file with the script added."""
        if self._refused():
            return
        try:
            self._get()
        except FileNotFoundError:  # replaced by a build between looking and reading
            self._not_found()

    def _not_found(self) -> None:
        missing = M.SERVE_NOT_FOUND().text(self.language)
        self._send(404, "text/plain; charset=utf-8", f"{missing}\n".encode())

    def _get(self) -> None:
        path = self.path.split("?")[0]
        if path == EVENTS:
            self._events()
            return
        if path == RELOAD_JS:
            self._send(200, "text/javascript", _RELOAD)
            return
        if not path.startswith(self.base_path):  # the site is served under its own path
            if path in ("/", "/index.html"):
                self.send_response(302)
                self.send_header("Location", self.base_path)
                self.end_headers()
            else:
                self._not_found()
            return
        if self.state.problems:
            page = error_page(self.state.problems, self.language)
            self._send(500, "text/html; charset=utf-8", page)
            return
        local = Path(self.translate_path(self.path))
        if local.is_dir():
            local = local / "index.html"
        if local.suffix == ".html" and local.is_file():
            body = local.read_bytes().replace(b"</body>", _SCRIPT + b"</body>", 1)
            self._send(200, "text/html; charset=utf-8", body)
            return
        if not local.exists() and path.endswith("/"):
            missing = Path(self.directory) / "404.html"
            if missing.is_file():
                body = missing.read_bytes().replace(b"</body>", _SCRIPT + b"</body>", 1)
                self._send(404, "text/html; charset=utf-8", body)
                return
        super().do_GET()

    def translate_path(self, path: str) -> str:
        """The file for a URL path under the site's path."""
        return super().translate_path("/" + path[len(self.base_path) :])

    def _send(self, status: int, kind: str, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(body)

    def _moved_on(self, seen: int) -> bool:
        return self.state.generation != seen

    def _events(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        seen = self.state.generation
        try:
            while True:
                with self.state.changed:
                    self.state.changed.wait_for(partial(self._moved_on, seen), 15)
                if self.state.generation != seen:
                    seen = self.state.generation
                    self.wfile.write(b"data: reload\n\n")
                else:
                    self.wfile.write(b": keep-alive\n\n")
                self.wfile.flush()
        except (BrokenPipeError, ConnectionResetError):
            return


def handler(state: ServeState, base_path: str, language: str) -> type[Handler]:
    """The request handler of one serving: its state, the site's path, its language."""
    return type(
        "BoundHandler", (Handler,), {"state": state, "base_path": base_path, "language": language}
    )


class _Watcher(FileSystemEventHandler):
    """Sets a flag on any change under content/, themes/ or to site.toml."""

    def __init__(self, root: Path, output: Path, dirty: threading.Event) -> None:
        self.root = root
        self.ignored = [output.resolve(), (root / CACHE_DIR).resolve()]
        self.dirty = dirty

    def on_any_event(self, event: FileSystemEvent) -> None:
        if event.event_type not in _CHANGES:  # reading a file (the build does) is no change
            return
        try:
            self._changed(Path(os.fsdecode(event.src_path)))
        except Exception:  # an error here would end the watching thread for good, and
            self.dirty.set()  # serve would never rebuild again: build instead

    def _changed(self, given: Path) -> None:
        try:  # the folder resolved, not the name: a link that leads out (or nowhere, or
            path = given.parent.resolve() / given.name  # round in a loop) is a change too
        except (RuntimeError, OSError):
            path = Path(os.path.abspath(given))
        if any(path == i or path.is_relative_to(i) for i in self.ignored):
            return
        if path.name.startswith(".") or path.name.endswith("~"):
            return
        rel = path.relative_to(self.root) if path.is_relative_to(self.root) else path
        if rel.parts and (rel.parts[0] in ("content", "themes") or rel.name == "site.toml"):
            self.dirty.set()


def rebuild(
    options: BuildOptions, state: ServeState, log: Any, session: Session | None = None
) -> BuildResult | None:
    """One build; its problems (if any) go to the browser and the log. Then the garbage it
    left is collected (see collector.settle), while the clerk looks at its pages."""
    try:
        return _rebuild(options, state, log, session)
    finally:
        settle()


def _rebuild(
    options: BuildOptions, state: ServeState, log: Any, session: Session | None
) -> BuildResult | None:
    published = threading.Event()

    def pages_ready() -> None:  # reload now; the search index follows
        state.publish([])
        published.set()

    language = language_of(options.source)
    try:
        result = build(options, on_pages=pages_ready, session=session)
    except BuildFailed as exc:
        lines = [p.render(language) for p in exc.problems]
        state.publish(lines)
        for line in lines:
            log(line)
        return None
    except (ConfigError, SearchIndexError) as exc:
        lines = exc.lines(language)
        state.publish(lines)
        log("\n".join(lines))
        return None
    except TemplateError as exc:
        from .cli import template_problem

        line = template_problem(exc, language).text(language)
        state.publish([line])
        log(line)
        return None
    except OSError as exc:  # a file removed or renamed while the build read it
        reason = system_reason(exc)
        gone = (
            M.SERVE_FILE_GONE(file=os.fsdecode(exc.filename), reason=reason)
            if exc.filename
            else M.SERVE_FILE_GONE_SOMEWHERE(reason=reason)
        )
        line = gone.text(language)
        state.publish([line])
        log(line)
        return None
    except Exception as exc:  # a bug: say so, and keep serving
        state.publish([M.SERVE_BUG(error=repr(exc)).text(language)])
        log("".join(traceback.format_exception(exc)))
        return None
    warnings: list[ContentError] = list(result.warnings)
    for warning in warnings:
        log(warning.render(language))
    if not published.is_set() or state.problems:
        state.publish([])
    return result


class _Overflow(logging.Handler):
    """Hears watchdog say that the kernel dropped events (its inotify queue overflowed:
    many files written at once): which edits were among them is unknown, so the next build
    is started, and it looks at every file's size and mtime (content hash if they changed),
    so no edit is lost."""

    def __init__(self, dirty: threading.Event, log: Any, language: str = "en") -> None:
        super().__init__(logging.WARNING)
        self.dirty, self.log, self.language = dirty, log, language

    def emit(self, record: logging.LogRecord) -> None:
        if "overflow" in record.getMessage().lower() and not self.dirty.is_set():
            self.dirty.set()
            self.log(M.SERVE_CHANGES_DROPPED().text(self.language))


@dataclass
class Watching:
    """The watching of a site's files (``watch``)."""

    observer: BaseObserver
    alarm: _Overflow

    def stop(self) -> None:
        """Stop watching."""
        logging.getLogger("watchdog").removeHandler(self.alarm)
        self.observer.stop()
        self.observer.join()


def watch(
    source: Path, output: Path, dirty: threading.Event, log: Any, language: str = "en"
) -> Watching:
    """Start watching content/, themes/ and site.toml: ``dirty`` is set on any change, and
    when the kernel dropped events."""
    observer = Observer()
    watcher = _Watcher(source.resolve(), output, dirty)
    for folder in (source / "content", source / "themes"):
        if folder.is_dir():
            observer.schedule(watcher, str(folder), recursive=True, event_filter=WATCHED)
    observer.schedule(watcher, str(source), recursive=False, event_filter=WATCHED)
    alarm = _Overflow(dirty, log, language)
    logging.getLogger("watchdog").addHandler(alarm)
    observer.start()
    return Watching(observer, alarm)


def serve_options(options: BuildOptions) -> BuildOptions:
    """What serve builds: into its own folder, with the site's own base URL (so its pages
    are the published build's, and serve can start from that build's output)."""
    return replace(options, base_url=None, output=options.source / SERVE_DIR)


def _warm(options: BuildOptions, session: Session) -> bool:
    try:
        return warm(options, session)
    except (ConfigError, OSError):  # site.toml broke or a file went: the next build says so
        return False
    finally:
        settle()


def serve(options: BuildOptions, port: int, log: Any) -> None:
    """Build, serve and watch until interrupted."""
    Cache(options.source).make_dir()  # before anything is built there: out of git
    options = serve_options(options)
    base_path = load_config(options.source).base_path
    language = language_of(options.source)
    output = options.output_dir
    if adopt(options.source, output, options.source / "_site"):
        log(M.SERVE_STARTING_FROM(folder="_site").text(language))
    state = ServeState()
    session = Session()  # parsed meetings stay in memory between rebuilds
    first = rebuild(options, state, log, session)
    if first is not None:
        built = M.SERVE_BUILT(
            meetings=first.meetings,
            pages=first.pages,
            seconds=first.seconds,
            rendered=first.rendered,
        )
        log(built.text(language))
    output.mkdir(parents=True, exist_ok=True)
    bound = handler(state, base_path, language)
    server = ThreadingHTTPServer(("127.0.0.1", port), partial(bound, directory=str(output)))
    server.daemon_threads = True
    url = f"http://127.0.0.1:{server.server_address[1]}{base_path}"
    log(M.SERVING(url=url).text(language))
    dirty = threading.Event()
    watching = watch(options.source, output, dirty, log, language)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        if first is not None and _warm(options, session):  # edits made meanwhile wait
            log(M.SERVE_READY().text(language))
        while True:
            dirty.wait()
            time.sleep(DEBOUNCE)  # let an editor finish writing
            dirty.clear()
            result = rebuild(options, state, log, session)
            if result is not None:
                rebuilt = M.SERVE_REBUILT(rendered=result.rendered, seconds=result.seconds)
                log(rebuilt.text(language))
    except KeyboardInterrupt:
        pass
    finally:
        server.shutdown()
        watching.stop()
