"""The Swedish protocol by the law (issue #16, points 2, 3, 4, 6, 7): dates that contradict
each other or kommunallagen, items adjusted at once with their own notice, announcements
of a body's planned meetings, who took part item by item, and § numbers through the year.
Every new key and container has a bad input here that gives its file:line."""

from __future__ import annotations

import os
import textwrap
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.build.pipeline import BuildOptions, build, check
from generator.cli import main
from generator.content.config import SiteConfig
from generator.content.errors import BuildFailed
from generator.content.law import last_day_to_appeal
from generator.content.model import Record
from generator.content.parse import Parsed, parse_meeting
from generator.content.people import person_key

from conftest import SiteFactory
from htmltools import texts

PATH = "content/ks/2025/2025-03-11.md"
SCALE = int(os.environ.get("MINUTES_EXAMPLES_SCALE", "1"))


def parse(text: str, **config: object) -> Parsed:
    cfg = SiteConfig(root=Path("/nonexistent"), **config)  # type: ignore[arg-type]
    return parse_meeting(textwrap.dedent(text).lstrip("\n").encode(), PATH, cfg)


def said(text: str, **config: object) -> list[str]:
    """Every problem of a meeting file, as the command line prints it (but the adjusters
    the examples leave out)."""
    return [str(p) for p in parse(text, **config).problems if "without adjusters" not in str(p)]


def head(*lines: str, status: str = "adjusted") -> str:
    """A meeting's front matter: line 1 is '---', the given lines from line 5 on."""
    return "\n".join(
        ["---", "body: Kommunstyrelsen", "date: 2025-03-11", f"status: {status}", *lines, "---"]
    )


PLACE = "notice_place: Kommunhuset"

# --- point 2: dates that contradict each other or the law --------------------------------

DATES = [
    (
        "adjusted before the meeting",
        ["adjusted: 2025-03-10", "posted: 2025-03-11", PLACE],
        f"{PATH}:5: warning: adjusted: 2025-03-10 is before the meeting (2025-03-11)",
    ),
    (
        "posted before adjusted",
        ["adjusted: 2025-03-13", "posted: 2025-03-12", PLACE],
        f"{PATH}:6: warning: posted: 2025-03-12 is before adjusted (2025-03-13)",
    ),
    (
        "posted three days after adjusted",
        ["adjusted: 2025-03-11", "posted: 2025-03-14", PLACE],
        f"{PATH}:6: warning: posted: 2025-03-14 is 3 days after adjusted (2025-03-11); "
        "kommunallagen 8 kap. 12 §",
    ),
    (
        "adjusted minutes without notice_place",
        ["adjusted: 2025-03-13", "posted: 2025-03-14"],
        f"{PATH}:4: warning: status: adjusted minutes without notice_place",
    ),
]


@pytest.mark.parametrize(("case", "keys", "message"), DATES, ids=[d[0] for d in DATES])
def test_contradicting_dates_warn_on_their_line(case: str, keys: list[str], message: str) -> None:
    (problem,) = said(head(*keys) + "\n## § 1 A\n")
    assert problem.startswith(message), problem


def test_dates_by_the_law_pass_and_two_days_is_in_time() -> None:
    assert said(head("adjusted: 2025-03-11", "posted: 2025-03-13", PLACE) + "\n## § 1 A\n") == []


@pytest.mark.parametrize(
    ("adjusted", "in_time", "late"),
    [
        ("2026-03-06", "2026-03-09", "2026-03-10"),  # Friday: the Sunday moves to Monday
        ("2025-03-13", "2025-03-17", "2025-03-18"),  # Thursday: the Saturday moves to Monday
        ("2025-04-17", "2025-04-22", "2025-04-23"),  # Maundy Thursday: Easter Monday is off
        ("2025-12-22", "2025-12-29", "2025-12-30"),  # Christmas: the 24th to the 28th off
    ],
)
def test_the_two_days_to_post_move_past_a_weekend_or_holiday(
    adjusted: str, in_time: str, late: str
) -> None:
    """Lag (1930:173): the notice's last day moves off a Saturday, Sunday or holiday, as
    the appeal's does; a clerk who adjusts on a Friday posts on the Monday in time (a
    clerk following the guide was warned, and --strict stopped the publishing)."""
    keys = (f"adjusted: {adjusted}", PLACE)
    ok = head(*keys, f"posted: {in_time}").replace("2025-03-11", adjusted[:4] + "-01-02")
    assert said(ok + "\n## § 1 A\n") == []
    (problem,) = said(
        head(*keys, f"posted: {late}").replace("2025-03-11", adjusted[:4] + "-01-02")
        + "\n## § 1 A\n"
    )
    assert f"posted: {late} is " in problem and "kommunallagen 8 kap. 12 §" in problem
    assert said(head("adjusted: 2025-03-13", "posted: 2025-03-14") + "\n", notice_place="KK") == []


