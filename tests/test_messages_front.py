"""What a clerk is told about the front matter, the dates, who took part and site.toml: in
the site's language, at the file and line, saying what to write instead (issue #17)."""

from __future__ import annotations

import os
import pickle
import re

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.cli import main
from generator.content.config import SETTINGS, _read_table, base_url_problem
from generator.content.errors import Problems
from generator.content.frontmatter import KNOWN_KEYS, FrontMatter, check_fields, load_yaml
from generator.messages import CATALOGUE, Said
from generator.messages.front import Front
from tests.conftest import SiteFactory

TEXT = "\n## § 1 Öppnande\n\nOrdföranden förklarade sammanträdet öppnat.\n"


def meeting(front: str, text: str = TEXT) -> str:
    """A meeting of Kommunstyrelsen whose own front matter lines start on line 4."""
    return f"---\nbody: Kommunstyrelsen\ndate: 2025-03-11\n{front}---\n{text}"


# the messages a clerk meets most here: (front matter lines from line 4, the line told; a
# '…' stands for PyYAML's own words, which its C and Python loaders put differently)
SWEDISH = {
    "a Swedish key": (
        "justerare: [Anna Andersson (S)]\n",
        "content/ks.md:4: justerare: okänd nyckel; menar du 'adjusters'?",
    ),
    "an unknown key": (
        "diarieplan: 1.2\n",
        "content/ks.md:4: varning: diarieplan: okänd nyckel, som visas på protokollets sida "
        "som den är skriven; använder ni den, lägg till den i site.toml (extra_keys = "
        '["diarieplan"]), annars rätta eller ta bort raden',
    ),
    "no day in the calendar": (
        "adjusted: 2025-02-30\n",
        "content/ks.md:4: adjusted: 2025-02-30 är ingen dag i kalendern; se efter månaden och "
        "dagen (ÅÅÅÅ-MM-DD)",
    ),
    "a time in words": (
        "start: kl. sex\n",
        "content/ks.md:4: start: skriv klockslaget som TT:MM, här står 'kl. sex'",
    ),
    "a colon in a title": (
        "title: Uppdrag: Ny organisation\n",
        "content/ks.md:4: huvudet: går inte att läsa här (ett andra ': ' på raden, i ett värde "
        "utan citattecken); "
        "se efter att det står ett kolon och ett mellanslag efter nyckeln, och sätt "
        "citattecken runt ett värde som innehåller ': '",
    ),
    "a person's key in Swedish": (
        "attendees:\n  - {name: Anna Andersson, parti: S}\n",
        "content/ks.md:5: attendees: 'parti' är ingen nyckel för en person; menar du 'party'?",
    ),
    "secrecy in Swedish words": (
        "offentlig: nej\n",
        "content/ks.md:4: offentlig: är ingen nyckel som minutes känner till, så "
        "sammanträdet skulle publiceras; skriv public: false om inget av sammanträdet ska "
        "publiceras, eller confidential=true inom klamrarna efter rubriken på varje paragraf "
        "som inte ska publiceras",
    ),
    "arrived at no item": (
        "attendees:\n  - {name: Karin Kvist, party: S, from: 7}\n",
        "content/ks.md:5: attendees: from: 7 är inte numret på någon paragraf i det här "
        "protokollet; skriv numret på paragrafen där Karin Kvist kom till sammanträdet, som "
        'rubriken skriver det (ett nummer med punkt inom citattecken: "4.10")',
    ),
    "present and absent": (
        "attendees: [Bo Berg (M)]\nabsent: [Bo Berg (M)]\n",
        "content/ks.md:5: varning: absent: Bo Berg (M) står också bland de närvarande "
        "(attendees); en ledamot som kom senare eller gick tidigare skrivs bland de "
        "närvarande med from: eller until:",
    ),
    "a notice up late": (
        "status: adjusted\nadjusted: 2025-03-11\nposted: 2025-03-20\n",
        "content/ks.md:6: varning: posted: 2025-03-20 ligger 9 dagar efter justeringen "
        "(2025-03-11); enligt kommunallagen 8 kap. 12 § ska anslaget sättas upp inom två "
        "dagar efter justeringen (nästa vardag när den andra dagen är en lördag, söndag eller "
        "helgdag): se över datumen",
    ),
    "adjusted minutes kept nowhere": (
        "status: adjusted\n",
        "content/ks.md:4: varning: status: justerat protokoll utan notice_place "
        "(förvaringsplats: var protokollet förvaras), som anslaget ska ange; skriv "
        "notice_place: i huvudet, eller notice_place i site.toml för alla sammanträden",
    ),
    "a name where a list of names goes": (
        "adjusters: {name: Anna Andersson}\n",
        "content/ks.md:4: adjusters: skriv ett namn eller en lista med namn",
    ),
}


