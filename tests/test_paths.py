"""Every output path is decided in one place (generator/site/paths.py) and claimed once: a
plain page or an attachment on a path the site uses is an error at its file, never a file
written twice; documents of one body and day, people and organisations whose names slug
alike all get distinct URLs; the URLs of the example site and the shared corpus stay put
(they are published permalinks)."""

from __future__ import annotations

import gzip
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from generator.build import outfolder
from generator.build.pipeline import BuildOptions, build, check
from generator.content.errors import BuildFailed, Problems
from generator.site.paths import (
    MARKER,
    Claimant,
    Claims,
    Reserved,
    body_paths,
    distinct_keys,
    meeting_paths,
)

from conftest import DATA, REPO, SiteFactory, write_site

MEETING = """\
---
body: {body}
date: {date}
status: published
{extra}---

## § 1 Ärende

Text.
"""


def meeting(body: str = "Kommunstyrelsen", day: str = "2024-05-14", extra: str = "") -> str:
    return MEETING.format(body=body, date=day, extra=extra)


def files_of(folder: Path) -> set[str]:
    """Every output file but the search index's."""
    return {
        p.relative_to(folder).as_posix()
        for p in folder.rglob("*")
        if p.is_file() and p.relative_to(folder).parts[0] != "pagefind"
    }


def refused(root: Path) -> list[str]:
    """The errors a build stops with (it must stop), as 'file:line: message'; check says
    the same."""
    with pytest.raises(BuildFailed) as failed:
        build(BuildOptions(source=root, search=False, today=date(2024, 6, 1)))
    errors = [f"{e.path}:{e.line}: {e.message}" for e in failed.value.problems]
    checked = sorted((e.path, e.line, e.message) for e in check(BuildOptions(root)).errors)
    assert [f"{path}:{line}: {message}" for path, line, message in checked] == errors
    assert not (root / "_site").exists()
    return errors


# The book of claims


class Who:
    """A claim in a test."""

    def __init__(self, what: str, group: str = "", movable: str = "", source: str = "") -> None:
        self.what, self.group, self.movable, self.source = what, group, movable, source

    def claimant(self) -> Claimant:
        return Claimant(
            self.what, "/" + self.what, self.source, 1 if self.source else 0, self.movable
        )


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("feed.xml", "feed.xml"),  # one file twice
        ("feed.xml", "feed.xml/index.html"),  # a file, then a page in a folder of its name
        ("feed.xml/index.html", "feed.xml"),  # the page first
        ("a/b/index.html", "a/b"),  # deeper
        ("a/b", "a/b/c/d/index.html"),
    ],
)
def test_a_path_is_claimed_once_as_a_file_or_as_a_folder(first: str, second: str) -> None:
    problems = Problems()
    claims = Claims(problems)
    assert claims.claim(first, Who("first"))
    assert not claims.claim(second, Who("second"))
    (error,) = problems.errors
    assert "first" in error.message and "second" in error.message


def test_paths_that_only_share_a_folder_are_both_claimed() -> None:
    problems = Problems()
    claims = Claims(problems)
    for path in ("ks/index.html", "ks/feed.xml", "ks/2024-05-14/index.html", "ksx/index.html"):
        assert claims.claim(path, Who(path))
    assert not problems.items


def test_a_reserved_folder_takes_only_its_own_groups_files() -> None:
    problems = Problems()
    claims = Claims(problems)
    claims.reserve("oparl", Reserved(Claimant("the open data export", "/oparl/"), "oparl"))
    assert claims.claim("oparl/system.json", Who("system", group="oparl"))
    assert not claims.claim("oparl/x.pdf", Who("x", movable="attachment", source="content/m.md"))
    assert not claims.claim("oparl", Who("a file named so", group="oparl"))
    assert [e.path for e in problems.errors] == ["content/m.md", "site.toml"]


def test_the_clerks_file_gives_way_whichever_came_first() -> None:
    """A collision is reported at the plain page or attachment (the clerk renames it), not at
    what the build makes, in whichever order they were claimed."""
    for order in ((0, 1), (1, 0)):
        problems = Problems()
        claims = Claims(problems)
        built = ("feed.xml", Who("the site-wide Atom feed"))
        page = ("feed.xml/index.html", Who("page", movable="page", source="content/pages/p.md"))
        for n in order:
            path, who = (built, page)[n]
            claims.claim(path, who)
        (error,) = problems.errors
        assert (error.path, error.line) == ("content/pages/p.md", 1)
        assert "the site-wide Atom feed" in error.message


