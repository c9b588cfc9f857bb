"""Text after ``::: decision`` on its opening line was dropped without a word (the other
container words show it, as who the record is by); it is an error naming the line. Found
while documenting what may follow each container word."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.content.config import SiteConfig
from generator.content.containers import CONTAINERS
from generator.content.model import Record
from generator.content.parse import parse_meeting

HEAD = "---\nbody: Kommunstyrelsen\ndate: 2025-03-11\n---\n\n## § 1 Val av justerare\n\n"


@pytest.mark.parametrize("word", ["decision", "beslut", "Beslut"])
def test_text_after_the_decision_word_is_an_error(word: str, tmp_path: Path) -> None:
    text = HEAD + f"::: {word} Ordföranden finner bifall\nAnna Andersson utses.\n:::\n"
    parsed = parse_meeting(text.encode(), "content/ks.md", SiteConfig(root=tmp_path))
    assert parsed.meeting is None
    assert [str(p) for p in parsed.problems] == [
        f"content/ks.md:8: '::: {word}' takes nothing after the word, so 'Ordföranden finner "
        "bifall' would not be published; write it on the lines below, before ':::'"
    ]


def test_a_decision_word_alone_and_a_record_with_its_author_pass(tmp_path: Path) -> None:
    text = HEAD + "::: decision\nAnna Andersson utses.\n:::\n\n::: motion Bo Berg (M)\nX.\n:::\n"
    parsed = parse_meeting(text.encode(), "content/ks.md", SiteConfig(root=tmp_path))
    assert parsed.problems == () and parsed.meeting is not None


SCALE = int(os.environ.get("FUZZ_SCALE", "1"))  # FUZZ_SCALE=20 for a long run by hand
_WORDS = st.sampled_from(sorted({w for w in CONTAINERS} | {w.upper() for w in CONTAINERS}))
_REST = st.text(
    st.characters(codec="utf-8", exclude_categories=("Cc", "Cs", "Zl", "Zp")), max_size=30
).filter(lambda t: t.strip() != "" and "\x00" not in t)


@settings(max_examples=200 * SCALE, deadline=None)
@given(word=_WORDS, rest=_REST)
def test_what_follows_a_container_word_is_shown_or_an_error(word: str, rest: str) -> None:
    """Whatever a clerk writes after any container word on its opening line is either on the
    page (as who the record is by) or an error on that line: never dropped without a word."""
    text = HEAD + f"::: {word} {rest}\nText.\n:::\n"
    parsed = parse_meeting(text.encode(), "content/ks.md", SiteConfig(root=Path("/nonexistent")))
    if parsed.meeting is None:
        assert any(p.line == 8 and p.severity == "error" for p in parsed.problems)
        return
    shown = " ".join(rest.split())
    segments = parsed.meeting.items[0].segments
    assert any(isinstance(s, Record) and " ".join(s.who.split()) == shown for s in segments), (
        segments
    )
