"""Issue #16, point 8: a page per person. One person however the minutes write them
('Eva Hellstrand (C)' and {name: Eva Hellstrand, party: C}); a page listing their meetings
under a heading per body and per year, newest first, with role, whom they served for, their
records and recorded votes; attendance per year as an inline SVG and a table of the same
numbers; names on meeting pages link to it; OParl Person and Membership follow."""

from __future__ import annotations

import itertools
import json
import re
from dataclasses import dataclass, field
from datetime import date
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from generator.build.pipeline import BuildOptions, Session, build
from generator.content.config import SiteConfig
from generator.content.model import Person
from generator.content.parse import parse_meeting
from generator.content.people import MeetingPeople, person_key, read_mention, shown_name
from generator.pages.i18n import format_date
from generator.site.derive import Site
from generator.site.people import Appearance, Profile

from conftest import SiteFactory, write_site
from corpus import shared_corpus
from htmltools import texts

KS = """\
---
body: Kommunstyrelsen
date: 2024-03-01
chair: Eva Hellstrand
adjusters: [Anna Ek (M)]
attendees:
  - {name: Eva Hellstrand, party: C, role: Ordförande}
  - {name: Martine Eng, party: S, role: Ersättare, serving_for: Elin Hoffner (V)}
  - Anna Ek (M)
  - Anna Ek (S)
absent: [Elin Hoffner (V)]
officials:
  - {name: Lennart Johansson, org: Vision}
---
## § 1 Budget

::: motion Anna Ek (M)
Avslag.
:::

::: support Martine Eng (S)
Anna Eks yrkande.
:::

::: reservation Eva Hellstrand (C)
Mot beslutet.
:::

::: note Anna Ek (M)
Vi följer upp.
:::

::: conflict Anna Ek (S)
Jäv.
:::

```vote
question: Bifall mot avslag
votes:
  Eva Hellstrand (C): Ja
  Martine Eng (S): Nej
```

::: decision
Budgeten fastställs.
:::
"""

SN = """\
---
body: Socialnämnden
date: 2025-02-01
attendees:
  - {name: Eva  Hellstrand, party: C}
  - Elin Hoffner (V)
---
## § 4 Rapport

::: decision
Rapporten läggs till handlingarna.
:::
"""


PLANNED = """\
---
body: Kommunstyrelsen
date: 2025-09-01
status: planned
attendees: [Eva Hellstrand (C)]
---
## § 9 Budget 2026
"""


def _site(tmp_site: SiteFactory) -> Path:
    root = tmp_site(
        {
            "content/ks/2024/2024-03-01.md": KS,
            "content/sn/2025/2025-02-01.md": SN,
            "content/ks/2025/2025-09-01.md": PLANNED,
        }
    )
    build(BuildOptions(source=root, output=root / "_site", today=date(2025, 6, 1)))
    return root / "_site"


def _main(out: Path, path: str) -> str:
    text = (out / path / "index.html").read_text()
    return text[text.index("<main") : text.index("</main>")]


def test_a_name_written_as_text_and_as_keys_is_one_person() -> None:
    as_text = read_mention("Eva Hellstrand (C)")
    assert as_text is not None
    keys = {
        person_key(as_text),
        person_key(Person(name="Eva Hellstrand", party="C")),
        person_key(Person(name="eva  HELLSTRAND", party="(C)")),
        person_key("Eva Hellstrand (C)"),
        person_key(Person(name="Eva Hellstrand (C)")),
    }
    assert len(keys) == 1
    assert person_key("Eva Hellstrand (S)") not in keys  # another party: another person
    assert person_key("Eva Hellstrand") not in keys  # bare: resolved within a meeting only
    assert person_key("Lennart Johansson, Vision") != person_key("Lennart Johansson, Kommunal")
    assert shown_name(Person(name="Lennart Johansson", org="Vision")) == "Lennart Johansson, Vision"
    assert read_mention("Anna Ek (S) och (M)") is None  # not one name


