"""The parser: number forms, attributes, decisions, votes, records, front matter errors."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from generator.content.config import SiteConfig
from generator.content.model import Decision, Html, Record, Vote
from generator.content.parse import Parsed, parse_meeting

DATA = Path(__file__).resolve().parent / "data"
HEAD = "---\nbody: Regionstyrelsen\ndate: 2020-05-26\n---\n"


def fixtures(name: str) -> list[tuple[str, str, str]]:
    """Cases in markdown-it's three-dot format: title / . / input / . / expected / ."""
    blocks = (DATA / name).read_text(encoding="utf-8").split("\n.\n")
    cases = []
    i = 0
    while i + 2 < len(blocks):
        title = blocks[i].strip().split("\n")[-1]
        cases.append((title, blocks[i + 1].strip("\n") + "\n", blocks[i + 2].strip("\n")))
        i += 3
    return cases


def parse(text: str, tmp_path: Path | None = None, **config: object) -> Parsed:
    root = tmp_path or Path("/nonexistent")
    cfg = SiteConfig(root=root, **config)  # type: ignore[arg-type]
    return parse_meeting(textwrap.dedent(text).lstrip("\n").encode(), "content/rs/m.md", cfg)


def meeting(text: str, **config: object):  # type: ignore[no-untyped-def]
    parsed = parse(text, **config)
    assert [str(p) for p in parsed.problems if p.severity == "error"] == []
    assert parsed.meeting is not None
    return parsed.meeting


@pytest.mark.parametrize(
    ("title", "source", "expected"),
    fixtures("headings.txt"),
    ids=[c[0] for c in fixtures("headings.txt")],
)
def test_heading_number_forms(title: str, source: str, expected: str) -> None:
    m = meeting(HEAD + source)
    assert len(m.items) == 1
    item = m.items[0]
    assert f"{item.number}|{item.label}|{item.title}|{item.anchor}" == expected


def test_case_attribute_and_explicit_anchor() -> None:
    m = meeting(HEAD + '## § 89 Digitala hjälpmedel {#p89 case="RS/412/2020"}\n\nText.\n')
    assert (m.items[0].case, m.items[0].anchor) == ("RS/412/2020", "p89")


def test_preamble_is_text_before_first_item() -> None:
    m = meeting(HEAD + "Sammanträdet öppnades.\n\n## 1. Öppnande\n\nText\n")
    assert isinstance(m.preamble[0], Html)
    assert "Sammanträdet öppnades." in m.preamble[0].html
    assert len(m.items) == 1


def test_level_two_heading_inside_a_closed_container_is_an_error() -> None:
    """A '##' the clerk wrote is an agenda item or an error: even inside a closed container
    (contract v4: a container never swallows an agenda item)."""
    parsed = parse(HEAD + "## 1. A\n\n::: decision\n## Not an item\n:::\n\n## 2. B\n")
    assert parsed.meeting is None
    assert [(p.line, p.message.split(",")[0]) for p in parsed.problems] == [
        (7, "'::: decision' opened here is still open at the item heading on line 8")
    ]


def test_unquoted_times() -> None:
    m = meeting("---\nbody: X\ndate: 2020-01-01\nstart: 8.30\nend: 10:30\n---\n")
    assert (m.start, m.end) == ("08:30", "10:30")


def test_decision_container_and_alias() -> None:
    m = meeting(
        HEAD + "## 1. A\n\n::: decision\nVi beslutar.\n:::\n\n## 2. B\n\n::: beslut\nBifall.\n:::\n"
    )
    assert [d.text for i in m.items for d in i.decisions] == ["Vi beslutar.", "Bifall."]


def test_decision_heading_section_ends_at_next_heading() -> None:
    m = meeting(
        HEAD + "## 1. A\n\nText.\n\n### Beslut\n\nDet beslutades.\n\nAndra stycket.\n\n"
        "### Övrigt\n\nInte beslut.\n"
    )
    decisions = m.items[0].decisions
    assert len(decisions) == 1
    assert decisions[0].text == "Det beslutades. Andra stycket."
    assert decisions[0].heading == "Beslut"
    assert "Inte beslut." not in decisions[0].html


