"""Front matter: YAML → checked, typed fields, each problem located at its source line."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, Literal

import yaml

from ..messages import Said
from ..messages.front import Front as M
from ..messages.reasons import yaml_reason
from .attributes import mentions_secrecy
from .checks import looks_like_personnummer, mistyped_numbers, unshowable
from .errors import Problems
from .model import LABELLED, STATUSES, Attachment, Person, Reference
from .spelling import nearest

FieldKind = Literal[
    "text",
    "date",
    "time",
    "status",
    "yes/no",
    "names",
    "people",
    "attachments",
    "labels",
    "references",
    "numbers",
]
# what each front matter key holds: the checks below and the editors' JSON Schema
# (content/schema.py) read this one table, so a key and its kind are declared once
FIELDS: dict[str, FieldKind] = {
    "body": "text",
    "date": "date",
    "end_date": "date",
    "organisation": "text",
    "title": "text",
    "type": "text",
    "status": "status",
    "extract": "yes/no",
    "case": "text",
    "public": "yes/no",
    "start": "time",
    "end": "time",
    "location": "text",
    "chair": "text",
    "secretary": "names",
    "adjusters": "names",
    "certified_by": "names",
    "adjusted": "date",
    "posted": "date",
    "notice_place": "text",
    "announced": "date",
    "attendees": "people",
    "absent": "people",
    "officials": "people",
    "attachments": "attachments",
    "lang": "text",
    "not_personal_numbers": "numbers",
    "date_note": "text",
    "editor_note": "text",
    "labels": "labels",
    "references": "references",
}
REQUIRED_KEYS = ("body", "date")
# the front matter of a plain page (content/pages/) and of a body's own file (content/bodies/)
PAGE_FIELDS: dict[str, FieldKind] = {"title": "text", "not_personal_numbers": "numbers"}
BODY_FIELDS: dict[str, FieldKind] = {
    "name": "text",
    "members": "people",
    "announce": "yes/no",
    "not_personal_numbers": "numbers",
}
KNOWN_KEYS = tuple(FIELDS)
DATE_KEYS = tuple(key for key, kind in FIELDS.items() if kind == "date")
PERSON_KEYS = ("name", "party", "org", "role", "serving_for", "from", "until")
ATTACHMENT_KEYS = ("title", "file", "url")
REFERENCE_KEYS = ("body", "date", "item", "case", "in")
TIME = r"^([01]?\d|2[0-3])[:.]([0-5]\d)$"  # HH:MM, or HH.MM as Swedish minutes write it
FIRST_YEAR, LAST_YEAR = 1000, 9998  # a date's year; 9999 leaves no room for a notice period
SMALL_HOURS_END = "06:00"  # an end before this and before the start is past midnight
_TIME = re.compile(TIME)
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_PERSON = re.compile(r"^(?P<name>[^(),]+?)\s*(?:\((?P<party>[^()]*)\)|,\s*(?P<org>.+))?$")
_LONGEST_NUMBER = 30  # digits; Python refuses to read an integer of thousands


class _BadDate(yaml.YAMLError):
    """A YAML date that is no day in the calendar (2024-02-30)."""

    def __init__(self, text: str, mark: yaml.Mark) -> None:
        super().__init__(text)
        self.text, self.mark = text, mark


class _LongNumber(yaml.YAMLError):
    """An integer too long to be anything a clerk means."""

    def __init__(self, digits: int, mark: yaml.Mark) -> None:
        super().__init__(str(digits))
        self.digits, self.mark = digits, mark


class _NulText(yaml.YAMLError):
    """Text holding a NUL character (written as an escape: the file itself has none)."""

    def __init__(self, mark: yaml.Mark) -> None:
        super().__init__("NUL")
        self.mark = mark


try:  # the C loader is several times faster; the pure one behaves the same
    _Base: type[yaml.SafeLoader] = yaml.CSafeLoader  # type: ignore[assignment]
except AttributeError:  # pragma: no cover - PyYAML built without libyaml
    _Base = yaml.SafeLoader


class _Loader(_Base):  # type: ignore[valid-type,misc]  # a class chosen at import time
    """PyYAML's safe loader whose constructors raise located YAML errors for values Python
    cannot hold (its own raise ValueError, with no line, from deep inside the constructor)."""


def _timestamp(loader: yaml.SafeLoader, node: yaml.Node) -> object:
    try:
        return yaml.SafeLoader.construct_yaml_timestamp(loader, node)  # type: ignore[arg-type]
    except (ValueError, OverflowError):
        raise _BadDate(str(node.value), node.start_mark) from None


def _number(loader: yaml.SafeLoader, node: yaml.Node) -> object:
    """A plain number is kept as written: every value minutes reads is text, and YAML 1.1
    would turn 'case: 2024.10' into 2024.1, 'until: 4.10' into 4.1, 0123 into 83, 1:20
    into 80 and 1e400 into inf."""
    digits = sum(ch.isdigit() for ch in str(node.value))
    if digits > _LONGEST_NUMBER:
        raise _LongNumber(digits, node.start_mark)
    return str(node.value)


class _ControlText(yaml.YAMLError):
    """Text holding a character no page or feed can hold (written as an escape)."""

    def __init__(self, char: str, mark: yaml.Mark) -> None:
        super().__init__(char)
        self.char, self.mark = char, mark


def _str(loader: yaml.SafeLoader, node: yaml.Node) -> object:
    value = yaml.SafeLoader.construct_yaml_str(loader, node)
    if "\x00" in value:
        raise _NulText(node.start_mark)
    hidden = unshowable(value)
    if hidden:
        raise _ControlText(hidden, node.start_mark)
    return value


_Loader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp)
_Loader.add_constructor("tag:yaml.org,2002:int", _number)
_Loader.add_constructor("tag:yaml.org,2002:float", _number)
_Loader.add_constructor("tag:yaml.org,2002:str", _str)

Entry = tuple[int, dict[str, int]]  # a list entry's line, and the line of each of its keys


@dataclass(frozen=True, slots=True)
class FrontMatter:
    """The checked fields of one file's front matter, and the line of each key."""

    values: dict[str, Any]
    lines: dict[str, int]
    entries: dict[str, tuple[Entry, ...]] = field(default_factory=dict)  # of list values


