"""Publishing like a public body: notice board, Atom feeds, iCalendar, sitemap, robots.txt."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path
from xml.etree import ElementTree

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from icalendar import Calendar

from generator.build.pipeline import BuildOptions, build

from conftest import SiteFactory
from htmltools import links, page, texts

ATOM = "{http://www.w3.org/2005/Atom}"


def adjusted(day: str, posted: str, body: str = "Kommunstyrelsen") -> str:
    return (
        f"---\nbody: {body}\ndate: {day}\nstatus: adjusted\nadjusters: [A (S), B (M)]\n"
        f"adjusted: {posted}\nposted: {posted}\nstart: '18:00'\nend: '20:30'\n"
        f"location: Stadshuset\n---\n## § 1 Budget\n\n::: decision\nBifall.\n:::\n"
    )


def site_with_notices(tmp_site: SiteFactory, today: date) -> Path:
    root = tmp_site(
        {
            "content/ks/a.md": adjusted("2024-04-02", "2024-04-05"),  # down 2024-04-26
            "content/ks/b.md": adjusted("2024-05-02", "2024-05-06"),  # up until 2024-05-27
            "content/ks/c.md": adjusted("2024-05-20", "2024-05-27"),  # up until 2024-06-17
            "content/sn/d.md": adjusted("2024-05-21", "2024-05-24", "Socialnämnden"),
            "content/ks/e.md": "---\nbody: Kommunstyrelsen\ndate: 2024-06-20\nstatus: planned\n"
            "start: '18:00'\n---\n## § 1 Budget\n",
        },
        toml='title = "Kommunen"\nbase_url = "https://kommun.se/protokoll/"\n'
        'notice_place = "Kommunkansliet, Stadshuset"\n',
    )
    build(BuildOptions(source=root, output=root / "_site", today=today, search=False))
    return root / "_site"


def test_notice_board_lists_notices_up_today(tmp_site: SiteFactory) -> None:
    out = site_with_notices(tmp_site, date(2024, 5, 27))
    html = page(out, "anslagstavla/")
    current = texts(html, "section")[0]
    assert "Kommunstyrelsen, 20 maj 2024" in current  # posted today
    assert "Kommunstyrelsen, 2 maj 2024" in current  # last day (posted + 21)
    assert "Socialnämnden, 21 maj 2024" in current
    assert "2 april 2024" not in current
    entry = next(t for t in texts(html, "li", "notice-entry") if "2 maj 2024" in t)
    for fact in (
        "Justerat 6 maj 2024",
        "Anslaget 6 maj 2024",
        "Anslaget tas ned 27 maj 2024",
        "Sista dag att överklaga 27 maj 2024",
        "Förvaringsplats för protokollet Kommunkansliet, Stadshuset",
    ):
        assert fact in entry
    assert "laglighetsprövning" in texts(html, "p", "appeal")[0]
    past = texts(html, "section")[2]
    assert "Kommunstyrelsen, 2 april 2024" in past
    assert "/protokoll/anslagstavla/" in links(page(out, ""))


def test_notice_board_lists_the_newest_earlier_notices_and_links_the_archive(
    tmp_site: SiteFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """At archive scale the board would list every notice ever taken down (19 MB at 100k
    meetings): it keeps the newest and points to the archive for the rest."""
    import generator.site.notices

    monkeypatch.setattr(generator.site.notices, "PAST_NOTICES", 1)
    out = site_with_notices(tmp_site, date(2024, 6, 30))
    html = page(out, "anslagstavla/")
    past = texts(html, "section")[2]
    assert "Kommunstyrelsen, 20 maj 2024" in past  # taken down last
    assert "2 april 2024" not in past and "2 maj 2024" not in past
    assert "Äldre protokoll finns i arkivet." in past
    assert "/protokoll/arkiv/" in links(html)


def test_notice_board_follows_the_build_date(tmp_site: SiteFactory) -> None:
    out = site_with_notices(tmp_site, date(2024, 5, 28))
    current = texts(page(out, "anslagstavla/"), "section")[0]
    assert "2 maj 2024" not in current and "20 maj 2024" in current


def test_appeal_text_is_settable(tmp_site: SiteFactory) -> None:
    root = tmp_site(
        {"content/a.md": adjusted("2024-05-02", "2024-05-06")},
        toml='title = "T"\nappeal_text = "Egen text om överklagande."\n',
    )
    build(BuildOptions(source=root, output=root / "_site", today=date(2024, 5, 10), search=False))
    assert texts(page(root / "_site", "anslagstavla/"), "p", "appeal") == [
        "Egen text om överklagande."
    ]


def test_atom_feeds_parse_back(tmp_site: SiteFactory) -> None:
    out = site_with_notices(tmp_site, date(2024, 5, 27))
    feed = ElementTree.parse(out / "feed.xml").getroot()
    entries = feed.findall(f"{ATOM}entry")
    assert len(entries) == 4  # planned meetings are not minutes
    ids = [e.findtext(f"{ATOM}id") for e in entries]
    assert ids[0] == "https://kommun.se/protokoll/kommunstyrelsen/2024-05-20/"
    assert feed.findtext(f"{ATOM}updated") == "2024-05-27T00:00:00+00:00"
    body_feed = ElementTree.parse(out / "socialnamnden/feed.xml").getroot()
    assert [e.findtext(f"{ATOM}title") for e in body_feed.findall(f"{ATOM}entry")] == [
        "Socialnämnden 2024-05-21"
    ]
    for entry in entries:
        href = entry.find(f"{ATOM}link").get("href")  # type: ignore[union-attr]
        assert (out / href.removeprefix("https://kommun.se/protokoll/") / "index.html").is_file()


def test_calendars_parse_back_with_stable_uids(tmp_site: SiteFactory) -> None:
    out = site_with_notices(tmp_site, date(2024, 5, 27))
    cal = Calendar.from_ical((out / "calendar.ics").read_bytes())
    events = cal.walk("VEVENT")
    assert len(events) == 5  # planned meeting included
    planned = [e for e in events if str(e["status"]) == "TENTATIVE"]
    assert len(planned) == 1
    assert planned[0].decoded("dtstart").isoformat() == "2024-06-20T18:00:00+02:00"
    uids = sorted(str(e["uid"]) for e in events)
    assert "kommunstyrelsen-2024-06-20@kommun.se" in uids
    assert len(set(uids)) == 5
    first = (out / "calendar.ics").read_bytes()
    build(
        BuildOptions(
            source=out.parent, output=out, today=date(2024, 5, 28), search=False, cache=False
        )
    )
    assert (out / "calendar.ics").read_bytes() == first  # nothing of the clock in it
    body = Calendar.from_ical((out / "socialnamnden/calendar.ics").read_bytes())
    assert len(body.walk("VEVENT")) == 1


def test_sitemap_and_robots(tmp_site: SiteFactory) -> None:
    out = site_with_notices(tmp_site, date(2024, 5, 27))
    sitemap = ElementTree.parse(out / "sitemap.xml").getroot()
    locs = [e.text or "" for e in sitemap.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]
    assert "https://kommun.se/protokoll/kommunstyrelsen/2024-05-20/" in locs
    for loc in locs:
        rel = loc.removeprefix("https://kommun.se/protokoll/")
        assert (out / rel / "index.html").is_file(), loc
    assert (out / "robots.txt").read_text() == (
        "User-agent: *\nAllow: /\nSitemap: https://kommun.se/protokoll/sitemap.xml\n"
    )


def test_example_site_feeds_and_calendar(example_site: Path) -> None:
    feed = ElementTree.parse(example_site / "feed.xml").getroot()
    assert len(feed.findall(f"{ATOM}entry")) == 4
    cal = Calendar.from_ical((example_site / "calendar.ics").read_bytes())
    assert len(cal.walk("VEVENT")) == 4
    note = "(datum saknas i underlaget, uppskattat utifrån texten)"
    (guessed,) = [e for e in cal.walk("VEVENT") if e.decoded("dtstart").isoformat() == "2020-11-19"]
    assert str(guessed["description"]) == note  # held: the agenda is on its page (``url``)
    assert str(guessed["url"]).endswith("/2020-11-19/")
    (entry,) = [
        e for e in feed.findall(f"{ATOM}entry") if "Centrala" in (e.findtext(f"{ATOM}title") or "")
    ]
    assert (entry.findtext(f"{ATOM}summary") or "").startswith(note)
    assert "Inga anslag är uppe just nu." in page(example_site, "anslagstavla/")


def test_calendars_hold_the_newest_meetings(
    tmp_site: SiteFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A calendar to subscribe to is bounded (500 meetings by default); the archive is not."""
    import generator.pages.kinds

    monkeypatch.setattr(generator.pages.kinds, "CALENDAR_MEETINGS", 3)
    out = site_with_notices(tmp_site, date(2024, 5, 27))
    events = Calendar.from_ical((out / "calendar.ics").read_bytes()).walk("VEVENT")
    starts = sorted(e.decoded("dtstart").isoformat()[:10] for e in events)
    assert len(events) == 3 and starts[-1] == "2024-06-20"  # the planned meeting stays
    feed = ElementTree.parse(out / "feed.xml").getroot()
    assert len(feed.findall(f"{ATOM}entry")) == 4  # feeds are not cut by this


