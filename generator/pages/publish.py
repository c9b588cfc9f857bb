"""Machine-readable outputs: Atom feeds, iCalendar files, sitemap.xml and robots.txt.

Built with feedgen and icalendar, never string templates; every timestamp comes from the
content (meeting, adjustment and posting dates), never from the build machine's clock.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from urllib.parse import urlsplit
from xml.etree import ElementTree
from zoneinfo import ZoneInfo

from feedgen.feed import FeedGenerator
from icalendar import Calendar, Event

from ..content.config import SiteConfig
from ..content.model import Meeting
from ..site.derive import Site
from ..site.notices import Notice
from .i18n import format_date, strings

FEED_ENTRIES = 50  # the site's feed; a body's holds BODY_FEED_ENTRIES
BODY_FEED_ENTRIES = 20


def absolute(config: SiteConfig, path: str) -> str:
    """The full URL of a site path (just the path when base_url has no host)."""
    parts = urlsplit(config.base_url)
    origin = f"{parts.scheme}://{parts.netloc}" if parts.netloc else ""
    return origin + config.base_path + path


def _midnight(day: dt.date) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC)


def _published(meeting: Meeting) -> dt.date:
    """When the minutes became public: posted, else adjusted, else the meeting day."""
    return meeting.posted or meeting.adjusted or meeting.date


def _agenda(meeting: Meeting, items: bool = True) -> str:
    """The item titles (with ``items``), after the note on the date when the source does
    not give it."""
    titles = [" ".join(p for p in (i.label, i.title) if p) for i in meeting.items] if items else []
    return "\n".join(([f"({meeting.date_note})"] if meeting.date_note else []) + titles)


def _announcement(config: SiteConfig, notice: Notice) -> str:
    """What an announcement says: the meeting's day, time and place, then its items."""
    m, t = notice.meeting, strings(config.language)
    when = format_date(m.date, config.language) + (f", {m.start}" if m.start else "")
    facts = [f"{t['meeting']}: {when}"] + ([f"{t['place']}: {m.location}"] if m.location else [])
    return "\n".join([*facts, _agenda(m)]).strip()


def atom_feed(
    config: SiteConfig,
    site: Site,
    meetings: Sequence[Meeting],
    path: str,
    title: str,
    announcements: Sequence[Notice] = (),
    entries: int = FEED_ENTRIES,
) -> bytes:
    """An Atom feed of the ``entries`` newest published minutes among ``meetings``, and of
    the announcements (kungörelser) of meetings up on the notice board, by the day each went
    up."""
    held = [m for m in meetings if m.status in ("published", "adjusted")]
    items: list[tuple[dt.date, dt.date, str, Meeting | Notice]] = [
        (_published(m), m.date, m.source, m) for m in held
    ]
    items += [(n.posted, n.meeting.date, n.meeting.source, n) for n in announcements]
    newest = sorted(items, key=lambda e: e[:3], reverse=True)[:entries]
    feed = FeedGenerator()
    feed.id(absolute(config, path))
    feed.title(title)
    feed.link(href=absolute(config, path), rel="self")
    feed.link(href=absolute(config, ""), rel="alternate")
    feed.language(config.language)
    feed.author({"name": config.organisation or config.title})
    feed.generator("minutes")
    feed.updated(_midnight(newest[0][0] if newest else dt.date(1970, 1, 1)))
    word = strings(config.language)["announcement"]
    for day, _, _, shown in reversed(newest):  # feedgen prepends: add oldest first
        meeting = shown.meeting if isinstance(shown, Notice) else shown
        url = absolute(config, site.paths[meeting.source])
        entry = feed.add_entry()
        if isinstance(shown, Notice):
            entry.id(url + "#announcement")
            entry.title(f"{word}: {meeting.title}")
            entry.published(_midnight(day))
            entry.summary(_announcement(config, shown))
        else:
            entry.id(url)
            entry.title(meeting.title)
            entry.published(_midnight(meeting.date))
            entry.summary(_agenda(meeting) or meeting.title)
        entry.link(href=url)
        entry.updated(_midnight(day))
    return bytes(feed.atom_str(pretty=True))