def test_a_bare_name_is_the_one_person_the_meeting_names_by_it() -> None:
    parsed = parse_meeting(
        KS.encode(), "content/ks/2024/2024-03-01.md", SiteConfig(root=Path("/x"))
    )
    assert parsed.meeting is not None
    named = MeetingPeople(parsed.meeting)
    assert named.key(Person(name="Eva Hellstrand")) == person_key("Eva Hellstrand (C)")
    # two people named Anna Ek: a bare 'Anna Ek' is neither of them
    assert named.key(Person(name="Anna Ek")) == person_key("Anna Ek")


def test_a_person_page_lists_meetings_roles_records_and_votes_newest_first(
    tmp_site: SiteFactory,
) -> None:
    out = _site(tmp_site)
    eva = _main(out, "personer/eva-hellstrand")
    assert "<h1>Eva Hellstrand (C)</h1>" in eva
    assert texts(eva, "p", "lead") == ["Nämns i protokoll från: Kommunstyrelsen, Socialnämnden"]
    assert '<a href="#b1">Kommunstyrelsen</a>, <a href="#b2">Socialnämnden</a>' in eva
    # a heading per body (the most recent first), then per year, newest first
    assert re.findall(r"<h([34])(?: id=\"(b\d)\")?>([^<]+)</h\1>", eva) == [
        ("3", "b1", "Kommunstyrelsen"),
        ("4", "", "2025"),
        ("4", "", "2024"),
        ("3", "b2", "Socialnämnden"),
        ("4", "", "2025"),
    ]
    planned = eva.index("/kommunstyrelsen/2025-09-01/")
    sn, ks = eva.index("/socialnamnden/2025-02-01/"), eva.index("/kommunstyrelsen/2024-03-01/")
    assert planned < ks < sn  # newest first within a body
    # a line a meeting: the date under its year is the link, no body or year repeated
    assert '<li><a href="/kommunstyrelsen/2025-09-01/">1 september</a> <span class="badge">' in eva
    assert '<li><a href="/socialnamnden/2025-02-01/">1 februari</a>: Närvarande</li>' in eva
    assert 'class="where"' not in eva and "<time" not in eva.split("person-meetings")[1]
    # a planned meeting says whom it calls, not who came: it counts in no year
    assert '<tr><th scope="row">2025</th><td>1</td><td>0</td></tr>' in eva
    # the chair list (bare name) and the attendee with party are one person, one entry
    assert eva.count("/kommunstyrelsen/2024-03-01/") == 3  # the meeting, the reservation, the vote
    assert "Ordförande" in eva
    assert re.search(
        r"Reservation, <a href=\"/kommunstyrelsen/2024-03-01/#p1\">§ 1 Budget</a>", eva
    )
    assert "Röst: Ja" in eva and "(Bifall mot avslag)" in eva
    martine = _main(out, "personer/martine-eng")
    assert 'Ersättare, tjänstgör för <a href="/personer/elin-hoffner/">Elin Hoffner (V)</a>' in (
        martine
    )
    assert "Bifall" in martine and "Röst: Nej" in martine
    anna_m, anna_s = _main(out, "personer/anna-ek-m"), _main(out, "personer/anna-ek-s")
    assert "Yrkande" in anna_m and "Protokollsanteckning" in anna_m and "Jäv" not in anna_m
    assert "Jäv" in anna_s and "Yrkande" not in anna_s
    assert 'href="/personer/anna-ek-s/"' in anna_m and 'href="/personer/anna-ek-m/"' in anna_s
    assert (out / "personer/lennart-johansson/index.html").is_file()
    index = _main(out, "personer")
    names = re.findall(r'<li><a href="/personer/[^"]+/">([^<]+)</a></li>', index)
    assert names == [
        "Anna Ek (M)",
        "Anna Ek (S)",
        "Elin Hoffner (V)",
        "Eva Hellstrand (C)",
        "Lennart Johansson, Vision",
        "Martine Eng (S)",
    ]


