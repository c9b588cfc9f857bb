"""What the commands and the build say, told in the site's language: a Swedish site hears
Swedish from ``minutes build``, ``check``, ``new``, ``init`` and ``serve``, with the place
each message is about; an English site hears English."""

from __future__ import annotations

import errno
import os
import re
import threading
import urllib.error
import urllib.request
from functools import partial
from http.server import ThreadingHTTPServer
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from generator import cli, serve
from generator.build.footprint import human
from generator.build.pagefind import SearchIndexError
from generator.build.pipeline import BuildOptions
from generator.build.write import read_attachment
from generator.cli import main
from generator.content.errors import BuildFailed
from generator.messages.commands import Commands
from generator.serve import ServeState, error_page, rebuild
from tests.conftest import SiteFactory

MEETING = "---\ntitle: Möte\nbody: Kommunstyrelsen\ndate: 2025-03-11\n---\n\n## § 1 Öppnande\n"


@pytest.fixture
def swedish(tmp_site: SiteFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A small Swedish site, its messages told in Swedish (the suite reads English)."""
    monkeypatch.delenv("MINUTES_LANGUAGE")
    return tmp_site({"content/kommunstyrelsen/2025/2025-03-11.md": MEETING})


def run(*args: str) -> Result:
    return CliRunner().invoke(main, list(args))


def test_a_built_site_is_said_in_swedish(swedish: Path) -> None:
    done = run("build", "--source", str(swedish), "--no-search")
    assert done.exit_code == 0, done.output
    assert done.output.startswith("Klart: 1 sammanträde, ")
    assert f"→ {swedish / '_site'} (" in done.output
    assert "filer och mappar per sammanträde)." in done.output
    # sizes with a decimal comma, as every other number of a Swedish message
    assert re.search(r"\(\d+(,\d+)? (byte|KB|MB) i ", done.output), done.output
    assert not re.search(r"\d\.\d", done.output.split("→")[1]), done.output


def test_a_size_is_said_as_the_language_writes_numbers() -> None:
    assert human(31_400) == "31.4 KB" and human(31_400, "sv") == "31,4 KB"
    assert human(312) == "312 bytes" and human(312, "sv") == "312 byte"
    assert human(4_120_000_000, "sv") == "4,12 GB"


def test_an_output_folder_that_may_not_be_written_is_refused_in_swedish(
    swedish: Path, tmp_path: Path
) -> None:
    done = run("build", "--source", str(swedish), "--no-search", "--output", str(swedish))
    assert done.exit_code == 1
    assert done.output == (
        f"fel: utmappen {swedish}: det är webbplatsens egen mapp; ett bygge ersätter hela "
        "utmappen, så ange en egen mapp, till exempel _site\n"
    )
    other = tmp_path / "www"
    other.mkdir()
    (other / "index.html").write_text("en annan webbplats")
    done = run("build", "--source", str(swedish), "--no-search", "--output", str(other))
    assert done.exit_code == 1 and (other / "index.html").exists()
    assert done.output.startswith(f"fel: utmappen {other}: den innehåller filer som minutes ")
    assert "(det finns ingen .minutes-output i den)" in done.output


def test_a_date_on_the_command_line_is_refused_in_swedish(swedish: Path) -> None:
    """Told in the site's language wherever --source stands on the line (it is read
    first), as one line like the other errors, not in click's English frame."""
    for args in (
        ("new", "--source", str(swedish), "--body", "Kommunstyrelsen", "--date", "11 mars"),
        ("new", "--body", "Kommunstyrelsen", "--date", "11 mars", "--source", str(swedish)),
    ):
        done = run(*args)
        assert done.exit_code == 2
        assert done.output == "fel: --date: skriv datumet som ÅÅÅÅ-MM-DD, här står '11 mars'\n"
    done = run("build", "--source", str(swedish), "--today", "igår")
    assert done.output == "fel: --today: skriv datumet som ÅÅÅÅ-MM-DD, här står 'igår'\n"