def test_announced_less_than_a_week_ahead_warns() -> None:
    text = head("announced: 2025-03-06", status="planned") + "\n## § 1 A\n"
    (problem,) = said(text)
    assert problem.startswith(f"{PATH}:5: warning: announced: 2025-03-06 is 5 days before")
    assert "5 kap. 62 §" in problem
    assert said(head("announced: 2025-03-04", status="planned") + "\n## § 1 A\n") == []
    (after,) = said(head("announced: 2025-03-12", status="planned") + "\n## § 1 A\n")
    assert after.startswith(f"{PATH}:5: warning: announced: 2025-03-12 is after the meeting")


def test_announced_is_a_date() -> None:
    (problem,) = said(head("announced: 6 mars", status="planned") + "\n")
    assert problem.startswith(f"{PATH}:5: announced: expected YYYY-MM-DD")


def test_strict_makes_the_date_warnings_errors(tmp_site: SiteFactory) -> None:
    site = tmp_site(
        {PATH: head("adjusted: 2025-03-13", "posted: 2025-03-18", PLACE) + "\n## § 1 A\n"}
    )
    (late,) = [p for p in check(BuildOptions(source=site)).items if p.line == 6]
    assert late.severity == "warning" and "8 kap. 12 §" in late.message
    with pytest.raises(BuildFailed) as failed:
        build(BuildOptions(source=site, strict=True, today=date(2025, 3, 20), search=False))
    assert any(f"{PATH}:6:" in str(p) for p in failed.value.problems)


def test_no_place_is_invented(tmp_site: SiteFactory) -> None:
    """Adjusted minutes without notice_place: the notice and the page say no place (they
    showed the site's title before)."""
    site = tmp_site({PATH: head("adjusted: 2025-03-13", "posted: 2025-03-14") + "\n## § 1 A\n"})
    build(BuildOptions(source=site, today=date(2025, 3, 20), search=False))
    board = (site / "_site/anslagstavla/index.html").read_text()
    (entry,) = texts(board, "li", "notice-entry")
    assert entry.startswith("Kommunstyrelsen, 11 mars 2025")
    assert "Förvar" not in entry and "Test" not in entry


def test_the_meeting_place_overrides_the_site_s(tmp_site: SiteFactory) -> None:
    site = tmp_site(
        {PATH: head("adjusted: 2025-03-13", "posted: 2025-03-14", PLACE) + "\n## § 1 A\n"},
        toml='title = "Test"\nlanguage = "sv"\nnotice_place = "Stadshuset"\n',
    )
    build(BuildOptions(source=site, today=date(2025, 3, 20), search=False))
    board = (site / "_site/anslagstavla/index.html").read_text()
    assert "<dd>Kommunhuset</dd>" in board and "Stadshuset" not in board


# --- point 3: an item adjusted at once ---------------------------------------------------

AT_ONCE = [
    (
        "posted without adjusted",
        "{posted=2025-03-12}",
        "posted=2025-03-12 without adjusted=",
    ),
    (
        "adjusted before the meeting",
        "{adjusted=2025-03-10 posted=2025-03-11}",
        "adjusted=2025-03-10 is before the meeting",
    ),
    (
        "posted before adjusted",
        "{adjusted=2025-03-11 posted=2025-03-10}",
        "posted=2025-03-10 is before adjusted=2025-03-11",
    ),
    (
        "posted late",
        "{adjusted=2025-03-11 posted=2025-03-14}",
        "posted=2025-03-14 is 3 days after adjusted=2025-03-11; kommunallagen 8 kap. 12 §",
    ),
    ("without posted", "{adjusted=2025-03-11}", "adjusted at once without posted="),
    ("not a date", "{adjusted=2025-13-11 posted=2025-03-11}", "adjusted"),
]