@pytest.mark.parametrize("word", ["Beslutsunderlag", "Förslag till beslut"])
def test_words_that_are_not_decisions(word: str) -> None:
    m = meeting(HEAD + f"## 1. A\n\n### {word}\n\nUnderlag.\n")
    assert m.items[0].decisions == ()


def test_decision_words_are_case_insensitive_and_settable() -> None:
    assert meeting(HEAD + "## 1. A\n\n#### DECISION\n\nAgreed.\n").items[0].decisions
    m = meeting(HEAD + "## 1. A\n\n### Resolved\n\nAgreed.\n", decision_words=("Resolved",))
    assert m.items[0].decisions[0].text == "Agreed."
    assert (
        not meeting(HEAD + "## 1. A\n\n### Beslut\n\nX.\n", decision_words=("Resolved",))
        .items[0]
        .decisions
    )


def test_several_decisions_and_none() -> None:
    m = meeting(
        HEAD + "## 1. A\n\n::: decision\nEtt.\n:::\n\n::: decision\nTvå.\n:::\n\n"
        "## 2. Information\n\nInget beslut.\n"
    )
    assert [len(i.decisions) for i in m.items] == [2, 0]


def test_records_with_who() -> None:
    m = meeting(
        HEAD + "## 1. A\n\n::: proposal\nFörslag.\n:::\n\n"
        "::: motion Robert Hamberg (M)\nByt ord.\n:::\n\n"
        "::: yrkande Jonas Andersson (S)\nAvslag.\n:::\n\n"
        "::: reservation Jonas Andersson (S)\nReserverar sig.\n:::\n\n"
        "::: expedieras\nRegionstabschef\n:::\n"
    )
    records = [s for s in m.items[0].segments if isinstance(s, Record)]
    assert [(r.role, r.who) for r in records] == [
        ("proposal", ""),
        ("motion", "Robert Hamberg (M)"),
        ("motion", "Jonas Andersson (S)"),
        ("reservation", "Jonas Andersson (S)"),
        ("distribution", ""),
    ]
    assert "Byt ord." in records[1].html


VOTE = """
```vote
question: A mot B
options: {Ja: A, Nej: B}
votes:
  Anna (S): Ja
  Bo (M): Ja
  Cia (C): Nej
  Dan (V): Avstår
result: RESULT
```
"""


def test_vote_tally_counted_and_checked() -> None:
    m = meeting(HEAD + "## 1. A\n" + VOTE.replace("RESULT", "{Ja: 2, Nej: 1, Avstår: 1}"))
    vote = m.items[0].votes[0]
    assert vote.tally == (("Ja", 2), ("Nej", 1), ("Avstår", 1))
    assert vote.ballots[0] == ("Anna (S)", "Ja")
    assert vote.options == (("Ja", "A"), ("Nej", "B"))


def test_vote_missing_option_in_result_counts_zero() -> None:
    text = HEAD + "## 1. A\n" + VOTE.replace("RESULT", "{Ja: 2, Nej: 1}")
    parsed = parse(text)
    assert parsed.meeting is None
    assert [str(p) for p in parsed.problems] == [
        "content/rs/m.md:15: vote: result does not match the votes (Avstår: counted 1, stated 0); "
        "write Avstår: 1 under result:, or correct the votes"
    ]


def test_vote_tally_mismatch_is_error_with_line() -> None:
    parsed = parse(HEAD + "## 1. A\n" + VOTE.replace("RESULT", "{Ja: 3, Nej: 1, Avstår: 1}"))
    assert parsed.meeting is None
    (problem,) = parsed.problems
    assert problem.line == 15  # the result line
    assert "Ja: counted 2, stated 3" in problem.message


