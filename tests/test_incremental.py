"""Incremental builds: after any change the output equals a clean build's, and a build with
no change writes nothing."""

from __future__ import annotations

import hashlib
from datetime import date
from pathlib import Path

import pytest

from generator.build import pipeline, write
from generator.build.footprint import measure
from generator.build.pipeline import BuildOptions, BuildResult, build

from conftest import SiteFactory
from corpus import meeting_files
from htmltools import SEARCHED, index_files

TODAY = date(2024, 6, 1)


def digest(folder: Path, skip_index: bool = True) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and not (skip_index and "pagefind" in p.parts)
    }


def mtimes(folder: Path) -> dict[str, int]:
    return {
        p.relative_to(folder).as_posix(): p.stat().st_mtime_ns
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def again(root: Path, search: bool = False) -> BuildResult:
    return build(BuildOptions(source=root, output=root / "_site", today=TODAY, search=search))


def clean(root: Path, tmp_path: Path, search: bool = False) -> Path:
    out = tmp_path / "clean"
    build(BuildOptions(source=root, output=out, today=TODAY, search=search, cache=False))
    return out


@pytest.fixture
def site(tmp_site: SiteFactory) -> Path:
    files: dict[str, str | bytes] = dict(meeting_files(40))
    first = sorted(files)[0]
    files[first] = str(files[first]) + "\n[Nästa möte](../2019/2019-01-14.md#p1)\n"
    files["content/pages/om.md"] = "---\ntitle: Om\n---\nOm sidan.\n"
    root = tmp_site(files)
    again(root)
    return root


def test_no_change_writes_nothing(site: Path) -> None:
    before = mtimes(site / "_site")
    result = again(site)
    assert (result.written, result.rendered) == (0, 0)
    assert mtimes(site / "_site") == before


def test_no_change_reads_only_the_head_of_the_state(
    site: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The state's bulk (a fingerprint per output file) is not read when nothing changed."""
    from generator.build.cache import Cache

    def no_full_state(*_: object) -> None:
        raise AssertionError("a no-op build needs only the head")

    monkeypatch.setattr(Cache, "load_state", no_full_state)
    result = again(site)
    assert (result.written, result.rendered) == (0, 0) and result.meetings == 40


def test_edit_rerenders_only_dependent_pages(site: Path, tmp_path: Path) -> None:
    edited = sorted((site / "content").rglob("2019-0[3-4]*.md"))[0]
    edited.write_text(edited.read_text().replace("Bifall.", "Bifall med ändring.", 1))
    before = mtimes(site / "_site")
    result = again(site)
    assert 0 < result.rendered < 40
    after = mtimes(site / "_site")
    changed = sorted(p for p in after if after[p] != before.get(p))
    assert any(p.endswith(edited.stem + "/index.html") for p in changed)
    assert len(changed) < 15, changed
    assert digest(site / "_site") == digest(clean(site, tmp_path))


def test_delete_and_rename(site: Path, tmp_path: Path) -> None:
    files = sorted((site / "content").rglob("*.md"))
    gone, moved = files[5], files[9]
    gone_url = f"{gone.parent.parent.name}/{gone.stem}/index.html"
    gone.unlink()
    moved.rename(moved.with_name(moved.stem + "-flyttad.md"))
    again(site)
    assert not (site / "_site" / gone_url).exists()
    assert digest(site / "_site") == digest(clean(site, tmp_path))


def test_new_meeting_and_link_target(site: Path, tmp_path: Path) -> None:
    (site / "content/kommunstyrelsen/2030").mkdir(parents=True)
    (site / "content/kommunstyrelsen/2030/2030-01-01.md").write_text(
        "---\nbody: Kommunstyrelsen\ndate: 2030-01-01\nstatus: planned\n---\n## § 1 Budget\n"
    )
    again(site)
    assert digest(site / "_site") == digest(clean(site, tmp_path))


def test_template_change(site: Path, tmp_path: Path) -> None:
    theme = site / "themes/default/templates"
    theme.mkdir(parents=True)
    (theme / "404.html").write_text(
        '{% extends "base.html" %}{% block main %}<h1>Borta</h1>{% endblock %}'
    )
    again(site)
    assert "<h1>Borta</h1>" in (site / "_site/404.html").read_text()
    assert digest(site / "_site") == digest(clean(site, tmp_path))
    assert list((site / ".minutes-cache/templates").glob("*.jinja"))  # compiled, kept
    (theme / "404.html").write_text(
        '{% extends "base.html" %}{% block main %}<h1>Borta igen</h1>{% endblock %}'
    )
    again(site)  # the template compiled again, not the one kept
    assert "<h1>Borta igen</h1>" in (site / "_site/404.html").read_text()


def test_static_file_change_is_copied_without_rendering(
    tmp_site: SiteFactory, tmp_path: Path
) -> None:
    """Pages link the CSS and scripts by URL: a change to them renders no page and re-makes
    no search index (at 100k meetings a theme change used to cost both: 35 + 13 minutes)."""
    root = tmp_site(meeting_files(12))
    again(root, search=True)
    entry = next((root / "_site/pagefind").iterdir()) / "pagefind-entry.json"
    before = entry.stat().st_mtime_ns
    static = root / "themes/default/static"
    static.mkdir(parents=True)
    (static / "style.css").write_text("body { color: #222; }\n")
    result = again(root, search=True)
    assert (result.rendered, result.written) == (0, 1)
    assert (root / "_site/static/style.css").read_text() == "body { color: #222; }\n"
    assert entry.stat().st_mtime_ns == before
    assert again(root, search=True).written == 0  # and then it is a no-op again
    assert digest(root / "_site") == digest(clean(root, tmp_path, search=True))


def test_site_toml_change(site: Path, tmp_path: Path) -> None:
    (site / "site.toml").write_text('title = "Nytt namn"\nlanguage = "en"\n')
    again(site)
    assert digest(site / "_site") == digest(clean(site, tmp_path))
    assert not (site / "_site/beslut").exists()


def test_page_and_attachment_changes(site: Path, tmp_path: Path) -> None:
    (site / "content/pages/om.md").write_text("---\ntitle: Om oss\n---\nNy text.\n")
    (site / "content/files").mkdir()
    (site / "content/files/a.pdf").write_bytes(b"%PDF-1")
    again(site)
    assert digest(site / "_site") == digest(clean(site, tmp_path))
    (site / "content/files/a.pdf").unlink()
    again(site)
    assert not (site / "_site/files/a.pdf").exists()
    assert digest(site / "_site") == digest(clean(site, tmp_path))


def test_an_attachment_is_read_again_only_when_its_bytes_change(
    site: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """At 10,000 meetings a site has thousands of attachments: a build after one new meeting
    read and compared each of them with the output's copy."""
    (site / "content/files").mkdir()
    (site / "content/files/a.pdf").write_bytes(b"%PDF-1 a")
    (site / "content/files/b.pdf").write_bytes(b"%PDF-1 b")
    again(site)
    read: list[str] = []
    reader = write.read_attachment

    def counted(content_dir: Path, rel: str) -> bytes:
        read.append(rel)
        return reader(content_dir, rel)

    monkeypatch.setattr(write, "read_attachment", counted)
    (site / "content/files/a.pdf").write_bytes(b"%PDF-1 a, edited")
    again(site)
    assert read == ["files/a.pdf"]
    assert (site / "_site/files/a.pdf").read_bytes() == b"%PDF-1 a, edited"
    assert digest(site / "_site") == digest(clean(site, tmp_path))


def test_output_edited_by_hand_is_put_right_by_a_build_without_cache(site: Path) -> None:
    page = site / "_site/index.html"
    original = page.read_bytes()
    page.write_bytes(b"tampered")
    (site / "_site/arkiv/index.html").unlink()
    assert again(site).written == 0  # incremental builds trust the record of what they wrote
    build(BuildOptions(source=site, output=site / "_site", today=TODAY, search=False, cache=False))
    assert page.read_bytes() == original
    assert (site / "_site/arkiv/index.html").is_file()


def test_touched_but_unchanged_sources_are_a_no_op(site: Path) -> None:
    import os

    before = mtimes(site / "_site")
    for path in sorted((site / "content").rglob("*.md")):
        os.utime(path, None)  # e.g. a fresh git checkout: new mtimes, same bytes
    assert (again(site).written, again(site).rendered) == (0, 0)
    assert mtimes(site / "_site") == before


def test_search_index_rebuilt_only_where_pages_changed(
    tmp_site: SiteFactory, tmp_path: Path
) -> None:
    root = tmp_site(meeting_files(12))
    again(root, search=True)
    index = root / "_site/pagefind"
    (folder,) = sorted(index.iterdir())
    entry = folder / "pagefind-entry.json"
    before = entry.stat().st_mtime_ns
    again(root, search=True)
    assert entry.stat().st_mtime_ns == before  # nothing changed: not re-indexed
    edited = sorted((root / "content").rglob("*.md"))[3]
    edited.write_text(edited.read_text() + "\nOrdet smultronställe.\n")
    again(root, search=True)
    assert entry.stat().st_mtime_ns != before
    assert index_files(folder) == SEARCHED  # re-made, trimmed as a whole build's
    assert sorted(p.name for p in index.iterdir()) == sorted(
        p.name for p in (clean(root, tmp_path, search=True) / "pagefind").iterdir()
    )
    assert digest(root / "_site") == digest(tmp_path / "clean")


def test_many_edits_rendered_by_the_pool(tmp_site: SiteFactory, tmp_path: Path) -> None:
    root = tmp_site(meeting_files(300))
    again(root)
    for path in sorted((root / "content").rglob("*.md")):
        path.write_text(path.read_text() + "\nTillägg.\n")
    result = again(root)
    assert result.rendered >= 256  # enough for the process pool
    assert digest(root / "_site") == digest(clean(root, tmp_path))


def test_session_keeps_parses_in_memory(
    site: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from generator.build.cache import Cache
    from generator.build.pipeline import Session

    session = Session()
    options = BuildOptions(source=site, output=site / "_site", today=TODAY, search=False)
    first = sorted((site / "content").rglob("*.md"))[1]
    first.write_text(first.read_text() + "\nFörsta ändringen.\n")
    build(options, session=session)  # reads the cache files once
    edited = sorted((site / "content").rglob("*.md"))[2]
    edited.write_text(edited.read_text() + "\nNy mening.\n")

    def no_disk(*_: object) -> None:
        raise AssertionError("the session should not read the parse cache from disk")

    monkeypatch.setattr(Cache, "load_parsed", no_disk)
    result = build(options, session=session)
    assert result.rendered > 0
    assert digest(site / "_site") == digest(clean(site, tmp_path))


def test_build_keeps_outlines_and_the_store_holds_the_prose(site: Path, tmp_path: Path) -> None:
    """The cache holds outlines (no prose); the meeting pages still show all of it, also when
    the store of whole meetings was deleted behind the build's back."""
    import pickle

    from generator.build.cache import CACHE_DIR, Cache
    from generator.content.model import Html

    cache = Cache(site)
    with open(cache.dir / "parsed.pickle", "rb") as handle:
        pickle.load(handle)  # the cache's key
        pickle.load(handle)  # the parse key
        pickle.load(handle)  # the record's token
        parsed = pickle.load(handle)
    meetings = [p.meeting for p in parsed.values() if p.meeting is not None]
    assert meetings and all(m.is_outline and not m.preamble for m in meetings)
    assert not any(isinstance(s, Html) for m in meetings for i in m.items for s in i.segments)
    assert any(i.decisions for m in meetings for i in m.items)
    store = site / CACHE_DIR / "meetings"
    assert len(list(store.rglob("*.pickle"))) == len(meetings)
    assert digest(site / "_site") == digest(clean(site, tmp_path))

    edited = sorted((site / "content").rglob("2019-0[3-4]*.md"))[0]
    edited.write_text(edited.read_text().replace("Bifall.", "Bifall efter ändring.", 1))
    for entry in store.rglob("*.pickle"):
        entry.unlink()
    template = site / "themes" / "default" / "templates" / "meeting.html"
    template.parent.mkdir(parents=True)
    from generator.pages.render import default_theme_dir

    template.write_text(
        (default_theme_dir() / "templates" / "meeting.html")
        .read_text()
        .replace("{% block head %}", "{% block head %}<!-- own -->", 1)
    )
    again(site)  # every meeting page re-rendered from sources parsed again
    out = digest(site / "_site")
    assert out == digest(clean(site, tmp_path / "second"))
    page = next((site / "_site").rglob(edited.stem + "/index.html")).read_text()
    assert "Bifall efter ändring." in page and "<!-- own -->" in page


def test_store_keeps_only_current_entries(site: Path) -> None:
    from generator.build.cache import CACHE_DIR

    store = site / CACHE_DIR / "meetings"
    before = {p.name for p in store.rglob("*.pickle")}
    edited = sorted((site / "content").rglob("2019-0[3-4]*.md"))[0]
    edited.write_text(edited.read_text() + "\nEtt tillägg.\n")
    again(site)
    after = {p.name for p in store.rglob("*.pickle")}
    assert len(after) == len(before) and len(after - before) == 1


def test_prose_edit_rerenders_only_its_own_page(site: Path, tmp_path: Path) -> None:
    """Text outside titles, decisions and votes shows only on the meeting's own page (and in
    search): editing it re-renders that page alone."""
    edited = sorted((site / "content").rglob("2019-0[3-4]*.md"))[0]
    text = edited.read_text()
    first_item = text.index("\n## ")
    paragraph = text.index("\n\n", first_item) + 2
    edited.write_text(text[:paragraph] + "Rättat stavfel. " + text[paragraph:])
    result = again(site)
    assert result.rendered == 1
    page = next((site / "_site").rglob(edited.stem + "/index.html")).read_text()
    assert "Rättat stavfel." in page
    assert digest(site / "_site") == digest(clean(site, tmp_path))


def test_serving_session_applies_a_prose_edit_without_deriving(
    site: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import generator.build.pipeline as build_module
    from generator.build.pipeline import Session

    session = Session()
    options = BuildOptions(source=site, output=site / "_site", today=TODAY, search=False)
    edited = sorted((site / "content").rglob("*.md"))[4]
    edited.write_text(edited.read_text().replace("\n\n", "\n\nFörsta rättelsen. ", 1))
    build(options, session=session)

    def no_derive(*_: object, **__: object) -> None:
        raise AssertionError("a prose edit needs no new derivation")

    monkeypatch.setattr(build_module, "derive_site", no_derive)
    text = edited.read_text()
    paragraph = text.index("\n\n", text.index("\n## ")) + 2
    edited.write_text(text[:paragraph] + "Andra rättelsen. " + text[paragraph:])
    result = build(options, session=session)
    assert result.rendered == 1
    page = next((site / "_site").rglob(edited.stem + "/index.html")).read_text()
    assert "Andra rättelsen." in page
    monkeypatch.undo()
    assert digest(site / "_site") == digest(clean(site, tmp_path))


def test_serving_a_site_built_before_derives_it_before_the_first_edit(
    site: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`minutes serve` on a built site: its first build has nothing to do, so the session
    is warmed (read and derived) then, and the first edit needs no derivation either."""
    import generator.build.pipeline as build_module
    from generator.build.pipeline import Session, warm

    session = Session()
    options = BuildOptions(source=site, output=site / "_site", today=TODAY, search=False)
    before = mtimes(site / "_site")
    assert build(options, session=session).rendered == 0
    assert session.site is None
    assert warm(options, session)
    assert session.site is not None and mtimes(site / "_site") == before

    def no_derive(*_: object, **__: object) -> None:
        raise AssertionError("the warmed session has the site already")

    monkeypatch.setattr(build_module, "derive_site", no_derive)
    edited = sorted((site / "content").rglob("*.md"))[5]
    text = edited.read_text()
    paragraph = text.index("\n\n", text.index("\n## ")) + 2
    edited.write_text(text[:paragraph] + "Rättelse efter start. " + text[paragraph:])
    result = build(options, session=session)
    assert result.rendered == 1
    monkeypatch.undo()
    assert digest(site / "_site") == digest(clean(site, tmp_path))


def test_serving_shows_a_retitled_item_on_its_own_page_first(site: Path, tmp_path: Path) -> None:
    """A title edit re-renders archives, case and decision pages too; serve puts the edited
    meeting's own page in place (and reloads the tab) before those."""
    from generator.build.pipeline import Session

    session = Session()
    options = BuildOptions(source=site, output=site / "_site", today=TODAY, search=False)
    build(options, session=session)
    edited = sorted((site / "content").rglob("20*.md"))[3]
    edited.write_text(edited.read_text().replace("\n## § 1 ", "\n## § 1 Omdöpt ", 1))
    own = next((site / "_site").rglob(edited.stem + "/index.html"))
    seen: list[tuple[bool, int]] = []

    def in_place() -> None:
        archive = sum(
            "Omdöpt" in p.read_text() for p in (site / "_site").rglob("*.html") if p != own
        )
        seen.append(("Omdöpt" in own.read_text(), archive))

    result = build(options, session=session, on_pages=in_place)
    assert result.rendered > 2
    assert seen[0] == (True, 0)  # its own page first, nothing else yet
    assert seen[-1][0] and seen[-1][1] > 0  # then the pages that list it
    assert digest(site / "_site") == digest(clean(site, tmp_path))


def test_edits_that_are_not_prose_take_the_general_way(site: Path, tmp_path: Path) -> None:
    """A title, a draft, or several kinds of file at once: everything that depends on them
    is redone, and the result equals a clean build."""
    files = sorted((site / "content").rglob("20*.md"))
    retitled, drafted = files[6], files[7]
    text = retitled.read_text()
    retitled.write_text(text.replace("\n## § 1 ", "\n## § 1 Nytt ", 1))
    drafted.write_text(drafted.read_text().replace("status: published", "status: draft", 1))
    assert "status: draft" in drafted.read_text()
    result = again(site)
    assert result.rendered > 2
    assert digest(site / "_site") == digest(clean(site, tmp_path))
    drafted.write_text(drafted.read_text() + "\nText i ett utkast.\n")  # not on the site
    again(site)
    assert digest(site / "_site") == digest(clean(site, tmp_path / "again"))


def adjusted(day: str, posted: str, body: str = "Kommunstyrelsen", case: str = "") -> str:
    attrs = f' {{#p1 case="{case}"}}' if case else ""
    return (
        f"---\nbody: {body}\ndate: {day}\nstatus: adjusted\nadjusters: [A (S)]\n"
        f"adjusted: {posted}\nposted: {posted}\n---\n## § 1 Budget{attrs}\n\n"
        "::: decision\nBifall.\n:::\n"
    )


def test_a_later_day_takes_a_notice_down_everywhere(tmp_site: SiteFactory, tmp_path: Path) -> None:
    """The home page lists the notices up today, as the notice board does: rebuilt on a
    later day, it no longer lists one taken down (it did: its fingerprint left them out)."""
    root = tmp_site({"content/ks/a.md": adjusted("2024-05-02", "2024-05-06")})

    def on(day: date, output: Path, cache: bool = True) -> str:
        build(BuildOptions(source=root, output=output, today=day, search=False, cache=cache))
        return (output / "index.html").read_text()

    assert "2 maj 2024" in on(date(2024, 5, 10), root / "_site").split('id="latest"')[0]
    home = on(date(2024, 6, 10), root / "_site")  # down since 27 May
    assert "2 maj 2024" not in home.split('id="latest"')[0]
    assert home == on(date(2024, 6, 10), tmp_path / "clean", cache=False)
    assert digest(root / "_site") == digest(tmp_path / "clean")


def test_a_case_number_that_takes_another_ones_url(tmp_site: SiteFactory, tmp_path: Path) -> None:
    """Two case numbers with the same slug get -2: a new one sorted first takes the plain URL
    from the other, and every page linking the other's case follows (the decisions index
    did not: it fingerprinted a decision by its meeting and anchor, not the case's URL)."""
    root = tmp_site(  # three handlings each: a case page (see derive.needs_page)
        {
            f"content/ks/{d}.md": adjusted(f"2024-05-0{d}", "2024-05-06", case="KS 2024/1")
            for d in (2, 3, 4)
        }
    )
    again(root)
    (root / "content/sn").mkdir()
    for d in (1, 2, 3):
        (root / f"content/sn/{d}.md").write_text(  # no decision: the index is as it was
            f"---\nbody: Socialnämnden\ndate: 2024-04-0{d}\n---\n"
            '## § 1 Remiss {#p1 case="KS 2024-1"}\n\nRemiss till nämnden.\n'
        )
    again(root)
    assert digest(root / "_site") == digest(clean(root, tmp_path))
    assert "/arenden/ks-2024-1-2/" in (root / "_site/beslut/2024/index.html").read_text()


def test_a_plain_page_follows_the_meeting_it_links(tmp_site: SiteFactory, tmp_path: Path) -> None:
    """A link in a plain page points at the meeting's URL, which moves when a file for the
    same body and date sorts before it (the page kept the old URL)."""
    root = tmp_site(
        {
            "content/ks/2024-05-02.md": adjusted("2024-05-02", "2024-05-06"),
            "content/pages/om.md": "---\ntitle: Om\n---\nSe [mötet](../ks/2024-05-02.md).\n",
        }
    )
    again(root)
    (root / "content/ks/2024-05-01.md").write_text(
        adjusted("2024-05-02", "2024-05-06").replace("Budget", "Skola")
    )
    again(root)
    assert 'href="/kommunstyrelsen/2024-05-02-2/"' in (root / "_site/om/index.html").read_text()
    assert digest(root / "_site") == digest(clean(root, tmp_path))


def test_a_theme_that_reads_what_its_page_is_not_given_is_told(tmp_site: SiteFactory) -> None:
    """A page shows only what its fingerprint covers: a theme's base.html that lists the
    notices on every page is an error naming the template, line and facet, not a site
    whose meeting pages keep a notice taken down since."""
    from click.testing import CliRunner

    from generator.cli import main
    from generator.pages.render import default_theme_dir

    base = (
        (default_theme_dir() / "templates/base.html")
        .read_text()
        .replace("<main", "{% for m in site.notices %}{{ m.title }}{% endfor %}\n<main", 1)
    )
    root = tmp_site(
        {
            "content/ks/a.md": adjusted("2024-05-02", "2024-05-06"),
            "themes/default/templates/base.html": base,
        }
    )
    result = CliRunner().invoke(
        main, ["build", "--source", str(root), "--no-search", "--today", "2024-05-10"]
    )
    assert result.exit_code == 1
    assert "themes/default/templates/base.html:" in result.output
    assert "site.notices is not given to this kind of page" in result.output
    assert not (root / "_site").exists()


def _two_years_watched(
    tmp_site: SiteFactory, monkeypatch: pytest.MonkeyPatch
) -> tuple[Path, list[str]]:
    """A site of a 2023 and a 2024 meeting, built; and the paths of the pages the next
    builds render, as they render them."""
    from generator.pages.render import Renderer

    root = tmp_site(
        {
            "content/ks/a.md": adjusted("2023-05-02", "2023-05-06"),
            "content/ks/b.md": adjusted("2024-05-02", "2024-05-06"),
        }
    )
    again(root)
    rendered: list[str] = []
    run = Renderer.run
    monkeypatch.setattr(
        Renderer, "run", lambda self, job: rendered.append(job.path) or run(self, job)
    )
    return root, rendered


def test_a_new_meeting_leaves_other_years_decision_pages_alone(
    tmp_site: SiteFactory, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A decisions page is given the pages its pagers link and, on the front page only, the
    newest decisions: a new meeting's decisions re-render its year's pages and the front
    page, not every year's (thousands of pages in a large archive)."""
    root, rendered = _two_years_watched(tmp_site, monkeypatch)
    (root / "content/ks/c.md").write_text(adjusted("2024-05-20", "2024-05-22"))
    again(root)
    assert {p for p in rendered if p.startswith("beslut/")} == {"beslut/", "beslut/2024/"}
    assert digest(root / "_site") == digest(clean(root, tmp_path))


def test_a_new_page_of_decisions_in_one_year_leaves_other_years_pages_alone(
    tmp_site: SiteFactory, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A year's decisions outgrow a page: its pages are all renumbered, but another year's
    pages link only its first, which stays. (At 10k one new meeting re-rendered all 236
    decisions pages: their fingerprints held every year's count of pages, which no page
    shows.)"""
    from generator.site import derive

    monkeypatch.setattr(derive, "DECISIONS_PER_PAGE", 1)
    root, rendered = _two_years_watched(tmp_site, monkeypatch)
    (root / "content/ks/c.md").write_text(adjusted("2024-05-20", "2024-05-22"))
    again(root)
    assert "beslut/2024/2/" in rendered
    assert {p for p in rendered if p.startswith("beslut/2023")} == set()
    assert digest(root / "_site") == digest(clean(root, tmp_path))


def test_an_edit_writes_only_what_was_parsed_since_the_whole_parse_record(
    site: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The whole parse record is not written again for an edit or two: the files parsed
    since go beside it, and a build reads both; after RECENT_LIMIT files, or with the file
    beside it damaged, the result is still that of a clean build. (Without kits: a prose edit
    made from its meeting's kit reads no parses at all.)"""
    from generator.build import cache as cache_module
    from generator.build import kits

    monkeypatch.setattr(kits.PageKits, "get", lambda self, source: None)
    record = site / cache_module.CACHE_DIR / cache_module.PARSED
    recent = site / cache_module.CACHE_DIR / cache_module.RECENT
    whole = record.read_bytes()
    files = sorted((site / "content").rglob("*.md"))
    files[1].write_text(files[1].read_text() + "\nFörsta ändringen.\n")
    again(site)
    files[2].write_text(files[2].read_text() + "\nAndra ändringen.\n")
    again(site)
    assert record.read_bytes() == whole
    assert recent.is_file()
    parsed = cache_module.Cache(site).load_parsed(_parse_key(site))
    paths = [path for path, _ in parsed]
    assert all(paths.count(f"content/{f.relative_to(site / 'content')}") == 2 for f in files[1:3])
    assert len(parsed) == len(files) - _non_meetings(site) + 2  # the old versions too
    assert digest(site / "_site") == digest(clean(site, tmp_path))

    recent.write_bytes(b"not a pickle")  # damaged: those files are parsed again
    files[3].write_text(files[3].read_text() + "\nTredje ändringen.\n")
    again(site)
    assert digest(site / "_site") == digest(clean(site, tmp_path / "second"))

    monkeypatch.setattr(cache_module, "RECENT_LIMIT", 0)
    files[4].write_text(files[4].read_text() + "\nFjärde ändringen.\n")
    again(site)
    assert record.read_bytes() != whole and not recent.exists()
    assert digest(site / "_site") == digest(clean(site, tmp_path / "third"))


def _parse_key(site: Path) -> str:
    from generator.build.load import discover
    from generator.build.pipeline import _parse_key as key_of
    from generator.content.config import load_config

    config = load_config(site)
    return key_of(config, discover(config))


def _non_meetings(site: Path) -> int:
    from generator.build.load import discover
    from generator.content.config import load_config

    files = discover(load_config(site))
    return len(sorted((site / "content").rglob("*.md"))) - len(files.meetings)


def test_a_retitled_item_remakes_only_the_open_data_lists_that_show_it(
    tmp_site: SiteFactory, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An open data list is given its own objects and the organisation by its key: a
    retitled item remakes its year's meetings list, not every year's (at 10k meetings every
    list was made again, 4 s of each such build)."""
    root, rendered = _two_years_watched(tmp_site, monkeypatch)
    edited = root / "content/ks/b.md"
    edited.write_text(edited.read_text().replace("§ 1 Budget", "§ 1 Budget för 2025", 1))
    again(root)
    meeting_lists = {p.rsplit("/", 1)[-1] for p in rendered if "/meetings-" in p}
    assert meeting_lists == {"meetings-2024.json"}, rendered
    assert digest(root / "_site") == digest(clean(root, tmp_path))


def test_an_organisation_renamed_in_case_only_moves_open_data_homes(
    tmp_site: SiteFactory, tmp_path: Path
) -> None:
    """A person or a case number named by two organisations has its open data id in the
    list of the first one by name. 'Region Halland' comes before 'Test' (the site's title,
    for minutes naming no organisation), 'region Halland' after: its file key is the same,
    the person's and the case's own meetings are unchanged (the newest meeting of a body
    names the organisation, and nobody), but their ids move to the other organisation's
    lists, and both organisations' lists show them."""

    def meeting(day: str, body: str, head: str, case: str = "KS 2024/1") -> str:
        return (
            f"---\nbody: {body}\ndate: {day}\n{head}---\n"
            f'## § 1 Budget {{#p1 case="{case}"}}\n\nText.\n'
        )

    anna = "attendees: [Anna Ek (S)]\n"
    root = tmp_site(
        {
            "content/ks/a.md": meeting("2024-05-06", "Kommunstyrelsen", anna),
            "content/ks/b.md": meeting(
                "2024-05-20", "Kommunstyrelsen", "organisation: Region Halland\n", "KS 2024/9"
            ),
            "content/sn/a.md": meeting("2024-05-13", "Socialnämnden", anna),
            "content/sn/b.md": meeting("2024-05-27", "Socialnämnden", ""),
        }
    )
    again(root)
    people = root / "_site/oparl/body/test/people-a.json"
    papers = root / "_site/oparl/body/test/papers-k.json"
    assert "region-halland/people-a.json#anna-ek" in people.read_text()
    assert "region-halland/papers-k.json#ks-2024-1" in papers.read_text()
    renamed = root / "content/ks/b.md"
    renamed.write_text(renamed.read_text().replace("Region Halland", "region Halland"))
    again(root)
    assert "test/people-a.json#anna-ek" in people.read_text()
    assert "test/papers-k.json#ks-2024-1" in papers.read_text()
    assert digest(root / "_site") == digest(clean(root, tmp_path))


def test_a_parse_record_reads_only_the_recent_file_written_beside_it(tmp_path: Path) -> None:
    """The files parsed since the whole record was written are read only with that record
    (its token): not beside a record written since by another build (killed before it
    removed the file, or into another output sharing the cache), nor of another parse key."""
    from generator.build.cache import RECENT, Cache
    from generator.content.parse import Parsed

    def parsed(n: int) -> Parsed:
        return Parsed(None, (), f"outline {n}")

    first = Cache(tmp_path)
    assert first.load_parsed("key") == {}
    first.save_parsed("key", {("a.md", "1"): parsed(1)})  # the whole record
    second = Cache(tmp_path)
    found = second.load_parsed("key")
    second.save_parsed("key", {**found, ("a.md", "2"): parsed(2)})  # beside it
    assert Cache(tmp_path).load_parsed("key") == {
        ("a.md", "1"): parsed(1),
        ("a.md", "2"): parsed(2),
    }
    recent = (tmp_path / ".minutes-cache" / RECENT).read_bytes()
    Cache(tmp_path).save_parsed("key", {("a.md", "3"): parsed(3)})  # another whole record
    (tmp_path / ".minutes-cache" / RECENT).write_bytes(recent)  # as if killed before
    assert Cache(tmp_path).load_parsed("key") == {("a.md", "3"): parsed(3)}
    assert Cache(tmp_path).load_parsed("other key") == {}


@pytest.mark.parametrize("damaged", ["state.pickle", "parsed.pickle", "meetings"])
def test_a_cache_file_whose_length_field_is_damaged_is_read_as_missing(
    tmp_site: SiteFactory, tmp_path: Path, damaged: str
) -> None:
    """Found reviewing kits: a cache file damaged where pickle reads a length (its frame's)
    raised OverflowError, which no build expected: a traceback instead of a build."""
    from generator.build.cache import CACHE_DIR

    root = tmp_site(dict(meeting_files(4)))
    again(root)
    cache = root / CACHE_DIR
    files = [cache / damaged] if damaged != "meetings" else (cache / damaged).rglob("*.pickle")
    for file in list(files):
        data = file.read_bytes()
        frame = data.index(b"\x95")  # pickle's frame opcode: its length in the next 8 bytes
        file.write_bytes(data[: frame + 1] + b"\xff" * 8 + data[frame + 9 :])
    (root / "content/pages").mkdir()  # in every page's footer: each meeting page made again
    (root / "content/pages/om.md").write_text("---\ntitle: Om\n---\nOm sidan.\n")
    again(root)
    assert digest(root / "_site") == digest(clean(root, tmp_path))


@pytest.mark.parametrize("swap", ["", "1"])  # moved in file by file; a swapped clone
def test_the_summary_counts_a_patched_output_without_walking_it(
    tmp_site: SiteFactory, monkeypatch: pytest.MonkeyPatch, swap: str
) -> None:
    """A patch adds what it changed to the last footprint; a meeting gone takes its
    folder with it, a new one brings folders (a year's, a case's) that were not there."""
    monkeypatch.setenv(write.TEST_SWAP_FROM, swap)
    root = tmp_site(meeting_files(12))
    again(root, search=True)
    files = sorted((root / "content").rglob("*.md"))
    files[0].unlink()
    year = root / "content" / files[-1].parent.relative_to(root / "content").parent / "2031"
    year.mkdir()
    (year / "2031-02-03.md").write_text(
        files[-1].read_text().replace(files[-1].stem, "2031-02-03"), encoding="utf-8"
    )
    walked = []
    monkeypatch.setattr(pipeline, "measure", lambda out: walked.append(out) or measure(out))
    result = again(root, search=True)
    assert result.rendered and not walked
    assert result.footprint == measure(root / "_site")
