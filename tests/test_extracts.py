"""Issue #16, point 5: extracts (protokollsutdrag). Every published item opens as an
extract of its meeting's page at a stable URL ('#utdrag-p2'), with no file of its own: the
page shows and prints that item alone with the meeting's heading facts, its decision, votes
and reservations, the justering facts and ``certified_by`` (utdragsbestyrkande), on one A4
page for a short item; the case page links each item's extract; a document with
``extract: true`` says it is an extract and of what."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser

from generator.build.pipeline import BuildOptions, build

from conftest import SiteFactory

KS = """\
---
body: Kommunstyrelsen
date: 2024-05-14
start: "18:00"
location: Stadshuset
status: adjusted
chair: Eva Hellstrand (C)
adjusters: [Anna Ek (S), Bo Lund (M)]
adjusted: 2024-05-16
posted: 2024-05-17
certified_by: [Kristina Lännergren]
attendees: [Eva Hellstrand (C), Anna Ek (S), Bo Lund (M)]
---
## § 1 Mötets öppnande

Ordföranden öppnar mötet. Qzxförst.

## § 2 Budget 2025 {case="KS 2024/12"}

Kommunstyrelsen har att ta ställning till budgeten.

::: motion Bo Lund (M)
Avslag.
:::

```vote
question: Bifall mot avslag
votes:
  Eva Hellstrand (C): Ja
  Anna Ek (S): Ja
  Bo Lund (M): Nej
```

::: decision
Budgeten fastställs.
:::

::: reservation Bo Lund (M)
Mot beslutet.
:::

## § 3 Sekretess {confidential=true}

Qzxhemligt.

## § 4 Mötets avslutande

Ordföranden avslutar mötet. Qzxsist.
"""

EXTRACT = """\
---
body: Kommunstyrelsen
date: 2024-06-11
extract: true
certified_by: Kristina Lännergren
---
## § 31 Motion om cykelvägar {case="KS 2024/30"}

::: decision
Motionen bifalls.
:::

## § 32 Taxor

