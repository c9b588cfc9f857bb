"""Fingerprints (build/depends.py) reduce a value to what a page can show of it. The
reducers written out for speed say exactly what the generic one does, field by field."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from generator.build.cache import BuildState
from generator.build.depends import Fingerprints
from generator.build.pipeline import BuildOptions, _meeting_store, load
from generator.content.config import load_config
from generator.content.markdown import LINK_PREFIX
from generator.site.people import Act, Appearance

from conftest import SiteFactory
from corpus import meeting_files, shared_corpus

REPO = Path(__file__).resolve().parent.parent


def _prints(source: Path, today: date) -> Fingerprints:
    config = load_config(source)
    options = BuildOptions(source=source, output=source / "_site", cache=False, today=today)
    with _meeting_store(config, None) as store:
        loaded = load(config, options, BuildState(), None, store=store)
    site = loaded.site
    digests = {m.source: loaded.stamps[m.source].digest for m in site.meetings}
    outlines = {path: p.outline_digest for (path, _), p in loaded.parsed.items()}
    return Fingerprints(site, digests, outlines, "settings")


def _check_appearances(prints: Fingerprints) -> tuple[int, int]:
    """How many appearances and acts were compared."""
    seen_count = acts = 0
    for person in prints.site.people:
        for seen in person.appearances:
            assert prints.canon(seen) == prints._fields(seen), (person.name, seen.meeting.source)
            seen_count, acts = seen_count + 1, acts + len(seen.acts)
    return seen_count, acts


def test_an_appearance_is_reduced_as_the_generic_way_would(tmp_path: Path) -> None:
    """On the example site and on 120 meetings of the bench corpus (records, votes)."""
    assert min(_check_appearances(_prints(REPO, date(2025, 1, 1)))) > 0
    corpus = shared_corpus(tmp_path / "corpus", 120)
    assert min(_check_appearances(_prints(corpus, date(2025, 11, 1)))) > 100


def test_content_links_in_an_act_count_as_the_generic_way_counts(
    tmp_site: SiteFactory,
) -> None:
    """Where a link in an item's title leads is part of what a person's page shows of it."""
    prints = _prints(tmp_site(meeting_files(3)), date(2024, 6, 1))
    meeting = prints.site.meetings[0]
    title = f'Se <a href="{LINK_PREFIX}{meeting.source}">protokollet</a>'  # as rendered
    seen = Appearance(
        meeting,
        lists=(("attendees", "Ledamot"),),
        serving_for=(("Eva Berg (S)", "/personer/eva-berg-s/"),),
        from_item="2",
        acts=(Act("vote", "p1", "§ 1", title, "Ja", "Bifall?"),),
    )
    assert prints.canon(seen) == prints._fields(seen)
