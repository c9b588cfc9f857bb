"""The build's summary of its output (bytes, files and folders) is true: after a patch it is
the last build's figure with what the patch changed (write.Patch.moved), and wherever that
cannot tell, a walk. Each test compares it with a walk of the output after the build."""

from __future__ import annotations

import os
import shutil
from datetime import date
from pathlib import Path

import pytest

from generator.build import write
from generator.build.adopt import adopt
from generator.build.footprint import measure
from generator.build.pipeline import BuildOptions, BuildResult, build

from conftest import SiteFactory
from corpus import meeting_files

BOTH_WAYS = pytest.mark.parametrize("swap", ["", "1"])  # moved in file by file; a clone
TODAY = date(2024, 6, 1)


def again(root: Path, search: bool = False) -> BuildResult:
    return build(BuildOptions(source=root, output=root / "_site", today=TODAY, search=search))


def counted(root: Path, result: BuildResult) -> None:
    """The summary of ``root``'s build is what a walk of its output finds."""
    assert result.footprint == measure(root / "_site")


def _built(
    tmp_site: SiteFactory,
    monkeypatch: pytest.MonkeyPatch,
    swap: str,
    count: int = 3,
    search: bool = False,
) -> tuple[Path, dict[str, str], str]:
    """A site of ``count`` meetings built in one write mode (``swap``): its folder, its
    files and the first of them."""
    monkeypatch.setenv(write.TEST_SWAP_FROM, swap)
    files = meeting_files(count)
    root = tmp_site(files)
    again(root, search=search)
    return root, files, sorted(files)[0]


@BOTH_WAYS
def test_a_file_that_becomes_a_folder_and_back_is_counted(
    tmp_site: SiteFactory, monkeypatch: pytest.MonkeyPatch, swap: str
) -> None:
    """An attachment `files/a` replaced by `files/a/b.pdf`, and back: the patch's measure
    of what it touched looked through a file as if it were a folder, and the build failed
    with a traceback (every build after it too)."""
    monkeypatch.setenv(write.TEST_SWAP_FROM, swap)
    root = tmp_site({**meeting_files(3), "content/files/a": b"x" * 100})
    counted(root, again(root))
    (root / "content/files/a").unlink()
    (root / "content/files/a").mkdir()
    (root / "content/files/a/b.pdf").write_bytes(b"y" * 50)
    counted(root, again(root))
    (root / "content/files/a/b.pdf").unlink()
    (root / "content/files/a").rmdir()
    (root / "content/files/a").write_bytes(b"z" * 70)
    counted(root, again(root))


def test_a_link_where_a_new_page_goes_is_not_looked_through(
    tmp_site: SiteFactory, tmp_path: Path
) -> None:
    """A link put by hand where a new year's archive folder goes, to a folder outside the
    output holding what the new page's path names: the patch's measure counted the file
    outside as the output's. No build writes a link: the output is walked instead."""
    files = meeting_files(3)
    root = tmp_site(files)
    again(root)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "index.html").write_bytes(b"x" * 5000)
    os.symlink(elsewhere, root / "_site/arkiv/2031")
    first = sorted(files)[0]
    new = root / Path(first).parent.parent / "2031/2031-02-03.md"
    new.parent.mkdir()
    new.write_text(files[first].replace(Path(first).stem, "2031-02-03"), encoding="utf-8")
    counted(root, again(root))
    assert (root / "_site/arkiv/2031/index.html").stat().st_size != 5000
    assert (elsewhere / "index.html").read_bytes() == b"x" * 5000


def test_what_a_clone_leaves_out_is_not_counted(
    tmp_site: SiteFactory, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """A link put by hand in the output, counted by a walk (a page replaced by a link by
    hand is written again: the output is walked), is left out of the clone a large patch
    is applied to, or the one `minutes serve` starts its own output from: the figure
    must not count it."""
    files = meeting_files(4)
    root = tmp_site(files)
    again(root)
    os.symlink("nowhere", root / "_site/by-hand")
    first = sorted(files)[0]
    slug = Path(first).parts[1]
    (root / "_site" / slug / "index.html").unlink()
    os.symlink("nowhere", root / "_site" / slug / "index.html")
    (root / first).write_text(files[first].replace("## § 1", "## § 1 Ny titel", 1))
    counted(root, again(root))  # walked: the link by hand counted
    assert (root / "_site/by-hand").is_symlink()

    served = tmp_path / "served"
    assert adopt(root, served, root / "_site")
    result = build(BuildOptions(source=root, output=served, today=TODAY, search=False))
    assert result.footprint == measure(served)

    monkeypatch.setenv(write.TEST_SWAP_FROM, "1")
    (root / first).write_text(files[first].replace("## § 1", "## § 1 Annan titel", 1))
    counted(root, again(root))
    assert not (root / "_site/by-hand").is_symlink()


EDITS = {  # the short way (running text) and the general way (a title other pages show)
    "prose": lambda text: text + "\nOrdet smultronställe.\n",
    "title": lambda text: text.replace("## § 1", "## § 1 Ny titel", 1),
}


@BOTH_WAYS
@pytest.mark.parametrize("edit", sorted(EDITS))
def test_a_search_index_removed_by_hand_is_made_again_and_counted_once(
    tmp_site: SiteFactory, monkeypatch: pytest.MonkeyPatch, swap: str, edit: str
) -> None:
    """The build makes an index again when it is not there: the patch adds all of it, which
    the last build's figure already held."""
    root, files, first = _built(tmp_site, monkeypatch, swap, 6, search=True)
    for index in (root / "_site/pagefind").iterdir():
        shutil.rmtree(index)
    (root / first).write_text(EDITS[edit](files[first]), encoding="utf-8")
    counted(root, again(root, search=True))
    assert all((i / "pagefind-entry.json").is_file() for i in (root / "_site/pagefind").iterdir())


@BOTH_WAYS
@pytest.mark.parametrize("edit", sorted(EDITS))
def test_a_page_removed_by_hand_and_written_again_is_counted_once(
    tmp_site: SiteFactory, monkeypatch: pytest.MonkeyPatch, swap: str, edit: str
) -> None:
    root, files, first = _built(tmp_site, monkeypatch, swap)
    page = root / "_site" / Path(first).parts[1] / Path(first).stem / "index.html"
    page.unlink()
    (root / first).write_text(EDITS[edit](files[first]), encoding="utf-8")
    result = again(root)
    assert page.is_file()
    counted(root, result)


@BOTH_WAYS
def test_a_file_put_by_hand_where_a_new_page_goes_is_counted(
    tmp_site: SiteFactory, monkeypatch: pytest.MonkeyPatch, swap: str
) -> None:
    root, files, first = _built(tmp_site, monkeypatch, swap)
    page = root / "_site" / Path(first).parts[1] / "2031-02-03/index.html"
    page.parent.mkdir()
    page.write_bytes(b"x" * 5000)
    new = root / Path(first).parent.parent / "2031/2031-02-03.md"
    new.parent.mkdir()
    new.write_text(files[first].replace(Path(first).stem, "2031-02-03"), encoding="utf-8")
    counted(root, again(root))
    assert page.stat().st_size != 5000
