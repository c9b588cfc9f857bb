"""A meeting page made from the small part of the site it shows (Site.around, the kit that
build/kits.py keeps) is the page made from the whole site, byte for byte, with the same
fingerprint: a prose edit through ``minutes build`` renders from the kit alone."""

from __future__ import annotations

import hashlib
import os
import shutil
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from generator.build.cache import BuildState, Cache
from generator.build.depends import Fingerprints
from generator.build.footprint import measure
from generator.build.pipeline import BuildOptions, Loaded, _meeting_store, build, load
from generator.build.store import MeetingStore
from generator.content.config import load_config
from generator.pages.kinds import MEETINGS
from generator.pages.render import Renderer
from generator.site.derive import Site

from conftest import SiteFactory
from corpus import meeting_files, shared_corpus
from htmltools import output_files

REPO = Path(__file__).resolve().parent.parent


def _each_page_from_its_kit(source: Path, today: date) -> dict[str, int]:
    """Render every meeting page from the whole site and from its kit; how many pages were
    compared, and how many of them show a link to another meeting and a case number's
    other handling."""
    config = load_config(source)
    options = BuildOptions(source=source, output=source / "_site", cache=False, today=today)
    with _meeting_store(config, None) as store:
        loaded = load(config, options, BuildState(), None, store=store)
        assert not loaded.problems.errors, loaded.problems.errors
        return _compare(loaded, store)


def _compare(loaded: Loaded, store: MeetingStore) -> dict[str, int]:
    site, config = loaded.site, loaded.config
    digests = {m.source: loaded.stamps[m.source].digest for m in site.meetings}
    outlines = {path: p.outline_digest for (path, _), p in loaded.parsed.items()}
    whole = Renderer(config, site, store.whole)
    prints = Fingerprints(site, digests, outlines, "settings")
    seen = {"pages": 0, "links": 0, "others": 0}
    for meeting in site.meetings:
        kit: Site = site.around(meeting)
        job, alone = MEETINGS.of(site, meeting), MEETINGS.of(kit, meeting)
        assert alone.output == job.output
        assert Renderer(config, kit, store.whole).run(alone).data == whole.run(job).data, (
            meeting.source
        )
        assert Fingerprints(kit, digests, outlines, "settings").page(alone) == prints.page(job)
        seen["pages"] += 1
        seen["links"] += bool(meeting.links)
        seen["others"] += any(c.entries for c in kit.case_index.values())
    return seen


def test_the_example_sites_meeting_pages_are_made_the_same_from_their_kits() -> None:
    assert _each_page_from_its_kit(REPO, date(2025, 9, 1))["pages"] == 4


@pytest.mark.parametrize("seed", [1, 2])
def test_a_generated_archives_meeting_pages_are_made_the_same_from_their_kits(
    tmp_path: Path, seed: int
) -> None:
    """The shared bench corpus: people in lists, records and votes, case numbers handled
    once, twice and often, links between meetings, secret items."""
    shared_corpus(tmp_path / "c", 150, seed)
    files = sorted((tmp_path / "c" / "content").rglob("*.md"))
    for here, there in zip(files[::10], files[1::10], strict=False):  # links between them
        rel = os.path.relpath(there, here.parent)
        with here.open("a", encoding="utf-8") as f:
            f.write(f"\n[Se även]({rel}#p2) och [ett annat möte]({rel}).\n")
    seen = _each_page_from_its_kit(tmp_path / "c", date(2025, 11, 1))
    assert seen["pages"] > 100 and seen["links"] > 5 and seen["others"] > 20, seen


def test_a_kit_holds_only_what_the_page_shows() -> None:
    """Not the rest of the site: a kit is kept per meeting and read on its own."""
    config = load_config(REPO)
    options = BuildOptions(source=REPO, output=REPO / "_site", cache=False, today=date(2025, 9, 1))
    with _meeting_store(config, None) as store:
        site = load(config, options, BuildState(), None, store=store).site
    for meeting in site.meetings:
        kit = site.around(meeting)
        assert (
            kit.meetings == () and kit.bodies == () and kit.body_of[meeting.source].meetings == ()
        )
        assert set(kit.paths) <= set(site.paths) and meeting.source in kit.paths
        others = {m.source for m in site.meetings} - {meeting.source}
        assert not others & set(kit.history)
        # the plain pages' titles for the footer, not their texts (the guide's are 150 KB)
        assert kit.pages and not any(p.html for p in kit.pages)
        assert kit.body_of[meeting.source].info is None