def test_an_unreadable_source_date_epoch_is_said_in_swedish(
    swedish: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1.5e9")
    done = run("build", "--source", str(swedish), "--no-search")
    assert done.exit_code == 2 and not (swedish / "_site").exists()
    assert done.output == (
        "fel: SOURCE_DATE_EPOCH: ska vara byggets tid i hela sekunder sedan 1970-01-01, "
        "här står '1.5e9'\n"
    )


def test_a_bad_base_url_is_said_as_one_line(swedish: Path) -> None:
    done = run("build", "--source", str(swedish), "--base-url", "protokoll")
    assert done.exit_code == 2 and done.output.startswith("fel: --base-url: ")
    assert "Invalid value" not in done.output and "Usage:" not in done.output


def test_new_says_what_it_wrote_in_swedish(swedish: Path) -> None:
    done = run("new", "--source", str(swedish), "--body", "Kommunstyrelsen", "--date", "2025-04-08")
    written = swedish / "content/kommunstyrelsen/2025/2025-04-08.md"
    assert done.exit_code == 0 and written.exists()
    assert done.output == (
        f"skrev {written} (paragraferna numreras vidare efter § 1, den senaste för "
        "Kommunstyrelsen 2025)\n"
    )
    again = run(
        "new", "--source", str(swedish), "--body", "Kommunstyrelsen", "--date", "2025-04-08"
    )
    assert again.exit_code == 1
    assert again.output == (
        f"fel: {written} finns redan och skrevs inte över (öppna den och skriv vidare)\n"
    )
    empty = run("new", "--source", str(swedish), "--body", " ", "--date", "2025-05-01")
    assert empty.output == "fel: --body: skriv organets namn, till exempel --body Kommunstyrelsen\n"
    hidden = run("new", "--source", str(swedish), "--body", "KS\x07", "--date", "2025-05-01")
    assert hidden.output == (
        "fel: --body: namnet innehåller tecknet U+0007, som ingen sida kan visa; ta bort det\n"
    )


def test_init_speaks_the_language_it_is_given(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("MINUTES_LANGUAGE")
    folder = tmp_path / "protokoll"
    done = run("init", str(folder), "--today", "2025-03-11")
    assert done.exit_code == 0 and f"skrev {folder / 'site.toml'}\n" in done.output
    again = run("init", str(folder))
    assert again.exit_code == 1
    assert again.output == (
        f"fel: {folder / 'site.toml'} finns redan: {folder} är redan en webbplats; ge minutes "
        "init en ny mapp\n"
    )
    bad_day = run("init", str(tmp_path / "ny"), "--today", "i dag")
    assert bad_day.output == "fel: --today: skriv datumet som ÅÅÅÅ-MM-DD, här står 'i dag'\n"
    english = run("init", str(tmp_path / "minutes"), "--language", "en", "--today", "2025-03-11")
    assert english.exit_code == 0 and f"wrote {tmp_path / 'minutes/site.toml'}\n" in english.output
    again = run("init", str(folder), "--language", "en")
    assert again.output.startswith(f"error: {folder / 'site.toml'} exists: {folder} is a site")


def test_a_theme_without_search_markup_is_said_in_swedish(swedish: Path) -> None:
    theme = Path(cli.__file__).parent.parent / "themes/default/templates/meeting.html"
    own = swedish / "themes/egen/templates/meeting.html"
    own.parent.mkdir(parents=True)
    own.write_text(theme.read_text().replace("{{ search.body }}", ""))
    (swedish / "site.toml").write_text('title = "T"\nlanguage = "sv"\ntheme = "egen"\n')
    done = run("build", "--source", str(swedish), "--no-search")
    assert done.exit_code == 1 and not (swedish / "_site").exists()
    assert f"fel: {own}: en sida för ett sammanträde måste märka ut det element som " in done.output
    assert "skriv {{ search.body }} i dess starttagg" in done.output
    assert f"Ingenting skrevs ({swedish / '_site'} är som förut)." in done.output
    own.write_text("{% extends 'base.html' %}\n{% block main %}{{ meeting.title }\n")
    done = run("build", "--source", str(swedish), "--no-search")
    assert done.exit_code == 1
    assert f"fel: {own}:2: temats mall gick inte att använda: " in done.output


def test_a_link_out_of_content_is_refused_in_swedish(tmp_path: Path) -> None:
    """The build's last guard (the reading of files warns first and leaves such a link out):
    a link made between reading and writing."""
    content = tmp_path / "content"
    (content / "files").mkdir(parents=True)
    (tmp_path / "hemligt.pdf").write_bytes(b"%PDF hemligt")
    (content / "files/bilaga.pdf").symlink_to(tmp_path / "hemligt.pdf")
    with pytest.raises(BuildFailed) as refused:
        read_attachment(content, "files/bilaga.pdf")
    assert [p.render("sv") for p in refused.value.problems] == [
        "content/files/bilaga.pdf: det är en länk till en fil utanför content/, och sådana "
        "publiceras aldrig; lägg själva filen i content/"
    ]


def test_the_disk_and_the_search_index_are_said_in_swedish(
    swedish: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full(*_: object, **__: object) -> None:
        raise OSError(28, "No space left on device", "_site/index.html")

    monkeypatch.setattr(cli, "build", full)
    done = run("build", "--source", str(swedish))
    assert done.exit_code == 1
    assert done.output == (
        "fel: kunde inte läsa eller skriva _site/index.html: disken är full. Det är "
        "inget fel i innehållet: titta efter om disken är full eller skrivskyddad och bygg "
        "igen.\n"
    )
    for code, said in [
        (errno.EACCES, "du har inte rätt att läsa eller skriva där"),
        (errno.ENAMETOOLONG, "systemet svarade ENAMETOOLONG"),
    ]:

        def refused(*_: object, code: int = code, **__: object) -> None:
            raise OSError(code, os.strerror(code), "_site/index.html")

        monkeypatch.setattr(cli, "build", refused)
        done = run("build", "--source", str(swedish))
        assert f"_site/index.html: {said}. Det är inget fel" in done.output, done.output
        assert os.strerror(code) not in done.output

    def no_index(*_: object, **__: object) -> None:
        raise SearchIndexError([Commands.SEARCH_INDEX_FAILED(part="2025", status=1, output="x")])

    monkeypatch.setattr(cli, "build", no_index)
    done = run("build", "--source", str(swedish))
    assert done.output == (
        "fel: sökindexet för 2025 kunde inte göras (Pagefind avslutades med kod 1): x\n"
    )


def test_serve_shows_the_problems_in_swedish(
    swedish: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = swedish / "content/kommunstyrelsen/2025/2025-03-11.md"
    page.write_text(MEETING.replace("2025-03-11", "11 mars 2025"))
    state, log = ServeState(), []
    options = BuildOptions(source=swedish, output=swedish / "ut", search=False, cache=False)
    assert rebuild(options, state, log.append) is None
    assert state.problems == [
        "content/kommunstyrelsen/2025/2025-03-11.md:4: date: skriv datumet som ÅÅÅÅ-MM-DD, "
        "här står '11 mars 2025'"
    ]

    def gone(*_: object, **__: object) -> None:  # a file removed while the build read it
        raise OSError(errno.ENOENT, os.strerror(errno.ENOENT), str(page))

    monkeypatch.setattr(serve, "build", gone)
    assert rebuild(options, state, log.append) is None
    assert state.problems[0].endswith("; webbplatsen byggs igen vid nästa ändring")
    assert "No such file" not in state.problems[0]
    shown = error_page(state.problems, "sv").decode()
    assert '<html lang="sv">' in shown and "<h1>Webbplatsen kunde inte byggas</h1>" in shown
    assert "Rätta filerna; sidan laddas om när bygget går igenom." in shown


def test_an_english_site_hears_english(
    tmp_site: SiteFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("MINUTES_LANGUAGE")
    root = tmp_site(
        {"content/executive-board/2025/2025-03-11.md": MEETING},
        toml='title = "T"\nlanguage = "en"\n',
    )
    done = run("build", "--source", str(root), "--no-search", "--output", str(root))
    assert done.output.startswith(f"error: output folder {root}: that is the site folder itself")
    done = run("new", "--source", str(root), "--body", "Executive Board", "--date", "11 March")
    assert done.output == "error: --date: expected a date as YYYY-MM-DD, got '11 March'\n"
    done = run("build", "--source", str(root), "--no-search")
    assert done.exit_code == 0 and done.output.startswith("Built 1 meeting, ")
    assert os.environ.get("MINUTES_LANGUAGE") is None


@pytest.mark.parametrize(
    ("language", "guide"),
    [("sv", "docs/sv/content/pages/handledning.md"), ("en", "docs/en/content/pages/guide.md")],
)
def test_site_toml_points_to_the_guide_in_the_site_s_language(
    language: str, guide: str, tmp_path: Path
) -> None:
    """Its comments pointed to the README, which is English and written for developers."""
    folder = tmp_path / "protokoll"
    done = run("init", str(folder), "--language", language, "--today", "2025-03-11")
    assert done.exit_code == 0, done.output
    text = (folder / "site.toml").read_text(encoding="utf-8")
    format_page = f"docs/{language}/content/pages/format.md"
    assert guide in text and format_page in text and "README" not in text
    repo = Path(cli.__file__).resolve().parent.parent
    assert (repo / guide).is_file() and (repo / format_page).is_file()
    section = {"sv": "## Webbplatsens inställningar", "en": "## The site's settings"}[language]
    assert f"\n{section}\n" in (repo / format_page).read_text(encoding="utf-8")


def test_serve_answers_the_browser_in_swedish(tmp_path: Path) -> None:
    """What the server itself says to a browser: a refused host, a page that is not there,
    the page shown while the build fails."""
    from generator.serve import handler

    (tmp_path / "index.html").write_text("<html><body>Protokoll</body></html>")
    state = ServeState()
    bound = handler(state, "/protokoll/", "sv")
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(bound, directory=str(tmp_path)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}"

    def get(path: str, host: str = "localhost") -> tuple[int, str]:
        request = urllib.request.Request(url + path, headers={"Host": host})
        try:
            with urllib.request.urlopen(request) as answer:
                return answer.status, answer.read().decode()
        except urllib.error.HTTPError as refused:
            return refused.code, refused.read().decode()

    try:
        assert get("/protokoll/")[0] == 200
        assert get("/protokoll/", "evil.example") == (
            403,
            "minutes serve svarar bara på adresserna localhost, 127.0.0.1 och [::1]\n",
        )
        assert get("/annat/") == (404, "sidan finns inte\n")
        state.publish(["content/ks.md:4: date: skriv datumet som ÅÅÅÅ-MM-DD"])
        status, shown = get("/protokoll/")
        assert status == 500 and '<html lang="sv">' in shown
        assert "<h1>Webbplatsen kunde inte byggas</h1>" in shown
        assert "content/ks.md:4: date: skriv datumet som ÅÅÅÅ-MM-DD" in shown
    finally:
        server.shutdown()
        server.server_close()


# what click itself finds wrong on the command line: (arguments after --source SITE, the
# line a Swedish site is told, the line an English reader is told)
USAGE = {
    "a missing option": (
        ["new", "--date", "2025-03-11"],
        "fel: --body saknas: minutes new behöver den; minutes new --help visar vad du ska skriva",
        "error: --body is missing: minutes new needs it; minutes new --help says what to write",
    ),
    "a misspelt option": (
        ["check", "--strikt"],
        "fel: --strikt: minutes check har ingen sådan flagga; menar du --strict?",
        "error: --strikt: minutes check has no such option; did you mean --strict?",
    ),
    "an unknown option": (
        ["check", "--xyzzy"],
        "fel: --xyzzy: minutes check har ingen sådan flagga; minutes check --help visar alla",
        "error: --xyzzy: minutes check has no such option; minutes check --help lists them",
    ),
    "a value left out": (
        ["new", "--date", "2025-03-11", "--body"],
        "fel: --body: skriv värdet efter flaggan; minutes new --help visar vad den tar emot",
        "error: --body: write its value after it; minutes new --help says what it takes",
    ),
    "a value to a flag": (
        ["check", "--strict=ja"],
        "fel: --strict tar inget värde: skriv flaggan ensam",
        "error: --strict takes no value: write it alone",
    ),
    "a choice": (
        ["check", "--format", "xml"],
        "fel: --format: skriv ett av text, github, gitlab, här står 'xml'",
        "error: --format: write one of text, github, gitlab, got 'xml'",
    ),
    "a whole number": (
        ["build", "--jobs", "-1"],
        "fel: --jobs: skriv ett heltal, 0 eller mer, här står '-1'",
        "error: --jobs: write a whole number, 0 or more, got '-1'",
    ),
    "words without an option": (
        ["build", "webbplats"],
        "fel: webbplats: minutes build vet inte vad det ska göra med det här; minutes build "
        "--help visar vad det tar emot",
        "error: webbplats: minutes build does not know what to do with this; minutes build "
        "--help says what it takes",
    ),
}


@pytest.mark.parametrize("case", USAGE.values(), ids=list(USAGE))
def test_click_s_own_problems_are_said_in_the_site_s_language(
    swedish: Path, monkeypatch: pytest.MonkeyPatch, case: tuple[list[str], str, str]
) -> None:
    """click's English ('Error: Missing option', 'Usage: ...') is said as one line of the
    catalogue, in Swedish on a Swedish site and in English with MINUTES_LANGUAGE=en."""
    args, sv, en = case
    args = [args[0], "--source", str(swedish), *args[1:]]
    done = CliRunner().invoke(main, args, prog_name="minutes")
    assert done.exit_code == 2 and done.output.splitlines() == [sv], done.output
    monkeypatch.setenv("MINUTES_LANGUAGE", "en")
    done = CliRunner().invoke(main, args, prog_name="minutes")
    assert done.exit_code == 2 and done.output.splitlines() == [en], done.output


def test_a_command_and_a_folder_click_refuses_are_said_in_swedish(
    swedish: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(swedish)
    said = {
        ("bild",): "fel: bild: det finns inget sådant kommando i minutes; menar du build?",
        ("init",): "fel: minutes init: skriv den nya webbplatsens mapp efter kommandot, till "
        "exempel minutes init protokoll",
        ("init", "ny", "--language", "svenska"): "fel: --language: skriv ett av sv, en, här "
        "står 'svenska'",
        ("check", "--source", "site.toml"): "fel: --source: site.toml är en fil; skriv mappen",
        ("serve", "--port", "99999"): "fel: --port: skriv ett heltal från 0 till 65\u00a0535, "
        "här står '99999'",
    }
    for args, line in said.items():
        done = CliRunner().invoke(main, list(args), prog_name="minutes")
        assert done.exit_code == 2 and done.output.splitlines() == [line], done.output


def test_a_missing_template_is_said_by_its_name(swedish: Path) -> None:
    """Jinja says only the name ('_sidfot.html'): the clerk is told it is missing."""
    own = swedish / "themes/egen/templates/meeting.html"
    own.parent.mkdir(parents=True)
    own.write_text('{% extends "base.html" %}\n{% include "_sidfot.html" %}\n')
    (swedish / "site.toml").write_text('title = "T"\nlanguage = "sv"\ntheme = "egen"\n')
    done = run("build", "--source", str(swedish), "--no-search")
    assert done.exit_code == 1
    assert done.output.splitlines()[0] == (
        f"fel: {own}:2: mallen _sidfot.html finns varken i webbplatsens tema eller i "
        "standardtemat; kontrollera namnet, eller lägg filen i temats templates/"
    )


def test_minutes_alone_shows_its_help() -> None:
    """A bare ``minutes`` lists the commands (click's help), not a refusal."""
    done = CliRunner().invoke(main, [], prog_name="minutes")
    assert "Commands:" in done.output and "build" in done.output and "fel:" not in done.output