@pytest.mark.parametrize(("front", "told"), SWEDISH.values(), ids=SWEDISH.keys())
def test_a_swedish_site_is_told_in_swedish_at_the_line(
    front: str, told: str, tmp_site: SiteFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("MINUTES_LANGUAGE")
    root = tmp_site({"content/ks.md": meeting(front)})
    done = CliRunner().invoke(main, ["check", "--source", str(root)])
    wanted = re.compile(".*".join(map(re.escape, told.split("…"))))
    assert any(wanted.fullmatch(line) for line in done.output.splitlines()), done.output


def test_a_required_key_and_a_personal_number_in_swedish(
    tmp_site: SiteFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("MINUTES_LANGUAGE")
    text = "\n## § 1 Bidrag\n\nSökande 121212-1212 beviljas bidrag.\n"
    root = tmp_site({"content/ks.md": f"---\ndate: 2025-03-11\n---\n{text}"})
    done = CliRunner().invoke(main, ["check", "--source", str(root)])
    lines = done.output.splitlines()
    assert (
        "content/ks.md:1: body: saknas; skriv organets namn, till exempel body: Kommunstyrelsen"
        in lines
    ), done.output
    assert (
        "content/ks.md:7: '121212-1212' ser ut som ett personnummer, som inte får publiceras; "
        "ta bort det eller sekretessbelägg paragrafen (är det inget personnummer, skriv det "
        "under not_personal_numbers i huvudet)" in lines
    ), done.output
    assert lines[-1] == "2 fel, 0 varningar."


def test_site_toml_is_told_in_its_own_language(
    tmp_site: SiteFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Even a site.toml with mistakes says which language it is in."""
    monkeypatch.delenv("MINUTES_LANGUAGE")
    toml = 'titel = "Protokoll"\nlanguage = "sv"\ntimezone = "Sverige"\ndescription.en = "X"\n'
    root = tmp_site({"content/ks.md": meeting("")}, toml=toml)
    done = CliRunner().invoke(main, ["check", "--source", str(root)])
    assert done.exit_code == 1
    assert done.output.splitlines() == [
        "fel: site.toml:1: titel: okänd inställning; menar du title?",
        "fel: site.toml:3: timezone: okänd tidszon 'Sverige'; skriv ett namn som Europe/Stockholm",
        "fel: site.toml:4: description: är skriven som en tabell (ett namn inom "
        "hakparenteser, eller nycklar efter en punkt), men är ett enda värde; skriv "
        "description = och värdet",
    ]


def test_an_english_site_is_told_in_english(
    tmp_site: SiteFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("MINUTES_LANGUAGE")
    front = "justerare: [Anna Andersson (S)]\nattendees: [Bo Berg (M)]\nabsent: [Bo Berg (M)]\n"
    root = tmp_site({"content/ks.md": meeting(front)}, toml='title = "T"\nlanguage = "en"\n')
    done = CliRunner().invoke(main, ["check", "--source", str(root)])
    assert done.output.splitlines() == [
        "content/ks.md:4: justerare: unknown key; did you mean 'adjusters'?",
        "content/ks.md:6: warning: absent: Bo Berg (M) is also listed in attendees; a member "
        "who came late or left early is an attendee with from: or until:",
        "1 error, 1 warning.",
    ]


def test_a_bad_base_url_is_said_with_the_option_it_came_from(tmp_site: SiteFactory) -> None:
    """``--base-url`` shares site.toml's check; click says it, in English."""
    assert base_url_problem("kommun.se/protokoll") == Front.BASE_URL(
        key="base_url", got="kommun.se/protokoll"
    )
    root = tmp_site({"content/ks.md": meeting("")})
    done = CliRunner().invoke(
        main, ["build", "--source", str(root), "--base-url", "https://kommun.se//p/"]
    )
    assert done.exit_code == 2
    assert (
        "--base-url: the path of 'https://kommun.se//p/' starts with '//', which browsers read "
        "as another host; write one '/' after the host" in done.output
    )


# --- every problem of the front matter and site.toml is a message of the catalogue ------

SCALE = int(os.environ.get("FUZZ_SCALE", "1"))  # FUZZ_SCALE=20 for a long run by hand
_WORDS = st.sampled_from([*KNOWN_KEYS, "justerare", "offentlig", "utkast", "colour", "x"])
_SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.text(max_size=12),
    st.sampled_from(["2025-03-11", "2025-02-30", "0999-01-01", "18:00", "8.30", "25:00"]),
    st.dates(),
    st.integers().map(str),
)
_VALUES = st.recursive(
    _SCALARS,
    lambda inner: st.one_of(
        st.lists(inner, max_size=3),
        st.dictionaries(st.one_of(_WORDS, st.text(max_size=6)), inner, max_size=3),
    ),
    max_leaves=8,
)


def _all_told(problems: Problems) -> None:
    """Each problem a message of the catalogue, said in both languages, a plain value (it
    goes to a worker and back, and can be a key)."""
    for problem in problems.items:
        assert isinstance(problem.said, Said), problem
        assert CATALOGUE[problem.code] is problem.said.message
        assert problem.text("sv") != problem.text("en"), problem
        assert pickle.loads(pickle.dumps(problem)) == problem
        hash(problem)


@settings(max_examples=150 * SCALE, deadline=None)
@given(st.dictionaries(st.one_of(_WORDS, st.text(max_size=8)), _VALUES, max_size=6))
def test_every_front_matter_problem_is_in_the_catalogue(values: dict[str, object]) -> None:
    problems = Problems()
    lines = {key: n for n, key in enumerate(values, 2)}
    check_fields(FrontMatter(values, lines), "content/ks.md", (), problems)
    _all_told(problems)


@settings(max_examples=100 * SCALE, deadline=None)
@given(st.lists(st.tuples(_WORDS, st.text(max_size=16)), max_size=5))
def test_every_problem_of_unreadable_front_matter_is_in_the_catalogue(
    lines: list[tuple[str, str]],
) -> None:
    problems = Problems()
    text = "".join(f"{key}: {value}\n" for key, value in lines)
    found = load_yaml(text, "content/ks.md", 2, problems)
    if found is not None:
        check_fields(found, "content/ks.md", (), problems)
    _all_told(problems)


@settings(max_examples=100 * SCALE, deadline=None)
@given(
    st.dictionaries(
        st.sampled_from([s.key.split(".")[0] for s in SETTINGS] + ["titel", "contact", "färg"]),
        _VALUES,
        max_size=5,
    )
)
def test_every_site_toml_problem_is_in_the_catalogue(data: dict[str, object]) -> None:
    problems = Problems()
    _read_table({k: v for k, v in data.items() if v is not None}, (), {}, problems)
    _all_told(problems)


# --- why YAML or TOML cannot be read: the clerk's words, never the parser's English -------

PARSERS_WORDS = re.compile(
    r"mapping values|could not find|found character|found unexpected|expected <|while |"
    r"constructor|Expected|Invalid|Unclosed|Unterminated|Cannot |end of document"
)
UNREADABLE_FRONT = {
    "a second colon": ("title: Uppdrag: Ny organisation\n", 4, "ett andra ': ' på raden"),
    "a key without its colon": ("location Kommunhuset\nchair: A\n", 4, "en rad utan ': '"),
    "a tab": ("attendees:\n\t- Bo Berg (M)\n", 5, "en tabb där det ska stå mellanslag"),
    "a quote not closed": ("title: 'Möte\n", 4, "ett citattecken som inte stängs"),
    "a bracket not closed": ("adjusters: [Bo Berg (M)\n", 4, "en [ eller { som inte stängs"),
    "a sign first": ("location: @Kommunhuset\n", 4, "ett värde som börjar med ett tecken"),
    "an indent": ("location: Kommunhuset\n  chair: A\n", 5, "ett andra ': ' på raden"),
    "a list below a key": ("location: Kommunhuset\n- Bo\n", 5, "inte indragen som raderna"),
}


@pytest.mark.parametrize("case", UNREADABLE_FRONT.values(), ids=list(UNREADABLE_FRONT))
def test_front_matter_that_does_not_read_is_said_in_swedish(
    tmp_site: SiteFactory, monkeypatch: pytest.MonkeyPatch, case: tuple[str, int, str]
) -> None:
    """PyYAML's English ('mapping values are not allowed here') stays out of a Swedish
    message: the clerk is told what the line lacks, in the site's language."""
    front, line, phrase = case
    monkeypatch.delenv("MINUTES_LANGUAGE")
    root = tmp_site({"content/ks.md": meeting(front)})
    done = CliRunner().invoke(main, ["check", "--source", str(root)])
    said = [s for s in done.output.splitlines() if s.startswith("content/ks.md:")]
    assert said and said[0].startswith(f"content/ks.md:{line}: "), done.output
    assert phrase in said[0] and not PARSERS_WORDS.search(done.output), done.output


UNREADABLE_TOML = {
    "a table's bracket": ('title = "T"\nlanguage = "sv"\n[search\n', 3, 8, "en [ eller {"),
    "text without quotes": ('language = "sv"\ntitle = Kommunen\n', 2, 9, "värdet är inte"),
    "a quote not closed": ('language = "sv"\ntitle = "Kommunen\n', 2, 18, "citattecken"),
    "no '='": ('language = "sv"\ntitle "Kommunen"\n', 2, 7, "raden är inte nyckel = värde"),
    "a setting twice": ('language = "sv"\nlanguage = "sv"\n', 2, 16, "redan står ovanför"),
    "a bad date": ('language = "sv"\nx = 2025-02-30\n', 2, 5, "ÅÅÅÅ-MM-DD"),
    "a value and more": ('language = "sv"\ntitle = "A" B\n', 2, 13, "värdet är inte"),
    "the end of the file": ('language = "sv"\ntitle =', 2, 8, "värdet är inte"),
}


@pytest.mark.parametrize("case", UNREADABLE_TOML.values(), ids=list(UNREADABLE_TOML))
def test_site_toml_that_does_not_read_is_said_in_swedish(
    tmp_site: SiteFactory, monkeypatch: pytest.MonkeyPatch, case: tuple[str, int, int, str]
) -> None:
    """tomllib's English ('Expected ']' at the end of a table declaration') stays out, and
    a mistake at the very end of the file is at its last line, not at line 0."""
    toml, line, column, phrase = case
    monkeypatch.delenv("MINUTES_LANGUAGE")
    root = tmp_site({"content/ks.md": meeting("")}, toml=toml)
    done = CliRunner().invoke(main, ["check", "--source", str(root)])
    assert done.exit_code == 1
    assert done.output.startswith(f"fel: site.toml:{line}: går inte att läsa"), done.output
    assert f"kolumn {column})" in done.output and phrase in done.output, done.output
    assert not PARSERS_WORDS.search(done.output), done.output


def test_a_theme_without_its_folder_is_an_error_in_swedish(
    tmp_site: SiteFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """theme = "egen" and no themes/egen/: the default theme would be published without a
    word; the site owner is told at the line instead."""
    monkeypatch.delenv("MINUTES_LANGUAGE")
    toml = 'title = "T"\nlanguage = "sv"\ntheme = "egen"\n'
    root = tmp_site({"content/ks.md": meeting("")}, toml=toml)
    done = CliRunner().invoke(main, ["build", "--source", str(root), "--no-search"])
    assert done.exit_code == 1
    assert done.output.splitlines() == [
        "fel: site.toml:3: theme: webbplatsen har ingen mapp themes/egen/, så sidorna skulle "
        "byggas med standardtemat; kontrollera namnet, eller ta bort raden för att använda "
        "standardtemat"
    ]
    assert not (root / "_site").exists()
    (root / "themes/egen").mkdir(parents=True)
    assert CliRunner().invoke(main, ["build", "--source", str(root), "--no-search"]).exit_code == 0


@pytest.mark.parametrize("value", ["”13:00”", "“13:00”", "”2025-03-11”"])
def test_quotation_marks_from_a_word_processor_are_named(
    tmp_site: SiteFactory, monkeypatch: pytest.MonkeyPatch, value: str
) -> None:
    """”13:00” pasted from Word was told 'write the time as TT:MM, here stands ”13:00”',
    which looks right to a clerk (found by a clerk following the guide)."""
    monkeypatch.delenv("MINUTES_LANGUAGE")
    key = "adjusted" if "-" in value else "start"
    text = f"---\nbody: KS\ndate: 2025-03-11\n{key}: {value}\n---\n\n## § 1 A\n"
    site = tmp_site({"content/ks.md": text})
    done = CliRunner().invoke(main, ["check", "--source", str(site)])
    assert f"content/ks.md:4: {key}: {value} står inom typografiska citattecken" in done.output
