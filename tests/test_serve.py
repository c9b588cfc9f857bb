"""``minutes serve`` between builds, without a browser: whatever stops a build (a content
error, a template error, a file that vanishes while it is read, a bug) goes to the page and
the log, never ends the server, and the next good build brings the site back."""

from __future__ import annotations

import os
import threading
import time
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from watchdog.events import FileSystemEvent

from generator.build import pipeline as build_module
from generator.build.pipeline import BuildOptions, Session
from generator.serve import SERVE_DIR, ServeState, local_host, rebuild

from conftest import SiteFactory

MEETING = "---\nbody: Kommunstyrelsen\ndate: 2024-05-14\n---\n## § 1 Budget\n\nTEXT\n"


@pytest.fixture
def site(tmp_site: SiteFactory) -> tuple[Path, BuildOptions]:
    root = tmp_site(
        {
            "content/ks.md": MEETING.replace("TEXT", "Första."),
            "content/ks2.md": MEETING.replace("2024-05-14", "2024-05-20").replace("§ 1", "§ 2"),
        }
    )
    return root, BuildOptions(
        source=root, output=root / SERVE_DIR, drafts=True, today=date(2024, 6, 1), search=False
    )


def test_a_file_that_vanishes_during_a_rebuild_is_shown_not_fatal(
    site: tuple[Path, BuildOptions], monkeypatch: pytest.MonkeyPatch
) -> None:
    root, options = site
    state, log, session = ServeState(), [], Session()
    assert rebuild(options, state, log.append, session) is not None
    gone = root / "content/ks2.md"
    real = build_module.stamp_files

    def vanishing(*args: object, **kwargs: object) -> object:
        gone.unlink(missing_ok=True)  # removed after it was found, before it is read
        return real(*args, **kwargs)  # type: ignore[arg-type]

    (root / "content/ks.md").write_text(MEETING.replace("TEXT", "Andra."))
    monkeypatch.setattr(build_module, "stamp_files", vanishing)
    assert rebuild(options, state, log.append, session) is None
    assert len(state.problems) == 1 and "content/ks2.md" in state.problems[0]
    assert "built again on the next change" in state.problems[0]
    monkeypatch.undo()
    assert rebuild(options, state, log.append, session) is not None  # the next build
    assert state.problems == []
    out = root / SERVE_DIR
    assert "Andra." in (out / "kommunstyrelsen/2024-05-14/index.html").read_text()
    assert not (out / "kommunstyrelsen/2024-05-20").exists()


def test_template_errors_and_bugs_are_shown_not_fatal(
    site: tuple[Path, BuildOptions], monkeypatch: pytest.MonkeyPatch
) -> None:
    root, options = site
    state, log = ServeState(), []
    theme = root / "themes/default/templates"
    theme.mkdir(parents=True)
    (theme / "page.html").write_text(
        "{% extends 'base.html' %}\n{% block main %}{{ x.y }}{% endblock %}"
    )
    (root / "content/pages").mkdir()
    (root / "content/pages/om.md").write_text("# Om\n")
    assert rebuild(options, state, log.append) is None
    assert state.problems[0].endswith(
        "page.html:2: the theme's template could not be used: 'x' is undefined"
    ), state.problems
    (theme / "page.html").unlink()
    assert rebuild(options, state, log.append) is not None and state.problems == []

    def broken(*_: object, **__: object) -> None:
        raise KeyError("a bug")

    monkeypatch.setattr("generator.serve.build", broken)
    assert rebuild(options, state, log.append) is None
    assert state.problems == ["the build failed: KeyError('a bug') (see the terminal)"]
    assert "Traceback" in log[-1]


def test_local_host_names() -> None:
    for host in (
        "localhost",
        "localhost:8000",
        "127.0.0.1",
        "127.0.0.1:1",
        "[::1]",
        "[::1]:8000",
        "LOCALHOST",
    ):
        assert local_host(host), host
    for host in (
        None,
        "",
        "localhost:",
        "localhost:80:80",
        "localhost.",
        "[::1",
        "[::1]x",
        "[::2]",
        "0.0.0.0",
        "example.org",
        "localhost.example.org",
        "127.0.0.2",
        "localhost:８０",
    ):
        assert not local_host(host), host


