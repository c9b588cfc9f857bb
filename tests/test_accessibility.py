"""WCAG 2.1 AA in a real browser: axe-core on every page type, light and dark, phone and
desktop widths; keyboard order, structure, no horizontal scrolling, print, page weight."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page

from generator.build.pipeline import BuildOptions, build

from conftest import SiteFactory, write_site

pytestmark = pytest.mark.browser

RS = "/region-jamtland-harjedalen/regionstyrelsen/2020-05-26/"
PAGE_TYPES = {
    "home": "/",
    "body": "/region-jamtland-harjedalen/regionstyrelsen/",
    "year": "/arkiv/2020/",
    "meeting": RS,
    "decisions": "/beslut/",
    "case": "/arenden/ks-2024-9/",  # on the case site: the example's cases need no page
    "search": "/sok/?q=digitala",
    "notices": "/anslagstavla/",
    "page": "/om/",
    "statement": "/tillganglighet/",
    "404": "/404.html",
    "people": "/personer/",
    "person": "/personer/eva-hellstrand/",
    "extract": RS + "#utdrag-p89",
}
CASE_MEETING = (
    "---\nbody: Kommunstyrelsen\ndate: 2024-05-{day}\n{extra}---\n"
    '## § {day} Bygglov {{#p{day} case="KS 2024/9"}}\n\n::: beslut\nÄrendet återremitteras. '
    "Nämnden ska återkomma.\n:::\n"
)


@pytest.fixture(scope="module")
def case_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A site whose case number has a page: three handlings and a mention."""
    from browser import serve

    root = tmp_path_factory.mktemp("case-site")
    mention = "references:\n  - {body: Byggnadsnämnden, date: 2024-04-02, item: § 7, in: p14}\n"
    write_site(
        root,
        {
            "site.toml": 'title = "Protokoll"\nlanguage = "sv"\n',
            **{
                f"content/ks/{day}.md": CASE_MEETING.format(
                    day=day, extra=mention if day == 14 else ""
                )
                for day in (14, 20, 28)
            },
        },
    )
    build(BuildOptions(source=root, output=root / "_site", search=False, today=date(2024, 6, 1)))
    with serve(root / "_site") as url:
        yield url


def url_of(kind: str, example_url: str, case_url: str) -> str:
    return (case_url if kind == "case" else example_url) + PAGE_TYPES[kind]


WCAG = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}
AXE = Axe()


def open_page(browser: Browser, url: str, width: int, scheme: str = "light") -> Page:
    context = browser.new_context(viewport={"width": width, "height": 800}, color_scheme=scheme)  # type: ignore[arg-type]
    page = context.new_page()
    page.goto(url)
    if "/sok/" in url:
        page.wait_for_selector(".search-results li", timeout=15000)
    return page


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [360, 1280])
@pytest.mark.parametrize("kind", list(PAGE_TYPES))
def test_axe_finds_no_violations(
    browser: Browser, example_url: str, case_url: str, kind: str, width: int, scheme: str
) -> None:
    page = open_page(browser, url_of(kind, example_url, case_url), width, scheme)
    results = AXE.run(page, options=WCAG)
    violations = [
        (v["id"], [n["target"] for n in v["nodes"]][:3]) for v in results.response["violations"]
    ]
    assert violations == []
    # no horizontal scrolling at any width
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    page.context.close()


@pytest.mark.parametrize("kind", list(PAGE_TYPES))
def test_structure(browser: Browser, example_url: str, case_url: str, kind: str) -> None:
    page = open_page(browser, url_of(kind, example_url, case_url), 1280)
    assert page.locator("h1").count() == 1
    levels = [
        int(tag[1])
        for tag in page.eval_on_selector_all(
            "main h1, main h2, main h3, main h4, main h5, main h6", "els => els.map(e => e.tagName)"
        )
    ]
    assert levels[0] == 1
    assert all(b - a <= 1 for a, b in itertools.pairwise(levels)), levels
    for landmark in ("header", "nav", "main", "footer"):
        assert page.locator(landmark).count() >= 1, landmark
    assert page.locator("a.skip").get_attribute("href") == "#main"
    page.context.close()


