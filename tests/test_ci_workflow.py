"""The CI files ``minutes init`` writes publish incrementally: their build steps, run as the
CI would run them (a fresh clone each time, the cache and the previous output restored under
the workflow's key), build one new meeting without rendering the site again, and the result
equals a clean build. The workflow files are read as YAML and their own commands run, so a
change to them is tested as it is written."""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.scaffold import SAMPLES, init_site, renumber

ROOT = Path(__file__).resolve().parent.parent
EPOCH = "1764547200"  # 2025-12-01: the build's date, fixed
CACHED = re.compile(r"\((\d+) rendered, (\d+) files written, (\d+) unchanged\)")


def _git(where: Path, *args: str) -> str:
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "Clerk",
        "GIT_AUTHOR_EMAIL": "clerk@example.org",
        "GIT_COMMITTER_NAME": "Clerk",
        "GIT_COMMITTER_EMAIL": "clerk@example.org",
        "GIT_AUTHOR_DATE": "2025-11-30T12:00:00+0000",
        "GIT_COMMITTER_DATE": "2025-11-30T12:00:00+0000",
    }
    done = subprocess.run(
        ["git", *args], cwd=where, env=env, capture_output=True, text=True, check=True
    )
    return done.stdout


_DAYS = ("2025-09-04", "2025-10-02", "2025-10-30", "2025-11-27")  # besides init's 2025-11-20


def _meeting(day: str) -> str:
    """The sample meeting of ``minutes init`` on another day, its § numbers its own in the
    body's year (it builds with --strict)."""
    text = SAMPLES["sv"].format(body="Kommunstyrelsen", date=day, year=day[:4])
    return renumber(text, 2 * (_DAYS.index(day) + 1))


@pytest.fixture
def origin(tmp_path: Path) -> Path:
    """A site as ``minutes init`` writes it, with a few meetings, committed to git."""
    site = tmp_path / "origin"
    init_site(site, "Exempelkommun", date(2025, 11, 20))
    for day in ("2025-09-04", "2025-10-02", "2025-10-30"):
        path = site / f"content/kommunstyrelsen/2025/{day}.md"
        path.write_text(_meeting(day), encoding="utf-8")
    _git(site, "init", "-q", "-b", "main")
    _git(site, "add", "-A")
    _git(site, "commit", "-q", "-m", "Protokoll")
    return site


def _shim(tmp_path: Path) -> dict[str, str]:
    """An environment where ``minutes`` is this checkout's generator (the CI installs it)."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir(exist_ok=True)
    shim = bin_dir / "minutes"
    shim.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m generator.cli "$@"\n')
    shim.chmod(0o755)
    return {
        **os.environ,
        "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}",
        "PYTHONPATH": str(ROOT),
        "SOURCE_DATE_EPOCH": EPOCH,
    }


def _copy(source: Path, target: Path) -> None:
    """Copy a folder as a CI cache restores it: the same bytes, new inodes."""
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(source, target, symlinks=True)


def _tree(folder: Path) -> dict[str, bytes]:
    """Every file's bytes; of the search indexes, which there are and how many pages each
    holds (Pagefind's filter files and their list differ from run to run on the same pages:
    the other incremental tests leave its files out too)."""
    files = {}
    for p in sorted(folder.rglob("*")):
        rel = p.relative_to(folder).as_posix()
        if p.name == "pagefind-entry.json":
            files[rel] = str(json.loads(p.read_bytes())["languages"]["sv"]["page_count"]).encode()
        elif p.is_file() and not p.name.endswith((".pf_meta", ".pf_filter")):
            files[rel] = p.read_bytes()
    return files


def _hash_files(where: Path, *patterns: str) -> str:
    """What GitHub's hashFiles() stands for: one hash of the files matching (empty if none)."""
    globs = [f"{p}/*" if p.endswith("**") else p for p in patterns]  # GitHub's ** holds files
    files = sorted({p for pattern in globs for p in where.glob(pattern) if p.is_file()})
    if not files:
        return ""
    h = hashlib.sha256()
    for file in files:
        h.update(hashlib.sha256(file.read_bytes()).digest())
    return h.hexdigest()


