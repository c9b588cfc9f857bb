"""The example site says only what its sources say (contract v4, "The record is what the
source says"): each seed's sentences are on its page, and the page has no name, date, number,
vote or role label that the seed does not have.

The seeds are the shared folder's four real documents, copied into tests/data/seeds so that
this test needs nothing outside the repository. A seed line is either on the page (as text,
white space folded), or page furniture of the PDF it was extracted from, or shown by the
format in its own words; the last two are listed here, each with its reason.
"""

from __future__ import annotations

import json
import re
from datetime import date
from html.parser import HTMLParser
from pathlib import Path
from typing import ClassVar

import pytest

from generator.pages.i18n import STRINGS, format_date

from conftest import DATA
from htmltools import page

RS = "region-jamtland-harjedalen/regionstyrelsen/2020-05-26/"
CSG = "region-halland/centrala-samverkansgruppen/2020-11-19/"
PRG = "politisk-referensgrupp-nytt-hos-avtal/2025-01-09/"
UPP = "vastra-gotalandsregionen/samordningsgrupp-vardinformationsmiljo/2025-08-12/"
SEEDS = {"000": CSG, "001": PRG, "003": RS, "004": UPP}
UI = STRINGS["sv"]

# Lines of the PDFs that are not the record: page numbers, running heads, rules, signature
# boxes, the title of a table whose columns the text lost.
FURNITURE: dict[str, set[str]] = {
    "000": {
        "Page 2 of 5",
        "Sida 3 av 5",
        "___________________________  ____________________________",
    },
    "001": set(),
    "003": {
        "-----------",
        "1",
        "Mötesdatum",
        "Justerandes sign Utdragsbestyrkande",
        "Voteringslist(or)",
    },
    "004": {"---\t--------------------"},
}
# Lines the page shows in the format's own words (front matter facts, the vote's tally).
RENDERED: dict[str, dict[str, list[str]]] = {
    "000": {
        "Lennart Johansson, Vision Görel Stoltz, Kommunal": [
            "Lennart Johansson, Vision, och Görel Stoltz, Kommunal"
        ]
    },
    "001": {
        "Minnesanteckning": ["minnesanteckning"],
        "9 januari 2025, 8.30 – 9.30": ["Datum 9 januari 2025", "Tid 08:30–09:30"],
        "Deltagare:": ["Deltagare"],
        "Dan Nyberg, Fyrbodalsregionen var förhindrad": [
            "Var förhindrad Dan Nyberg, Fyrbodalsregionen"
        ],
        "Kristina Lännergren och Ann-Sofie Rundberg": [
            "Vid anteckningar Kristina Lännergren, Ann-Sofie Rundberg"
        ],
    },
    "003": {
        "§89": ["§ 89"],
        "Digitala hjälpmedel för regionens medarbetare (RS/412/2020)": [
            "§ 89 Digitala hjälpmedel för regionens medarbetare Diarienummer: RS/412/2020"
        ],
        "PROTOKOLL": ["protokoll"],
        "Ärende: Digitala hjälpmedel för regionens medarbetare,  RS/412/2020": [
            "Digitala hjälpmedel för regionens medarbetare",
            "RS/412/2020",
        ],
        "Ledamot Ja Nej Avstår": ["Ja Robert Hambergs yrkande Nej Jonas Anderssons yrkande"],
        "Resultat 9 6 0": ["Ja 9 Nej 6 Avstår 0"],
    },
    "004": {
        "Uppdragshandling": ["uppdragshandling"],
        "Datum 2025-08-12": ["Datum 12 augusti 2025"],
    },
}
# Whole-seed rewrites: the ärendelista writes '115 Title' where the heading says '115. Title';
# the voteringslista's X lost its column, so a member's line is shown without it.
REWRITES: dict[str, list[tuple[str, str]]] = {
    "000": [(r"(?m)^(1[12]\d) ", r"\1. ")],
    "003": [(r"(?m) X\s*$", "")],
}
_MONTHS = tuple(format_date(date(2000, month, 1), "sv").split()[1] for month in range(1, 13))
_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_LONG = re.compile(r"\b(\d{1,2}) (" + "|".join(_MONTHS) + r") (\d{4})\b")
_NAME = re.compile(r"[A-ZÅÄÖÉ][\w-]*(?:\s+[A-ZÅÄÖÉ][\w-]*)+")
_FACT_LABELS = {UI[k] for k in ("date", "time", "place", "case_number")}  # not about people
_PEOPLE = re.compile(r'<ul class="people">(.*?)</ul>', re.S)
_PEOPLE_PHRASES = tuple(UI[k] + " " for k in ("serving_for", "from_item", "until_item"))


def fold(text: str) -> str:
    return " ".join(text.split())


def seed(key: str) -> str:
    (path,) = (DATA / "seeds").glob(f"{key}_*.txt")
    text = path.read_text(encoding="utf-8").replace("**", "\n").replace("*", "")
    for pattern, replacement in REWRITES.get(key, []):
        text = re.sub(pattern, replacement, text)
    return text


def units(key: str) -> tuple[list[str], list[str]]:
    """The seed's text in pieces that must each be on the page: sentences, cut at line ends
    (the page may put a label between a heading and its text), and the rendered forms."""
    pieces: list[str] = []
    rendered: list[str] = []
    for line in seed(key).split("\n"):
        stripped = line.strip()
        if not stripped or stripped in FURNITURE[key] or line.strip("\t ") in FURNITURE[key]:
            continue
        if stripped in RENDERED[key]:
            rendered += RENDERED[key][stripped]
            continue
        stripped = re.sub(r"^(?:- |\uf0b7\s*)", "", stripped)  # a list's bullet (a PDF's too)
        pieces += [fold(p) for p in re.split(r"(?<=[.!?:])\s+", stripped) if p.strip()]
    return pieces, rendered