def test_vote_result_alone() -> None:
    m = meeting(HEAD + "## 1. A\n\n```vote\nquestion: Q\nresult: {Ja: 9, Nej: 6}\n```\n")
    vote = m.items[0].votes[0]
    assert (vote.ballots, vote.tally) == ((), (("Ja", 9), ("Nej", 6)))


def test_vote_english_yes_no_stay_words() -> None:
    m = meeting(
        HEAD + "## 1. A\n\n```vote\nvotes: {Ann: Yes, Bob: No}\nresult: {Yes: 1, No: 1}\n```\n"
    )
    assert m.items[0].votes[0].tally == (("Yes", 1), ("No", 1))


def test_vote_without_votes_or_result_is_error() -> None:
    parsed = parse(HEAD + "## 1. A\n\n```vote\nquestion: Q\n```\n")
    assert "give votes, result, or both" in parsed.problems[0].message


def test_bad_date_names_file_line_and_key() -> None:
    parsed = parse("---\nbody: Regionstyrelsen\ntype: protokoll\ndate: 26 maj 2020\n---\n")
    assert parsed.meeting is None
    assert [str(p) for p in parsed.problems] == [
        "content/rs/m.md:4: date: expected YYYY-MM-DD, got '26 maj 2020'"
    ]


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("status: klar", "status: expected one of planned, draft, adjusted, published, got 'klar'"),
        ("public: kanske", "public: expected true or false, got 'kanske'"),
        ("start: 25:00", "start: expected HH:MM, got '25:00'"),
        ("adjuster: [A]", "adjuster: unknown key; did you mean 'adjusters'?"),
        ("bdy: X", "bdy: unknown key; did you mean 'body'?"),
        ("posted: igår", "posted: expected YYYY-MM-DD, got 'igår'"),
        ("attendees: [[1, 2]]", "attendees: cannot read ['1', '2'] as a person"),
    ],
)
def test_front_matter_errors_with_line(line: str, message: str) -> None:
    parsed = parse(f"---\nbody: X\ndate: 2020-01-01\n{line}\n---\n")
    errors = [p for p in parsed.problems if p.severity == "error"]
    assert len(errors) == 1
    assert errors[0].line == 4
    assert errors[0].message.startswith(message)


def test_unknown_key_is_warning_and_extra_keys_are_kept() -> None:
    parsed = parse("---\nbody: X\ndate: 2020-01-01\ndiarienummer: KS 1\n---\n")
    assert [(p.severity, p.line) for p in parsed.problems] == [("warning", 4)]
    m = meeting(
        "---\nbody: X\ndate: 2020-01-01\ndiarienummer: KS 1\n---\n", extra_keys=("diarienummer",)
    )
    assert m.extra == (("diarienummer", "KS 1"),)


def test_missing_required_keys() -> None:
    parsed = parse("---\ntitle: X\n---\n")
    assert {p.message.split(":")[0] for p in parsed.problems} == {"body", "date"}


def test_empty_date_is_an_error_on_its_line() -> None:
    """Found by the fuzz test: 'date:' with nothing after it left the file unpublished
    without saying why."""
    parsed = parse("---\nbody: KS\ndate:\n---\n")
    assert parsed.meeting is None
    assert [(p.severity, p.line, p.message) for p in parsed.problems] == [
        (
            "error",
            3,
            "date: required; write the day of the meeting as YYYY-MM-DD, such as date: 2025-03-11",
        )
    ]


def test_no_front_matter_and_invalid_yaml() -> None:
    assert "no front matter" in str(parse("## 1. A\n").problems[0])
    problem = parse("---\nbody: X\ndate: [2020\n---\n").problems[0]
    assert problem.line >= 3 and problem.message.startswith("front matter: ")


