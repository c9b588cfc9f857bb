"""Fingerprints (build/depends.py) reduce a value to what a page can show of it. The
reducers written out for speed say exactly what the generic one does, field by field."""

from __future__ import annotations

import os
import types
import typing
from dataclasses import is_dataclass
from datetime import date
from pathlib import Path
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from generator.build.cache import BuildState
from generator.build.depends import Fingerprints
from generator.build.pipeline import BuildOptions, _meeting_store, load
from generator.content.config import load_config
from generator.content.markdown import LINK_PREFIX
from generator.content.model import Meeting
from generator.content.people import Act
from generator.site.people import Appearance

from conftest import SiteFactory
from corpus import meeting_files, shared_corpus

REPO = Path(__file__).resolve().parent.parent
SCALE = int(os.environ.get("MINUTES_EXAMPLES_SCALE", "1"))  # more examples, by hand


def _prints(source: Path, today: date) -> Fingerprints:
    config = load_config(source)
    options = BuildOptions(source=source, output=source / "_site", cache=False, today=today)
    with _meeting_store(config, None) as store:
        loaded = load(config, options, BuildState(), None, store=store)
    site = loaded.site
    digests = {m.source: loaded.stamps[m.source].digest for m in site.meetings}
    outlines = {path: p.outline_digest for (path, _), p in loaded.parsed.items()}
    return Fingerprints(site, digests, outlines, "settings")


def _within(kind: type) -> set[type]:
    """The dataclasses a value of ``kind`` holds, itself included (a meeting aside: other
    pages see it by its own reduction), from the fields' types."""
    found: set[type] = set()
    todo = [kind]
    while todo:
        hint = todo.pop()
        if is_dataclass(hint) and hint is not Meeting and hint not in found:
            assert isinstance(hint, type)
            found.add(hint)
            todo.extend(typing.get_type_hints(hint).values())
        todo.extend(typing.get_args(hint))
    return found


def _generic(prints: Fingerprints) -> Fingerprints:
    """The same fingerprints, with every dataclass an Appearance holds reduced the generic
    way, field by field, however many reducers are written out for speed later."""
    plain = Fingerprints(prints.site, prints.digests, prints.outlines, prints.settings)
    for kind in _within(Appearance):
        plain._by_type.pop(kind, None)
    return plain


def _check_appearances(prints: Fingerprints) -> tuple[int, int]:
    """How many appearances and acts were compared."""
    seen_count = acts = 0
    generic = _generic(prints)
    for person in prints.site.people:
        for seen in person.appearances:
            assert prints.canon(seen) == generic.canon(seen), (person.name, seen.meeting.source)
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
    assert prints.canon(seen) == _generic(prints).canon(seen)


def _values(hint: Any, meetings: list[Meeting], texts: st.SearchStrategy[str]) -> Any:
    """Values of a field's type, every field of a dataclass drawn (defaults too), so that a
    field added later is drawn without a word here; a type not known here fails the test
    (say how to draw it)."""
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if hint is Meeting:
        return st.sampled_from(meetings)
    if hint is str:
        return texts
    if hint in (int, bool):
        return st.from_type(hint)
    if hint is type(None):
        return st.none()
    if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
        return st.lists(_values(args[0], meetings, texts), max_size=3).map(tuple)
    if origin is tuple:
        return st.tuples(*(_values(a, meetings, texts) for a in args))
    if origin in (typing.Union, types.UnionType):
        return st.one_of(*(_values(a, meetings, texts) for a in args))
    if is_dataclass(hint) and isinstance(hint, type):
        drawn = {
            name: _values(kind, meetings, texts)
            for name, kind in typing.get_type_hints(hint).items()
        }
        return st.fixed_dictionaries(drawn).map(lambda kw: hint(**kw))
    raise AssertionError(f"say how to draw a {hint!r} (a field of Appearance or Act)")


def test_any_appearance_is_reduced_as_the_generic_way_would(tmp_site: SiteFactory) -> None:
    """Drawn with every field of Appearance and Act set (the sites above leave some empty:
    whom one served for, when one came and left), text with content links among it, and
    compared with the generic reduction of every dataclass an appearance holds."""
    prints = _prints(tmp_site(meeting_files(3)), date(2024, 6, 1))
    generic = _generic(prints)
    meetings = list(prints.site.meetings)
    link = st.sampled_from(meetings).map(
        lambda m: f'<a href="{LINK_PREFIX}{m.source}">protokollet</a>'
    )
    texts = st.one_of(st.text(max_size=8), st.builds("{} {}".format, st.text(max_size=4), link))

    @settings(max_examples=300 * SCALE, deadline=None)
    @given(_values(Appearance, meetings, texts))
    def reduced_alike(seen: Appearance) -> None:
        assert prints.canon(seen) == generic.canon(seen)

    reduced_alike()
