"""What the commands say around the problems: how each is shown, the summary line, and the
problems of the build itself (the output folder, the theme, the search index)."""

from __future__ import annotations

from .message import Message
from .reasons import Reasons


class Commands:
    """The catalogue's part for the commands and the build."""

    PROBLEM_AT = Message(
        en="{where}: {text}",
        sv="{where}: {text}",
        fix_en="Open the file at that line: the text after it says what is wrong.",
        fix_sv="Öppna filen på den raden: texten efter säger vad som är fel.",
        example={"where": "content/kommunstyrelsen/2025/2025-03-11.md:4", "text": "…"},
        where="",
    )
    WARNING_AT = Message(
        en="{where}: warning: {text}",
        sv="{where}: varning: {text}",
        fix_en="Probably a mistake: check the line. With --strict (as the workflows build) "
        "a warning stops the build like an error.",
        fix_sv="Troligen ett misstag: titta på raden. Med --strict (som arbetsflödena bygger "
        "med) stoppar en varning bygget som ett fel.",
        example={"where": "content/kommunstyrelsen/2025/2025-03-11.md:4", "text": "…"},
        where="",
    )
    MORE_LIKE_THIS = Message(
        en="  ... and {n} more like this (--verbose lists them all)",
        sv="  ... och {n} till av samma slag (--verbose visar alla)",
        fix_en="Mend the ones shown; run again with --verbose to see every place.",
        fix_sv="Rätta de som visas; kör igen med --verbose för att se alla ställen.",
        example={"n": 12},
        where="",
    )
    NO_PROBLEMS = Message(
        en="No errors, no warnings.",
        sv="Inga fel, inga varningar.",
        fix_en="Nothing to do.",
        fix_sv="Inget att göra.",
        where="",
    )
    SUMMARY_WARNINGS = Message(
        en="No errors, {warnings:#warning|warnings} (errors with --strict).",
        sv="Inga fel, {warnings:#varning|varningar} (fel med --strict).",
        fix_en="The site can be built; look at the warnings above, since the workflows build "
        "with --strict.",
        fix_sv="Webbplatsen kan byggas; titta på varningarna ovan, eftersom arbetsflödena "
        "bygger med --strict.",
        example={"warnings": 2},
        where="",
    )
    SUMMARY_ERRORS = Message(
        en="{errors:#error|errors}, {warnings:#warning|warnings}.",
        sv="{errors:#fel|fel}, {warnings:#varning|varningar}.",
        fix_en="Mend each error above at its file and line, then run the command again.",
        fix_sv="Rätta varje fel ovan i sin fil på sin rad och kör kommandot igen.",
        example={"errors": 1, "warnings": 0},
        where="",
    )
    SUMMARY_STRICT = Message(
        en="{errors:#error|errors}, {warnings:#warning|warnings}: --strict counts the "
        "warnings as errors.",
        sv="{errors:#fel|fel}, {warnings:#varning|varningar}: med --strict räknas "
        "varningarna som fel.",
        fix_en="Mend the warnings too, or build without --strict.",
        fix_sv="Rätta varningarna också, eller bygg utan --strict.",
        example={"errors": 0, "warnings": 3},
        where="",
    )
    NOTHING_WRITTEN = Message(
        en="Nothing was written ({folder} is unchanged).",
        sv="Ingenting skrevs ({folder} är som förut).",
        fix_en="The published site stays as it was until the build succeeds.",
        fix_sv="Den publicerade webbplatsen är kvar som den var tills ett bygge går igenom.",
        example={"folder": "_site"},
        where="",
    )
    ERROR = Message(
        en="error: {text}",
        sv="fel: {text}",
        fix_en="The command stopped before it did anything: mend what the line says and run "
        "it again.",
        fix_sv="Kommandot stannade innan det gjorde något: rätta det som raden säger och kör "
        "det igen.",
        example={"text": "site.toml:3: …"},
        where="",
    )

    # --- the command line ------------------------------------------------------------------
    OPTION_DATE = Message(
        en="{option}: expected a date as YYYY-MM-DD, got {got!r}",
        sv="{option}: skriv datumet som ÅÅÅÅ-MM-DD, här står {got!r}",
        fix_en="Write the date in digits, year first, such as --date 2025-03-11.",
        fix_sv="Skriv datumet med siffror, året först, till exempel --date 2025-03-11.",
        example={"option": "--date", "got": "11 mars"},
        where="",
    )
    SOURCE_DATE_EPOCH = Message(
        en="SOURCE_DATE_EPOCH: expected the build's time in whole seconds since 1970-01-01, "
        "got {got!r}",
        sv="SOURCE_DATE_EPOCH: ska vara byggets tid i hela sekunder sedan 1970-01-01, här står "
        "{got!r}",
        fix_en="Set the variable to a whole number of seconds (such as the last commit's time, "
        "git log -1 --format=%ct), or unset it to build with today's date.",
        fix_sv="Sätt variabeln till ett helt antal sekunder (till exempel tiden för senaste "
        "commit, git log -1 --format=%ct), eller ta bort den så byggs webbplatsen med dagens "
        "datum.",
        example={"got": "1.5e9"},
        where="",
    )
    COMMAND_UNKNOWN = Message(
        en="{command}: minutes has no such command; the commands are {commands}",
        sv="{command}: det finns inget sådant kommando i minutes; kommandona är {commands}",
        fix_en="Write one of the commands after minutes: minutes check, minutes build.",
        fix_sv="Skriv ett av kommandona efter minutes: minutes check, minutes build.",
        example={"command": "bygg", "commands": "build, check, init, new, schema, serve"},
        where="",
    )
    COMMAND_MISSPELT = Message(
        en="{command}: minutes has no such command; did you mean {suggestion}?",
        sv="{command}: det finns inget sådant kommando i minutes; menar du {suggestion}?",
        fix_en="Correct the command's spelling: minutes build, not minutes bild.",
        fix_sv="Rätta stavningen av kommandot: minutes build, inte minutes bild.",
        example={"command": "bild", "suggestion": "build"},
        where="",
    )
    OPTION_UNKNOWN = Message(
        en="{option}: {command} has no such option; {help} lists them",
        sv="{option}: {command} har ingen sådan flagga; {help} visar alla",
        fix_en="Remove the option, or write one that --help lists.",
        fix_sv="Ta bort flaggan, eller skriv en som --help visar.",
        example={
            "option": "--utan-sök",
            "command": "minutes build",
            "help": "minutes build --help",
        },
        where="",
    )
    OPTION_MISSPELT = Message(
        en="{option}: {command} has no such option; did you mean {suggestion}?",
        sv="{option}: {command} har ingen sådan flagga; menar du {suggestion}?",
        fix_en="Correct the option's spelling, such as --strict for --strikt.",
        fix_sv="Rätta stavningen av flaggan, till exempel --strict för --strikt.",
        example={"option": "--strikt", "command": "minutes check", "suggestion": "--strict"},
        where="",
    )
    OPTION_MISSING = Message(
        en="{option} is missing: {command} needs it; {help} says what to write",
        sv="{option} saknas: {command} behöver den; {help} visar vad du ska skriva",
        fix_en="Write the option and its value: minutes new --body Kommunstyrelsen --date "
        "2025-03-11.",
        fix_sv="Skriv flaggan och dess värde: minutes new --body Kommunstyrelsen --date "
        "2025-03-11.",
        example={"option": "--body", "command": "minutes new", "help": "minutes new --help"},
        where="",
    )
    ARGUMENT_MISSING = Message(
        en="{command}: write the new site's folder after the command, such as {command} protokoll",
        sv="{command}: skriv den nya webbplatsens mapp efter kommandot, till exempel {command} "
        "protokoll",
        fix_en="Name a folder that does not exist yet: minutes init protokoll.",
        fix_sv="Ange en mapp som inte finns ännu: minutes init protokoll.",
        example={"command": "minutes init"},
        where="",
    )
    OPTION_NEEDS_VALUE = Message(
        en="{option}: write its value after it; {help} says what it takes",
        sv="{option}: skriv värdet efter flaggan; {help} visar vad den tar emot",
        fix_en="Write the value after the option, with a space between; a value with spaces "
        'in quotes: --body "Barn- och utbildningsnämnden".',
        fix_sv="Skriv värdet efter flaggan, med ett mellanslag emellan; ett värde med "
        'mellanslag inom citattecken: --body "Barn- och utbildningsnämnden".',
        example={"option": "--date", "help": "minutes new --help"},
        where="",
    )
    OPTION_TAKES_NO_VALUE = Message(
        en="{option} takes no value: write it alone",
        sv="{option} tar inget värde: skriv flaggan ensam",
        fix_en="Write the option without '=' and a value: --strict, not --strict=yes.",
        fix_sv="Skriv flaggan utan '=' och värde: --strict, inte --strict=ja.",
        example={"option": "--strict"},
        where="",
    )
    OPTION_CHOICE = Message(
        en="{option}: write one of {choices}, got {got!r}",
        sv="{option}: skriv ett av {choices}, här står {got!r}",
        fix_en="Write one of the values the message lists, as it is written there.",
        fix_sv="Skriv ett av värdena som meddelandet räknar upp, så som det skrivs där.",
        example={"option": "--language", "choices": "sv, en", "got": "svenska"},
        where="",
    )
    OPTION_WHOLE_NUMBER = Message(
        en="{option}: write a whole number from {least} to {most}, got {got!r}",
        sv="{option}: skriv ett heltal från {least} till {most}, här står {got!r}",
        fix_en="Write the number in digits, without a unit: --port 8080.",
        fix_sv="Skriv talet med siffror, utan enhet: --port 8080.",
        example={"option": "--port", "least": 0, "most": 65535, "got": "åttatusen"},
        where="",
    )
    OPTION_WHOLE_NUMBER_FROM = Message(
        en="{option}: write a whole number, {least} or more, got {got!r}",
        sv="{option}: skriv ett heltal, {least} eller mer, här står {got!r}",
        fix_en="Write the number in digits: --jobs 2 (or 0 for one per core).",
        fix_sv="Skriv talet med siffror: --jobs 2 (eller 0 för en per kärna).",
        example={"option": "--jobs", "least": 0, "got": "-1"},
        where="",
    )
    OPTION_NOT_FOLDER = Message(
        en="{option}: {got} is a file; write the folder",
        sv="{option}: {got} är en fil; skriv mappen",
        fix_en="Write the folder the site is in (the one with site.toml), not a file in it.",
        fix_sv="Skriv mappen som webbplatsen ligger i (den med site.toml), inte en fil i den.",
        example={"option": "--source", "got": "site.toml"},
        where="",
    )
    EXTRA_WORDS = Message(
        en="{words}: {command} does not know what to do with this; {help} says what it takes",
        sv="{words}: {command} vet inte vad det ska göra med det här; {help} visar vad det tar "
        "emot",
        fix_en="Write each value after its option: minutes build --source webbplats, not "
        "minutes build webbplats.",
        fix_sv="Skriv varje värde efter sin flagga: minutes build --source webbplats, inte "
        "minutes build webbplats.",
        example={"words": "webbplats", "command": "minutes build", "help": "minutes build --help"},
        where="",
    )
    COMMAND_LINE_UNREADABLE = Message(
        en="{command}: the command line cannot be read; {help} says what to write",
        sv="{command}: kommandoraden går inte att läsa; {help} visar vad du ska skriva",
        fix_en="Compare the command with what --help shows, option by option.",
        fix_sv="Jämför kommandot med det som --help visar, flagga för flagga.",
        example={"command": "minutes build", "help": "minutes build --help"},
        where="",
    )
    BUILT = Message(
        en="Built {meetings:#meeting|meetings}, {pages:#page|pages} in {seconds:.1f} s "
        "({rendered} rendered, {written} files written, {unchanged} unchanged) → {folder} "
        "({size} in {entries} files and folders: {per_size} and {per_entries:.1f} files and "
        "folders per meeting).",
        sv="Klart: {meetings:#sammanträde|sammanträden}, {pages:#sida|sidor} på {seconds:.1f} s "
        "({rendered} gjordes om, {written:#fil|filer} skrevs, {unchanged} var som förut) → "
        "{folder} ({size} i {entries} filer och mappar: {per_size} och {per_entries:.1f} filer "
        "och mappar per sammanträde).",
        fix_en="Nothing to mend: the site is built. The sizes are what a host counts "
        "(GitHub Pages and GitLab Pages refuse a site of 1 GB).",
        fix_sv="Inget att rätta: webbplatsen är byggd. Storlekarna är det som ett webbhotell "
        "räknar (GitHub Pages och GitLab Pages tar inte emot en webbplats på 1 GB).",
        example={
            "meetings": 12,
            "pages": 97,
            "seconds": 1.4,
            "rendered": 97,
            "written": 131,
            "unchanged": 0,
            "folder": "_site",
            "size": "231 KB",
            "entries": 160,
            "per_size": "193 KB",
            "per_entries": 13.3,
        },
        where="",
    )
    WROTE = Message(
        en="wrote {file}",
        sv="skrev {file}",
        fix_en="Nothing to mend: the file is new. Open it and fill it in.",
        fix_sv="Inget att rätta: filen är ny. Öppna den och fyll i den.",
        example={"file": "content/kommunstyrelsen/2025/2025-03-11.md"},
        where="",
    )
    WROTE_NUMBERED = Message(
        en="wrote {file} (items numbered on from § {last}, the last of {body} in {year})",
        sv="skrev {file} (paragraferna numreras vidare efter § {last}, den senaste för {body} "
        "{year})",
        fix_en="Nothing to mend: § numbers run on through a body's year. Check the numbers "
        "if a meeting before it is not written yet.",
        fix_sv="Inget att rätta: paragraferna numreras löpande under organets år. Titta på "
        "numren om ett tidigare sammanträde inte är skrivet än.",
        example={
            "file": "content/kommunstyrelsen/2025/2025-04-08.md",
            "last": 52,
            "body": "Kommunstyrelsen",
            "year": "2025",
        },
        where="",
    )

    # --- minutes init and minutes new ------------------------------------------------------
    SITE_EXISTS = Message(
        en="{file} exists: {folder} is a site already; give minutes init a new folder",
        sv="{file} finns redan: {folder} är redan en webbplats; ge minutes init en ny mapp",
        fix_en="minutes init only starts new sites: give the name of a folder that does not "
        "exist yet.",
        fix_sv="minutes init gör bara nya webbplatser: ange namnet på en mapp som inte finns än.",
        example={"file": "protokoll/site.toml", "folder": "protokoll"},
        where="",
    )
    INIT_FILE_EXISTS = Message(
        en="{file} exists; nothing was written (minutes init never replaces a file)",
        sv="{file} finns redan; ingenting skrevs (minutes init skriver aldrig över en fil)",
        fix_en="Move the file away, or give minutes init a new folder.",
        fix_sv="Flytta filen, eller ge minutes init en ny mapp.",
        example={"file": "protokoll/.gitignore"},
        where="",
    )
    BODY_NUL = Message(
        en="--body: the name holds a NUL character (\\0); remove it",
        sv="--body: namnet innehåller ett NUL-tecken (\\0); ta bort det",
        fix_en="Type the body's name again, letters and spaces only.",
        fix_sv="Skriv organets namn igen, med bara bokstäver och mellanslag.",
        where="",
    )
    BODY_UNSHOWABLE = Message(
        en="--body: the name holds the character {code}, which no page can show; remove it",
        sv="--body: namnet innehåller tecknet {code}, som ingen sida kan visa; ta bort det",
        fix_en="Type the body's name again rather than pasting it: the hidden character came "
        "with the copied text.",
        fix_sv="Skriv organets namn igen i stället för att klistra in det: det osynliga tecknet "
        "följde med den kopierade texten.",
        example={"code": "U+0007"},
        where="",
    )
    BODY_EMPTY = Message(
        en="--body: give the body's name, such as --body Kommunstyrelsen",
        sv="--body: skriv organets namn, till exempel --body Kommunstyrelsen",
        fix_en="Write the name of the body that met after --body, as in its body file.",
        fix_sv="Skriv namnet på organet som sammanträdde efter --body, som i organets fil.",
        where="",
    )
    MEETING_EXISTS = Message(
        en="{file} exists; it was not overwritten (open it to go on writing)",
        sv="{file} finns redan och skrevs inte över (öppna den och skriv vidare)",
        fix_en="Open the file that is there, or give another --date if the body met twice.",
        fix_sv="Öppna filen som finns, eller ange ett annat --date om organet sammanträdde två "
        "gånger.",
        example={"file": "content/kommunstyrelsen/2025/2025-03-11.md"},
        where="",
    )

    # --- the output folder -----------------------------------------------------------------
    OUTPUT_LINK_LOOP = Message(
        en="output folder {folder}: it is a link that leads round in a loop (or cannot be "
        "followed); give a folder",
        sv="utmappen {folder}: det är en länk som går runt i en slinga (eller inte kan följas); "
        "ange en mapp",
        fix_en="Give --output a real folder, such as _site, or mend the link.",
        fix_sv="Ge --output en riktig mapp, till exempel _site, eller laga länken.",
        example={"folder": "_site"},
        where="",
    )
    OUTPUT_IN_CACHE = Message(
        en="output folder {folder}: it is inside {cache}/, which minutes keeps for itself (a "
        "build removes and replaces files there); give a folder outside it, such as _site",
        sv="utmappen {folder}: den ligger i {cache}/, som minutes har för sig själv (ett bygge "
        "tar bort och byter filer där); ange en mapp utanför, till exempel _site",
        fix_en="Build into _site (the default) or another folder of its own.",
        fix_sv="Bygg till _site (det vanliga) eller en annan egen mapp.",
        example={"folder": ".minutes-cache/ut", "cache": ".minutes-cache"},
        where="",
    )
    OUTPUT_IS_SITE = Message(
        en="output folder {folder}: that is the site folder itself; a build replaces its "
        "output whole, so give a folder of its own, such as _site",
        sv="utmappen {folder}: det är webbplatsens egen mapp; ett bygge ersätter hela utmappen, "
        "så ange en egen mapp, till exempel _site",
        fix_en="Leave out --output (the site goes to _site) or give a new folder.",
        fix_sv="Ta bort --output (då hamnar webbplatsen i _site) eller ange en ny mapp.",
        example={"folder": "."},
        where="",
    )
    OUTPUT_HOLDS_SITE = Message(
        en="output folder {folder}: it holds the site folder {site}; a build replaces its "
        "output whole, so give a folder of its own, such as _site",
        sv="utmappen {folder}: webbplatsens mapp {site} ligger i den; ett bygge ersätter hela "
        "utmappen, så ange en egen mapp, till exempel _site",
        fix_en="Leave out --output (the site goes to _site) or give a new folder.",
        fix_sv="Ta bort --output (då hamnar webbplatsen i _site) eller ange en ny mapp.",
        example={"folder": "..", "site": "/home/anna/protokoll"},
        where="",
    )
    OUTPUT_IN_CONTENT = Message(
        en="output folder {folder}: it is inside content/, where the clerks' files are; give "
        "a folder outside content/, such as _site",
        sv="utmappen {folder}: den ligger i content/, där protokollen finns; ange en mapp "
        "utanför content/, till exempel _site",
        fix_en="Leave out --output (the site goes to _site) or give a folder outside content/.",
        fix_sv="Ta bort --output (då hamnar webbplatsen i _site) eller ange en mapp utanför "
        "content/.",
        example={"folder": "content/ut"},
        where="",
    )
    OUTPUT_IS_FILE = Message(
        en="output folder {folder}: it is a file, not a folder; give a folder",
        sv="utmappen {folder}: det är en fil, inte en mapp; ange en mapp",
        fix_en="Give --output the name of a folder, such as _site.",
        fix_sv="Ge --output namnet på en mapp, till exempel _site.",
        example={"folder": "anteckningar.txt"},
        where="",
    )
    OUTPUT_HOLDS_SOURCES = Message(
        en="output folder {folder}: it holds {name}, so it looks like a site's sources; a "
        "build replaces its output whole, so give a folder of its own, such as _site",
        sv="utmappen {folder}: den innehåller {name}, så den ser ut att höra till en annan "
        "webbplats; ett bygge ersätter hela utmappen, så ange en egen mapp, till exempel _site",
        fix_en="Give --output a folder of its own: never another site's folder.",
        fix_sv="Ge --output en egen mapp, aldrig en annan webbplats mapp.",
        example={"folder": "../andra-protokoll", "name": "site.toml"},
        where="",
    )
    OUTPUT_NOT_OURS = Message(
        en="output folder {folder}: it holds files that minutes did not write (there is no "
        "{marker} in it); a build replaces its output whole, so remove or empty it, or give "
        "another folder",
        sv="utmappen {folder}: den innehåller filer som minutes inte har skrivit (det finns "
        "ingen {marker} i den); ett bygge ersätter hela utmappen, så ta bort eller töm den, "
        "eller ange en annan mapp",
        fix_en="Move the files you want to keep, then empty the folder, or build into a new "
        "folder.",
        fix_sv="Flytta de filer du vill behålla och töm mappen, eller bygg till en ny mapp.",
        example={"folder": "www", "marker": ".minutes-output"},
        where="",
    )
    BUILD_WAITING = Message(
        en="waiting for another build of {folder} to finish ...",
        sv="väntar på att ett annat bygge av {folder} ska bli klart ...",
        fix_en="Nothing to mend: two builds of one folder take turns.",
        fix_sv="Inget att rätta: två byggen av samma mapp turas om.",
        example={"folder": "_site"},
        where="",
    )

    # --- attachments as the build writes them ----------------------------------------------
    FILE_LINKS_OUTSIDE = Message(
        en="it is a link to a file outside content/, which is never published; put the file "
        "itself in content/",
        sv="det är en länk till en fil utanför content/, och sådana publiceras aldrig; lägg "
        "själva filen i content/",
        fix_en="Copy the file into content/files/ in place of the link.",
        fix_sv="Kopiera filen till content/files/ i stället för länken.",
        where="content/files/bilaga-1.pdf",
    )
    FILE_NOT_REGULAR = Message(
        en="it is not a regular file; only files can be published",
        sv="det är ingen vanlig fil; bara filer kan publiceras",
        fix_en="Put the file itself there, or remove what is there.",
        fix_sv="Lägg själva filen där, eller ta bort det som ligger där.",
        where="content/files/bilaga-1.pdf",
    )

    # --- the theme, the search index and the disk ------------------------------------------
    TEMPLATE_FAILED = Message(
        en="{where}: the theme's template could not be used: {text}",
        sv="{where}: temats mall gick inte att använda: {text}",
        fix_en="Mend the template at that line (the text after it is Jinja's, in English), or "
        "remove the site's own theme to build with the default one.",
        fix_sv="Rätta mallen på den raden (texten efter är Jinjas, på engelska), eller ta bort "
        "webbplatsens eget tema så byggs den med standardtemat.",
        example={"where": "themes/egen/templates/meeting.html:8", "text": "unexpected '}'"},
        where="",
    )
    TEMPLATE_MISSING = Message(
        en="{where}: the template {name} is in neither the site's theme nor the default theme; "
        "check its name, or add the file to the theme's templates/",
        sv="{where}: mallen {name} finns varken i webbplatsens tema eller i standardtemat; "
        "kontrollera namnet, eller lägg filen i temats templates/",
        fix_en="Correct the name in the template's include, import or extends, or add that "
        "file to themes/<theme>/templates/.",
        fix_sv="Rätta namnet i mallens include, import eller extends, eller lägg den filen i "
        "themes/<tema>/templates/.",
        example={"where": "themes/egen/templates/meeting.html:3", "name": "_sidfot.html"},
        where="",
    )
    SEARCH_HEAD_MISSING = Message(
        en="a meeting page must carry the <meta> elements search filters by: write "
        "{{{{ search.head(meeting) }}}} in the template's head block",
        sv="en sida för ett sammanträde måste ha de <meta>-element som sökningen filtrerar på: "
        "skriv {{{{ search.head(meeting) }}}} i mallens head-block",
        fix_en="Add the line to the theme's meeting.html, in its head block (block head).",
        fix_sv="Lägg till raden i temats meeting.html, i dess head-block (block head).",
        where="themes/egen/templates/meeting.html",
    )
    SEARCH_BODY_MISSING = Message(
        en="a meeting page must mark the element that holds the minutes' text for search: "
        "write {{{{ search.body }}}} in its opening tag (<article {{{{ search.body }}}}>)",
        sv="en sida för ett sammanträde måste märka ut det element som innehåller protokollets "
        "text för sökningen: skriv {{{{ search.body }}}} i dess starttagg "
        "(<article {{{{ search.body }}}}>)",
        fix_en="Add it to the opening tag of the element around the text in meeting.html.",
        fix_sv="Lägg till det i starttaggen för elementet runt texten i meeting.html.",
        where="themes/egen/templates/meeting.html",
    )
    SEARCH_DATA_MISSING = Message(
        en="the search page must carry the names its script asks the index for: write "
        "{{{{ search.data }}}} in the template's main block",
        sv="söksidan måste ha de namn som dess skript frågar indexet efter: skriv "
        "{{{{ search.data }}}} i mallens main-block",
        fix_en="Add the line to the theme's search.html, in its main block (block main).",
        fix_sv="Lägg till raden i temats search.html, i dess main-block (block main).",
        where="themes/egen/templates/search.html",
    )
    SEARCH_INDEX_FAILED = Message(
        en="the search index of {part} could not be made (Pagefind stopped with code "
        "{status}): {output}",
        sv="sökindexet för {part} kunde inte göras (Pagefind avslutades med kod {status}): "
        "{output}",
        fix_en="Build again; if it fails again, build with --no-search and give the lines "
        "above to whoever looks after the site.",
        fix_sv="Bygg igen; går det inte heller, bygg med --no-search och ge raderna ovan till "
        "den som sköter webbplatsen.",
        example={"part": "2025", "status": 1, "output": "Error: …"},
        where="",
    )
    DISK_FAILED = Message(
        en="could not read or write {file}: {reason}. The content is not at fault: check the "
        "disk (is it full, or read-only?) and build again.",
        sv="kunde inte läsa eller skriva {file}: {reason}. Det är inget fel i innehållet: "
        "titta efter om disken är full eller skrivskyddad och bygg igen.",
        fix_en="Free space on the disk or ask for write access to the folder, then build again.",
        fix_sv="Frigör utrymme på disken eller be om rätt att skriva i mappen, och bygg igen.",
        example={"file": "_site/index.html", "reason": Reasons.DISK_FULL()},
        where="",
    )
    DISK_FAILED_SOMEWHERE = Message(
        en="could not read or write a file: {reason}. The content is not at fault: check the "
        "disk (is it full, or read-only?) and build again.",
        sv="kunde inte läsa eller skriva en fil: {reason}. Det är inget fel i innehållet: "
        "titta efter om disken är full eller skrivskyddad och bygg igen.",
        fix_en="Free space on the disk or ask for write access to the folder, then build again.",
        fix_sv="Frigör utrymme på disken eller be om rätt att skriva i mappen, och bygg igen.",
        example={"reason": Reasons.DISK_FULL()},
        where="",
    )

    # --- minutes serve ---------------------------------------------------------------------
    SERVE_STARTING_FROM = Message(
        en="Starting from the site in {folder}",
        sv="Börjar från webbplatsen i {folder}",
        fix_en="Nothing to mend: serve reuses the pages minutes build made.",
        fix_sv="Inget att rätta: serve återanvänder sidorna som minutes build gjorde.",
        example={"folder": "_site"},
        where="",
    )
    SERVE_BUILT = Message(
        en="Built {meetings:#meeting|meetings}, {pages:#page|pages} in {seconds:.1f} s "
        "({rendered} rendered)",
        sv="Klart: {meetings:#sammanträde|sammanträden}, {pages:#sida|sidor} på {seconds:.1f} s "
        "({rendered} gjordes om)",
        fix_en="Nothing to mend: open the address on the next line.",
        fix_sv="Inget att rätta: öppna adressen på nästa rad.",
        example={"meetings": 12, "pages": 97, "seconds": 1.4, "rendered": 97},
        where="",
    )
    SERVING = Message(
        en="Serving the site on {url} (Ctrl-C stops)",
        sv="Webbplatsen visas på {url} (Ctrl-C avslutar)",
        fix_en="Open the address in the browser; the page reloads each time you save a file.",
        fix_sv="Öppna adressen i webbläsaren; sidan laddas om varje gång du sparar en fil.",
        example={"url": "http://127.0.0.1:8000/protokoll/"},
        where="",
    )
    SERVE_READY = Message(
        en="Ready for edits",
        sv="Redo för ändringar",
        fix_en="Nothing to mend: edit and save, and the page in the browser follows.",
        fix_sv="Inget att rätta: ändra och spara, så följer sidan i webbläsaren med.",
        where="",
    )
    SERVE_REBUILT = Message(
        en="Rebuilt: {rendered:#page|pages} rendered in {seconds:.2f} s",
        sv="Byggt igen: {rendered:#sida|sidor} gjordes om på {seconds:.2f} s",
        fix_en="Nothing to mend: the browser reloads by itself.",
        fix_sv="Inget att rätta: webbläsaren laddar om av sig själv.",
        example={"rendered": 3, "seconds": 0.21},
        where="",
    )
    SERVE_CHANGES_DROPPED = Message(
        en="Some file changes were not reported (too many at once); every file is checked",
        sv="Några ändringar i filerna rapporterades inte (för många på en gång); alla filer "
        "kontrolleras",
        fix_en="Nothing to mend: the next build looks at every file.",
        fix_sv="Inget att rätta: nästa bygge tittar på alla filer.",
        where="",
    )
    SERVE_FILE_GONE = Message(
        en="{file}: {reason}; the site is built again on the next change",
        sv="{file}: {reason}; webbplatsen byggs igen vid nästa ändring",
        fix_en="Usually a file was moved or removed while it was read: save a file to build again.",
        fix_sv="Oftast flyttades eller togs en fil bort medan den lästes: spara en fil så byggs "
        "det igen.",
        example={
            "file": "content/kommunstyrelsen/2025/2025-03-11.md",
            "reason": Reasons.NO_SUCH_FILE(),
        },
        where="",
    )
    SERVE_FILE_GONE_SOMEWHERE = Message(
        en="a file could not be read: {reason}; the site is built again on the next change",
        sv="en fil gick inte att läsa: {reason}; webbplatsen byggs igen vid nästa ändring",
        fix_en="Usually a file was moved or removed while it was read: save a file to build again.",
        fix_sv="Oftast flyttades eller togs en fil bort medan den lästes: spara en fil så byggs "
        "det igen.",
        example={"reason": Reasons.NO_SUCH_FILE()},
        where="",
    )
    SERVE_BUG = Message(
        en="the build failed: {error} (see the terminal)",
        sv="bygget misslyckades: {error} (se terminalen)",
        fix_en="A fault in minutes, not in the content: copy what the terminal shows into an "
        "issue for minutes' developers.",
        fix_sv="Ett fel i minutes, inte i innehållet: kopiera det som terminalen visar till ett "
        "ärende till utvecklarna av minutes.",
        example={"error": "KeyError('a bug')"},
        where="",
    )
    SERVE_PAGE_TITLE = Message(
        en="The site could not be built",
        sv="Webbplatsen kunde inte byggas",
        fix_en="The browser shows what is wrong instead of the page: mend each line it lists.",
        fix_sv="Webbläsaren visar vad som är fel i stället för sidan: rätta varje rad som står "
        "där.",
        where="",
    )
    SERVE_PAGE_HINT = Message(
        en="Mend the files; this page reloads when the build succeeds.",
        sv="Rätta filerna; sidan laddas om när bygget går igenom.",
        fix_en="Save the file after mending it; the page follows by itself.",
        fix_sv="Spara filen när du har rättat den; sidan följer med av sig själv.",
        where="",
    )
    SERVE_LOCAL_ONLY = Message(
        en="minutes serve answers only requests for localhost, 127.0.0.1 or [::1]",
        sv="minutes serve svarar bara på adresserna localhost, 127.0.0.1 och [::1]",
        fix_en="Open http://localhost:8000/ on the same computer; serve is not for others to see.",
        fix_sv="Öppna http://localhost:8000/ på samma dator; serve är inte till för andra.",
        where="",
    )
    SERVE_NOT_FOUND = Message(
        en="no such page",
        sv="sidan finns inte",
        fix_en="Check the address: the site is served under its own path, such as /protokoll/.",
        fix_sv="Titta på adressen: webbplatsen visas under sin egen sökväg, till exempel "
        "/protokoll/.",
        where="",
    )

    # --- the progress bar on a terminal ----------------------------------------------------
    PROGRESS_READING = Message(
        en="Reading the files",
        sv="Läser filerna",
        fix_en="Nothing to mend: the bar shows how far the build has come.",
        fix_sv="Inget att rätta: stapeln visar hur långt bygget har kommit.",
        where="",
    )
    PROGRESS_RENDERING = Message(
        en="Making the pages",
        sv="Gör sidorna",
        fix_en="Nothing to mend: the bar shows how far the build has come.",
        fix_sv="Inget att rätta: stapeln visar hur långt bygget har kommit.",
        where="",
    )
    PROGRESS_INDEXING = Message(
        en="Indexing for search",
        sv="Gör sökindexet",
        fix_en="Nothing to mend: the bar shows how far the build has come.",
        fix_sv="Inget att rätta: stapeln visar hur långt bygget har kommit.",
        where="",
    )
