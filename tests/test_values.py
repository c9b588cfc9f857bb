"""Issue #13, points 2 and 8 (parts): never a traceback for content, and times in order.
Values YAML or Python cannot hold (a 30th of February, a year past 9998, an integer of
thousands of digits, a NUL in a path) are errors on their line; so are an end before the
start and an end_date before the date."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import main
from generator.content.config import SiteConfig
from generator.content.parse import parse_body_info, parse_meeting, parse_page

from conftest import SiteFactory

PATH = "content/ks/m.md"


def problems(front: str, tmp_path: Path | None = None) -> list[tuple[int, str]]:
    parsed = parse_meeting(
        f"---\nbody: KS\n{front}\n---\n## § 1 A\n".encode(),
        PATH,
        SiteConfig(root=tmp_path or Path("/x")),
    )
    assert parsed.meeting is None
    return [(p.line, p.message) for p in parsed.problems if p.severity == "error"]


@pytest.mark.parametrize(
    "front",
    [
        "date: 2024-02-30",
        "date: 2023-02-29",
        "date: 2024-13-01",
        "date: 2024-04-31",
        "date: 0000-01-01",
        'date: "2024-02-30"',
    ],
)
def test_a_date_not_in_the_calendar_is_an_error_on_its_line(front: str) -> None:
    value = front.split(": ")[1].strip('"')
    assert problems(front) == [
        (3, f"date: {value} is not a day in the calendar; check the month and the day (YYYY-MM-DD)")
    ]


@pytest.mark.parametrize("key", ["end_date", "adjusted", "posted"])
def test_every_date_key_is_read_the_same_way(key: str) -> None:
    assert problems(f"date: 2024-02-01\n{key}: 2024-02-30") == [
        (
            4,
            f"{key}: 2024-02-30 is not a day in the calendar; check the month and the day "
            "(YYYY-MM-DD)",
        )
    ]


def test_a_year_past_9998_is_an_error() -> None:
    assert problems("date: 9999-12-31") == [
        (3, "date: the year 9999 is out of range; write a year from 1000 to 9998")
    ]


def test_an_impossible_date_elsewhere_in_the_front_matter_is_an_error() -> None:
    assert problems("date: 2024-01-01\nattendees: [{name: A, role: 2024-02-30}]") == [
        (
            4,
            "attendees: 2024-02-30 is not a day in the calendar; check the month and the day "
            "(YYYY-MM-DD)",
        )
    ]


def test_an_enormous_integer_is_an_error() -> None:
    assert problems("date: 2024-01-01\ntitle: " + "1" * 5000) == [
        (
            4,
            "title: a number of 5000 digits is too long to be meant; put it in quotes if it "
            "is text",
        )
    ]


def test_a_nul_in_an_attachment_path_is_an_error() -> None:
    assert problems('date: 2024-01-01\nattachments: [{title: A, file: "files/a\\0.pdf"}]') == [
        (4, "attachments: the text holds a NUL character (\\0); remove it")
    ]


def test_an_attachment_name_too_long_for_the_file_system_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "content").mkdir()
    found = problems(
        'date: 2024-01-01\nattachments: [{title: A, file: "files/' + "a" * 5000 + '.pdf"}]',
        tmp_path,
    )
    assert len(found) == 1 and "cannot be a file in content/" in found[0][1]


def test_end_before_start_is_an_error() -> None:
    assert problems("date: 2024-01-01\nstart: '10:00'\nend: '09:30'") == [
        (
            5,
            "end: 09:30 is before start 10:00; a meeting that ends after midnight gives "
            "end_date too",
        )
    ]


def test_a_meeting_past_midnight_gives_end_date() -> None:
    parsed = parse_meeting(
        b"---\nbody: KS\ndate: 2024-01-01\nend_date: 2024-01-02\n"
        b"start: '22:00'\nend: '01:00'\n---\n",
        PATH,
        SiteConfig(root=Path("/x")),
    )
    assert parsed.problems == ()


@pytest.mark.parametrize(("end", "day"), [("00:00", 2), ("00:15", 2), ("05:59", 2), ("23:00", 1)])
def test_an_end_in_the_small_hours_is_past_midnight(end: str, day: int) -> None:
    """'start: 18:00, end: 00:15' is how minutes write a meeting that ran past midnight
    (the shared bench corpus has them): the next day, in calendars and open data too."""
    parsed = parse_meeting(
        f"---\nbody: KS\ndate: 2024-01-01\nstart: '18:00'\nend: '{end}'\n---\n".encode(),
        PATH,
        SiteConfig(root=Path("/x")),
    )
    assert parsed.problems == () and parsed.meeting is not None
    assert parsed.meeting.ends == (date(2024, 1, day), end)


def test_an_end_before_the_start_outside_the_small_hours_is_an_error() -> None:
    assert problems("date: 2024-01-01\nstart: '18:00'\nend: '06:00'") == [
        (
            5,
            "end: 06:00 is before start 18:00; a meeting that ends after midnight gives "
            "end_date too",
        )
    ]


def test_end_date_before_date_is_an_error() -> None:
    assert problems("date: 2024-01-02\nend_date: 2024-01-01") == [
        (4, "end_date: 2024-01-01 is before date 2024-01-02")
    ]


@pytest.mark.parametrize("parse", [parse_page, parse_body_info])
def test_pages_and_bodies_read_their_front_matter_the_same_way(parse) -> None:  # type: ignore[no-untyped-def]
    value, found = parse(
        b"---\ntitle: X\nname: Y\nupdated: 2024-02-30\n---\nText.\n",
        "content/pages/om.md",
        SiteConfig(root=Path("/x")),
    )
    assert value is not None
    assert (
        4,
        "updated: 2024-02-30 is not a day in the calendar; check the month and the day "
        "(YYYY-MM-DD)",
    ) in [(p.line, p.message) for p in found if p.severity == "error"]


@pytest.mark.parametrize(
    ("rel", "text"),
    [
        ("content/ks/2024-01-10.md", "---\nbody: KS\ndate: 2024-02-30\n---\n"),
        ("content/ks/2024-01-10.md", "---\nbody: KS\ndate: 2024-01-10\nposted: 9999-12-31\n---\n"),
        ("content/pages/om.md", "---\ntitle: Om\ndate: 2024-02-30\n---\nText.\n"),
        ("content/bodies/ks.md", "---\nname: KS\nmembers: [{name: A, since: 2023-02-29}]\n---\n"),
    ],
)
def test_build_exits_1_naming_the_file_not_a_traceback(
    tmp_site: SiteFactory, rel: str, text: str
) -> None:
    root = tmp_site(
        {"content/ks/2024-01-11.md": "---\nbody: KS\ndate: 2024-01-11\n---\n", rel: text}
    )
    for args in (["build", "--no-search"], ["check"]):
        result = CliRunner().invoke(main, [*args, "--source", str(root)])
        assert result.exit_code == 1, result.output
        assert result.exception is None or isinstance(result.exception, SystemExit)
        assert f"{rel}:3: " in result.output or f"{rel}:4: " in result.output, result.output


def test_a_nul_in_a_link_reaches_neither_output_nor_messages(tmp_site: SiteFactory) -> None:
    root = tmp_site(
        {
            "content/ks/2024-01-10.md": "---\nbody: KS\ndate: 2024-01-10\n---\n"
            "## § 1 A\n\n[x](../files/a%00.pdf) [y](../b%00.md#p1) ![i](../files/%00)\n"
        }
    )
    result = CliRunner().invoke(main, ["build", "--source", str(root), "--no-search"])
    assert result.exit_code == 0 and "\x00" not in result.output
    assert all(b"\x00" not in path.read_bytes() for path in (root / "_site").rglob("*.html"))


def test_a_number_is_kept_as_written() -> None:
    """YAML 1.1 read `case: 2024.10` as 2024.1 and `until: 4.10` as 4.1 (another item),
    0123 as 83, 1:20 as 80 and 1e400 as inf: the page showed what no one wrote."""
    parsed = parse_meeting(
        b"---\nbody: KS\ndate: 2024-01-10\ntitle: 1e400\ncase: 2024.10\nlocation: 0123\n"
        b"type: 1_000\nchair: 1:20\n"
        b"attendees: [{name: A, from: '1', until: 4.10}, {name: B, until: 4.9}]\n"
        b"---\n## 1. A\n## 4.9 B\n## 4.10 C\n",
        PATH,
        SiteConfig(root=Path("/x")),
    )
    m = parsed.meeting
    assert parsed.problems == () and m is not None
    assert (m.title, m.case, m.location, m.type) == ("1e400", "2024.10", "0123", "1_000")
    assert [p.until_item for p in m.attendees] == ["4.10", "4.9"] and m.chair == "1:20"


@pytest.mark.parametrize(
    ("front", "line"),
    [
        ("attendees:\n  - {name: Anna Ek, party: S, party: M}", 5),
        ("attendees:\n  - name: Anna Ek\n    role: Ordförande\n    name: Bo Berg", 7),
        ("attachments: [{title: A, title: B}]", 4),
        ("references: [{body: X, date: 2024-01-01, item: § 1, item: § 2}]", 4),
    ],
)
def test_a_key_given_twice_inside_an_entry_is_an_error(front: str, line: int) -> None:
    """YAML keeps the last of the two and drops the first without a word."""
    found = problems(f"date: 2024-01-01\n{front}")
    assert [n for n, _ in found] == [line], found
    assert "given twice for one person or attachment" in found[0][1]


def test_front_matter_nested_too_deep_is_an_error_not_a_traceback(tmp_site: SiteFactory) -> None:
    root = tmp_site(
        {
            "content/ks/m.md": "---\nbody: KS\ndate: 2024-01-10\nx: "
            + "[" * 3000
            + "]" * 3000
            + "\n---\n## § 1 A\n"
        }
    )
    result = CliRunner().invoke(main, ["build", "--source", str(root), "--no-search"])
    assert result.exit_code == 1 and isinstance(result.exception, SystemExit), result.output
    assert (
        "content/ks/m.md:4: front matter: lists and keys are indented inside each other more than"
        in result.output
    )


@pytest.mark.parametrize("body", ["'   '", '"\\t"', '" \\u00a0"'])
def test_a_body_of_only_spaces_is_missing_not_a_traceback(tmp_site: SiteFactory, body: str) -> None:
    """A body named '   ' reached the feed as an empty title, and feedgen raised."""
    root = tmp_site({"content/ks/m.md": f"---\nbody: {body}\ndate: 2024-01-10\n---\n## § 1 A\n"})
    result = CliRunner().invoke(main, ["build", "--source", str(root), "--no-search"])
    assert isinstance(result.exception, SystemExit), result.exception
    assert (
        "content/ks/m.md:2: body: required; write the name of the governing body" in result.output
    )


@pytest.mark.parametrize(
    ("toml", "says"),
    [
        ('title = ""\n', "site.toml:1: title: empty; every page, feed and calendar is named"),
        ('title = "  "\n', "site.toml:1: title: empty;"),
        ('title = "T"\norganisation = "K\\u0000"\n', "site.toml:2: organisation: the value holds"),
        ('title = "T"\n[accessibility]\ncontact = "a\\u0007"\n', "site.toml:3: contact: the value"),
    ],
)
def test_a_setting_no_page_can_hold_is_an_error_not_a_traceback(
    tmp_site: SiteFactory, toml: str, says: str
) -> None:
    """An empty title made feedgen raise on the feed; a control character made lxml raise."""
    root = tmp_site({"content/ks/m.md": "---\nbody: KS\ndate: 2024-01-10\n---\n## § 1 A\n"}, toml)
    result = CliRunner().invoke(main, ["build", "--source", str(root), "--no-search"])
    assert isinstance(result.exception, SystemExit), result.exception
    assert says in result.output, result.output


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ('---\nbody: KS\ndate: 2024-01-10\ntitle: "T\\x1b"\n---\n', ":4: title: the text holds"),
        ('---\nbody: KS\ndate: 2024-01-10\nchair: "\\uffff"\n---\n', ":4: chair: the text holds"),
        ("---\nbody: KS\ndate: 2024-01-10\n---\n## § 1 A\x07\n", ":5: the text holds the control"),
        ("---\nbody: KS\ndate: 2024-01-10\n---\n## § 1 A\n\nSida 1\x0cSida 2\n", ":7: the text"),
    ],
)
def test_a_control_character_is_an_error_not_a_traceback(
    tmp_site: SiteFactory, text: str, says: str
) -> None:
    """The feeds, the sitemap and the open data are XML, which cannot hold one: lxml raised."""
    root = tmp_site({"content/ks/m.md": text})
    result = CliRunner().invoke(main, ["build", "--source", str(root), "--no-search"])
    assert isinstance(result.exception, SystemExit), result.exception
    assert f"content/ks/m.md{says}" in result.output, result.output
