"""Issue #13, point 1: every agenda heading the clerk wrote is an agenda item, or the build
says why (file:line). Examples first, then a property test that damages generated meetings
and asserts N items or a located error, never fewer items in silence."""

from __future__ import annotations

import os
import re
import textwrap
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.build.pipeline import BuildOptions, build
from generator.cli import main
from generator.content.config import SiteConfig
from generator.content.model import Record
from generator.content.parse import Parsed, parse_meeting

from conftest import SiteFactory

PATH = "content/rs/m.md"
HEAD = "---\nbody: Regionstyrelsen\ndate: 2020-05-26\n---\n"  # the body starts on line 5


def parse(text: str, **config: object) -> Parsed:
    cfg = SiteConfig(root=Path("/nonexistent"), **config)  # type: ignore[arg-type]
    return parse_meeting(textwrap.dedent(text).encode(), PATH, cfg)


def errors(parsed: Parsed) -> list[tuple[int, str]]:
    return sorted((p.line, p.message) for p in parsed.problems if p.severity == "error")


def test_unclosed_container_before_the_next_item_is_an_error_naming_where_it_opened() -> None:
    """Today the items after it vanish into the motion (agenda, case page, decisions index)
    and `check --strict` says "No problems"."""
    parsed = parse(
        HEAD + "## § 1 Budget\n\n::: motion Anna (S)\nAvslag.\n\n"
        '## § 2 Taxor {case="KS 1"}\n\n### Beslut\n\nBifall.\n\n'
        "## § 3 Övrigt\n"
    )
    assert parsed.meeting is None
    (line, message), *_ = errors(parsed)  # the decision heading is said to be inside it too
    assert line == 7  # where '::: motion' opened
    assert (
        "'::: motion Anna (S)' opened here is still open at the item heading on line 10" in message
    )
    assert "(and 1 more after it)" in message and "end the container with a line ':::'" in message


def test_closed_container_does_not_swallow_items() -> None:
    parsed = parse(HEAD + "## § 1 A\n\n::: motion Anna (S)\nAvslag.\n:::\n\n## § 2 B\n")
    assert errors(parsed) == []
    assert parsed.meeting is not None and len(parsed.meeting.items) == 2


@pytest.mark.parametrize(
    ("word", "guess"),
    [
        ("reservaton", "reservation"),
        ("beslit", "beslut"),
        ("mtion", "motion"),
        ("descision", "decision"),
    ],
)
def test_unknown_container_word_is_an_error_with_the_nearest_word(word: str, guess: str) -> None:
    parsed = parse(HEAD + f"## § 1 A\n\n::: {word} Jonas Andersson (S)\nText.\n:::\n")
    assert errors(parsed) == [(7, f"'::: {word}' is not a container word; did you mean '{guess}'?")]


def test_unknown_container_word_far_from_any_lists_the_words() -> None:
    ((line, message),) = errors(parse(HEAD + "## § 1 A\n\n::: xyzzy\nText.\n:::\n"))
    assert line == 7 and "the words are decision, proposal, motion" in message


def test_stray_container_close_is_an_error() -> None:
    parsed = parse(HEAD + "## § 1 A\n\nText.\n:::\n\n## § 2 B\n")
    assert errors(parsed) == [
        (
            8,
            "this ':::' closes no container: remove it, or open the "
            "container above with a word ('::: decision', "
            "'::: motion Name', ...)",
        )
    ]


def test_a_container_never_closed_at_the_end_of_the_file_is_an_error() -> None:
    """It swallowed no item, so nothing said it: text added after it later would have been
    part of the decision without a word (the guide says minutes stops)."""
    parsed = parse(HEAD + "## § 1 A\n\n::: beslut\nBifall.\n")
    assert errors(parsed) == [
        (
            7,
            "'::: beslut' opened here is never closed, so what is written after it would be "
            "part of it; end it with a line ':::'",
        )
    ]
    assert errors(parse(HEAD + "## § 1 A\n\n::: beslut\nBifall.\n:::\n")) == []


def test_container_inside_a_container_is_an_error() -> None:
    """The first ':::' closes the outer record: the inner one would be read as its text."""
    parsed = parse(
        HEAD + "## § 1 A\n\n::: motion Anna (S)\nText.\n\n::: decision\nBifall.\n:::\n:::\n"
    )
    lines = [line for line, _ in errors(parsed)]
    assert lines == [10, 13]  # the nested decision, and the ':::' left over


