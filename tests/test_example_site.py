"""Structural tests on the built example site: the four seeds, faithfully."""

from __future__ import annotations

from pathlib import Path

from htmltools import links, page, texts

RS = "region-jamtland-harjedalen/regionstyrelsen/2020-05-26/"
HSN = "region-jamtland-harjedalen/halso-och-sjukvardsnamnden/2020-05-14/"
CSG = "region-halland/centrala-samverkansgruppen/2020-11-19/"
PRG = "politisk-referensgrupp-nytt-hos-avtal/2025-01-09/"
UPP = "vastra-gotalandsregionen/samordningsgrupp-vardinformationsmiljo/2025-08-12/"


def test_item_counts_per_meeting(example_site: Path) -> None:
    counts = {path: len(texts(page(example_site, path), "section", "item"))
              for path in (RS, HSN, CSG, PRG, UPP)}
    assert counts == {RS: 1, HSN: 1, CSG: 8, PRG: 4, UPP: 8}


def test_agenda_is_a_linked_list_of_anchors(example_site: Path) -> None:
    html = page(example_site, CSG)
    start = html.index('<nav class="agenda"')
    agenda = html[start : html.index("</nav>", start)]
    assert links(agenda) == [f"#p{n}" for n in range(115, 123)]
    assert '<h2 id="p121"><span class="num">121.</span> Beslutsärende - Organisatorisk' in html


def test_meeting_metadata(example_site: Path) -> None:
    html = page(example_site, PRG)
    facts = texts(html, "dl", "facts")[0]
    assert "9 januari 2025" in facts and "08:30\u201309:30" in facts and "Teams" in facts
    assert "Kristina Lännergren, Ann-Sofie Rundberg" in facts
    people = texts(html, "ul", "people")
    assert "Marina Johansson, Göteborgsregionen" in people[0]
    assert "Kristina Lännergren, Västkom" in people[1]
    assert "Dan Nyberg, Fyrbodalsregionen" in people[2]


def test_decision_marked_on_meeting_page(example_site: Path) -> None:
    decisions = texts(page(example_site, RS), "div", "decision")
    assert decisions == ["Beslut Regiondirektören får i uppdrag att utreda förutsättningarna att "
                         "tillhandahålla en teknisk lösning till regionens medarbetare för att "
                         "driva på den digitala utvecklingen i regionen."]


def test_records_rendered_with_labels(example_site: Path) -> None:
    html = page(example_site, RS)
    labels = texts(html, "p", "record-label")
    assert labels == ["Förslag till beslut", "Yrkande: Robert Hamberg (M)",
                      "Yrkande: Jonas Andersson (S)", "Yrkande: Lennart Ledin (L)",
                      "Yrkande: Bengt Bergqvist (S)", "Expedieras till"]


def test_vote_table_with_caption_and_tally(example_site: Path) -> None:
    html = page(example_site, RS)
    (table,) = [t for t in html.split("<table")[1:] if 'class="ballots"' in t]
    assert "<caption>Omröstning: Omröstning mellan Robert Hambergs (M) yrkande" in table
    assert table.count('<th scope="row">') == 15 + 3
    tally = texts("<table" + table, "tfoot")[0]
    assert tally == "Resultat: Ja 9 Resultat: Nej 6 Resultat: Avstår 0"
    assert '<tr><th scope="row">Martine Eng (S)</th><td>Nej</td></tr>' in table


def test_case_page_follows_the_matter_across_bodies(example_site: Path) -> None:
    html = page(example_site, "arenden/rs-412-2020/")
    assert "<h1>Ärende RS/412/2020</h1>" in html
    hrefs = links(html)
    assert f"/{HSN}#p45" in hrefs and f"/{RS}#p89" in hrefs
    assert hrefs.index(f"/{HSN}#p45") < hrefs.index(f"/{RS}#p89")  # oldest first
    assert "Hälso- och sjukvårdsnämnden, Regionstyrelsen" in html
    assert 'href="/arenden/rs-412-2020/">RS/412/2020</a>' in page(example_site, RS)


def test_meeting_level_case_is_listed_on_its_case_page(example_site: Path) -> None:
    html = page(example_site, "arenden/rs-2024-05699/")
    assert f"/{UPP}" in links(html)


def test_links_between_content_files_point_at_pages(example_site: Path) -> None:
    assert f"/{HSN}#p45" in links(page(example_site, RS))
    assert f"/{RS}#p89" in links(page(example_site, HSN))
    assert all(".md" not in href for href in links(page(example_site, "om/")))


def test_decisions_index(example_site: Path) -> None:
    html = page(example_site, "beslut/2020/")
    entries = texts(html, "li", "decision-entry")
    assert len(entries) == 1
    assert "Regionstyrelsen, 26 maj 2020, § 89" in entries[0]
    assert "teknisk lösning" in entries[0]
    assert f"/{RS}#p89" in links(html)
    latest = texts(page(example_site, "beslut/"), "li", "decision-entry")
    assert len(latest) == 1 and "teknisk lösning" in latest[0]


def test_body_and_year_archives(example_site: Path) -> None:
    body = page(example_site, "region-jamtland-harjedalen/regionstyrelsen/")
    assert '<h2 id="y2020">2020</h2>' in body and f"/{RS}" in links(body)
    year = page(example_site, "arkiv/2020/")
    assert {f"/{RS}", f"/{HSN}", f"/{CSG}"} <= set(links(year))
    assert f"/{PRG}" not in links(year)


def test_home_lists_latest_meetings_and_bodies(example_site: Path) -> None:
    html = page(example_site, "")
    hrefs = links(html)
    assert hrefs.index(f"/{UPP}") < hrefs.index(f"/{PRG}") < hrefs.index(f"/{RS}")
    assert len(texts(html, "ul", "bodies")[0].split("sammanträden")) == 6  # five bodies


def test_plain_page_and_404(example_site: Path) -> None:
    assert "<h1>Om webbplatsen</h1>" in page(example_site, "om/")
    assert "Sidan finns inte" in (example_site / "404.html").read_text()


def test_swedish_ui_and_lang(example_site: Path) -> None:
    html = page(example_site, RS)
    assert html.startswith('<!DOCTYPE html>\n<html lang="sv">')
    assert "Ärendelista" in html and "Hoppa till innehållet" in html


def test_every_internal_link_resolves(example_site: Path) -> None:
    for file in example_site.rglob("*.html"):
        for href in links(file.read_text()):
            if href.startswith(("http", "mailto:", "#")) or href.startswith("/pagefind/"):
                continue
            path = href.split("#")[0]
            target = example_site / path.lstrip("/")
            assert target.is_file() or (target / "index.html").is_file(), (file, href)