@pytest.mark.parametrize(("case", "block", "message"), AT_ONCE, ids=[a[0] for a in AT_ONCE])
def test_an_item_adjusted_at_once_checks_its_dates(case: str, block: str, message: str) -> None:
    text = head(status="published") + f"\n## § 1 A\n\n## § 2 Brådskande {block}\n\nText.\n"
    problems = said(text, notice_place="KK")
    assert len(problems) == 1 and problems[0].startswith(f"{PATH}:8: "), problems
    assert message in problems[0]


def test_an_item_adjusted_at_once_in_a_planned_meeting_or_without_a_place() -> None:
    block = "{adjusted=2025-03-11 posted=2025-03-12}"
    (planned,) = said(head(status="planned") + f"\n## § 1 A {block}\n", notice_place="KK")
    assert planned.startswith(f"{PATH}:6: warning: § 1: adjusted=2025-03-11 on an item of")
    (place,) = said(head(status="published") + f"\n## § 1 A {block}\n")
    assert place.startswith(f"{PATH}:6: warning: § 1: adjusted at once without notice_place")


def test_an_item_adjusted_at_once_has_its_own_notice(tmp_site: SiteFactory) -> None:
    text = (
        head("adjusted: 2025-03-20", "posted: 2025-03-21")
        + "\n## § 1 Budget\n\nText.\n\n## § 2 Brådskande {#p2 adjusted=2025-03-11 "
        "posted=2025-03-12}\n\nText.\n"
    )
    site = tmp_site(
        {PATH: text}, toml='title = "Test"\nlanguage = "sv"\nnotice_place = "Kansliet"\n'
    )
    build(BuildOptions(source=site, today=date(2025, 3, 15), search=False))
    board = (site / "_site/anslagstavla/index.html").read_text()
    (entry,) = texts(board, "li", "item-notice")
    assert "§ 2 Brådskande" in entry and "Justerat omedelbart" in entry
    end = last_day_to_appeal(date(2025, 3, 12))
    assert end == date(2025, 4, 2) and "2 april 2025" in entry  # its own window
    assert "#p2" in board
    page = (site / "_site/kommunstyrelsen/2025-03-11/index.html").read_text()
    (facts,) = texts(page, "dl", "item-notice")
    assert "Justerat omedelbart" in facts and "2 april 2025" in facts
    home = (site / "_site/index.html").read_text()
    assert "§ 2 Brådskande" in home
    # later the minutes' own notice is up, and the item's is taken down after its window
    build(BuildOptions(source=site, today=date(2025, 4, 5), search=False))
    board = (site / "_site/anslagstavla/index.html").read_text()
    current, past = board.split('id="past"')  # the item's notice is past, by its own window
    (up,) = texts(current, "li", "notice-entry")
    assert "Brådskande" not in up and "Brådskande" in " ".join(texts(past, "li", "item-notice"))


# --- point 4: announcements ------------------------------------------------------------

BODY = "---\nname: Kommunfullmäktige\nannounce: true\n---\nFullmäktige.\n"
PLANNED = """\
---
body: Kommunfullmäktige
date: 2025-04-10
status: planned
start: "18:30"
location: Stadshuset, sessionssalen
announced: 2025-03-27
---

## § 1 Budget 2026

## § 2 Motion om cykelbanor
"""
KF = "content/kommunfullmaktige/2025/2025-04-10.md"


@pytest.mark.parametrize(
    ("today", "shown"),
    [
        (date(2025, 3, 26), False),
        (date(2025, 3, 27), True),
        (date(2025, 4, 10), True),
        (date(2025, 4, 11), False),
    ],
)
def test_an_announcement_is_up_from_announced_through_the_meeting(
    tmp_site: SiteFactory, today: date, shown: bool
) -> None:
    site = tmp_site({"content/bodies/kommunfullmaktige.md": BODY, KF: PLANNED})
    build(BuildOptions(source=site, today=today, search=False))
    board = (site / "_site/anslagstavla/index.html").read_text()
    entries = texts(board, "li", "announcement")
    assert bool(entries) == shown
    if shown:
        (entry,) = entries
        for fact in ("10 april 2025", "18:30", "Stadshuset, sessionssalen", "27 mars 2025"):
            assert fact in entry
        assert "§ 1 Budget 2026" in entry and "§ 2 Motion om cykelbanor" in entry
        assert "Kungörelse" in (site / "_site/index.html").read_text()
        feed = (site / "_site/kommunfullmaktige/feed.xml").read_text()
        assert "Kungörelse: " in feed and "Motion om cykelbanor" in feed
    calendar = (site / "_site/kommunfullmaktige/calendar.ics").read_text()
    assert "Stadshuset" in calendar and "Budget 2026" in calendar