@pytest.mark.parametrize(
    "heading",
    ["### Beslut:", "### Beslut.", "###  Beslut  ", "### beslut :", "#### BESLUT", "### Decision:"],
)
def test_decision_heading_with_punctuation_or_spaces_is_a_decision(heading: str) -> None:
    parsed = parse(HEAD + f"## § 1 A\n\n{heading}\n\nBifall.\n")
    assert parsed.problems == ()
    assert parsed.meeting is not None
    assert [d.text for d in parsed.meeting.items[0].decisions] == ["Bifall."]


@pytest.mark.parametrize(
    "heading", ["### Beslut om taxor", "### Beslut: enhälligt", "### Beslut (forts.)"]
)
def test_heading_that_starts_with_a_decision_word_and_says_more_is_a_warning(heading: str) -> None:
    parsed = parse(HEAD + f"## § 1 A\n\n{heading}\n\nBifall.\n")
    assert [(p.severity, p.line) for p in parsed.problems] == [("warning", 7)]
    assert "starts with the decision word 'Beslut' but says more" in parsed.problems[0].message


@pytest.mark.parametrize("heading", ["### Beslutsunderlag", "### Förslag till beslut"])
def test_words_that_only_contain_a_decision_word_are_neither(heading: str) -> None:
    parsed = parse(HEAD + f"## § 1 A\n\n{heading}\n\nX.\n")
    assert parsed.problems == ()


def test_decision_heading_or_vote_inside_a_record_is_an_error() -> None:
    parsed = parse(
        HEAD + "## § 1 A\n\n::: motion Anna (S)\nText.\n\n### Beslut\n\nBifall.\n\n"
        "```vote\nresult: {Ja: 3}\n```\n"
    )
    # the record is never closed (line 7), and holds a decision heading and a vote
    assert [line for line, _ in errors(parsed)] == [7, 10, 14]
    assert "is never closed" in errors(parsed)[0][1]
    assert "marks no decision" in errors(parsed)[1][1]
    assert "is not counted" in errors(parsed)[2][1]


def test_heading_inside_a_quote_is_an_error() -> None:
    parsed = parse(HEAD + "## § 1 A\n\n> ## § 2 B\n")
    assert [line for line, _ in errors(parsed)] == [7]


def test_misspelt_vote_fence_is_an_error() -> None:
    assert errors(parse(HEAD + "## § 1 A\n\n```votes\nresult: {Ja: 3}\n```\n")) == [
        (7, "'```votes' is not a vote block; write '```vote'")
    ]


@pytest.mark.parametrize(
    ("entry", "line", "message"),
    [
        (
            "attendees:\n  - {name: Anna Ek, partyy: S}",
            4,
            "attendees: 'partyy' is not a key of a person; did you mean 'party'?",
        ),
        (
            "attendees:\n  - Bo Berg (M)\n  - name: Anna Ek\n    rol: Ledamot",
            6,
            "attendees: 'rol' is not a key of a person; did you mean 'role'?",
        ),
        (
            "officials: [{name: Anna Ek, organisation: Vision}]",
            3,
            "officials: 'organisation' is not a key of a person; the keys are name, party, org, "
            "role, serving_for, from, until",
        ),
        (
            "attachments:\n  - {title: Protokoll, fil: files/a.pdf}",
            4,
            "attachments: 'fil' is not a key of an attachment; did you mean 'file'?",
        ),
    ],
)
def test_misspelt_key_in_an_entry_is_an_error_with_its_line(
    entry: str, line: int, message: str
) -> None:
    parsed = parse(f"---\nbody: X\n{entry}\ndate: 2020-01-01\n---\n")
    assert errors(parsed) == [(line, message)]


