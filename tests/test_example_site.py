"""Structural tests on the built example site: the four seeds, faithfully."""

from __future__ import annotations

import re
from pathlib import Path

from htmltools import links, page, texts

RS = "region-jamtland-harjedalen/regionstyrelsen/2020-05-26/"
CSG = "region-halland/centrala-samverkansgruppen/2020-11-19/"
PRG = "politisk-referensgrupp-nytt-hos-avtal/2025-01-09/"
UPP = "vastra-gotalandsregionen/samordningsgrupp-vardinformationsmiljo/2025-08-12/"


def test_item_counts_per_meeting(example_site: Path) -> None:
    counts = {
        path: len(texts(page(example_site, path), "section", "item"))
        for path in (RS, CSG, PRG, UPP)
    }
    assert counts == {RS: 1, CSG: 8, PRG: 4, UPP: 8}


def test_agenda_is_a_linked_list_of_anchors(example_site: Path) -> None:
    html = page(example_site, CSG)
    start = html.index('<nav class="agenda"')
    agenda = html[start : html.index("</nav>", start)]
    assert links(agenda) == [f"#p{n}" for n in range(115, 123)]
    assert '<h2 id="p121">121. Beslutsärende - Organisatorisk' in html


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
    assert decisions == [
        "Beslut Regiondirektören får i uppdrag att utreda förutsättningarna att "
        "tillhandahålla en teknisk lösning till regionens medarbetare för att "
        "driva på den digitala utvecklingen i regionen."
    ]


def test_records_rendered_with_labels(example_site: Path) -> None:
    html = page(example_site, RS)
    labels = texts(html, "p", "record-label")
    assert labels == [
        "Förslag till beslut",
        "Yrkande: Robert Hamberg (M)",
        "Yrkande: Jonas Andersson (S)",
        "Yrkande: Lennart Ledin (L)",
        "Bifall: Bengt Bergqvist (S)",  # yrkar bifall till ett yrkande: a support
        "Expedieras till",
    ]


def test_vote_is_its_result_alone_with_a_note(example_site: Path) -> None:
    """The seed's voteringslista lost which column each X stood in: the tally is published,
    no member's vote, and the page says why."""
    html = page(example_site, RS)
    assert 'class="ballots"' not in html
    (table,) = [t for t in html.split("<table")[1:] if 'class="tally"' in t]
    assert "<caption>Omröstning: Omröstning mellan Robert Hambergs (M) yrkande" in table
    assert texts("<table" + table, "tbody")[0] == "Ja 9 Nej 6 Avstår 0"
    note = texts(html, "section", "editor-note")[0]
    assert note.startswith("Anmärkning om underlaget Voteringslistan i underlaget anger")
    assert "inte hur var och en röstade" in note
    assert texts(html, "section", "attendance")[0].startswith(
        "Voteringslista: §89 Anton Nordqvist (MP), Ledamot"
    )


def test_an_unpublished_handling_is_named_beside_the_case_number(example_site: Path) -> None:
    """Hälso- och sjukvårdsnämnden's § 45 is only mentioned in the board's § 89: with one
    handling and a mention, the case needs no page of its own (the issue's budget: most
    case numbers are handled once or twice); the item names the mention beside the number,
    kept out of the search index, and no page of that meeting exists."""
    html = page(example_site, RS)
    (case,) = texts(html, "p", "case")
    assert case == (
        "Diarienummer: RS/412/2020 (se även Hälso- och sjukvårdsnämnden, 14 maj 2020, § 45: "
        "protokollet publiceras inte här)"
    )
    assert '<span class="also" data-pagefind-ignore>' in html
    assert not (example_site / "arenden").exists()
    assert not (example_site / "region-jamtland-harjedalen/halso-och-sjukvardsnamnden").exists()


def test_a_case_handled_once_has_no_page_and_no_link(example_site: Path) -> None:
    facts = texts(page(example_site, UPP), "dl", "facts")[0]
    assert "RS 2024-05699" in facts
    assert not any("arenden" in href for href in links(page(example_site, UPP)))


def test_links_between_content_files_point_at_pages(example_site: Path) -> None:
    assert all(".md" not in href for href in links(page(example_site, "om/")))


def decision_lines(html: str) -> list[str]:
    """The decisions index's entries: a line per decision, under its meeting."""
    index = html.split('<ol class="decisions">')[1].split("</ol>")[0]
    return [texts(li, "li")[0] for li in re.findall(r"<li><a .*?</li>", index)]


