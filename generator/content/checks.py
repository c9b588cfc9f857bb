"""Checks on what a site publishes: personal identity numbers, and files kept back because
only secret parts refer to them."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Iterator

from ..messages.front import Front as M
from .errors import Problems
from .model import Meeting

# YYMMDD or YYYYMMDD, then four digits, apart or separated as a reader sees them: a hyphen
# in any of the forms word processors put (en dash, minus, non-breaking hyphen), a plus, or a
# space: a Swedish personal identity number (a digit first, then the look-behind: a pattern
# that starts with a character class is several times faster to scan megabytes of text with)
_SPACE = "[\n \u00a0\u2007\u2009\u202f]"
_DASH = "[-+\u2010-\u2015\u2212\ufe58\ufe63\uff0b\uff0d]"
_PNR = re.compile(r"(\d)(?<!\d\d)(\d{5}|\d{7})" + f"{_SPACE}?{_DASH}?{_SPACE}?" + r"(\d{4})(?!\d)")
# characters a reader does not see (soft hyphen, zero-width spaces and joiners, word joiner,
# byte order mark): a number written with them between its digits still reads as one
_INVISIBLE = re.compile("[\u00ad\u180e\u200b-\u200f\u2060-\u2064\ufeff]")


# what no page, feed or calendar can hold (XML refuses it): control characters but tab and
# line breaks, the noncharacters U+FFFE and U+FFFF, a lone surrogate (from a YAML escape)
_UNSHOWABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def unshowable(text: str) -> str | None:
    """The first character in ``text`` that no page or feed can hold, if any."""
    found = _UNSHOWABLE.search(text)
    return found[0] if found else None


def _luhn_ok(digits: str) -> bool:
    total = 0
    for n, ch in enumerate(digits):
        value = int(ch) * (2 if n % 2 == 0 else 1)
        total += value - 9 if value > 9 else value
    return total % 10 == 0


def _dated_numbers(text: str) -> Iterator[tuple[str, bool, bool]]:
    """Every number in ``text`` that begins with a birth date as a personnummer does:
    (as written, whether its check digit is right, whether written with a - or + between)."""
    if _INVISIBLE.search(text):
        text = _INVISIBLE.sub("", text)
    for m in _PNR.finditer(text):
        birth = m.group(1) + m.group(2)
        if len(birth) == 8 and birth[:2] not in ("19", "20"):
            continue
        month, day = int(birth[-4:-2]), int(birth[-2:])
        if not (1 <= month <= 12 and (1 <= day <= 31 or 61 <= day <= 91)):
            continue
        written = m.group(0)
        yield written, _luhn_ok(birth[-6:] + m.group(3)), bool(re.search(_DASH, written))


def personal_numbers(text: str) -> Iterator[str]:
    """Every personnummer (or samordningsnummer) in ``text`` whose check digit is right."""
    return (written for written, right, _ in _dated_numbers(text) if right)


def mistyped_numbers(text: str) -> Iterator[str]:
    """Every number in ``text`` written as a personnummer is (a birth date, a - or +, four
    digits) whose check digit is wrong: most likely a real one with a digit mistyped, which
    still points at a person."""
    return (written for written, right, dashed in _dated_numbers(text) if dashed and not right)


def looks_like_personnummer(text: str) -> str | None:
    """The first personnummer (or samordningsnummer) in ``text`` whose check digit is right."""
    return next(personal_numbers(text), None)


def _key(number: str) -> str:
    """The ten digits that identify a number however it is written ('19811218-9876' and
    '811218-9876' are one number)."""
    return re.sub(r"\D", "", number)[-10:]


def check_personal_numbers(
    lines: Iterable[tuple[int, str]],
    path: str,
    problems: Problems,
    allowed: Iterable[str] = (),
    also: Iterable[tuple[int, str]] = (),
    allowed_line: int = 1,
) -> None:
    """An error for every published line that holds a personal identity number, in every
    build: minutes are public and such a number must never be. ``also`` are published texts
    whose line is only approximate (front matter values, rendered text): a number found
    there and not on a line is reported at that line. ``allowed`` are the numbers the file's
    ``not_personal_numbers`` lists; one not found is a warning (the list must not go stale)."""
    allowed = tuple(allowed)
    exempt = {_key(a) for a in allowed}
    used: set[str] = set()
    reported: set[str] = set()
    for precise, source in ((True, lines), (False, also)):
        for number, text in source:
            for found, right, dashed in _dated_numbers(text):  # one scan of the text
                key = _key(found)
                if not right and not dashed:
                    continue  # a number of that shape and a wrong check digit: no guess
                if key in exempt:
                    used.add(key)
                elif precise or key not in reported:
                    reported.add(key)
                    if right:
                        problems.error(path, number, M.PERSONAL_NUMBER(found=found))
                    else:
                        problems.warn(path, number, M.PERSONAL_NUMBER_MISTYPED(found=found))
    for listed in allowed:
        if _key(listed) not in used:
            problems.warn(path, allowed_line, M.NOT_PERSONAL_NUMBER_UNUSED(number=listed))


def check_withheld(meetings: Iterable[Meeting], problems: Problems) -> None:
    """A file that a closed meeting or a confidential item refers to is never copied to the
    output; an open meeting that attaches or links it too is an error (secrecy wins, so its
    link would lead nowhere, and the clerk must decide)."""
    meetings = list(meetings)
    withheld: dict[str, str] = {}
    for m in meetings:
        for file in m.withheld:
            withheld.setdefault(file, m.source)
    if not withheld:
        return
    for m in meetings:
        for attachment in m.attachments:
            if attachment.file in withheld:
                problems.error(
                    m.source,
                    1,
                    M.WITHHELD_ATTACHMENT(file=attachment.file, source=withheld[attachment.file]),
                )
        for target, line in m.links:
            file = target.partition("#")[0]
            if file in withheld:
                problems.error(m.source, line, M.WITHHELD_LINK(file=file, source=withheld[file]))


def check_site_texts(settings: str, files: Iterable[str], problems: Problems) -> None:
    """Personal identity numbers in what the site publishes besides its content files: the
    values of site.toml (its title, notice place, accessibility contact, ... are on every
    page; comments are not published), the names of the files under content/files/ (copied
    as they are, so their names are in addresses and links) and of the Markdown files (in
    page addresses and edit links); ``files`` are relative to content/."""
    try:
        table = tomllib.loads(settings)
    except tomllib.TOMLDecodeError:  # said when the settings are read
        table = {}
    named = _strings(table)
    values = [value for _, value in named]
    if isinstance(table.get("title"), str) and not table["title"].strip():
        problems.error(
            "site.toml",
            _line_of(settings, "title"),
            M.SITE_TITLE_EMPTY(),
        )
    for key, value in named:
        hidden = unshowable(value)
        if hidden:
            problems.error(
                "site.toml",
                _line_of(settings, key),
                M.SITE_CONTROL_CHARACTER(key=key, code=f"U+{ord(hidden):04X}"),
            )
    written = [
        (n, line)
        for n, line in enumerate(settings.split("\n"), 1)
        if not line.lstrip().startswith("#")
    ]
    reported: set[str] = set()
    for precise, source in ((True, written), (False, [(1, v) for v in values])):
        for n, text in source:
            for found in personal_numbers(text):
                if not precise and _key(found) in reported:
                    continue  # a value's number is said on the line it is written on
                reported.add(_key(found))
                problems.error("site.toml", n, M.SITE_PERSONAL_NUMBER(found=found))
    for name in sorted(files):
        found_in_name = looks_like_personnummer(name)
        if found_in_name and name.endswith(".md"):
            problems.error(f"content/{name}", 0, M.PAGE_NAME_PERSONAL_NUMBER(found=found_in_name))
        elif found_in_name and name.startswith("files/"):
            problems.error(f"content/{name}", 0, M.FILE_NAME_PERSONAL_NUMBER(found=found_in_name))


def _strings(value: object, key: str = "") -> list[tuple[str, str]]:
    """Every text in a TOML value, with the key it is under (its last part)."""
    if isinstance(value, dict):
        return [t for k, v in value.items() for t in ((str(k), str(k)), *_strings(v, str(k)))]
    if isinstance(value, list):
        return [t for v in value for t in _strings(v, key)]
    return [(key, value)] if isinstance(value, str) else []


def _line_of(settings: str, key: str) -> int:
    """The first line of site.toml that sets ``key`` (1 if none does as written)."""
    for n, line in enumerate(settings.split("\n"), 1):
        if line.strip().startswith((f"{key} ", f"{key}=", f'"{key}"')):
            return n
    return 1