# the Swedish word a clerk may write for a key (the keys are the contract's, in English)
SWEDISH_KEYS = {
    "organ": "body",
    "nämnd": "body",
    "styrelse": "body",
    "datum": "date",
    "slutdatum": "end_date",
    "titel": "title",
    "rubrik": "title",
    "typ": "type",
    "ärende": "case",
    "ärendenummer": "case",
    "plats": "location",
    "lokal": "location",
    "ordförande": "chair",
    "sekreterare": "secretary",
    "justerare": "adjusters",
    "justerat": "adjusted",
    "justerad": "adjusted",
    "justering": "adjusted",
    "anslag": "posted",
    "anslaget": "posted",
    "anslagen": "posted",
    "närvarande": "attendees",
    "ledamöter": "attendees",
    "deltagare": "attendees",
    "frånvarande": "absent",
    "tjänstepersoner": "officials",
    "tjänstemän": "officials",
    "övriga": "officials",
    "bilagor": "attachments",
    "bilaga": "attachments",
    "språk": "lang",
}


def misspelt_key(key: str, known: tuple[str, ...] = KNOWN_KEYS) -> str | None:
    """The known key ``key`` is probably a misspelling of, if any (one or two letters off,
    case aside: 'PUBLIC' is 'public'), or the Swedish word for ('justerare': 'adjusters')."""
    folded = key.casefold()
    found = nearest(folded, known)
    if found is None and SWEDISH_KEYS.get(folded) in known:
        return SWEDISH_KEYS[folded]
    return found


