"""Messages about a file's front matter (the lines between the two ``---``), its dates and
keys, the people who took part, the files of the governing bodies and pages, the notice
board, personal identity numbers outside the text of the items, and ``site.toml``."""

from __future__ import annotations

from .message import Message
from .reasons import Reasons

SITE = "site.toml:3"
BODY_FILE = "content/bodies/kommunstyrelsen.md:2"


class Front:
    """The catalogue's part for front matter, dates, body files and site.toml."""

    # --- reading the front matter (YAML) ---------------------------------------------------

    FRONT_MATTER_NOT_KEYS = Message(
        en="front matter: expected lines of the form key: value between the two '---' lines",
        sv="huvudet: skriv en nyckel och dess värde på varje rad mellan de två '---'-raderna, "
        "till exempel date: 2025-03-11",
        fix_en="Write one key a line, a colon and a space, then the value: body: Kommunstyrelsen.",
        fix_sv="Skriv en nyckel per rad, ett kolon och ett mellanslag, sedan värdet: "
        "body: Kommunstyrelsen.",
        where="content/kommunstyrelsen/2025/2025-03-11.md:2",
    )
    YAML_ALIAS = Message(
        en="front matter: YAML anchors and aliases (& and *) are not allowed; write each value "
        "out in full, and put a value that starts with & or * in quotes",
        sv="huvudet: YAML-ankare och alias (& och *) går inte att använda; skriv ut varje värde "
        "helt, och sätt citattecken runt ett värde som börjar med & eller *",
        fix_en="Write the value itself where the alias is; a text starting with & or * goes "
        'in quotes: title: "*Extra* sammanträde".',
        fix_sv="Skriv ut värdet där aliaset står; en text som börjar med & eller * skrivs inom "
        'citattecken: title: "*Extra* sammanträde".',
    )
    YAML_UNREADABLE = Message(
        en="front matter: cannot be read here ({problem}); check for a missing colon or space "
        "after the key, and put a value holding ': ' in quotes",
        sv="huvudet: går inte att läsa här ({problem}); se efter att det står ett kolon och ett "
        "mellanslag efter nyckeln, och sätt citattecken runt ett värde som innehåller ': '",
        fix_en="Look at the line and the one before it: each key is followed by ': ', and a "
        'value with a colon in it is in quotes: title: "Uppdrag: Ny organisation".',
        fix_sv="Titta på raden och raden före: efter varje nyckel kommer ': ', och ett värde "
        'med kolon i står inom citattecken: title: "Uppdrag: Ny organisation".',
        example={"problem": Reasons.COLON_IN_VALUE()},
    )
    NESTED_TOO_DEEP = Message(
        en="front matter: lists and keys are indented inside each other more than {deepest} "
        "deep; no value minutes reads is written so: check the indentation",
        sv="huvudet: listor och nycklar är indragna i varandra i mer än {deepest} nivåer; inget "
        "värde som minutes läser skrivs så: se över indragningen",
        fix_en="Indent only a list's lines under its key, and a person's keys under the "
        "person, as the guide shows.",
        fix_sv="Dra bara in en listas rader under sin nyckel och en persons nycklar under "
        "personen, som handledningen visar.",
        example={"deepest": 20},
        where="content/kommunstyrelsen/2025/2025-03-11.md:9",
    )
    KEY_TWICE_IN_ENTRY = Message(
        en="front matter: '{key}' is given twice for one person or attachment, and only the "
        "last would be read; keep one",
        sv="huvudet: '{key}' står två gånger för samma person eller bilaga, och bara den sista "
        "skulle läsas; behåll en av dem",
        fix_en="Delete one of the two lines, keeping the right value.",
        fix_sv="Ta bort den ena raden och behåll den med rätt värde.",
        example={"key": "party"},
        where="content/kommunstyrelsen/2025/2025-03-11.md:12",
    )
    KEY_NOT_A_WORD = Message(
        en="front matter: a key must be a plain word before ':' (such as date:); a list or "
        "braces cannot be a key",
        sv="huvudet: en nyckel ska vara ett vanligt ord före ':' (till exempel date:); en lista "
        "eller klamrar kan inte vara en nyckel",
        fix_en="Start the line with the key's name and a colon: date: 2025-03-11.",
        fix_sv="Börja raden med nyckelns namn och ett kolon: date: 2025-03-11.",
    )
    KEY_TWICE = Message(
        en="{key}: given twice; keep one of the lines",
        sv="{key}: står två gånger; behåll en av raderna",
        fix_en="Delete one of the two lines, keeping the right value.",
        fix_sv="Ta bort den ena raden och behåll den med rätt värde.",
        example={"key": "date"},
    )
    VALUE_NUL = Message(
        en="{key}: the text holds a NUL character (\\0); remove it",
        sv="{key}: texten innehåller ett NUL-tecken (\\0); ta bort det",
        fix_en="Delete the \\0 from the value.",
        fix_sv="Ta bort \\0 ur värdet.",
        example={"key": "title"},
    )
    VALUE_CONTROL_CHARACTER = Message(
        en="{key}: the text holds the character {code}, which no page can hold (copied from "
        "another program?); remove it",
        sv="{key}: texten innehåller tecknet {code}, som ingen webbsida kan visa (inklistrat "
        "från ett annat program?); ta bort det",
        fix_en="Delete the character, or type the value again by hand.",
        fix_sv="Ta bort tecknet, eller skriv värdet för hand på nytt.",
        example={"key": "title", "code": "U+000C"},
    )
    NUMBER_TOO_LONG = Message(
        en="{key}: a number of {digits} digits is too long to be meant; put it in quotes if "
        "it is text",
        sv="{key}: ett tal med {digits} siffror är för långt för att vara menat; sätt "
        "citattecken runt det om det är text",
        fix_en='Put the value in quotes: case: "2025000000000000000000000000000001".',
        fix_sv='Sätt värdet inom citattecken: case: "2025000000000000000000000000000001".',
        example={"key": "case", "digits": "34"},
    )
    VALUE_UNREADABLE = Message(
        en="{key}: the value cannot be read ({problem}); put it in quotes if it is text",
        sv="{key}: värdet går inte att läsa ({problem}); sätt citattecken runt det om det är text",
        fix_en='Write the value as plain text, in quotes if it starts with a sign: title: "!Möte".',
        fix_sv="Skriv värdet som vanlig text, inom citattecken om det börjar med ett tecken: "
        'title: "!Möte".',
        example={"key": "title", "problem": Reasons.TAG()},
    )

    # --- which keys ---------------------------------------------------------------------

    KEY_MISSPELT = Message(
        en="{key}: unknown key; did you mean '{guess}'?",
        sv="{key}: okänd nyckel; menar du '{guess}'?",
        fix_en="Write the key as the guide lists it (the keys are English words): adjusters, "
        "not justerare.",
        fix_sv="Skriv nyckeln som den står i formatreferensen (nycklarna är engelska ord): "
        "adjusters, inte justerare.",
        example={"key": "justerare", "guess": "adjusters"},
    )
    KEY_UNKNOWN = Message(
        en="{key}: unknown key, shown on the meeting page as written; if the site uses it, "
        'add it to site.toml (extra_keys = ["{key}"]), else correct or remove the line',
        sv="{key}: okänd nyckel, som visas på protokollets sida som den är skriven; använder "
        'ni den, lägg till den i site.toml (extra_keys = ["{key}"]), annars rätta eller ta '
        "bort raden",
        fix_en="A key of your own is listed in site.toml's extra_keys; any other unknown key "
        "is a mistake to correct.",
        fix_sv="En egen nyckel skrivs in i extra_keys i site.toml; en annan okänd nyckel är "
        "ett misstag som ska rättas.",
        example={"key": "diarieplan"},
    )
    KEY_WOULD_PUBLISH = Message(
        en="{key}: is no key minutes knows, so the meeting would be published; write public: "
        "false to keep the whole meeting unpublished, or confidential=true in the braces "
        "after the heading of each item to keep back",
        sv="{key}: är ingen nyckel som minutes känner till, så sammanträdet skulle publiceras; "
        "skriv public: false om inget av sammanträdet ska publiceras, eller confidential=true "
        "inom klamrarna efter rubriken på varje paragraf som inte ska publiceras",
        fix_en="A closed meeting is public: false; a confidential item is marked on its "
        "heading (see Secrecy in the format reference).",
        fix_sv="Ett sammanträde inom stängda dörrar skrivs public: false; en paragraf med "
        "sekretess markeras på sin rubrik (se Sekretess i formatreferensen).",
        example={"key": "offentlig"},
    )
    KEY_WOULD_PUBLISH_DRAFT = Message(
        en="{key}: is no key minutes knows, so the meeting would be published; write status: "
        "draft for minutes that are not to be published yet",
        sv="{key}: är ingen nyckel som minutes känner till, så protokollet skulle publiceras; "
        "skriv status: draft för ett protokoll som inte ska publiceras än",
        fix_en="Replace the line by status: draft.",
        fix_sv="Byt raden mot status: draft.",
        example={"key": "utkast"},
    )
    BODY_REQUIRED = Message(
        en="body: required; write the name of the governing body, such as body: Kommunstyrelsen",
        sv="body: saknas; skriv organets namn, till exempel body: Kommunstyrelsen",
        fix_en="Add a line body: with the body's name to the front matter.",
        fix_sv="Lägg till en rad body: med organets namn i huvudet.",
        where="content/kommunstyrelsen/2025/2025-03-11.md:1",
    )
    DATE_REQUIRED = Message(
        en="date: required; write the day of the meeting as YYYY-MM-DD, such as date: 2025-03-11",
        sv="date: saknas; skriv sammanträdets dag som ÅÅÅÅ-MM-DD, till exempel date: 2025-03-11",
        fix_en="Add a line date: with the meeting's day to the front matter.",
        fix_sv="Lägg till en rad date: med sammanträdets dag i huvudet.",
        where="content/kommunstyrelsen/2025/2025-03-11.md:1",
    )

    # --- values -------------------------------------------------------------------------

    DATE_FORMAT = Message(
        en="{key}: expected YYYY-MM-DD, got {got!r}",
        sv="{key}: skriv datumet som ÅÅÅÅ-MM-DD, här står {got!r}",
        fix_en="Write the date in digits, year first: 2025-03-11.",
        fix_sv="Skriv datumet med siffror, året först: 2025-03-11.",
        example={"key": "date", "got": "11 mars 2025"},
    )
    NOT_A_DAY = Message(
        en="{key}: {got} is not a day in the calendar; check the month and the day (YYYY-MM-DD)",
        sv="{key}: {got} är ingen dag i kalendern; se efter månaden och dagen (ÅÅÅÅ-MM-DD)",
        fix_en="Correct the month or the day: the month comes before the day.",
        fix_sv="Rätta månaden eller dagen: månaden står före dagen.",
        example={"key": "date", "got": "2025-02-30"},
    )
    YEAR_OUT_OF_RANGE = Message(
        en="{key}: the year {year} is out of range; write a year from {first} to {last}",
        sv="{key}: året {year} går inte att använda; skriv ett år från {first} till {last}",
        fix_en="Correct the year: four digits.",
        fix_sv="Rätta året: fyra siffror.",
        example={"key": "date", "year": "205", "first": "1000", "last": "9998"},
    )
    TIME_FORMAT = Message(
        en="{key}: expected HH:MM, got {got}",
        sv="{key}: skriv klockslaget som TT:MM, här står {got}",
        fix_en="Write the time in hours and minutes: 18:00 or 8.30.",
        fix_sv="Skriv klockslaget med timmar och minuter: 18:00 eller 8.30.",
        example={"key": "start", "got": "'kl. sex'"},
    )
    CURLY_QUOTES = Message(
        en="{key}: {got} is in curly quotation marks, as a word processor writes them; write "
        'straight ones (") or none',
        sv="{key}: {got} står inom typografiska citattecken, som ett ordbehandlingsprogram "
        'skriver dem; skriv raka (") eller inga alls',
        fix_en='Retype the quotation marks in the text editor as straight ones ("), or leave '
        "them out: start: 13:00.",
        fix_sv='Skriv om citattecknen i textredigeraren som raka ("), eller ta bort dem: '
        "start: 13:00.",
        example={"key": "start", "got": "\u201d13:00\u201d"},
    )
    STATUS_UNKNOWN = Message(
        en="{key}: expected one of {statuses}, got {got}",
        sv="{key}: skriv ett av {statuses}, här står {got}",
        fix_en="planned: a coming meeting; draft: not published yet; adjusted: adjusted "
        "minutes (justerat); published: published without adjustment.",
        fix_sv="planned: ett kommande sammanträde; draft: publiceras inte än; adjusted: "
        "justerat protokoll; published: publicerat utan justering.",
        example={
            "key": "status",
            "got": "'justerat'",
            "statuses": "planned, draft, adjusted, published",
        },
    )
    YES_OR_NO = Message(
        en="{key}: expected true or false, got {got}",
        sv="{key}: skriv true (ja) eller false (nej), här står {got}",
        fix_en="Write true or false, in English and without quotes.",
        fix_sv="Skriv true eller false, på engelska och utan citattecken.",
        example={"key": "public", "got": "'nej'"},
    )
    PUBLIC_EMPTY = Message(
        en="public: expected true or false, got nothing; write public: false to keep the "
        "meeting unpublished, or remove the line",
        sv="public: värde saknas; skriv public: false om sammanträdet inte ska publiceras, "
        "annars ta bort raden",
        fix_en="An empty public: is not taken to mean either: say false, or remove it.",
        fix_sv="Ett tomt public: tolkas inte som något av dem: skriv false, eller ta bort raden.",
    )
    NAMES_EXPECTED = Message(
        en="{key}: expected a name or a list of names",
        sv="{key}: skriv ett namn eller en lista med namn",
        fix_en="Write adjusters: [Anna Andersson (S), Bo Berg (M)], or one name.",
        fix_sv="Skriv adjusters: [Anna Andersson (S), Bo Berg (M)], eller ett namn.",
        example={"key": "adjusters"},
    )
    TEXT_EXPECTED = Message(
        en="{key}: expected text on the same line, got a list or indented keys",
        sv="{key}: skriv värdet som text på samma rad, här står en lista eller indragna nycklar",
        fix_en="Write the value after the colon: location: Kommunhuset.",
        fix_sv="Skriv värdet efter kolonet: location: Kommunhuset.",
        example={"key": "location"},
    )
    TEXT_IN_QUOTES = Message(
        en="{key}: expected text, got {got} (read as a date or a yes/no); put it in quotes",
        sv="{key}: ska vara text, men {got} läses som ett datum eller som ja/nej; sätt "
        "citattecken runt det",
        fix_en='Put the value in quotes: title: "2025-03-11" or type: "yes".',
        fix_sv='Sätt värdet inom citattecken: title: "2025-03-11" eller type: "yes".',
        example={"key": "title", "got": "2025-03-11"},
    )
    END_DATE_BEFORE_DATE = Message(
        en="end_date: {end_date} is before date {date}",
        sv="end_date: {end_date} ligger före date {date}; se över datumen",
        fix_en="end_date is the last day of a meeting over several days: on or after date.",
        fix_sv="end_date är sista dagen för ett sammanträde över flera dagar: samma dag som "
        "date eller senare.",
        example={"end_date": "2025-03-10", "date": "2025-03-11"},
    )
    END_BEFORE_START = Message(
        en="end: {end} is before start {start}; a meeting that ends after midnight gives "
        "end_date too",
        sv="end: {end} ligger före start {start}; ett sammanträde som slutar efter midnatt "
        "ska också ha end_date",
        fix_en="Correct the times, or add end_date: with the day the meeting ended.",
        fix_sv="Rätta klockslagen, eller lägg till end_date: med dagen då sammanträdet slutade.",
        example={"end": "17:00", "start": "18:00"},
    )

    # --- people, attachments, labels, references ------------------------------------------

    PERSON_UNREADABLE = Message(
        en="{key}: cannot read {got} as a person; write 'Name (Party)', 'Name, "
        "Organisation', or the keys name: and party: with text values",
        sv="{key}: {got} går inte att läsa som en person; skriv 'Namn (Parti)', 'Namn, "
        "Organisation', eller nycklarna name: och party: med text som värden",
        fix_en="Write each person on a line of its own: - Anna Andersson (S).",
        fix_sv="Skriv varje person på en egen rad: - Anna Andersson (S).",
        example={"key": "attendees", "got": "['Anna Andersson', 'S']"},
    )
    PERSON_KEY_MISSPELT = Message(
        en="{key}: '{name}' is not a key of a person; did you mean '{guess}'?",
        sv="{key}: '{name}' är ingen nyckel för en person; menar du '{guess}'?",
        fix_en="A person's keys are name, party, org, role, serving_for, from and until.",
        fix_sv="En persons nycklar är name, party, org, role, serving_for, from och until.",
        example={"key": "attendees", "name": "parti", "guess": "party"},
    )
    PERSON_KEY_UNKNOWN = Message(
        en="{key}: '{name}' is not a key of a person; the keys are {known}",
        sv="{key}: '{name}' är ingen nyckel för en person; nycklarna är {known}",
        fix_en="Use one of the keys listed, or write what it says elsewhere (in the text).",
        fix_sv="Använd en av de nycklar som räknas upp, eller skriv uppgiften någon annanstans "
        "(i texten).",
        example={
            "key": "attendees",
            "name": "telefon",
            "known": "name, party, org, role, serving_for, from, until",
        },
    )
    ATTACHMENT_KEY_MISSPELT = Message(
        en="attachments: '{name}' is not a key of an attachment; did you mean '{guess}'?",
        sv="attachments: '{name}' är ingen nyckel för en bilaga; menar du '{guess}'?",
        fix_en="An attachment's keys are title, file and url.",
        fix_sv="En bilagas nycklar är title, file och url.",
        example={"name": "fil", "guess": "file"},
    )
    ATTACHMENT_KEY_UNKNOWN = Message(
        en="attachments: '{name}' is not a key of an attachment; the keys are {known}",
        sv="attachments: '{name}' är ingen nyckel för en bilaga; nycklarna är {known}",
        fix_en="An attachment's keys are title, file and url.",
        fix_sv="En bilagas nycklar är title, file och url.",
        example={"name": "beskrivning", "known": "title, file, url"},
    )
    ATTACHMENT_UNREADABLE = Message(
        en="attachments: cannot read {got} as an attachment; write its title, or the keys "
        "title: and file: (or url:)",
        sv="attachments: {got} går inte att läsa som en bilaga; skriv dess titel, eller "
        "nycklarna title: och file: (eller url:)",
        fix_en="Write - title: Bilaga 1 Budget, then file: files/budget.pdf on the next line, "
        "indented.",
        fix_sv="Skriv - title: Bilaga 1 Budget, och på nästa rad, indraget, file: "
        "files/budget.pdf.",
        example={"got": "['Bilaga 1', 'budget.pdf']"},
    )
    ATTACHMENT_NOT_TEXT = Message(
        en="attachments: file and url must be text, each one path or address, in the "
        "attachment {title!r}",
        sv="attachments: file och url ska vara text, en sökväg eller adress vardera, i bilagan "
        "{title!r}",
        fix_en="Write one path or address after file: or url:, in quotes if needed; two files "
        "are two attachments.",
        fix_sv="Skriv en sökväg eller adress efter file: eller url:, inom citattecken vid "
        "behov; två filer är två bilagor.",
        example={"title": "Bilaga 1 Budget"},
    )
    ATTACHMENT_URL = Message(
        en="attachments: url must start with https://, http:// or mailto:, got {url!r}",
        sv="attachments: url ska börja med https://, http:// eller mailto:, här står {url!r}",
        fix_en="Write the whole address, https:// and all; a file of the site goes in file:.",
        fix_sv="Skriv hela adressen, med https://; en fil på webbplatsen skrivs i file:.",
        example={"url": "www.kommun.se/budget.pdf"},
    )
    LABELS_EXPECTED = Message(
        en="labels: expected one line per list, such as secretary: Vid anteckningar, got {got}",
        sv="labels: skriv en rad per lista, till exempel secretary: Vid anteckningar, här står "
        "{got}",
        fix_en="Under labels:, write indented lines of a list's key and the protocol's heading "
        "for it.",
        fix_sv="Skriv under labels: indragna rader med listans nyckel och protokollets egen "
        "rubrik för den.",
        example={"got": "'Vid anteckningar'"},
    )
    LABEL_FOR_UNKNOWN = Message(
        en="labels: {name!r} has no label to set; labels can be given for {labelled}",
        sv="labels: {name!r} har ingen rubrik att ändra; rubriker kan ges för {labelled}",
        fix_en="Use one of the lists named in the message.",
        fix_sv="Använd en av listorna som meddelandet räknar upp.",
        example={
            "name": "justerare",
            "labelled": "chair, secretary, adjusters, attendees, absent, officials",
        },
    )
    LABEL_EMPTY = Message(
        en="labels: the label of {name} is empty; write the protocol's own heading for the "
        "list after the colon, or remove the line",
        sv="labels: rubriken för {name} är tom; skriv protokollets egen rubrik för listan "
        "efter kolonet, eller ta bort raden",
        fix_en="Write the heading after the colon: secretary: Vid anteckningar.",
        fix_sv="Skriv rubriken efter kolonet: secretary: Vid anteckningar.",
        example={"name": "secretary"},
    )
    LABEL_NOT_TEXT = Message(
        en="labels: the label of {name} must be text, got {got}",
        sv="labels: rubriken för {name} ska vara text, här står {got}",
        fix_en="Write the heading after the colon: secretary: Vid anteckningar.",
        fix_sv="Skriv rubriken efter kolonet: secretary: Vid anteckningar.",
        example={"name": "secretary", "got": "['Vid', 'anteckningar']"},
    )
    REFERENCE_UNREADABLE = Message(
        en="references: cannot read {got}; write body: and date: (YYYY-MM-DD), and as "
        'needed item: "§ 45", case: and in: (the anchor of the item here that mentions it)',
        sv="references: {got} går inte att läsa; skriv body: och date: (ÅÅÅÅ-MM-DD), och "
        'vid behov item: "§ 45", case: och in: (ankaret till paragrafen här som nämner den)',
        fix_en="Each reference needs the body and the date of the meeting it refers to.",
        fix_sv="Varje hänvisning behöver organet och datumet för det sammanträde den gäller.",
        example={"got": "'Hälso- och sjukvårdsnämnden 2020-05-14 § 45'"},
    )
    REFERENCE_UNKNOWN_KEYS = Message(
        en="references: {unknown} is no key of a reference; the keys are {known}",
        sv="references: {unknown} är ingen nyckel för en hänvisning; nycklarna är {known}",
        fix_en="Use only the keys listed; write anything else in the text.",
        fix_sv="Använd bara nycklarna som räknas upp; skriv annat i texten.",
        example={"unknown": "paragraf", "known": "body, date, item, case, in"},
    )

    # --- personal identity numbers -------------------------------------------------------

    PERSONAL_NUMBER = Message(
        en="'{found}' looks like a personal identity number (personnummer), which minutes "
        "must not publish; remove it or mark the item confidential (if it is none, list it "
        "under not_personal_numbers in the front matter)",
        sv="'{found}' ser ut som ett personnummer, som inte får publiceras; ta bort det eller "
        "sekretessbelägg paragrafen (är det inget personnummer, skriv det under "
        "not_personal_numbers i huvudet)",
        fix_en="Remove the number from the text, or make the item confidential; a number that "
        "only looks like one is listed in not_personal_numbers.",
        fix_sv="Ta bort numret ur texten, eller sekretessbelägg paragrafen; ett nummer som "
        "bara liknar ett personnummer skrivs under not_personal_numbers.",
        example={"found": "121212-1212"},
        where="content/kommunstyrelsen/2025/2025-03-11.md:23",
    )
    PERSONAL_NUMBER_MISTYPED = Message(
        en="'{found}' is written as a personal identity number (personnummer), though its "
        "last digit does not check out: if it is one with a digit mistyped, it still points "
        "at a person and must not be published; remove it (if it is none, list it under "
        "not_personal_numbers in the front matter)",
        sv="'{found}' är skrivet som ett personnummer, men kontrollsiffran stämmer inte: är det "
        "ett personnummer med en felskriven siffra pekar det ändå ut en person och får inte "
        "publiceras; ta bort det (är det inget personnummer, skriv det under "
        "not_personal_numbers i huvudet)",
        fix_en="Remove the number from the text; a number that only looks like one (a case "
        "or reference number) is listed in not_personal_numbers.",
        fix_sv="Ta bort numret ur texten; ett nummer som bara liknar ett personnummer (ett "
        "diarie- eller referensnummer) skrivs under not_personal_numbers.",
        example={"found": "800312-1234"},
        where="content/kommunstyrelsen/2025/2025-03-11.md:23",
    )
    NOT_PERSONAL_NUMBER_LISTED = Message(
        en="not_personal_numbers: {got} is not a number the personal identity number check "
        "finds; list only such numbers, as written in the text",
        sv="not_personal_numbers: {got} är inget nummer som kontrollen av personnummer "
        "hittar; skriv bara in sådana nummer, som de står i texten",
        fix_en="Copy the number exactly as the message about it showed it, or remove it.",
        fix_sv="Skriv numret exakt som meddelandet om det visade det, eller ta bort det.",
        example={"got": "'KS 2024/318'"},
    )
    NOT_PERSONAL_NUMBER_UNUSED = Message(
        en="not_personal_numbers: '{number}' is not in the published text; remove it from the list",
        sv="not_personal_numbers: '{number}' finns inte i den publicerade texten; ta bort det "
        "ur listan",
        fix_en="Remove the number from not_personal_numbers (the text no longer holds it).",
        fix_sv="Ta bort numret ur not_personal_numbers (texten innehåller det inte längre).",
        example={"number": "121212-1212"},
    )
    SITE_PERSONAL_NUMBER = Message(
        en="'{found}' looks like a personal identity number (personnummer), which minutes "
        "must not publish, and the settings are shown on every page; remove it",
        sv="'{found}' ser ut som ett personnummer, som inte får publiceras, och "
        "inställningarna visas på varje sida; ta bort det",
        fix_en="Remove the number from site.toml (a comment, after #, is not published).",
        fix_sv="Ta bort numret ur site.toml (en kommentar, efter #, publiceras inte).",
        example={"found": "121212-1212"},
        where=SITE,
    )
    PAGE_NAME_PERSONAL_NUMBER = Message(
        en="the file name holds '{found}', which looks like a personal identity number "
        "(personnummer), and a page's address and its edit link are made from it; rename the "
        "file",
        sv="filnamnet innehåller '{found}', som ser ut som ett personnummer, och sidans adress "
        "och redigeringslänk görs av det; byt namn på filen",
        fix_en="Rename the file without the number.",
        fix_sv="Byt namn på filen så att numret inte är med.",
        example={"found": "121212-1212"},
        where="content/pages/intyg-121212-1212.md",
    )
    FILE_NAME_PERSONAL_NUMBER = Message(
        en="the file name holds '{found}', which looks like a personal identity number "
        "(personnummer); files under content/files/ are published under their names, so "
        "rename the file (and the links to it)",
        sv="filnamnet innehåller '{found}', som ser ut som ett personnummer; filerna under "
        "content/files/ publiceras med sina namn, så byt namn på filen (och på länkarna till "
        "den)",
        fix_en="Rename the file without the number, and mend the links and attachments to it.",
        fix_sv="Byt namn på filen så att numret inte är med, och rätta länkarna och bilagorna "
        "till den.",
        example={"found": "121212-1212"},
        where="content/files/intyg-121212-1212.pdf",
    )
    COMMIT_PERSONAL_NUMBER = Message(
        en="commit {commit} ({date}): its message holds '{found}', which looks like a personal "
        "identity number (personnummer), and revision_messages = true in site.toml publishes "
        "commit messages; set revision_messages = false, or rewrite the commit message",
        sv="incheckningen {commit} ({date}): dess meddelande innehåller '{found}', som ser ut "
        "som ett personnummer, och revision_messages = true i site.toml publicerar "
        "incheckningarnas meddelanden; skriv revision_messages = false, eller skriv om "
        "meddelandet",
        fix_en="Set revision_messages = false in site.toml, or have the commit message "
        "rewritten (ask whoever looks after the repository).",
        fix_sv="Skriv revision_messages = false i site.toml, eller låt skriva om "
        "incheckningens meddelande (fråga den som sköter arkivet).",
        example={"commit": "3f2a9c1", "date": "2025-03-12", "found": "121212-1212"},
        where="content/kommunstyrelsen/2025/2025-03-11.md",
    )

    # --- secrecy across files ------------------------------------------------------------

    WITHHELD_ATTACHMENT = Message(
        en="attachments: {file} is also referred to by a secret part of {source} and is not "
        "published; remove it here or there",
        sv="attachments: {file} nämns också i en del med sekretess i {source} och publiceras "
        "inte; ta bort den här eller där",
        fix_en="Decide whether the file is public: remove it from this meeting's attachments, "
        "or from the secret part of the other.",
        fix_sv="Avgör om filen är offentlig: ta bort den ur det här protokollets bilagor, eller "
        "ur den del av det andra som har sekretess.",
        example={
            "file": "files/utredning.pdf",
            "source": "content/kommunstyrelsen/2025/2025-02-11.md",
        },
        where="content/kommunstyrelsen/2025/2025-03-11.md:1",
    )
    WITHHELD_LINK = Message(
        en="the link to {file}: the file is also referred to by a secret part of {source} and "
        "is not published; remove the link here or there",
        sv="länken till {file}: filen nämns också i en del med sekretess i {source} och "
        "publiceras inte; ta bort länken här eller där",
        fix_en="Decide whether the file is public: remove the link here, or the mention in the "
        "secret part of the other meeting.",
        fix_sv="Avgör om filen är offentlig: ta bort länken här, eller omnämnandet i den del av "
        "det andra protokollet som har sekretess.",
        example={
            "file": "files/utredning.pdf",
            "source": "content/kommunstyrelsen/2025/2025-02-11.md",
        },
        where="content/kommunstyrelsen/2025/2025-03-11.md:31",
    )

    # --- dates of the meeting and the law ------------------------------------------------

    ADJUSTED_BEFORE_MEETING = Message(
        en="adjusted: {adjusted} is before the meeting ({date}); minutes are adjusted at or "
        "after the meeting: check the dates",
        sv="adjusted: {adjusted} ligger före sammanträdet ({date}); ett protokoll justeras vid "
        "eller efter sammanträdet: se över datumen",
        fix_en="Correct adjusted: (the day the minutes were adjusted) or date:.",
        fix_sv="Rätta adjusted: (dagen då protokollet justerades) eller date:.",
        example={"adjusted": "2025-03-10", "date": "2025-03-11"},
    )
    POSTED_BEFORE_ADJUSTED = Message(
        en="posted: {posted} is before adjusted ({adjusted}); the notice goes up once the "
        "minutes are adjusted: check the dates",
        sv="posted: {posted} ligger före justeringen ({adjusted}); anslaget sätts upp när "
        "protokollet har justerats: se över datumen",
        fix_en="Correct posted: (the day the notice went up) or adjusted:.",
        fix_sv="Rätta posted: (dagen då anslaget sattes upp) eller adjusted:.",
        example={"posted": "2025-03-12", "adjusted": "2025-03-13"},
    )
    POSTED_LATE = Message(
        en="posted: {posted} is {days} days after adjusted ({adjusted}); kommunallagen 8 kap. "
        "12 § says the notice goes up within two days of the adjustment (the next weekday when "
        "the second day is a Saturday, Sunday or holiday): check the dates",
        sv="posted: {posted} ligger {days} dagar efter justeringen ({adjusted}); enligt "
        "kommunallagen 8 kap. 12 § ska anslaget sättas upp inom två dagar efter justeringen "
        "(nästa vardag när den andra dagen är en lördag, söndag eller helgdag): se över datumen",
        fix_en="Correct the date if it is wrong; if the notice really went up late, the "
        "warning stays (it is an error with --strict).",
        fix_sv="Rätta datumet om det är fel; sattes anslaget verkligen upp för sent, står "
        "varningen kvar (med --strict är den ett fel).",
        example={"posted": "2025-03-20", "days": 7, "adjusted": "2025-03-13"},
    )
    ANNOUNCED_AFTER_MEETING = Message(
        en="announced: {announced} is after the meeting ({date}); an announcement goes up "
        "before the meeting: check the date",
        sv="announced: {announced} ligger efter sammanträdet ({date}); en kungörelse sätts upp "
        "före sammanträdet: se över datumet",
        fix_en="Correct announced: (the day the announcement went up) or date:.",
        fix_sv="Rätta announced: (dagen då kungörelsen sattes upp) eller date:.",
        example={"announced": "2025-03-12", "date": "2025-03-11"},
    )
    ANNOUNCED_LATE = Message(
        en="announced: {announced} is {days:#day|days} before the meeting ({date}); "
        "kommunallagen 5 kap. 62 § says a meeting of fullmäktige is announced at least a week "
        "before: check the date",
        sv="announced: {announced} ligger {days:#dag|dagar} före sammanträdet ({date}); enligt "
        "kommunallagen 5 kap. 62 § ska ett sammanträde med fullmäktige kungöras minst en "
        "vecka i förväg: se över datumet",
        fix_en="Correct the date if it is wrong; if the meeting really was announced late, the "
        "warning stays.",
        fix_sv="Rätta datumet om det är fel; kungjordes sammanträdet verkligen för sent, står "
        "varningen kvar.",
        example={"announced": "2025-03-07", "days": 4, "date": "2025-03-11"},
    )
    NO_NOTICE_PLACE = Message(
        en="status: adjusted minutes without notice_place (förvaringsplats: where the minutes "
        "are kept), which their notice must say; write notice_place: in the front matter, or "
        "notice_place in site.toml for every meeting",
        sv="status: justerat protokoll utan notice_place (förvaringsplats: var protokollet "
        "förvaras), som anslaget ska ange; skriv notice_place: i huvudet, eller notice_place i "
        "site.toml för alla sammanträden",
        fix_en='Add notice_place = "Kommunledningskontoret, Stora torget 1" to site.toml.',
        fix_sv='Lägg till notice_place = "Kommunledningskontoret, Stora torget 1" i site.toml.',
    )
    ITEM_POSTED_WITHOUT_ADJUSTED = Message(
        en="{item}: posted={posted} without adjusted=; an item adjusted at once gives both "
        "after its heading: adjusted=YYYY-MM-DD posted=YYYY-MM-DD",
        sv="{item}: posted={posted} utan adjusted=; en paragraf som justeras omedelbart har "
        "båda efter sin rubrik: adjusted=ÅÅÅÅ-MM-DD posted=ÅÅÅÅ-MM-DD",
        fix_en="Add adjusted= with the day the item was adjusted, beside posted=.",
        fix_sv="Lägg till adjusted= med dagen då paragrafen justerades, bredvid posted=.",
        example={"item": "§ 12", "posted": "2025-03-12"},
        where="content/kommunstyrelsen/2025/2025-03-11.md:40",
    )
    ITEM_ADJUSTED_IN_PLANNED = Message(
        en="{item}: adjusted={adjusted} on an item of a planned meeting; an item is adjusted "
        "at once when the meeting is held: remove it, or change status",
        sv="{item}: adjusted={adjusted} på en paragraf i ett planerat sammanträde; en paragraf "
        "justeras omedelbart när sammanträdet hålls: ta bort det, eller ändra status",
        fix_en="Remove adjusted= from the heading until the meeting is held.",
        fix_sv="Ta bort adjusted= från rubriken tills sammanträdet har hållits.",
        example={"item": "§ 12", "adjusted": "2025-03-11"},
        where="content/kommunstyrelsen/2025/2025-03-11.md:40",
    )
    ITEM_ADJUSTED_IN_DRAFT = Message(
        en="{item}: adjusted at once, but the minutes are a draft and not published, so its "
        "notice is not on the notice board; publish the minutes (status: adjusted), or the "
        "item as an extract of them (extract: true)",
        sv="{item}: justerad omedelbart, men protokollet är ett utkast och publiceras inte, så "
        "anslaget om paragrafen syns inte på anslagstavlan; publicera protokollet (status: "
        "adjusted), eller paragrafen som ett protokollsutdrag (extract: true)",
        fix_en="Publish the minutes, or an extract with the item, so that its notice is up.",
        fix_sv="Publicera protokollet, eller ett utdrag med paragrafen, så att anslaget syns.",
        example={"item": "§ 12"},
        where="content/kommunstyrelsen/2025/2025-03-11.md:40",
    )
    ITEM_ADJUSTED_BEFORE_MEETING = Message(
        en="{item}: adjusted={adjusted} is before the meeting ({date}); an item is adjusted at "
        "once at the meeting: check the date",
        sv="{item}: adjusted={adjusted} ligger före sammanträdet ({date}); en paragraf justeras "
        "omedelbart vid sammanträdet: se över datumet",
        fix_en="Correct adjusted= on the heading, or date: in the front matter.",
        fix_sv="Rätta adjusted= på rubriken, eller date: i huvudet.",
        example={"item": "§ 12", "adjusted": "2025-03-10", "date": "2025-03-11"},
        where="content/kommunstyrelsen/2025/2025-03-11.md:40",
    )
    ITEM_WITHOUT_POSTED = Message(
        en="{item}: adjusted at once without posted=, so its notice and the time to appeal "
        "cannot be shown; add posted= (the day its notice went up)",
        sv="{item}: justerad omedelbart utan posted=, så anslaget och tiden för överklagande "
        "kan inte visas; lägg till posted= (dagen då anslaget sattes upp)",
        fix_en="Add posted=YYYY-MM-DD beside adjusted= on the heading.",
        fix_sv="Lägg till posted=ÅÅÅÅ-MM-DD bredvid adjusted= på rubriken.",
        example={"item": "§ 12"},
        where="content/kommunstyrelsen/2025/2025-03-11.md:40",
    )
    ITEM_POSTED_BEFORE_ADJUSTED = Message(
        en="{item}: posted={posted} is before adjusted={adjusted}; its notice goes up once the "
        "item is adjusted: check the dates",
        sv="{item}: posted={posted} ligger före adjusted={adjusted}; anslaget sätts upp när "
        "paragrafen har justerats: se över datumen",
        fix_en="Correct posted= or adjusted= on the heading.",
        fix_sv="Rätta posted= eller adjusted= på rubriken.",
        example={"item": "§ 12", "posted": "2025-03-10", "adjusted": "2025-03-11"},
        where="content/kommunstyrelsen/2025/2025-03-11.md:40",
    )
    ITEM_POSTED_LATE = Message(
        en="{item}: posted={posted} is {days} days after adjusted={adjusted}; kommunallagen 8 "
        "kap. 12 § says the notice goes up within two days of the adjustment (the next weekday "
        "when the second day is a Saturday, Sunday or holiday): check the dates",
        sv="{item}: posted={posted} ligger {days} dagar efter adjusted={adjusted}; enligt "
        "kommunallagen 8 kap. 12 § ska anslaget sättas upp inom två dagar efter justeringen "
        "(nästa vardag när den andra dagen är en lördag, söndag eller helgdag): se över datumen",
        fix_en="Correct the date if it is wrong; if the notice really went up late, the "
        "warning stays.",
        fix_sv="Rätta datumet om det är fel; sattes anslaget verkligen upp för sent, står "
        "varningen kvar.",
        example={"item": "§ 12", "posted": "2025-03-18", "days": 7, "adjusted": "2025-03-11"},
        where="content/kommunstyrelsen/2025/2025-03-11.md:40",
    )
    ITEM_NO_NOTICE_PLACE = Message(
        en="{item}: adjusted at once without notice_place (förvaringsplats: where the minutes "
        "are kept), which its notice must say; write notice_place: in the front matter, or "
        "notice_place in site.toml for every meeting",
        sv="{item}: justerad omedelbart utan notice_place (förvaringsplats: var protokollet "
        "förvaras), som anslaget ska ange; skriv notice_place: i huvudet, eller notice_place "
        "i site.toml för alla sammanträden",
        fix_en='Add notice_place = "Kommunledningskontoret, Stora torget 1" to site.toml.',
        fix_sv='Lägg till notice_place = "Kommunledningskontoret, Stora torget 1" i site.toml.',
        example={"item": "§ 12"},
        where="content/kommunstyrelsen/2025/2025-03-11.md:40",
    )
    PLANNED_NOT_ANNOUNCED = Message(
        en="status: a planned meeting of {body}, which announces its meetings (announce: true "
        "in {file}), without announced: (the day its announcement went up), so it is not on "
        "the notice board; add announced: YYYY-MM-DD",
        sv="status: ett planerat sammanträde med {body}, som kungör sina sammanträden "
        "(announce: true i {file}), utan announced: (dagen då kungörelsen sattes upp), så det "
        "syns inte på anslagstavlan; lägg till announced: ÅÅÅÅ-MM-DD",
        fix_en="Add announced: with the day the announcement went up.",
        fix_sv="Lägg till announced: med dagen då kungörelsen sattes upp.",
        example={"body": "Kommunfullmäktige", "file": "content/bodies/kommunfullmaktige.md"},
    )
    ANNOUNCED_BUT_BODY_DOES_NOT = Message(
        en="announced: {body} does not announce its meetings, so this is on no notice board; "
        "add announce: true to {file}, or remove announced",
        sv="announced: {body} kungör inte sina sammanträden, så det här syns inte på någon "
        "anslagstavla; lägg till announce: true i {file}, eller ta bort announced",
        fix_en="Either the body announces its meetings (announce: true in its file under "
        "content/bodies/) or the meeting has no announced:.",
        fix_sv="Antingen kungör organet sina sammanträden (announce: true i dess fil under "
        "content/bodies/), eller så har sammanträdet inget announced:.",
        example={"body": "Kommunstyrelsen", "file": "content/bodies/kommunstyrelsen.md"},
    )

    # --- who took part and who voted ------------------------------------------------------

    FROM_NOT_AN_ITEM = Message(
        en="attendees: from: {number} is not the number of an item of this meeting; write the "
        "number of the item {name} arrived at, as its heading writes it (a number with a dot "
        'in quotes: "4.10")',
        sv="attendees: from: {number} är inte numret på någon paragraf i det här protokollet; "
        "skriv numret på paragrafen där {name} kom till sammanträdet, som rubriken skriver det "
        "(ett nummer med "
        'punkt inom citattecken: "4.10")',
        fix_en="Write the number of the item the member arrived at: from: 3.",
        fix_sv="Skriv numret på paragrafen där ledamoten kom till sammanträdet: from: 3.",
        example={"number": "31", "name": "Karin Kvist"},
    )
    UNTIL_NOT_AN_ITEM = Message(
        en="attendees: until: {number} is not the number of an item of this meeting; write the "
        "number of the last item {name} was present at, as its heading writes it (a number "
        'with a dot in quotes: "4.10")',
        sv="attendees: until: {number} är inte numret på någon paragraf i det här protokollet; "
        "skriv numret på den sista paragrafen där {name} var närvarande, som rubriken skriver "
        'det (ett nummer med punkt inom citattecken: "4.10")',
        fix_en="Write the number of the last item the member was present at: until: 5.",
        fix_sv="Skriv numret på den sista paragrafen där ledamoten var närvarande: until: 5.",
        example={"number": "4.1", "name": "Fatima Farah"},
    )
    LEFT_BEFORE_ARRIVING = Message(
        en="attendees: {name} left after {left} (until:), before arriving at {arrived} (from:); "
        "check the numbers",
        sv="attendees: {name} gick efter {left} (until:) men kom först vid {arrived} (from:); "
        "se över numren",
        fix_en="from: is the first item the member was present at, until: the last.",
        fix_sv="from: är den första paragrafen där ledamoten var närvarande, until: den sista.",
        example={"name": "Karin Kvist", "left": "§ 2", "arrived": "§ 5"},
    )
    PRESENT_AND_ABSENT = Message(
        en="absent: {name} is also listed in attendees; a member who came late or left early "
        "is an attendee with from: or until:",
        sv="absent: {name} står också bland de närvarande (attendees); en ledamot som kom "
        "senare eller gick tidigare skrivs bland de närvarande med from: eller until:",
        fix_en="Keep the member in one list: attendees (with from: or until:) or absent.",
        fix_sv="Skriv ledamoten i en av listorna: attendees (med from: eller until:) eller absent.",
        example={"name": "Bo Berg (M)"},
    )
    VOTED_TWICE = Message(
        en="vote: {member} is {other} (line {line}) written another way, and a member votes "
        "once; keep one of the lines",
        sv="omröstningen: {member} är samma person som {other} (rad {line}), skriven på ett "
        "annat sätt, och en ledamot röstar en gång; behåll en av raderna",
        fix_en="Remove one of the two lines of the member's vote.",
        fix_sv="Ta bort en av de två raderna med ledamotens röst.",
        example={"member": "Anna Andersson", "other": "Anna Andersson (S)", "line": 31},
        where="content/kommunstyrelsen/2025/2025-03-11.md:33",
    )
    VOTE_WITH_CONFLICT = Message(
        en="vote: {member} has a conflict of interest (jäv) in this item ('::: conflict' on "
        "line {line}) and takes no part in it, so cannot vote; remove the vote or the conflict",
        sv="omröstningen: {member} är jävig i den här paragrafen ('::: conflict' på rad {line}) "
        "och deltar inte i den, så kan inte rösta; ta bort rösten eller jävet",
        fix_en="A member with a conflict of interest does not vote: remove one of the two.",
        fix_sv="En jävig ledamot röstar inte: ta bort det ena av dem.",
        example={"member": "Anna Andersson (S)", "line": 25},
        where="content/kommunstyrelsen/2025/2025-03-11.md:31",
    )
    VOTE_BY_ABSENT = Message(
        en="vote: {member} is listed as absent (absent:) and cannot vote; remove the vote, or "
        "list the member in attendees",
        sv="omröstningen: {member} står bland de frånvarande (absent:) och kan inte rösta; ta "
        "bort rösten, eller skriv ledamoten bland de närvarande (attendees)",
        fix_en="Remove the vote, or move the member from absent: to attendees:.",
        fix_sv="Ta bort rösten, eller flytta ledamoten från absent: till attendees:.",
        example={"member": "Bo Berg (M)"},
        where="content/kommunstyrelsen/2025/2025-03-11.md:31",
    )
    VOTE_BEFORE_ARRIVING = Message(
        en="vote: {member} was not present at this item: arrived at {arrived} (from: on line "
        "{line}); remove the vote, or correct from: in attendees",
        sv="omröstningen: {member} var inte närvarande vid den här paragrafen: kom till "
        "sammanträdet vid {arrived} "
        "(from: på rad {line}); ta bort rösten, eller rätta from: bland de närvarande",
        fix_en="Remove the vote, or correct the item the member arrived at (from:).",
        fix_sv="Ta bort rösten, eller rätta paragrafen där ledamoten kom till sammanträdet "
        "(from:).",
        example={"member": "Karin Kvist (S)", "arrived": "§ 5", "line": 14},
        where="content/kommunstyrelsen/2025/2025-03-11.md:31",
    )
    VOTE_AFTER_LEAVING = Message(
        en="vote: {member} was not present at this item: left after {left} (until: on line "
        "{line}); remove the vote, or correct until: in attendees",
        sv="omröstningen: {member} var inte närvarande vid den här paragrafen: gick efter {left} "
        "(until: på rad {line}); ta bort rösten, eller rätta until: bland de närvarande",
        fix_en="Remove the vote, or correct the last item the member was present at (until:).",
        fix_sv="Ta bort rösten, eller rätta den sista paragrafen där ledamoten var närvarande "
        "(until:).",
        example={"member": "Fatima Farah (V)", "left": "§ 3", "line": 13},
        where="content/kommunstyrelsen/2025/2025-03-11.md:31",
    )

    # --- site.toml -----------------------------------------------------------------------

    SITE_NOT_UTF8 = Message(
        en="the file is not UTF-8 text (byte {byte}); save it as UTF-8",
        sv="filen är inte text i UTF-8 (byte {byte}); spara den som UTF-8",
        fix_en="Open site.toml in a text editor and save it with the encoding UTF-8.",
        fix_sv="Öppna site.toml i en textredigerare och spara den med teckenkodningen UTF-8.",
        example={"byte": 112},
        where="site.toml",
    )
    SITE_NOT_TOML = Message(
        en="cannot be read as settings ({reason}, column {column}); each line is key = value, "
        'text in quotes: title = "Protokoll"',
        sv="går inte att läsa som inställningar ({reason}, kolumn {column}); varje rad är "
        'nyckel = värde, text inom citattecken: title = "Protokoll"',
        fix_en="Look at the line: a missing quote or '=' is the usual cause.",
        fix_sv="Titta på raden: oftast saknas ett citattecken eller ett '='.",
        example={"reason": Reasons.NOT_KEY_VALUE(), "column": 7},
        where=SITE,
    )
    SETTING_NOT_TEXT = Message(
        en='{key}: expected text in quotes, got {got}; write {key} = "..."',
        sv='{key}: ska vara text inom citattecken, här står {got}; skriv {key} = "..."',
        fix_en='Put the value in double quotes: title = "Protokoll".',
        fix_sv='Sätt värdet inom dubbla citattecken: title = "Protokoll".',
        example={"key": "title", "got": "2025"},
        where=SITE,
    )
    SETTING_NOT_YES_NO = Message(
        en="{key}: expected true or false, got {got}",
        sv="{key}: skriv true (ja) eller false (nej), här står {got}",
        fix_en="Write true or false, without quotes.",
        fix_sv="Skriv true eller false, utan citattecken.",
        example={"key": "revisions", "got": '"nej"'},
        where=SITE,
    )
    SETTING_NOT_LIST = Message(
        en='{key}: expected a list of texts in quotes, such as ["a", "b"], got {got}',
        sv='{key}: skriv en lista med texter inom citattecken, till exempel ["a", "b"], här '
        "står {got}",
        fix_en='Write the list in brackets: decision_words = ["Beslut", '
        '"Kommunstyrelsens beslut"].',
        fix_sv='Skriv listan inom hakparenteser: decision_words = ["Beslut", '
        '"Kommunstyrelsens beslut"].',
        example={"key": "extra_keys", "got": '"diarieplan"'},
        where=SITE,
    )
    SETTING_NOT_TABLE = Message(
        en="{key}: expected a table (its name in brackets on a line of its own, its keys "
        "below it), got {got}",
        sv="{key}: ska vara en tabell (namnet inom hakparenteser på en egen rad, nycklarna "
        "under), här står {got}",
        fix_en="Write [accessibility] on a line of its own and its keys on the lines below.",
        fix_sv="Skriv [accessibility] på en egen rad och dess nycklar på raderna under.",
        example={"key": "accessibility", "got": '"webb@kommun.se"'},
        where=SITE,
    )
    SETTING_GIVEN_AS_TABLE = Message(
        en="{key}: written as a table (a name in brackets, or keys after a dot), but it is "
        "one value; write {key} = and the value",
        sv="{key}: är skriven som en tabell (ett namn inom hakparenteser, eller nycklar efter "
        "en punkt), men är ett enda värde; skriv {key} = och värdet",
        fix_en='Write the setting on one line: title = "Protokoll".',
        fix_sv='Skriv inställningen på en rad: title = "Protokoll".',
        example={"key": "title"},
        where=SITE,
    )
    SETTING_MISSPELT = Message(
        en="{key}: unknown setting; did you mean {guess}?",
        sv="{key}: okänd inställning; menar du {guess}?",
        fix_en="Write the setting as the format reference lists it.",
        fix_sv="Skriv inställningen som den står i formatreferensen.",
        example={"key": "titel", "guess": "title"},
        where=SITE,
    )
    SETTING_BELOW_TABLE = Message(
        en="{key}: unknown setting: a key below [{table}] belongs to that table; write {name} "
        "above the first [table] of the file",
        sv="{key}: okänd inställning: en nyckel under [{table}] hör till den tabellen; skriv "
        "{name} ovanför filens första [tabell]",
        fix_en="Move the line up, above the first line in brackets.",
        fix_sv="Flytta upp raden, ovanför den första raden inom hakparenteser.",
        example={"key": "accessibility.title", "table": "accessibility", "name": "title"},
        where="site.toml:14",
    )
    SETTING_IN_OTHER_TABLE = Message(
        en="{key}: unknown setting; did you mean {name} below [{table}]?",
        sv="{key}: okänd inställning; menar du {name} under [{table}]?",
        fix_en="Move the line below the table's line in brackets.",
        fix_sv="Flytta raden till under tabellens rad inom hakparenteser.",
        example={"key": "contact", "name": "contact", "table": "accessibility"},
        where=SITE,
    )
    SETTING_UNKNOWN = Message(
        en="{key}: unknown setting; the settings are listed in the format reference, and a "
        "theme's own settings go in the [extra] table",
        sv="{key}: okänd inställning; inställningarna räknas upp i formatreferensen, och ett "
        "temas egna inställningar skrivs i tabellen [extra]",
        fix_en="Correct the name, or move the line below [extra] if a theme reads it.",
        fix_sv="Rätta namnet, eller flytta raden till under [extra] om ett tema läser den.",
        example={"key": "logga"},
        where=SITE,
    )
    BASE_URL = Message(
        en="{key}: expected the absolute http(s) address the site is served from, such as "
        "https://kommun.se/protokoll/, got {got!r}",
        sv="{key}: skriv hela adressen som webbplatsen har, till exempel "
        "https://kommun.se/protokoll/, här står {got!r}",
        fix_en="Write the address with https:// and the host, as readers type it.",
        fix_sv="Skriv adressen med https:// och värdnamnet, som läsarna skriver den.",
        example={"key": "base_url", "got": "kommun.se/protokoll"},
        where=SITE,
    )
    BASE_URL_DOUBLE_SLASH = Message(
        en="{key}: the path of {got!r} starts with '//', which browsers read as another host; "
        "write one '/' after the host",
        sv="{key}: sökvägen i {got!r} börjar med '//', som webbläsare läser som en annan "
        "webbplats; skriv ett enda '/' efter värdnamnet",
        fix_en="Remove the extra slash: https://kommun.se/protokoll/.",
        fix_sv="Ta bort det extra snedstrecket: https://kommun.se/protokoll/.",
        example={"key": "base_url", "got": "https://kommun.se//protokoll/"},
        where=SITE,
    )
    WEB_ADDRESS = Message(
        en="{key}: expected an http(s) address such as https://github.com/ORG/REPO/..., got "
        "{got!r}",
        sv="{key}: skriv en http(s)-adress, till exempel https://github.com/ORG/REPO/..., här "
        "står {got!r}",
        fix_en="Write the whole address, starting with https://.",
        fix_sv="Skriv hela adressen, med https:// först.",
        example={"key": "edit_url", "got": "github.com/kommun/protokoll/edit/main/"},
        where=SITE,
    )
    LANGUAGE_UNKNOWN = Message(
        en="{key}: expected one of {languages}, got {got!r}",
        sv="{key}: skriv ett av {languages}, här står {got!r}",
        fix_en='Write language = "sv" for Swedish or "en" for English.',
        fix_sv='Skriv language = "sv" för svenska eller "en" för engelska.',
        example={"key": "language", "languages": "sv, en", "got": "svenska"},
        where=SITE,
    )
    TIME_ZONE_UNKNOWN = Message(
        en="{key}: unknown time zone {got!r}; write a name such as Europe/Stockholm",
        sv="{key}: okänd tidszon {got!r}; skriv ett namn som Europe/Stockholm",
        fix_en='Write timezone = "Europe/Stockholm", or remove the line (that is the default).',
        fix_sv='Skriv timezone = "Europe/Stockholm", eller ta bort raden (det är standard).',
        example={"key": "timezone", "got": "Sverige"},
        where=SITE,
    )
    SITE_TITLE_EMPTY = Message(
        en="title: empty; every page, feed and calendar is named by it: give the site's title "
        '(title = "Protokoll från Kommunen")',
        sv="title: är tom; varje sida, flöde och kalender har den som namn: skriv webbplatsens "
        'namn (title = "Protokoll från Kommunen")',
        fix_en="Write the site's name between the quotes.",
        fix_sv="Skriv webbplatsens namn mellan citattecknen.",
        where="site.toml:1",
    )
    SITE_CONTROL_CHARACTER = Message(
        en="{key}: the value holds the control character {code}, which no page or feed can "
        "hold; remove it",
        sv="{key}: värdet innehåller styrtecknet {code}, som ingen sida eller flöde kan visa; "
        "ta bort det",
        fix_en="Delete the character (written as an escape such as \\u000c), or type the value "
        "again.",
        fix_sv="Ta bort tecknet (skrivet som till exempel \\u000c), eller skriv värdet på nytt.",
        example={"key": "title", "code": "U+000C"},
        where=SITE,
    )
    THEME_MISSING = Message(
        en="theme: the site has no folder themes/{theme}/, so its pages would be built with the "
        "default theme; check the name, or remove the line to use the default theme",
        sv="theme: webbplatsen har ingen mapp themes/{theme}/, så sidorna skulle byggas med "
        "standardtemat; kontrollera namnet, eller ta bort raden för att använda standardtemat",
        fix_en='Write the name of a folder under themes/ (theme = "egen" for themes/egen/), '
        "or remove the line.",
        fix_sv='Skriv namnet på en mapp under themes/ (theme = "egen" för themes/egen/), '
        "eller ta bort raden.",
        example={"theme": "kommunen"},
        where="site.toml:7",
    )