def test_serve_and_build_keep_states_of_their_own(site: tuple[Path, BuildOptions]) -> None:
    """Serving between two builds (into its own folder) does not make the next build
    start afresh, nor the next serve."""
    root, options = site
    plain = BuildOptions(source=root, today=date(2024, 6, 1), search=False)
    build_module.build(plain)
    assert rebuild(options, ServeState(), print) is not None
    again = build_module.build(plain)
    assert (again.written, again.rendered) == (0, 0)
    served = build_module.build(options)
    assert (served.written, served.rendered) == (0, 0)
    states = sorted(p.name for p in (root / ".minutes-cache").glob("state*.pickle"))
    assert len(states) == 2 and states[-1] == "state.pickle"  # serve's, then _site's


def test_a_loop_of_links_in_content_is_shown_and_the_watching_goes_on(
    site: tuple[Path, BuildOptions],
) -> None:
    """A link that leads round in a loop raised in the watcher's thread, which died: serve
    kept running and never rebuilt again; the build said 'the build failed' (a bug)."""
    from watchdog.events import FileCreatedEvent, FileDeletedEvent

    from generator.serve import _Watcher

    root, options = site
    loop = root / "content/loop.md"
    loop.symlink_to(loop)
    dirty = threading.Event()
    watcher = _Watcher(root, root / SERVE_DIR, dirty)
    watcher.on_any_event(FileCreatedEvent(str(loop)))  # raised RuntimeError
    assert dirty.is_set()
    state, log = ServeState(), []
    assert rebuild(options, state, log.append) is None
    assert state.problems == [
        "content/loop.md: a link to a file outside content/ (or to none: dangling, or a loop "
        "of links), which minutes does not read; put the file itself in content/"
    ]
    loop.unlink()
    dirty.clear()
    watcher.on_any_event(FileDeletedEvent(str(loop)))
    assert dirty.is_set()
    assert rebuild(options, state, log.append) is not None and state.problems == []