# words in a key that ask for the file not to be published ('offentlig: nej', 'hemlig: ja',
# 'closed: true', 'draft: true'): such a key must never be an ignored one
_UNPUBLISHING = (
    "offentlig",
    "hemlig",
    "sluten",
    "slutet",
    "stängd",
    "stängt",
    "closed",
    "privat",
    "hidden",
    "dold",
    "unlisted",
)
_DRAFT = ("draft", "utkast")


def unpublishing_key(key: str) -> str | None:
    """What a key that is no known key but asks for the file to be kept back means: 'public'
    (the meeting closed), 'draft' (not published yet), or None for any other key."""
    word = key.casefold()
    if any(w in word for w in _DRAFT):
        return "draft"
    if mentions_secrecy(word) or any(w in word for w in _UNPUBLISHING):
        return "public"
    return None


def parse_person(value: object) -> Person | None:
    """'Name (Party)', 'Name, Organisation' or a mapping with name/party/org/role (and, for
    an attendee, serving_for/from/until); None if it is neither."""
    if isinstance(value, str):
        text = " ".join(value.split())
        m = _PERSON.match(text)
        if not m:
            return Person(name=text)
        return Person(
            name=m["name"].strip(), party=(m["party"] or "").strip(), org=(m["org"] or "").strip()
        )
    if isinstance(value, dict) and isinstance(value.get("name"), str):
        if not all(isinstance(value.get(k) or "", str | int | float) for k in PERSON_KEYS):
            return None
        return Person(
            name=value["name"],
            party=_text(value.get("party")),
            org=_text(value.get("org")),
            role=_text(value.get("role")),
            serving_for=_text(value.get("serving_for")),
            from_item=_text(value.get("from")),
            until_item=_text(value.get("until")),
        )
    return None


def _text(value: object) -> str:
    return "" if value is None or isinstance(value, bool) else str(value).strip()


def load_yaml(text: str, path: str, first_line: int, problems: Problems) -> FrontMatter | None:
    """Parse the YAML of a front matter block whose first line is ``first_line`` in the file.
    A value that cannot be read is an error on its line; the other keys are still read."""
    try:
        loader = _Loader(text)
        try:
            node = loader.get_single_node()
            if node is None:
                return FrontMatter({}, {})
            if not isinstance(node, yaml.MappingNode):
                problems.error(path, first_line, M.FRONT_MATTER_NOT_KEYS())
                return None
            shared = shared_node(node)
            if shared is not None:  # anchors and aliases can expand into billions of items
                problems.error(
                    path,
                    first_line + shared.start_mark.line,
                    M.YAML_ALIAS(),
                )
                return None
            if not _nested_keys_ok(node, path, first_line, problems):
                return None
            return _read(loader, node, path, first_line, problems)
        finally:
            loader.dispose()
    except yaml.YAMLError as exc:
        problem_text, context = (
            getattr(exc, "problem", None) or "",
            getattr(exc, "context", None) or "",
        )
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        # where the bracket or quote opened, or the key whose colon is missing (the parser
        # finds that out a line later)
        opened = "flow" in context or "quoted" in context
        if opened or problem_text.startswith("could not find expected ':'"):
            mark = getattr(exc, "context_mark", None) or mark
        line = first_line + (mark.line if mark is not None else 0)
        written = "".join(text.split("\n")[mark.line :][:1]) if mark is not None else ""
        problem = yaml_reason(problem_text, context, written)
        problems.error(path, line, M.YAML_UNREADABLE(problem=problem))
        return None


_CURLY = "\u201c\u201d\u201e\u00ab\u00bb\u2018\u2019"  # double and single curly quotes, guillemets


def _curly_quoted(value: object) -> bool:
    """Whether a value is in the quotation marks a word processor puts ("13:00" pasted from
    Word comes as ”13:00”), which YAML reads as part of the text, not as quotes."""
    text = value.strip() if isinstance(value, str) else ""
    return len(text) > 1 and text[0] in _CURLY and text[-1] in _CURLY


_DEEPEST = 20  # lists and mappings inside each other; a person in a list of people is 3