def test_attendee_keys_of_the_contract_are_kept_and_shown(tmp_site: SiteFactory) -> None:
    """serving_for, from and until were dropped without a word."""
    text = (
        "---\nbody: X\ndate: 2020-01-01\nattendees:\n"
        "  - {name: Martine Eng, party: S, role: Ersättare, serving_for: Elin Hoffner (V)}\n"
        "  - {name: Anton Hammar, party: S, until: 92, from: 90}\n---\n"
    )
    parsed = parse(text)
    assert errors(parsed) == []
    assert parsed.meeting is not None
    first, second = parsed.meeting.attendees
    assert (first.serving_for, second.from_item, second.until_item) == (
        "Elin Hoffner (V)",
        "90",
        "92",
    )
    root = tmp_site({"content/x/2020-01-01.md": text})
    build(BuildOptions(source=root, output=root / "_site", search=False, today=date(2024, 6, 1)))
    html = (root / "_site/x/2020-01-01/index.html").read_text()
    page = re.sub(r"<a [^>]*>|</a>", "", html)  # names link to their person pages
    assert '<a href="/personer/martine-eng/">Martine Eng (S)</a>' in html
    assert "Martine Eng (S), Ersättare, tjänstgör för Elin Hoffner (V)" in page
    assert "Anton Hammar (S), från § 90, till och med § 92" in page


@pytest.mark.parametrize(
    ("vote", "line", "message"),
    [
        ("vots: {A: Ja}", 8, "vote: unknown key 'vots'; did you mean 'votes'?"),
        (
            "votes:\n  A: Ja\n  B: Nej\nresullt: {Ja: 1}",
            11,
            "vote: unknown key 'resullt'; did you mean 'result'?",
        ),
        (
            "options: {Ja: A, Nej: B}\nvotes:\n  Anna (S): ja\n  Bo (M): Ja",
            10,
            "vote: Anna (S) voted 'ja', which is written 'Ja' in the options or an earlier vote; "
            "write it the same way",
        ),
        (
            "votes:\n  Anna (S): Ja\n  Bo (M): JA",
            10,
            "vote: Bo (M) voted 'JA', which is written 'Ja' in the options or an earlier vote; "
            "write it the same way",
        ),
        (
            "options: {Ja: A, Nej: B}\nvotes:\n  Anna (S): Nejj",
            10,
            "vote: Anna (S) voted 'Nejj'; did you mean the option 'Nej'?",
        ),
        (
            "votes:\n  Anna (S): Ja\nresult: {ja: 1}",
            10,
            "vote: result 'ja' is written 'Ja' in the options or votes; write it the same way",
        ),
        (
            "votes:\n  Anna (S): Ja\n  Anna (S): Nej",
            10,
            "vote: the member 'Anna (S)' is listed twice (first on line 9); keep one of the lines",
        ),
        (
            "result: {Ja: många}",
            8,
            "vote: result Ja: expected a count (a whole number), got 'många'",
        ),
        ("result: {Ja: ²}", 8, "vote: result Ja: expected a count (a whole number), got '²'"),
    ],
)
def test_vote_problems_are_errors_on_their_lines(vote: str, line: int, message: str) -> None:
    parsed = parse(HEAD + f"## § 1 A\n\n```vote\n{vote}\n```\n")
    assert errors(parsed) == [(line, message)]


def test_enormous_vote_count_is_an_error_not_a_traceback() -> None:
    parsed = parse(HEAD + "## § 1 A\n\n```vote\nresult: {Ja: " + "9" * 5000 + "}\n```\n")
    assert [line for line, _ in errors(parsed)] == [8]


def test_abstentions_beside_the_options_are_counted() -> None:
    parsed = parse(
        HEAD + "## § 1 A\n\n```vote\noptions: {Ja: A, Nej: B}\nvotes:\n  Anna: Ja\n"
        "  Bo: Avstår\nresult: {Ja: 1, Nej: 0, Avstår: 1}\n```\n"
    )
    assert errors(parsed) == []
    assert parsed.meeting is not None
    assert parsed.meeting.items[0].votes[0].tally == (("Ja", 1), ("Nej", 0), ("Avstår", 1))


@pytest.mark.parametrize(
    ("word", "role"),
    [
        ("support", "support"),
        ("bifall", "support"),
        ("note", "note"),
        ("anteckning", "note"),
        ("protokollsanteckning", "note"),
        ("conflict", "conflict"),
        ("jav", "conflict"),
        ("jäv", "conflict"),
        ("Jäv", "conflict"),
    ],
)
def test_v4_records_are_parsed(word: str, role: str) -> None:
    parsed = parse(HEAD + f"## § 1 A\n\n::: {word} Anna Ek (M)\nText.\n:::\n")
    assert errors(parsed) == []
    assert parsed.meeting is not None
    (record,) = parsed.meeting.items[0].segments
    assert isinstance(record, Record) and (record.role, record.who) == (role, "Anna Ek (M)")


