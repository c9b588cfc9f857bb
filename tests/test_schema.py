"""Issue #17, point 4: the JSON Schema editors check front matter with is generated from the
parser's own table of keys, takes every file of the example site and of the docs sites, and
flags each bad-input case on the same key as ``minutes check`` does."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from jsonschema import Draft7Validator, FormatChecker
from yaml12 import load

from generator.cli import main
from generator.content.config import SiteConfig
from generator.content.frontmatter import BODY_FIELDS, FIELDS, PAGE_FIELDS
from generator.content.parse import parse_meeting
from generator.content.schema import SCHEMA_FILE, front_matter_schema, schema_text
from generator.scaffold import init_site

ROOT = Path(__file__).parent.parent
FRONT = re.compile(r"\A---\n(.*?\n)---\n", re.S)


def validator(language: str = "sv", extra: tuple[str, ...] = ()) -> Draft7Validator:
    schema = front_matter_schema(language, extra)
    Draft7Validator.check_schema(schema)
    return Draft7Validator(schema, format_checker=FormatChecker())


def flagged(front: str, language: str = "sv") -> set[str]:
    """The keys the schema finds fault with, as an editor would underline them."""
    keys = set()
    for error in validator(language).iter_errors(load(front) or {}):
        if error.validator == "required":
            keys.add(re.findall(r"'([^']+)' is a required property", error.message)[0])
        elif error.validator == "additionalProperties" and not error.absolute_path:
            keys.update(re.findall(r"'([^']+)'", error.message.split("(")[-1]))
        else:
            keys.add(str(error.absolute_path[0]) if error.absolute_path else "")
    return keys


def said(front: str, text: str = "## § 1 A\n") -> set[str]:
    """The keys ``minutes check`` names in an error or warning about this front matter."""
    parsed = parse_meeting(
        f"---\n{front}---\n{text}".encode(), "content/ks/m.md", SiteConfig(root=Path("/x"))
    )
    return {p.message.split(":")[0] for p in parsed.problems}


# front matter the parser refuses (or warns about), and the key it names; from the parser
# tests (test_values, test_parse, test_edges, test_hostile), one case per way a value is bad
BAD = [
    ("body: KS\ndate: 2024-02-30\n", "date"),
    ("body: KS\ndate: 2023-02-29\n", "date"),
    ("body: KS\ndate: 2024-13-01\n", "date"),
    ("body: KS\ndate: 2024-04-31\n", "date"),
    ("body: KS\ndate: 9999-12-31\n", "date"),
    ("body: KS\ndate: 0000-01-01\n", "date"),
    ("body: KS\ndate: 26 maj 2020\n", "date"),
    ("body: KS\ndate: '2024-02-30'\n", "date"),
    ("date: 2024-01-01\n", "body"),
    ("body: KS\n", "date"),
    ("body: KS\ndate: 2024-01-01\nend_date: 2024-04-31\n", "end_date"),
    ("body: KS\ndate: 2024-01-01\nadjusted: 2024-02-30\n", "adjusted"),
    ("body: KS\ndate: 2024-01-01\nposted: igår\n", "posted"),
    ("body: KS\ndate: 2024-01-01\nstart: '25:00'\n", "start"),
    ("body: KS\ndate: 2024-01-01\nend: kväll\n", "end"),
    ("body: KS\ndate: 2024-01-01\nstatus: klar\n", "status"),
    ("body: KS\ndate: 2024-01-01\nextract: ja\n", "extract"),
    ("body: KS\ndate: 2024-01-01\npublic: 42\n", "public"),
    ("body: KS\ndate: 2024-01-01\npublic:\n", "public"),
    ("body: KS\ndate: 2024-01-01\nsecretary: {a: b}\n", "secretary"),
    ("body: KS\ndate: 2024-01-01\nadjusters: [[Anna Ek]]\n", "adjusters"),
    ("body: KS\ndate: 2024-01-01\ncertified_by: {a: b}\n", "certified_by"),
    ("body: KS\ndate: 2024-01-01\nannounced: i går\n", "announced"),
    ("body: KS\ndate: 2024-01-01\nnotice_place: [a, b]\n", "notice_place"),
    ("body: KS\ndate: 2024-01-01\nattendees:\n  - {name: Anna Ek, partey: S}\n", "attendees"),
    ("body: KS\ndate: 2024-01-01\nattendees:\n  - {party: S}\n", "attendees"),
    ("body: KS\ndate: 2024-01-01\nabsent: [[Anna Ek]]\n", "absent"),
    ("body: KS\ndate: 2024-01-01\nofficials:\n  - {name: Bo Ek, roll: sekreterare}\n", "officials"),
    ("body: KS\ndate: 2024-01-01\nattachments:\n  - {title: A, fil: a.pdf}\n", "attachments"),
    ("body: KS\ndate: 2024-01-01\nattachments:\n  - {file: a.pdf}\n", "attachments"),
    ("body: KS\ndate: 2024-01-01\nlabels: {secretery: Vid anteckningar}\n", "labels"),
    ("body: KS\ndate: 2024-01-01\nlabels: [Vid anteckningar]\n", "labels"),
    ("body: KS\ndate: 2024-01-01\nlabels: {secretary: ''}\n", "labels"),
    ("body: KS\ndate: 2024-01-01\nreferences: [{body: KS}]\n", "references"),
    (
        "body: KS\ndate: 2024-01-01\nreferences:\n  - {body: KS, date: 2024-01-01, paragraf: 4}\n",
        "references",
    ),
    ("body: KS\ndate: 2024-01-01\nnot_personal_numbers: [abc]\n", "not_personal_numbers"),
    ("body: KS\ndate: 2024-01-01\ntitle: {a: b}\n", "title"),
    ("body: KS\ndate: 2024-01-01\nlocation: [a, b]\n", "location"),
    ("body: KS\ndate: 2024-01-01\ndatum: 2024-01-01\n", "datum"),
    ("body: KS\ndate: 2024-01-01\nPUBLIC: false\n", "PUBLIC"),
    ("body: KS\ndate: 2024-01-01\noffentlig: nej\n", "offentlig"),
    ("body: KS\ndate: 2024-01-01\nutkast: true\n", "utkast"),
    ("body: KS\ndate: 2024-01-01\nprotokollsnummer: 7\n", "protokollsnummer"),  # warned
    ("body: ''\ndate: 2024-01-01\n", "body"),
    ("body: '  '\ndate: 2024-01-01\n", "body"),
    ("body: KS\ndate: 2024-01-01\nattachments: [{title: A, url: 'ftp://x.se/a'}]\n", "attachments"),
]

# cases only the whole file shows: the order of two dates, of start and end
ORDER_ONLY = [
    "body: KS\ndate: 2024-01-02\nend_date: 2024-01-01\n",
    "body: KS\ndate: 2024-01-01\nstart: '18:00'\nend: '17:00'\n",
]


@pytest.mark.parametrize(("front", "key"), BAD)
def test_a_bad_value_is_flagged_on_the_key_the_check_names(front: str, key: str) -> None:
    assert key in said(front), f"the parser does not name {key}: {said(front)}"
    assert flagged(front) == {key}


@pytest.mark.parametrize("front", ORDER_ONLY)
def test_what_only_the_whole_file_shows_is_left_to_the_check(front: str) -> None:
    assert said(front)
    assert flagged(front) == set()


def _files(root: Path) -> list[Path]:
    return sorted(p for p in (root / "content").rglob("*.md") if FRONT.match(p.read_text("utf-8")))


@pytest.mark.parametrize("site", ["", "docs/sv", "docs/en"])
def test_every_file_of_the_example_and_docs_sites_is_valid(site: str) -> None:
    root = ROOT / site
    config_language = "en" if site.endswith("en") else "sv"
    files = _files(root)
    assert len(files) >= 4
    for path in files:
        front = FRONT.match(path.read_text("utf-8"))
        assert front is not None
        errors = [e.message for e in validator(config_language).iter_errors(load(front[1]) or {})]
        assert errors == [], f"{path.relative_to(ROOT)}: {errors}"


def test_good_values_as_editors_read_them_pass() -> None:
    good = (
        "body: KS\ndate: 2024-01-10\nstart: 18.30\nend: 20:00\npublic: true\n"
        "attendees:\n  - Anna Ek (S)\n  - {name: Bo Ek, party: M, role: ordförande, from: 1}\n"
        "adjusters: Anna Ek\ncase: 2024.10\n"
        "attachments: [{title: A, url: 'https://example.org/a.pdf'}, B]\n"
        "not_personal_numbers: [811218-9876, 198112189876]\nlabels: {secretary: Vid anteckningar}\n"
        "references: [{body: KS, date: 2023-01-01, item: '§ 4'}]\n"
    )
    assert not said(good, "## § 1 A\n\nOrg. nr 811218-9876 och 198112189876.\n")
    assert flagged(good) == set()


def test_the_schema_covers_every_key_of_the_parser_and_no_other() -> None:
    schema = front_matter_schema("en")
    assert set(schema["then"]["properties"]) == set(FIELDS)
    assert set(schema["else"]["then"]["properties"]) == set(BODY_FIELDS)
    assert set(schema["else"]["else"]["properties"]) == set(PAGE_FIELDS)


def test_a_sites_own_keys_and_language_are_in_its_schema() -> None:
    schema = front_matter_schema("sv", ("diarienummer",))
    assert "diarienummer" in schema["then"]["properties"]
    assert schema["then"]["properties"]["date"]["description"] == "Ett datum: ÅÅÅÅ-MM-DD."
    assert front_matter_schema("en")["then"]["properties"]["date"]["description"] == (
        "A date: YYYY-MM-DD."
    )


def test_body_and_page_files_are_checked_by_their_own_keys() -> None:
    assert flagged("name: Kommunstyrelsen\nmembers: [Anna Ek (S)]\nannounce: true\n") == set()
    assert flagged("name: Kommunstyrelsen\nannounce: ja\n") == {"announce"}
    assert flagged("title: Om webbplatsen\n") == set()
    assert flagged("title: Om webbplatsen\ntitel: x\n") == {"titel"}


def test_init_writes_the_schema_and_the_editor_wiring(tmp_path: Path) -> None:
    from datetime import date

    site = tmp_path / "site"
    init_site(site, "Kommunen", date(2024, 1, 10))
    assert (site / SCHEMA_FILE).read_text("utf-8") == schema_text("sv")
    remark = json.loads((site / ".remarkrc.json").read_text("utf-8"))
    assert remark["plugins"][1][1]["schemas"] == {f"./{SCHEMA_FILE}": ["./content/**/*.md"]}
    for path in _files(site):
        front = FRONT.match(path.read_text("utf-8"))
        assert front is not None and not list(validator().iter_errors(load(front[1])))


def test_the_schema_command_prints_and_writes_the_sites_schema(tmp_path: Path) -> None:
    (tmp_path / "site.toml").write_text('language = "en"\nextra_keys = ["dnr"]\n', "utf-8")
    printed = CliRunner().invoke(main, ["schema", "--source", str(tmp_path)])
    assert printed.exit_code == 0, printed.output
    assert json.loads(printed.output) == front_matter_schema("en", ("dnr",))
    written = CliRunner().invoke(main, ["schema", "--source", str(tmp_path), "--write"])
    assert written.exit_code == 0, written.output
    assert (tmp_path / SCHEMA_FILE).read_text("utf-8") == printed.output


def test_a_key_left_empty_is_as_good_to_the_editor_as_to_the_check() -> None:
    """'end_date:' or 'location: ~' says nothing, and the check passes it: no underline."""
    empty = "body: KS\ndate: 2024-01-01\nend_date:\nlocation: ~\nattendees:\nadjusted:\n"
    assert not said(empty)
    assert flagged(empty) == set()
    assert flagged("body: KS\ndate: 2024-01-01\npublic:\n") == {"public"}


def test_a_page_title_and_a_body_name_must_say_something() -> None:
    schema = validator()
    assert not list(schema.iter_errors({"title": "Om"}))
    assert list(schema.iter_errors({"title": ""}))
    assert list(schema.iter_errors({"name": " "}))
    assert not list(schema.iter_errors({"name": "Kommunstyrelsen", "announce": True}))