def _nested_keys_ok(root: yaml.MappingNode, path: str, first_line: int, problems: Problems) -> bool:
    """No key given twice inside an entry (YAML keeps the last, the first is lost without a
    word; the top level says so itself), and nothing nested deeper than anything minutes
    reads (Python would run out of stack reading it)."""
    ok = True
    stack: list[tuple[yaml.Node, int]] = [(value, 1) for _, value in root.value]
    while stack:
        node, depth = stack.pop()
        if depth > _DEEPEST:
            problems.error(
                path,
                first_line + node.start_mark.line,
                M.NESTED_TOO_DEEP(deepest=_DEEPEST),
            )
            return False
        if isinstance(node, yaml.SequenceNode):
            stack += [(child, depth + 1) for child in node.value]
        elif isinstance(node, yaml.MappingNode):
            seen: set[str] = set()
            for key, value in node.value:
                name = str(key.value) if isinstance(key, yaml.ScalarNode) else ""
                if name and name in seen:
                    problems.error(
                        path,
                        first_line + key.start_mark.line,
                        M.KEY_TWICE_IN_ENTRY(key=name),
                    )
                    ok = False
                seen.add(name)
                stack.append((value, depth + 1))
    return ok


def _read(
    loader: yaml.SafeLoader, node: yaml.MappingNode, path: str, first_line: int, problems: Problems
) -> FrontMatter:
    values: dict[str, Any] = {}
    lines: dict[str, int] = {}
    entries: dict[str, tuple[Entry, ...]] = {}
    for key_node, value_node in node.value:
        line = first_line + key_node.start_mark.line
        if not isinstance(key_node, yaml.ScalarNode) or "\x00" in key_node.value:
            problems.error(path, line, M.KEY_NOT_A_WORD())
            continue
        key = str(key_node.value)
        if key in lines:
            problems.error(path, line, M.KEY_TWICE(key=key))
            continue
        lines[key] = line
        entries[key] = _entries(value_node, first_line)
        if key in ("start", "end") and isinstance(value_node, yaml.ScalarNode):
            values[key] = value_node.value  # raw text: YAML 1.1 reads 10:30 as 630
            continue
        try:
            values[key] = loader.construct_object(value_node, deep=True)
        except _BadDate as exc:
            problems.error(
                path,
                first_line + exc.mark.line,
                M.NOT_A_DAY(key=key, got=exc.text),
            )
        except _LongNumber as exc:
            problems.error(
                path,
                first_line + exc.mark.line,
                M.NUMBER_TOO_LONG(key=key, digits=str(exc.digits)),
            )
        except _NulText as exc:
            problems.error(
                path,
                first_line + exc.mark.line,
                M.VALUE_NUL(key=key),
            )
        except _ControlText as exc:
            problems.error(
                path,
                first_line + exc.mark.line,
                M.VALUE_CONTROL_CHARACTER(key=key, code=f"U+{ord(exc.char):04X}"),
            )
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None) or key_node.start_mark
            problem = yaml_reason(
                getattr(exc, "problem", None) or "", getattr(exc, "context", None) or ""
            )
            problems.error(
                path, first_line + mark.line, M.VALUE_UNREADABLE(key=key, problem=problem)
            )
    return FrontMatter(values, lines, entries)


def _entries(node: yaml.Node, first_line: int) -> tuple[Entry, ...]:
    """Lines of a list's entries (a single mapping counts as a list of one) and their keys."""
    items = (
        node.value
        if isinstance(node, yaml.SequenceNode)
        else [node]
        if isinstance(node, yaml.MappingNode)
        else []
    )
    return tuple(
        (
            first_line + item.start_mark.line,
            {
                str(k.value): first_line + k.start_mark.line
                for k, _ in item.value
                if isinstance(k, yaml.ScalarNode)
            }
            if isinstance(item, yaml.MappingNode)
            else {},
        )
        for item in items
    )


def shared_node(root: yaml.Node) -> yaml.Node | None:
    """A node reached twice (through an alias), if any."""
    seen: set[int] = set()
    stack: list[yaml.Node] = [root]
    while stack:
        node = stack.pop()
        if id(node) in seen:
            return node
        seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                stack.extend((key, value))
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)
    return None