def test_attendance_per_year_is_a_figure_and_a_table_of_the_same_numbers(
    tmp_site: SiteFactory,
) -> None:
    out = _site(tmp_site)
    elin = _main(out, "personer/elin-hoffner")
    rows = re.findall(r'<tr><th scope="row">(\d+)</th><td>(\d+)</td><td>(\d+)</td></tr>', elin)
    assert rows == [("2025", "1", "0"), ("2024", "0", "1")]  # absent in 2024, present in 2025
    svg = elin[elin.index("<svg") : elin.index("</svg>")]
    title = re.search(r"<title[^>]*>([^<]*)</title>", svg)
    assert title is not None
    assert "2025: 1 närvarande, 0 frånvarande; 2024: 0 närvarande, 1 frånvarande" in title[1]
    assert re.findall(r"<text [^>]*>(\d+) \+ (\d+)</text>", svg) == [("1", "0"), ("0", "1")]
    page = (out / "personer/elin-hoffner/index.html").read_text()
    assert "<script" not in page.split("</main>")[0].split("<main")[1]
    assert " style=" not in page  # the CSP allows no inline styles


def test_names_on_meeting_pages_link_to_their_person_pages(tmp_site: SiteFactory) -> None:
    out = _site(tmp_site)
    footer = (out / "kommunstyrelsen/2024-03-01/index.html").read_text().split("<footer")[1]
    assert '<a href="/personer/">Personer</a>' in footer  # the list of everyone, on every page
    ks = _main(out, "kommunstyrelsen/2024-03-01")
    for link in (
        '<dd><a href="/personer/eva-hellstrand/">Eva Hellstrand</a></dd>',  # chair, bare
        '<a href="/personer/eva-hellstrand/">Eva Hellstrand (C)</a>',  # attendee
        '<a href="/personer/elin-hoffner/">Elin Hoffner (V)</a>',  # served for
        '<a href="/personer/anna-ek-m/">Anna Ek (M)</a>',  # motion
        '<a href="/personer/anna-ek-s/">Anna Ek (S)</a>',  # conflict
        '<th scope="row"><a href="/personer/martine-eng/">Martine Eng (S)</a></th>',  # ballot
        '<a href="/personer/lennart-johansson/">Lennart Johansson</a>, Vision',
    ):
        assert link in ks, link


def _oparl_people(out: Path) -> dict[str, dict[str, Any]]:
    """Every OParl Person, by the key its id ends in, from the organisations' people lists
    (the output budget's list files: oparl/body/<org>/people-<initial>.json)."""
    found: dict[str, dict[str, Any]] = {}
    for listed in sorted((out / "oparl/body").glob("*/people*.json")):
        for person in json.loads(listed.read_text())["data"]:
            found.setdefault(person["id"].rsplit("#", 1)[1], person)
    return found


def test_oparl_person_and_membership_follow_the_person_pages(tmp_site: SiteFactory) -> None:
    out = _site(tmp_site)
    people = _oparl_people(out)
    eva = people["eva-hellstrand"]
    assert eva["name"] == "Eva Hellstrand"
    assert eva["web"].endswith("/personer/eva-hellstrand/")
    got = [
        (m["organization"].rsplit("#", 1)[1], m.get("role"), m["startDate"], m["endDate"])
        for m in eva["membership"]
    ]
    assert got == [
        ("kommunstyrelsen", "Ordförande", "2024-03-01", "2024-03-01"),
        ("socialnamnden", None, "2025-02-01", "2025-02-01"),  # no role is guessed
    ]
    assert all(m["onBehalfOf"] == "C" for m in eva["membership"])
    assert sorted(people) == [
        "anna-ek-m",
        "anna-ek-s",
        "elin-hoffner",
        "eva-hellstrand",
        "lennart-johansson",
        "martine-eng",
    ]
    assert not (out / "oparl/person").exists()  # no file per person: the budget (#15)