def test_the_output_marker_is_the_one_the_output_folder_writes() -> None:
    assert MARKER == outfolder.MARKER


def test_people_and_organisations_whose_names_slug_alike_get_distinct_keys() -> None:
    keys = distinct_keys(["Åsa Öberg (S)", "Asa Oberg (M)", "Region Halland", "Region-Halland"])
    assert len(set(keys.values())) == 4
    assert keys["Asa Oberg (M)"] == "asa-oberg-m"  # alone in its slug: the plain one
    assert distinct_keys(["Åsa Öberg", "Asa Oberg", "Asa Oberg 2"]) == {
        "Asa Oberg": "asa-oberg",
        "Asa Oberg 2": "asa-oberg-2",  # its own slug, never another name's number
        "Åsa Öberg": "asa-oberg-3",
    }


def test_bodies_and_organisations_keep_out_of_the_sites_own_folders() -> None:
    folders = body_paths(
        [("", "Oparl"), ("", "Static"), ("Beslut", "Kommunstyrelsen"), ("", "Kommunstyrelsen")],
        taken=("beslut", "arkiv"),
    )
    assert folders == {
        ("", "Oparl"): "oparl-2",
        ("", "Static"): "static-2",
        ("Beslut", "Kommunstyrelsen"): "beslut-2/kommunstyrelsen",
        ("", "Kommunstyrelsen"): "kommunstyrelsen",
    }


def test_documents_of_one_body_and_day_get_distinct_paths() -> None:
    paths = meeting_paths(
        [
            ("content/ks/a/2024-05-14.md", "ks", "2024-05-14"),
            ("content/ks/b/2024-05-14.md", "ks", "2024-05-14"),
            ("content/ks/c/2024-05-14-2.md", "ks", "2024-05-14"),
            ("content/ks/d/2024-05-14.md", "ks", "2024-05-14"),
        ],
        closed={"content/ks/d/2024-05-14.md"},
    )
    assert len(set(paths.values())) == 4
    assert paths["content/ks/a/2024-05-14.md"] == "ks/2024-05-14/"


# Whole builds


def test_two_meeting_files_of_one_body_and_day_in_two_folders_are_both_published(
    tmp_site: SiteFactory,
) -> None:
    root = tmp_site(
        {
            "content/ks/a/2024-05-14.md": meeting().replace("Text.", "Första."),
            "content/ks/b/2024-05-14.md": meeting().replace("Text.", "Andra."),
        }
    )
    build(BuildOptions(source=root, search=False, today=date(2024, 6, 1)))
    first = (root / "_site/kommunstyrelsen/2024-05-14/index.html").read_text()
    second = (root / "_site/kommunstyrelsen/2024-05-14-2/index.html").read_text()
    assert "Första." in first and "Andra." in second


@pytest.mark.parametrize(
    ("name", "used_by"),
    [
        ("feed.xml", "the site-wide Atom feed (/feed.xml)"),
        ("sitemap.xml", "the sitemap (/sitemap.xml)"),
        ("404.html", "the page shown for an address that does not exist (/404.html)"),
        ("oparl", "the open data export (/oparl/)"),
        ("static", "the theme's files (/static/)"),
        ("pagefind", "the search index (/pagefind/)"),
        ("sok", "the search page (/sok/)"),
        ("kommunstyrelsen", "the page of the body Kommunstyrelsen (/kommunstyrelsen/)"),
    ],
)
def test_a_plain_page_on_a_path_the_site_uses_is_refused_at_its_file(
    tmp_site: SiteFactory, name: str, used_by: str
) -> None:
    root = tmp_site({"content/ks.md": meeting(), f"content/pages/{name}.md": "# Sida\n"})
    assert refused(root) == [
        f"content/pages/{name}.md:1: the page URL /{name}/ is already used by {used_by}; "
        "rename the file"
    ]