def _as_date(value: object) -> date | None:
    """A date given as a YAML date or as ISO text, within the years a date may have."""
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, str):
        try:
            value = date.fromisoformat(value.strip())
        except ValueError:
            return None
    if isinstance(value, date) and FIRST_YEAR <= value.year <= LAST_YEAR:
        return value
    return None


def _as_written(value: object) -> str:
    """A value YAML read as a date or yes/no, as the clerk wrote it (near enough)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    return value.isoformat() if isinstance(value, date) else str(value)


def _scalar_text(value: object) -> str:
    """An extra key's value as text; lists of text are joined, anything deeper is dropped."""
    if value is None:
        return ""
    if isinstance(value, list):
        return ", ".join(str(v) for v in value if isinstance(v, (str, int, float, date)))
    return "" if isinstance(value, dict) else str(value)


def _names(value: object) -> tuple[str, ...] | None:
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return tuple(value)
    return None


def check_fields(
    fm: FrontMatter, path: str, extra_keys: tuple[str, ...], problems: Problems
) -> dict[str, Any]:
    """Check every key against the contract; return the typed values of those that pass."""
    out: dict[str, Any] = {}
    extra: list[tuple[str, str]] = []

    def bad(key: str, said: Said) -> None:
        problems.error(path, fm.lines.get(key, 1), said)

    for key, value in fm.values.items():
        line = fm.lines[key]
        if key not in KNOWN_KEYS:
            if key in extra_keys:
                extra.append((key, _scalar_text(value)))
                continue
            guess = misspelt_key(key)
            meant = unpublishing_key(key)
            if meant == "public" and guess in (None, "public"):  # secrecy fails closed
                problems.error(path, line, M.KEY_WOULD_PUBLISH(key=key))
            elif meant == "draft" and guess is None:
                problems.error(path, line, M.KEY_WOULD_PUBLISH_DRAFT(key=key))
            elif guess is not None:
                problems.error(path, line, M.KEY_MISSPELT(key=key, guess=guess))
            else:
                problems.warn(path, line, M.KEY_UNKNOWN(key=key))
                extra.append((key, _scalar_text(value)))
            continue
        if value is None and key == "public":  # secrecy fails closed: no value, no guess
            bad(key, M.PUBLIC_EMPTY())
            continue
        if value is None:
            continue
        kind = FIELDS[key]
        if kind == "date":
            day = _date_value(key, value, line, path, problems)
            if day is not None:
                out[key] = day
        elif kind == "time":
            m = _TIME.match(str(value).strip())
            if not m and _curly_quoted(value):
                bad(key, M.CURLY_QUOTES(key=key, got=str(value)))
            elif not m:
                bad(key, M.TIME_FORMAT(key=key, got=repr(value)))
            else:
                out[key] = f"{int(m[1]):02d}:{m[2]}"
        elif kind == "status":
            if value not in STATUSES:
                bad(key, M.STATUS_UNKNOWN(key=key, got=repr(value), statuses=", ".join(STATUSES)))
            else:
                out[key] = value
        elif kind == "yes/no":
            if not isinstance(value, bool):
                bad(key, M.YES_OR_NO(key=key, got=repr(value)))
            else:
                out[key] = value
        elif kind == "names":
            names = _names(value)
            if names is None:
                bad(key, M.NAMES_EXPECTED(key=key))
            else:
                out[key] = names
        elif kind == "people":
            listed = people(key, value, fm.entries.get(key, ()), path, problems)
            if listed is not None:
                out[key] = listed
        elif kind == "attachments":
            _entry_keys(key, fm.entries.get(key, ()), path, problems)
            out[key] = _attachments(value, key, bad)
        elif kind == "labels":
            out[key] = _labels(value, key, bad)
        elif kind == "references":
            out[key] = _references(value, key, bad, line)
        elif kind == "numbers":
            out[key] = not_personal_numbers(value, line, path, problems)
        elif isinstance(value, (str, int, float)) and not isinstance(value, bool):
            out[key] = str(value).strip()
        elif isinstance(value, (bool, date)):
            bad(key, M.TEXT_IN_QUOTES(key=key, got=_as_written(value)))
        else:
            bad(key, M.TEXT_EXPECTED(key=key))
    # missing, or given with nothing after it (a value that could not be read is said above)
    body = fm.values.get("body", "?")
    if "body" not in fm.lines or body is None or (isinstance(body, str) and not body.strip()):
        problems.error(path, fm.lines.get("body", 1), M.BODY_REQUIRED())
    if "date" not in fm.lines or fm.values.get("date", "?") is None:
        problems.error(path, fm.lines.get("date", 1), M.DATE_REQUIRED())
    _check_order(out, fm.lines, path, problems)
    out["extra"] = tuple(sorted(extra))
    return out