def test_tables_have_captions_and_header_scopes(browser: Browser, example_url: str) -> None:
    page = open_page(browser, example_url + RS, 1280)
    for table in page.locator("main table").all():
        assert table.locator("caption").count() == 1
        assert table.locator("th:not([scope])").count() == 0
    page.context.close()


def test_keyboard_order_of_the_header(browser: Browser, example_url: str) -> None:
    page = open_page(browser, example_url + "/", 1280)
    order = []
    for _ in range(7):
        page.keyboard.press("Tab")
        order.append(page.evaluate("(e => e.id || e.textContent.trim())(document.activeElement)"))
    assert order == [
        "Hoppa till innehållet",
        "Protokoll – exempelsajt",
        "Arkiv",
        "Beslut",
        "Anslagstavla",
        "site-search",
        "Sök",
    ]
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Shift+Tab")
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"  # focus is visible
    page.context.close()


def test_skip_link_moves_focus_to_main(browser: Browser, example_url: str) -> None:
    page = open_page(browser, example_url + RS, 1280)
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
    page.context.close()


def test_print_keeps_the_minutes_and_drops_navigation(
    browser: Browser, example_url: str, tmp_path: Path
) -> None:
    from pypdf import PdfReader

    page = open_page(browser, example_url + RS, 1280)
    pdf = tmp_path / "rs.pdf"
    page.pdf(path=str(pdf), format="A4")
    text = " ".join((p.extract_text() or "") for p in PdfReader(pdf).pages)
    text = re.sub(r"\s+", " ", text)
    assert "§ 89 Digitala hjälpmedel för regionens medarbetare" in text
    assert "teknisk lösning" in text and "Beslut" in text
    assert "Sök i protokollen" not in text and "Ärendelista" not in text
    page.context.close()


def test_print_of_a_person_page_keeps_the_figure_table_and_meetings(
    browser: Browser, example_url: str, tmp_path: Path
) -> None:
    from pypdf import PdfReader

    page = open_page(browser, example_url + "/personer/eva-hellstrand/", 1280)
    assert page.locator("svg.chart").is_visible()
    pdf = tmp_path / "person.pdf"
    page.pdf(path=str(pdf), format="A4")
    text = re.sub(r"\s+", " ", " ".join((p.extract_text() or "") for p in PdfReader(pdf).pages))
    assert "Eva Hellstrand (C)" in text and "Närvaro per år" in text
    assert "År Närvarande Frånvarande 2020 1 0" in text
    assert "Sammanträden Regionstyrelsen 2020 26 maj" in text  # under its body's and year's
    assert "Sök i protokollen" not in text
    page.context.close()


def test_accessibility_statement_from_site_toml(example_site: Path) -> None:
    from htmltools import page, texts

    html = page(example_site, "tillganglighet/")
    assert "<h1>Tillgänglighetsredogörelse</h1>" in html
    assert "webb@example.org" in html and "kan beställas från registraturen" in html
    assert "granskades senast 2025-11-25" in html and "Digg" in html
    for file in example_site.rglob("index.html"):
        footer = file.read_text().split('<footer class="site-footer">')[1]
        assert 'href="/tillganglighet/"' in footer, file
    assert texts(html, "p", "contact")


def test_pages_are_light(example_site: Path) -> None:
    css = (example_site / "static/style.css").stat().st_size
    meeting = (example_site / RS.strip("/") / "index.html").stat().st_size
    assert meeting + css <= 60 * 1024, (meeting, css)


def test_no_request_to_another_host(browser: Browser, example_url: str, case_url: str) -> None:
    hosts = set()
    for kind in PAGE_TYPES:
        page = open_page(browser, url_of(kind, example_url, case_url), 1280)
        page.on("request", lambda r: hosts.add(r.url.split("/")[2]))
        page.reload()
        page.wait_for_load_state("networkidle")
        page.context.close()
        assert kind
    assert hosts == {example_url.split("/")[2], case_url.split("/")[2]}