@pytest.mark.parametrize(
    ("file", "used_by"),
    [
        ("index.html", "the home page (/)"),
        ("feed.xml", "the site-wide Atom feed (/feed.xml)"),
        ("static/search.js", "the theme's files (/static/)"),
        ("pagefind/pagefind.js", "the search index (/pagefind/)"),
        ("oparl/system.json", "a file of the open data export (/oparl/system.json)"),
        ("oparl/x.pdf", "the open data export (/oparl/)"),
        (".minutes-output", "the output marker of minutes (/.minutes-output)"),
        (
            "kommunstyrelsen/2024-05-14/index.html",
            "the page of the meeting content/ks.md (/kommunstyrelsen/2024-05-14/)",
        ),
        ("robots.txt/x.pdf", "robots.txt (/robots.txt)"),
    ],
)
def test_an_attachment_on_a_path_the_site_uses_is_refused_at_the_meeting(
    tmp_site: SiteFactory, file: str, used_by: str
) -> None:
    """An attachment is copied to its own path: never over a page, a feed or the theme's
    script (which would also slip a script onto the site)."""
    attach = f"attachments:\n  - {{title: Bilaga, file: {file}}}\n"
    root = tmp_site(
        {"content/ks.md": meeting(extra=attach), f"content/{file}": "<script>alert(1)</script>"}
    )
    assert refused(root) == [
        f"content/ks.md:1: attachments: {file} would be published at /{file}, which is "
        f"already used by {used_by}; move the file into content/files/"
    ]


def test_an_attachment_beside_its_meeting_is_still_published(tmp_site: SiteFactory) -> None:
    attach = "attachments:\n  - {title: Bilaga, file: ks/bilaga.pdf}\n"
    root = tmp_site(
        {"content/ks/2024-05-14.md": meeting(extra=attach), "content/ks/bilaga.pdf": b"%PDF"}
    )
    build(BuildOptions(source=root, search=False, today=date(2024, 6, 1)))
    assert (root / "_site/ks/bilaga.pdf").read_bytes() == b"%PDF"


def test_two_things_the_build_makes_on_one_path_is_an_error_naming_both(
    tmp_site: SiteFactory,
) -> None:
    """On a site of several organisations, the body '2024-05-14' of the organisation
    Kommunstyrelsen and the meeting of the body Kommunstyrelsen on that day would share a
    page: an error at the file that names the body, not one page written over the other."""
    root = tmp_site(
        {
            "content/a.md": meeting(),
            "content/b.md": meeting(body='"2024-05-14"', extra="organisation: Kommunstyrelsen\n"),
            "content/c.md": meeting(body="Nämnden", extra="organisation: Region Halland\n"),
        }
    )
    assert refused(root) == [
        "content/b.md:1: the page of the body 2024-05-14 (/kommunstyrelsen/2024-05-14/) and "
        "the page of the meeting content/a.md (/kommunstyrelsen/2024-05-14/) would be "
        "written to the same place; rename the body, organisation or file that names one of "
        "them"
    ]


def test_people_whose_names_slug_alike_each_have_an_open_data_file(
    tmp_site: SiteFactory,
) -> None:
    root = tmp_site(
        {
            "content/a.md": meeting(extra="attendees: [Åsa Öberg (S)]\n"),
            "content/b.md": meeting(day="2024-05-15", extra="attendees: [Asa Oberg (M)]\n"),
        }
    )
    build(BuildOptions(source=root, search=False, today=date(2024, 6, 1)))
    found = {
        person["name"]: person
        for f in (root / "_site/oparl").rglob("people*.json")
        for person in json.loads(f.read_text())["data"]
    }
    assert sorted(found) == ["Asa Oberg", "Åsa Öberg"]
    assert len({p["id"] for p in found.values()}) == 2
    for person in found.values():
        assert all(m["id"].startswith(person["id"] + "@") for m in person["membership"])


