"""Why a file's YAML or TOML cannot be read, in the clerk's words: phrases told inside a
message (``huvudet: går inte att läsa här ({problem})``) in its language, never PyYAML's or
tomllib's English. Not messages of their own, so not in the guide's list."""

from __future__ import annotations

import errno

from .message import Said, phrase


class Reasons:
    """What a parser found, said as what the line lacks."""

    PREFIX = "name-reason-"

    COLON_IN_VALUE = phrase(
        "a second ': ' on the line, in a value without quotes",
        "ett andra ': ' på raden, i ett värde utan citattecken",
    )
    NO_COLON = phrase("a line without ': ' after its key", "en rad utan ': ' efter nyckeln")
    TAB = phrase("a tab where spaces should be", "en tabb där det ska stå mellanslag")
    INDENT = phrase(
        "the line is not indented like the lines above it",
        "raden är inte indragen som raderna ovanför",
    )
    QUOTE_NOT_CLOSED = phrase(
        "a quote that is not closed, or a \\ inside quotes",
        "ett citattecken som inte stängs, eller ett \\ inom citattecken",
    )
    BRACKET_NOT_CLOSED = phrase("a [ or {{ that is not closed", "en [ eller {{ som inte stängs")
    SIGN_FIRST = phrase(
        "a value that starts with a sign (such as @, `, % or *) without quotes",
        "ett värde som börjar med ett tecken (som @, `, % eller *) utan citattecken",
    )
    TAG = phrase(
        "a value that starts with ! without quotes",
        "ett värde som börjar med ! utan citattecken",
    )
    NOT_KEY_VALUE = phrase("the line is not key = value", "raden är inte nyckel = värde")
    TOML_VALUE = phrase(
        "the value is not text in quotes, a number, true or false, a date or a list in [ ]",
        "värdet är inte text inom citattecken, ett tal, true eller false, ett datum eller en "
        "lista inom [ ]",
    )
    TWICE = phrase(
        "a setting or table that is already given above",
        "en inställning eller tabell som redan står ovanför",
    )
    DATE = phrase(
        "a date that is not YYYY-MM-DD or not a day in the calendar",
        "ett datum som inte är ÅÅÅÅ-MM-DD eller ingen dag i kalendern",
    )
    OTHER = phrase("something on the line", "något på raden")

    # why the system could not read or write a file
    DISK_FULL = phrase("the disk is full", "disken är full")
    QUOTA = phrase("the disk quota is used up", "utrymmet på disken som du får använda är slut")
    NOT_ALLOWED = phrase(
        "no permission to read or write there", "du har inte rätt att läsa eller skriva där"
    )
    READ_ONLY = phrase("the disk is read-only", "disken är skrivskyddad")
    NO_SUCH_FILE = phrase("no such file or folder", "filen eller mappen finns inte")
    DISK_BROKEN = phrase(
        "the disk could not be read or written", "disken gick inte att läsa eller skriva"
    )
    TOO_MANY_FILES = phrase("too many files open at once", "för många filer öppna samtidigt")
    NOT_A_FOLDER = phrase(
        "a file where a folder should be, or a folder where a file should be",
        "en fil där det ska vara en mapp, eller en mapp där det ska vara en fil",
    )
    SYSTEM = phrase("the system answered {code}", "systemet svarade {code}", code="EMLINK")


def yaml_reason(problem: str, context: str = "", written: str = "") -> Said:
    """PyYAML's problem (and what it was reading, and the line it stopped at) as the clerk's
    phrase. Its C and Python loaders word some problems differently."""
    if problem.startswith("mapping values are not allowed"):
        return Reasons.COLON_IN_VALUE()
    if "\t" in written[: len(written) - len(written.lstrip())] or "'\\t'" in problem:
        return Reasons.TAB()
    if problem.startswith("found character"):
        return Reasons.SIGN_FIRST()
    if "quoted scalar" in context or problem.startswith("found unknown escape"):
        return Reasons.QUOTE_NOT_CLOSED()
    if "flow" in context:
        return Reasons.BRACKET_NOT_CLOSED()
    if problem.startswith("could not find expected ':'"):
        return Reasons.NO_COLON()
    if problem.startswith("expected <block end>") or "block" in context:
        return Reasons.INDENT()
    if "constructor for the tag" in problem:
        return Reasons.TAG()
    return Reasons.OTHER()


_TOML = (
    (
        ("Unterminated string", "Unescaped '\\'", "Escaped character", "Invalid hex"),
        Reasons.QUOTE_NOT_CLOSED,
    ),
    (
        ("Expected ']'", "Expected ']]'", "Unclosed", "Expected '", 'Expected "'),
        Reasons.BRACKET_NOT_CLOSED,
    ),
    (("Invalid value", "Expected newline"), Reasons.TOML_VALUE),
    (("Invalid date",), Reasons.DATE),
    (("Cannot ", "Duplicate "), Reasons.TWICE),
)


def toml_reason(text: str) -> Said:
    """tomllib's reason (without its place) as the clerk's phrase."""
    if text.startswith("Expected '=' after a key"):
        return Reasons.NOT_KEY_VALUE()
    for starts, reason in _TOML:
        if text.startswith(starts):
            return reason()
    return Reasons.NOT_KEY_VALUE()


_SYSTEM = {
    errno.ENOSPC: Reasons.DISK_FULL,
    errno.EDQUOT: Reasons.QUOTA,
    errno.EACCES: Reasons.NOT_ALLOWED,
    errno.EPERM: Reasons.NOT_ALLOWED,
    errno.EROFS: Reasons.READ_ONLY,
    errno.ENOENT: Reasons.NO_SUCH_FILE,
    errno.EIO: Reasons.DISK_BROKEN,
    errno.EMFILE: Reasons.TOO_MANY_FILES,
    errno.ENFILE: Reasons.TOO_MANY_FILES,
    errno.ENOTDIR: Reasons.NOT_A_FOLDER,
    errno.EISDIR: Reasons.NOT_A_FOLDER,
}


def system_reason(exc: OSError) -> Said:
    """Why the system could not read or write, as the clerk's phrase (its own text is
    English, whatever the site's language); an error without a phrase is named by its code."""
    known = _SYSTEM.get(exc.errno or 0)
    if known is not None:
        return known()
    return Reasons.SYSTEM(code=errno.errorcode.get(exc.errno or 0, str(exc.errno)))