def test_attachments(tmp_path: Path) -> None:
    (tmp_path / "content" / "files").mkdir(parents=True)
    (tmp_path / "content" / "files" / "a.pdf").write_bytes(b"%PDF")
    (tmp_path / "secret.txt").write_text("x")
    ok = parse(
        """
        ---
        body: X
        date: 2020-01-01
        attachments:
          - {title: A, file: files/a.pdf}
          - {title: Bara en titel}
          - {title: Länk, url: https://example.org/a.pdf}
        ---
        """,
        tmp_path,
    )
    assert ok.problems == ()
    assert ok.meeting is not None
    assert [a.title for a in ok.meeting.attachments] == ["A", "Bara en titel", "Länk"]
    for bad, why in [
        ("../secret.txt", "outside content/"),
        ("/etc/passwd", "outside content/"),
        ("files/missing.pdf", "does not exist"),
    ]:
        parsed = parse(
            f"---\nbody: X\ndate: 2020-01-01\nattachments:\n  - {{title: A, file: {bad}}}\n---\n",
            tmp_path,
        )
        assert parsed.meeting is None
        assert why in parsed.problems[0].message, bad
        assert parsed.problems[0].line == 1


def test_attachment_symlink_out_of_content_is_refused(tmp_path: Path) -> None:
    (tmp_path / "content" / "files").mkdir(parents=True)
    (tmp_path / "outside.pdf").write_bytes(b"x")
    (tmp_path / "content" / "files" / "link.pdf").symlink_to(tmp_path / "outside.pdf")
    parsed = parse(
        "---\nbody: X\ndate: 2020-01-01\nattachments:\n  - {title: A, file: files/link.pdf}\n---\n",
        tmp_path,
    )
    assert "outside content/" in parsed.problems[0].message


def test_javascript_attachment_url_is_refused() -> None:
    parsed = parse(
        "---\nbody: X\ndate: 2020-01-01\nattachments:\n"
        "  - {title: A, url: 'javascript:alert(1)'}\n---\n"
    )
    assert "url must start with" in parsed.problems[0].message


def test_bom_and_crlf_parse_identically() -> None:
    text = HEAD + "## § 1 A\n\n::: decision\nJa.\n:::\n"
    cfg = SiteConfig(root=Path("/x"))
    plain = parse_meeting(text.encode(), "content/a.md", cfg)
    other = parse_meeting(
        b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode(), "content/a.md", cfg
    )
    assert plain == other


def test_other_encoding_is_a_clear_error() -> None:
    parsed = parse_meeting(
        (HEAD + "## 1. Möte\n").encode("latin-1"), "content/a.md", SiteConfig(root=Path("/x"))
    )
    assert parsed.meeting is None
    assert str(parsed.problems[0]) == "content/a.md:5: not UTF-8 text (save the file as UTF-8)"


def test_confidential_item_keeps_only_number_and_public_title() -> None:
    m = meeting(
        HEAD + "## § 12 Ansökan om bistånd för Kalle {confidential=true}\n\nHemligt.\n\n"
        '## § 13 Bygglov {.sekretess public_title="Sekretessärende" case="X 1"}\n\n'
        "Hemligt två.\n"
    )
    first, second = m.items
    assert (first.number, first.title, first.segments, first.confidential) == ("12", "", (), True)
    assert (second.title, second.case, second.segments) == ("Sekretessärende", "", ())


def test_closed_meeting_keeps_only_body_and_date() -> None:
    m = meeting(
        "---\nbody: X\ndate: 2020-01-01\npublic: false\ntitle: Hemlig titel\n"
        "location: Hemligt rum\n---\nHemligt.\n\n## 1. Hemligt ärende\n"
    )
    assert (m.title, m.location, m.items, m.preamble, m.public) == (
        "X 2020-01-01",
        "",
        (),
        (),
        False,
    )


def test_planned_meeting_keeps_item_titles_only() -> None:
    m = meeting(
        "---\nbody: X\ndate: 2030-01-01\nstatus: planned\n---\nText.\n\n"
        "## 1. Budget\n\nUnderlag som inte ska visas.\n"
    )
    assert (m.preamble, m.items[0].title, m.items[0].segments) == ((), "Budget", ())


