"""Benchmark: CI publishing after one new meeting, as the workflow `minutes init` writes does it.

    python bench/ci_bench.py [--meetings 10000] [--shared ../shared] [--out bench/out]

The shared corpus is committed to a git repository once (the "origin"). A first CI run
clones it, builds with the workflow's own build command and saves `.minutes-cache/` and
`_site/` as the cache actions do (a tar archive). Then one new meeting is committed, and a
second run starts from nothing as a CI runner does: a fresh clone in another folder (new
mtimes, new inodes), the archive restored, and the build timed. The target (issue #15,
point 4) is that build in at most 15 s at 10k meetings; its output must equal a clean
build's (checked, the search indexes' internal filter order aside, see
tests/test_ci_workflow.py).

Prints one JSON line: clone, restore and build seconds, the build's CPU seconds, pages
rendered, peak memory, and whether the result equals the clean build.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tarfile
import time
from datetime import date, timedelta
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "bench"))
sys.path.insert(0, str(REPO))

from build_bench import corpus, timed_build  # noqa: E402

from generator import __version__  # noqa: E402
from generator.scaffold import GITHUB_WORKFLOW  # noqa: E402

TODAY = "2025-12-31"  # timed_build's --today


def git(where: Path, *args: str) -> None:
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "Bench",
        "GIT_AUTHOR_EMAIL": "bench@example.org",
        "GIT_COMMITTER_NAME": "Bench",
        "GIT_COMMITTER_EMAIL": "bench@example.org",
    }
    subprocess.run(["git", *args], cwd=where, env=env, check=True, stdout=subprocess.DEVNULL)


def build_options() -> list[str]:
    """The options of the workflow's build step (`minutes build --strict`)."""
    flow = yaml.safe_load(GITHUB_WORKFLOW.format(version=__version__))
    runs = [s["run"] for s in flow["jobs"]["build"]["steps"] if "minutes build" in s.get("run", "")]
    return runs[0].split()[2:]


def make_origin(source: Path, origin: Path) -> None:
    """The corpus as a repository (once): content, site.toml, a .gitignore as init writes."""
    if (origin / ".git").is_dir():
        return
    shutil.rmtree(origin, ignore_errors=True)
    origin.mkdir(parents=True)
    shutil.copytree(source / "content", origin / "content")
    shutil.copy2(source / "site.toml", origin / "site.toml")
    (origin / ".gitignore").write_text("_site/\n._site.*\n.minutes-cache/\n")
    git(origin, "init", "-q", "-b", "main")
    git(origin, "add", "-A")
    git(origin, "commit", "-q", "-m", "corpus")


def add_meeting(origin: Path) -> str:
    """Commit one new meeting: the newest adjusted meeting of a body, a week later."""
    files = sorted((origin / "content").glob("*/*/*.md"), key=lambda p: p.stem)
    for newest in reversed(files):
        text = newest.read_text(encoding="utf-8")
        if "status: adjusted" in text or "status: published" in text:
            break
    old = newest.stem
    day = date.fromisoformat(old) + timedelta(days=7)
    while (newest.parent.parent / str(day.year) / f"{day}.md").exists():
        day += timedelta(days=1)
    target = newest.parent.parent / str(day.year) / f"{day}.md"
    target.parent.mkdir(exist_ok=True)
    target.write_text(text.replace(old, day.isoformat()), encoding="utf-8")
    git(origin, "add", "-A")
    git(origin, "commit", "-q", "-m", f"new meeting {target.relative_to(origin)}")
    return str(target.relative_to(origin))


def save(clone: Path, archive: Path) -> None:
    """What actions/cache/save does: the cached folders into one archive."""
    with tarfile.open(archive, "w") as tar:
        for name in (".minutes-cache", "_site"):
            tar.add(clone / name, arcname=name)


def restore(archive: Path, clone: Path) -> None:
    with tarfile.open(archive) as tar:
        tar.extractall(clone, filter="tar")


def comparable(folder: Path) -> dict[str, bytes]:
    """Every file's bytes; of each search index its page count (Pagefind's filter files and
    their list differ from run to run on the same pages)."""
    files = {}
    for p in sorted(folder.rglob("*")):
        rel = p.relative_to(folder).as_posix()
        if p.name == "pagefind-entry.json":
            langs = json.loads(p.read_bytes())["languages"]
            files[rel] = repr(sorted((k, v["page_count"]) for k, v in langs.items())).encode()
        elif p.is_file() and not p.name.endswith((".pf_meta", ".pf_filter")):
            files[rel] = p.read_bytes()
    return files


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--meetings", type=int, default=10000)
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    parser.add_argument("--out", type=Path, default=REPO / "bench" / "out")
    parser.add_argument(
        "--no-strict", action="store_true", help="drop --strict (a corpus with warnings)"
    )
    args = parser.parse_args()
    options = [o for o in build_options() if not (args.no_strict and o == "--strict")]
    work = args.out / f"ci-{args.meetings}"
    origin = work / "origin"
    make_origin(corpus(args.shared, args.out, args.meetings), origin)
    for old in ("run-1", "run-2", "clean", "cache.tar"):
        target = work / old
        shutil.rmtree(target, ignore_errors=True) if target.is_dir() else target.unlink(True)
    first = work / "run-1" / "repo"
    git(work, "clone", "-q", str(origin), str(first))
    row: dict[str, object] = {"meetings": args.meetings, "options": options}
    row["first"] = timed_build(first, first / "_site", *options)
    save(first, work / "cache.tar")
    row["new_meeting"] = add_meeting(origin)
    second = work / "run-2" / "repo"  # another folder, as a fresh runner
    started = time.perf_counter()
    git(work, "clone", "-q", str(origin), str(second))
    row["clone_s"] = round(time.perf_counter() - started, 2)
    started = time.perf_counter()
    restore(work / "cache.tar", second)
    row["restore_s"] = round(time.perf_counter() - started, 2)
    row["build"] = timed_build(second, second / "_site", *options)
    clean = timed_build(second, work / "clean", *options, "--no-cache")
    row["clean_wall_s"] = clean["wall_s"]
    row["equals_clean"] = comparable(second / "_site") == comparable(work / "clean")
    print(json.dumps(row), flush=True)
    if not row["equals_clean"]:
        raise SystemExit("the incremental CI build differs from a clean build")


if __name__ == "__main__":
    main()