BARE_AFTER = """\
---
body: Kommunstyrelsen
date: 2024-05-20
attendees:
  - {name: Eva Hellstrand, party: C, role: Ordförande}
  - Anna Ek (S)
  - Anna Ek (M)
---
## § 2 Skola

::: reservation Eva Hellstrand
Mot beslutet.
:::

::: decision
Bifall.
:::
"""

OTHER_ANNA = """\
---
body: Socialnämnden
date: 2024-06-01
attendees: [Anna Ek (M)]
---
## § 3 Vård

::: motion Anna Ek
Bifall.
:::
"""


def test_a_bare_name_after_the_full_one_keeps_the_party_on_the_page_and_in_open_data(
    tmp_site: SiteFactory,
) -> None:
    """A record by a bare 'Eva Hellstrand' written after the attendee Eva Hellstrand (C) is
    hers, and her page and OParl Person still say her party (they said 'Eva Hellstrand',
    with no onBehalfOf: the bare name, written last, had replaced what the meeting says);
    namesakes keep their party in their page's name and address."""
    root = tmp_site(
        {"content/ks/2024/2024-05-20.md": BARE_AFTER, "content/sn/2024/2024-06-01.md": OTHER_ANNA}
    )
    build(BuildOptions(source=root, output=root / "_site", today=date(2024, 7, 1)))
    out = root / "_site"
    eva = _main(out, "personer/eva-hellstrand")
    assert "<h1>Eva Hellstrand (C)</h1>" in eva and "Reservation" in eva
    people = _oparl_people(out)
    assert [m["onBehalfOf"] for m in people["eva-hellstrand"]["membership"]] == ["C"]
    assert sorted(people) == ["anna-ek-m", "anna-ek-s", "eva-hellstrand"]
    anna_m = _main(out, "personer/anna-ek-m")
    assert "<h1>Anna Ek (M)</h1>" in anna_m and "Yrkande" in anna_m
    assert "<h1>Anna Ek (S)</h1>" in _main(out, "personer/anna-ek-s")


def test_attendees_of_a_meeting_without_items_are_no_crash() -> None:
    """Presence runs from the first item to the last: with no items there is none to be
    out of order (the merged checks of who took part once raised KeyError here)."""
    text = (
        "---\nbody: KS\ndate: 2024-05-14\n"
        "attendees: [Anna Ek (S), {name: Bo Lund, party: M}]\n---\nText.\n"
    )
    parsed = parse_meeting(text.encode(), "content/ks/m.md", SiteConfig(root=Path("/x")))
    assert parsed.meeting is not None and len(parsed.meeting.attendees) == 2
    assert [p.message for p in parsed.problems if p.severity == "error"] == []


def test_a_bare_name_in_a_vote_is_checked_as_the_attendee_it_names() -> None:
    """The vote checks use the same keys: a ballot by 'Bo Lund' is Bo Lund (M) of the
    attendees, who left after § 1, so cannot vote in § 2."""
    text = (
        "---\nbody: KS\ndate: 2024-05-14\n"
        "attendees: [Anna Ek (S), {name: Bo Lund, party: M, until: 1}]\n---\n"
        "## § 1 Budget\n\nText.\n\n## § 2 Taxor\n\n"
        "```vote\nquestion: Bifall\nvotes:\n  Anna Ek: Ja\n  Bo Lund: Nej\n```\n"
    )
    parsed = parse_meeting(text.encode(), "content/ks/m.md", SiteConfig(root=Path("/x")))
    errors = [(p.line, p.message) for p in parsed.problems if p.severity == "error"]
    assert len(errors) == 1 and "Bo Lund was not present at this item" in errors[0][1], errors


