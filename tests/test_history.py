"""Git as the audit trail: every meeting page lists the commits that changed its file."""

from __future__ import annotations

import os
import subprocess
from datetime import date
from pathlib import Path

from click.testing import CliRunner

from generator.build.pipeline import BuildOptions, build
from generator.cli import main

from conftest import SiteFactory
from htmltools import page, texts

MEETING = "---\nbody: KS\ndate: 2024-05-14\nstatus: adjusted\n---\n## § 1 Budget\n\nTEXT\n"


def git(root: Path, *args: str, day: str = "2024-05-20T10:00:00+02:00") -> None:
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "Sekreterare",
        "GIT_AUTHOR_EMAIL": "s@example.org",
        "GIT_COMMITTER_NAME": "Sekreterare",
        "GIT_COMMITTER_EMAIL": "s@example.org",
        "GIT_AUTHOR_DATE": day,
        "GIT_COMMITTER_DATE": day,
    }
    subprocess.run(["git", "-C", str(root), *args], check=True, env=env, capture_output=True)


def head(root: Path) -> str:
    return subprocess.run(
        ["git", "-C", str(root), "rev-parse", "HEAD"], check=True, capture_output=True, text=True
    ).stdout.strip()


def two_commits(tmp_site: SiteFactory, toml: str, closed: str = "") -> tuple[Path, str, str]:
    """A site of two meetings whose first file is changed in a second commit."""
    root = tmp_site(
        {
            "content/ks.md": MEETING.replace("TEXT", "Första."),
            "content/other.md": MEETING.replace("2024-05-14", "2024-05-15"),
            **({"content/closed.md": closed} if closed else {}),
        },
        toml=toml,
    )
    git(root, "init", "-q")
    git(root, "add", ".")
    git(root, "commit", "-q", "-m", "Protokoll KS 2024-05-14")
    first = head(root)
    (root / "content/ks.md").write_text(MEETING.replace("TEXT", "Rättat efter justering."))
    if closed:
        (root / "content/closed.md").write_text(closed + "\nRättat.\n")
    git(
        root,
        "commit",
        "-q",
        "-am",
        "Rättelse av § 1 efter justering",
        day="2024-06-03T09:00:00+02:00",
    )
    return root, first, head(root)


def test_meeting_page_lists_its_revisions(tmp_site: SiteFactory) -> None:
    """Dates and links to the commits; the messages, free text typed by whoever committed,
    are not published unless the site asks for them."""
    root, first, second = two_commits(
        tmp_site,
        'title = "T"\nedit_url = "https://git.example.org/kommun/edit/main/"\n'
        'commit_url = "https://git.example.org/kommun/commit/"\n',
    )
    out = root / "_site"
    build(BuildOptions(source=root, output=out, search=False, today=date(2024, 7, 1)))
    html = page(out, "ks/2024-05-14/")
    history = texts(html, "section", "history")[0]
    assert "Senast ändrad: 3 juni 2024" in history
    revisions = texts(html, "ol", "revisions")[0]
    assert revisions == (f"3 juni 2024 (ändring {second[:7]}) 20 maj 2024 (ändring {first[:7]})")
    assert f'<a href="https://git.example.org/kommun/commit/{second}">ändring ' in html
    assert "Rättelse" not in html and "Protokoll KS 2024-05-14" not in html
    assert 'href="https://git.example.org/kommun/edit/main/content/ks.md"' in html
    other = texts(page(out, "ks/2024-05-15/"), "ol", "revisions")[0]
    assert other == f"20 maj 2024 (ändring {first[:7]})"


def test_commit_messages_are_shown_when_the_site_asks(tmp_site: SiteFactory) -> None:
    root, _, _ = two_commits(tmp_site, 'title = "T"\nrevision_messages = true\n')
    out = root / "_site"
    build(BuildOptions(source=root, output=out, search=False, today=date(2024, 7, 1)))
    revisions = texts(page(out, "ks/2024-05-14/"), "ol", "revisions")[0]
    assert revisions.index("Rättelse av § 1 efter justering") < revisions.index(
        "Protokoll KS 2024-05-14"
    )
    assert "<a " not in page(out, "ks/2024-05-14/").split('class="revisions"')[1].split("</ol>")[0]


