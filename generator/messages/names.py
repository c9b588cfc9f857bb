"""What the messages call the things a build writes ('the search page', 'the page of the
meeting …'): phrases told inside other messages (two claims on one address), in the same
language as the message around them. Not messages of their own, so not in the guide's list."""

from __future__ import annotations

from .message import phrase


class Names:
    """The phrases naming what a build writes."""

    PREFIX = "name-"

    MEETING_PAGE = phrase(
        "the page of the meeting {source}",
        "sidan för sammanträdet {source}",
        source="content/kommunstyrelsen/2025/2025-03-11.md",
    )
    BODY_PAGE = phrase(
        "the page of the body {name}", "organets sida {name}", name="Kommunstyrelsen"
    )
    YEAR_ARCHIVE = phrase("the archive of {year}", "arkivet för {year}", year="2025")
    DECISIONS_INDEX = phrase("the decisions index", "beslutsregistret")
    CASE_PAGE = phrase("the page of the case {case}", "ärendets sida {case}", case="KS/2025:14")
    PEOPLE_LIST = phrase("the list of people", "personlistan")
    PERSON_PAGE = phrase("the page of {person}", "personsidan för {person}", person="Anna Ek (S)")
    PAGE = phrase("the page {source}", "sidan {source}", source="content/pages/om.md")
    SITE_FEED = phrase("the site-wide Atom feed", "webbplatsens Atom-flöde")
    FEED = phrase("the Atom feed of {title}", "Atom-flödet för {title}", title="Kommunstyrelsen")
    SITE_CALENDAR = phrase("the site-wide calendar", "webbplatsens kalender")
    CALENDAR = phrase("the calendar of {title}", "kalendern för {title}", title="Kommunstyrelsen")
    SITEMAP = phrase("the sitemap", "webbplatskartan")
    HOME_PAGE = phrase("the home page", "startsidan")
    ARCHIVE = phrase("the archive", "arkivet")
    SEARCH_PAGE = phrase("the search page", "söksidan")
    NOTICE_BOARD = phrase("the notice board", "anslagstavlan")
    ACCESSIBILITY = phrase("the accessibility statement", "tillgänglighetsredogörelsen")
    OPEN_DATA_PAGE = phrase("the page about open data", "sidan om öppna data")
    NOT_FOUND_PAGE = phrase(
        "the page shown for an address that does not exist",
        "sidan som visas för en adress som inte finns",
    )
    ROBOTS = phrase("robots.txt", "robots.txt")
    OPEN_DATA_FILE = phrase("a file of the open data export", "en fil i den öppna datan")
    OUTPUT_MARKER = phrase("the output marker of minutes", "minutes markering av utmappen")
    THEME_FILES = phrase("the theme's files", "temats filer")
    SEARCH_INDEX = phrase("the search index", "sökindexet")
    ATTACHMENTS_FOLDER = phrase("the attachments folder", "mappen för bilagor")
    OPEN_DATA = phrase("the open data export", "den öppna datan")
    DECISIONS_OF_YEAR = phrase(
        "page {n} of the decisions of {year}", "sida {n} av besluten {year}", n=2, year="2025"
    )
    ATTACHMENT = phrase("the attachment {path}", "bilagan {path}", path="files/bilaga.pdf")
    ATTACHMENT_OF = phrase(
        "the attachment {path} of {source}",
        "bilagan {path} i {source}",
        path="kommunstyrelsen/bilaga.pdf",
        source="content/kommunstyrelsen/2025/2025-03-11.md",
    )