class _Blocks(HTMLParser):
    """The text of <main>, one string per block element: names are looked for in a block."""

    BLOCKS: ClassVar[set[str]] = {
        "p",
        "li",
        "td",
        "th",
        "dt",
        "dd",
        "caption",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "blockquote",
        "aside",
        "section",
        "div",
        "tr",
        "table",
        "ul",
        "ol",
        "dl",
    }

    def __init__(self) -> None:
        super().__init__()
        self.inside = 0
        self.blocks: list[str] = [""]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "main":
            self.inside = 1
        if self.inside and (tag in self.BLOCKS or tag == "br"):
            self.blocks.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == "main":
            self.inside = 0
        if self.inside and tag in self.BLOCKS:
            self.blocks.append("")

    def handle_data(self, data: str) -> None:
        if self.inside:
            self.blocks[-1] += data


def blocks(html: str) -> list[str]:
    parser = _Blocks()
    parser.feed(html)
    return [fold(b) for b in parser.blocks if b.strip()]


def dates(text: str) -> set[date]:
    found = {date(int(y), int(m), int(d)) for y, m, d in _ISO.findall(text)}
    found |= {date(int(y), _MONTHS.index(m) + 1, int(d)) for d, m, y in _LONG.findall(text)}
    return found


def numbers(text: str) -> set[int]:
    return {int(n) for n in re.findall(r"\d+", _LONG.sub(" ", _ISO.sub(" ", text)))}


@pytest.mark.parametrize("key", list(SEEDS))
def test_every_sentence_of_the_seed_is_on_its_page(example_site: Path, key: str) -> None:
    text = fold(" ".join(blocks(page(example_site, SEEDS[key]))))
    pieces, rendered = units(key)
    missing = [p for p in pieces + rendered if p not in text]
    assert missing == []
    assert len(pieces) > 30


@pytest.mark.parametrize("key", list(SEEDS))
def test_the_page_has_nothing_the_seed_does_not(example_site: Path, key: str) -> None:
    """No name (two capitalised words), date, number, vote or people label that the seed
    does not have; a date the seed lacks only beside its note."""
    html = page(example_site, SEEDS[key])
    source = fold(seed(key))
    found = blocks(html)
    text = " ".join(found)
    names = {n for b in found for n in _NAME.findall(b)}
    assert sorted(n for n in names if n not in source) == []
    extra_dates = dates(text) - dates(source)
    notes = re.findall(r'<span class="date-note">\((.*?)\)</span>', html)
    if extra_dates:  # a date the format needs (for the URL): shown, but never without its note
        assert len(extra_dates) == 1 and notes, extra_dates
        day = extra_dates.pop()
        shown = f'<time datetime="{day.isoformat()}">'
        assert html.count(shown) == html.count(
            shown + f'{day.day} {_MONTHS[day.month - 1]} {day.year}</time> <span class="date-note">'
        )
    assert sorted(numbers(text) - numbers(source)) == []
    ballots = (
        re.findall(
            r'<tr><th scope="row">([^<]*)</th><td>([^<]*)</td></tr>',
            html.split('class="ballots"', 1)[1],
        )
        if 'class="ballots"' in html
        else []
    )
    for member, choice in ballots:  # a member's vote only where the seed pairs them
        assert any(member in line and choice in line.split() for line in source.split("\n")), (
            member,
            choice,
        )
    facts = {fold(x) for x in re.findall(r"<dt>([^<]*)</dt>", html)} - _FACT_LABELS
    attendance = re.search(r'<section class="attendance".*?</section>', html, re.S)
    headings = (
        {fold(x) for x in re.findall(r"<h[23][^>]*>([^<]*)</h[23]>", attendance[0])}
        if attendance
        else set()
    )
    roles = {  # after a name in a list of people: its organisation and role
        part
        for entry in re.findall(r"<li>(.*?)</li>", "".join(_PEOPLE.findall(html)))
        for part in re.sub(r"<[^>]*>", "", entry).split(", ")[1:]
        if not part.startswith(_PEOPLE_PHRASES)
    }
    for label in sorted(facts | headings | roles):  # who someone was, in the seed's words
        assert label.casefold() in source.casefold(), f"{label!r} is not in seed {key}"


def test_no_guessed_votes_in_open_data(example_site: Path) -> None:
    events = [
        event
        for file in (example_site / "oparl").rglob("meetings-*.json")
        for meeting in json.loads(file.read_text())["data"]
        for item in meeting["agendaItem"]
        for event in item.get("x-voteEvent", [])
    ]
    assert events and all(event["votes"] == [] for event in events)
    (rs,) = [e for e in events if "regionstyrelsen" in e["id"]]
    assert rs["counts"] == [
        {"option": "Ja", "value": 9},
        {"option": "Nej", "value": 6},
        {"option": "Avstår", "value": 0},
    ]


def test_the_seeds_are_the_shared_ones() -> None:
    """tests/data/seeds is a copy: it must not drift from the shared folder's."""
    shared = next(
        (
            p / "shared" / "seeds"
            for p in Path(__file__).resolve().parents
            if (p / "shared" / "seeds").is_dir()
        ),
        None,
    )
    if shared is None:
        pytest.skip("no shared folder beside the repository")
    ours = {p.name: p.read_bytes() for p in (DATA / "seeds").glob("*.txt")}
    assert ours == {p.name: p.read_bytes() for p in shared.glob("*.txt")}