def test_a_notice_without_a_notice_place_states_none(tmp_site: SiteFactory) -> None:
    """The contract has no default for where the minutes are kept; the notice said the
    organisation's name, a guess, as if the site had said so."""
    root = tmp_site(
        {"content/ks/b.md": adjusted("2024-05-02", "2024-05-06")},
        toml='title = "Kommunen"\norganisation = "Kommunen"\n',
    )
    result = build(BuildOptions(source=root, output=root / "_site", today=date(2024, 5, 7)))
    entry = texts(page(root / "_site", "anslagstavla/"), "li", "notice-entry")[0]
    assert "Anslaget 6 maj 2024" in entry and "Förvaringsplats" not in entry
    assert [(w.path, w.line) for w in result.warnings if "notice_place" in w.message] == [
        ("content/ks/b.md", 4)  # the status line: adjusted minutes without a place
    ]


FOLD_EXAMPLES = int(os.environ.get("MINUTES_FOLD_EXAMPLES", "400"))


@settings(max_examples=FOLD_EXAMPLES, deadline=None)
@given(
    line=st.one_of(
        st.text(
            st.sampled_from(["a", " ", "\\", "^", ",", "å", "€", "😀"]), min_size=60, max_size=300
        ),
        st.text(st.characters(codec="utf-8", blacklist_characters="\r\n"), max_size=300),
    )
)
def test_calendar_lines_fold_as_icalendar_folds_them(line: str) -> None:
    """The calendars fold their lines themselves (icalendar's fold, a Python loop over every
    character, made them the slowest pages of a build): byte for byte as icalendar would,
    never inside a character or after an escaping backslash or caret."""
    from icalendar.parser.string import _foldline

    from generator.pages.publish import fold

    assert fold(line) == _foldline(line).encode()
