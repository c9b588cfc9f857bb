"""What the messages call the things a build writes ('the search page', 'the page of the
meeting …'): phrases told inside other messages (two claims on one address), in the same
language as the message around them. Not messages of their own, so not in the guide's list."""

from __future__ import annotations

from .message import Message


def _name(en: str, sv: str, **example: object) -> Message:
    return Message(en=en, sv=sv, fix_en="", fix_sv="", example=example, where="")


class Names:
    """The phrases naming what a build writes."""

    PREFIX = "name-"

    MEETING_PAGE = _name(
        "the page of the meeting {source}",
        "sidan för sammanträdet {source}",
        source="content/kommunstyrelsen/2025/2025-03-11.md",
    )
    BODY_PAGE = _name("the page of the body {name}", "organets sida {name}", name="Kommunstyrelsen")
    YEAR_ARCHIVE = _name("the archive of {year}", "arkivet för {year}", year="2025")
    DECISIONS_INDEX = _name("the decisions index", "beslutsregistret")
    CASE_PAGE = _name("the page of the case {case}", "ärendets sida {case}", case="KS/2025:14")
    PEOPLE_LIST = _name("the list of people", "personlistan")
    PERSON_PAGE = _name("the page of {person}", "personsidan för {person}", person="Anna Ek (S)")
    PAGE = _name("the page {source}", "sidan {source}", source="content/pages/om.md")
    SITE_FEED = _name("the site-wide Atom feed", "webbplatsens Atom-flöde")
    FEED = _name("the Atom feed of {title}", "Atom-flödet för {title}", title="Kommunstyrelsen")
    SITE_CALENDAR = _name("the site-wide calendar", "webbplatsens kalender")
    CALENDAR = _name("the calendar of {title}", "kalendern för {title}", title="Kommunstyrelsen")
    SITEMAP = _name("the sitemap", "webbplatskartan")
    HOME_PAGE = _name("the home page", "startsidan")
    ARCHIVE = _name("the archive", "arkivet")
    SEARCH_PAGE = _name("the search page", "söksidan")
    NOTICE_BOARD = _name("the notice board", "anslagstavlan")
    ACCESSIBILITY = _name("the accessibility statement", "tillgänglighetsredogörelsen")
    OPEN_DATA_PAGE = _name("the page about open data", "sidan om öppna data")
    NOT_FOUND_PAGE = _name(
        "the page shown for an address that does not exist",
        "sidan som visas för en adress som inte finns",
    )
    ROBOTS = _name("robots.txt", "robots.txt")
    OPEN_DATA_FILE = _name("a file of the open data export", "en fil i den öppna datan")
    OUTPUT_MARKER = _name("the output marker of minutes", "minutes markering av utmappen")
    THEME_FILES = _name("the theme's files", "temats filer")
    SEARCH_INDEX = _name("the search index", "sökindexet")
    ATTACHMENTS_FOLDER = _name("the attachments folder", "mappen för bilagor")
    OPEN_DATA = _name("the open data export", "den öppna datan")
    DECISIONS_OF_YEAR = _name(
        "page {n} of the decisions of {year}", "sida {n} av besluten {year}", n=2, year="2025"
    )
    ATTACHMENT = _name("the attachment {path}", "bilagan {path}", path="files/bilaga.pdf")
    ATTACHMENT_OF = _name(
        "the attachment {path} of {source}",
        "bilagan {path} i {source}",
        path="kommunstyrelsen/bilaga.pdf",
        source="content/kommunstyrelsen/2025/2025-03-11.md",
    )
