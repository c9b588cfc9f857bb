"""UI strings and date formats for the languages the default theme speaks."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from types import MappingProxyType

_MONTHS = {
    "sv": (
        "januari",
        "februari",
        "mars",
        "april",
        "maj",
        "juni",
        "juli",
        "augusti",
        "september",
        "oktober",
        "november",
        "december",
    ),
    "en": (
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ),
}

STRINGS: dict[str, dict[str, str]] = {
    "sv": {
        "skip": "Hoppa till innehållet",
        "home": "Start",
        "bodies": "Organ",
        "latest": "Senaste protokollen",
        "upcoming": "Kommande sammanträden",
        "decisions": "Beslut",
        "decisions_index": "Beslut i alla organ",
        "cases": "Ärenden",
        "case": "Ärende",
        "search": "Sök",
        "search_label": "Sök i protokollen",
        "search_button": "Sök",
        "archive": "Arkiv",
        "year": "År",
        "meetings": "Sammanträden",
        "meeting": "Sammanträde",
        "body": "Organ",
        "date": "Datum",
        "time": "Tid",
        "place": "Plats",
        "chair": "Ordförande",
        "secretary": "Sekreterare",
        "adjusters": "Justerare",
        "attendees": "Närvarande",
        "absent": "Frånvarande",
        "officials": "Övriga närvarande",
        "agenda": "Ärendelista",
        "item": "Paragraf",
        "attachments": "Bilagor",
        "decision": "Beslut",
        "proposal": "Förslag till beslut",
        "motion": "Yrkande",
        "reservation": "Reservation",
        "distribution": "Expedieras till",
        "support": "Bifall",
        "note": "Protokollsanteckning",
        "conflict": "Jäv",
        "osl": "Sekretessgrund",
        "serving_for": "tjänstgör för",
        "from_item": "från §",
        "until_item": "till och med §",
        "vote": "Omröstning",
        "vote_member": "Ledamot",
        "vote_choice": "Röst",
        "vote_tally": "Resultat",
        "vote_option": "Alternativ",
        "vote_count": "Antal",
        "notice": "Anslag",
        "adjusted": "Justerat",
        "posted": "Anslaget",
        "taken_down": "Anslaget tas ned",
        "appeal_by": "Sista dag att överklaga",
        "status_planned": "Kallelse",
        "status_draft": "Utkast",
        "status_adjusted": "Justerat",
        "status_published": "Publicerat",
        "extract": "Protokollsutdrag",
        "extract_of": "Det här är ett protokollsutdrag ur protokollet från {body} {date}:",
        "extract_link": "Protokollsutdrag",
        "extract_view": "Du ser ett utdrag ur protokollet: bara ett ärende visas. Skriv ut det "
        "eller spara det som PDF med webbläsarens utskrift.",
        "whole_minutes": "Visa hela protokollet",
        "extract_facts": "Justering och utdragsbestyrkande",
        "certified_by": "Utdragsbestyrkande",
        "people": "Personer",
        "people_intro": "Alla som protokollen namnger, var och en med sina sammanträden.",
        "no_people": "Protokollen namnger ingen ännu.",
        "named_in": "Nämns i protokoll från",
        "namesakes": "Samma namn, annat parti eller annan organisation",
        "attendance_by_year": "Närvaro per år",
        "attendance_basis": "Räknat ur protokollens listor: som närvarande räknas ordförande, "
        "sekreterare, justerare, närvarande och övriga närvarande.",
        "present": "Närvarande",
        "no_attendance": "Protokollen anger inte om personen var närvarande.",
        "year_attendance": "{year}: {present} närvarande, {absent} frånvarande",
        "closed": "Sammanträdet är inte offentligt. Protokollet publiceras inte.",
        "confidential": "Ärendet omfattas av sekretess och publiceras inte.",
        "preamble": "Inledning",
        "no_meetings": "Inga sammanträden ännu.",
        "handled_in": "Behandlat i",
        "case_documents": "Handlingar i ärendet",
        "pages": "Sidor",
        "not_found": "Sidan finns inte",
        "not_found_text": "Sidan du söker finns inte. Den kan ha flyttats eller tagits bort.",
        "search_nojs": "Sökningen kräver JavaScript. Utan JavaScript hittar du alla protokoll "
        "i arkiven:",
        "all_years": "Alla år",
        "newest": "Senaste",
        "more_years": "Äldre år",
        "page_of": "Sida",
        "next": "Nästa sida",
        "previous": "Föregående sida",
        "footer": "Publicerat med minutes.",
        "role": "Roll",
        "party": "Parti",
        "case_number": "Diarienummer",
        "type": "Typ",
        "count_meetings": "sammanträden",
        "filters": "Avgränsa",
        "decisions_only": "Endast ärenden med beslut",
        "sort": "Sortera",
        "sort_relevance": "Relevans",
        "sort_date": "Datum, nyast först",
        "results": "träffar",
        "no_results": "Inga träffar",
        "more_results": "Visa fler träffar",
        "searched": "sökt i",
        "search_failed": "Sökningen kunde inte slutföras",
        "all": "Alla",
        "menu": "Meny",
        "on_this_page": "Innehåll",
        "title_missing": "(utan rubrik)",
        "notice_board": "Anslagstavla",
        "notices_current": "Anslag som är uppe nu",
        "notices_past": "Tidigare anslag",
        "no_notices": "Inga anslag är uppe just nu.",
        "notices_older": "Äldre protokoll finns i arkivet.",
        "kept_at": "Förvaringsplats för protokollet",
        "adjusted_at_once": "Justerat omedelbart",
        "announcement": "Kungörelse",
        "announcements": "Kungörelser",
        "announced": "Kungjort",
        "confidential_item": "Sekretessärende",
        "how_to_appeal": "Så överklagar du",
        "feed": "Prenumerera (Atom)",
        "calendar": "Kalender (iCalendar)",
        "subscribe": "Prenumerera",
        "history": "Ändringar",
        "last_changed": "Senast ändrad",
        "edit": "Redigera sidan",
        "commit": "ändring",
        "editor_note": "Anmärkning om underlaget",
        "reference_not_published": "Protokollet publiceras inte här.",
        "mentioned_in": "Behandlingen nämns i",
        "see_also": "se även",
        "not_published_here": "protokollet publiceras inte här",
        "mentioned_in_short": "nämns i",
        "opendata": "Öppna data",
        "opendata_text": "Alla publicerade protokoll finns också som maskinläsbara JSON-filer "
        "i OParl 1.1-format: organisationer (Body), organ (Organization), "
        "personer med uppdrag (Person, Membership), sammanträden (Meeting) "
        "med ärenden (AgendaItem), bilagor (File) och plats (Location), "
        "diarienummer som behandlats tre gånger eller fler (Paper) med sina behandlingar "
        "(Consultation); varje ärende har sitt diarienummer (x-caseNumber). "
        "Omröstningar finns som Popolo VoteEvent med Count och Vote. "
        "Listorna är några filer per organisation: sammanträden per år, personer och "
        "diarienummer per begynnelsebokstav. Varje objekt har id, och web om det har en "
        "egen sida; de som inte ligger inuti ett annat objekt har också created och "
        "modified. Börja i systemobjektet:",
        "opendata_feeds": "Flöden och kalendrar:",
        "a11y_title": "Tillgänglighetsredogörelse",
        "a11y_intro": "{org} står bakom den här webbplatsen. Vi vill att så många som möjligt "
        "ska kunna använda den. Här beskriver vi hur webbplatsen uppfyller lagen "
        "om tillgänglighet till digital offentlig service, kända problem och hur "
        "du kan rapportera brister så att vi kan åtgärda dem.",
        "a11y_status": "Hur tillgänglig är webbplatsen?",
        "a11y_status_text": "Webbplatsen är förenlig med lagen om tillgänglighet till digital "
        "offentlig service. Den testas automatiskt mot WCAG 2.1 nivå AA "
        "i ljust och mörkt läge, i mobil- och datorbredd.",
        "a11y_request": "Vad kan du göra om du inte kan använda delar av webbplatsen?",
        "a11y_request_text": "Om du behöver innehåll från webbplatsen i ett annat format kan "
        "du kontakta oss:",
        "a11y_report": "Rapportera brister i webbplatsens tillgänglighet",
        "a11y_report_text": "Vi strävar hela tiden efter att förbättra webbplatsens "
        "tillgänglighet. Om du upptäcker problem som inte beskrivs här, "
        "eller om du anser att vi inte uppfyller lagens krav, kontakta oss:",
        "a11y_supervision": "Tillsyn",
        "a11y_supervision_text": "Myndigheten för digital förvaltning (Digg) har ansvaret för "
        "tillsyn över lagen om tillgänglighet till digital offentlig "
        "service. Om du inte är nöjd med hur vi hanterar dina "
        "synpunkter kan du kontakta Digg.",
        "a11y_known": "Kända brister",
        "a11y_reviewed": "Redogörelsen granskades senast",
    },
    "en": {
        "skip": "Skip to content",
        "home": "Home",
        "bodies": "Bodies",
        "latest": "Latest minutes",
        "upcoming": "Upcoming meetings",
        "decisions": "Decisions",
        "decisions_index": "Decisions of all bodies",
        "cases": "Cases",
        "case": "Case",
        "search": "Search",
        "search_label": "Search the minutes",
        "search_button": "Search",
        "archive": "Archive",
        "year": "Year",
        "meetings": "Meetings",
        "meeting": "Meeting",
        "body": "Body",
        "date": "Date",
        "time": "Time",
        "place": "Place",
        "chair": "Chair",
        "secretary": "Secretary",
        "adjusters": "Adjusters",
        "attendees": "Present",
        "absent": "Absent",
        "officials": "Also present",
        "agenda": "Agenda",
        "item": "Item",
        "attachments": "Attachments",
        "decision": "Decision",
        "proposal": "Proposal",
        "motion": "Motion",
        "reservation": "Reservation",
        "distribution": "Sent to",
        "support": "Support",
        "note": "Note for the minutes",
        "conflict": "Conflict of interest",
        "osl": "Ground for secrecy",
        "serving_for": "serving for",
        "from_item": "from item",
        "until_item": "until item",
        "vote": "Vote",
        "vote_member": "Member",
        "vote_choice": "Vote",
        "vote_tally": "Result",
        "vote_option": "Option",
        "vote_count": "Count",
        "notice": "Notice",
        "adjusted": "Adjusted",
        "posted": "Posted",
        "taken_down": "Notice taken down",
        "appeal_by": "Last day to appeal",
        "status_planned": "Notice of meeting",
        "status_draft": "Draft",
        "status_adjusted": "Adjusted",
        "status_published": "Published",
        "extract": "Extract of minutes",
        "extract_of": "This is an extract of the minutes of {body}, {date}:",
        "extract_link": "Extract",
        "extract_view": "You are viewing an extract of the minutes: one item is shown. Print it "
        "or save it as PDF with the browser's print command.",
        "whole_minutes": "Show the whole minutes",
        "extract_facts": "Adjustment and certification",
        "certified_by": "Certified by",
        "people": "People",
        "people_intro": "Everyone the minutes name, each with their meetings.",
        "no_people": "The minutes name nobody yet.",
        "named_in": "Named in the minutes of",
        "namesakes": "The same name, another party or organisation",
        "attendance_by_year": "Attendance per year",
        "attendance_basis": "Counted from the minutes' lists: the chair, secretary, adjusters, "
        "those present and those also present count as present.",
        "present": "Present",
        "no_attendance": "The minutes do not say whether this person was present.",
        "year_attendance": "{year}: present {present}, absent {absent}",
        "closed": "This meeting was closed to the public. Its minutes are not published.",
        "confidential": "This item is confidential and is not published.",
        "preamble": "Opening",
        "no_meetings": "No meetings yet.",
        "handled_in": "Handled in",
        "case_documents": "Documents in this case",
        "pages": "Pages",
        "not_found": "Page not found",
        "not_found_text": "The page you are looking for does not exist. It may have moved.",
        "search_nojs": "Search needs JavaScript. Without it, every meeting is in the archives:",
        "all_years": "All years",
        "newest": "Latest",
        "more_years": "Earlier years",
        "page_of": "Page",
        "next": "Next page",
        "previous": "Previous page",
        "footer": "Published with minutes.",
        "role": "Role",
        "party": "Party",
        "case_number": "Case number",
        "type": "Type",
        "count_meetings": "meetings",
        "filters": "Filter",
        "decisions_only": "Only items with a decision",
        "sort": "Sort",
        "sort_relevance": "Relevance",
        "sort_date": "Date, newest first",
        "results": "results",
        "no_results": "No results",
        "more_results": "Show more results",
        "searched": "searched",
        "search_failed": "The search could not be completed",
        "all": "All",
        "menu": "Menu",
        "on_this_page": "Contents",
        "title_missing": "(untitled)",
        "notice_board": "Notice board",
        "notices_current": "Notices up now",
        "notices_past": "Earlier notices",
        "no_notices": "No notices are up right now.",
        "notices_older": "Older minutes are in the archive.",
        "kept_at": "Where the minutes are kept",
        "adjusted_at_once": "Adjusted at once",
        "announcement": "Announcement",
        "announcements": "Announcements",
        "announced": "Announced",
        "confidential_item": "Confidential item",
        "how_to_appeal": "How to appeal",
        "feed": "Subscribe (Atom)",
        "calendar": "Calendar (iCalendar)",
        "subscribe": "Subscribe",
        "history": "Changes",
        "last_changed": "Last changed",
        "edit": "Edit this page",
        "commit": "commit",
        "editor_note": "Note on the source",
        "reference_not_published": "These minutes are not published here.",
        "mentioned_in": "The handling is mentioned in",
        "see_also": "see also",
        "not_published_here": "minutes not published here",
        "mentioned_in_short": "mentioned in",
        "opendata": "Open data",
        "opendata_text": "Every published meeting is also available as machine-readable JSON "
        "in the shape of OParl 1.1: organisations (Body), governing bodies "
        "(Organization), people and their roles (Person, Membership), "
        "meetings (Meeting) with agenda items (AgendaItem), files (File) and "
        "place (Location), case numbers handled three times or more (Paper) and their "
        "handlings (Consultation); every agenda item gives its case number "
        "(x-caseNumber). Votes are Popolo VoteEvents with Counts and Votes. The lists "
        "are a few files per organisation: meetings by year, people and case numbers by "
        "initial. Every object has id, and web if it has a page of its own; those not given "
        "inside another object also have created and modified. Start at the system object:",
        "opendata_feeds": "Feeds and calendars:",
        "a11y_title": "Accessibility statement",
        "a11y_intro": "{org} runs this website. We want as many people as possible to be able "
        "to use it. This statement describes how the site meets the accessibility "
        "requirements, known problems, and how to report them.",
        "a11y_status": "How accessible is this website?",
        "a11y_status_text": "The website meets the accessibility requirements for public "
        "sector websites. It is tested automatically against WCAG 2.1 "
        "level AA in light and dark mode, at phone and desktop widths.",
        "a11y_request": "What to do if you cannot use parts of this website",
        "a11y_request_text": "If you need content from this website in another format, contact us:",
        "a11y_report": "Reporting accessibility problems",
        "a11y_report_text": "We are always looking to improve the accessibility of this "
        "website. If you find a problem that is not described here, or "
        "think we do not meet the requirements, contact us:",
        "a11y_supervision": "Enforcement",
        "a11y_supervision_text": "The Agency for Digital Government (Digg) is responsible for "
        "enforcing the accessibility regulations. If you are not "
        "happy with how we respond to your complaint, contact Digg.",
        "a11y_known": "Known problems",
        "a11y_reviewed": "This statement was last reviewed on",
    },
}

APPEAL_TEXT = {
    "sv": (
        "Den som är medlem i kommunen eller regionen kan överklaga beslut genom "
        "laglighetsprövning enligt 13 kap. kommunallagen (2017:725). Överklagandet ska ha "
        "kommit in till förvaltningsrätten inom tre veckor från den dag då det "
        "tillkännagavs på anslagstavlan att protokollet justerats."
    ),
    "en": (
        "Members of the municipality or region may appeal decisions by judicial review "
        "(laglighetsprövning, chapter 13 of the Local Government Act, 2017:725). The appeal "
        "must reach the administrative court within three weeks of the day the adjustment "
        "of the minutes was announced on the notice board."
    ),
}


def strings(language: str) -> Mapping[str, str]:
    """The UI strings of ``language`` (read-only)."""
    return MappingProxyType(STRINGS[language])


def format_date(value: date | None, language: str) -> str:
    """'26 maj 2020' / '26 May 2020'."""
    if value is None:
        return ""
    return f"{value.day} {_MONTHS[language][value.month - 1]} {value.year}"


def format_day(value: date | None, language: str) -> str:
    """'26 maj' / '26 May': a date listed under its year's heading."""
    if value is None:
        return ""
    return f"{value.day} {_MONTHS[language][value.month - 1]}"