def _errors(front: str, text: str, severity: str = "error") -> list[tuple[int, str]]:
    data = f"---\nbody: KS\ndate: 2024-05-14\n{front}---\n{text}".encode()
    parsed = parse_meeting(data, "content/ks/m.md", SiteConfig(root=Path("/x")))
    return [(p.line, p.message) for p in parsed.problems if p.severity == severity]


def test_one_member_voting_twice_under_two_spellings_is_an_error_on_the_second() -> None:
    """Names are compared as people are ('bo  berg (s)' is Bo Berg (S), a bare 'Anna Ek'
    the Anna Ek (S) of the vote): the table showed both ballots, the tally counted both."""
    vote = (
        "## § 1 Budget\n\n```vote\nquestion: Bifall\noptions: {Ja: A, Nej: B}\nvotes:\n"
        "  Bo Berg (S): Ja\n  Anna Ek (S): Nej\n  bo  berg (s): Nej\n  Anna Ek: Nej\n```\n"
    )
    for front in ("", "attendees: [Bo Berg (S), Anna Ek (S)]\n"):
        errors = _errors(front, vote)
        assert [line for line, _ in errors] == [13 + front.count("\n"), 14 + front.count("\n")]
        assert "bo  berg (s) is Bo Berg (S) (line" in errors[0][1], errors
        assert "Anna Ek is Anna Ek (S) (line" in errors[1][1], errors


def test_votes_are_checked_without_a_list_of_attendees_too() -> None:
    """An absent member's ballot, or one with a conflict of interest, is an error whether
    or not the minutes list who was present (without attendees: nothing was checked)."""
    errors = _errors(
        "absent: [Bo Berg (S)]\n",
        "## § 1 Budget\n\n::: jäv Anna Ek (S)\nJäv.\n:::\n\n"
        "```vote\nquestion: Bifall\nvotes:\n  Bo Berg (S): Ja\n  Anna Ek (S): Nej\n```\n",
    )
    assert ["listed as absent" in m for _, m in errors] == [True, False], errors
    assert "conflict of interest" in errors[1][1], errors


def test_a_member_both_present_and_absent_is_a_warning_on_the_absent_line() -> None:
    errors = _errors(
        "attendees:\n  - Bo Berg (S)\n  - Anna Ek (S)\nabsent:\n  - Cilla Holm (M)\n  - anna ek\n",
        "## § 1 Budget\n\nText.\n",
        "warning",
    )
    assert errors == [
        (
            9,
            "absent: anna ek is also listed in attendees; a member who came late or left "
            "early is an attendee with from: or until:",
        )
    ], errors


# Issue #15, point 1: a person page lists its meetings under a heading per body and per year,
# a short line each (the day the link, no body or year repeated). Grouping must lose nothing:
# every meeting a person's profile holds, whom they served for and every record and vote of
# theirs is linked on their page, under its body's and year's headings, newest first, and
# nothing else is listed there.

MEETINGS = 80  # of the shared corpus: its bodies, years, roles and votes

# What the corpus lacks: records of every kind and whom one served for (KS), a notice (PLANNED),
# a date note, a draft, from/until, and one body's name in two organisations.
EXTRA = {
    "content/ks/2024/2024-03-01.md": KS,
    "content/sn/2025/2025-02-01.md": SN,
    "content/ks/2025/2025-09-01.md": PLANNED,
    "content/a/2023/2023-05-02.md": """\
        ---
        body: Kommunstyrelsen
        organisation: Region A
        date: 2023-05-02
        date_note: Datum enligt kallelsen
        attendees:
          - {name: Eva Hellstrand, party: C, from: 2}
          - {name: Bo Berg, party: S, until: 1}
        ---
        ## § 1 Val

        Text.

        ## § 2 Budget

        ::: motion Eva Hellstrand (C)
        Bifall.
        :::
        """,
    "content/b/2023/2023-06-01.md": """\
        ---
        body: Kommunstyrelsen
        organisation: Kommun B
        date: 2023-06-01
        status: draft
        attendees: [Eva Hellstrand (C), Bo Berg (S)]
        ---
        ::: note Bo Berg (S)
        I inledningen.
        :::

        ## § 3 Taxor

        ::: support Eva Hellstrand (C)
        Förslaget.
        :::
        """,
}