def _date_value(key: str, value: object, line: int, path: str, problems: Problems) -> date | None:
    """A date key's value as a date, or None with the reason said."""
    day: date | None = None
    if isinstance(value, datetime):
        day = value.date()
    elif isinstance(value, date):
        day = value
    elif isinstance(value, str) and _ISO_DAY.fullmatch(value.strip()):
        try:
            day = date.fromisoformat(value.strip())
        except ValueError:
            problems.error(path, line, M.NOT_A_DAY(key=key, got=value.strip()))
            return None
    if day is None and _curly_quoted(value):
        problems.error(path, line, M.CURLY_QUOTES(key=key, got=str(value)))
        return None
    if day is None:
        problems.error(
            path, line, M.DATE_FORMAT(key=key, got=value if isinstance(value, str) else repr(value))
        )
        return None
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        problems.error(
            path,
            line,
            M.YEAR_OUT_OF_RANGE(
                key=key, year=str(day.year), first=str(FIRST_YEAR), last=str(LAST_YEAR)
            ),
        )
        return None
    return day


def _check_order(out: dict[str, Any], lines: dict[str, int], path: str, problems: Problems) -> None:
    """A meeting ends after it starts: end_date not before date, end not before start on
    a one-day meeting, unless the end is in the small hours: a meeting from 18:00 to 00:15
    ran past midnight (minutes write it so, without an end_date)."""
    first, last = out.get("date"), out.get("end_date")
    if first is not None and last is not None and last < first:
        problems.error(
            path,
            lines["end_date"],
            M.END_DATE_BEFORE_DATE(end_date=last.isoformat(), date=first.isoformat()),
        )
    start, end = out.get("start"), out.get("end")
    if start and end and end < start and end >= SMALL_HOURS_END and (last is None or last == first):
        problems.error(
            path,
            lines["end"],
            M.END_BEFORE_START(end=end, start=start),
        )


def people(
    key: str, value: object, entries: tuple[Entry, ...], path: str, problems: Problems
) -> tuple[Person, ...] | None:
    """A list of people (attendees, members, ...), every entry read or an error on its line."""
    items = value if isinstance(value, list) else [value]
    _entry_keys(key, entries, path, problems)
    found: list[Person] = []
    for n, item in enumerate(items):
        person = parse_person(item)
        if person is None:
            at = entries[n][0] if n < len(entries) else 1
            problems.error(path, at, M.PERSON_UNREADABLE(key=key, got=repr(item)))
            return None
        found.append(person)
    return tuple(found)


def _entry_keys(key: str, entries: tuple[Entry, ...], path: str, problems: Problems) -> None:
    """A key inside a person or attachment entry that is not one of its keys is an error on
    its line (it would be dropped without a word)."""
    known = ATTACHMENT_KEYS if key == "attachments" else PERSON_KEYS
    for _, keys in entries:
        for name, line in keys.items():
            if name in known:
                continue
            guess = nearest(name, known)
            listed = ", ".join(known)
            if key == "attachments" and guess:
                problems.error(path, line, M.ATTACHMENT_KEY_MISSPELT(name=name, guess=guess))
            elif key == "attachments":
                problems.error(path, line, M.ATTACHMENT_KEY_UNKNOWN(name=name, known=listed))
            elif guess:
                problems.error(path, line, M.PERSON_KEY_MISSPELT(key=key, name=name, guess=guess))
            else:
                problems.error(path, line, M.PERSON_KEY_UNKNOWN(key=key, name=name, known=listed))