def test_organisations_whose_names_slug_alike_each_have_a_body_file(
    tmp_site: SiteFactory,
) -> None:
    root = tmp_site(
        {
            "content/a.md": meeting(extra="organisation: Region Halland\n"),
            "content/b.md": meeting(body="Nämnden", extra="organisation: Region-Halland\n"),
        }
    )
    build(BuildOptions(source=root, search=False, today=date(2024, 6, 1)))
    bodies = json.loads((root / "_site/oparl/bodies.json").read_text())["data"]
    assert sorted(b["name"] for b in bodies) == ["Region Halland", "Region-Halland"]
    assert len({b["id"] for b in bodies}) == 2
    for body in bodies:
        own = root / "_site" / body["id"].lstrip("/")
        assert json.loads(own.read_text())["name"] == body["name"]


def moved_only_as_budgeted(before: set[str], after: set[str]) -> None:
    """The URL scheme is a published permalink: every file written before is written still,
    but for what the output budget (issue #15) moved: the pages of case numbers handled
    once or twice (their handlings name each other instead) and the open data export's
    files, now a few list files per organisation; and later pages of the decisions index,
    which holds more decisions a page. New are the list files and the pages of people."""
    gone = before - after
    assert {p.split("/")[0] for p in gone} <= {"arenden", "oparl", "beslut"}
    # the decisions index holds more lines a page: later pages of a year's may go
    assert all(p.split("/")[2].isdigit() for p in gone if p.startswith("beslut/")), gone
    new = after - before  # open data's list files, and a page per person (issue #16)
    assert all(p.startswith(("oparl/body/", "personer/")) for p in new), new


def test_the_example_sites_urls_stay_put(example_site: Path) -> None:
    """The example site writes the files it wrote before the paths had one home
    (tests/data/example-site-paths.txt), but for the budget's moves."""
    before = set((DATA / "example-site-paths.txt").read_text().split())
    moved_only_as_budgeted(before, files_of(example_site))


def test_the_shared_corpus_urls_stay_put(tmp_path: Path) -> None:
    """300 meetings of the shared bench corpus: every file it wrote before is written, but
    for the budget's moves; every case page left is of a case handled three times or more;
    the only new files are open data's list files and people's pages."""
    make = next(
        (
            p / "shared" / "bench" / "make_corpus.py"
            for p in REPO.parents
            if (p / "shared" / "bench" / "make_corpus.py").is_file()
        ),
        None,
    )
    if make is None:
        pytest.skip("no shared folder beside the repository")
    subprocess.run(
        [sys.executable, str(make), str(tmp_path / "c"), "--meetings", "300"],
        check=True,
        capture_output=True,
    )
    out = tmp_path / "out"
    build(BuildOptions(source=tmp_path / "c", output=out, search=False, today=date(2025, 11, 1)))
    before = set(gzip.decompress((DATA / "corpus-300-paths.txt.gz").read_bytes()).decode().split())
    after = files_of(out)
    moved_only_as_budgeted(before, after)
    cases = {p for p in after if p.startswith("arenden/") and p.count("/") == 2}
    assert 0 < len(cases) < len({p for p in before if p.startswith("arenden/")}) / 4
    for case in cases:
        entries = (out / case).read_text().split('<ol class="case-entries">')[1]
        assert entries.split("</ol>")[0].count("<li") >= 3, case


# Damage, generated: plain pages and attachments named like the site's own paths

SCALE = int(os.environ.get("MINUTES_EXAMPLES_SCALE", "1"))
PAGE_NAMES = (
    *("feed.xml", "sitemap.xml", "robots.txt", "404.html", "calendar.ics", "index.html"),
    *("oparl", "static", "pagefind", "files", "sok", "beslut", "arkiv", "arenden"),
    *("kommunstyrelsen", "socialnamnden", "om", "feed", "x.pdf"),
)
ATTACHED = (
    *("index.html", "feed.xml", "robots.txt", "sitemap.xml/x.pdf", ".minutes-output"),
    *("static/style.css", "static/egen.js", "pagefind/a.js", "oparl/system.json", "oparl/x"),
    *("files/a.pdf", "files/b/c.pdf", "a/b.pdf", "om/index.html", "om/bilaga.pdf", "x.pdf"),
    *("kommunstyrelsen/index.html", "kommunstyrelsen/feed.xml", "kommunstyrelsen/bilaga.pdf"),
    *("kommunstyrelsen/2024-05-14/index.html", "kommunstyrelsen/2024-05-14/bilaga.pdf"),
    *("beslut/2024/index.html", "arenden/ks-2024-1/index.html", "sok/index.html"),
)
RESERVED_TOPS = ("static/", "pagefind/", "oparl/")
REFUSED = re.compile(r"attachments: (\S+) would be published at ")


