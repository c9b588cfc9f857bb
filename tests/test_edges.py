"""Edges: addresses in site.toml and on the command line, file names in URLs, front matter
notes, labels and references, and how many warnings a clerk is shown."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from urllib.parse import unquote

import pytest
from click.testing import CliRunner

from generator.build.pipeline import BuildOptions, build
from generator.cli import main
from generator.content.errors import ContentError, grouped, kind_of
from generator.messages.front import Front
from generator.messages.text import Text

from conftest import SiteFactory, write_site
from htmltools import links, page, texts

# each its own § number: a body's numbers run on through the year
MEETING = "---\nbody: KS\ndate: 2024-05-{day:02d}\n{extra}---\n## § {day} Budget\n\nText.\n"


def meeting(day: int, extra: str = "") -> str:
    return MEETING.format(day=day, extra=extra)


@pytest.mark.parametrize(
    ("setting", "value"),
    [
        ("base_url", "/"),
        ("base_url", "protokoll/"),
        ("base_url", "javascript:alert(1)"),
        ("base_url", "https://kommun.se//evil.example/"),
        ("base_url", "https:///x/"),
        ("base_url", "https://kommun.se/\\\\evil.example/"),
        ("base_url", "ftp://kommun.se/"),
        ("edit_url", "javascript:alert(1)//"),
        ("edit_url", "/edit/"),
        ("commit_url", "data:text/html,x"),
    ],
)
def test_an_address_that_is_not_http_is_an_error(
    tmp_site: SiteFactory, setting: str, value: str
) -> None:
    root = tmp_site({"content/ks.md": meeting(14)}, toml=f'title = "T"\n{setting} = "{value}"\n')
    done = CliRunner().invoke(main, ["build", "--source", str(root), "--no-search"])
    assert done.exit_code == 1
    assert f"error: site.toml:2: {setting}: " in done.output and "http" in done.output
    assert not (root / "_site").exists()


@pytest.mark.parametrize("value", ["/", "//evil.example/", "https://kommun.se//x/", "x"])
def test_a_base_url_option_that_is_not_http_is_refused(tmp_site: SiteFactory, value: str) -> None:
    root = tmp_site({"content/ks.md": meeting(14)})
    done = CliRunner().invoke(main, ["build", "--source", str(root), "--base-url", value])
    assert done.exit_code == 2 and "--base-url" in done.output
    assert not (root / "_site").exists()


def test_serve_s_own_root_base_url_still_builds(tmp_site: SiteFactory) -> None:
    """``minutes serve`` builds with base_url '/' (not from site.toml nor --base-url)."""
    root = tmp_site(
        {"content/ks.md": meeting(14)},
        toml='title = "T"\nbase_url = "https://kommun.se/protokoll/"\n',
    )
    build(BuildOptions(source=root, base_url="/", search=False, today=date(2024, 6, 1)))
    assert 'href="/ks/2024-05-14/"' in page(root / "_site", "")


def test_attachment_links_and_access_urls_are_percent_encoded(tmp_site: SiteFactory) -> None:
    name = "files/Protokoll 2024 #1 ä?.pdf"
    root = tmp_site(
        {
            "content/ks.md": meeting(14, f'attachments:\n  - {{title: Bilaga, file: "{name}"}}\n'),
            f"content/{name}": b"%PDF-1.4\n",
        },
        toml='title = "T"\nbase_url = "https://kommun.se/p/"\n',
    )
    out = root / "_site"
    build(BuildOptions(source=root, output=out, search=False, today=date(2024, 6, 1)))
    encoded = "/p/files/Protokoll%202024%20%231%20%C3%A4%3F.pdf"
    assert encoded in links(page(out, "ks/2024-05-14/"))
    assert (out / unquote(encoded).removeprefix("/p/")).read_bytes() == b"%PDF-1.4\n"
    (year,) = (out / "oparl").rglob("meetings-2024.json")
    (oparl,) = json.loads(year.read_text())["data"]
    assert oparl["auxiliaryFile"][0]["accessUrl"] == "https://kommun.se" + encoded


def test_warnings_are_grouped_by_kind_with_a_summary(tmp_site: SiteFactory, tmp_path: Path) -> None:
    """Five files with the same warning and one with another: the first three of a kind
    with their place, then how many more; all with --verbose; one line to end with."""
    files = {
        f"content/ks{d}.md": meeting(
            d,
            "status: adjusted\nposted: 2024-05-20\n"
            "adjusters: [A]\nadjusted: 2024-05-19\n"
            "colour: blue\n",
        )
        for d in range(10, 15)
    }
    files["content/other.md"] = meeting(20, "attendees: [Bo Berg]\nabsent: [Bo Berg]\n")
    root = tmp_site(files, toml='title = "T"\nnotice_place = "Kansliet"\n')
    checked = CliRunner().invoke(main, ["check", "--source", str(root)])
    assert checked.exit_code == 0
    lines = checked.output.strip().split("\n")
    assert lines == [
        f"content/ks10.md:8: warning: {Front.KEY_UNKNOWN(key='colour')}",
        f"content/ks11.md:8: warning: {Front.KEY_UNKNOWN(key='colour')}",
        f"content/ks12.md:8: warning: {Front.KEY_UNKNOWN(key='colour')}",
        "  ... and 2 more like this (--verbose lists them all)",
        "content/other.md:5: warning: absent: Bo Berg is also listed in attendees; a member "
        "who came late or left early is an attendee with from: or until:",
        "No errors, 6 warnings (errors with --strict).",
    ]
    assert "No errors, no warnings" not in checked.output
    verbose = CliRunner().invoke(main, ["check", "--source", str(root), "--verbose"])
    assert verbose.output.count("colour: unknown key") == 5 and "more like this" not in (
        verbose.output
    )
    strict = CliRunner().invoke(main, ["check", "--source", str(root), "--strict"])
    assert strict.exit_code == 1
    assert strict.output.strip().split("\n")[-1] == (
        "0 errors, 6 warnings: --strict counts the warnings as errors."
    )
    built = CliRunner().invoke(
        main, ["build", "--source", str(root), "--no-search", "--today", "2024-06-01"]
    )
    assert built.exit_code == 0 and "  ... and 2 more like this" in built.output
    assert (
        built.output.strip()
        .split("\n")[-1]
        .endswith("No errors, 6 warnings (errors with --strict).")
    )
    clean = write_site(tmp_path / "clean", {"content/ks10.md": meeting(10)})
    assert (
        CliRunner().invoke(main, ["check", "--source", str(clean)]).output
        == "No errors, no warnings.\n"
    )


def test_kind_is_the_message_and_the_key_it_is_about() -> None:
    a = ContentError("a.md", 3, Front.DATE_FORMAT(key="date", got="26 maj 2020"), "warning")
    b = ContentError("b.md", 9, Front.DATE_FORMAT(key="date", got="1 juni"), "warning")
    c = ContentError("c.md", 1, Text.LINK_NO_SUCH_FILE(target="../x/y.md"), "warning")
    d = ContentError("d.md", 2, Text.LINK_NO_SUCH_FILE(target="z.md"), "warning")
    e = ContentError("e.md", 4, Front.DATE_FORMAT(key="adjusted", got="x"), "warning")
    f = ContentError("f.md", 5, Front.DATE_FORMAT(key="adjusted", got="y z"), "warning")
    assert kind_of(a) == kind_of(b) and kind_of(c) == kind_of(d) and kind_of(e) == kind_of(f)
    assert kind_of(a) != kind_of(e)  # the same message about another key: another kind
    assert kind_of(a) != kind_of(ContentError("a.md", 3, a.said, "error"))
    assert [len(g) for g in grouped([a, c, b, e, d, f])] == [2, 2, 2]


def test_labels_and_references_are_checked(tmp_site: SiteFactory) -> None:
    root = tmp_site(
        {
            "content/a.md": meeting(10, "labels: {chairman: Ordf}\n"),
            "content/b.md": meeting(11, "labels: Ordförande\n"),
            "content/c.md": meeting(12, "references: [{body: HSN}]\n"),
            "content/d.md": meeting(
                13, "references: [{body: HSN, date: 2024-05-01, case: K 1, in: p9}]\n"
            ),
            "content/e.md": meeting(14, "references: [{body: HSN, date: 2024-05-01}]\n"),
        }
    )
    done = CliRunner().invoke(main, ["check", "--source", str(root), "--verbose"])
    assert done.exit_code == 1
    out = done.output
    assert (
        "content/a.md:4: labels: 'chairman' has no label to set; labels can be given "
        "for chair, secretary, adjusters, attendees, absent, officials" in out
    )
    assert "content/b.md:4: labels: expected one line per list" in out
    assert "content/c.md:4: references: cannot read {'body': 'HSN'}; write body: and date:" in out
    assert (
        "content/d.md:4: warning: references: in: no item with the anchor #p9 in this file" in out
    )
    assert "content/e.md:4: warning: references: HSN 2024-05-01: no case number" in out


def test_a_reference_takes_the_case_of_the_item_that_mentions_it(tmp_site: SiteFactory) -> None:
    """The mention is an entry of the item's case: beside the case number on the item (a
    case handled once, with a mention, needs no page); on the case's page once two more
    handlings come, where it belongs in time, as a reference to where it is mentioned."""
    mentions = (
        "---\nbody: KS\ndate: 2024-05-14\nreferences:\n"
        "  - {body: Byggnadsnämnden, date: 2024-04-02, item: § 7, in: p1}\n---\n"
        '## § 1 Bygglov {#p1 case="KS 2024/9"}\n\nByggnadsnämnden behandlade ärendet '
        "2024-04-02 § 7.\n"
    )
    root = tmp_site({"content/ks.md": mentions})
    out = root / "_site"
    build(BuildOptions(source=root, output=out, search=False, today=date(2024, 6, 1)))
    assert texts(page(out, "ks/2024-05-14/"), "p", "case") == [
        "Diarienummer: KS 2024/9 (se även Byggnadsnämnden, 2 april 2024, § 7: protokollet "
        "publiceras inte här)"
    ]
    assert not (out / "arenden").exists()
    again = "---\nbody: KS\ndate: 2024-05-{day}\n---\n" + (
        '## § 1 Bygglov {{#p1 case="KS 2024/9"}}\n\nÅter.\n'
    )
    root = tmp_site(
        {"content/ks2.md": again.format(day=20), "content/ks3.md": again.format(day=28)}
    )
    build(BuildOptions(source=root, output=out, search=False, today=date(2024, 6, 1)))
    html = page(out, "arenden/ks-2024-9/")
    entries = texts(html, "ol", "case-entries")[0]
    assert entries.startswith(
        "Byggnadsnämnden, 2 april 2024, § 7 Protokollet publiceras "
        "inte här. Behandlingen nämns i KS, 14 maj 2024, § 1."
    )
    assert [h for h in links(html.split('"case-entries"')[1].split("</ol>")[0])] == [
        "/ks/2024-05-14/#p1",
        "/ks/2024-05-14/#p1",
        "/ks/2024-05-14/#utdrag-p1",  # each handling's extract
        "/ks/2024-05-20/#p1",
        "/ks/2024-05-20/#utdrag-p1",
        "/ks/2024-05-28/#p1",
        "/ks/2024-05-28/#utdrag-p1",
    ]
    assert 'href="/arenden/ks-2024-9/">KS 2024/9</a>' in page(out, "ks/2024-05-14/")
    assert not (out / "byggnadsnamnden").exists()
    assert "Byggnadsnämnden" not in page(out, "")  # not a body of the site


def test_a_failed_build_counts_its_warnings_as_check_does(tmp_site: SiteFactory) -> None:
    """A build stopped by an error printed '1 error(s) and 0 warning(s).' over a site with a
    warning: the summary line said there was none, where `check` counts it."""
    root = tmp_site(
        {
            "content/a.md": "---\nbody: KS\ndate: 2024-01-10\ncolour: red\n---\n## § 1 A\n",
            "content/b.md": "---\nbody: KS\ndate: 2024-13-01\n---\n## § 1 A\n",
        }
    )
    built = CliRunner().invoke(main, ["build", "--source", str(root), "--no-search"])
    checked = CliRunner().invoke(main, ["check", "--source", str(root)])
    assert "1 error, 1 warning." in checked.output
    assert "1 error, 1 warning." in built.output, built.output


def test_the_edit_link_names_the_file_percent_encoded(tmp_site: SiteFactory) -> None:
    """A file name with a space, '#', '?' or '%' made an edit link to another address (the
    rest of the name became the fragment or the query)."""
    root = tmp_site(
        {"content/ks/möte 1#x?y%z.md": "---\nbody: KS\ndate: 2024-03-01\n---\n## § 1 A\n"},
        toml='title = "T"\nedit_url = "https://git.example.org/o/r/edit/main/"\n',
    )
    build(BuildOptions(source=root, output=root / "_site", search=False, today=date(2024, 6, 1)))
    edit = "https://git.example.org/o/r/edit/main/content/ks/m%C3%B6te%201%23x%3Fy%25z.md"
    assert edit in links(page(root / "_site", "ks/2024-03-01/"))
    assert unquote(edit).endswith("content/ks/möte 1#x?y%z.md")


@pytest.mark.parametrize("epoch", ["abc", "1.5e9", "99999999999999"])
def test_a_source_date_epoch_that_cannot_be_read_is_said(
    tmp_site: SiteFactory, epoch: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """It was ignored (the clock gave the build's date, which decides what is upcoming and
    on the notice board) or, too large, a traceback."""
    root = tmp_site({"content/a.md": "---\nbody: KS\ndate: 2024-01-10\n---\n## § 1 A\n"})
    monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch)
    result = CliRunner().invoke(main, ["build", "--source", str(root), "--no-search"])
    assert result.exit_code == 2 and isinstance(result.exception, SystemExit), result.output
    assert "SOURCE_DATE_EPOCH: expected the build's time in whole seconds" in result.output
    assert not (root / "_site").exists()