def test_announcement_keys_out_of_place_warn(tmp_site: SiteFactory) -> None:
    unannounced = PLANNED.replace("announced: 2025-03-27\n", "")
    site = tmp_site({"content/bodies/kommunfullmaktige.md": BODY, KF: unannounced})
    (problem,) = check(BuildOptions(source=site)).items
    assert str(problem).startswith(f"{KF}:4: warning: status: a planned meeting of ")
    body = BODY.replace("announce: true\n", "")
    site = tmp_site({"content/bodies/kommunfullmaktige.md": body, KF: PLANNED})
    (problem,) = check(BuildOptions(source=site)).items
    assert str(problem).startswith(f"{KF}:7: warning: announced: Kommunfullmäktige does not")


def test_announce_is_true_or_false(tmp_site: SiteFactory) -> None:
    site = tmp_site({"content/bodies/kommunfullmaktige.md": BODY.replace("true", "ja tack")})
    (problem,) = check(BuildOptions(source=site)).items
    assert str(problem) == (
        "content/bodies/kommunfullmaktige.md:3: announce: expected true or false"
    )


# --- point 6: who took part, item by item ----------------------------------------------

PEOPLE = head(
    "attendees:",  # line 5
    "  - {name: Anna Ek, party: M}",
    "  - {name: Bo Berg, party: S, from: 2}",  # line 7
    "  - {name: Cia Dahl, party: C, until: '§ 1'}",  # line 8
    "  - {name: Dan Ek, party: S, role: Ersättare, serving_for: Eva Fors (S)}",
    status="published",
)
VOTE = "```vote\nvotes:\n  WHO: Ja\n  Dan Ek (S): Nej\nresult: {Ja: 1, Nej: 1}\n```\n"


def item_two(body: str) -> str:
    return PEOPLE + f"\n## § 1 A\n\nText.\n\n## § 2 B\n\n{body}"


def test_the_containers_are_read_with_their_member() -> None:
    text = item_two(
        "::: jäv Anna Ek (M)\nAnna Ek anmäler jäv.\n:::\n\n"
        "::: bifall Bo Berg (S)\nBo Berg yrkar bifall.\n:::\n\n"
        "::: protokollsanteckning Cia Dahl (C)\nEn anteckning.\n:::\n"
    )
    parsed = parse(text)
    assert [str(p) for p in parsed.problems] == []
    assert parsed.meeting is not None
    records = [s for s in parsed.meeting.items[1].segments if isinstance(s, Record)]
    assert [(r.role, r.who) for r in records] == [
        ("conflict", "Anna Ek (M)"),
        ("support", "Bo Berg (S)"),
        ("note", "Cia Dahl (C)"),
    ]


@pytest.mark.parametrize("word", ["jäv", "conflict", "bifall", "support"])
def test_a_conflict_or_support_names_its_member(word: str) -> None:
    (problem,) = said(item_two(f"::: {word}\nText.\n:::\n"))
    assert problem.startswith(f"{PATH}:17: '::: {word}' needs the member after the word")


VOTES = [
    ("present", "Anna Ek (M)", []),
    ("arrived in time", "Bo Berg (S)", []),
    (
        "a conflict",
        "Anna Ek",
        [f"{PATH}:19: vote: Anna Ek has a conflict of interest (jäv) in this item"],
    ),
    (
        "left before",
        "Cia Dahl (C)",
        [f"{PATH}:19: vote: Cia Dahl (C) was not present at this item: left after § 1"],
    ),
    (
        "absent",
        "Eva Fors (S)",
        [f"{PATH}:19: vote: Eva Fors (S) is listed as absent"],
    ),
]


@pytest.mark.parametrize(("case", "who", "expected"), VOTES, ids=[v[0] for v in VOTES])
def test_a_vote_only_by_who_may_vote_in_the_item(case: str, who: str, expected: list[str]) -> None:
    conflict = "::: jäv Anna Ek (M)\nJäv.\n:::\n\n" if case == "a conflict" else ""
    text = item_two(conflict + VOTE.replace("WHO", who))
    if case == "absent":
        text = text.replace("status: published", "status: published\nabsent: [Eva Fors (S)]")
        expected = [e.replace(":19:", ":20:") for e in expected]
    if conflict:
        expected = [e.replace(":19:", ":23:") for e in expected]
    assert [p[: len(e)] for p, e in zip(said(text), expected, strict=False)] == expected
    assert len(said(text)) == len(expected)