@dataclass
class Line:
    """One meeting as a person page lists it: the headings above it, the day its link
    says, the link, the other links of the line (whom they served for) and each record's
    or vote's link and text."""

    body: str
    year: str
    day: str = ""
    href: str = ""
    links: list[str] = field(default_factory=list)
    acts: list[tuple[str, str]] = field(default_factory=list)


class _Listed(HTMLParser):
    """The lines of a page's list of meetings (section.person-meetings), in page order."""

    def __init__(self) -> None:
        super().__init__()
        self.inside = False
        self.heading = ""  # 'h3' or 'h4' while reading one
        self.href: str | None = None  # while reading a link
        self.text: list[str] = []
        self.body = self.year = ""
        self.depth = 0  # of list items: 1 a meeting, 2 a record or vote
        self.lines: list[Line] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "section" and "person-meetings" in (found.get("class") or "").split():
            self.inside = True
        elif not self.inside:
            return
        elif tag in ("h3", "h4"):
            self.heading, self.text = tag, []
        elif tag == "li":
            self.depth += 1
            if self.depth == 1:
                self.lines.append(Line(self.body, self.year))
        elif tag == "a":
            self.href, self.text = found.get("href") or "", []

    def handle_endtag(self, tag: str) -> None:
        if not self.inside:
            return
        text = " ".join("".join(self.text).split())
        if tag == "section":
            self.inside = False
        elif tag == self.heading == "h3":
            self.body, self.year, self.heading = text, "", ""
        elif tag == self.heading == "h4":
            self.year, self.heading = text, ""
        elif tag == "li":
            self.depth -= 1
        elif tag == "a" and self.href is not None:
            assert self.depth, f"a link outside the list of meetings: {self.href}"
            line = self.lines[-1]
            if self.depth == 2:
                line.acts.append((self.href, text))
            elif not line.href:
                line.href, line.day = self.href, text
            else:
                line.links.append(self.href)
            self.href = None

    def handle_data(self, data: str) -> None:
        if self.heading or self.href is not None:
            self.text.append(data)


def listed(html: str) -> list[Line]:
    """The meetings a person page lists, with what each line links."""
    parser = _Listed()
    parser.feed(html)
    return parser.lines


def expected(person: Profile, paths: dict[str, str]) -> list[Line]:
    """The lines a person's profile asks for, worked out apart from the page's grouping: its
    meetings in the order of their bodies' newest meeting, each body's newest first."""
    seen = person.appearances
    assert all(a.meeting.date >= b.meeting.date for a, b in itertools.pairwise(seen))
    newest: dict[tuple[str, str], int] = {}
    for n, a in enumerate(seen):
        newest.setdefault((a.meeting.organisation, a.meeting.body), n)
    lines = []
    for n in sorted(range(len(seen)), key=lambda n: (newest[_body(seen[n])], n)):
        a = seen[n]
        m, page = a.meeting, "/" + paths[a.meeting.source]
        two = any(b.meeting.body == m.body and _body(b) != _body(a) for b in seen)
        two = two and bool(m.organisation)
        lines.append(
            Line(
                body=f"{m.body} ({m.organisation})" if two else m.body,
                year=str(m.date.year),
                day=format_date(m.date, "sv").rsplit(" ", 1)[0],
                href=page,
                links=["/" + path for _, path in a.serving_for if path],
                acts=[
                    (
                        page + (f"#{act.anchor}" if act.anchor else ""),
                        f"{act.label} {act.title}".strip() if act.anchor else "Inledning",
                    )
                    for act in a.acts
                ],
            )
        )
    return lines


def _body(a: Appearance) -> tuple[str, str]:
    return (a.meeting.organisation, a.meeting.body)


