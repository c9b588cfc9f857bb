"""Messages about a meeting's text below the front matter: agenda items (§), decisions,
containers (``:::``), votes, links, secrecy and personal identity numbers; and the checks
made across files (links, references, § numbers, two things on one address)."""

from __future__ import annotations

from .message import Message
from .names import Names

PAGE = "content/pages/om.md:5"
BODY = "content/bodies/kommunstyrelsen.md:2"


class Text:
    """The catalogue's part for the Markdown text of meetings and pages."""

    # -- the file as a whole -------------------------------------------------------------

    NOT_UTF8 = Message(
        en="not UTF-8 text (save the file as UTF-8)",
        sv="filen är inte sparad som UTF-8 (spara den som UTF-8)",
        fix_en="Save the file again with the encoding UTF-8 (most editors offer it under "
        "'Save as' or 'Encoding').",
        fix_sv="Spara filen igen med teckenkodningen UTF-8 (de flesta redigerare har den under "
        "'Spara som' eller 'Kodning').",
        where="content/kommunstyrelsen/2025/2025-03-11.md:1",
    )
    NUL_BYTE = Message(
        en="NUL byte in text: this is not a text file, or it is damaged",
        sv="texten innehåller ett NUL-tecken: det är ingen textfil, eller så är filen skadad",
        fix_en="Open the file in a text editor and save it as plain UTF-8 text; a file from a "
        "word processor has to be copied into a text file.",
        fix_sv="Öppna filen i en textredigerare och spara den som vanlig text i UTF-8; en fil "
        "från ett ordbehandlingsprogram måste klistras in i en textfil.",
    )
    CONTROL_CHARACTER = Message(
        en="the text holds the control character U+{code} (a page break or the like, copied "
        "from another program?), which no page can hold; remove it",
        sv="texten innehåller styrtecknet U+{code} (en sidbrytning eller liknande, kopierad "
        "från ett annat program?), som ingen webbsida kan visa; ta bort det",
        fix_en="Delete the invisible character on that line (retype the line if you cannot "
        "see it).",
        fix_sv="Ta bort det osynliga tecknet på raden (skriv om raden om du inte ser det).",
        example={"code": "000C"},
    )
    NO_FRONT_MATTER = Message(
        en="no front matter: a meeting file starts with a line '---' (three dashes), then "
        "body: and date:, then another line '---'",
        sv="huvudet saknas: en protokollsfil börjar med en rad '---' (tre bindestreck), sedan "
        "body: och date: och sist en rad '---' till",
        fix_en="Put a line '---' first in the file, then the keys (body:, date:, ...), then "
        "another line '---'.",
        fix_sv="Skriv en rad '---' först i filen, sedan nycklarna (body:, date: ...) och sist en "
        "rad '---' till.",
        where="content/kommunstyrelsen/2025/2025-03-11.md:1",
    )
    FRONT_MATTER_NOT_CLOSED = Message(
        en="the line '---' on line 1 begins the front matter, but no line '---' ends it: write "
        "a line with only '---' after the last key (date:, status: ...)",
        sv="raden '---' på rad 1 börjar huvudet, men ingen rad '---' avslutar det: skriv en rad "
        "med bara '---' efter den sista nyckeln (date:, status: ...)",
        fix_en="Put a line with only '---' between the last key and the text of the minutes.",
        fix_sv="Skriv en rad med bara '---' mellan den sista nyckeln och protokollets text.",
        where="content/kommunstyrelsen/2025/2025-03-11.md:1",
    )

    # -- code blocks, HTML and headings that would swallow text ---------------------------

    FENCE_NOT_VOTE = Message(
        en="'```{info}' is not a vote block; write '```vote'",
        sv="'```{info}' är inget omröstningsblock; skriv '```vote'",
        fix_en="Start a vote with a line of exactly '```vote'.",
        fix_sv="Börja en omröstning med en rad där det bara står '```vote'.",
        example={"info": "votering"},
    )
    FENCE_WITH_CONTAINER_WORD = Message(
        en="'```{info}' makes a code block, not a container; write '::: {info}' and end it "
        "with a line ':::'",
        sv="'```{info}' blir ett kodblock, inte en behållare; skriv '::: {info}' och avsluta "
        "med en rad ':::'",
        fix_en="Containers (motions, reservations, decisions, ...) start with ':::' and the "
        "word, not with three backticks.",
        fix_sv="Behållare (yrkanden, reservationer, beslut ...) börjar med ':::' och ordet, inte "
        "med tre bakåtfnuttar.",
        example={"info": "reservation Anna Ek (M)"},
    )
    CODE_BLOCK_NEVER_CLOSED = Message(
        en="the code block opened here with '{markup}' is never closed, so everything after "
        "it is shown as code (agenda items, decisions and votes too); end it with a line "
        "'{markup}'",
        sv="blocket som börjar här med '{markup}' (ett omröstningsblock eller ett kodblock) "
        "avslutas aldrig, så allt efter det visas som kod (även paragrafer, beslut och "
        "omröstningar); avsluta det med en rad '{markup}'",
        fix_en="Write a line with only the three backticks where the block (a vote, say) ends.",
        fix_sv="Skriv en rad med bara de tre bakåtfnuttarna där blocket (till exempel en "
        "omröstning) slutar.",
        example={"markup": "```"},
    )
    CODE_BLOCK_RUNS_ON = Message(
        en="the code block opened here with '{markup}' runs on to line {line}, where "
        "'{text}' opens no new block (a code block ends at a line of only '{markup}'), so "
        "what is between is shown as code; end this one with a line '{markup}' first",
        sv="blocket som börjar här med '{markup}' (ett omröstningsblock eller ett kodblock) "
        "fortsätter till rad {line}, där '{text}' inte börjar något nytt block (ett sådant "
        "block slutar vid en rad med bara '{markup}'), så allt däremellan visas som kod; "
        "avsluta det här blocket med en rad '{markup}' först",
        fix_en="Close each code block (each vote) with a line of only three backticks before "
        "the next one starts.",
        fix_sv="Avsluta varje kodblock (varje omröstning) med en rad med bara tre bakåtfnuttar "
        "innan nästa börjar.",
        example={"markup": "```", "line": 19, "text": "```vote"},
    )
    HTML_HEADING = Message(
        en="'{text}' is a heading written in HTML, which is no agenda item; write an item's "
        "heading as '## ...'",
        sv="'{text}' är en rubrik skriven i HTML och blir ingen paragraf; skriv paragrafens "
        "rubrik som '## ...'",
        fix_en="Write agenda item headings in Markdown: '## § 12 Title'.",
        fix_sv="Skriv paragrafrubriker i Markdown: '## § 12 Rubrik'.",
        example={"text": "<h2>§ 12 Budget 2026</h2>"},
    )
    HTML_BLOCK_RUNS_ON = Message(
        en="the HTML block that starts here runs on to line {line}, so '{text}' there is not "
        "read as Markdown (no agenda item, container or vote); end the HTML block with an "
        "empty line, or close its tag, before that line",
        sv="HTML-blocket som börjar här fortsätter till rad {line}, så '{text}' där läses inte "
        "som Markdown (ingen paragraf, behållare eller omröstning); avsluta HTML-blocket med "
        "en tom rad, eller stäng taggen, före den raden",
        fix_en="Leave an empty line after HTML before the Markdown goes on.",
        fix_sv="Lämna en tom rad efter HTML innan Markdown-texten fortsätter.",
        example={"line": 22, "text": "## § 13 Motion om cykelvägar"},
    )
    HEADING_WITHOUT_SPACE = Message(
        en="'{text}' is no heading, so it is neither an agenda item nor a decision; put a "
        "space after the #'s",
        sv="'{text}' är ingen rubrik, så det blir varken en paragraf eller ett beslut; skriv "
        "ett mellanslag efter #-tecknen",
        fix_en="Write a space between the #'s and the text: '## § 12 Title', '### Beslut'.",
        fix_sv="Skriv ett mellanslag mellan #-tecknen och texten: '## § 12 Rubrik', '### Beslut'.",
        example={"text": "##§ 12 Budget 2026"},
    )
    PUBLIC_BELOW_FRONT_MATTER = Message(
        en="'{text}' below the front matter is text (and would be published with the rest); "
        "move it up between the two '---' lines",
        sv="'{text}' står under huvudet och blir vanlig text (som publiceras med resten); "
        "flytta upp raden mellan de två raderna '---'",
        fix_en="Keys such as public: belong between the two '---' lines at the top.",
        fix_sv="Nycklar som public: hör hemma mellan de två raderna '---' överst.",
        example={"text": "public: false"},
        where="content/kommunstyrelsen/2025/2025-03-11.md:9",
    )
    LEVEL_ONE_HEADING_AFTER_ITEM = Message(
        en="a '#' heading after the first agenda item is no agenda item; write '##' for an "
        "item, or '###' for a heading inside one",
        sv="en rubrik med ett '#' efter den första paragrafen blir ingen paragraf; skriv '##' "
        "för en paragraf, eller '###' för en rubrik inne i en",
        fix_en="Each agenda item starts with '## '; one '#' is not used in minutes.",
        fix_sv="Varje paragraf börjar med '## '; ett enda '#' används inte i protokoll.",
    )
    DECISION_BEFORE_FIRST_ITEM = Message(
        en="a decision or vote before the first agenda item ('## ...') belongs to no item, so "
        "the decisions index, the case pages and the open data leave it out; put it under "
        "the heading of the item it was taken in",
        sv="ett beslut eller en omröstning före den första paragrafen ('## ...') hör inte till "
        "någon paragraf, så beslutsregistret, ärendesidorna och öppna data tar inte med det; "
        "flytta det under rubriken för paragrafen där det fattades",
        fix_en="Move the decision or vote below the '##' heading of its agenda item.",
        fix_sv="Flytta beslutet eller omröstningen under paragrafens '##'-rubrik.",
    )

    # -- items and their headings ---------------------------------------------------------

    ITEM_HEADING_IN_QUOTE_OR_LIST = Message(
        en="a '##' heading inside a quote or a list is not an agenda item; start it at the "
        "beginning of a line, or make it '###' if it is no item",
        sv="en rubrik '##' inne i ett citat eller en lista blir ingen paragraf; börja den "
        "först på raden, eller gör den till '###' om den inte är en paragraf",
        fix_en="Write '## ' at the very start of the line, with no '>', '-' or number before it.",
        fix_sv="Skriv '## ' allra först på raden, utan '>', '-' eller siffra framför.",
    )
    ITEM_NUMBER_TWICE = Message(
        en="item number {number} used twice (first on line {first}); give each item its own number",
        sv="paragrafnummer {number} används två gånger (första gången på rad {first}); ge varje "
        "paragraf ett eget nummer",
        fix_en="Give each agenda item of the meeting its own number.",
        fix_sv="Ge varje paragraf i protokollet ett eget nummer.",
        example={"number": "12", "first": 30},
        where="content/kommunstyrelsen/2025/2025-03-11.md:41",
    )
    ITEM_ANCHOR_FORM = Message(
        en="item anchor {anchor!r} (the {{#...}} at the end of the heading): use letters, "
        "digits, - or _, starting with a letter",
        sv="paragrafens ankare {anchor!r} ({{#...}} sist i rubriken): använd bokstäver, "
        "siffror, - eller _, och börja med en bokstav",
        fix_en="Write the anchor in the braces as #p12 or #budget-2026, or leave it out: the "
        "item then gets one from its number.",
        fix_sv="Skriv ankaret inom klamrarna som #p12 eller #budget-2026, eller utelämna det: "
        "då får paragrafen ett ankare av sitt nummer.",
        example={"anchor": "12"},
    )
    NUMBERS_USED_EARLIER = Message(
        en="{numbers} also used in {other}, an earlier meeting of {body} in {year}; § numbers "
        "run on through a body's year: number this meeting's items on from the last one "
        "before it",
        sv="{numbers} används redan i {other}, ett tidigare sammanträde med {body} {year}; "
        "paragrafnumren löper vidare genom organets år: numrera det här protokollets "
        "paragrafer vidare från det senaste numret före det",
        fix_en="Number the items on from the last § of the body's previous meeting that year "
        "(minutes new does it for you).",
        fix_sv="Fortsätt numreringen från den sista paragrafen i organets förra protokoll "
        "samma år (minutes new gör det åt dig).",
        example={
            "numbers": "§ 12, § 13",
            "other": "content/kommunstyrelsen/2025/2025-02-11.md",
            "body": "Kommunstyrelsen",
            "year": "2025",
        },
        where="content/kommunstyrelsen/2025/2025-03-11.md:20",
    )

    # -- decisions ------------------------------------------------------------------------

    DECISION_HEADING_SAYS_MORE = Message(
        en="'{heading}' starts with the decision word '{word}' but says more, so it marks no "
        "decision; write the word alone as the heading and the rest below it, or reword the "
        "heading if it is no decision",
        sv="'{heading}' börjar med beslutsordet '{word}' men säger mer, så den markerar inget "
        "beslut; skriv ordet ensamt som rubrik och resten under den, eller formulera om "
        "rubriken om det inte är ett beslut",
        fix_en="Write '### Beslut' alone on the line, and the decision below it.",
        fix_sv="Skriv '### Beslut' ensamt på raden och beslutet under.",
        example={"heading": "Beslut om taxor", "word": "Beslut"},
    )
    DECISION_WORD_IN_PARAGRAPH = Message(
        en="'{word}' at the start of a paragraph marks no decision (the decisions index and "
        "the case pages do not list it); write '### {word}' on a line of its own above the "
        "decision, or put the decision in '::: decision'",
        sv="'{word}' först i ett stycke markerar inget beslut (beslutsregistret och "
        "ärendesidorna tar inte med det); skriv '### {word}' på en egen rad ovanför beslutet, "
        "eller skriv beslutet i '::: beslut'",
        fix_en="Make the decision word a heading of its own ('### Beslut'), or use a "
        "'::: decision' container.",
        fix_sv="Gör beslutsordet till en egen rubrik ('### Beslut'), eller använd en behållare "
        "'::: beslut'.",
        example={"word": "Beslut"},
    )
    DECISION_HEADING_IN_CONTAINER = Message(
        en="the decision heading is inside '::: {info}' opened on line {opened}, so it marks "
        "no decision; end the container with ':::' above it",
        sv="beslutsrubriken står inne i '::: {info}' som börjar på rad {opened}, så den "
        "markerar inget beslut; avsluta behållaren med ':::' ovanför rubriken",
        fix_en="Close the container with a line ':::' before the decision heading.",
        fix_sv="Stäng behållaren med en rad ':::' före beslutsrubriken.",
        example={"info": "yrkande David Dahl (C)", "opened": 9},
        where="content/kommunstyrelsen/2025/2025-03-11.md:12",
    )
    DECISION_HEADING_IN_QUOTE_OR_LIST = Message(
        en="a decision heading inside a quote or a list marks no decision; start it at the "
        "beginning of a line",
        sv="en beslutsrubrik inne i ett citat eller en lista markerar inget beslut; börja den "
        "först på raden",
        fix_en="Write '### Beslut' at the very start of the line, with no '>' or '-' before it.",
        fix_sv="Skriv '### Beslut' allra först på raden, utan '>' eller '-' framför.",
    )

    # -- containers (:::) -----------------------------------------------------------------

    UNCLOSED_CONTAINER = Message(
        en="'::: {info}' opened here is still open at the item heading on line {heading}, "
        "which then is no agenda item; end the container with a line ':::' before that "
        "heading",
        sv="'::: {info}' som börjar här är inte avslutad när paragrafrubriken på rad {heading} "
        "kommer, så den blir ingen paragraf; avsluta behållaren med en rad ':::' före rubriken",
        fix_en="Write a line with only ':::' where the text of the container ends, before the "
        "next heading.",
        fix_sv="Skriv en rad med bara ':::' där texten i behållaren slutar, före nästa rubrik.",
        example={"info": "yrkande David Dahl (C)", "heading": 14},
        where="content/kommunstyrelsen/2025/2025-03-11.md:9",
    )
    UNCLOSED_CONTAINER_SWALLOWS_MORE = Message(
        en="'::: {info}' opened here is still open at the item heading on line {heading} (and "
        "{more} more after it), which then is no agenda item; end the container with a line "
        "':::' before that heading",
        sv="'::: {info}' som börjar här är inte avslutad när paragrafrubriken på rad {heading} "
        "kommer (och {more} till efter den), så de blir inga paragrafer; avsluta behållaren "
        "med en rad ':::' före rubriken",
        fix_en="Write a line with only ':::' where the text of the container ends, before the "
        "next heading: the items after it come back.",
        fix_sv="Skriv en rad med bara ':::' där texten i behållaren slutar, före nästa rubrik: "
        "då kommer paragraferna efter den tillbaka.",
        example={"info": "yrkande David Dahl (C)", "heading": 14, "more": 3},
        where="content/kommunstyrelsen/2025/2025-03-11.md:9",
    )
    CONTAINER_NEVER_CLOSED = Message(
        en="'::: {info}' opened here is never closed, so what is written after it would be "
        "part of it; end it with a line ':::'",
        sv="'::: {info}' som börjar här avslutas aldrig, så allt som skrivs efter den skulle "
        "höra till den; avsluta den med en rad ':::'",
        fix_en="Write a line with only ':::' where the text of the container ends.",
        fix_sv="Skriv en rad med bara ':::' där texten i behållaren slutar.",
        example={"info": "reservation Anna Ek (M)"},
        where="content/kommunstyrelsen/2025/2025-03-11.md:31",
    )
    STRAY_CONTAINER_END = Message(
        en="this ':::' closes no container: remove it, or open the container above with a "
        "word ('::: decision', '::: motion Name', ...)",
        sv="den här raden ':::' stänger ingen behållare: ta bort den, eller börja behållaren "
        "ovanför med ett ord ('::: beslut', '::: yrkande Namn' ...)",
        fix_en="A container starts with ':::' and a word and ends with ':::' alone; remove "
        "the extra line.",
        fix_sv="En behållare börjar med ':::' och ett ord och slutar med ':::' ensamt; ta bort "
        "den extra raden.",
    )
    CONTAINER_WORD_MISSPELT = Message(
        en="'::: {word}' is not a container word; did you mean '{guess}'?",
        sv="'::: {word}' är inget ord för en behållare; menar du '{guess}'?",
        fix_en="Correct the word after ':::'.",
        fix_sv="Rätta ordet efter ':::'.",
        example={"word": "reservaton", "guess": "reservation"},
    )
    CONTAINER_WORD_UNKNOWN = Message(
        en="'::: {word}' is not a container word; the words are decision, proposal, motion, "
        "reservation, distribution, support, note and conflict (or their Swedish aliases)",
        sv="'::: {word}' är inget ord för en behållare; orden är beslut, förslag, yrkande, "
        "reservation, expedieras, bifall, protokollsanteckning och jäv (eller deras engelska "
        "namn)",
        fix_en="Use one of the container words the format lists after ':::'.",
        fix_sv="Använd ett av behållarorden som formatet räknar upp efter ':::'.",
        example={"word": "kommentar"},
    )
    DECISION_CONTAINER_TAKES_NOTHING = Message(
        en="'::: {word}' takes nothing after the word, so '{rest}' would not be published; "
        "write it on the lines below, before ':::'",
        sv="'::: {word}' tar inget efter ordet, så '{rest}' skulle inte publiceras; skriv det "
        "på raderna under, före ':::'",
        fix_en="Write only '::: beslut' on the first line and the decision on the lines below.",
        fix_sv="Skriv bara '::: beslut' på första raden och beslutet på raderna under.",
        example={"word": "beslut", "rest": "Förslaget bifalls"},
    )
    CONFLICT_NEEDS_MEMBER = Message(
        en="'::: {word}' needs the member after the word, '::: {word} Anna Ek (M)': a "
        "conflict of interest (jäv) is one member's, who then takes no part in the item",
        sv="'::: {word}' behöver ledamoten efter ordet, '::: {word} Anna Ek (M)': jäv gäller "
        "en ledamot, som då inte deltar i ärendet",
        fix_en="Write the member's name and party after the word.",
        fix_sv="Skriv ledamotens namn och parti efter ordet.",
        example={"word": "jäv"},
    )
    SUPPORT_NEEDS_MEMBER = Message(
        en="'::: {word}' needs the member after the word, '::: {word} Anna Ek (M)': a "
        "support (bifall) is one member's, for a motion the text names",
        sv="'::: {word}' behöver ledamoten efter ordet, '::: {word} Anna Ek (M)': ett bifall "
        "är en ledamots, till ett yrkande som texten nämner",
        fix_en="Write the name and party of the member who supports the motion after the word.",
        fix_sv="Skriv namn och parti för ledamoten som biföll yrkandet efter ordet.",
        example={"word": "bifall"},
    )
    RECORD_WITHOUT_MEMBER = Message(
        en="'::: {word}' has no name after the word: whose it is belongs in the minutes; write "
        "'::: {word} Anna Ek (M)'",
        sv="'::: {word}' saknar namn efter ordet: vems det är hör till protokollet; skriv "
        "'::: {word} Anna Ek (M)'",
        fix_en="Write the name and party of the member (or the group) after the word.",
        fix_sv="Skriv namn och parti för ledamoten (eller gruppen) efter ordet.",
        example={"word": "reservation"},
    )
    CONTAINER_IN_CONTAINER = Message(
        en="'::: {word}' is inside '::: {outer}' opened on line {opened}; end that one with "
        "':::' first (a container holds no other container)",
        sv="'::: {word}' står inne i '::: {outer}' som börjar på rad {opened}; avsluta den "
        "först med ':::' (en behållare kan inte innehålla en annan)",
        fix_en="Close each container with a line ':::' before the next one starts.",
        fix_sv="Stäng varje behållare med en rad ':::' innan nästa börjar.",
        example={"word": "reservation Anna Ek (M)", "outer": "yrkande David Dahl (C)", "opened": 9},
        where="content/kommunstyrelsen/2025/2025-03-11.md:12",
    )
    CONTAINER_IN_QUOTE_OR_LIST = Message(
        en="'::: {word}' inside a quote or a list is not read as a container; start it at the "
        "beginning of a line",
        sv="'::: {word}' inne i ett citat eller en lista läses inte som en behållare; börja "
        "den först på raden",
        fix_en="Write ':::' at the very start of the line, with no '>' or '-' before it.",
        fix_sv="Skriv ':::' allra först på raden, utan '>' eller '-' framför.",
        example={"word": "yrkande"},
    )

    # -- votes ----------------------------------------------------------------------------

    VOTE_IN_CONTAINER = Message(
        en="this vote is inside '::: {info}' opened on line {opened}, so it is not counted; "
        "end the container with ':::' above it",
        sv="omröstningen står inne i '::: {info}' som börjar på rad {opened}, så den räknas "
        "inte; avsluta behållaren med ':::' ovanför den",
        fix_en="Close the container with a line ':::' before '```vote'.",
        fix_sv="Stäng behållaren med en rad ':::' före '```vote'.",
        example={"info": "yrkande David Dahl (C)", "opened": 9},
        where="content/kommunstyrelsen/2025/2025-03-11.md:12",
    )
    VOTE_IN_QUOTE_OR_LIST = Message(
        en="this vote is inside a quote or a list, so it is not counted; start the vote at "
        "the beginning of a line",
        sv="omröstningen står inne i ett citat eller en lista, så den räknas inte; börja "
        "omröstningen först på raden",
        fix_en="Write '```vote' at the very start of the line, with no '>' or '-' before it.",
        fix_sv="Skriv '```vote' allra först på raden, utan '>' eller '-' framför.",
    )
    VOTE_LINES_UNREADABLE = Message(
        en="vote: the lines cannot be read here; write each line 'key: value', and indent the "
        "lines under options:, votes: and result: by the same number of spaces",
        sv="omröstningen: raderna går inte att läsa här; skriv varje rad som 'nyckel: värde', "
        "och dra in raderna under options:, votes: och result: lika många mellanslag",
        fix_en="Check the colons and the indentation of the vote's lines near that line; a "
        "value that holds quotes must also end them.",
        fix_sv="Kontrollera kolon och indrag på omröstningens rader runt den raden; ett värde "
        "som börjar med ett citattecken måste också avslutas med ett.",
    )
    VOTE_TAB = Message(
        en="vote: the line is indented with a tab; indent it with spaces",
        sv="omröstningen: raden är indragen med tabb; dra in den med mellanslag",
        fix_en="Replace the tab at the start of the line by spaces (two, as on the other lines).",
        fix_sv="Byt tabben först på raden mot mellanslag (två, som på de andra raderna).",
    )
    VOTE_COLON_IN_VALUE = Message(
        en="vote: a second ': ' on the line; put the value in quotes ('Anna Ek (M): \"Ja: "
        "med tillägg\"')",
        sv="omröstningen: ett andra ': ' på raden; skriv värdet inom citattecken ('Anna Ek (M): "
        '"Ja: med tillägg"\')',
        fix_en="A value that holds a colon and a space goes in double quotes.",
        fix_sv="Ett värde som innehåller kolon och mellanslag skrivs inom dubbla citattecken.",
    )
    VOTE_NOT_LINES = Message(
        en="vote: expected the lines question:, options:, votes: and result:",
        sv="omröstningen: här ska raderna question:, options:, votes: och result: stå",
        fix_en="Write the vote as the lines question:, options:, votes: and result: (see the "
        "format page).",
        fix_sv="Skriv omröstningen med raderna question:, options:, votes: och result: (se "
        "formatsidan).",
    )
    VOTE_ALIASES = Message(
        en="vote: YAML anchors and aliases (&, *) are not allowed",
        sv="omröstningen: YAML:s ankare och alias (& och *) är inte tillåtna",
        fix_en="Write each vote out in full instead of repeating it with & and *.",
        fix_sv="Skriv ut varje röst i sin helhet i stället för att upprepa med & och *.",
    )
    VOTE_KEY_TWICE = Message(
        en="vote: {key}: given twice; keep one line {key}: with all its values under it",
        sv="omröstningen: {key}: står två gånger; behåll en rad {key}: med alla värden under den",
        fix_en="Keep one line of the key and put all its values under it.",
        fix_sv="Behåll en rad med nyckeln och skriv alla värden under den.",
        example={"key": "votes"},
    )
    VOTE_KEY_MISSPELT = Message(
        en="vote: unknown key '{key}'; did you mean '{guess}'?",
        sv="omröstningen: okänd nyckel '{key}'; menar du '{guess}'?",
        fix_en="Correct the key's spelling.",
        fix_sv="Rätta stavningen av nyckeln.",
        example={"key": "vots", "guess": "votes"},
    )
    VOTE_KEY_UNKNOWN = Message(
        en="vote: unknown key '{key}'; use question, options, votes, result",
        sv="omröstningen: okänd nyckel '{key}'; nycklarna är question, options, votes och result",
        fix_en="A vote has only the keys question, options, votes and result.",
        fix_sv="En omröstning har bara nycklarna question, options, votes och result.",
        example={"key": "fråga"},
    )
    VOTE_QUESTION_NOT_LINE = Message(
        en="vote: question must be one line of text; write the question after question: on its "
        "line",
        sv="omröstningen: question ska vara en rad text; skriv frågan efter question: på samma rad",
        fix_en="Write the question on the same line as question:.",
        fix_sv="Skriv frågan på samma rad som question:.",
    )
    VOTE_OPTIONS_FORM = Message(
        en="vote: options must be lines 'choice: what it means'",
        sv="omröstningen: options ska vara rader 'alternativ: vad det betyder'",
        fix_en="Under options:, write one line per choice, indented: '  Ja: bifall till "
        "förslaget'.",
        fix_sv="Skriv under options: en indragen rad per alternativ: '  Ja: bifall till "
        "förslaget'.",
    )
    VOTE_VOTES_FORM = Message(
        en="vote: votes must be lines 'member: choice'",
        sv="omröstningen: votes ska vara rader 'ledamot: röst'",
        fix_en="Under votes:, write one line per member, indented: '  Anna Ek (M): Ja'.",
        fix_sv="Skriv under votes: en indragen rad per ledamot: '  Anna Ek (M): Ja'.",
    )
    VOTE_RESULT_FORM = Message(
        en="vote: result must be lines 'choice: count'",
        sv="omröstningen: result ska vara rader 'alternativ: antal'",
        fix_en="Under result:, write one line per choice, indented: '  Ja: 9'.",
        fix_sv="Skriv under result: en indragen rad per alternativ: '  Ja: 9'.",
    )
    VOTE_EMPTY = Message(
        en="vote: give votes, result, or both",
        sv="omröstningen: skriv votes:, result: eller båda",
        fix_en="Write how each member voted under votes:, or the counts under result:.",
        fix_sv="Skriv hur varje ledamot röstade under votes:, eller antalen under result:.",
    )
    VOTE_MEMBER_TWICE = Message(
        en="vote: the member '{member}' is listed twice (first on line {first}); keep one of the "
        "lines",
        sv="omröstningen: ledamoten '{member}' står två gånger (första gången på rad {first}); "
        "behåll en av raderna",
        fix_en="Keep one line per member under votes:.",
        fix_sv="Behåll en rad per ledamot under votes:.",
        example={"member": "Anna Ek (M)", "first": 21},
    )
    VOTE_CHOICE_TWICE = Message(
        en="vote: the choice '{choice}' is listed twice (first on line {first}); keep one of the "
        "lines",
        sv="omröstningen: alternativet '{choice}' står två gånger (första gången på rad {first}); "
        "behåll en av raderna",
        fix_en="Keep one line per choice under result:.",
        fix_sv="Behåll en rad per alternativ under result:.",
        example={"choice": "Ja", "first": 30},
    )
    VOTE_RESULT_NOT_COUNT = Message(
        en="vote: result {choice}: expected a count (a whole number), got {got!r}",
        sv="omröstningen: result {choice}: skriv antalet röster som ett heltal, här står {got!r}",
        fix_en="Write the number of votes in digits: '  Ja: 9'.",
        fix_sv="Skriv antalet röster med siffror: '  Ja: 9'.",
        example={"choice": "Ja", "got": "nio"},
    )
    VOTE_RESULT_MISMATCH = Message(
        en="vote: result does not match the votes ({choice}: counted {counted}, stated {stated}); "
        "write {choice}: {counted} under result:, or correct the votes",
        sv="omröstningen: resultatet stämmer inte med rösterna ({choice}: {counted} räknade, "
        "{stated} angivna); skriv {choice}: {counted} under result:, eller rätta rösterna",
        fix_en="Correct the count under result:, or the members' votes under votes:, so that "
        "they agree.",
        fix_sv="Rätta antalet under result:, eller ledamöternas röster under votes:, så att de "
        "stämmer.",
        example={"choice": "Ja", "counted": 8, "stated": 9},
    )
    VOTE_CHOICE_SPELLING = Message(
        en="vote: {member} voted '{choice}', which is written '{written}' in the options or an "
        "earlier vote; write it the same way",
        sv="omröstningen: {member} röstade '{choice}', som skrivs '{written}' bland "
        "alternativen eller i en tidigare röst; skriv det på samma sätt",
        fix_en="Write each choice exactly as the options write it.",
        fix_sv="Skriv varje röst precis som alternativen skriver den.",
        example={"member": "Anna Ek (M)", "choice": "ja", "written": "Ja"},
    )
    VOTE_CHOICE_MISSPELT = Message(
        en="vote: {member} voted '{choice}'; did you mean the option '{guess}'?",
        sv="omröstningen: {member} röstade '{choice}'; menar du alternativet '{guess}'?",
        fix_en="Correct the vote to one of the options.",
        fix_sv="Rätta rösten till ett av alternativen.",
        example={"member": "Anna Ek (M)", "choice": "Nejj", "guess": "Nej"},
    )
    VOTE_RESULT_SPELLING = Message(
        en="vote: result '{choice}' is written '{written}' in the options or votes; write it "
        "the same way",
        sv="omröstningen: resultatet '{choice}' skrivs '{written}' bland alternativen eller "
        "rösterna; skriv det på samma sätt",
        fix_en="Write each choice under result: exactly as the options write it.",
        fix_sv="Skriv varje alternativ under result: precis som alternativen skriver det.",
        example={"choice": "ja", "written": "Ja"},
    )
    VOTE_RESULT_MISSPELT = Message(
        en="vote: result '{choice}'; did you mean '{guess}'?",
        sv="omröstningen: resultatet '{choice}'; menar du '{guess}'?",
        fix_en="Correct the choice under result: to one of the options.",
        fix_sv="Rätta alternativet under result: till ett av alternativen.",
        example={"choice": "Avstå", "guess": "Avstår"},
    )

    # -- attribute blocks ({...} at the end of a heading) ---------------------------------

    SECRECY_MARK_NOT_BLOCK = Message(
        en="'{mark}' is not an attribute block, so the heading would be published with it; "
        "put '{{confidential=true}}' at the end of the item's '##' heading, after a space",
        sv="'{mark}' är inga klamrar som minutes läser, så rubriken skulle publiceras med det; "
        "skriv "
        "'{{confidential=true}}' sist i paragrafens '##'-rubrik, efter ett mellanslag",
        fix_en="Mark secrecy only with confidential=true (or .sekretess) in braces at the end "
        "of the '##' heading.",
        fix_sv="Markera sekretess bara med confidential=true (eller .sekretess) inom klamrar "
        "sist i '##'-rubriken.",
        example={"mark": "{sekretess}"},
    )
    ATTRIBUTE_BLOCK_NOT_LAST = Message(
        en="'{first}' comes before the attribute block '{block}', and only the last block is "
        "read, so the heading would be published with it; write one block at the end: "
        '{{#p6 case="KS 1" confidential=true}}',
        sv="'{first}' står före klamrarna '{block}', och bara de sista klamrarna läses, "
        "så rubriken skulle publiceras med det; skriv ett enda block sist: "
        '{{#p6 case="KS 1" confidential=true}}',
        fix_en="Put everything in one pair of braces at the end of the heading.",
        fix_sv="Samla allt inom ett par klamrar sist i rubriken.",
        example={"first": "{confidential=true}", "block": '{case="KS 2025/12"}'},
    )
    ATTRIBUTE_BLOCK_UNREADABLE = Message(
        en="the attribute block '{block}' does not parse: write #anchor, .sekretess and "
        "key=value separated by spaces, with quotes around a value that holds a space "
        '(public_title="Två ord"); to show braces in a title, write \\{{',
        sv="klamrarna '{block}' efter rubriken går inte att läsa: skriv till exempel #p12, "
        'case="KS 2025/12" och confidential=true åtskilda av mellanslag, med citattecken '
        "runt ett värde som har ett "
        'mellanslag (public_title="Två ord"); för att visa klamrar i en rubrik, skriv \\{{',
        fix_en='Inside the braces, write for example #p12, case="KS 2025/12" and '
        "confidential=true, separated by spaces.",
        fix_sv='Skriv inom klamrarna till exempel #p12, case="KS 2025/12" och '
        "confidential=true, åtskilda av mellanslag.",
        example={"block": "{case=KS 2025/12}"},
    )
    ATTRIBUTE_TWO_ANCHORS = Message(
        en="the attribute block '{block}' gives two anchors; keep one",
        sv="klamrarna '{block}' efter rubriken har två ankare; behåll ett",
        fix_en="An item has one anchor (#p12): remove the other.",
        fix_sv="En paragraf har ett ankare (#p12): ta bort det andra.",
        example={"block": "{#p12 #budget}"},
    )
    ATTRIBUTE_UNKNOWN_CLASS = Message(
        en="the attribute block '{block}' has the unknown class '.{name}'; the only class is "
        ".sekretess (for an item under secrecy)",
        sv="klamrarna '{block}' efter rubriken har den okända klassen '.{name}'; den enda "
        "klassen är "
        ".sekretess (för en paragraf under sekretess)",
        fix_en="Write .sekretess, or confidential=true, to mark secrecy; remove any other "
        "word with a dot.",
        fix_sv="Skriv .sekretess, eller confidential=true, för att markera sekretess; ta bort "
        "andra ord med punkt.",
        example={"block": "{.sekretes}", "name": "sekretes"},
    )
    ATTRIBUTE_KEY_TWICE = Message(
        en="the attribute block '{block}' gives {key} twice; keep one",
        sv="klamrarna '{block}' efter rubriken har {key} två gånger; behåll en",
        fix_en="Give each key once in the block.",
        fix_sv="Skriv varje nyckel en gång i blocket.",
        example={"block": '{case="KS 1" case="KS 2"}', "key": "case"},
    )
    ATTRIBUTE_KEY_MISSPELT = Message(
        en="the attribute block '{block}' has the unknown key '{key}'; did you mean '{guess}'?",
        sv="klamrarna '{block}' efter rubriken har den okända nyckeln '{key}'; menar du '{guess}'?",
        fix_en="Correct the key's spelling.",
        fix_sv="Rätta stavningen av nyckeln.",
        example={"block": "{confidental=true}", "key": "confidental", "guess": "confidential"},
    )
    ATTRIBUTE_KEY_UNKNOWN = Message(
        en="the attribute block '{block}' has the unknown key '{key}'; known: {known}",
        sv="klamrarna '{block}' efter rubriken har den okända nyckeln '{key}'; nycklarna är: "
        "{known}",
        fix_en="Use only the keys the format lists for an item's heading.",
        fix_sv="Använd bara de nycklar som formatet räknar upp för en paragrafrubrik.",
        example={
            "block": '{dnr="KS 1"}',
            "key": "dnr",
            "known": "case, confidential, public_title, osl, adjusted, posted",
        },
    )
    CONFIDENTIAL_NOT_TRUE = Message(
        en="confidential={value}: write confidential=true to keep the item unpublished, or "
        "remove the word to publish it",
        sv="confidential={value}: skriv confidential=true för att paragrafen inte ska "
        "publiceras, eller ta bort ordet för att publicera den",
        fix_en="confidential takes only the value true.",
        fix_sv="confidential tar bara värdet true.",
        example={"value": "ja"},
    )
    ONLY_UNDER_SECRECY = Message(
        en="{key}= is only for an item under secrecy; add confidential=true (or remove it)",
        sv="{key}= gäller bara en paragraf under sekretess; lägg till confidential=true (eller "
        "ta bort det)",
        fix_en="public_title and osl go with confidential=true in the same block.",
        fix_sv="public_title och osl skrivs tillsammans med confidential=true i samma block.",
        example={"key": "osl"},
    )
    ATTRIBUTE_DATE = Message(
        en="{key}={value}: expected a date, YYYY-MM-DD",
        sv="{key}={value}: skriv ett datum, ÅÅÅÅ-MM-DD",
        fix_en="Write the date in digits, year first: 2025-03-18.",
        fix_sv="Skriv datumet med siffror, året först: 2025-03-18.",
        example={"key": "adjusted", "value": "18/3"},
    )
    ATTRIBUTES_NOT_ON_ITEM = Message(
        en="the attribute block '{block}' is on a heading that is not an agenda item; case, "
        "secrecy and adjustment go on the item's '##' heading",
        sv="klamrarna '{block}' efter rubriken står på en rubrik som inte är en paragraf; "
        "diarienummer, "
        "sekretess och justering skrivs på paragrafens '##'-rubrik",
        fix_en="Move the block to the end of the item's '##' heading; a lower heading takes "
        "only an anchor (#name in braces).",
        fix_sv="Flytta blocket till slutet av paragrafens '##'-rubrik; en lägre rubrik kan "
        "bara ha ett ankare (#namn inom klamrar).",
        example={"block": '{case="KS 2025/12"}'},
    )

    # -- secrecy --------------------------------------------------------------------------

    SECRECY_MARK_IN_TEXT = Message(
        en="'{mark}' in the text is no mark of secrecy and would be published; put "
        "'{{confidential=true}}' at the end of the item's '##' heading, after a space",
        sv="'{mark}' i texten markerar ingen sekretess och skulle publiceras; skriv "
        "'{{confidential=true}}' sist i paragrafens '##'-rubrik, efter ett mellanslag",
        fix_en="Mark secrecy only at the end of the item's '##' heading.",
        fix_sv="Markera sekretess bara sist i paragrafens '##'-rubrik.",
        example={"mark": "{sekretess}"},
    )
    SECRECY_MARK_IN_HTML = Message(
        en="'{mark}' in the HTML is no mark of secrecy and would be published; put "
        "'{{confidential=true}}' at the end of the item's '##' heading, after a space",
        sv="'{mark}' i HTML-koden markerar ingen sekretess och skulle publiceras; skriv "
        "'{{confidential=true}}' sist i paragrafens '##'-rubrik, efter ett mellanslag",
        fix_en="Mark secrecy only at the end of the item's '##' heading, not in HTML.",
        fix_sv="Markera sekretess bara sist i paragrafens '##'-rubrik, inte i HTML.",
        example={"mark": "{confidential}"},
    )
    SECRET_LINK_DEFINITION = Message(
        en="the link [{label}] is defined on line {line}, inside a confidential item, so its "
        "address would be published here; move the definition out of the item, or write the "
        "address in the link",
        sv="länken [{label}] definieras på rad {line}, inne i en paragraf under sekretess, så "
        "dess adress skulle publiceras här; flytta definitionen ut ur paragrafen, eller skriv "
        "adressen direkt i länken",
        fix_en="Define links used in public text outside the confidential items.",
        fix_sv="Definiera länkar som används i offentlig text utanför paragraferna under "
        "sekretess.",
        example={"label": "utredningen", "line": 27},
    )
    LINK_TO_SECRET_ANCHOR = Message(
        en="the link to #{anchor} names a confidential item by its own anchor (the {{#...}} "
        "after its heading), which is not published (it could say what the item is about); "
        "link to the item's number instead, or remove the link",
        sv="länken till #{anchor} pekar på en paragraf under sekretess med dess eget ankare "
        "({{#...}} efter rubriken), som inte publiceras (det kan avslöja vad ärendet gäller); "
        "länka till paragrafens nummer i stället, eller ta bort länken",
        fix_en="Link to a confidential item by its number (#p12), never by an anchor of its own.",
        fix_sv="Länka till en paragraf under sekretess med dess nummer (#p12), aldrig med ett "
        "eget ankare.",
        example={"anchor": "uppsagning"},
    )

    # -- attachments, pages and bodies ----------------------------------------------------

    ATTACHMENT_NAME_IMPOSSIBLE = Message(
        en="attachments: {file!r} cannot be a file in content/; check the name",
        sv="attachments: {file!r} kan inte vara en fil i content/; kontrollera namnet",
        fix_en="Write the file's path from content/, like files/ks-2025-03-11-bilaga-1.pdf.",
        fix_sv="Skriv filens sökväg från content/, till exempel files/ks-2025-03-11-bilaga-1.pdf.",
        example={"file": "files/bilaga\x01.pdf"},
        where="content/kommunstyrelsen/2025/2025-03-11.md:2",
    )
    ATTACHMENT_OUTSIDE_CONTENT = Message(
        en="attachments: {file!r} is outside content/; put the file in content/files/ and name "
        "it from there",
        sv="attachments: {file!r} ligger utanför content/; lägg filen i content/files/ och ange "
        "den därifrån",
        fix_en="Copy the attachment into content/files/ and write files/name.pdf.",
        fix_sv="Kopiera bilagan till content/files/ och skriv files/namn.pdf.",
        example={"file": "../bilagor/bilaga-1.pdf"},
        where="content/kommunstyrelsen/2025/2025-03-11.md:2",
    )
    ATTACHMENT_MISSING = Message(
        en="attachments: {file!r} does not exist in content/; check the name, or put the file "
        "there",
        sv="attachments: {file!r} finns inte i content/; kontrollera namnet, eller lägg filen där",
        fix_en="Check the spelling of the file name, or add the file to content/files/.",
        fix_sv="Kontrollera stavningen av filnamnet, eller lägg filen i content/files/.",
        example={"file": "files/ks-2025-03-11-bilaga-1.pdf"},
        where="content/kommunstyrelsen/2025/2025-03-11.md:2",
    )
    ADJUSTED_WITHOUT_ADJUSTERS = Message(
        en="status: adjusted minutes without adjusters (justerare); add adjusters:",
        sv="status: adjusted säger att protokollet är justerat, men huvudet har inga justerare; "
        "skriv dem under adjusters:",
        fix_en="List who adjusted the minutes under adjusters: in the front matter.",
        fix_sv="Skriv vilka som justerade protokollet under adjusters: i huvudet.",
    )
    ADJUSTED_WITHOUT_POSTED = Message(
        en="status: adjusted minutes without a posted date (anslag): the appeal window cannot "
        "be shown; add posted:",
        sv="status: adjusted säger att protokollet är justerat, men huvudet har inget datum för "
        "anslaget: tiden för överklagande kan inte visas; skriv det som posted:",
        fix_en="Write the day the notice of adjustment went up on the notice board as "
        "posted: in the front matter.",
        fix_sv="Skriv dagen då anslaget om justeringen sattes upp på anslagstavlan som posted: i "
        "huvudet.",
    )
    PAGE_KEY_PUBLISHES_ANYWAY = Message(
        en="{key}: pages and bodies' descriptions are always published, and this key keeps "
        "nothing back; to keep the text unpublished, move the file out of content/",
        sv="{key}: sidor och organens beskrivningar publiceras alltid, och den här nyckeln "
        "håller inget tillbaka; flytta filen ut ur content/ om texten inte ska publiceras",
        fix_en="Remove the key; a page that must not be published does not belong in content/.",
        fix_sv="Ta bort nyckeln; en sida som inte ska publiceras hör inte hemma i content/.",
        example={"key": "public"},
        where=PAGE,
    )
    PAGE_KEY_MISSPELT = Message(
        en="{key}: unknown key; did you mean '{guess}'?",
        sv="{key}: okänd nyckel; menar du '{guess}'?",
        fix_en="Correct the key's spelling.",
        fix_sv="Rätta stavningen av nyckeln.",
        example={"key": "titel", "guess": "title"},
        where=PAGE,
    )
    PAGE_KEY_UNKNOWN = Message(
        en="{key}: unknown key (this file reads {known})",
        sv="{key}: okänd nyckel (den här filen läser {known})",
        fix_en="Remove the key, or use one of the keys the file reads.",
        fix_sv="Ta bort nyckeln, eller använd en av nycklarna som filen läser.",
        example={"key": "author", "known": "title, not_personal_numbers"},
        where=PAGE,
    )
    PAGE_HEADING_ATTRIBUTES = Message(
        en="a heading on a page takes only an anchor ({{#name}}); secrecy and case numbers are "
        "for meeting items",
        sv="en rubrik på en sida kan bara ha ett ankare ({{#namn}}); sekretess och "
        "diarienummer hör till paragrafer i protokoll",
        fix_en="Keep only the anchor (#name) in the braces, or remove them.",
        fix_sv="Behåll bara ankaret (#namn) inom klamrarna, eller ta bort dem.",
        where=PAGE,
    )
    PAGE_TITLE_NOT_TEXT = Message(
        en="title: expected text",
        sv="title: skriv sidans rubrik som text",
        fix_en="Write the page's title after title:, or remove the line to use the file name.",
        fix_sv="Skriv sidans rubrik efter title:, eller ta bort raden så används filnamnet.",
        where="content/pages/om.md:2",
    )
    BODY_NAME_NOT_TEXT = Message(
        en="name: expected text",
        sv="name: skriv organets namn som text",
        fix_en="Write the body's name after name:, or remove the line to use the file name.",
        fix_sv="Skriv organets namn efter name:, eller ta bort raden så används filnamnet.",
        where=BODY,
    )
    BODY_ANNOUNCE_NOT_YES_OR_NO = Message(
        en="announce: expected true or false",
        sv="announce: skriv true eller false",
        fix_en="Write announce: true to list the body's meetings on the notice board, else false.",
        fix_sv="Skriv announce: true för att organets sammanträden ska visas på anslagstavlan, "
        "annars false.",
        where=BODY,
    )

    # -- across files ---------------------------------------------------------------------

    LINK_NO_ITEM_WITH_ANCHOR = Message(
        en="link to {target}: no item there has the anchor #{anchor} (the {{#...}} after its "
        "heading, or p and its number)",
        sv="länken till {target}: ingen paragraf där har ankaret #{anchor} ({{#...}} efter "
        "rubriken, eller p och numret)",
        fix_en="Check the item's number in the linked meeting; link to it as #p and the "
        "number (#p12).",
        fix_sv="Kontrollera paragrafens nummer i det länkade protokollet; länka med #p och "
        "numret (#p12).",
        example={"target": "../2025-02-11.md#p99", "anchor": "p99"},
        where="content/kommunstyrelsen/2025/2025-03-11.md:27",
    )
    LINK_NO_SUCH_FILE = Message(
        en="link to {target}: no such file in content/; check the path, counted from this file",
        sv="länken till {target}: filen finns inte i content/; kontrollera sökvägen, räknad "
        "från den här filen",
        fix_en="Check the path: it is counted from the file that links, and names a file in "
        "content/.",
        fix_sv="Kontrollera sökvägen: den räknas från filen som länkar, och ska leda till en "
        "fil i content/.",
        example={"target": "kommunstyrelsen/2025/2025-02-12.md"},
        where="content/kommunstyrelsen/2025/2025-03-11.md:27",
    )
    REFERENCE_IN_NO_ITEM = Message(
        en="references: in: no item with the anchor #{anchor} in this file (the {{#...}} after "
        "its heading, or p and its number)",
        sv="references: in: ingen paragraf i den här filen har ankaret #{anchor} ({{#...}} "
        "efter rubriken, eller p och numret)",
        fix_en="Write after in: the anchor of the item in this file that mentions it (p and "
        "its number, such as p12).",
        fix_sv="Skriv efter in: ankaret för paragrafen i den här filen som nämner det (p och "
        "numret, till exempel p12).",
        example={"anchor": "p9"},
    )
    REFERENCE_WITHOUT_CASE = Message(
        en="references: {body} {date}: no case number to list it under; add case: or name an "
        "item that has one with in:",
        sv="references: {body} {date}: inget diarienummer att föra hänvisningen till; lägg "
        "till case:, eller ange med in: en paragraf som har ett",
        fix_en="Give the reference its case: (the diarienummer), or point in: at an item "
        "whose heading has case=.",
        fix_sv="Ge hänvisningen ett case: (diarienumret), eller låt in: peka på en paragraf "
        "vars rubrik har case=.",
        example={"body": "Kommunfullmäktige", "date": "2025-04-22"},
    )
    LINKED_MARKDOWN_OUTSIDE = Message(
        en="a link to a file outside content/ (or to none: dangling, or a loop of links), "
        "which minutes does not read; put the file itself in content/",
        sv="en länk (symbolisk länk) till en fil utanför content/ (eller till ingen fil alls), "
        "som minutes inte läser; lägg själva filen i content/",
        fix_en="Replace the link in the file system by the file itself.",
        fix_sv="Ersätt länken i filsystemet med själva filen.",
        where="content/pages/gammal.md",
    )
    LINKED_FILE_OUTSIDE = Message(
        en="a link to a file outside content/ (or to none: dangling, or a loop of links), "
        "which is not published; put the file itself in content/",
        sv="en länk (symbolisk länk) till en fil utanför content/ (eller till ingen fil alls), "
        "som inte publiceras; lägg själva filen i content/",
        fix_en="Replace the link in the file system by the file itself.",
        fix_sv="Ersätt länken i filsystemet med själva filen.",
        where="content/files/bilaga.pdf",
    )
    PAGE_URL_TAKEN = Message(
        en="the page URL {url} is already used by {other} ({other_url}); rename the file",
        sv="sidans adress {url} används redan av {other} ({other_url}); byt namn på filen",
        fix_en="Give the page's file another name: its name is its address.",
        fix_sv="Ge sidans fil ett annat namn: namnet blir dess adress.",
        example={"url": "/sok/", "other": Names.SEARCH_PAGE(), "other_url": "/sok/"},
        where="content/pages/sok.md:1",
    )
    ATTACHMENT_URL_TAKEN = Message(
        en="attachments: {file} would be published at {url}, which is already used by {other} "
        "({other_url}); move the file into content/files/",
        sv="attachments: {file} skulle publiceras på {url}, som redan används av {other} "
        "({other_url}); flytta filen till content/files/",
        fix_en="Keep attachments in content/files/ and name them from there.",
        fix_sv="Lägg bilagor i content/files/ och ange dem därifrån.",
        example={
            "file": "pagefind/bilaga.pdf",
            "url": "/pagefind/bilaga.pdf",
            "other": Names.SEARCH_INDEX(),
            "other_url": "/pagefind/",
        },
        where="content/kommunstyrelsen/2025/2025-03-11.md:1",
    )
    SAME_OUTPUT_PLACE = Message(
        en="{what} ({url}) and {other} ({other_url}) would be written to the same place; rename "
        "the body, organisation or file that names one of them",
        sv="{what} ({url}) och {other} ({other_url}) skulle skrivas till samma ställe; byt namn "
        "på organet, organisationen eller filen som ger den ena sitt namn",
        fix_en="Two things would get the same address: rename one of them.",
        fix_sv="Två saker skulle få samma adress: byt namn på den ena.",
        example={
            "what": Names.BODY_PAGE(name="Arkiv"),
            "url": "/arkiv/",
            "other": Names.ARCHIVE(),
            "other_url": "/arkiv/",
        },
        where="content/bodies/arkiv.md:1",
    )