def test_a_vote_before_arriving_is_an_error() -> None:
    text = PEOPLE + "\n## § 1 A\n\n" + VOTE.replace("WHO", "Bo Berg")
    (problem,) = said(text + "\n## § 2 B\n")
    assert problem.startswith(f"{PATH}:15: vote: Bo Berg was not present at this item")
    assert "arrived at § 2 (from: on line 7)" in problem


def test_from_and_until_name_items_of_the_meeting() -> None:
    problems = said(item_two("Text.\n").replace("from: 2", "from: 7").replace("'§ 1'", "9"))
    assert [p[:60] for p in problems] == [
        f"{PATH}:7: attendees: from: 7 is not the number of an item of"[:60],
        f"{PATH}:8: attendees: until: 9 is not the number of an item o"[:60],
    ]
    (order,) = said(item_two("Text.\n").replace("from: 2", "from: 2, until: 1"))
    assert order.startswith(f"{PATH}:7: attendees: Bo Berg left after § 1 (until:)")


def test_numbers_compare_by_their_place_on_the_agenda() -> None:
    """4.10 comes after 4.9 in the meeting, though 4.10 < 4.9 as a number."""
    text = (
        head("attendees:", "  - {name: Bo Berg, party: S, from: '4.9'}", status="published")
        + "\n## 4.9. A\n\n## 4.10. B\n\n"
        + VOTE.replace("WHO", "Bo Berg")
        .replace("  Dan Ek (S): Nej\n", "")
        .replace("Nej: 1", "Nej: 0")
    )
    assert said(text) == []


@st.composite
def agendas(draw: st.DrawFn) -> tuple[list[str], int, int, int, bool, bool]:
    """Item numbers in an order that is not theirs as numbers (4.10 before 4.9), where a
    member arrived and left (or was there from the start, or to the end), and the item of
    their vote."""
    numbers = draw(st.lists(st.integers(1, 30), min_size=1, max_size=8, unique=True))
    first = draw(st.integers(0, len(numbers) - 1))
    last = draw(st.integers(first, len(numbers) - 1))
    voted = draw(st.integers(0, len(numbers) - 1))
    return [f"4.{n}" for n in numbers], first, last, voted, draw(st.booleans()), draw(st.booleans())


@settings(max_examples=200 * SCALE, deadline=None)
@given(agendas())
def test_a_vote_is_an_error_exactly_when_the_member_was_away(
    agenda: tuple[list[str], int, int, int, bool, bool],
) -> None:
    numbers, first, last, voted, arrives, leaves = agenda
    keys = ([f'from: "{numbers[first]}"'] if arrives else []) + (
        [f'until: "{numbers[last]}"'] if leaves else []
    )
    person = ", ".join(["name: Bo Berg", "party: S", *keys])
    lines = [head("attendees:", f"  - {{{person}}}", status="published"), ""]
    for n, number in enumerate(numbers):
        lines.append(f"## {number}. Ärende {number}\n")
        if n == voted:
            lines.append("```vote\nvotes:\n  Bo Berg: Ja\n```\n")
    text = "\n".join(lines)
    problems = said(text)
    vote_line = text.splitlines().index("  Bo Berg: Ja") + 1
    away = (arrives and voted < first) or (leaves and voted > last)
    assert [p.split(": ")[0] for p in problems] == ([f"{PATH}:{vote_line}"] if away else [])
    assert all("Bo Berg was not present at this item" in p for p in problems)


def test_attendees_without_items_are_no_traceback() -> None:
    """A meeting with attendees and no items yet (a new file): nothing to be present at."""
    assert said(head("attendees: [Anna Ek (M), Bo Berg (S)]", status="published") + "\n") == []


def test_the_attendance_list_says_who_arrived_left_and_served_for_whom(
    tmp_site: SiteFactory,
) -> None:
    site = tmp_site({PATH: item_two("Text.\n")})
    build(BuildOptions(source=site, today=date(2025, 3, 20), search=False))
    page = (site / "_site/kommunstyrelsen/2025-03-11/index.html").read_text()
    people = " ".join(texts(page, "li"))
    assert "Bo Berg (S), från § 2" in people
    assert "Cia Dahl (C), till och med § 1" in people
    assert "Dan Ek (S), Ersättare, tjänstgör för Eva Fors (S)" in people