class GitHubRun:
    """One run of the workflow's build job: its steps in order, the actions emulated (a
    cache store in a folder), its ``run:`` lines run by bash in the clone."""

    def __init__(self, flow: dict[str, Any], number: int, store: Path, env: dict[str, str]):
        self.steps = flow["jobs"]["build"]["steps"]
        self.number, self.store, self.env = number, store, env
        self.outputs: dict[str, dict[str, str]] = {}
        self.restored = ""
        self.artifact = ""
        self.built = ""

    def expand(self, text: str, where: Path) -> str:
        """The ``${{ }}`` expressions this job uses; any other fails the test."""

        def value(match: re.Match[str]) -> str:
            expr = match[1].strip()
            if m := re.fullmatch(r"steps\.([\w-]+)\.outputs\.([\w-]+)", expr):
                return self.outputs[m[1]][m[2]]
            if expr == "github.run_number":
                return str(self.number)
            if expr == "github.run_attempt":
                return "1"
            if m := re.fullmatch(r"hashFiles\((.*)\)", expr):
                return _hash_files(where, *re.findall(r"'([^']*)'", m[1]))
            raise AssertionError(f"an expression the test does not know: {expr}")

        return re.sub(r"\$\{\{(.*?)\}\}", value, text)

    def run(self, origin: Path, clone: Path) -> None:
        for step in self.steps:
            uses, with_ = step.get("uses", ""), step.get("with", {})
            if uses.startswith("actions/checkout@"):
                assert with_.get("fetch-depth") == 0
                _git(origin.parent, "clone", "-q", str(origin), str(clone))
            elif uses.startswith("actions/setup-python@"):
                continue
            elif uses.startswith("actions/cache/restore@"):
                self.restore(clone, with_)
            elif uses.startswith("actions/cache/save@"):
                self.save(clone, with_)
            elif uses.startswith("actions/upload-pages-artifact@"):
                self.artifact = with_["path"]
            elif "run" in step and step["run"].startswith("pip install"):
                continue  # the shim's minutes is this checkout's
            elif "run" in step:
                self.shell(step, clone)
            else:
                raise AssertionError(f"a step the test does not know: {step}")

    def shell(self, step: dict[str, Any], clone: Path) -> None:
        output = clone.parent / f"github-output-{self.number}"
        output.write_text("")
        done = subprocess.run(
            ["bash", "-e", "-c", self.expand(step["run"], clone)],
            cwd=clone,
            env={**self.env, "GITHUB_OUTPUT": str(output)},
            capture_output=True,
            text=True,
        )
        assert done.returncode == 0, done.stdout + done.stderr
        if "id" in step:
            lines = output.read_text().splitlines()
            self.outputs[step["id"]] = dict(line.split("=", 1) for line in lines)
        if "minutes build" in step["run"]:
            self.built = done.stdout

    def restore(self, clone: Path, with_: dict[str, str]) -> None:
        """actions/cache/restore: the exact key, else the newest entry under a prefix."""
        key = self.expand(with_["key"], clone)
        prefixes = self.expand(with_.get("restore-keys", ""), clone).split()
        found = self.store / key if (self.store / key).is_dir() else None
        if found is None:
            entries = sorted(
                (e for e in self.store.iterdir() if any(e.name.startswith(p) for p in prefixes)),
                key=lambda e: e.stat().st_mtime_ns,
            )
            found = entries[-1] if entries else None
        if found is not None:
            self.restored = found.name
            for path in with_["path"].split():
                if (found / path).exists():
                    _copy(found / path, clone / path)

    def save(self, clone: Path, with_: dict[str, str]) -> None:
        key = self.expand(with_["key"], clone)
        assert not (self.store / key).exists(), "a cache key is never saved twice"
        for path in with_["path"].split():
            _copy(clone / path, self.store / key / path)


def _flow(site: Path) -> dict[str, Any]:
    return yaml.safe_load((site / ".github/workflows/minutes.yml").read_text())


def _counts(output: str) -> tuple[int, int]:
    """(pages rendered, files written) from the build's summary line."""
    found = CACHED.search(output)
    assert found, output
    return int(found[1]), int(found[2])