@pytest.mark.parametrize(
    ("language", "labels"),
    [
        ("sv", ["Bifall:", "Protokollsanteckning:", "Jäv:"]),
        ("en", ["Support:", "Note for the minutes:", "Conflict of interest:"]),
    ],
)
def test_v4_records_are_rendered_with_labels(
    tmp_site: SiteFactory, language: str, labels: list[str]
) -> None:
    root = tmp_site(
        {
            "content/ks/2024-01-10.md": HEAD.replace("2020-05-26", "2024-01-10")
            + "## § 1 A\n\n::: bifall Bengt Bergqvist (S)\nJonas Anderssons yrkande."
            "\n:::\n\n::: anteckning Karin Kvist (S)\nUppföljning.\n:::\n\n"
            "::: jäv Anna Ek (M)\nDeltar inte.\n:::\n"
        },
        toml=f'title = "T"\nlanguage = "{language}"\n',
    )
    build(BuildOptions(source=root, output=root / "_site", search=False, today=date(2024, 6, 1)))
    page = next((root / "_site").rglob("2024-01-10/index.html")).read_text()
    for role, label in zip(("support", "note", "conflict"), labels, strict=True):
        assert f'<div class="record {role}">' in page
        assert f"{label}</span>" in page


# --- the property: N items, or a located error -------------------------------------------

DAMAGE = {
    "unclosed container": "::: motion Anna (S)\nYrkar avslag.",
    "misspelt container": "::: reservaton Bo (M)\nReserverar sig.\n:::",
    "unknown container": "::: anmärkning\nText.\n:::",
    "stray close": "Text.\n:::",
    "longer stray close": "::::",
    "nested container": "::: motion Anna (S)\nText.\n\n::: decision\nBifall.\n:::",
    "decision colon": "### Beslut:\n\nBifall.",
    "decision says more": "### Beslut om taxor\n\nBifall.",
    "decision spaces": "###   beslut   \n\nBifall.",
    "broken attribute block": "",  # applied to the heading, see below
    "vote misspelt key": "```vote\nvots: {A: Ja}\n```",
    "vote lower case": "```vote\noptions: {Ja: x, Nej: y}\nvotes: {A: ja}\n```",
    "vote in a record": "::: motion A\n```vote\nresult: {Ja: 1}\n```\n:::",
    "heading in a quote": "> ## Citerad rubrik",
    "heading in a list": "- ## Rubrik i en lista",
    "setext heading": "Rubrik som ärende\n---",
    # a code block never closed swallowed every item after it, and the items were lost
    "unclosed code block": "```\nKod utan slut.",
    "unclosed tilde block": "~~~\nKod utan slut.",
    # an item heading the clerk wrote that Markdown does not read as one: lost in silence
    "heading without a space": "##§ 9 Utan mellanslag",
    "heading after a non-breaking space": "##\u00a0§ 9 Hårt mellanslag",
    "decision heading without a space": "###Beslut\n\nBifall.",
    "item as a level-1 heading": "# § 9 Nivå ett",
    # votes and records written in a code block: not counted, not shown as what they are
    "vote in Swedish": "```votering\nresult: {Ja: 3}\n```",
    "vote with more words": "```yaml vote\nresult: {Ja: 3}\n```",
    "record as a code block": "~~~ decision\nBifall.\n~~~",
    # a setting below the front matter is published text, the meeting with it
    "setting below the front matter": "public: false",
}
BROKEN_BLOCKS = [
    '{#p1 case="KS 1}',
    "{confidential=yes}",
    "{sekretess}",
    "{.confidential}",
    "{confidential=true public_title=Två ord}",
    "{konfidentiell=true}",
    "{case=KS 1}",
    '{confidential=true} {case="KS 1"}',
]
ITEM_BODIES = st.sampled_from(
    [
        "Text.",
        "::: decision\nBifall.\n:::",
        "### Beslut\n\nBifall.",
        "::: motion Anna (S)\nYrkande.\n:::",
        "```vote\nresult: {Ja: 3, Nej: 2}\n```",
        "- a\n- b",
        "> citat",
    ]
)