TODAY = date(2024, 6, 1)


def _build(root: Path, search: bool = True, cache: bool = True, out: Path | None = None) -> Any:
    return build(
        BuildOptions(
            source=root, output=out or root / "_site", today=TODAY, search=search, cache=cache
        )
    )


def _prose(file: Path, words: str) -> None:
    """Add words at the start of the first item's first paragraph (prose only)."""
    text = file.read_text(encoding="utf-8")
    paragraph = text.index("\n\n", text.index("\n## ")) + 2
    file.write_text(text[:paragraph] + words + " " + text[paragraph:], encoding="utf-8")


def _no_loading(monkeypatch: pytest.MonkeyPatch) -> None:
    import generator.build.pipeline as pipeline
    from generator.build.cache import Cache

    def refuse(*_: object, **__: object) -> None:
        raise AssertionError("a prose edit made from its kit reads no parses, derives nothing")

    monkeypatch.setattr(pipeline, "derive_site", refuse)
    monkeypatch.setattr(Cache, "load_parsed", refuse)


@pytest.fixture
def archive(tmp_site: SiteFactory) -> Path:
    root = tmp_site(dict(meeting_files(30)))
    _build(root)
    return root


def test_a_prose_edit_is_made_from_its_kit_with_its_search_index(
    archive: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No parse record read, nothing derived: the page and its search index are redone,
    the site equals a clean build's (search indexes included), and so does the next edit."""
    newest = sorted((archive / "content").rglob("*.md"))[-1]
    with monkeypatch.context() as patched:
        _no_loading(patched)
        _prose(newest, "Rättat stavfel.")
        result = _build(archive)
        _prose(newest, "Och ett till.")
        again = _build(archive)
    assert (result.rendered, again.rendered) == (1, 1)
    assert again.footprint == measure(archive / "_site")  # counted by what changed
    page = next((archive / "_site").rglob(newest.stem + "/index.html")).read_text()
    assert "Och ett till. Rättat stavfel." in page
    _build(archive, cache=False, out=tmp_path / "clean")
    assert output_files(archive / "_site") == output_files(tmp_path / "clean")


def test_a_kit_from_before_another_meetings_change_is_refused(
    archive: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A case number handled once or twice leads from each handling to the other: a new
    meeting handling it changes the first one's page. A kit kept from before (here put back
    by hand) makes that page without the new handling, so its fingerprint is not the one
    recorded: the build goes the general way, and the page shows the new handling."""
    import generator.build.pipeline as pipeline

    folder = archive / "content/kommunstyrelsen/2024"
    folder.mkdir(parents=True)
    first = folder / "2024-05-20.md"
    first.write_text(_handling("2024-05-20"), encoding="utf-8")
    _build(archive)
    kits = sorted(Cache(archive).kits_dir().iterdir(), key=lambda f: f.stat().st_mtime_ns)
    kit = kits[-1]  # the newest meeting's, kept last
    before = kit.read_bytes()
    (folder / "2024-05-30.md").write_text(_handling("2024-05-30"), encoding="utf-8")
    _build(archive)
    assert kit.read_bytes() != before  # the first meeting's page changed: its kit too
    kit.write_bytes(before)
    _prose(first, "Rättat stavfel.")
    derived: list[int] = []
    real = pipeline.derive_site
    monkeypatch.setattr(pipeline, "derive_site", lambda *a, **k: derived.append(1) or real(*a, **k))
    assert _build(archive).rendered == 1 and derived
    page = (archive / "_site/kommunstyrelsen/2024-05-20/index.html").read_text()
    assert "Rättat stavfel." in page and "30 maj 2024" in page
    _build(archive, cache=False, out=tmp_path / "clean")
    assert output_files(archive / "_site") == output_files(tmp_path / "clean")


def _handling(day: str) -> str:
    """A meeting that handles case KS 2024/999 (and nothing else does)."""
    return (
        f"---\nbody: Kommunstyrelsen\ndate: {day}\n---\n\n"
        '## § 1 Samma ärende {#p1 case="KS 2024/999"}\n\nText om ärendet.\n'
    )


def test_an_older_meetings_first_prose_edit_keeps_its_kit_for_the_next(
    tmp_site: SiteFactory, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A whole build keeps kits for its KIT_MEETINGS newest meetings; an older meeting's
    first prose edit goes the general way and keeps its kit, so the next is made from it."""
    from generator.build import kits

    monkeypatch.setattr(kits, "KIT_MEETINGS", 3)
    import generator.build.pipeline as pipeline

    monkeypatch.setattr(pipeline, "KIT_MEETINGS", 3)
    root = tmp_site(dict(meeting_files(12)))
    _build(root)
    kept = kits.PageKits(Cache(root).kits_dir(), "")
    files = sorted((root / "content").rglob("*.md"), key=lambda f: f.stem)  # by date
    sources = [f.relative_to(root).as_posix() for f in files]
    assert [kept.has(s) for s in sources] == [False] * 9 + [True] * 3
    _prose(files[0], "Första rättelsen.")
    assert _build(root).rendered == 1 and kept.has(sources[0])
    with monkeypatch.context() as patched:
        _no_loading(patched)
        _prose(files[0], "Andra rättelsen.")
        assert _build(root).rendered == 1
    _build(root, cache=False, out=tmp_path / "clean")
    assert output_files(root / "_site") == output_files(tmp_path / "clean")


def test_kits_of_meetings_gone_are_dropped(archive: Path) -> None:
    folder = Cache(archive).kits_dir()
    before = len(list(folder.iterdir()))
    sorted((archive / "content").rglob("*.md"))[-1].unlink()
    _build(archive)
    assert len(list(folder.iterdir())) == before - 1


@pytest.mark.parametrize(
    ("raw_html", "written"),
    [
        (False, "[mötet](minutes:{target}#p1)"),
        (True, "[mötet](minutes:{target}#p1)"),
        (True, '<a href="minutes:{target}#p1">mötet</a>'),
        (True, '<a href="minutes&#58;{target}">mötet</a>'),
    ],
)
def test_an_address_written_as_a_content_links_mark_is_no_link(
    tmp_site: SiteFactory, tmp_path: Path, raw_html: bool, written: str
) -> None:
    """Found reviewing kits: a clerk's address in the form the parser marks a link to
    another file with (``minutes:``, a Markdown link or raw HTML) was pointed at that file's
    page by the renderer, though no fingerprint knew the page showed it: after a prose edit
    the page made from its kit linked elsewhere than a clean build's (and a page linking
    such a way went stale when the other page moved). It is no link now."""
    toml = 'title = "Test"\nlanguage = "sv"\n' + ("raw_html = true\n" if raw_html else "")
    root = tmp_site(dict(meeting_files(6)), toml)
    _build(root, search=False)
    files = sorted((root / "content").rglob("*.md"))
    target = files[0].relative_to(root / "content").as_posix()
    _prose(files[-1], "Se " + written.format(target=target) + " här.")
    assert _build(root, search=False).rendered == 1
    page = next((root / "_site").rglob(files[-1].stem + "/index.html")).read_text()
    assert "<a>mötet</a>" in page
    _build(root, search=False, cache=False, out=tmp_path / "clean")
    assert output_files(root / "_site") == output_files(tmp_path / "clean")


def _older_layout(source: str, kit: Site) -> bytes:
    """A kit file as another version of minutes wrote it: its Site without a field."""
    import dataclasses
    import pickle

    values = [getattr(kit, f.name) for f in dataclasses.fields(Site)][:-1]

    class Older:  # pickled as a Site whose state lacks the last field
        def __reduce__(self) -> tuple[object, ...]:
            return (object.__new__, (Site,), values)

    return pickle.dumps((source, Older()))


def test_a_damaged_or_foreign_kit_is_read_as_missing(tmp_site: SiteFactory, tmp_path: Path) -> None:
    """Found reviewing kits: a kit file damaged in a way pickle does not expect, or one
    written by another version of minutes (its classes' fields differ), stopped the build
    with a traceback. A kit made under other settings or code, or damaged, is never read:
    the build goes the general way (and keeps the kit anew)."""
    root = tmp_site(dict(meeting_files(6)))
    _build(root, search=False)
    files = sorted((root / "content").rglob("*.md"))
    newest, other = (f.relative_to(root).as_posix() for f in (files[-1], files[-2]))

    def kit_file(source: str) -> Path:
        name = hashlib.sha256(source.encode()).hexdigest()[:24]
        return Cache(root).kits_dir() / f"{name}.pickle"

    config = load_config(root)
    options = BuildOptions(source=root, output=root / "_site", cache=False, today=TODAY)
    with _meeting_store(config, None) as store:
        site = load(config, options, BuildState(), None, store=store).site
    meeting = next(m for m in site.meetings if m.source == newest)
    whole = kit_file(newest).read_bytes()
    frame = whole.index(b"\x95")  # pickle's frame: its length in the next 8 bytes
    damages = {
        "frame too long": whole[: frame + 1] + b"\xff" * 8 + whole[frame + 9 :],
        "cut short": whole[: len(whole) // 2],
        "another meeting's": kit_file(other).read_bytes(),
        "another version's": _older_layout(newest, site.around(meeting)),
        "empty": b"",
    }
    for name, damaged in damages.items():
        kit_file(newest).write_bytes(damaged)
        _prose(files[-1], f"Rättat ({name}).")
        assert _build(root, search=False).rendered == 1, name
    _build(root, search=False, cache=False, out=tmp_path / "clean")
    assert output_files(root / "_site") == output_files(tmp_path / "clean")


def test_kits_kept_by_serve_with_its_drafts_are_not_trusted_by_build(
    tmp_site: SiteFactory, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``minutes serve`` keeps kits made from its site with the drafts on it: a draft
    handling the same case number shows on a meeting's page there. It keeps them in a
    folder of its own output's, so ``minutes build`` makes its prose edit from its own kit,
    without the draft (and would refuse serve's: not the page it recorded)."""
    from generator.build.cache import SERVE_DIR
    from generator.build.pipeline import Session

    root = tmp_site(
        {
            "content/ks/2024-05-20.md": _handling("2024-05-20"),
            "content/ks/2024-05-27.md": _handling("2024-05-27").replace(
                "---\n\n", "status: draft\n---\n\n", 1
            ),
        }
    )
    _build(root, search=False)
    served = BuildOptions(
        source=root, output=root / SERVE_DIR, today=TODAY, drafts=True, search=False
    )
    build(served, session=Session())
    assert "27 maj 2024" in (root / SERVE_DIR / "kommunstyrelsen/2024-05-20/index.html").read_text()
    _prose(root / "content/ks/2024-05-20.md", "Rättat stavfel.")
    with monkeypatch.context() as patched:
        _no_loading(patched)
        assert _build(root, search=False).rendered == 1
    page = (root / "_site/kommunstyrelsen/2024-05-20/index.html").read_text()
    assert "Rättat stavfel." in page and "27 maj 2024" not in page
    _build(root, search=False, cache=False, out=tmp_path / "clean")
    assert output_files(root / "_site") == output_files(tmp_path / "clean")


def test_a_kit_left_from_before_its_meeting_moved_is_not_used(
    tmp_site: SiteFactory, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A kit is not kept anew for an older meeting (beyond KIT_MEETINGS) whose page moved:
    another file for its body and day takes its address. The kit names the old address,
    whose page is now the other meeting's: its fingerprint is not that page's."""
    import generator.build.pipeline as pipeline

    root = tmp_site({"content/ks/2024-05-20.md": _handling("2024-05-20")})
    _build(root, search=False)
    monkeypatch.setattr(pipeline, "KIT_MEETINGS", 0)
    (root / "content/a").mkdir()
    (root / "content/a/2024-05-20.md").write_text(
        _handling("2024-05-20").replace("Samma ärende", "Ett annat"), encoding="utf-8"
    )
    _build(root, search=False)
    moved = (root / "_site/kommunstyrelsen/2024-05-20-2/index.html").read_text()
    assert "Samma ärende" in moved
    _prose(root / "content/ks/2024-05-20.md", "Rättat stavfel.")
    assert _build(root, search=False).rendered == 1
    _build(root, search=False, cache=False, out=tmp_path / "clean")
    assert output_files(root / "_site") == output_files(tmp_path / "clean")


def test_a_meeting_file_named_in_bytes_that_are_not_utf8_keeps_its_kit(
    tmp_site: SiteFactory, tmp_path: Path
) -> None:
    """Found reviewing kits: a file name that is not UTF-8 (a name made on another system;
    its page's address is made from its date) stopped every build once the output was in
    place: the kit's file was named by encoding the name as UTF-8."""
    root = tmp_site({})
    name = os.fsdecode(b"content/ks/2024-05-06-\xff.md")
    (root / name).parent.mkdir(parents=True)
    (root / name).write_text(_handling("2024-05-06"), encoding="utf-8")
    _build(root, search=False)
    _prose(root / name, "Rättat stavfel.")
    assert _build(root, search=False).rendered == 1
    assert "Rättat stavfel." in (root / "_site/kommunstyrelsen/2024-05-06/index.html").read_text()
    _build(root, search=False, cache=False, out=tmp_path / "clean")
    assert output_files(root / "_site") == output_files(tmp_path / "clean")


def test_a_prose_edit_with_an_error_is_refused_with_its_line_and_the_site_kept(
    archive: Path,
) -> None:
    """The kit's short way is only for edits whose problems are those the file had: a
    personal identity number typed into running text stops the build (exit 1, file:line,
    what is wrong) and the output stays as the last build left it."""
    from click.testing import CliRunner

    from generator.cli import main

    newest = sorted((archive / "content").rglob("*.md"), key=lambda f: f.stem)[-1]
    before = output_files(archive / "_site")
    _prose(newest, "Sökande 811218-9876.")
    result = CliRunner().invoke(
        main, ["build", "--source", str(archive), "--today", TODAY.isoformat()]
    )
    assert result.exit_code == 1
    lines = newest.read_text(encoding="utf-8").splitlines()
    line = next(n for n, text in enumerate(lines, 1) if "811218-9876" in text)
    where = newest.relative_to(archive).as_posix()
    assert f"{where}:{line}: '811218-9876' looks like a personal identity number" in result.output
    assert output_files(archive / "_site") == before


def test_a_link_in_the_cache_leads_no_prune_outside_it(
    tmp_site: SiteFactory, tmp_path: Path
) -> None:
    """The store of whole parses and the kits are emptied of what the site no longer
    needs; a folder among them that is a link (put there by hand) is not followed: what it
    leads to is not the build's to delete."""
    root = tmp_site(meeting_files(6))
    _build(root, search=False)
    elsewhere = tmp_path / "elsewhere"
    for name in ("store", "kits"):
        (elsewhere / name).mkdir(parents=True)
        (elsewhere / name / "keep.pickle").write_bytes(b"not the build's")
    cache = root / ".minutes-cache"
    (cache / "meetings" / "zz").symlink_to(elsewhere / "store")
    kits = next((cache / "kits").iterdir())
    shutil.rmtree(kits)
    kits.symlink_to(elsewhere / "kits")
    for path in sorted((root / "content").rglob("*.md")):
        path.write_text(path.read_text() + "\nTillägg.\n")  # every stored parse replaced
    _build(root, search=False)
    assert (elsewhere / "store" / "keep.pickle").read_bytes() == b"not the build's"
    assert (elsewhere / "kits" / "keep.pickle").read_bytes() == b"not the build's"