def not_personal_numbers(
    value: object, line: int, path: str, problems: Problems
) -> tuple[str, ...]:
    """The numbers a clerk has checked are not personal identity numbers (an organisation
    number, say), each exactly as the check finds it; nothing else may be listed, so the list
    cannot switch the check off."""
    items = value if isinstance(value, list) else [value]
    found: list[str] = []
    for item in items:
        text = str(item).strip() if isinstance(item, (str, int)) else ""
        if not text or text not in (
            looks_like_personnummer(text),
            next(mistyped_numbers(text), None),
        ):
            problems.error(path, line, M.NOT_PERSONAL_NUMBER_LISTED(got=repr(item)))
            continue
        found.append(text)
    return tuple(found)


def _attachments(
    value: object, key: str, bad: Callable[[str, Said], None]
) -> tuple[Attachment, ...]:
    items = value if isinstance(value, list) else [value]
    result: list[Attachment] = []
    for item in items:
        if isinstance(item, str):
            result.append(Attachment(title=item))
        elif isinstance(item, dict) and isinstance(item.get("title"), str):
            file = item.get("file") or ""
            url = item.get("url") or ""
            if not isinstance(file, str) or not isinstance(url, str):
                bad(key, M.ATTACHMENT_NOT_TEXT(title=item["title"]))
                continue
            if url and not url.startswith(("https://", "http://", "mailto:")):
                bad(key, M.ATTACHMENT_URL(url=url))
                continue
            result.append(Attachment(title=item["title"], file=file, url=url))
        else:
            bad(key, M.ATTACHMENT_UNREADABLE(got=repr(item)))
    return tuple(result)


def _labels(
    value: object, key: str, bad: Callable[[str, Said], None]
) -> tuple[tuple[str, str], ...]:
    """``labels: {secretary: Vid anteckningar}``: the source's own word for a people field."""
    if not isinstance(value, dict):
        bad(key, M.LABELS_EXPECTED(got=repr(value)))
        return ()
    result: list[tuple[str, str]] = []
    for name, label in value.items():
        if name not in LABELLED:
            bad(key, M.LABEL_FOR_UNKNOWN(name=name, labelled=", ".join(LABELLED)))
        elif label is None or (isinstance(label, str) and not label.strip()):
            bad(key, M.LABEL_EMPTY(name=name))
        elif not isinstance(label, str):
            bad(key, M.LABEL_NOT_TEXT(name=name, got=repr(label)))
        else:
            result.append((name, label.strip()))
    return tuple(result)


def _references(
    value: object, key: str, bad: Callable[[str, Said], None], line: int
) -> tuple[Reference, ...]:
    """Handlings the text mentions whose minutes are not published here."""
    items = value if isinstance(value, list) else [value]
    result: list[Reference] = []
    for item in items:
        day = _as_date(item.get("date")) if isinstance(item, dict) else None
        if not isinstance(item, dict) or not isinstance(item.get("body"), str) or day is None:
            bad(key, M.REFERENCE_UNREADABLE(got=repr(item)))
            continue
        unknown = sorted(set(item) - set(REFERENCE_KEYS))
        if unknown:
            bad(
                key,
                M.REFERENCE_UNKNOWN_KEYS(
                    unknown=", ".join(map(str, unknown)), known=", ".join(REFERENCE_KEYS)
                ),
            )
            continue
        result.append(
            Reference(
                body=item["body"].strip(),
                date=day,
                item=str(item.get("item") or "").strip(),
                case=" ".join(str(item.get("case") or "").split()),
                mentioned_in=str(item.get("in") or "").strip().lstrip("#"),
                line=line,
            )
        )
    return tuple(result)
