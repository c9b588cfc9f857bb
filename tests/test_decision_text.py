"""Text after ``::: decision`` on its opening line was dropped without a word (the other
container words show it, as who the record is by); it is an error naming the line. Found
while documenting what may follow each container word."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.content.config import SiteConfig
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
