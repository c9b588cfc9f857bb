"""What the commands say around the problems: how each is shown, the summary line, and the
problems of the build itself (the output folder, the theme, the search index)."""

from __future__ import annotations

from .message import Message


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
        fix_en="The build stopped before reading the meetings: mend what the line says.",
        fix_sv="Bygget stannade innan mötena lästes: rätta det som raden säger.",
        example={"text": "site.toml:3: …"},
        where="",
    )
