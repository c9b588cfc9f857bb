"""Whole builds of small sites: statuses, permalinks, themes, sub-paths, languages, CLI."""

from __future__ import annotations

import hashlib
import re
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.build.pipeline import BuildOptions, build
from generator.cli import main
from generator.content.errors import BuildFailed

from conftest import SiteFactory
from htmltools import links, page, texts

MEETING = """\
---
body: {body}
date: {date}
status: {status}
---

## § 1 Ärende {date}

::: decision
Beslut {date}.
:::
"""


def meeting(
    body: str = "Kommunstyrelsen", day: str = "2024-05-14", status: str = "published"
) -> str:
    return MEETING.format(body=body, date=day, status=status)


def snapshot(folder: Path) -> dict[str, tuple[str, int]]:
    """Every file's hash and mtime (ns) under ``folder``."""
    return {
        p.relative_to(folder).as_posix(): (
            hashlib.sha256(p.read_bytes()).hexdigest(),
            p.stat().st_mtime_ns,
        )
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def quick_build(root: Path, **options: object) -> Path:
    out = root / "_site"
    build(BuildOptions(source=root, output=out, search=False, today=date(2024, 6, 1), **options))  # type: ignore[arg-type]
    return out


def test_drafts_are_published_only_with_flag(tmp_site: SiteFactory) -> None:
    root = tmp_site(
        {
            "content/ks/a.md": meeting(day="2024-05-14", status="draft"),
            "content/ks/b.md": meeting(day="2024-05-20"),
        }
    )
    out = quick_build(root)
    assert not (out / "kommunstyrelsen/2024-05-14").exists()
    assert "Beslut 2024-05-14" not in page(out, "beslut/2024/")
    out = quick_build(root, drafts=True)
    assert (out / "kommunstyrelsen/2024-05-14/index.html").exists()


def test_planned_meeting_is_upcoming_without_text(tmp_site: SiteFactory) -> None:
    root = tmp_site(
        {
            "content/ks/next.md": meeting(day="2024-09-01", status="planned")
            + "\nUnderlag som inte ska synas.\n"
        }
    )
    out = quick_build(root)
    home = page(out, "")
    assert "Kommande sammanträden" in home and "/kommunstyrelsen/2024-09-01/" in links(home)
    html = page(out, "kommunstyrelsen/2024-09-01/")
    assert "Ärende 2024-09-01" in html and "Kallelse" in html
    assert "Underlag" not in html and "Beslut 2024-09-01" not in html
    assert not (out / "beslut/2024").exists()


def test_permalinks_transliterate_and_tell_same_day_documents_apart(tmp_site: SiteFactory) -> None:
    root = tmp_site(
        {
            "content/an/2024-05-14.md": meeting(body="Äldrenämnden"),
            "content/an/2024-05-14-2.md": meeting(body="Äldrenämnden"),
            "content/an/extra.md": meeting(body="Äldrenämnden"),
        }
    )
    out = quick_build(root)
    for path in (
        "aldrenamnden/2024-05-14/",
        "aldrenamnden/2024-05-14-2/",
        "aldrenamnden/2024-05-14-extra/",
    ):
        assert (out / path / "index.html").is_file(), path
    first = page(out, "aldrenamnden/2024-05-14/")
    assert "Äldrenämnden 2024-05-14" in first


def test_several_organisations_put_the_organisation_in_urls(tmp_site: SiteFactory) -> None:
    root = tmp_site(
        {
            "content/a.md": meeting().replace("status:", "organisation: Region Halland\nstatus:"),
            "content/b.md": meeting().replace("status:", "organisation: Region Skåne\nstatus:"),
        }
    )
    out = quick_build(root)
    assert (out / "region-halland/kommunstyrelsen/2024-05-14/index.html").is_file()
    assert (out / "region-skane/kommunstyrelsen/2024-05-14/index.html").is_file()


def test_notice_facts_on_adjusted_minutes(tmp_site: SiteFactory) -> None:
    root = tmp_site(
        {
            "content/rs.md": """\
        ---
        body: Regionstyrelsen
        date: 2020-05-26
        status: adjusted
        adjusters: [Robert Hamberg (M), Jonas Andersson (S)]
        adjusted: 2020-05-28
        posted: 2020-05-29
        ---
        ## § 1 A
        """
        }
    )
    html = page(quick_build(root), "regionstyrelsen/2020-05-26/")
    notice = texts(html, "section", "notice")[0]
    assert "Justerat 28 maj 2020" in notice
    assert "Anslaget 29 maj 2020" in notice
    # 29 May + 21 days is midsommarafton 2020 (a Friday): the period runs to Monday
    assert "Anslaget tas ned 22 juni 2020" in notice
    assert "Sista dag att överklaga 22 juni 2020" in notice
    assert "Robert Hamberg (M), Jonas Andersson (S)" in texts(html, "dl", "facts")[0]


def test_site_theme_shadows_default_file_by_file(tmp_site: SiteFactory) -> None:
    root = tmp_site(
        {
            "content/ks.md": meeting(),
            "themes/default/templates/home.html": (
                '{% extends "base.html" %}{% block main %}<h1>Egen start</h1>{% endblock %}'
            ),
        }
    )
    out = quick_build(root)
    assert "<h1>Egen start</h1>" in page(out, "")
    assert "Ärendelista" in page(out, "kommunstyrelsen/2024-05-14/")  # default meeting page


def test_named_theme_in_site_toml(tmp_site: SiteFactory) -> None:
    root = tmp_site(
        {"content/ks.md": meeting(), "themes/egen/static/style.css": "body { color: red }"},
        toml='title = "T"\ntheme = "egen"\n',
    )
    out = quick_build(root)
    assert (out / "static/style.css").read_text() == "body { color: red }"


def test_sub_path_base_url_keeps_every_link_inside(tmp_site: SiteFactory) -> None:
    root = tmp_site(
        {
            "content/ks/a.md": meeting() + "\n[Nästa](b.md#p1)\n",
            "content/ks/b.md": meeting(day="2024-06-01"),
            "content/files/x.pdf": b"%PDF",
            "content/pages/om.md": "---\ntitle: Om\n---\nText\n",
        }
    )
    out = quick_build(root, base_url="https://kommun.se/protokoll/")
    checked = 0
    for file in out.rglob("*.html"):
        for href in links(file.read_text()):
            if href.startswith("#"):
                continue
            assert href.startswith("/protokoll/"), (file, href)
            target = out / href.removeprefix("/protokoll/").split("#")[0]
            assert target.is_file() or (target / "index.html").is_file(), (file, href)
            checked += 1
    assert checked > 20
    assert "/protokoll/kommunstyrelsen/2024-06-01/#p1" in links(
        page(out, "kommunstyrelsen/2024-05-14/")
    )


def test_english_site(tmp_site: SiteFactory) -> None:
    root = tmp_site(
        {"content/c.md": meeting(body="Steering Council")},
        toml='title = "Council"\nlanguage = "en"\n',
    )
    out = quick_build(root)
    html = page(out, "steering-council/2024-05-14/")
    assert html.startswith('<!DOCTYPE html>\n<html lang="en">')
    assert "Agenda" in html and "14 May 2024" in html
    assert (out / "decisions/2024/index.html").is_file()
    assert (out / "search/index.html").is_file()


def test_attachments_are_copied_and_linked(tmp_site: SiteFactory) -> None:
    root = tmp_site(
        {
            "content/ks.md": meeting().replace(
                "status:", "attachments:\n  - {title: Bilaga, file: files/b.pdf}\nstatus:"
            ),
            "content/files/b.pdf": b"%PDF-1.4 bilaga",
        }
    )
    out = quick_build(root)
    assert (out / "files/b.pdf").read_bytes() == b"%PDF-1.4 bilaga"
    assert "/files/b.pdf" in links(page(out, "kommunstyrelsen/2024-05-14/"))


def test_broken_link_is_warning_and_error_when_strict(tmp_site: SiteFactory) -> None:
    root = tmp_site({"content/ks.md": meeting() + "\n[x](saknas.md) [y](ks.md#p9)\n"})
    quick_build(root)
    with pytest.raises(BuildFailed) as failed:
        quick_build(root, strict=True)
    assert [str(p) for p in failed.value.problems] == [
        "content/ks.md:13: warning: link to ks.md#p9: no item there has the anchor #p9"
        " (the {#...} after its heading, or p and its number)",
        "content/ks.md:13: warning: link to saknas.md: no such file in content/; check the path, "
        "counted from this file",
    ]


def test_failed_build_leaves_previous_output_untouched(tmp_site: SiteFactory) -> None:
    root = tmp_site({"content/ks.md": meeting()})
    out = quick_build(root)
    before = snapshot(out)
    (root / "content/bad.md").write_text("---\nbody: X\ndate: 26 maj 2020\n---\n")
    (root / "content/bad2.md").write_text("---\nbody: X\ndate: 2020-01-01\nstatus: klar\n---\n")
    with pytest.raises(BuildFailed) as failed:
        quick_build(root)
    assert [str(p) for p in failed.value.problems] == [
        "content/bad.md:3: date: expected YYYY-MM-DD, got '26 maj 2020'",
        "content/bad2.md:4: status: expected one of planned, draft, adjusted, published, "
        "got 'klar'",
    ]
    assert snapshot(out) == before
    assert sorted(p.name for p in out.parent.iterdir() if p.name.startswith(".")) == [
        "._site.lock",
        ".minutes-cache",
    ]  # no staging or patch folder left behind


def test_rebuild_keeps_unchanged_files(tmp_site: SiteFactory) -> None:
    root = tmp_site({"content/ks.md": meeting(), "content/ks2.md": meeting(day="2024-05-20")})
    out = quick_build(root)
    before = snapshot(out)
    (root / "content/ks2.md").unlink()
    out = quick_build(root)
    after = snapshot(out)
    assert "kommunstyrelsen/2024-05-20/index.html" not in after
    page_path = "kommunstyrelsen/2024-05-14/index.html"
    assert after[page_path] == before[page_path]  # same bytes, same mtime


def test_cli_build_check_and_exit_codes(tmp_site: SiteFactory) -> None:
    root = tmp_site({"content/ks.md": meeting()})
    runner = CliRunner()
    ok = runner.invoke(main, ["build", "--source", str(root), "--no-search"])
    assert ok.exit_code == 0, ok.output
    assert "Built 1 meeting," in ok.output
    out = root / "_site"
    before = snapshot(out)
    (root / "content/ks.md").write_text(meeting().replace("2024-05-14", "14 maj 2024", 1))
    bad = runner.invoke(main, ["build", "--source", str(root), "--no-search"])
    assert bad.exit_code == 1
    assert "content/ks.md:3: date: expected YYYY-MM-DD, got '14 maj 2024'" in bad.output
    assert snapshot(out) == before
    checked = runner.invoke(main, ["check", "--source", str(root)])
    assert checked.exit_code == 1 and "content/ks.md:3: date:" in checked.output
    assert snapshot(out) == before
    usage = runner.invoke(main, ["build", "--today", "igår"])
    assert usage.exit_code == 2


def test_template_error_names_file_and_line(tmp_site: SiteFactory) -> None:
    root = tmp_site(
        {
            "content/ks.md": meeting(),
            "themes/default/templates/page.html": "{% extends 'base.html' %}\n"
            "{% block main %}{{ nope.x }}{% endblock %}",
            "content/pages/om.md": "# Om\n",
        }
    )
    runner = CliRunner()
    result = runner.invoke(main, ["build", "--source", str(root), "--no-search"])
    assert result.exit_code == 1
    assert (
        "themes/default/templates/page.html:2: the theme's template could not be used: 'nope' "
        "is undefined" in result.output
    )
    assert not (root / "_site").exists()


def test_check_writes_nothing(tmp_site: SiteFactory) -> None:
    root = tmp_site({"content/ks.md": meeting()})
    result = CliRunner().invoke(main, ["check", "--source", str(root)])
    assert result.exit_code == 0, result.output
    assert not (root / "_site").exists()


def test_bad_site_toml_is_reported(tmp_site: SiteFactory) -> None:
    root = tmp_site({"content/ks.md": meeting()}, toml='language = "fi"\n')
    result = CliRunner().invoke(main, ["build", "--source", str(root), "--no-search"])
    assert result.exit_code == 1
    assert "language: expected one of sv, en, got 'fi'" in result.output


def test_every_language_has_every_ui_string() -> None:
    from generator.pages.i18n import STRINGS
    from generator.site.urls import PATHS

    assert set(STRINGS["sv"]) == set(STRINGS["en"])
    assert set(PATHS["sv"]) == set(PATHS["en"])


def test_the_summary_says_what_the_output_costs_a_host(tmp_site: SiteFactory) -> None:
    """Bytes and files and folders, in all and per meeting, exactly what a host counts; a
    build with nothing to do says the same from its record, and after an edit the new one."""
    root = tmp_site({"content/ks.md": meeting(), "content/ks2.md": meeting(day="2024-05-20")})
    out = root / "_site"

    def said() -> tuple[int, int, float]:
        result = CliRunner().invoke(main, ["build", "--source", str(root), "--no-search"])
        assert result.exit_code == 0, result.output
        found = re.search(
            r"→ \S+ \((\S+) (\S+) in ([\d,]+) files and folders: (\S+) (\S+) and ([\d.]+) "
            r"files and folders per meeting\)\.",
            result.output,
        )
        assert found, result.output
        return human_to_bytes(found[1], found[2]), int(found[3].replace(",", "")), float(found[6])

    def counted() -> tuple[int, int]:
        every = list(out.rglob("*"))
        return sum(p.stat().st_size for p in every if p.is_file()), len(every)

    size, entries, per = said()
    real_size, real_entries = counted()
    assert entries == real_entries and per == round(entries / 2, 1)
    assert abs(size - real_size) <= real_size / 200  # shown to three digits ('83.4 KB')
    assert said() == (size, entries, per)  # nothing to do: the recorded figure
    (root / "content/ks2.md").write_text(meeting(day="2024-05-20") + "\nMer text. " * 900)
    size, entries, per = said()
    assert (entries, abs(size - counted()[0]) <= counted()[0] / 200) == (counted()[1], True)
    assert size > real_size + 5000


def human_to_bytes(number: str, unit: str) -> int:
    return round(float(number) * {"bytes": 1, "KB": 1000, "MB": 1000**2}[unit])
