"""``minutes serve`` in a real browser: edits show up without a manual reload, errors show
in the page, and fixing the file brings the page back."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
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


@pytest.fixture
def served(tmp_site: SiteFactory) -> Iterator[tuple[Path, str]]:
    root = tmp_site({"content/ks.md": MEETING.replace("TEXT", "Första versionen.")})
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "generator.cli", "serve", "--source",
                             str(root), "--port", str(port), "--today", "2024-06-01"],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
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
    yield root, url
    proc.terminate()
    proc.wait(10)
    if proc.stdout is not None:
        proc.stdout.close()


def test_edit_break_and_fix_reach_the_open_tab(served: tuple[Path, str],
                                               browser: Browser) -> None:
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
        "content/ks.md:3: date: expected YYYY-MM-DD, got '14 maj 2024'", timeout=15000)
    source.write_text(MEETING.replace("TEXT", "Tredje versionen."))
    expect(page.locator("main")).to_contain_text("Tredje versionen.", timeout=15000)
    page.close()


def test_reload_script_only_in_serve_mode(served: tuple[Path, str]) -> None:
    root, url = served
    served_html = urllib.request.urlopen(url + "/").read().decode()
    assert "/__minutes/reload.js" in served_html
    assert "__minutes" not in (root / "_site/index.html").read_text()
