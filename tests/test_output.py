"""The output folder is the only thing a build may change: a wrong --output is refused before
anything is written, no file name can direct a write or a delete elsewhere, and a build that
fails while its changes go in leaves the output byte for byte as it was."""

from __future__ import annotations

import errno
import hashlib
import json
import os
import shutil
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.build import pagefind, write
from generator.build.outfolder import MARKER, check_rel
from generator.build.pagefind import SearchIndexError
from generator.build.pipeline import BuildOptions, BuildResult, build
from generator.cli import main
from generator.content.errors import BuildFailed, ConfigError

from conftest import SiteFactory
from corpus import meeting_files

TODAY = date(2024, 6, 1)
EXAMPLES = int(os.environ.get("MINUTES_EXAMPLES_FACTOR", "1"))  # x20 for a long run by hand


def tree(folder: Path) -> dict[str, tuple[str, ...]]:
    """Everything under ``folder``, hidden files too: folders, links, files with hash, mtime
    and inode (byte-identical and untouched)."""
    found: dict[str, tuple[str, ...]] = {}
    for path in sorted(folder.rglob("*")):
        rel = path.relative_to(folder).as_posix()
        if path.is_symlink():
            found[rel] = ("link", os.readlink(path))
        elif path.is_dir():
            found[rel] = ("dir",)
        else:
            st = path.stat()
            found[rel] = (
                hashlib.sha256(path.read_bytes()).hexdigest(),
                str(st.st_mtime_ns),
                str(st.st_ino),
            )
    return found


