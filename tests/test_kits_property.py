"""A prose edit made from its page's kit publishes what a clean build publishes: random
steps of one to three edits at once that all look like prose (text changed within a line),
some of which change what the page shows of the rest of the site (a link, a case number,
who a record is by, a vote's names, a secrecy mark, a personal identity number), each
built through ``minutes build``'s way (the cache on disk, the same output) and compared
with a clean ``--no-cache`` build, byte for byte; text under secrecy never reaches the
output. A step of prose alone must take the kit's way (nothing derived).
``MINUTES_EXAMPLES_SCALE=20`` runs twenty times as many examples (done by hand).
"""

from __future__ import annotations

import os
import shutil
import tempfile
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from hypothesis import example, given, settings
from hypothesis import strategies as st

import generator.build.pipeline as pipeline
from generator.build.pipeline import BuildOptions, build
from generator.content.errors import BuildFailed

from htmltools import output_files

SCALE = int(os.environ.get("MINUTES_EXAMPLES_SCALE", "1"))
TODAY = date(2024, 6, 1)
WORDS = ("budget", "skola", "remiss", "trafik", "vård", "yttrande", "Anna Ek (S)", "Bo Lund")
SECRET = "HEMLIGTORD"  # under secrecy: never in the output
PEOPLE = ("Anna Ek (S)", "Bo Lund (M)", "Eva Hellstrand (C)")
CASES = ("KS 2024/1", "KS 2024/2", "SN 2024/7", "")
NUMBER = "121212-1212"  # a personal identity number (its check digit right)


@dataclass
class Item:
    title: str
    case: str
    prose: str = "Text om ärendet."
    secret: bool = False  # confidential: its prose is SECRET's
    motion: tuple[str, str] = ("", "")  # (who, text)
    vote: str = ""  # who votes Nej (the others Ja)
    link: tuple[int, str] = (-1, "")  # (meeting, anchor) the prose links, -1: none
    forged: bool = False  # an address in the form of a content link's mark


@dataclass
class Meeting:
    folder: str
    body: str
    day: date
    items: list[Item]
    preamble: str = "Närvarande enligt lista."
    public: bool = True
    number: bool = False  # a personal identity number in the preamble

    @property
    def path(self) -> str:
        return f"content/{self.folder}/{self.day.isoformat()}.md"

    def text(self, meetings: list[Meeting]) -> str:
        head = [
            f"body: {self.body}",
            f"date: {self.day.isoformat()}",
            f"attendees: [{', '.join(PEOPLE)}]",
        ]
        if not self.public:
            head.append("public: false")
        preamble = self.preamble + (f" Personnummer {NUMBER}." if self.number else "")
        body = [preamble]
        for n, item in enumerate(self.items, 1):
            attrs = [f"#p{n}"] + ([f'case="{item.case}"'] if item.case else [])
            if item.secret:
                attrs.append("confidential=true")
            prose = item.prose + (f" {SECRET}." if item.secret else "")
            target, anchor = item.link
            if 0 <= target < len(meetings) and meetings[target] is not self:
                rel = os.path.relpath(meetings[target].path, os.path.dirname(self.path))
                prose += f" Se [mötet]({rel}{anchor})."
            if item.forged:
                prose += f' Se <a href="minutes:{meetings[0].path[8:]}#p1">det</a>.'
            block = [f"## § {n} {item.title} {{{' '.join(attrs)}}}", prose]
            if item.motion[0]:
                block.append(f"::: motion {item.motion[0]}\n{item.motion[1]}\n:::")
            if item.vote:
                ballots = "\n".join(f"  {p}: {'Nej' if p == item.vote else 'Ja'}" for p in PEOPLE)
                block.append(
                    "```vote\nquestion: Bifall mot avslag\n"
                    f"options: {{Ja: Bifall, Nej: Avslag}}\nvotes:\n{ballots}\n```"
                )
            block.append("::: decision\nBifall.\n:::")
            body.append("\n\n".join(block))
        return "---\n" + "\n".join(head) + "\n---\n\n" + "\n\n".join(body) + "\n"


def initial() -> list[Meeting]:
    """Case numbers handled twice (each handling leads to the other) and three times (a
    case page), a confidential item, a closed meeting, motions and a roll-call vote."""
    return [
        Meeting(
            "ks",
            "Kommunstyrelsen",
            date(2024, 5, 6),
            [
                Item("Budget", CASES[0], motion=(PEOPLE[0], "Yrkar bifall.")),
                Item("Skola", CASES[1], vote=PEOPLE[1]),
            ],
        ),
        Meeting(
            "ks",
            "Kommunstyrelsen",
            date(2024, 5, 20),
            [Item("Budget igen", CASES[0]), Item("Bistånd", "", secret=True)],
        ),
        Meeting("sn", "Socialnämnden", date(2024, 5, 13), [Item("Vård", CASES[1])]),
        Meeting("sn", "Socialnämnden", date(2024, 6, 3), [Item("Remiss", CASES[1])], public=False),
        Meeting("tn", "Tekniska nämnden", date(2024, 5, 27), [Item("Trafik", CASES[2])]),
    ]


PROSE = ("prose", "preamble", "secret", "motion text", "forged")  # running text alone


