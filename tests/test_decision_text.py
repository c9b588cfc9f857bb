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
from generator.site.derive import summary

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


# The decisions index and case pages show a decision's first sentence (site.derive.summary):
# a shortened decision must say so, and never show a word the decision does not have.

WORDS = ("Beslut", "att", "kl.", "13.00", "A.", "nr", "ca.", "t.ex.", "3.", "bifalls")
MORE = ("ärendet", "återremitteras.", "avslås!", "godkänns?", "§", "14", "tkr.", "–", ",", "\n")
SENTENCE = st.lists(
    st.sampled_from((*WORDS, *MORE)),
    min_size=0,
    max_size=40,
).map(" ".join)


@given(SENTENCE, st.integers(min_value=20, max_value=200))
@settings(max_examples=300 * SCALE, deadline=None)
def test_a_summary_is_the_decision_or_a_start_of_it_marked_as_shortened(
    text: str, limit: int
) -> None:
    folded = " ".join(text.split())
    shown = summary(text, limit)
    if not shown.endswith("…"):
        assert shown == folded  # all of it
    else:
        start = shown.removesuffix("…").removesuffix(" ")
        assert folded.startswith(start) and len(start) < len(folded)
        assert len(start) <= limit


def test_a_summary_ends_at_the_first_sentence_not_at_an_abbreviation() -> None:
    text = "Ärendet återremitteras, jfr. t.ex. beslut i maj. Kl. 14.00 ajourneras mötet."
    assert summary(text) == "Ärendet återremitteras, jfr. t.ex. beslut i maj. …"
    assert summary("Enligt § 3. Bifalls.") == "Enligt § 3. Bifalls."  # a number is not an end
    assert summary("Bifalls.") == "Bifalls."
    assert summary("Ordet " * 40).endswith("Ordet…") and len(summary("Ordet " * 40)) <= 111
