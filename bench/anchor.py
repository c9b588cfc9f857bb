"""Anchor benchmark: Hugo + Pagefind against `minutes build` on the same corpus, in one run.

    python bench/anchor.py [--meetings 10000] [--shared ../shared] [--out bench/out]
                           [--no-hugo] [--no-minutes]

The shared corpus is built three ways, one after the other, each in a fresh process, with
nothing else of this script running meanwhile:

1. Hugo (Debian's ``hugo``) with a minimal theme of our own (``bench/hugo/``): one page per
   meeting marked up with Pagefind's ``data-pagefind-*`` attributes (body, filters for body
   and year, the date as sort key), list pages per section;
2. Pagefind on Hugo's output (the same ``pagefind[bin]`` the project uses);
3. ``minutes build --no-cache`` (cold, search included).

Prints wall seconds, CPU seconds, the largest process's peak RSS, the whole process tree's
peak PSS, output bytes, files and entries (files and folders, as GitLab counts them), and
the ratio of minutes to Hugo + Pagefind. The machine is shared and noisy: quote ratios from
one run, not absolute times.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from build_bench import REPO, TreeMemory, corpus

HUGO_CONFIG = """\
baseURL = "https://protokoll.example.se/"
languageCode = "sv"
title = "Anchor"
contentDir = "{content}"
disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]
[markup.goldmark.renderer]
unsafe = false
"""

SINGLE = """\
<!DOCTYPE html>
<html lang="sv"><head><meta charset="utf-8"><title>{{ .Title }}</title></head>
<body><main data-pagefind-body>
<h1>{{ .Title }}</h1>
<p><span data-pagefind-filter="body">{{ .Params.body }}</span>
<time data-pagefind-sort="date" data-pagefind-filter="year:{{ .Date.Format "2006" }}"
 datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date.Format "2006-01-02" }}</time></p>
{{ .Content }}
</main></body></html>
"""

LIST = """\
<!DOCTYPE html>
<html lang="sv"><head><meta charset="utf-8"><title>{{ .Title }}</title></head>
<body><main><h1>{{ .Title }}</h1><ul>
{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>
{{ end }}</ul></main></body></html>
"""


def hugo_project(folder: Path, content: Path) -> Path:
    """A minimal Hugo site whose content is the corpus's content folder."""
    shutil.rmtree(folder, ignore_errors=True)
    layouts = folder / "layouts" / "_default"
    layouts.mkdir(parents=True)
    (folder / "config.toml").write_text(HUGO_CONFIG.format(content=content))
    (layouts / "single.html").write_text(SINGLE)
    (layouts / "list.html").write_text(LIST)
    (folder / "layouts" / "index.html").write_text(LIST)
    return folder


def timed(cmd: list[str], cwd: Path) -> dict[str, float]:
    """Run ``cmd`` under GNU time; wall and CPU seconds, peak RSS of the largest process
    and peak PSS of the whole tree (MiB)."""
    started = time.perf_counter()
    with subprocess.Popen(
        ["/usr/bin/time", "-f", "%e %M %U %S", *cmd],
        cwd=cwd,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    ) as proc:
        sampler = TreeMemory(proc.pid)
        sampler.start()
        out, err = proc.communicate()
        sampler.stop()
    wall = time.perf_counter() - started
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed:\n{out[-3000:]}\n{err[-3000:]}")
    last = err.strip().splitlines()[-1].split()
    return {
        "wall_s": round(wall, 2),
        "cpu_s": round(float(last[2]) + float(last[3]), 1),
        "peak_rss_mib": round(int(last[1]) / 1024, 1),
        "peak_tree_pss_mib": round(sampler.peak / 1024, 1),
    }


def footprint(folder: Path) -> dict[str, int]:
    """Bytes and files under ``folder``, and entries (files and folders) as hosts count."""
    size = files = folders = 0
    for _root, dirs, names in os.walk(folder):
        folders += len(dirs)
        for name in names:
            files += 1
            size += os.lstat(os.path.join(_root, name)).st_size
    return {"bytes": size, "files": files, "entries": files + folders}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--meetings", type=int, default=10000)
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    parser.add_argument("--out", type=Path, default=REPO / "bench" / "out")
    parser.add_argument("--no-hugo", action="store_true", help="skip Hugo and Pagefind")
    parser.add_argument("--no-minutes", action="store_true", help="skip minutes")
    args = parser.parse_args()
    for tool in ("/usr/bin/time", shutil.which("hugo") or "hugo"):
        if not Path(tool).exists() and not args.no_hugo:
            raise SystemExit(f"needs {tool} (apt-get install time hugo)")
    args.out.mkdir(parents=True, exist_ok=True)
    source = corpus(args.shared, args.out, args.meetings).resolve()
    rows: dict[str, dict[str, float]] = {}
    if not args.no_hugo:
        project = hugo_project(args.out / f"hugo-{args.meetings}", source / "content")
        public = project / "public"
        shutil.rmtree(public, ignore_errors=True)
        rows["hugo"] = timed(["hugo", "--quiet", "--destination", str(public)], project)
        rows["pagefind"] = timed(
            [sys.executable, "-m", "pagefind", "--site", str(public), "--quiet"], project
        )
        rows["pagefind"] |= footprint(public)  # Hugo's pages and Pagefind's index together
    if not args.no_minutes:
        output = args.out / f"anchor-site-{args.meetings}"
        shutil.rmtree(output, ignore_errors=True)
        rows["minutes"] = timed(
            [
                sys.executable,
                "-m",
                "generator.cli",
                "build",
                "--source",
                str(source),
                "--output",
                str(output),
                "--no-cache",
                "--today",
                "2025-12-31",
            ],
            REPO,
        )
        rows["minutes"] |= footprint(output)
    print(
        f"{'':10} {'wall s':>8} {'cpu s':>8} {'max RSS MiB':>12} {'tree PSS MiB':>13} "
        f"{'MB out':>8} {'files':>8} {'entries':>8}"
    )
    for name, row in rows.items():
        size = f"{row['bytes'] / 1e6:8.1f}" if "bytes" in row else f"{'':8}"
        files = f"{row['files']:8.0f} {row['entries']:8.0f}" if "files" in row else ""
        print(
            f"{name:10} {row['wall_s']:8.1f} {row['cpu_s']:8.1f} {row['peak_rss_mib']:12.0f} "
            f"{row['peak_tree_pss_mib']:13.0f} {size} {files}"
        )
    if "hugo" in rows and "minutes" in rows:
        anchor = rows["hugo"]["wall_s"] + rows["pagefind"]["wall_s"]
        ratio = rows["minutes"]["wall_s"] / anchor
        print(
            f"Hugo + Pagefind {anchor:.1f} s; minutes {rows['minutes']['wall_s']:.1f} s; "
            f"ratio {ratio:.2f}"
        )
        rows["ratio"] = {"minutes_over_hugo_pagefind": round(ratio, 3)}
    print(json.dumps({"meetings": args.meetings, **rows}))


if __name__ == "__main__":
    main()