def _files(folder: Path) -> dict[str, tuple[bytes, int, int]]:
    """Every file: bytes, inode and mtime (what a build that touched it would change)."""
    return {
        p.relative_to(folder).as_posix(): (p.read_bytes(), p.stat().st_ino, p.stat().st_mtime_ns)
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def _bytes(folder: Path) -> dict[str, bytes]:
    return {k: v[0] for k, v in _files(folder).items()}


def test_serve_starts_from_the_site_just_built_and_renders_only_its_drafts(
    tmp_site: SiteFactory, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`minutes serve` on a site just built by `minutes build` rendered the whole site again
    (its options differed: base URL / and drafts; ~3 min at 10k). It starts from a copy of
    the build's output and renders only the pages its drafts change; the copy shares the
    files, and no serve build ever changes one of _site's."""
    from generator.build.adopt import adopt
    from generator.serve import serve_options

    days = [f"{y}-{m:02d}-1{m % 9}" for y in (2022, 2023) for m in range(1, 13)]
    days += ["2024-01-10", "2024-02-14", "2024-03-13", "2024-04-10", "2024-05-14", "2024-06-12"]
    files = {  # items numbered on through each year, as the law has them
        f"content/ks/{d}.md": MEETING.replace("2024-05-14", d).replace("§ 1", f"§ {n}")
        for n, d in enumerate(days, 1)
    }
    files["content/ks/2024-06-20.md"] = MEETING.replace("2024-05-14", "2024-06-20").replace(
        "---\n##", "status: draft\n---\n##"
    )
    files["content/sn/2023-11-02.md"] = MEETING.replace("Kommunstyrelsen", "Socialnämnden")
    root = tmp_site(files, 'title = "Test"\nbase_url = "https://example.org/"\n')
    today = date(2024, 6, 1)
    built = build_module.build(BuildOptions(source=root, today=today, search=False))
    published = _files(root / "_site")
    options = serve_options(BuildOptions(source=root, drafts=True, today=today, search=False))
    assert adopt(root, options.output_dir, root / "_site")
    first = build_module.build(options)
    assert 0 < first.rendered < built.pages // 2, (first.rendered, built.pages)
    clean = tmp_path / "clean"
    build_module.build(replace(options, output=clean, cache=False))
    assert _bytes(options.output_dir) == _bytes(clean)
    assert not adopt(root, options.output_dir, root / "_site")  # serve's own state now
    for text, swap in (("Ändrad.", ""), ("Ändrad igen.", "0")):  # moved in; a clone swapped
        monkeypatch.setenv("MINUTES_TEST_SWAP_FROM", swap)
        edited = root / "content/ks/2024-03-13.md"
        edited.write_text(MEETING.replace("2024-05-14", "2024-03-13").replace("TEXT", text))
        again = build_module.build(options)
        assert again.rendered >= 1
        page = options.output_dir / "kommunstyrelsen/2024-03-13/index.html"
        assert text in page.read_text()
    assert _files(root / "_site") == published


def test_an_inotify_overflow_loses_no_edit(site: tuple[Path, BuildOptions]) -> None:
    """When the kernel's inotify queue overflows, watchdog drops the events ("filesystem
    events were lost") and serve never saw the edits among them. The overflow event itself,
    fed to the watching machinery, now starts a build, which finds the edit by its stamps."""
    from watchdog.observers.inotify_c import InotifyConstants, InotifyEvent

    from generator.serve import serve_options, watch

    root, options = site
    options = serve_options(options)
    state, session, log = ServeState(), Session(), []
    assert rebuild(options, state, log.append, session) is not None
    (root / "content/ks.md").write_text(MEETING.replace("TEXT", "Ett tillägg i förbigående."))
    dirty = threading.Event()
    watching = watch(root, options.output_dir, dirty, log.append)
    try:
        assert not dirty.is_set()  # the edit was made unseen: its event is lost
        overflow = InotifyEvent(-1, InotifyConstants.IN_Q_OVERFLOW, 0, b"")  # type: ignore[arg-type]
        watching.observer._inotify_fd.handle_event(overflow)  # type: ignore[attr-defined]
        assert dirty.is_set()
    finally:
        watching.stop()
    assert rebuild(options, state, log.append, session) is not None
    page = (options.output_dir / "kommunstyrelsen/2024-05-14/index.html").read_text()
    assert "Ett tillägg i förbigående." in page
    assert any("not reported" in line for line in log)


def test_reading_every_file_sends_the_watcher_no_event(
    site: tuple[Path, BuildOptions], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A program reading many files under content/ (grep -r, an editor's search) filled the
    kernel's queue with open and close events until it overflowed; only changes are watched
    now. Events come in order: once the file written after the reading is seen, any event
    of the reading would have been seen before it."""
    from generator.serve import _Watcher, serve_options, watch

    root, options = site
    for n in range(50):
        (root / f"content/extra/{n}.txt").parent.mkdir(exist_ok=True)
        (root / f"content/extra/{n}.txt").write_text("text\n")
    seen: list[tuple[str, str]] = []
    original = _Watcher.on_any_event

    def record(self: _Watcher, event: FileSystemEvent) -> None:
        seen.append((event.event_type, os.fsdecode(event.src_path)))
        original(self, event)

    monkeypatch.setattr(_Watcher, "on_any_event", record)
    dirty = threading.Event()
    watching = watch(root, serve_options(options).output_dir, dirty, print)
    read = sorted(str(p) for p in (root / "content").rglob("*") if p.is_file())
    try:
        for path in read:
            Path(path).read_bytes()
        (root / "content/after.txt").write_text("written after the reading\n")
        deadline = time.monotonic() + 60
        while not any(p.endswith("after.txt") for _, p in seen):
            assert time.monotonic() < deadline, seen
            time.sleep(0.05)
    finally:
        watching.stop()
    assert [(kind, path) for kind, path in seen if path in read] == []


def test_a_serving_process_keeps_no_earlier_build_alive(
    site: tuple[Path, BuildOptions],
) -> None:
    """Loading and planning freeze what they made (build/collector.py): the cycle collector
    never looks at frozen objects again, so the garbage among them (a build's renderer and
    fingerprints hold each other, and through them that build's whole site) was kept for
    good, and a serving process grew with every rebuild. What an earlier build made is gone
    once the next one is done: rebuild after rebuild, as many objects are kept."""
    import gc

    root, options = site
    state, log, session = ServeState(), [], Session()
    assert rebuild(options, state, log.append, session) is not None
    edited = root / "content/ks.md"
    kept = []
    for n in range(6):  # a new title: the general way, which derives a new site
        edited.write_text(MEETING.replace("Budget", f"Budget {n}").replace("TEXT", "Text."))
        assert rebuild(options, state, log.append, session) is not None
        kept.append(gc.get_freeze_count() + len(gc.get_objects()))
    assert kept[-1] - kept[1] < 100, kept
