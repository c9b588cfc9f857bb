"""``minutes serve`` in a real browser: edits show up without a manual reload, errors show
in the page, and fixing the file brings the page back; the server answers only requests for
localhost, never stops for a failed build, and never writes into the published _site."""

from __future__ import annotations

import hashlib
import http.client
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, expect

from conftest import SiteFactory

pytestmark = pytest.mark.browser

MEETING = "---\nbody: Kommunstyrelsen\ndate: 2024-05-14\n---\n## § 1 Budget\n\nTEXT\n"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


Served = tuple[Path, str, subprocess.Popen[bytes]]


@pytest.fixture
def serving(tmp_site: SiteFactory) -> Iterator[Served]:
    root = tmp_site({"content/ks.md": MEETING.replace("TEXT", "Första versionen.")})
    port = free_port()
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "generator.cli",
            "serve",
            "--source",
            str(root),
            "--port",
            str(port),
            "--today",
            "2024-06-01",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while True:
        try:
            urllib.request.urlopen(url + "/", timeout=1).read()
            break
        except OSError:
            if time.monotonic() > deadline or proc.poll() is not None:
                proc.kill()
                out, _ = proc.communicate()
                raise AssertionError(out.decode()) from None
            time.sleep(0.2)
    yield root, url, proc
    proc.terminate()
    proc.wait(10)
    if proc.stdout is not None:
        proc.stdout.close()


@pytest.fixture
def served(serving: Served) -> tuple[Path, str]:
    return serving[0], serving[1]


def get(url: str, host: str | None = None) -> tuple[int, str]:
    """Status and text of a GET, with the given Host header (none at all for '')."""
    parts = urllib.parse.urlsplit(url)
    conn = http.client.HTTPConnection(parts.hostname or "", parts.port, timeout=10)
    try:
        conn.putrequest("GET", parts.path or "/", skip_host=host is not None)
        if host:
            conn.putheader("Host", host)
        conn.endheaders()
        response = conn.getresponse()
        return response.status, response.read().decode(errors="replace")
    finally:
        conn.close()


def until(check: Callable[[], bool], seconds: float = 30) -> None:
    """Wait for a condition (a rebuild), not for a guessed time."""
    deadline = time.monotonic() + seconds
    while not check():
        assert time.monotonic() < deadline, "the condition never held"
        time.sleep(0.1)


def test_edit_break_and_fix_reach_the_open_tab(served: tuple[Path, str], browser: Browser) -> None:
    root, url = served
    page = browser.new_page()
    page.goto(url + "/kommunstyrelsen/2024-05-14/")
    expect(page.locator("main")).to_contain_text("Första versionen.")
    marker = page.evaluate("window.__marker = 'same page'")
    del marker
    source = root / "content/ks.md"
    source.write_text(MEETING.replace("TEXT", "Andra versionen."))
    expect(page.locator("main")).to_contain_text("Andra versionen.", timeout=15000)
    assert page.evaluate("window.__marker") is None  # the page was reloaded, by the server
    source.write_text(MEETING.replace("date: 2024-05-14", "date: 14 maj 2024"))
    expect(page.locator("body")).to_contain_text(
        "content/ks.md:3: date: expected YYYY-MM-DD, got '14 maj 2024'", timeout=15000
    )
    source.write_text(MEETING.replace("TEXT", "Tredje versionen."))
    expect(page.locator("main")).to_contain_text("Tredje versionen.", timeout=15000)
    page.close()


def test_reload_script_only_in_serve_mode(served: tuple[Path, str]) -> None:
    root, url = served
    served_html = urllib.request.urlopen(url + "/").read().decode()
    assert "/__minutes/reload.js" in served_html
    assert "__minutes" not in (root / ".minutes-cache/serve/index.html").read_text()


def test_only_requests_for_localhost_are_answered(served: tuple[Path, str]) -> None:
    _, url = served
    port = urllib.parse.urlsplit(url).port
    for host in (
        "localhost",
        f"localhost:{port}",
        "127.0.0.1",
        f"127.0.0.1:{port}",
        "[::1]",
        f"[::1]:{port}",
        f"LocalHost:{port}",
    ):
        status, text = get(url + "/", host)
        assert (status, "Kommunstyrelsen" in text) == (200, True), host
    for host in (
        "evil.example",
        f"evil.example:{port}",
        f"127.0.0.1.nip.io:{port}",
        "localhost.evil.example",
        f"localhost:{port}@evil.example",
        "",
    ):
        status, text = get(url + "/", host)
        assert (status, "Kommunstyrelsen" in text) == (403, False), host
    status, _ = get(url + "/__minutes/reload.js", "evil.example")
    assert status == 403


def tree(folder: Path) -> dict[str, tuple[str, int]]:
    return {
        p.relative_to(folder).as_posix(): (
            hashlib.sha256(p.read_bytes()).hexdigest(),
            p.stat().st_mtime_ns,
        )
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def test_serve_never_writes_into_the_published_site(tmp_site: SiteFactory) -> None:
    root = tmp_site(
        {
            "content/ks.md": MEETING.replace("TEXT", "Publicerad."),
            "content/ks2.md": MEETING.replace("2024-05-14", "2024-05-20")
            .replace("---\n## ", "status: draft\n---\n## ")
            .replace("TEXT", "Utkast."),
        }
    )
    built = subprocess.run(
        [sys.executable, "-m", "generator.cli", "build", "--source", str(root), "--no-search"],
        capture_output=True,
        check=False,
    )
    assert built.returncode == 0, built.stderr
    published = tree(root / "_site")
    port = free_port()
    with subprocess.Popen(
        [
            sys.executable,
            "-m",
            "generator.cli",
            "serve",
            "--source",
            str(root),
            "--port",
            str(port),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    ) as proc:
        try:
            url = f"http://127.0.0.1:{port}/kommunstyrelsen/2024-05-20/"
            until(lambda: _answers(url, "Utkast."))  # the draft, served
            (root / "content/ks2.md").write_text(
                (root / "content/ks2.md").read_text().replace("Utkast.", "Nytt utkast.")
            )
            until(lambda: _answers(url, "Nytt utkast."))
        finally:
            proc.terminate()
            proc.wait(10)
    assert tree(root / "_site") == published
    assert not any("tkast" in p.read_text() for p in (root / "_site").rglob("*.html"))
    assert (root / ".minutes-cache/serve/kommunstyrelsen/2024-05-20/index.html").is_file()


def _answers(url: str, text: str) -> bool:
    try:
        return text in urllib.request.urlopen(url, timeout=5).read().decode()
    except (OSError, urllib.error.HTTPError):
        return False


def test_serve_keeps_serving_through_errors_and_vanished_files(serving: Served) -> None:
    root, url, proc = serving
    page = url + "/kommunstyrelsen/2024-05-14/"

    def shows(text: str, status: int = 200) -> bool:
        try:
            found = get(page, "localhost")
        except OSError:
            return False
        return found[0] == status and text in found[1]

    (root / "site.toml").write_text("title = [\n")  # a broken site.toml
    until(lambda: shows("site.toml", 500))
    (root / "site.toml").write_text('title = "Test"\nlanguage = "sv"\n')
    until(lambda: shows("Första versionen."))
    shutil.rmtree(root / "content")  # every file gone at once
    until(lambda: shows("", 404))
    (root / "content").mkdir()
    (root / "content/ks.md").write_text(MEETING.replace("TEXT", "Tillbaka."))
    until(lambda: shows("Tillbaka."))
    assert proc.poll() is None