@st.composite
def damaged_meetings(
    draw: st.DrawFn, kind: str | None = None, item_after: bool = False
) -> tuple[str, int, str]:
    """(meeting text, number of level-2 headings written, damage); with ``item_after``, the
    damaged item is never the last one."""
    n = draw(st.integers(2 if item_after else 1, 6))
    bodies = [draw(ITEM_BODIES) for _ in range(n)]
    damage = kind or draw(st.sampled_from(sorted(DAMAGE)))
    where = draw(st.integers(0, n - (2 if item_after else 1)))
    headings = [f"## § {k + 1} Ärende {k + 1}" for k in range(n)]
    if damage == "broken attribute block":
        headings[where] += " " + draw(st.sampled_from(BROKEN_BLOCKS))
    else:
        bodies[where] += "\n\n" + DAMAGE[damage]
    # a '##' in a quote or list is a level-2 heading in CommonMark's sense too
    written = n + (
        1
        if damage
        in (
            "setext heading",
            "heading in a quote",
            "heading in a list",
            "heading without a space",
            "heading after a non-breaking space",
            "item as a level-1 heading",
        )
        else 0
    )
    text = HEAD + "".join(f"{h}\n\n{b}\n\n" for h, b in zip(headings, bodies, strict=True))
    return text, written, damage


def test_damage_list_is_covered() -> None:
    """Every kind of damage is either caught or harmless; this pins the ones that must be
    caught with a located error (not only a warning)."""
    for damage, text in DAMAGE.items():
        if damage in (
            "decision colon",
            "decision spaces",
            "setext heading",
            "decision says more",
            "broken attribute block",
        ):
            continue
        parsed = parse(HEAD + "## § 1 A\n\n" + text + "\n\n## § 2 B\n")
        assert errors(parsed), damage
        assert all(p.line >= 5 for p in parsed.problems), damage


def _decisions_written(text: str) -> int:
    return len(re.findall(r"^(?:::: decision|### Beslut)$", text, re.M))


SCALE = int(os.environ.get("FUZZ_SCALE", "1"))  # FUZZ_SCALE=20 for a long run by hand


@settings(max_examples=300 * SCALE, deadline=None)
@given(damaged_meetings())
def test_damaged_meeting_has_every_item_or_a_located_error(case: tuple[str, int, str]) -> None:
    text, written, damage = case
    parsed = parse_meeting(text.encode(), PATH, SiteConfig(root=Path("/nonexistent")))
    for problem in parsed.problems:
        assert problem.path == PATH and problem.line >= 1
    if parsed.meeting is None:  # stopped: there must be an error saying where
        assert any(p.severity == "error" for p in parsed.problems), damage
        return
    assert len(parsed.meeting.items) == written, damage
    decisions = sum(len(i.decisions) for i in parsed.meeting.items)
    if decisions != _decisions_written(text) + ("colon" in damage or "spaces" in damage):
        assert any(p.severity == "warning" for p in parsed.problems), damage


def _items_on_page(html: str) -> int:
    return html.count('<section class="item')


def _blocks_written(text: str) -> int:
    """Records, decisions and votes the clerk wrote (a decision heading in any spelling)."""
    return len(
        re.findall(r"^(?::{3,}[ \t]*\S.*|#{3,6}[ \t]+beslut[^\w\n]*|```vote)$", text, re.M | re.I)
    )


def _blocks_on_page(html: str) -> int:
    return sum(html.count(f'<div class="{kind}') for kind in ("record ", "decision", "vote"))