::: decision
Taxorna fastställs.
:::
"""


@pytest.fixture
def ks_site(tmp_site: SiteFactory) -> Path:
    root = tmp_site(
        {
            "content/ks/2024/2024-05-14.md": KS,
            "content/ks/2024/2024-06-11.md": EXTRACT,
        }
    )
    build(BuildOptions(source=root, output=root / "_site", search=False, today=date(2024, 5, 20)))
    return root / "_site"


@pytest.fixture
def ks_url(ks_site: Path) -> Iterator[str]:
    from browser import serve

    with serve(ks_site) as url:
        yield url


def _main(out: Path, path: str) -> str:
    text = (out / path / "index.html").read_text()
    return text[text.index("<main") : text.index("</main>")]


def test_each_published_item_links_its_extract_at_a_stable_url_without_a_file(
    ks_site: Path,
) -> None:
    html = _main(ks_site, "kommunstyrelsen/2024-05-14")
    for n in (1, 2, 4):
        assert f'<section class="item" id="utdrag-p{n}" aria-labelledby="p{n}">' in html
        assert f'href="#utdrag-p{n}" data-pagefind-ignore>Protokollsutdrag</a>' in html
    assert 'href="#utdrag-p3"' not in html and 'id="utdrag-p3"' not in html  # confidential
    assert not [p for p in ks_site.rglob("*") if "utdrag" in p.as_posix()]  # no file per item


class _Items(HTMLParser):
    """Each item's section of a meeting page: its id, what labels it, the headings and links
    in it in document order (a link with its attributes and text)."""

    def __init__(self) -> None:
        super().__init__()
        self.items: list[dict[str, Any]] = []
        self.depth = 0  # sections open inside the current item's, itself included
        self.text: list[str] | None = None  # of the link being read

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if not self.depth:
            if tag == "section" and "item" in (found.get("class") or "").split():
                self.depth = 1
                self.items.append({"section": found, "parts": []})
            return
        self.depth += tag == "section"
        parts = self.items[-1]["parts"]
        if not parts:
            parts.append(("first", tag, found))
        if re.fullmatch(r"h[1-6]", tag):
            parts.append(("heading", tag, found))
        if tag == "a":
            self.text = []
            parts.append(("link", self.text, found))

    def handle_endtag(self, tag: str) -> None:
        if self.depth:
            self.depth -= tag == "section"
            if tag == "a":
                self.text = None

    def handle_data(self, data: str) -> None:
        if self.text is not None:
            self.text.append(data)


def _extract_links(html: str) -> list[tuple[dict[str, str | None], Any]]:
    """(the item's section's attributes, its extract link's (text, attributes) or None) for
    each item of a meeting page; the link checked to have its item's heading as context."""
    parser = _Items()
    parser.feed(html)
    found = []
    for item in parser.items:
        section, parts = item["section"], item["parts"]
        (_, first, heading), *rest = parts
        assert first == "h2" and heading["id"] == section["aria-labelledby"], section
        links = [i for i, (kind, _, attrs) in enumerate(rest) if kind == "link"]
        if section.get("id") is None:
            assert not any(a.get("href", "").startswith("#utdrag-") for _, _, a in rest)
            found.append((section, None))
            continue
        mine = [i for i in links if rest[i][2].get("href") == f"#{section['id']}"]
        assert len(mine) == 1, section  # one extract link, inside its item
        at = mine[0]
        # nothing but the item's own h2 heads it: no heading before it but that h2 (H80),
        # and no link before it but the case number's
        assert [k for k, _, _ in rest[:at]].count("heading") == 1, section
        assert all(rest[i][2].get("href", "").startswith("/") for i in links if i < at)
        found.append((section, ("".join(rest[at][1]), rest[at][2])))
    return found


def test_each_items_extract_link_is_named_by_its_items_heading(ks_site: Path) -> None:
    """The link says only 'Protokollsutdrag' (WCAG 2.4.4 through H80): the item's h2 right
    before it, in a section labelled by that h2, says which item; search skips it."""
    html = _main(ks_site, "kommunstyrelsen/2024-05-14")
    items = _extract_links(html)
    assert [s["aria-labelledby"] for s, _ in items] == ["p1", "p2", "p3", "p4"]
    assert [link is not None for _, link in items] == [True, True, False, True]  # § 3: secret
    for section, link in items:
        if link is not None:
            text, attrs = link
            assert text == "Protokollsutdrag" and "data-pagefind-ignore" in attrs, attrs
            assert section["id"] == "utdrag-" + section["aria-labelledby"]


def test_every_item_of_the_example_site_has_its_extract_link(example_site: Path) -> None:
    pages = [p for p in example_site.rglob("index.html") if re.search(r"/\d{4}-\d\d-\d\d", str(p))]
    counted = 0
    for path in pages:
        html = path.read_text()
        for section, link in _extract_links(html[html.index("<main") :]):
            assert (link is None) == (section.get("id") is None), (path, section)
            counted += link is not None
    assert len(pages) >= 4 and counted > 20


def test_a_case_page_links_each_handlings_extract(tmp_site: SiteFactory) -> None:
    """A case number handled three times has a page (the output budget, #15); it links each
    handling's extract."""
    handling = "---\nbody: Kommunstyrelsen\ndate: 2024-{day}\n---\n" + (
        '## § {n} Budget 2025 {{case="KS 2024/12"}}\n\n::: decision\nBifall.\n:::\n'
    )
    days = {"03-12": 1, "04-09": 5, "05-14": 9}
    root = tmp_site(
        {f"content/ks/2024/2024-{d}.md": handling.format(day=d, n=n) for d, n in days.items()}
    )
    build(BuildOptions(source=root, output=root / "_site", search=False, today=date(2024, 6, 1)))
    case = _main(root / "_site", "arenden/ks-2024-12")
    for d, n in days.items():
        assert f'href="/kommunstyrelsen/2024-{d}/#utdrag-p{n}"' in case


def test_a_document_marked_extract_says_it_is_one_and_of_what(ks_site: Path) -> None:
    html = _main(ks_site, "kommunstyrelsen/2024-06-11")
    assert (
        '<p class="extract-of">Det här är ett protokollsutdrag ur protokollet från '
        "Kommunstyrelsen 11 juni 2024: § 31, § 32.</p>"
    ) in html
    assert "<dt>Utdragsbestyrkande</dt>" in html and "Kristina Lännergren" in html
    whole = _main(ks_site, "kommunstyrelsen/2024-05-14")
    assert "extract-of" not in whole  # the whole minutes do not say so


def _pdf_text(browser: Browser, url: str, pdf: Path) -> tuple[int, str]:
    from pypdf import PdfReader

    page = browser.new_page()
    page.goto(url)
    page.pdf(path=str(pdf), format="A4")
    page.close()
    reader = PdfReader(pdf)
    text = " ".join(p.extract_text() or "" for p in reader.pages)
    return len(reader.pages), re.sub(r"\s+", " ", text)


@pytest.mark.browser
def test_an_extract_prints_its_item_alone_with_the_facts_on_one_a4_page(
    browser: Browser, ks_url: str, tmp_path: Path
) -> None:
    pages, text = _pdf_text(
        browser, ks_url + "/kommunstyrelsen/2024-05-14/#utdrag-p2", tmp_path / "x.pdf"
    )
    assert pages == 1
    for kept in (
        "Protokollsutdrag",
        "Kommunstyrelsen 2024-05-14",  # the heading
        "14 maj 2024",
        "Stadshuset",
        "Eva Hellstrand (C)",  # the chair
        "§ 2 Budget 2025",
        "Avslag.",  # the motion
        "Bifall mot avslag",  # the vote
        "Budgeten fastställs.",  # the decision
        "Mot beslutet.",  # the reservation
        "Anna Ek (S), Bo Lund (M)",  # the adjusters
        "Justerat 16 maj 2024",
        "Utdragsbestyrkande Kristina Lännergren",
    ):
        assert kept in text, kept
    for left_out in ("Qzxförst", "Qzxsist", "Mötets öppnande", "Ärendelista", "Sök i protokollen"):
        assert left_out not in text, left_out
    # the whole minutes print whole, without the extract's own parts
    _, whole = _pdf_text(browser, ks_url + "/kommunstyrelsen/2024-05-14/", tmp_path / "w.pdf")
    assert "Qzxförst" in whole and "Qzxsist" in whole and "Budgeten fastställs." in whole
    assert "Utdragsbestyrkande" not in whole and "Protokollsutdrag" not in whole


@pytest.mark.browser
def test_an_extract_on_screen_shows_its_item_alone_and_a_way_back(
    browser: Browser, ks_url: str
) -> None:
    page = browser.new_page()
    page.goto(ks_url + "/kommunstyrelsen/2024-05-14/")
    assert page.locator("#utdrag-p1").is_visible() and page.locator("#utdrag-p4").is_visible()
    assert not page.locator(".extract-banner").is_visible()
    page.locator('a[href="#utdrag-p2"]').click()  # the link on the item, no script
    assert page.url.endswith("#utdrag-p2")
    assert page.locator("#utdrag-p2").is_visible()
    assert not page.locator("#utdrag-p1").is_visible()
    assert not page.locator("#utdrag-p4").is_visible()
    assert not page.locator(".attendance").is_visible()
    assert page.locator(".extract-banner").is_visible()
    assert page.locator(".extract-facts").is_visible()
    page.get_by_role("link", name="Visa hela protokollet").click()
    page.wait_for_url(re.compile(r"/2024-05-14/$"))
    assert page.locator("#utdrag-p1").is_visible()
    page.close()


@pytest.mark.browser
def test_each_extract_link_is_in_a_region_its_heading_names(browser: Browser, ks_url: str) -> None:
    """What a screen reader announces: the link 'Protokollsutdrag' inside the region named
    by the item's heading (its name says no more, and needs to say no more)."""
    page = browser.new_page()
    page.goto(ks_url + "/kommunstyrelsen/2024-05-14/")
    for n, title in ((1, "Mötets öppnande"), (2, "Budget 2025"), (4, "Mötets avslutande")):
        region = page.get_by_role("region", name=f"§ {n} {title}", exact=True)
        link = region.get_by_role("link", name="Protokollsutdrag", exact=True)
        assert link.count() == 1 and link.get_attribute("href") == f"#utdrag-p{n}"
    secret = page.get_by_role("region", name=re.compile(r"^§ 3 "))  # its title is secret
    assert secret.count() == 1 and secret.get_by_role("link").count() == 0
    page.close()
