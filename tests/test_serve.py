"""``minutes serve`` between builds, without a browser: whatever stops a build (a content
error, a template error, a file that vanishes while it is read, a bug) goes to the page and
the log, never ends the server, and the next good build brings the site back."""

from __future__ import annotations

import threading
from datetime import date
from pathlib import Path

import pytest

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
            "content/ks2.md": MEETING.replace("2024-05-14", "2024-05-20"),
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
    assert state.problems[0].endswith("page.html:2: 'x' is undefined"), state.problems
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
