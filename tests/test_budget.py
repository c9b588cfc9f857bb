"""The output budget (issue #15): at 10,000 meetings a site must fit the hosts, at most
400 MB and 50,000 files and folders (GitHub Pages and GitLab Pages refuse 1 GB, GitLab
200,000 entries, Cloudflare's free plan 20,000 files), so 40 KB and 5 entries a meeting.
A generated 1k site, built once, keeps the per-meeting figures from creeping back."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest

from generator.build.footprint import Footprint, measure
from generator.build.pipeline import BuildOptions, build

from corpus import shared_corpus

DATA = Path(__file__).parent / "data"
MEETINGS = 1000  # the shared corpus's files: the budget counts meetings as the issue does

BUDGET_ENTRIES = 5.0  # per meeting: 50,000 / 10,000
BUDGET_BYTES = 40_000  # per meeting: 400 MB / 10,000 (not yet met: see README, "Size")
# What the output weighs today, a little above the 49.66 KB measured here: lower it as the
# output shrinks, never raise it without the figures that justify it. (45.3 KB before issue
# #16's merge; it added 7 KB a meeting page: an extract link on each item, ~2.3 KB; names
# linked to person pages, ~1 KB; who took part item by item. 51.17 KB here, 51.4 KB in the
# 10k bench, before #15's markup trim took a meeting page from 25.97 to 24.38 KB: each
# extract link one element named by its item's heading, ~1.4 KB; wrappers and classes
# nothing read. 47.8 KB after created/modified left off the open data's embedded objects,
# 1.6 KB, and Pagefind's unused interface files left out of each search index.)
CEILING_BYTES = 48_000
# Pagefind's share, measured with search on (1k: 7.51 MB in 1,056 entries; 7.80 MB before
# its ready-made interfaces and worker, which the search page does not load, were left
# out): the test builds without it to keep CI time down; Pagefind's index grows with the
# meeting pages' text, not with anything this project decides.
SEARCH_BYTES = 7_550
SEARCH_ENTRIES = 1.05
# A page per person (issue #16) grows with the people the minutes name, not with the
# meetings: the shared corpus names 1,256 distinct attendees at 1k and 1,300 at 10k, so a
# per-meeting figure at 1k would overstate them tenfold. They are held per person here
# (measured at 1k: 2,812 people, 4.18 KB and 2 entries each; 4.63 KB before their meetings
# were listed under a heading per body and year, a short line each); the 10k bench counts
# the whole.
PEOPLE = "personer"
PERSON_BYTES = 4_300
PERSON_ENTRIES = 2


@dataclass(frozen=True)
class Built:
    out: Path
    footprint: Footprint


@pytest.fixture(scope="session")
def corpus_1k(tmp_path_factory: pytest.TempPathFactory) -> Built:
    """The shared bench corpus at 1,000 meetings (tests/data/make_corpus.py, a copy of
    the shared script, with the seeds copied beside it), built without search."""
    root = tmp_path_factory.mktemp("budget")
    shared_corpus(root / "c", MEETINGS)
    out = root / "out"
    result = build(
        BuildOptions(
            source=root / "c", output=out, search=False, cache=False, today=date(2025, 11, 1)
        )
    )
    return Built(out, result.footprint)


def test_the_summary_counts_what_a_host_counts(corpus_1k: Built) -> None:
    assert corpus_1k.footprint == measure(corpus_1k.out)
    every = list(corpus_1k.out.rglob("*"))
    assert corpus_1k.footprint.entries == len(every)
    assert corpus_1k.footprint.size == sum(p.stat().st_size for p in every if p.is_file())


def test_a_1k_site_keeps_within_the_budget_per_meeting(corpus_1k: Built) -> None:
    people = measure(corpus_1k.out / PEOPLE)
    size = (corpus_1k.footprint.size - people.size) / MEETINGS + SEARCH_BYTES
    entries = (corpus_1k.footprint.entries - people.entries - 1) / MEETINGS + SEARCH_ENTRIES
    assert entries <= BUDGET_ENTRIES, f"{entries:.2f} entries per meeting"
    assert size <= CEILING_BYTES, f"{size:,.0f} bytes per meeting"
    assert CEILING_BYTES - BUDGET_BYTES <= 8_000  # the gap the README owns up to


def test_person_pages_keep_within_their_budget_per_person(corpus_1k: Built) -> None:
    people = [p for p in (corpus_1k.out / PEOPLE).iterdir() if p.is_dir()]
    part = measure(corpus_1k.out / PEOPLE)
    assert len(people) > 1_000
    assert part.entries <= PERSON_ENTRIES * len(people) + 1, part
    assert part.size / len(people) <= PERSON_BYTES, f"{part.size / len(people):,.0f} bytes"


def test_where_the_bytes_go(corpus_1k: Built) -> None:
    """Each part within its share, so that one that grows is named: the meeting pages and
    search are the floor; case pages only for cases handled three times or more; the
    decisions index a line per decision; open data a few list files per organisation."""
    shares = {  # bytes and entries per meeting, a little above the measured ones
        "arenden": (1_150, 0.65),  # 1,088 measured: names link to person pages (#16)
        "beslut": (2_600, 0.07),
        "oparl": (11_700, 0.06),  # 11.5 KB: a Person for everyone named, as person pages
    }
    for folder, (most_bytes, most_entries) in shares.items():
        part = measure(corpus_1k.out / folder)
        assert part.size / MEETINGS <= most_bytes, (folder, part)
        assert (part.entries + 1) / MEETINGS <= most_entries, (folder, part)


def test_the_corpus_script_is_the_shared_one() -> None:
    """tests/data/make_corpus.py is a copy: it must not drift from the shared folder's."""
    shared = next(
        (
            p / "shared" / "bench" / "make_corpus.py"
            for p in Path(__file__).resolve().parents
            if (p / "shared" / "bench" / "make_corpus.py").is_file()
        ),
        None,
    )
    if shared is None:
        pytest.skip("no shared folder beside the repository")
    assert (DATA / "make_corpus.py").read_bytes() == shared.read_bytes()