def apply(meetings: list[Meeting], edit: tuple[str, int, int]) -> None:
    """One edit, within a line (the items' lines, which are in the outline, stay)."""
    kind, a, b = edit
    m = meetings[a % len(meetings)]
    item = m.items[b % len(m.items)]
    word = WORDS[b % len(WORDS)]
    if kind == "prose":
        item.prose = f"Text om {word}."
    elif kind == "preamble":
        m.preamble = f"Närvarande, {word}."
    elif kind == "secret":  # a confidential item's text
        for hidden in (i for i in m.items if i.secret):
            hidden.prose = f"Sekretess om {word}."
    elif kind == "motion text":
        if item.motion[0]:
            item.motion = (item.motion[0], f"Yrkar {word}.")
    elif kind == "forged":
        item.forged = not item.forged
    elif kind == "link":
        item.link = (-1, "") if b % 4 == 0 else (b % len(meetings), ("", "#p1", "#p2")[b % 3])
    elif kind == "case":
        item.case = CASES[b % len(CASES)]
    elif kind == "who":
        if item.motion[0]:
            item.motion = (PEOPLE[b % len(PEOPLE)], item.motion[1])
    elif kind == "vote":
        item.vote = "" if b % 4 == 3 else PEOPLE[b % len(PEOPLE)]
    elif kind == "secrecy":
        item.secret = not item.secret
    elif kind == "number":
        m.number = not m.number
    elif kind == "public":
        m.public = not m.public


KINDS = (*PROSE, *PROSE, "link", "case", "who", "vote", "secrecy", "number", "public")
EDITS = st.tuples(st.sampled_from(KINDS), st.integers(0, 9), st.integers(0, 23))
STEPS = st.lists(st.lists(EDITS, min_size=1, max_size=3), min_size=1, max_size=5)


@dataclass
class Site:
    folder: Path
    search: bool = False
    meetings: list[Meeting] = field(default_factory=initial)
    derived: list[int] = field(default_factory=list)

    @property
    def root(self) -> Path:
        return self.folder / "site"

    def write(self) -> None:
        for m in self.meetings:
            path = self.root / m.path
            path.parent.mkdir(parents=True, exist_ok=True)
            text = m.text(self.meetings)
            if not path.is_file() or path.read_text(encoding="utf-8") != text:
                path.write_text(text, encoding="utf-8")
        (self.root / "site.toml").write_text('title = "Test"\nlanguage = "sv"\nraw_html = true\n')

    def build(self, **options: Any) -> object:
        try:
            return build(
                BuildOptions(
                    source=self.root,
                    output=options.pop("output", self.root / "_site"),
                    today=TODAY,
                    search=self.search,
                    jobs=1,
                    **options,
                )
            )
        except BuildFailed as failed:
            return sorted(str(p) for p in failed.problems)


def run_steps(steps: list[list[tuple[str, int, int]]], search: bool = False) -> None:
    with tempfile.TemporaryDirectory(prefix="minutes-kits-") as folder:
        site = Site(Path(folder), search)
        site.write()
        assert not isinstance(site.build(), list)
        real = pipeline.derive_site
        clean_since = True  # nothing but prose changed since the last build that made a site
        for step in steps:
            for edit in step:
                apply(site.meetings, edit)
            site.write()
            prose = all(kind in PROSE for kind, _, _ in step)
            site.derived.clear()
            pipeline.derive_site = lambda *a, **k: site.derived.append(1) or real(*a, **k)
            try:
                built = site.build()
            finally:
                pipeline.derive_site = real
            clean = site.folder / "clean"
            shutil.rmtree(clean, ignore_errors=True)
            want = site.build(output=clean, cache=False)
            assert isinstance(built, list) == isinstance(want, list), (built, want)
            if isinstance(want, list):
                assert built == want
                clean_since = clean_since and prose
                continue
            if prose and clean_since and any(m.public for m in site.meetings):
                assert not site.derived, f"{step}: a prose edit not made from its kit"
            clean_since = True
            got, expected = output_files(site.root / "_site"), output_files(clean)
            wrong = sorted(p for p in set(got) | set(expected) if got.get(p) != expected.get(p))
            assert not wrong, f"{step}: {wrong}"
            for file in clean.rglob("*"):
                if file.is_file():
                    data = file.read_bytes()
                    assert SECRET.encode() not in data and NUMBER.encode() not in data, file


@settings(max_examples=6 * SCALE, deadline=None)
@given(STEPS)
@example([[("prose", 0, 0), ("secret", 1, 1), ("preamble", 3, 0)], [("forged", 4, 0)]])
@example([[("link", 2, 5)], [("prose", 2, 0)], [("link", 2, 4), ("prose", 0, 1)]])
@example([[("number", 0, 0), ("prose", 1, 0)], [("number", 0, 0)], [("motion text", 0, 0)]])
def test_prose_edits_from_kits_equal_a_clean_build(steps: list[list[tuple[str, int, int]]]) -> None:
    run_steps(steps)


def test_two_prose_edits_at_once_with_search() -> None:
    """Two pages of one search index made from their kits at once, then a third: the
    indexes hold what a clean build's do."""
    run_steps([[("prose", 0, 0), ("preamble", 4, 1)], [("secret", 1, 2)]], search=True)
