"""Benchmark: full, no-op and one-file-edit builds of the shared corpus.

    python bench/build_bench.py [--sizes 1000 10000] [--shared ../shared] [--out bench/out]

Generates the corpus with the shared make_corpus.py (once per size, kept in --out), then for
each size runs `minutes build` in a fresh process and prints wall time, pages per second and
the peak resident memory of the largest single process (the build, a worker, or Pagefind)
and the peak memory of the whole process tree (sum of PSS, sampled every second).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def corpus(shared: Path, out: Path, meetings: int) -> Path:
    """The shared corpus of ``meetings`` meetings, generated once."""
    target = out / f"corpus-{meetings}"
    if not (target / "site.toml").exists():
        subprocess.run(
            [
                sys.executable,
                str(shared / "bench" / "make_corpus.py"),
                str(target),
                "--meetings",
                str(meetings),
            ],
            check=True,
            stdout=subprocess.DEVNULL,
        )
    return target


def timed_build(source: Path, output: Path, *extra: str) -> dict[str, float]:
    """Run one build in a child process under GNU time; wall seconds, CPU seconds (user +
    system, the build and every child: workers and Pagefind; unlike wall time, hardly
    changed by other load on the machine) and peak RSS (MiB)."""
    cmd = [
        "/usr/bin/time",
        "-f",
        "%e %M %U %S",
        sys.executable,
        "-m",
        "generator.cli",
        "build",
        "--source",
        str(source),
        "--output",
        str(output),
        "--today",
        "2025-12-31",
        "--timings",
        *extra,
    ]
    started = time.perf_counter()
    env = {**os.environ, "MINUTES_LANGUAGE": "en"}  # the summary line read below
    with subprocess.Popen(
        cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=REPO, env=env
    ) as proc:
        sampler = TreeMemory(proc.pid)
        sampler.start()
        stdout, stderr = proc.communicate()
        sampler.stop()
    done = subprocess.CompletedProcess(cmd, proc.returncode, stdout, stderr)
    wall = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"build failed:\n{done.stdout}\n{done.stderr}")
    summary = re.search(r"Built ([\d,]+) meetings?, ([\d,]+) pages?", done.stdout)
    pages = int(summary.group(2).replace(",", "")) if summary else 0
    rendered = re.search(r"\(([\d,]+) rendered", done.stdout)
    phases = json.loads(done.stdout.strip().splitlines()[-1])
    return {
        "wall_s": round(wall, 2),
        "pages": pages,
        "rendered": int(rendered.group(1).replace(",", "")) if rendered else 0,
        "pages_per_s": round(pages / wall, 1) if wall else 0.0,
        "cpu_s": round(_cpu(done.stderr), 1),
        "peak_rss_mib": round(_peak_rss(done.stderr), 1),
        "peak_total_pss_mib": round(sampler.peak / 1024, 1),
        "phases": phases,
    }


class TreeMemory(threading.Thread):
    """Samples the proportional set size (PSS: shared pages split between their users) of
    a process and all its descendants every second: the whole build's memory, workers and
    Pagefind included, counted once."""

    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid, self.peak, self._done = pid, 0, threading.Event()

    def stop(self) -> None:
        self._done.set()
        self.join()

    def run(self) -> None:
        while not self._done.wait(1.0):
            self.peak = max(self.peak, sum(_pss_kib(p) for p in _tree(self.pid)))


def _tree(pid: int) -> list[int]:
    found, todo = [], [pid]
    while todo:
        p = todo.pop()
        found.append(p)
        try:
            for task in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{task}/children") as handle:
                    todo.extend(int(c) for c in handle.read().split())
        except OSError:
            continue
    return found


def _pss_kib(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/smaps_rollup") as handle:
            for line in handle:
                if line.startswith("Pss:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def _peak_rss(stderr: str) -> float:
    """GNU time's %M is the largest single process waited for (the build's own children
    are reported through RUSAGE_CHILDREN, which is what time reads)."""
    last = stderr.strip().splitlines()[-1].split()
    return int(last[1]) / 1024


def _cpu(stderr: str) -> float:
    last = stderr.strip().splitlines()[-1].split()
    return float(last[2]) + float(last[3])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    parser.add_argument("--out", type=Path, default=REPO / "bench" / "out")
    parser.add_argument("--no-search", action="store_true", help="build without the index")
    parser.add_argument(
        "--warm",
        action="store_true",
        help="keep the last build's output and cache: no cold build, only the "
        "no-op and edit builds (to measure a change to incremental builds)",
    )
    parser.add_argument(
        "--edit",
        choices=["middle", "newest"],
        default="middle",
        help="which meeting the edit builds change: the middle file of the sorted list (an "
        "old meeting, the default) or the newest meeting (where a clerk's edits land)",
    )
    args = parser.parse_args()
    if not Path("/usr/bin/time").exists():
        raise SystemExit("needs GNU time (apt-get install time)")
    args.out.mkdir(parents=True, exist_ok=True)
    extra = ("--no-search",) if args.no_search else ()
    results = []
    for size in args.sizes:
        source = corpus(args.shared, args.out, size)
        output = args.out / f"site-{size}"
        row: dict[str, object] = {"meetings": size}
        if args.warm:
            row["warm"] = timed_build(source, output, *extra)  # brings the cache up to date
        else:
            shutil.rmtree(output, ignore_errors=True)
            shutil.rmtree(source / ".minutes-cache", ignore_errors=True)
            row["cold"] = timed_build(source, output, *extra)
        row["noop"] = timed_build(source, output, *extra)
        files = sorted((source / "content").rglob("*.md"))
        if args.edit == "newest":  # meeting files are named by their date
            edited = max(files, key=lambda f: (f.stem, str(f)))
        else:
            edited = files[size // 2]
        row["edited"] = str(edited.relative_to(source))
        original = edited.read_bytes()
        try:  # a typo fixed in running text: only the meeting's own page shows it
            edited.write_bytes(
                re.sub(rb"(\n## [^\n]*\n\n)", rb"\1En rad till. ", original, count=1)
            )
            row["one_edit"] = timed_build(source, output, *extra)
            # an agenda item retitled: archives, case and decision pages, feeds show it too
            edited.write_bytes(
                re.sub(rb"\n## (\S+ ?\d+\.?) ", rb"\n## \1 Nytt: ", original, count=1)
                + b"\nEn rad till.\n"
            )
            row["one_edit_outline"] = timed_build(source, output, *extra)
        finally:
            edited.write_bytes(original)
            os.utime(edited)
        results.append(row)
        print(json.dumps(row), flush=True)


if __name__ == "__main__":
    main()