def digest(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def again(root: Path, output: Path | None = None, **options: object) -> BuildResult:
    options.setdefault("search", False)
    return build(BuildOptions(source=root, output=output or root / "_site", today=TODAY, **options))  # type: ignore[arg-type]


def clean(root: Path, where: Path, **options: object) -> Path:
    if where.exists():
        shutil.rmtree(where)
    again(root, where, cache=False, **options)
    return where


def leftovers(output: Path) -> list[str]:
    """Working files of a build beside the output (the lock file stays)."""
    return sorted(
        p.name
        for p in output.parent.iterdir()
        if p.name.startswith(f".{output.name}.") and not p.name.endswith(".lock")
    )


def names(folder: Path) -> list[str]:
    """What is in ``folder`` besides the lock files of builds."""
    return sorted(p.name for p in folder.iterdir() if not p.name.endswith(".lock"))


# --- refusals ---------------------------------------------------------------------------


def refused(tmp_path: Path, root: Path, output: str | Path, *extra: str) -> str:
    """Run ``minutes build -o output``; it must fail with one line and change nothing."""
    before = tree(tmp_path)
    result = CliRunner().invoke(
        main, ["build", "--source", str(root), "--no-search", "--output", str(output), *extra]
    )
    assert result.exit_code == 1, result.output
    assert tree(tmp_path) == before  # not a lock file, not a cache
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: output folder "), result.output
    return lines[0]


@pytest.fixture
def small(tmp_site: SiteFactory) -> Path:
    return tmp_site(meeting_files(3))


def test_refuses_the_site_folder_and_what_holds_it(small: Path, tmp_path: Path) -> None:
    assert "that is the site folder itself" in refused(tmp_path, small, small)
    assert "that is the site folder itself" in refused(tmp_path, small, small / ".")
    assert "it holds the site folder" in refused(tmp_path, small, tmp_path)
    assert "it holds the site folder" in refused(tmp_path, small, "/")


def test_refuses_a_folder_with_sources_or_inside_content(small: Path, tmp_path: Path) -> None:
    other = tmp_path / "other-site"
    (other / "content").mkdir(parents=True)
    assert "it holds content, so it looks like a site's sources" in refused(tmp_path, small, other)
    shutil.rmtree(other / "content")
    (other / "site.toml").write_text('title = "Annan"\n')
    assert "it holds site.toml" in refused(tmp_path, small, other)
    assert "it is inside content/" in refused(tmp_path, small, small / "content/out")
    assert "it is inside content/" in refused(tmp_path, small, small / "content")


def test_refuses_a_file_and_a_folder_minutes_did_not_write(small: Path, tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("mina anteckningar")
    before = tree(tmp_path)
    with pytest.raises(ConfigError, match="it is a file, not a folder"):
        again(small, tmp_path / "notes.txt")  # (the command line says so itself)
    assert tree(tmp_path) == before
    (tmp_path / "www").mkdir()
    (tmp_path / "www/index.html").write_text("en annan webbplats")
    line = refused(tmp_path, small, tmp_path / "www")
    assert f"holds files that minutes did not write (there is no {MARKER} in it)" in line


def test_refuses_a_link_to_a_folder_it_may_not_write(small: Path, tmp_path: Path) -> None:
    (tmp_path / "link").symlink_to(small)
    line = refused(tmp_path, small, tmp_path / "link")
    assert f"output folder {tmp_path / 'link'} → {small}" in line
    assert "that is the site folder itself" in line
    (tmp_path / "link-to-content").symlink_to(small / "content")
    assert "it is inside content/" in refused(tmp_path, small, tmp_path / "link-to-content")


def test_refuses_a_folder_inside_the_cache(small: Path, tmp_path: Path) -> None:
    """An output inside .minutes-cache/meetings/ lost its files to the next build's pruning
    of the cache (and that build then failed on a folder it could not unlink)."""
    again(small)  # the cache is there, with the parses of its meetings
    cache = small / ".minutes-cache"
    for inside in (cache / "meetings/zz", cache / "out", cache):
        assert "it is inside .minutes-cache/, which minutes keeps" in refused(
            tmp_path, small, inside
        )
    again(small, cache / "serve")  # what `minutes serve` builds into


def test_refuses_a_loop_of_links_in_one_line(small: Path, tmp_path: Path) -> None:
    (tmp_path / "a").symlink_to(tmp_path / "b")
    (tmp_path / "b").symlink_to(tmp_path / "a")
    assert "it is a link that leads round in a loop" in refused(tmp_path, small, tmp_path / "a")


def test_builds_into_a_new_an_empty_and_an_earlier_output(small: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    (tmp_path / "empty").mkdir()
    for output in (tmp_path / "new/deeper", tmp_path / "empty", tmp_path / "empty"):
        result = runner.invoke(
            main, ["build", "--source", str(small), "--no-search", "--output", str(output)]
        )
        assert result.exit_code == 0, result.output
        assert (output / MARKER).is_file() and (output / "index.html").is_file()


def test_an_output_written_before_the_marker_is_recognised_by_the_cache(small: Path) -> None:
    again(small)
    out = small / "_site"
    (out / MARKER).unlink()  # as built by a version without markers
    again(small)  # the cache recorded it as this site's output: rebuilt whole, now marked
    assert (out / MARKER).is_file()
    (out / MARKER).unlink()
    with pytest.raises(ConfigError, match="did not write"):  # without the cache: refused
        again(small, cache=False)


def test_a_linked_output_is_built_at_its_target(small: Path, tmp_path: Path) -> None:
    target = tmp_path / "www/protokoll"
    link = tmp_path / "published"
    link.symlink_to(target)
    again(small, link)
    assert link.is_symlink() and (target / "index.html").is_file()
    edited = sorted((small / "content").rglob("*.md"))[0]
    edited.write_text(edited.read_text().replace("Bifall.", "Bifall med ändring."))
    again(small, link)  # an incremental build, through the link
    assert link.is_symlink() and os.readlink(link) == str(target)
    assert digest(target) == digest(clean(small, tmp_path / "clean"))
    assert leftovers(target) == []
    assert names(tmp_path) == ["clean", "published", "site", "www"]


# --- hostile file names -----------------------------------------------------------------


def hostile_files(outside: Path) -> dict[str, bytes]:
    """Files under content/files/ whose names once steered the journal: a newline or U+2028
    followed by '-' and an absolute path, names that are not UTF-8, names like '-/x', '+x',
    '..x'. Each maps to its bytes."""
    inner = "/".join(outside.parts[1:])  # the sentinel's folder, as a path under files/
    names = [
        f"files/a\n-/{inner}/sentinel-1.txt",
        f"files/b\u2028-/{inner}/sentinel-2.txt",
        f"files/c\x85-/{inner}/sentinel-3.txt",
        os.fsdecode(b"files/\xff\xfe-not-utf8/r\xe4tt.txt"),
        "files/-/x.txt",
        "files/+x.txt",
        "files/-../x.txt",
        "files/\u2029-x.txt",
        "files/d\r-e.txt",
    ]
    return {name: f"bilaga {n}\n".encode() for n, name in enumerate(names)}


@pytest.mark.parametrize("way", ["moved", "cloned"])
def test_no_file_name_directs_a_write_or_a_delete(
    tmp_site: SiteFactory, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, way: str
) -> None:
    if way == "cloned":
        monkeypatch.setenv(write.TEST_SWAP_FROM, "1")
    outside = tmp_path / "outside"
    outside.mkdir()
    sentinels = {n: outside / f"sentinel-{n}.txt" for n in (1, 2, 3)}
    for path in sentinels.values():
        path.write_text("must survive")
    root = tmp_site(meeting_files(4))
    out = root / "_site"
    again(root)
    files = hostile_files(outside)
    for rel, data in files.items():
        (root / "content" / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / "content" / rel).write_bytes(data)
    again(root)  # adds them, incrementally
    for rel, data in files.items():
        assert (out / rel).read_bytes() == data  # published under their own names
    assert digest(out) == digest(clean(root, tmp_path / "clean"))
    shutil.rmtree(root / "content/files")
    again(root)  # removes them, incrementally
    assert not (out / "files").exists()
    assert digest(out) == digest(clean(root, tmp_path / "clean"))
    assert all(p.read_text() == "must survive" for p in sentinels.values())
    assert names(tmp_path) == ["clean", "outside", "site"]


def test_paths_inside_the_output_only() -> None:
    for bad in ("", "/etc/passwd", "../x", "a/../../x", "a//b", "./a", "a/.", "a\0b", "a/"):
        with pytest.raises(ValueError):
            check_rel(bad)
    for good in ("a", "-/x", "a\n-/b", "..x/y", "x..", "\udcff"):
        assert check_rel(good) == good


def test_an_attachment_must_be_a_file_inside_content(tmp_path: Path) -> None:
    content = tmp_path / "content"
    (content / "files").mkdir(parents=True)
    (tmp_path / "secret.txt").write_text("hemligt")
    (content / "files/ut.txt").symlink_to(tmp_path / "secret.txt")
    (content / "files/in.txt").write_text("offentligt")
    (content / "files/also.txt").symlink_to(content / "files/in.txt")
    os.mkfifo(content / "files/fifo")
    assert write.read_attachment(content, "files/also.txt") == b"offentligt"
    with pytest.raises(BuildFailed) as link:
        write.read_attachment(content, "files/ut.txt")
    assert [str(p) for p in link.value.problems] == [
        "content/files/ut.txt: it is a link to a file outside content/, which is never "
        "published; put the file itself in content/"
    ]
    with pytest.raises(BuildFailed) as fifo:
        write.read_attachment(content, "files/fifo")
    assert [str(p) for p in fifo.value.problems] == [
        "content/files/fifo: it is not a regular file; only files can be published"
    ]


# --- failures while the changes go in ---------------------------------------------------


@pytest.fixture
def site(tmp_site: SiteFactory) -> Path:
    root = tmp_site(meeting_files(30))
    again(root)
    return root


def edit_some(root: Path) -> None:
    """Change a few meetings' text, remove one, add one: files replaced, removed, added."""
    files = sorted((root / "content").rglob("*.md"))
    for path in files[2:5]:
        path.write_text(path.read_text().replace("Bifall.", "Bifall efter omröstning."))
    files[7].unlink()
    (root / "content/files").mkdir(exist_ok=True)
    (root / "content/files/ny.txt").write_text("ny bilaga")


def fail_on(monkeypatch: pytest.MonkeyPatch, call: str, into: Path, nth: int) -> list[int]:
    """Make the ``nth`` ``os.<call>`` whose destination is inside ``into`` fail (once)."""
    real = getattr(os, call)
    seen = [0]

    def failing(src: object, dst: object, *args: object, **kwargs: object) -> object:
        if str(dst).startswith(f"{into}{os.sep}") and seen[0] >= 0:
            if seen[0] == nth:
                seen[0] = -1
                raise OSError(errno.ENOSPC, "No space left on device (injected)", str(dst))
            seen[0] += 1
        return real(src, dst, *args, **kwargs)

    monkeypatch.setattr(os, call, failing)
    return seen


@pytest.mark.parametrize("nth", [0, 3, 7])
def test_a_failure_while_moving_files_in_leaves_the_output_as_it_was(
    site: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, nth: int
) -> None:
    out = site / "_site"
    before = tree(out)
    edit_some(site)
    seen = fail_on(monkeypatch, "replace", out, nth)
    with pytest.raises(OSError, match="injected"):
        again(site)
    assert seen == [-1]  # the failure did happen while files were moved in
    monkeypatch.undo()
    assert tree(out) == before  # every byte, mtime and inode
    assert leftovers(out) == []
    again(site)
    assert digest(out) == digest(clean(site, tmp_path / "clean"))


def test_a_failure_while_removing_files_leaves_the_output_as_it_was(
    site: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = site / "_site"
    before = tree(out)
    edit_some(site)
    real = os.unlink

    failed: list[str] = []

    def failing(path: object, *args: object, **kwargs: object) -> None:
        if str(path).startswith(f"{out}{os.sep}") and not failed:
            failed.append(str(path))
            raise OSError(errno.EIO, "Input/output error (injected)", str(path))
        real(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "unlink", failing)
    with pytest.raises(OSError, match="injected"):
        again(site)
    monkeypatch.undo()
    assert failed and "2019" in failed[0]  # the page of the meeting removed
    assert tree(out) == before
    assert leftovers(out) == []


def test_a_failure_in_a_cloned_patch_leaves_the_output_as_it_was(
    site: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = site / "_site"
    before = tree(out)
    (site / "site.toml").write_text('title = "Ny titel"\nlanguage = "sv"\n')  # every page
    monkeypatch.setenv(write.TEST_SWAP_FROM, "10")
    fail_on(monkeypatch, "replace", site / "._site.staging", 5)
    with pytest.raises(OSError, match="injected"):
        again(site)
    monkeypatch.undo()
    assert tree(out) == before
    assert leftovers(out) == []


def test_a_failing_search_index_leaves_the_output_as_it_was(
    tmp_site: SiteFactory, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_site(meeting_files(12))
    out = root / "_site"
    again(root, search=True)
    before = tree(out)
    edit_some(root)
    real = pagefind._command

    def broken(*args: object, **kwargs: object) -> list[str]:
        return [*real(*args, **kwargs), "--no-such-option"]  # type: ignore[arg-type]

    monkeypatch.setattr(pagefind, "_command", broken)
    with pytest.raises(SearchIndexError):
        again(root, search=True)
    monkeypatch.undo()
    assert tree(out) == before  # the pages, too, wait for their index
    assert leftovers(out) == []
    again(root, search=True)
    expected = clean(root, tmp_path / "clean", search=True)
    for folder in (out, expected):  # Pagefind's bytes vary from run to run; its pages do not
        assert sorted(p.name for p in (folder / "pagefind").iterdir()) == ["2019-2019"]
    assert len(list(out.glob("pagefind/*/fragment/*"))) == len(
        list(expected.glob("pagefind/*/fragment/*"))
    )
    assert {k: v for k, v in digest(out).items() if "pagefind" not in k} == {
        k: v for k, v in digest(expected).items() if "pagefind" not in k
    }


# --- the cache never describes another output -------------------------------------------


@pytest.mark.parametrize("how", ["killed after the switch", "built without the cache"])
def test_a_state_that_does_not_describe_the_output_is_not_trusted(
    site: Path, tmp_path: Path, how: str
) -> None:
    out = site / "_site"
    cache = site / ".minutes-cache"
    new = site / "content/kommunstyrelsen/2030/2030-01-01.md"
    new.parent.mkdir(parents=True)
    new.write_text("---\nbody: Kommunstyrelsen\ndate: 2030-01-01\nstatus: planned\n---\n")
    if how == "built without the cache":
        again(site, cache=False)
    else:  # the state as it was before: the build was killed before it saved its own
        kept = tmp_path / "kept-cache"
        shutil.copytree(cache, kept)
        again(site)
        shutil.rmtree(cache)
        shutil.copytree(kept, cache)
    assert (out / "kommunstyrelsen/2030-01-01/index.html").is_file()
    new.unlink()
    again(site)
    assert not (out / "kommunstyrelsen/2030-01-01/index.html").exists()
    assert digest(out) == digest(clean(site, tmp_path / "clean"))


# --- the journal, for any names ---------------------------------------------------------

CHARS = st.one_of(
    st.characters(blacklist_characters="/\0", blacklist_categories=("Cs",)),
    st.sampled_from("\n\r\u2028\u2029\x85-+."),  # what once was syntax, and
    st.sampled_from([chr(c) for c in range(0xDC80, 0xDD00)]),
)  # bytes not UTF-8
NAME = st.text(alphabet=CHARS, min_size=1, max_size=6).filter(lambda n: n not in (".", ".."))
REL = st.lists(NAME, min_size=1, max_size=3).map(
    lambda parts: os.fsdecode(os.fsencode("/".join(parts)))
)  # as the file system names it


def _tree_like(rels: list[str]) -> bool:
    """No path is a folder of another (then they can all be files at once)."""
    return len(set(rels)) == len(rels) and not any(
        b.startswith(a + "/") for a in rels for b in rels
    )


@settings(
    max_examples=40 * EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(rels=st.lists(REL, min_size=1, max_size=10).filter(_tree_like), data=st.data())
def test_a_patch_is_applied_whole_or_rolled_back_for_any_names(
    tmp_path_factory: pytest.TempPathFactory, rels: list[str], data: st.DataObject
) -> None:
    """Whatever the names (newlines, U+2028, lone surrogates: bytes that are not UTF-8), a
    patch is put in place whole, or, cut short at any file, rolled back to the very same
    files."""
    old = data.draw(st.sets(st.sampled_from(rels)))
    new = data.draw(st.sets(st.sampled_from(rels)))
    gone = data.draw(st.sets(st.sampled_from(sorted(old - new)))) if old - new else set()
    cut = data.draw(st.integers(min_value=0, max_value=len(rels) + 1))
    output = tmp_path_factory.mktemp("journal") / "out"
    output.mkdir()
    for rel in old:
        (output / rel).parent.mkdir(parents=True, exist_ok=True)
        (output / rel).write_bytes(b"old " + os.fsencode(rel))
    before = tree(output)
    patch = write.Patch(output)
    for rel in sorted(new):
        patch.write(rel, b"new " + os.fsencode(rel))
    for rel in sorted(gone):
        patch.remove(rel)
    real = write.checkpoint

    def cut_short(stage: str, count: int = 0) -> None:
        if stage == "apply" and count == cut:
            raise OSError(errno.EIO, "cut short")
        real(stage, count)

    write.checkpoint = cut_short  # type: ignore[assignment]
    try:
        patch.apply()
        applied = True
    except OSError:
        patch.abandon()
        applied = False
    finally:
        write.checkpoint = real
    if applied:
        expected = {rel: b"old " + os.fsencode(rel) for rel in old - gone}
        expected.update((rel, b"new " + os.fsencode(rel)) for rel in new)
        got = {
            p.relative_to(output).as_posix(): p.read_bytes()
            for p in output.rglob("*")
            if p.is_file() and p.name != MARKER
        }
        assert got == expected
    else:
        assert tree(output) == before
    assert leftovers(output) == []
    shutil.rmtree(output.parent)


def test_the_journal_keeps_names_as_data(tmp_path: Path) -> None:
    output = tmp_path / "out"
    output.mkdir()
    (output / "a").mkdir()
    (output / "a/x").write_bytes(b"old")
    patch = write.Patch(output)
    names = ["a/x", "a\n-/etc/passwd", "b\u2028-../x", os.fsdecode(b"\xff\xfe")]
    for name in names:
        patch.write(name, b"new")
    real = write.checkpoint

    def stop(stage: str, count: int = 0) -> None:
        if stage == "apply" and count == 2:
            text = write.sibling(output, "journal").read_bytes()
            assert text.isascii() and b"\n" not in text  # one JSON line: no name is syntax
            assert set(json.loads(text)["puts"]) == {*names, MARKER}
            raise OSError(errno.EIO, "stop")
        real(stage, count)

    write.checkpoint = stop  # type: ignore[assignment]
    try:
        with pytest.raises(OSError):
            patch.apply()
    finally:
        write.checkpoint = real
    assert (output / "a/x").read_bytes() == b"old"
    assert sorted(p.relative_to(output).as_posix() for p in output.rglob("*")) == ["a", "a/x"]


def test_an_attachment_named_by_a_roundabout_path_is_published_once(tmp_site: SiteFactory) -> None:
    root = tmp_site(
        {
            "content/a.md": "---\nbody: X\ndate: 2024-01-01\nattachments:\n"
            "  - {title: A, file: files/../bilagor/./a.pdf}\n---\n",
            "content/bilagor/a.pdf": b"%PDF a",
        }
    )
    again(root)
    assert (root / "_site/bilagor/a.pdf").read_bytes() == b"%PDF a"
