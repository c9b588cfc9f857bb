"""Benchmark: the search indexing alone, on a built site.

    python bench/index_bench.py bench/out/site-10000 [--language sv]

Plans the partitions of the site's meeting pages as the build does and runs Pagefind on
each one after another into a scratch folder, timing wall and CPU seconds: what indexing
adds to a build (compare with `build_bench.py --no-search`).
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import resource
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

from generator.build.pagefind import _command
from generator.site.partitions import INDEX_ROOT, plan_partitions

DATED = re.compile(r"\d{4}-\d{2}-\d{2}$")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path)
    parser.add_argument("--language", default="sv")
    args = parser.parse_args()
    folders: list[str] = []
    dates: list[dt.date] = []
    for body in sorted(args.site.iterdir()):
        if body.is_dir() and body.name != INDEX_ROOT:
            days = [d.name for d in body.iterdir() if d.is_dir() and DATED.match(d.name)]
            if days:
                folders.append(body.name)
                dates += [dt.date.fromisoformat(d) for d in days]
    partitions = plan_partitions(dates, folders=tuple(folders))
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    wall = 0.0
    with tempfile.TemporaryDirectory(prefix="index-bench-") as scratch:
        for partition in partitions:
            into = Path(scratch) / partition.name
            started = time.perf_counter()
            subprocess.run(_command(args.site, partition, args.language, into), check=True)
            wall += time.perf_counter() - started
            shutil.rmtree(into)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
    print(
        f"{len(dates)} meeting pages in {len(partitions)} indexes: wall {wall:.1f} s, "
        f"CPU {cpu:.1f} s, largest Pagefind {after.ru_maxrss / 1024:.0f} MiB"
    )


if __name__ == "__main__":
    main()