@pytest.mark.parametrize(
    "written",
    ["Anna Ek (M)", "Anna Ek", "anna  ek", "ANNA EK (m)", "Anna Ek, Region Halland"],
)
def test_one_person_however_written(written: str) -> None:
    assert person_key(written).name == "anna ek"


# --- point 7: § numbers through the year -------------------------------------------------


def meeting_file(day: str, *numbers: int, body: str = "Kommunstyrelsen") -> str:
    items = "".join(f"\n## § {n} Ärende {n}\n" for n in numbers)
    return f"---\nbody: {body}\ndate: {day}\nstatus: draft\n---\n{items}"


def test_a_number_used_twice_in_a_year_names_both_files(tmp_site: SiteFactory) -> None:
    site = tmp_site(
        {
            "content/ks/2025/2025-02-01.md": meeting_file("2025-02-01", 1, 2, 3),
            "content/ks/2025/2025-03-01.md": meeting_file("2025-03-01", 3, 4),
            "content/ks/2026/2026-01-10.md": meeting_file("2026-01-10", 1, 2),  # a new year
            "content/sn/2025/2025-03-01.md": meeting_file("2025-03-01", 1, body="Socialnämnden"),
        }
    )
    (problem,) = check(BuildOptions(source=site, drafts=True)).items
    assert str(problem).startswith(
        "content/ks/2025/2025-03-01.md:7: warning: § 3 also used in "
        "content/ks/2025/2025-02-01.md, an earlier meeting of Kommunstyrelsen in 2025"
    )


def test_minutes_new_numbers_on_from_the_body_s_last(tmp_site: SiteFactory) -> None:
    site = tmp_site(
        {
            "content/ks/2025/2025-02-01.md": meeting_file("2025-02-01", 1, 2, 3),
            "content/ks/2025/2025-03-01.md": meeting_file("2025-03-01", 4, 5, 6),
            "content/ks/2025/2025-09-01.md": meeting_file("2025-09-01", 40),  # after: not it
            "content/ks/2024/2024-12-01.md": meeting_file("2024-12-01", 90),  # the year before
            "content/sn/2025/2025-03-02.md": meeting_file("2025-03-02", 70, body="Socialnämnden"),
            "templates/meeting.md": "---\nbody: {body}\ndate: {date}\nstatus: draft\n---\n"
            "## § 1 Öppnande\n\n## § 2 Val av justerare {#p2}\n",
        }
    )
    made = CliRunner().invoke(
        main, ["new", "--source", str(site), "--body", "Kommunstyrelsen", "--date", "2025-04-01"]
    )
    assert made.exit_code == 0, made.output
    assert "numbered on from § 6" in made.output
    text = (site / "content/kommunstyrelsen/2025/2025-04-01.md").read_text()
    assert "## § 7 Öppnande\n" in text and "## § 8 Val av justerare {#p8}\n" in text
    first = CliRunner().invoke(
        main, ["new", "--source", str(site), "--body", "Kommunstyrelsen", "--date", "2025-01-10"]
    )
    assert first.exit_code == 0 and "numbered on" not in first.output
    assert "## § 1 Öppnande" in (site / "content/kommunstyrelsen/2025/2025-01-10.md").read_text()


def test_a_vote_in_a_confidential_item_is_checked_and_nothing_of_it_is_kept() -> None:
    """The checks of who may vote skipped a confidential item (its text is never parsed into
    the meeting): a vote there by a member with a conflict, or listed absent, passed."""
    text = (
        "---\nbody: Kommunstyrelsen\ndate: 2025-03-11\nstatus: draft\n"
        "absent: [Eva Fors (S)]\n---\n\n"
        '## § 1 Ansökan {confidential=true osl="26 kap. 1 § OSL"}\n\n'
        "::: jäv Anna Ek (M)\nJäv.\n:::\n\n"
        "```vote\nquestion: Bifall\nvotes:\n  Anna Ek (M): Ja\n  Eva Fors (S): Nej\n```\n"
    )
    parsed = parse(text)
    errors = [(p.line, p.message[:40]) for p in parsed.problems if p.severity == "error"]
    assert errors == [
        (17, "vote: Anna Ek (M) has a conflict of inte"),
        (18, "vote: Eva Fors (S) is listed as absent ("),
    ], errors
    shown = parse(text.replace("Anna Ek (M): Ja\n  Eva Fors (S): Nej", "Bo Berg (S): Ja"))
    assert shown.meeting is not None
    (item,) = shown.meeting.items
    assert item.confidential and item.segments == () and item.votes == ()