def calendar(config: SiteConfig, site: Site, meetings: Iterable[Meeting], name: str) -> bytes:
    """An iCalendar file of ``meetings``, planned ones included; UIDs follow the permalink.
    A planned meeting's event lists its agenda; a held one's links its minutes (``url``),
    where the agenda is: the items of every meeting were most of a calendar's bytes."""
    zone = ZoneInfo(config.timezone)
    host = urlsplit(config.base_url).netloc or "minutes.local"
    cal = Calendar()
    cal.add("prodid", "-//minutes//minutes//SV")
    cal.add("version", "2.0")
    cal.add("x-wr-calname", name)
    for meeting in meetings:
        path = site.paths[meeting.source]
        event = Event()
        event.add("uid", f"{path.strip('/').replace('/', '-')}@{host}")
        event.add("dtstamp", _midnight(_published(meeting)))
        event.add("summary", meeting.title)
        last = meeting.end_date or meeting.date
        if meeting.start:
            hour, minute = map(int, meeting.start.split(":"))
            event.add(
                "dtstart", dt.datetime.combine(meeting.date, dt.time(hour, minute), tzinfo=zone)
            )
            if meeting.ends:
                day, time = meeting.ends
                hour, minute = map(int, time.split(":"))
                event.add("dtend", dt.datetime.combine(day, dt.time(hour, minute), tzinfo=zone))
        else:
            event.add("dtstart", meeting.date)
            event.add("dtend", last + dt.timedelta(days=1))
        if meeting.location:
            event.add("location", meeting.location)
        event.add("url", absolute(config, path))
        event.add("status", "TENTATIVE" if meeting.status == "planned" else "CONFIRMED")
        planned = meeting.status == "planned"
        if (planned and meeting.items) or meeting.date_note:
            event.add("description", _agenda(meeting, items=planned))
        cal.add_component(event)
    cal.add_missing_timezones()
    return b"".join(fold(line) + b"\r\n" for line in cal.content_lines() if line)


FOLD_AT = 74  # octets a content line holds before it is folded (RFC 5545: 75 with the break)


def fold(line: str) -> bytes:
    """A content line folded as icalendar's own ``to_ical`` folds it, byte for byte: runs of
    at most 74 octets, never inside a character or after an escaping backslash or caret
    (RFC 6868). icalendar looks at every character in Python, which made the calendars
    a build's slowest pages (66 ms each at 1,000 meetings: their agendas are long lines)."""
    data = line.encode()
    if len(data) <= FOLD_AT:
        return data
    runs = []
    start = 0
    while len(data) - start > FOLD_AT:
        end = start + FOLD_AT
        while data[end] & 0xC0 == 0x80:  # inside a character: fold before it
            end -= 1
        if end - start > 1 and data[end - 1] in b"\\^":
            end -= 1
        runs.append(data[start:end])
        start = end
    runs.append(data[start:])
    return b"\r\n ".join(runs)


def sitemap(config: SiteConfig, paths: Iterable[str]) -> bytes:
    """sitemap.xml of every page."""
    urlset = ElementTree.Element("urlset", xmlns="http://www.sitemaps.org/schemas/sitemap/0.9")
    for path in sorted(paths):
        ElementTree.SubElement(ElementTree.SubElement(urlset, "url"), "loc").text = absolute(
            config, path
        )
    ElementTree.indent(urlset)
    xml: bytes = ElementTree.tostring(urlset, encoding="UTF-8", xml_declaration=True)
    return xml + b"\n"


def robots(config: SiteConfig) -> bytes:
    """robots.txt: everything may be crawled; where the sitemap is."""
    return f"User-agent: *\nAllow: /\nSitemap: {absolute(config, 'sitemap.xml')}\n".encode()
