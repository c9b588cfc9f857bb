"""The catalogue of messages: every one said in Swedish and in English with the same values,
every one in the guide with an example and its fix, and the clerk told in the site's own
language."""

from __future__ import annotations

import os
import pickle
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import main, summary
from generator.content.errors import ContentError
from generator.messages import CATALOGUE, LANGUAGES, NAMES, Message, by_code, fields
from generator.messages.commands import Commands
from generator.messages.front import Front
from generator.messages.guide import PAGES, page_with_section
from generator.messages.names import Names
from generator.messages.text import Text
from tests.conftest import SiteFactory

REPO = Path(__file__).resolve().parent.parent
MESSAGES = sorted(CATALOGUE.values(), key=lambda m: m.code)
# frames around other messages: the same words in both languages
SAME_IN_BOTH = {"problem-at"}


@pytest.mark.parametrize("message", MESSAGES, ids=[m.code for m in MESSAGES])
def test_every_message_is_said_in_both_languages(message: Message) -> None:
    """Both languages take the same values, the catalogue gives them all for the example,
    and each renders to a line with no value left out and a fix to go with it."""
    assert fields(message.en) == fields(message.sv) == set(message.example), message.code
    assert not fields(message.fix_en) and not fields(message.fix_sv), message.code
    said = message(**message.example)
    rendered = {language: said.text(language) for language in LANGUAGES}
    for language, text in rendered.items():
        # no value left out (a brace the clerk types, '{confidential=true}', is text)
        left = [name for name in message.example if f"{{{name}}}" in text or "{{" in text]
        assert text.strip() and not left, (language, text)
        assert message.fix(language).strip(), (language, message.code)
    if message.code not in SAME_IN_BOTH:
        assert rendered["sv"] != rendered["en"], message.code
        assert message.fix_sv != message.fix_en, message.code


def test_codes_are_their_names_and_come_back_from_a_worker() -> None:
    assert len(set(CATALOGUE) | set(NAMES)) == len(CATALOGUE) + len(NAMES)
    assert all(code.startswith("name-") for code in NAMES)
    assert Front.DATE_FORMAT.code == "date-format" and by_code("date-format") is Front.DATE_FORMAT
    problem = ContentError("a.md", 4, Front.DATE_FORMAT(key="date", got="26 maj 2020"))
    again = pickle.loads(pickle.dumps(problem))
    assert again == problem and again.said.message is Front.DATE_FORMAT
    assert str(again) == "a.md:4: date: expected YYYY-MM-DD, got '26 maj 2020'"
    assert (
        again.render("sv") == "a.md:4: date: skriv datumet som ÅÅÅÅ-MM-DD, här står '26 maj 2020'"
    )


def test_counts_are_words_in_each_language() -> None:
    warned = [ContentError("a.md", 1, Front.DATE_FORMAT(key="d", got="x"), "warning")]
    assert summary(warned, False, "sv") == "Inga fel, 1 varning (fel med --strict)."
    assert summary(warned * 2, False, "en") == "No errors, 2 warnings (errors with --strict)."
    many = Commands.MORE_LIKE_THIS(n=12345)
    assert "12\u00a0345" in many.text("sv") and "12,345" in many.text("en")
    assert summary([], False, "sv") == "Inga fel, inga varningar."
    took = Commands.PROBLEM_AT(where="x", text=1.5)  # a decimal number: a decimal comma
    assert took.text("sv") == "x: 1,5" and took.text("en") == "x: 1.5"


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_guide_lists_every_message_with_its_example_and_fix(language: str) -> None:
    """The messages page of each guide ends with the catalogue, message by message; a
    message added to the catalogue and not to the guide fails here (mend it with
    ``python -m generator.messages.guide --write``)."""
    page = (REPO / PAGES[language]).read_text(encoding="utf-8")
    missing = [m.code for m in MESSAGES if f"\n#### {m.code}\n" not in page]
    assert not missing, f"not in {PAGES[language]}: {missing}"
    assert page == page_with_section(page, language), (
        f"{PAGES[language]} is behind the catalogue: run python -m generator.messages.guide --write"
    )