def test_print_keeps_notice_facts_and_adjusters(
    browser: Browser, tmp_site: SiteFactory, tmp_path: Path
) -> None:
    from pypdf import PdfReader

    from browser import serve

    root = tmp_site(
        {
            "content/ks.md": "---\nbody: Kommunstyrelsen\ndate: 2024-05-14\n"
            "status: adjusted\nadjusters: [Anna Ek (S), Bo Lund (M)]\n"
            "adjusted: 2024-05-16\nposted: 2024-05-17\n---\n"
            "## § 1 Budget\n\n[Lagen](https://lagen.nu/2017:725)\n\n"
            "::: decision\nBifall.\n:::\n"
        }
    )
    build(BuildOptions(source=root, output=root / "_site", search=False, today=date(2024, 5, 20)))
    with serve(root / "_site") as base:
        page = browser.new_page()
        page.goto(base + "/kommunstyrelsen/2024-05-14/")
        page.pdf(path=str(tmp_path / "ks.pdf"), format="A4")
        page.close()
    text = re.sub(
        r"\s+", " ", " ".join(p.extract_text() or "" for p in PdfReader(tmp_path / "ks.pdf").pages)
    )
    for kept in (
        "Anna Ek (S), Bo Lund (M)",
        "Justerat 16 maj 2024",
        "Anslaget 17 maj 2024",
        "Sista dag att överklaga 7 juni 2024",
        "(https://lagen.nu/2017:725)",
    ):
        assert kept in text, kept
    assert "Anslagstavla" not in text  # the navigation is not printed


def test_no_script_outside_the_search_page(example_site: Path) -> None:
    for file in example_site.rglob("*.html"):
        html = file.read_text()
        if file.parent.name == "sok":  # search.js, and the names it reads (JSON runs nothing)
            assert re.findall(r"<script[^>]*>", html) == [
                '<script type="application/json" id="search-contract">',
                '<script type="module" src="/static/search.js">',
            ]
        else:
            assert "<script" not in html, file


def test_readable_line_length_on_desktop(browser: Browser, example_url: str) -> None:
    page = open_page(browser, example_url + RS, 1280)
    widths = page.eval_on_selector_all(
        "main p",
        "els => els.map(e => [e.getBoundingClientRect().width, "
        "parseFloat(getComputedStyle(e).fontSize)])",
    )
    assert widths
    for width, font in widths:
        assert width / font <= 47, (width, font)  # about 80 characters at most
    page.context.close()


LAW_SITE = {  # what the law adds to pages: an announcement, an item adjusted at once, who
    # took part item by item (from/until, serving for), a conflict, a support and a note
    "content/bodies/kommunfullmaktige.md": "---\nname: Kommunfullmäktige\nannounce: true\n"
    "---\nFullmäktige.\n",
    "content/kf/2024-06-13.md": "---\nbody: Kommunfullmäktige\ndate: 2024-06-13\n"
    'status: planned\nstart: "18:30"\nlocation: Stadshuset\nannounced: 2024-05-30\n---\n'
    "## § 40 Budget 2025\n\n## § 41 Motion om cykelbanor\n",
    "content/ks/2024-05-14.md": "---\nbody: Kommunstyrelsen\ndate: 2024-05-14\n"
    "status: adjusted\nadjusters: [Anna Ek (S), Bo Lund (M)]\nadjusted: 2024-05-16\n"
    "posted: 2024-05-17\nnotice_place: Kommunhuset, kansliet\nattendees:\n"
    "  - {name: Anna Ek, party: S, role: Ordförande}\n  - {name: Bo Lund, party: M}\n"
    "  - {name: Cia Berg, party: C, until: 1}\n"
    "  - {name: Dan Ek, party: S, role: Ersättare, serving_for: Eva Lind (S), from: 2}\n---\n"
    "## § 1 Budget\n\n::: decision\nBifall.\n:::\n\n"
    "## § 2 Brådskande upphandling {#p2 adjusted=2024-05-14 posted=2024-05-15}\n\n"
    "::: jäv Bo Lund (M)\nBo Lund (M) anmäler jäv och deltar inte i ärendet.\n:::\n\n"
    "::: motion Anna Ek (S)\nAnna Ek (S) yrkar bifall till förslaget.\n:::\n\n"
    "::: bifall Dan Ek (S)\nDan Ek (S) yrkar bifall till Anna Eks yrkande.\n:::\n\n"
    "::: protokollsanteckning Anna Ek (S)\nEn anteckning.\n:::\n\n"
    "::: decision\nBifall.\n:::\n",
}
LAW_PAGES = ("/anslagstavla/", "/", "/kommunstyrelsen/2024-05-14/", "/kommunfullmaktige/")