@pytest.mark.parametrize("kind", sorted(DAMAGE))
@settings(
    max_examples=2 * SCALE,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(data=st.data())
def test_damaged_meeting_built_has_every_item_on_its_page_or_exit_1(
    tmp_site: SiteFactory, kind: str, data: st.DataObject
) -> None:
    """The same, through a real build, for every kind of damage: the meeting page holds N
    items, or the build exits 1 naming the file and a line; `check` agrees with `build`,
    and `check --strict` with `build --strict`."""
    text, written, damage = data.draw(damaged_meetings(kind, item_after=True))
    root = tmp_site({"content/rs/m.md": text})
    out = root / "_site"
    runner = CliRunner()
    built = runner.invoke(
        main,
        [
            "build",
            "--source",
            str(root),
            "--output",
            str(out),
            "--no-search",
            "--no-cache",
            "--today",
            "2024-06-01",
        ],
    )
    assert built.exit_code in (0, 1), built.output
    checked = runner.invoke(main, ["check", "--source", str(root)])
    assert checked.exit_code == built.exit_code, (damage, built.output, checked.output)
    if built.exit_code == 1:
        assert re.search(r"content/rs/m\.md:\d+: ", built.output), built.output
        return
    page = (out / "regionstyrelsen/2020-05-26/index.html").read_text()
    assert _items_on_page(page) == written, damage
    if _blocks_on_page(page) != _blocks_written(text):  # only with a warning on its line
        assert re.search(r"content/rs/m\.md:\d+: warning: ", built.output), damage
    strict = [
        runner.invoke(
            main,
            [
                cmd,
                "--source",
                str(root),
                "--strict",
                *(["--output", str(out), "--no-search", "--no-cache"] if cmd == "build" else []),
            ],
        ).exit_code
        for cmd in ("check", "build")
    ]
    assert strict[0] == strict[1], damage


@pytest.mark.parametrize(
    ("html", "line"),
    [
        ("<div>\n## § 9 Inne i HTML\n</div>", 8),  # no empty line ends the HTML block
        ("<!-- utkast\n\n## § 9 Efter en kommentar som aldrig stängs", 9),
        ("<pre>\n\n## § 9 Efter pre\n\n::: decision\nBifall.\n:::", 9),
        ("<script>\n\n## § 9 Efter script", 9),
        ("<textarea>\n\n## § 9 Efter textarea", 9),
        ("<h2>§ 9 Rubrik i HTML</h2>", 7),
    ],
)
def test_an_html_block_that_runs_over_an_item_is_an_error(html: str, line: int) -> None:
    """With raw_html on, an HTML block runs to an empty line (or, for a comment, <pre>,
    <script> or <textarea>, to its closing tag, else to the end of the file): every item
    in it was lost without a word, and the build said "No problems"."""
    parsed = parse(HEAD + f"## § 1 A\n\n{html}\n\n## § 10 Sist\n", raw_html=True)
    assert parsed.meeting is None
    assert [n for n, _ in errors(parsed)] == [7], errors(parsed)
    assert f"line {line}" in errors(parsed)[0][1] or line == 7


def test_a_mark_of_secrecy_in_an_html_block_is_an_error() -> None:
    parsed = parse(
        HEAD + "## § 1 A\n\n<div>Ansökan om bistånd {confidential=true}</div>\n", raw_html=True
    )
    assert [(n, m.split(" in the HTML")[0]) for n, m in errors(parsed)] == [
        (7, "'{confidential=true}'")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Beslut: Kommunstyrelsen beslutar att bifalla.",
        "**Beslut:** Bifall.",
        "**Beslut**\n\nBifall.",
    ],
)
def test_a_decision_written_as_a_paragraph_is_a_warning(text: str) -> None:
    """Minutes often write 'Beslut: ...' in running text: shown, but no decision (not in the
    decisions index nor on the case page), and nothing said so."""
    parsed = parse(HEAD + f"## § 1 A\n\n{text}\n")
    assert [(p.severity, p.line) for p in parsed.problems] == [("warning", 7)]
    assert "'Beslut' at the start of a paragraph marks no decision" in parsed.problems[0].message
    assert "write '### Beslut' on a line of its own" in parsed.problems[0].message


@pytest.mark.parametrize(
    "text", ["Beslutet togs enhälligt.", "Beslut om taxor fattas i juni.", "Beslutsunderlag: x"]
)
def test_a_paragraph_that_only_mentions_a_decision_is_fine(text: str) -> None:
    assert parse(HEAD + f"## § 1 A\n\n{text}\n").problems == ()


@pytest.mark.parametrize(
    "before",
    ["::: decision\nBifall.\n:::", "### Beslut\n\nBifall.", "```vote\nresult: {Ja: 3}\n```"],
)
def test_a_decision_or_vote_before_the_first_item_is_a_warning(before: str) -> None:
    """It was shown in the preamble but belonged to no item: not in the decisions index, on
    a case page or in the open data, and nothing said so."""
    parsed = parse(HEAD + f"{before}\n\n## § 1 A\n\n::: decision\nJa.\n:::\n")
    assert [(p.severity, p.line) for p in parsed.problems] == [("warning", 5)]
    assert "before the first agenda item" in parsed.problems[0].message