def test_duplicate_item_number_is_warning() -> None:
    parsed = parse(HEAD + "## § 1 A\n\n## § 1 B\n")
    assert [(p.severity, p.line) for p in parsed.problems] == [("warning", 7)]
    assert parsed.meeting is not None
    assert [i.anchor for i in parsed.meeting.items] == ["p1", "p1-2"]


def test_raw_html_is_escaped_by_default_and_allowed_when_switched_on() -> None:
    text = HEAD + "## 1. A\n\n<b>fet</b>\n"
    off = meeting(text).items[0].segments[0]
    on = meeting(text, raw_html=True).items[0].segments[0]
    assert isinstance(off, Html) and "&lt;b&gt;" in off.html
    assert isinstance(on, Html) and "<b>fet</b>" in on.html


def test_segments_keep_order() -> None:
    m = meeting(
        HEAD
        + "## 1. A\n\nText.\n\n::: proposal\nP.\n:::\n"
        + VOTE.replace("RESULT", "{Ja: 2, Nej: 1, Avstår: 1}")
        + "\n### Beslut\n\nB.\n"
    )
    assert [type(s) for s in m.items[0].segments] == [Html, Record, Vote, Decision]


@pytest.mark.parametrize("number", ["811218-9876", "19811218-9876", "198112189876", "640823+3234"])
def test_personal_identity_number_is_an_error_with_line(number: str) -> None:
    parsed = parse(HEAD + f"## 1. A\n\nSökande {number} har ansökt.\n")
    assert [(p.severity, p.line) for p in parsed.problems] == [("error", 7)]
    assert "personnummer" in parsed.problems[0].message


@pytest.mark.parametrize(
    "text",
    [
        "8112189877",  # a wrong check digit and no dash: no guess (with a dash: a warning)
        "Telefon 010-441 00 00",
        "RS 2024-05699",
        "2020-05-26",
        "KS 2023/145",
        "20201345-1234",
    ],
)
def test_numbers_that_are_not_personal_numbers(text: str) -> None:
    assert parse(HEAD + f"## 1. A\n\n{text}\n").problems == ()


def test_personal_number_in_confidential_item_is_not_published_so_not_warned() -> None:
    parsed = parse(
        HEAD + "## § 1 Bistånd {confidential=true}\n\nSökande 811218-9876.\n\n"
        "## § 2 Öppet\n\nText.\n"
    )
    assert parsed.problems == ()


def test_adjusted_minutes_without_adjusters_or_posted_date_are_warned() -> None:
    parsed = parse("---\nbody: X\ndate: 2020-01-01\nstatus: adjusted\n---\n")
    assert sorted((p.severity, p.line, p.message.split(" (")[0]) for p in parsed.problems) == [
        ("warning", 4, "status: adjusted minutes without a posted date"),
        ("warning", 4, "status: adjusted minutes without adjusters"),
        ("warning", 4, "status: adjusted minutes without notice_place"),
    ]


@pytest.mark.parametrize(
    ("line", "meant"),
    [
        ("justerare: [Anna Ek (S)]", "adjusters"),
        ("närvarande: [Anna Ek (S)]", "attendees"),
        ("Ordförande: Anna Ek", "chair"),
        ("plats: Stadshuset", "location"),
        ("anslaget: 2024-01-12", "posted"),
    ],
)
def test_a_swedish_key_is_an_error_naming_the_key_meant(line: str, meant: str) -> None:
    """A Swedish key was an unknown key (a warning): its list of people or date was
    dropped from the page."""
    text = f"---\nbody: KS\ndate: 2024-01-10\n{line}\n---\n## § 1 A\n"
    parsed = parse_meeting(text.encode(), "content/ks/m.md", SiteConfig(root=Path("/x")))
    key = line.split(":")[0]
    assert [(p.severity, p.line, p.message) for p in parsed.problems] == [
        ("error", 4, f"{key}: unknown key; did you mean '{meant}'?")
    ]
