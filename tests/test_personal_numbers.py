"""Issue #13, point 5 (part): a personal identity number in anything published is an error
in every build, front matter values included; a clerk lists a checked false positive under
``not_personal_numbers``, a list that cannot switch the check off."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import main
from generator.content.config import SiteConfig
from generator.content.parse import parse_body_info, parse_meeting, parse_page

from conftest import SiteFactory

NUMBER = "811218-9876"  # check digit right
PATH = "content/ks/m.md"


def found(text: str, **config: object) -> list[tuple[str, int, str]]:
    cfg = SiteConfig(root=Path("/x"), **config)  # type: ignore[arg-type]
    parsed = parse_meeting(text.encode(), PATH, cfg)
    return sorted(
        (p.severity, p.line, p.message.split(" looks like")[0].split(":")[0])
        for p in parsed.problems
    )


def test_a_number_in_the_text_stops_the_build_without_strict(tmp_site: SiteFactory) -> None:
    root = tmp_site(
        {
            "content/ks/2024-01-10.md": "---\nbody: KS\ndate: 2024-01-10\n---\n"
            f"## § 1 Bistånd\n\nSökande {NUMBER}.\n"
        }
    )
    result = CliRunner().invoke(main, ["build", "--source", str(root), "--no-search"])
    assert result.exit_code == 1
    assert (
        f"content/ks/2024-01-10.md:7: '{NUMBER}' looks like a personal identity number"
        in result.output
    )
    assert not (root / "_site").exists()


@pytest.mark.parametrize(
    ("front", "line"),
    [
        (f"title: Ansökan från {NUMBER}", 4),
        (f"location: Rum {NUMBER}", 4),
        (f"chair: Anna ({NUMBER})", 4),
        (f"attendees:\n  - {{name: Anna, role: 'Ledamot {NUMBER}'}}", 5),
        (f"attachments: [{{title: 'Intyg {NUMBER}'}}]", 4),
        (f"diarienummer: {NUMBER}", 4),  # an extra key, declared in site.toml
        (f"anteckning: {NUMBER}", 4),  # an undeclared one is published too
        ('title: "811218\\u002d9876"', 4),  # a YAML escape hides it from the line
        ('title: "Sökande 811218-\\\n  9876"', 4),  # continued on the next line
    ],
)
def test_a_number_in_a_front_matter_value_is_an_error(front: str, line: int) -> None:
    problems = found(
        f"---\nbody: KS\ndate: 2024-01-10\n{front}\n---\n", extra_keys=("diarienummer",)
    )
    assert ("error", line) in [(s, n) for s, n, _ in problems], problems


@pytest.mark.parametrize(
    "written",
    ["811218\\-9876", "811218&#45;9876", "**811218**-9876", "811218-98&#55;6", "811218-*9876*"],
)
def test_a_number_hidden_from_the_line_by_markup_is_found_in_the_rendered_text(
    written: str,
) -> None:
    problems = found(f"---\nbody: KS\ndate: 2024-01-10\n---\n## § 1 A\n\nSökande {written}.\n")
    assert [(s, n) for s, n, _ in problems] == [("error", 5)]  # the item's line


def test_a_confidential_items_text_is_not_published_but_its_public_title_is() -> None:
    text = (
        "---\nbody: KS\ndate: 2024-01-10\n---\n"
        f'## § 1 Bistånd {{confidential=true public_title="Ärende {NUMBER}"}}\n\n'
        f"Sökande {NUMBER}.\n"
    )
    assert [(s, n) for s, n, _ in found(text)] == [("error", 5)]


def test_a_closed_meetings_text_is_not_published() -> None:
    assert (
        found(
            f"---\nbody: KS\ndate: 2024-01-10\npublic: false\ntitle: {NUMBER}\n---\n"
            f"## § 1 A\n\nSökande {NUMBER}.\n"
        )
        == []
    )


def test_a_listed_number_is_allowed_in_any_of_its_forms() -> None:
    text = (
        "---\nbody: KS\ndate: 2024-01-10\nnot_personal_numbers: [19811218-9876]\n---\n"
        f"## § 1 A\n\nOrganisationsnummer {NUMBER}.\n"
    )
    assert found(text) == []


def test_only_listed_numbers_are_allowed() -> None:
    text = (
        "---\nbody: KS\ndate: 2024-01-10\nnot_personal_numbers: [640823+3234]\n---\n"
        f"## § 1 A\n\nSökande {NUMBER}.\n\nBolaget 640823+3234.\n"
    )
    assert [(s, n) for s, n, _ in found(text)] == [("error", 8)]


def test_a_listed_number_not_in_the_text_is_a_warning() -> None:
    text = "---\nbody: KS\ndate: 2024-01-10\nnot_personal_numbers: [811218-9876]\n---\n"
    assert found(text) == [("warning", 4, "not_personal_numbers")]


@pytest.mark.parametrize(
    "listed",
    [
        "'*'",
        "all",
        "true",
        "811218-9877",
        "'Sökande 811218-9876'",
        "8112189876X",
        "[[811218-9876]]",
        "{a: 1}",
    ],
)
def test_the_list_holds_only_numbers_the_check_finds(listed: str) -> None:
    text = (
        f"---\nbody: KS\ndate: 2024-01-10\nnot_personal_numbers: {listed}\n---\n"
        f"## § 1 A\n\nSökande {NUMBER}.\n"
    )
    problems = found(text)
    assert ("error", 4, "not_personal_numbers") in problems, problems
    assert ("error", 8, f"'{NUMBER}'") in problems, problems  # still caught


def test_pages_and_bodies_are_checked_too() -> None:
    cfg = SiteConfig(root=Path("/x"))
    _, page = parse_page(
        f"---\ntitle: Om {NUMBER}\n---\nText {NUMBER}.\n".encode(), "content/pages/om.md", cfg
    )
    assert [(p.severity, p.line) for p in page] == [("error", 2), ("error", 4)]
    _, body = parse_body_info(
        f"---\nname: KS\nmembers: [Anna ({NUMBER})]\n---\n".encode(), "content/bodies/ks.md", cfg
    )
    assert [(p.severity, p.line) for p in body] == [("error", 3)]
    _, allowed = parse_page(
        f"---\nnot_personal_numbers: ['{NUMBER}']\n---\nBolag {NUMBER}.\n".encode(),
        "content/pages/om.md",
        cfg,
    )
    assert allowed == ()