def _clean(clone: Path, env: dict[str, str]) -> dict[str, bytes]:
    """A clean build of the same clone, with the CI's options, into a folder of its own."""
    folder = clone.parent / f"clean-{clone.name}"
    args = ["minutes", "build", "--strict", "--no-cache", "--output", str(folder)]
    done = subprocess.run(args, cwd=clone, env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    return _tree(folder)


def _add_meeting(origin: Path, day: str) -> None:
    (origin / f"content/kommunstyrelsen/2025/{day}.md").write_text(_meeting(day))
    _git(origin, "add", "-A")
    _git(origin, "commit", "-q", "-m", f"Protokoll {day}")


def _local(clone: Path, env: dict[str, str]) -> int:
    """Pages an incremental build renders in the folder of the first run, brought up to date
    with git: what publishing must match."""
    _git(clone, "pull", "-q", "--ff-only")
    done = subprocess.run(
        ["minutes", "build", "--strict"], cwd=clone, env=env, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return _counts(done.stdout)[0]


def test_github_workflow_publishes_one_new_meeting_incrementally(
    origin: Path, tmp_path: Path
) -> None:
    env, store = _shim(tmp_path), tmp_path / "actions-cache"
    store.mkdir()
    first = GitHubRun(_flow(origin), 1, store, env)
    first.run(origin, tmp_path / "run-1/repo")
    assert first.restored == "" and first.artifact == "_site"
    _add_meeting(origin, "2025-11-27")
    second = GitHubRun(_flow(origin), 2, store, env)
    clone = tmp_path / "run-2/repo"  # a fresh clone, a new folder: mtimes and inodes new
    second.run(origin, clone)
    assert second.restored.endswith("-1-1"), second.restored
    rendered, _ = _counts(second.built)
    assert (clone / "_site/kommunstyrelsen/2025-11-27/index.html").is_file()
    assert _tree(clone / "_site") == _clean(clone, env)
    assert rendered == _local(tmp_path / "run-1/repo", env) < 41 - 4  # old meetings kept
    assert len(list(store.iterdir())) == 2


def test_github_cache_key_changes_with_the_theme_and_the_version(
    origin: Path, tmp_path: Path
) -> None:
    env = _shim(tmp_path)
    flow = _flow(origin)
    keyed = [s for s in flow["jobs"]["build"]["steps"] if s.get("id") == "cache-key"]
    run = GitHubRun(flow, 1, tmp_path, env)

    def prefix() -> str:
        run.shell(keyed[0], origin)
        return run.outputs["cache-key"]["prefix"]

    plain = prefix()
    assert plain.startswith("minutes-0.") or plain.startswith("minutes-1.")
    (origin / "themes/default/templates").mkdir(parents=True)
    (origin / "themes/default/templates/footer.html").write_text("<footer></footer>")
    themed = prefix()
    assert themed != plain
    other = tmp_path / "other-bin"
    other.mkdir()
    (other / "minutes").write_text("#!/bin/sh\necho 'minutes, version 99.0'\n")
    (other / "minutes").chmod(0o755)
    run.env = {**env, "PATH": f"{other}{os.pathsep}{env['PATH']}"}
    assert prefix() not in (plain, themed)


def _gitlab_key(clone: Path, cache: dict[str, Any], env: dict[str, str]) -> str:
    """GitLab's cache key: the prefix and a hash of the files named (their contents)."""
    key = cache["key"]
    if isinstance(key, str):
        return key
    digest = _hash_files(clone, *key["files"])
    return f"{key.get('prefix', '')}-{digest}"


def _gitlab_run(origin: Path, clone: Path, store: Path, env: dict[str, str]) -> tuple[str, bool]:
    """The pages job: clone, restore the cache by key, run the script, save the cache."""
    job = yaml.safe_load((origin / ".gitlab-ci.yml").read_text())["pages"]
    assert job["variables"]["GIT_DEPTH"] == 0
    _git(origin.parent, "clone", "-q", str(origin), str(clone))
    key = _gitlab_key(clone, job["cache"], env)
    restored = (store / key).is_dir()
    if restored:
        for path in job["cache"]["paths"]:
            _copy(store / key / path, clone / path)
    built = ""
    for line in job["script"]:
        if line.startswith("pip install"):
            continue
        done = subprocess.run(
            ["bash", "-e", "-c", line], cwd=clone, env=env, capture_output=True, text=True
        )
        assert done.returncode == 0, done.stdout + done.stderr
        built += done.stdout
    for path in job["cache"]["paths"]:
        _copy(clone / path, store / key / path)
    assert job["artifacts"]["paths"] == ["public"]
    return built, restored


def test_gitlab_job_publishes_one_new_meeting_incrementally(origin: Path, tmp_path: Path) -> None:
    env, store = _shim(tmp_path), tmp_path / "gitlab-cache"
    _, restored = _gitlab_run(origin, tmp_path / "run-1/project", store, env)
    assert not restored
    _add_meeting(origin, "2025-11-27")
    clone = tmp_path / "run-2/project"  # GitLab runners build in another folder each run
    second, restored = _gitlab_run(origin, clone, store, env)
    assert restored
    rendered, _ = _counts(second)
    assert _tree(clone / "public") == _clean(clone, env)
    _git(tmp_path / "run-1/project", "pull", "-q", "--ff-only")
    local = subprocess.run(
        ["minutes", "build", "--strict", "--output", "public"],
        cwd=tmp_path / "run-1/project",
        env=env,
        capture_output=True,
        text=True,
    )
    assert rendered == _counts(local.stdout)[0] < 41 - 4  # the old meetings' pages kept