def damaged(pages: list[str], attached: list[str]) -> dict[str, str | bytes]:
    """A site of two meetings, with ``pages`` and (in the first meeting) ``attached``."""
    listed = "".join(f"  - {{title: Bilaga, file: {a}}}\n" for a in attached)
    files: dict[str, str | bytes] = {
        "content/ks.md": meeting(extra=f"attachments:\n{listed}" if attached else "").replace(
            "## § 1 Ärende", '## § 1 Ärende {#p1 case="KS 2024/1"}\n\n::: decision\nBifall.\n:::'
        ),
        "content/sn.md": meeting(body="Socialnämnden"),
    }
    files.update({f"content/pages/{p}.md": f"# Sidan\n\nSIDA:{p}\n" for p in pages})
    files.update({f"content/{a}": f"BILAGA:{a}".encode() for a in attached})
    return files


def taken_in(out: set[str], path: str, page: bool) -> bool:
    """Whether ``path`` collides with a file of a built site ``out``: the same file, a file
    where it needs a folder or the other way round, or a folder the site keeps for itself."""
    parents = [path[:n] for n in range(len(path)) if path[n] == "/"]
    return (
        path in out
        or any(f.startswith(path + "/") for f in out)
        or any(p in out for p in parents)
        or path == ".minutes-output"
        or path.startswith(RESERVED_TOPS + (("files/",) if page else ()))
    )


@settings(
    max_examples=20 * SCALE,
    deadline=None,
    suppress_health_check=list(HealthCheck),
    derandomize=True,  # the same examples every run: CI never passes on luck
)
@given(
    st.lists(st.sampled_from(PAGE_NAMES), max_size=4, unique=True),
    st.lists(st.sampled_from(ATTACHED), max_size=5, unique=True),
)
# a page and an attachment on the sitemap's path: only the page was said, the attachment
# on the next build (the refused page still held the folder)
@example(pages=["sitemap.xml"], attached=["sitemap.xml/x.pdf"])
def test_no_page_or_attachment_is_ever_written_over_another(
    pages: list[str], attached: list[str]
) -> None:
    """A build either refuses exactly the pages and attachments on a path the site (built
    without them) uses, each at its file, or publishes every page and attachment whole,
    the site's own files (home page, feeds, theme) untouched."""
    with tempfile.TemporaryDirectory() as folder:
        root = write_site(Path(folder), damaged(pages, attached))
        (root / "site.toml").write_text('title = "T"\n', encoding="utf-8")
        options = BuildOptions(source=root, search=False, jobs=1, today=date(2024, 6, 1))
        try:
            build(options)
            bad_pages: set[str] = set()
            bad_files: set[str] = set()
        except BuildFailed as failed:
            assert not (root / "_site").exists()
            bad_pages = {
                e.path.removeprefix("content/pages/")[:-3]
                for e in failed.problems
                if e.path.startswith("content/pages/")
            }
            bad_files = {m[1] for e in failed.problems if (m := REFUSED.match(e.message))}
            assert len(failed.problems) == len(bad_pages) + len(bad_files)
            good = [p for p in pages if p not in bad_pages]
            kept = [a for a in attached if a not in bad_files]
            shutil.rmtree(root / "content")
            write_site(root, damaged(good, kept))
            build(options)  # without them, the rest is published
        out = files_of(root / "_site")
        for name in bad_pages:
            assert taken_in(out, f"{name}/index.html", page=True), name
        for file in bad_files:
            assert taken_in(out, file, page=False), file
        site = root / "_site"
        for name in set(pages) - bad_pages:
            assert f"SIDA:{name}" in (site / name / "index.html").read_text()
        for file in set(attached) - bad_files:
            assert (site / file).read_bytes() == f"BILAGA:{file}".encode()
        assert "kommunstyrelsen/2024-05-14/" in (site / "index.html").read_text()
        assert (site / "feed.xml").read_bytes().startswith(b"<?xml")
        assert (site / "static/style.css").read_bytes() == (
            REPO / "themes/default/static/style.css"
        ).read_bytes()