def test_decisions_index(example_site: Path) -> None:
    """A line per decision: its item (linked), case number and first sentence, under its
    meeting named once; the decision in full is on the meeting page."""
    html = page(example_site, "beslut/2020/")
    (line,) = decision_lines(html)
    assert line == (
        "§ 89 Digitala hjälpmedel för regionens medarbetare (RS/412/2020): Regiondirektören får "
        "i uppdrag att utreda förutsättningarna att tillhandahålla en teknisk lösning till…"
    )
    assert texts(html, "p", "where") == ["Regionstyrelsen, 26 maj 2020"]
    assert f"/{RS}#p89" in links(html)
    latest = page(example_site, "beslut/")
    assert len(decision_lines(latest)) == 2
    assert texts(latest, "p", "where") == ["Politisk referensgrupp, nytt HoS-avtal, 9 januari 2025"]


def test_body_and_year_archives(example_site: Path) -> None:
    body = page(example_site, "region-jamtland-harjedalen/regionstyrelsen/")
    assert '<h2 id="y2020">2020</h2>' in body and f"/{RS}" in links(body)
    year = page(example_site, "arkiv/2020/")
    assert {f"/{RS}", f"/{CSG}"} <= set(links(year))
    assert f"/{PRG}" not in links(year)


def test_home_lists_latest_meetings_and_bodies(example_site: Path) -> None:
    html = page(example_site, "")
    hrefs = links(html)
    assert hrefs.index(f"/{UPP}") < hrefs.index(f"/{PRG}") < hrefs.index(f"/{RS}")
    assert len(texts(html, "ul", "bodies")[0].split("sammanträden")) == 5  # four bodies


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


def test_decisions_the_memo_states_are_marked(example_site: Path) -> None:
    entries = decision_lines(page(example_site, "beslut/2025/"))
    assert len(entries) == 2
    assert entries[0].endswith(": Föregående mötesanteckningar godkändes")
    assert "Enades om att ett förslag till tilläggsuppdrag" in entries[1]


def test_people_under_the_sources_own_labels(example_site: Path) -> None:
    memo = page(example_site, PRG)
    assert (
        '<dt>Vid anteckningar</dt><dd><a href="/personer/kristina-lannergren/">Kristina '
        'Lännergren</a>, <a href="/personer/ann-sofie-rundberg/">Ann-Sofie Rundberg</a></dd>'
    ) in memo
    assert '<h2 id="attendance">Deltagare</h2>' in memo
    assert "<h3>Tjänstepersoner</h3>" in memo and "<h3>Var förhindrad</h3>" in memo
    assert "Sekreterare" not in memo and "Övriga närvarande" not in memo
    commission = page(example_site, UPP)
    assert "Ordförande" not in commission and 'class="attendance"' not in commission
    assert "<strong>Uppdragsgivare:</strong> Anders Kullbratt och Per Albertsson" in commission
    assert "Beslutfattare Samordningsgrupp för vårdinformativmiljö" in commission
    protocol = page(example_site, CSG)
    assert (
        '<dt>Ordförande</dt><dd><a href="/personer/cristine-karlsson/">Cristine Karlsson</a></dd>'
    ) in protocol
    assert "Justerare" not in protocol and 'class="attendance"' not in protocol


def test_a_date_the_source_lacks_is_shown_with_its_note_wherever_it_is_shown(
    example_site: Path,
) -> None:
    note = ' <span class="date-note">(datum saknas i underlaget, uppskattat utifrån texten)</span>'
    day = '<time datetime="2020-11-19">19 november 2020</time>'
    for path in (CSG, "region-halland/centrala-samverkansgruppen/", "arkiv/2020/", ""):
        html = page(example_site, path)
        assert html.count(day) >= 1, path
        assert html.count(day) == html.count(day + "</a>" + note) + html.count(day + note), path
    html = page(example_site, CSG)
    assert "<h1" in html and "2020-11-19</h1>" not in html  # not in the title either
    assert texts(html, "section", "editor-note")[0].startswith(
        "Anmärkning om underlaget Underlaget börjar på sidan 2"
    )


def test_paragraph_breaks_of_the_source_are_kept(example_site: Path) -> None:
    item = texts(page(example_site, CSG), "section", "item")[7]
    assert "arbetas med. Lennart Johansson" in item
    assert "<p>Lennart Johansson, Vision, frågade hur hantering av gravida" in page(
        example_site, CSG
    )


def test_no_revision_list_from_this_repositorys_commits(example_site: Path) -> None:
    for path in (RS, CSG, PRG, UPP):
        assert 'class="history"' not in page(example_site, path)


def test_about_page_counts_the_documents_there_are(example_site: Path) -> None:
    assert "Innehållet är fyra verkliga dokument" in page(example_site, "om/")
    meetings = [
        p
        for p in example_site.rglob("index.html")
        if re.search(r"/\d{4}-\d{2}-\d{2}/index.html$", p.as_posix())
    ]
    assert len(meetings) == 4