@dataclass(frozen=True)
class Generated:
    out: Path
    site: Site


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Generated:
    """The shared corpus at 80 meetings and the cases it lacks, built with drafts."""
    root = shared_corpus(tmp_path_factory.mktemp("people") / "c", MEETINGS)
    (root / "site.toml").write_text('title = "Protokoll"\nlanguage = "sv"\n')
    write_site(root, EXTRA)
    session = Session()
    options = BuildOptions(
        source=root, output=root / "_site", search=False, drafts=True, today=date(2025, 6, 1)
    )
    result = build(options, session=session)
    assert result.meetings == MEETINGS + len(EXTRA), result
    assert session.site is not None
    return Generated(root / "_site", session.site)


def _page(generated: Generated, person: Profile) -> str:
    return (generated.out / person.path / "index.html").read_text(encoding="utf-8")


def test_every_meeting_and_act_of_a_profile_is_linked_on_the_page(generated: Generated) -> None:
    people = generated.site.people
    assert len(people) > 100
    paths = generated.site.paths
    for person in people:
        assert listed(_page(generated, person)) == expected(person, paths), person.path
    lines = [line for p in people for line in expected(p, paths)]
    assert sum(len(line.acts) for line in lines) > 20  # the corpus's votes, KS's records
    assert any(line.links for line in lines)  # whom they served for


def test_the_cases_the_corpus_lacks_are_on_the_page(generated: Generated) -> None:
    eva = next(p for p in generated.site.people if p.slug == "eva-hellstrand")
    html = _page(generated, eva)
    main = html[html.index("<main") : html.index("</main>")]
    got = [(line.body, line.year, line.day) for line in listed(html)]
    assert got == [
        ("Kommunstyrelsen", "2025", "1 september"),
        ("Kommunstyrelsen", "2024", "1 mars"),
        ("Socialnämnden", "2025", "1 februari"),
        ("Kommunstyrelsen (Kommun B)", "2023", "1 juni"),
        ("Kommunstyrelsen (Region A)", "2023", "2 maj"),
    ]
    assert re.search(r">1 september</a> <span class=\"badge\">Kallelse</span></li>", main)
    assert re.search(r">1 juni</a> <span class=\"badge\">Utkast</span>: Närvarande<ul>", main)
    assert (
        '>2 maj</a> <span class="date-note">(Datum enligt kallelsen)</span>: Närvarande, '
        "från § 2<ul>\n<li>Yrkande, <a " in main
    )
    bo = next(p for p in generated.site.people if p.slug == "bo-berg")
    bo_main = _page(generated, bo)
    assert ": Närvarande, till och med § 1</li>" in bo_main
    assert 'Protokollsanteckning, <a href="/kommun-b/kommunstyrelsen/2023-06-01/">Inledning' in (
        bo_main
    )


def test_a_meeting_or_act_left_out_of_a_page_is_found(generated: Generated) -> None:
    """The comparison above fails on a page that drops a meeting, an act or a heading."""
    paths = generated.site.paths
    person = max(generated.site.people, key=lambda p: sum(len(a.acts) for a in p.appearances))
    html = _page(generated, person)
    assert listed(html) == expected(person, paths)
    start = html.index('<section class="person-meetings"')
    before, meetings = html[:start], html[start:]
    one_line = re.compile(r"^<li><a href=\"[^\"]+\">[^<]+</a>[^<\n]*</li>\n", re.M)
    assert one_line.search(meetings)
    damaged = (
        one_line.sub("", meetings, count=1),  # a meeting
        re.sub(r"<ul>\n<li>[^\n]*</li>\n", "<ul>\n", meetings, count=1),  # an act
        re.sub(r"<h4>\d+</h4>\n", "", meetings, count=1),  # a year's heading
    )
    for page in damaged:
        assert page != meetings
        assert listed(before + page) != expected(person, paths)