def test_the_clerk_is_told_in_the_site_s_language(
    tmp_site: SiteFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A Swedish site hears Swedish, an English one English; MINUTES_LANGUAGE overrides."""
    bad = "---\ntitle: Möte\nbody: Kommunstyrelsen\ndate: 11 mars 2025\n---\n\n## § 1 Öppnande\n"
    monkeypatch.delenv("MINUTES_LANGUAGE")
    swedish = tmp_site({"content/ks.md": bad})
    done = CliRunner().invoke(main, ["check", "--source", str(swedish)])
    assert done.exit_code == 1
    assert "content/ks.md:4: date: skriv datumet som ÅÅÅÅ-MM-DD, här står '11 mars 2025'" in (
        done.output
    )
    assert done.output.strip().endswith("1 fel, 0 varningar.")
    (swedish / "site.toml").write_text('title = "T"\nlanguage = "en"\n', encoding="utf-8")
    done = CliRunner().invoke(main, ["check", "--source", str(swedish)])
    assert "date: expected YYYY-MM-DD, got '11 mars 2025'" in done.output
    assert done.output.strip().endswith("1 error, 0 warnings.")
    monkeypatch.setenv("MINUTES_LANGUAGE", "sv")
    done = CliRunner().invoke(main, ["check", "--source", str(swedish)])
    assert done.output.strip().endswith("1 fel, 0 varningar.")
    assert os.environ["MINUTES_LANGUAGE"] == "sv"


@pytest.mark.parametrize("name", sorted(NAMES.values(), key=lambda m: m.code), ids=lambda m: m.code)
def test_every_name_is_said_in_both_languages(name: Message) -> None:
    """The phrases naming pages inside other messages: a Swedish message names them in
    Swedish (robots.txt is robots.txt in both)."""
    assert fields(name.en) == fields(name.sv) == set(name.example), name.code
    said = name(**name.example)
    assert said.text("sv") != said.text("en") or name.code == "name-robots", name.code


def test_a_name_inside_a_message_is_told_in_the_message_s_language() -> None:
    taken = Text.PAGE_URL_TAKEN(url="/sok/", other=Names.SEARCH_PAGE(), other_url="/sok/")
    assert "söksidan" in taken.text("sv") and "the search page" in taken.text("en")
    again = pickle.loads(pickle.dumps(taken))
    assert again == taken and again.text("sv") == taken.text("sv")
    assert Commands.SUMMARY_ERRORS(errors=1, warnings=0).text("sv") == "1 fel, 0 varningar."


def test_a_key_that_starts_messages_is_said_the_same_way_in_swedish() -> None:
    """Messages that start with the same word in English ('vote: ...') start with the same
    word in Swedish ('omröstningen: ...'), so the clerk sees one name for one thing."""
    starts: dict[str, dict[str, list[str]]] = {}
    for message in MESSAGES:
        english = re.match(r"([a-z_]+): ", message.en)
        swedish = re.match(r"([^:{ ]+): ", message.sv)
        if english and swedish:
            starts.setdefault(english[1], {}).setdefault(swedish[1], []).append(message.code)
    mixed = {word: ways for word, ways in starts.items() if len(ways) > 1}
    assert not mixed, mixed


@pytest.mark.parametrize(
    ("english", "swedish"), [("did you mean", "menar du"), ("^front matter: ", "^huvudet: ")]
)
def test_one_english_phrase_is_one_swedish_phrase(english: str, swedish: str) -> None:
    """A clerk who reads 'menar du' in one message does not read 'menade du' in the next."""
    apart = [m.code for m in MESSAGES if re.search(english, m.en) and not re.search(swedish, m.sv)]
    assert not apart, apart


WITHOUT_A_FIX_BEFORE = [  # said what was wrong and stopped there
    "item-number-twice",
    "vote-key-twice",
    "vote-member-twice",
    "vote-choice-twice",
    "vote-result-mismatch",
    "vote-question-not-line",
    "attachment-missing",
    "link-no-such-file",
]


@pytest.mark.parametrize("code", WITHOUT_A_FIX_BEFORE)
def test_a_message_says_what_to_write_instead(code: str) -> None:
    """After what is wrong, a ';' and what to do, in the message itself, not only in the
    guide: 'resultatet stämmer inte ... (Ja: 8 räknade, 9 angivna); skriv Ja: 8 under
    result:, eller rätta rösterna'."""
    message = CATALOGUE[code]
    for language in LANGUAGES:
        said = message(**message.example).text(language)
        assert "; " in said and said.rsplit("; ", 1)[1].split()[0] in {
            "give",
            "keep",
            "write",
            "check",
            "ge",
            "behåll",
            "skriv",
            "kontrollera",
        }, said
    assert "skriv Ja: 8 under result:" in Text.VOTE_RESULT_MISMATCH(
        choice="Ja", counted=8, stated=9
    ).text("sv")


def test_the_swedish_guide_writes_sizes_with_a_decimal_comma() -> None:
    built = Commands.BUILT(**Commands.BUILT.example).text("sv")
    assert not re.search(r"\d\.\d", built), built
