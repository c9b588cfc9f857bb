"""Benchmark: how soon `minutes serve` has an edited meeting's page in place.

    python bench/serve_bench.py bench/out/corpus-10000 [--output bench/out/site-10000]

Runs builds the way `minutes serve` does (one process, a Session kept between builds): a
first build (from the cache, as after `minutes build`), the warm-up serve does once it is
serving (reading and deriving the site if the first build had nothing to do), then a typo
fixed in one meeting's running text, twice, then an item retitled. Prints for each edit the
seconds until the pages are in place (when serve reloads the tab) and until the search
index is refreshed too.
"""

from __future__ import annotations

import argparse
import json
import re
import time
from datetime import date
from pathlib import Path

from generator.build.pipeline import BuildOptions, Session, build, warm


def timed(options: BuildOptions, session: Session) -> dict[str, float]:
    """One build in the session: seconds to pages in place and to the end."""
    started = time.perf_counter()
    in_place: list[float] = []
    result = build(
        options, session=session, on_pages=lambda: in_place.append(time.perf_counter() - started)
    )
    total = time.perf_counter() - started
    return {
        "pages_in_place_s": round(in_place[0] if in_place else total, 3),
        "all_pages_s": round(in_place[-1] if in_place else total, 3),
        "total_s": round(total, 3),
        "rendered": result.rendered,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", type=Path)
    parser.add_argument("--output", type=Path)
    args = parser.parse_args()
    source = args.source.resolve()
    output = (args.output or source / "_site").resolve()
    options = BuildOptions(source=source, output=output, today=date(2025, 12, 31))
    session = Session()
    row: dict[str, object] = {"first": timed(options, session)}
    started = time.perf_counter()  # as serve does once it is serving: derive if not yet
    warm(options, session)
    row["warm_s"] = round(time.perf_counter() - started, 3)
    edited = sorted((source / "content").rglob("*.md"))[
        len(list((source / "content").rglob("*.md"))) // 3
    ]
    original = edited.read_bytes()
    try:  # the first edit after a no-op start derives the site once; the second need not
        for n in (1, 2):
            edited.write_bytes(
                re.sub(rb"(\n## [^\n]*\n\n)", rb"\1En rad i serve %d. " % n, original, count=1)
            )
            row[f"prose_edit_{n}"] = timed(options, session)
        edited.write_bytes(re.sub(rb"\n## (\S+ ?\d+\.?) ", rb"\n## \1 Nytt: ", original, count=1))
        row["outline_edit"] = timed(options, session)
    finally:
        edited.write_bytes(original)
    row["restored"] = timed(options, session)
    print(json.dumps(row))


if __name__ == "__main__":
    main()
