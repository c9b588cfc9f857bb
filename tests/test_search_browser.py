"""Search in a real browser: hits land on the item, filters narrow, the URL round-trips."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import Browser, Page, expect

from generator.build import pagefind
from generator.build.pipeline import BuildOptions, build
from generator.site import partitions as search_index

from browser import serve
from conftest import SiteFactory

pytestmark = pytest.mark.browser

RS = "/region-jamtland-harjedalen/regionstyrelsen/2020-05-26/"
CSG = "/region-halland/centrala-samverkansgruppen/2020-11-19/"
PRG = "/politisk-referensgrupp-nytt-hos-avtal/2025-01-09/"
UPP = "/vastra-gotalandsregionen/samordningsgrupp-vardinformationsmiljo/2025-08-12/"


def search(page: Page, base: str, query: str) -> list[str]:
    """Open the search page at ``query`` (a URL query string); the hrefs of the hits."""
    page.goto(f"{base}/sok/?{query}")
    expect(page.locator(".search-status")).not_to_be_empty(timeout=15000)
    return [a.get_attribute("href") or "" for a in page.locator(".search-results li > a").all()]


@contextmanager
def built_and_served(
    browser: Browser,
    root: Path,
    output: Path | None = None,
    served: Path | None = None,
    **options: object,
) -> Iterator[tuple[Page, str]]:
    """Build ``root`` (into ``output``), serve ``served`` (default: the output) and open a tab."""
    out = output or root / "_site"
    build(BuildOptions(source=root, output=out, today=date(2024, 2, 1), **options))  # type: ignore[arg-type]
    tab = browser.new_page()
    try:
        with serve(served or out) as base:
            yield tab, base
    finally:
        tab.close()


@pytest.fixture
def page(browser: Browser):  # type: ignore[no-untyped-def]
    context = browser.new_context()
    tab = context.new_page()
    errors: list[str] = []
    tab.on("pageerror", lambda exc: errors.append(str(exc)))
    yield tab
    context.close()
    assert errors == []


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("Visus", CSG + "#p116"),  # seed 000
        ("eskaleringstrappa", PRG + "#p2"),  # seed 001
        ("brandväggarna", RS + "#p89"),  # seed 003
        ("Millennium", UPP + "#item-1"),  # seed 004
        ("RS/412/2020", RS + "#p89"),  # a case number, as typed
    ],
)
def test_a_word_from_each_seed_lands_on_its_item(
    page: Page, example_url: str, word: str, expected: str
) -> None:
    assert expected in search(page, example_url, f"q={word}")


def test_result_shows_body_date_title_and_highlight(page: Page, example_url: str) -> None:
    search(page, example_url, "q=tjänstemobil")
    first = page.locator(".search-results li").first
    expect(first.locator("a")).to_contain_text("Digitala hjälpmedel för regionens medarbetare")
    expect(first.locator(".meta")).to_contain_text("2020-05-")
    expect(first.locator(".excerpt mark").first).to_have_text("tjänstemobil")


def test_a_date_the_source_lacks_is_shown_with_its_note(page: Page, example_url: str) -> None:
    search(page, example_url, "q=Visus")
    expect(page.locator(".search-results li .meta").first).to_have_text(
        "Centrala samverkansgruppen, 2020-11-19 (datum saknas i underlaget, uppskattat utifrån "
        "texten)"
    )


def test_clicking_a_hit_lands_on_the_item_anchor(page: Page, example_url: str) -> None:
    search(page, example_url, "q=Visus")
    page.locator(".search-results li > a").first.click()
    page.wait_for_url(f"**{CSG}#p116")
    expect(page.locator("h2:target")).to_contain_text("Framtidens vårdinformationstöd")


@pytest.mark.parametrize(
    ("query", "finds"),
    [
        ("tjänstemobilen", RS + "#p89"),  # tjänstemobil
        ("vaccinationerna", CSG + "#p122"),  # vaccinationen
        ("omröstningsprotokollet", RS + "#p89"),
    ],
)
def test_swedish_inflections_match(page: Page, example_url: str, query: str, finds: str) -> None:
    assert finds in search(page, example_url, f"q={query}")


def test_body_filter_narrows(page: Page, example_url: str) -> None:
    everywhere = search(page, example_url, "q=digitala")
    assert any(h.startswith(CSG) for h in everywhere) and any(h.startswith(RS) for h in everywhere)
    page.select_option("#f-body", "Regionstyrelsen")
    expect(page.locator(".search-status")).to_contain_text("1 ")
    hits = [a.get_attribute("href") for a in page.locator(".search-results li > a").all()]
    assert hits and all(h and h.startswith(RS) for h in hits)


def test_decisions_only_keeps_items_with_a_decision(page: Page, example_url: str) -> None:
    everywhere = search(page, example_url, "q=digitalisering")
    assert len(everywhere) > 1
    page.check("#f-decisions")
    expect(page.locator(".search-status")).to_contain_text("1 ")
    hits = [a.get_attribute("href") for a in page.locator(".search-results li > a").all()]
    assert hits == [RS + "#p89"]


def test_year_filter_and_date_sort(page: Page, example_url: str) -> None:
    hits = search(page, example_url, "q=regionen&sort=date")
    pages = list(dict.fromkeys(h.split("#")[0] for h in hits))
    dates = [p.rstrip("/").rsplit("/", 1)[-1] for p in pages]
    assert dates == sorted(dates, reverse=True) and len(dates) > 1
    hits = search(page, example_url, "q=regionen&year=2025")
    assert hits and all("/2025-" in h for h in hits)


def test_query_and_filters_live_in_the_url(page: Page, example_url: str) -> None:
    page.goto(f"{example_url}/sok/")
    page.fill("#q", "digitala")
    page.select_option("#f-body", "Regionstyrelsen")
    expect(page.locator(".search-status")).to_contain_text("1 ")
    params = parse_qs(urlsplit(page.url).query)
    assert params == {"q": ["digitala"], "body": ["Regionstyrelsen"]}
    shared = page.context.new_page()
    shared.goto(page.url)
    expect(shared.locator(".search-status")).to_contain_text("1 ")
    expect(shared.locator("#q")).to_have_value("digitala")
    expect(shared.locator("#f-body")).to_have_value("Regionstyrelsen")
    shared.close()


def test_header_search_box_submits_to_the_search_page(page: Page, example_url: str) -> None:
    page.goto(example_url + RS)
    page.keyboard.press("Tab")  # the skip link comes first
    expect(page.locator(".skip")).to_be_focused()
    page.locator("#site-search").focus()
    page.keyboard.type("Visus")
    page.keyboard.press("Enter")
    page.wait_for_url("**/sok/?q=Visus")
    expect(page.locator(".search-results li > a").first).to_have_attribute("href", CSG + "#p116")


def test_search_page_is_accessible_by_keyboard(page: Page, example_url: str) -> None:
    search(page, example_url, "q=Visus")
    expect(page.get_by_label("Sök i protokollen").last).to_have_value("Visus")
    status = page.locator(".search-status")
    expect(status).to_have_attribute("role", "status")
    page.locator("#q").focus()
    order = []
    for _ in range(3):
        page.keyboard.press("Tab")
        order.append(page.evaluate("document.activeElement.id || document.activeElement.tagName"))
    assert order == ["BUTTON", "f-body", "f-year"]


def test_without_javascript_the_page_says_so(browser: Browser, example_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    tab = context.new_page()
    tab.goto(example_url + "/sok/?q=Visus")
    text = tab.inner_text("main")
    assert "Sökningen kräver JavaScript" in text
    assert tab.locator("main a", has_text="Arkiv").count() == 1
    context.close()


def test_drafts_never_reach_the_index(tmp_site: SiteFactory, browser: Browser) -> None:
    root = tmp_site(
        {
            "content/ks/a.md": "---\nbody: KS\ndate: 2024-01-10\n---\n## § 1 Publicerat\n\n"
            "Ordet hallonbåt är offentligt.\n",
            "content/ks/b.md": "---\nbody: KS\ndate: 2024-01-11\nstatus: draft\n---\n"
            "## § 1 Utkast\n\nOrdet krusbärsflotte är ett utkast.\n",
        }
    )
    with built_and_served(browser, root) as (tab, base):
        assert search(tab, base, "q=hallonbåt") == ["/ks/2024-01-10/#p1"]
        assert search(tab, base, "q=krusbärsflotte") == []
        expect(tab.locator(".search-status")).to_contain_text("Inga träffar")


def test_the_extract_links_are_not_searched(tmp_site: SiteFactory, browser: Browser) -> None:
    """Each item's link says 'Protokollsutdrag' (and says no more, its heading naming it): it
    is kept out of the index, or every meeting would be a hit for it."""
    root = tmp_site(
        {
            "content/ks/a.md": "---\nbody: KS\ndate: 2024-01-10\n---\n## § 1 Budget\n\n"
            "Ordet hallonbåt.\n\n## § 2 Taxor\n\nTaxorna.\n",
        }
    )
    with built_and_served(browser, root) as (tab, base):
        assert search(tab, base, "q=hallonbåt") == ["/ks/2024-01-10/#p1"]
        assert search(tab, base, "q=protokollsutdrag") == []


def test_english_site_stems_as_english(tmp_site: SiteFactory, browser: Browser) -> None:
    root = tmp_site(
        {
            "content/c.md": "---\nbody: Council\ndate: 2024-01-10\n---\n"
            "## 1. Budget\n\nThe council discussed the budgeting "
            "process.\n"
        },
        toml='title = "Council"\nlanguage = "en"\n',
    )
    with built_and_served(browser, root) as (tab, base):
        tab.goto(f"{base}/search/?q=discussing")
        expect(tab.locator(".search-status")).to_contain_text("1 results", timeout=15000)
        hit = tab.locator(".search-results li > a").first
        assert hit.get_attribute("href") == "/council/2024-01-10/#p1"


def test_search_works_under_a_sub_path(
    tmp_site: SiteFactory, browser: Browser, tmp_path: Path
) -> None:
    root = tmp_site(
        {
            "content/ks.md": "---\nbody: KS\ndate: 2024-01-10\n---\n## § 4 Ärende\n\n"
            "Ordet lingonskog finns här.\n"
        }
    )
    hosted = tmp_path / "host"
    with built_and_served(
        browser,
        root,
        output=hosted / "protokoll",
        served=hosted,
        base_url="https://kommun.se/protokoll/",
    ) as (tab, base):
        tab.goto(f"{base}/protokoll/sok/?q=lingonskog")
        expect(tab.locator(".search-status")).to_contain_text("1 ", timeout=15000)
        hit = tab.locator(".search-results li > a").first
        assert hit.get_attribute("href") == "/protokoll/ks/2024-01-10/#p4"
        hit.click()
        expect(tab.locator("h2:target")).to_contain_text("Ärende")


def test_more_results_button(page: Page, example_url: str) -> None:
    search(page, example_url, "q=och")  # five pages: one batch
    more = page.locator("button.more")
    expect(more).to_be_hidden()
    assert more.text_content() == "Visa fler träffar"  # a real label, not a symbol


def test_results_come_in_batches_of_five_pages(tmp_site: SiteFactory, browser: Browser) -> None:
    """Each page shown costs a fragment download, so pages come five at a time."""
    root = tmp_site(
        {
            f"content/ks/2024-01-{d:02}.md": f"---\nbody: KS\ndate: 2024-01-{d:02}\n---\n"
            "## § 1 Ärende\n\nOrdet blåbärssylt finns här.\n"
            for d in range(10, 17)
        }
    )
    with built_and_served(browser, root) as (tab, base):
        assert len(search(tab, base, "q=blåbärssylt")) == 5
        more = tab.locator("button.more")
        expect(more).to_be_visible()
        more.click()
        expect(tab.locator(".search-results li > a")).to_have_count(7)
        expect(more).to_be_hidden()


def index_folders(urls: list[str]) -> set[str]:
    """The index folders that search data (not the shared pagefind.js) came from."""
    return {
        u.split("/pagefind/")[1].split("/")[0]
        for u in urls
        if "/pagefind/" in u and not u.endswith("/pagefind.js")
    }


def yearly_indexes(
    tmp_site: SiteFactory, monkeypatch: pytest.MonkeyPatch, texts: dict[str, str]
) -> Path:
    """A site of one KS meeting per date (date → its item's text), indexed in parts of at
    most five meetings, so that each year of five meetings is an index of its own."""
    monkeypatch.setattr(search_index, "MAX_PAGES_PER_INDEX", 5)
    return tmp_site(
        {
            f"content/ks/{d}.md": f"---\nbody: KS\ndate: {d}\n---\n## § 1 Ärende\n\n{text}\n"
            for d, text in texts.items()
        }
    )


FIVE_A_YEAR = [f"{y}-{m:02}-10" for y in (2024, 2023) for m in range(1, 6)]


def test_newest_first_searches_older_indexes_only_for_more_results(
    tmp_site: SiteFactory, browser: Browser, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An archive indexed in parts (one per year here): newest first, the default, downloads
    the newest part alone while it fills a batch, and older parts as more are asked for;
    dates run newest first across parts. Relevance ranks every part together; a year filter
    downloads only that year's part."""
    days = [*FIVE_A_YEAR, "2022-09-10", "2022-03-10"]
    # the oldest meetings match best: ranking by score would put them first
    root = yearly_indexes(
        tmp_site,
        monkeypatch,
        {
            d: "Ordet vinbärsbuske finns här"
            + (", vinbärsbuske" * 3 + " Och krusbärsfil." if d < "2023" else ".")
            for d in days
        },
    )
    newest_first = [f"/ks/{d}/#p1" for d in sorted(days, reverse=True)]
    with built_and_served(browser, root) as (tab, base):
        requested: list[str] = []
        tab.on("request", lambda r: requested.append(r.url))
        assert search(tab, base, "q=vinbärsbuske") == newest_first[:5]
        assert index_folders(requested) == {"2024-2024"}
        status = tab.locator(".search-status")
        expect(status).to_contain_text("5 träffar (sökt i 2024)")
        more = tab.locator("button.more")
        more.click()
        expect(tab.locator(".search-results li > a")).to_have_count(10)
        assert index_folders(requested) == {"2024-2024", "2023-2023"}
        expect(status).to_contain_text("(sökt i 2023–2024)")
        more.click()
        expect(tab.locator(".search-results li > a")).to_have_count(12)
        expect(more).to_be_hidden()
        expect(status).to_contain_text('12 träffar: "vinbärsbuske"')
        hrefs = [a.get_attribute("href") for a in tab.locator(".search-results li > a").all()]
        assert hrefs == newest_first

        requested.clear()
        hits = search(tab, base, "q=vinbärsbuske&sort=relevance")
        assert len(hits) == 5 and set(hits[:2]) == set(newest_first[10:])
        assert index_folders(requested) == {"2024-2024", "2023-2023", "2022-2022"}
        assert len([u for u in requested if ".pagefind" in u and "/wasm." in u]) == 1

        requested.clear()  # a word only in the oldest index: found, newest first
        assert search(tab, base, "q=krusbärsfil") == newest_first[10:]
        expect(status).to_contain_text('2 träffar: "krusbärsfil"')

        requested.clear()
        assert search(tab, base, "q=vinbärsbuske&year=2022") == newest_first[10:]
        assert index_folders(requested) == {"2022-2022"}


def test_an_index_that_cannot_load_is_reported(
    tmp_site: SiteFactory, browser: Browser, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A broken upload (an older index missing): the results in hand stay, and the status,
    which screen readers announce, says the search could not be completed."""
    root = yearly_indexes(
        tmp_site, monkeypatch, {d: "Ordet vinbärsbuske finns här." for d in FIVE_A_YEAR}
    )
    with built_and_served(browser, root) as (tab, base):
        shutil.rmtree(root / "_site/pagefind/2023-2023")
        assert len(search(tab, base, "q=vinbärsbuske")) == 5
        tab.locator("button.more").click()
        expect(tab.locator(".search-status")).to_contain_text(
            "Sökningen kunde inte slutföras", timeout=15000
        )
        expect(tab.locator(".search-results li")).to_have_count(5)


@pytest.mark.parametrize(
    ("language", "indexed"),
    [("sv", "sv"), ("en", "en"), ("sv", "is")],  # Icelandic: Pagefind has no stemmer for it
)
def test_every_language_is_searched_after_a_whole_build_and_a_patch(
    tmp_site: SiteFactory,
    browser: Browser,
    monkeypatch: pytest.MonkeyPatch,
    language: str,
    indexed: str,
) -> None:
    """The trimmed indexes hold what search.js loads in every language, made whole (the
    first build) or again for a patch (a word added): an index of a language Pagefind has
    no stemmer for names no WASM of its own, and pagefind.js loads wasm.unknown.pagefind."""
    if indexed != language:  # the site's pages, indexed as Pagefind would index such a site
        made = pagefind._command
        monkeypatch.setattr(
            pagefind, "_command", lambda site, part, _, into=None: made(site, part, indexed, into)
        )
    text = "---\nbody: KS\ndate: 2024-01-10\n---\n## § 1 Ärende\n\nOrdet lingonskog.\n"
    root = tmp_site({"content/ks/a.md": text}, toml=f'title = "T"\nlanguage = "{language}"\n')
    meeting = root / "content/ks/a.md"
    where = "search" if language == "en" else "sok"
    errors: list[str] = []
    with built_and_served(browser, root) as (tab, base):
        tab.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        tab.goto(f"{base}/{where}/?q=lingonskog")
        expect(tab.locator(".search-results li > a")).to_have_count(1, timeout=15000)
        meeting.write_text(meeting.read_text() + "\nOrdet hjortronmyr.\n", encoding="utf-8")
        build(BuildOptions(source=root, output=root / "_site", today=date(2024, 2, 1)))
        tab.goto(f"{base}/{where}/?q=hjortronmyr")
        expect(tab.locator(".search-results li > a")).to_have_count(1, timeout=15000)
    assert errors == []
