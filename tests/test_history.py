"""Git as the audit trail: every meeting page lists the commits that changed its file."""

from __future__ import annotations

import os
import subprocess
from datetime import date
from pathlib import Path

from generator.build import BuildOptions, build

from conftest import SiteFactory
from htmltools import page, texts

MEETING = "---\nbody: KS\ndate: 2024-05-14\nstatus: adjusted\n---\n## § 1 Budget\n\nTEXT\n"


def git(root: Path, *args: str, day: str = "2024-05-20T10:00:00+02:00") -> None:
    env = {**os.environ, "GIT_AUTHOR_NAME": "Sekreterare", "GIT_AUTHOR_EMAIL": "s@example.org",
           "GIT_COMMITTER_NAME": "Sekreterare", "GIT_COMMITTER_EMAIL": "s@example.org",
           "GIT_AUTHOR_DATE": day, "GIT_COMMITTER_DATE": day}
    subprocess.run(["git", "-C", str(root), *args], check=True, env=env, capture_output=True)


def test_meeting_page_lists_its_revisions(tmp_site: SiteFactory) -> None:
    root = tmp_site({"content/ks.md": MEETING.replace("TEXT", "Första."),
                     "content/other.md": MEETING.replace("2024-05-14", "2024-05-15")},
                    toml='title = "T"\nedit_url = "https://git.example.org/kommun/edit/main/"\n')
    git(root, "init", "-q")
    git(root, "add", ".")
    git(root, "commit", "-q", "-m", "Protokoll KS 2024-05-14")
    (root / "content/ks.md").write_text(MEETING.replace("TEXT", "Rättat efter justering."))
    git(root, "commit", "-q", "-am", "Rättelse av § 1 efter justering",
        day="2024-06-03T09:00:00+02:00")
    out = root / "_site"
    build(BuildOptions(source=root, output=out, search=False, today=date(2024, 7, 1)))
    html = page(out, "ks/2024-05-14/")
    history = texts(html, "section", "history")[0]
    assert "Senast ändrad: 3 juni 2024" in history
    revisions = texts(html, "ol", "revisions")[0]
    assert revisions.index("Rättelse av § 1 efter justering") < revisions.index(
        "Protokoll KS 2024-05-14")
    assert 'href="https://git.example.org/kommun/edit/main/content/ks.md"' in html
    other = texts(page(out, "ks/2024-05-15/"), "ol", "revisions")[0]
    assert "Rättelse" not in other and "Protokoll KS 2024-05-14" in other


def test_outside_git_there_is_no_history(tmp_site: SiteFactory) -> None:
    root = tmp_site({"content/ks.md": MEETING})
    out = root / "_site"
    env = os.environ.copy()
    os.environ["GIT_CEILING_DIRECTORIES"] = str(root.parent)  # do not find an outer checkout
    try:
        build(BuildOptions(source=root, output=out, search=False, today=date(2024, 7, 1)))
    finally:
        os.environ.clear()
        os.environ.update(env)
    html = page(out, "ks/2024-05-14/")
    assert 'class="history"' not in html
    assert "Budget" in html


def test_committing_built_files_updates_their_revisions(tmp_site: SiteFactory) -> None:
    """Edit, build, then commit: no file changed since the build, but the page must now
    list the commit (the build's no-op check looks at git too)."""
    root = tmp_site({"content/ks.md": MEETING.replace("TEXT", "Första."),
                     "content/other.md": MEETING.replace("2024-05-14", "2024-05-15")})
    git(root, "init", "-q")
    git(root, "add", ".")
    git(root, "commit", "-q", "-m", "Protokoll KS 2024-05-14")
    options = BuildOptions(source=root, output=root / "_site", search=False,
                           today=date(2024, 7, 1))
    (root / "content/ks.md").write_text(MEETING.replace("TEXT", "Rättat efter justering."))
    build(options)
    git(root, "commit", "-q", "-am", "Rättelse av § 1", day="2024-06-03T09:00:00+02:00")
    result = build(options)
    assert result.rendered >= 1
    assert "Rättelse av § 1" in texts(page(root / "_site", "ks/2024-05-14/"), "ol",
                                      "revisions")[0]
    assert build(options).rendered == 0  # and then nothing more to do
