"""Who each meeting names (content/people.py ``Cast``) is worked out when it is parsed and
kept with the parse, so a build need not resolve every name of the archive again. A cast
must say exactly what its meeting says, however it was kept (whole, outline, shared with
other parses, read back from the cache): person pages and open data are made from it."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta
from pathlib import Path

from generator.build.cache import BuildState, Cache
from generator.build.load import share_people
from generator.build.pipeline import BuildOptions, Loaded, _meeting_store, build, load
from generator.content.config import load_config
from generator.content.parse import Parsed
from generator.content.people import Cast, Seen
from generator.site.people import derive_people
from generator.site.urls import PATHS

from corpus import shared_corpus

REPO = Path(__file__).resolve().parent.parent


def _load(source: Path, today: date, cache: bool, store: bool = True) -> Loaded:
    config = load_config(source)
    options = BuildOptions(source=source, output=source / "_site", cache=cache, today=today)
    kept = Cache(source) if cache else None
    if not store:
        return load(config, options, BuildState(), kept)
    with _meeting_store(config, kept) as meetings:
        return load(config, options, BuildState(), kept, store=meetings)


def _built(source: Path, today: date) -> Loaded:
    """A build (which keeps its parses in the cache), then what the next build loads."""
    build(BuildOptions(source=source, output=source / "_site", today=today))
    return _load(source, today, cache=True)


def _check(loaded: Loaded) -> int:
    """Every kept cast is its meeting's, and the people derived from the casts are those
    derived from the meetings alone. Returns how many things casts say of people."""
    said = 0
    for parsed in loaded.parsed.values():
        if parsed.meeting is not None:
            assert parsed.cast == Cast.of(parsed.meeting), parsed.meeting.source
            said += len(parsed.cast.seen)
    site = loaded.site
    section = PATHS[loaded.config.language]
    casts = {p.meeting.source: p.cast for p in loaded.parsed.values() if p.meeting and p.cast}
    kept = derive_people(site.meetings, section, casts)
    fresh = derive_people(site.meetings, section)
    assert kept.paths == fresh.paths
    assert kept.profiles() == fresh.profiles()
    assert site.people == fresh.profiles()
    for m in site.meetings:
        assert kept.links(m) == fresh.links(m)
        assert kept.around(m).paths == fresh.around(m).paths
    return said


def _distinct(values: Iterable[object]) -> tuple[int, int]:
    """How many different values, and how many different objects hold them."""
    objects = {id(v): v for v in values}
    return len(set(objects.values())), len(objects)


def _said(parses: Iterable[Parsed]) -> list[object]:
    """What casts say of people: each thing said, and each pair a cast holds."""
    casts = [p.cast for p in parses if p.cast is not None]
    return [
        *(seen for c in casts for _, seen in c.seen),
        *(pair for c in casts for pair in (*c.written, *c.shown, *c.seen)),
    ]


def test_a_kept_cast_says_what_its_meeting_says(tmp_path: Path) -> None:
    """The example site and 120 bench meetings: parsed whole and as outlines (the store),
    then read back from the cache."""
    assert _check(_load(REPO, date(2025, 1, 1), cache=False)) > 10
    assert _check(_load(REPO, date(2025, 1, 1), cache=False, store=False)) > 10
    corpus = shared_corpus(tmp_path / "corpus", 120)
    assert _check(_load(corpus, date(2025, 11, 1), cache=False)) > 1000
    again = _built(corpus, date(2025, 11, 1))
    assert again.fresh == 0  # every parse, cast and all, came from the cache
    assert _check(again) > 1000


def test_what_casts_say_alike_is_one_object_and_stays_so(tmp_path: Path) -> None:
    """Sharing makes one object of each thing said alike (the same member attending meeting
    after meeting), among fresh parses and with the known ones; the cache keeps it so."""
    corpus = shared_corpus(tmp_path / "corpus", 120)
    first = _built(corpus, date(2025, 11, 1))
    assert first.fresh == 0
    said = _said(first.parsed.values())
    values, objects = _distinct(said)
    assert values == objects  # shared
    things = [s for s in said if isinstance(s, Seen)]
    assert len(things) > 4 * len(set(things))  # and worth sharing
    newest = max(corpus.glob("content/*/*/*.md"), key=lambda p: p.stem)
    day = date.fromisoformat(newest.stem) + timedelta(days=1)
    twin = newest.parent.parent / str(day.year) / f"{day}.md"
    twin.parent.mkdir(exist_ok=True)
    twin.write_text(newest.read_text().replace(newest.stem, str(day)))
    again = _load(corpus, date(2025, 11, 1), cache=True)
    assert again.fresh == 1
    assert _distinct(_said(again.parsed.values())) == (values, values)
    assert _check(again) > 1000


def test_sharing_changes_no_value(tmp_path: Path) -> None:
    corpus = shared_corpus(tmp_path / "corpus", 40)
    loaded = _load(corpus, date(2025, 11, 1), cache=False)
    parses = {p.meeting.source: p for p in loaded.parsed.values() if p.meeting is not None}
    known = [p for path, p in parses.items() if path.endswith(("1.md", "3.md", "5.md"))]
    fresh = {path: p for path, p in parses.items() if p not in known}
    assert known and fresh
    assert share_people(fresh, known) == fresh