@pytest.fixture(scope="module")
def law_url(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    """A small site with what the law adds, built on a day its notices are up."""
    from datetime import date

    from generator.build.pipeline import BuildOptions, build

    from browser import serve
    from conftest import write_site

    root = write_site(tmp_path_factory.mktemp("law"), LAW_SITE)
    (root / "site.toml").write_text('title = "Test"\nlanguage = "sv"\n', encoding="utf-8")
    build(BuildOptions(source=root, search=False, today=date(2024, 6, 1)))
    with serve(root / "_site") as url:
        yield url


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [360, 1280])
@pytest.mark.parametrize("path", LAW_PAGES)
def test_axe_on_what_the_law_adds(
    browser: Browser, law_url: str, path: str, width: int, scheme: str
) -> None:
    page = open_page(browser, law_url + path, width, scheme)
    if path == "/anslagstavla/":  # the entries axe is to see are there
        assert page.locator("li.announcement").count() == 1
        assert page.locator("li.item-notice").count() == 1
    results = AXE.run(page, options=WCAG)
    violations = [
        (v["id"], [n["target"] for n in v["nodes"]][:3]) for v in results.response["violations"]
    ]
    assert violations == []
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    page.context.close()


@pytest.mark.parametrize("path", LAW_PAGES[:3])
def test_structure_of_what_the_law_adds(browser: Browser, law_url: str, path: str) -> None:
    page = open_page(browser, law_url + path, 1280)
    assert page.locator("h1").count() == 1
    levels = [
        int(tag[1])
        for tag in page.eval_on_selector_all(
            "main h1, main h2, main h3, main h4, main h5, main h6", "els => els.map(e => e.tagName)"
        )
    ]
    assert all(b - a <= 1 for a, b in itertools.pairwise(levels)), levels
    page.context.close()


def test_print_keeps_the_notices_and_who_took_part(
    browser: Browser, law_url: str, tmp_path: Path
) -> None:
    from pypdf import PdfReader

    said = {}
    for name, path in (("board", "/anslagstavla/"), ("meeting", "/kommunstyrelsen/2024-05-14/")):
        page = browser.new_page()
        page.goto(law_url + path)
        page.pdf(path=str(tmp_path / f"{name}.pdf"), format="A4")
        page.close()
        pages = PdfReader(tmp_path / f"{name}.pdf").pages
        said[name] = re.sub(r"\s+", " ", " ".join(p.extract_text() or "" for p in pages))
    for kept in (
        "Kungörelser",
        "Kommunfullmäktige, 13 juni 2024",
        "18:30",
        "§ 41 Motion om cykelbanor",
        "§ 2 Brådskande upphandling",
        "Justerat omedelbart 14 maj 2024",
        "Förvaringsplats för protokollet Kommunhuset, kansliet",
    ):
        assert kept in said["board"], kept
    for kept in (
        "Cia Berg (C), till och med § 1",
        "tjänstgör för Eva Lind (S), från § 2",
        "Jäv: Bo Lund (M)",
        "Bifall: Dan Ek (S)",
        "Protokollsanteckning: Anna Ek (S)",
        "Justerat omedelbart 14 maj 2024",
    ):
        assert kept in said["meeting"], kept