def test_a_published_message_with_a_personal_identity_number_is_an_error(
    tmp_site: SiteFactory,
) -> None:
    root, _, _ = two_commits(tmp_site, 'title = "T"\nrevision_messages = true\n')
    (root / "content/ks.md").write_text(MEETING.replace("TEXT", "Tredje."))
    git(
        root,
        "commit",
        "-q",
        "-am",
        "Rättat namn för 19121212-1212",
        day="2024-06-04T09:00:00+02:00",
    )
    commit = head(root)[:7]
    done = CliRunner().invoke(main, ["build", "--source", str(root), "--no-search"])
    assert done.exit_code == 1
    assert (
        f"content/ks.md: commit {commit} (2024-06-04): its message holds '19121212-1212', "
        "which looks like a personal identity number"
    ) in done.output
    assert not (root / "_site").exists()
    (root / "site.toml").write_text('title = "T"\n')  # messages not shown: nothing to guard
    assert CliRunner().invoke(main, ["build", "--source", str(root), "--no-search"]).exit_code == 0
    assert "19121212" not in page(root / "_site", "ks/2024-05-14/")


def test_a_site_can_turn_the_revision_list_off(tmp_site: SiteFactory) -> None:
    root, _, _ = two_commits(tmp_site, 'title = "T"\nrevisions = false\n')
    out = root / "_site"
    build(BuildOptions(source=root, output=out, search=False, today=date(2024, 7, 1)))
    assert 'class="history"' not in page(out, "ks/2024-05-14/")


def test_a_closed_meeting_never_shows_revisions(tmp_site: SiteFactory) -> None:
    closed = (
        "---\nbody: KS\ndate: 2024-05-16\npublic: false\n---\n"
        "## § 1 Ansökan om bistånd\n\nHemligt.\n"
    )
    root, first, second = two_commits(tmp_site, 'title = "T"\nrevision_messages = true\n', closed)
    out = root / "_site"
    build(BuildOptions(source=root, output=out, search=False, today=date(2024, 7, 1)))
    html = page(out, "ks/2024-05-16/")
    assert 'class="history"' not in html and first[:7] not in html and second[:7] not in html
    assert "Rättelse" not in html


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
    root = tmp_site(
        {
            "content/ks.md": MEETING.replace("TEXT", "Första."),
            "content/other.md": MEETING.replace("2024-05-14", "2024-05-15"),
        }
    )
    git(root, "init", "-q")
    git(root, "add", ".")
    git(root, "commit", "-q", "-m", "Protokoll KS 2024-05-14")
    options = BuildOptions(source=root, output=root / "_site", search=False, today=date(2024, 7, 1))
    (root / "content/ks.md").write_text(MEETING.replace("TEXT", "Rättat efter justering."))
    build(options)
    git(root, "commit", "-q", "-am", "Rättelse av § 1", day="2024-06-03T09:00:00+02:00")
    result = build(options)
    assert result.rendered >= 1
    assert "3 juni 2024" in texts(page(root / "_site", "ks/2024-05-14/"), "ol", "revisions")[0]
    assert build(options).rendered == 0  # and then nothing more to do


def test_a_file_whose_name_has_swedish_letters_lists_its_revisions(tmp_site: SiteFactory) -> None:
    """git quotes such a name ("content/socialn\\303\\244mnden/...") unless told not to:
    the page listed no revisions at all."""
    root = tmp_site({"content/socialnämnden/2024/år ett.md": MEETING})
    git(root, "init", "-q")
    git(root, "add", ".")
    git(root, "commit", "-q", "-m", "Protokoll")
    out = root / "_site"
    build(BuildOptions(source=root, output=out, search=False, today=date(2024, 7, 1)))
    html = page(out, "ks/2024-05-14/")
    assert texts(html, "ol", "revisions")[0] == f"20 maj 2024 (ändring {head(root)[:7]})"


def test_a_message_of_a_commit_that_changed_a_closed_meeting_is_not_shown(
    tmp_site: SiteFactory,
) -> None:
    """The message may tell of the closed meeting; the open meeting's page showed it."""
    closed = "---\nbody: KS\ndate: 2024-05-16\npublic: false\n---\n## § 1 Bistånd\n"
    root, first, second = two_commits(tmp_site, 'title = "T"\nrevision_messages = true\n', closed)
    out = root / "_site"
    build(BuildOptions(source=root, output=out, search=False, today=date(2024, 7, 1)))
    revisions = texts(page(out, "ks/2024-05-14/"), "ol", "revisions")[0]
    assert revisions == f"3 juni 2024 (ändring {second[:7]}) 20 maj 2024 (ändring {first[:7]})"
    assert "Rättelse" not in revisions and "Protokoll KS" not in revisions
