"""Front matter: YAML → checked, typed fields, each problem located at its source line."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

import yaml

from .errors import Problems
from .model import LABELLED, STATUSES, Attachment, Person, Reference

try:  # the C loader is several times faster; the pure one behaves the same
    _Loader: type[yaml.SafeLoader] = yaml.CSafeLoader  # type: ignore[assignment]
except AttributeError:  # pragma: no cover - PyYAML built without libyaml
    _Loader = yaml.SafeLoader

KNOWN_KEYS = (
    "body", "date", "end_date", "organisation", "title", "type", "status", "extract", "case",
    "public", "start", "end", "location", "chair", "secretary", "adjusters", "adjusted", "posted",
    "attendees", "absent", "officials", "attachments", "lang",
    "date_note", "editor_note", "labels", "references",
)
_TIME = re.compile(r"^([01]?\d|2[0-3])[:.]([0-5]\d)$")
_PERSON = re.compile(r"^(?P<name>[^(),]+?)\s*(?:\((?P<party>[^()]*)\)|,\s*(?P<org>.+))?$")


@dataclass(frozen=True, slots=True)
class FrontMatter:
    """The checked fields of one file's front matter, and the line of each key."""

    values: dict[str, Any]
    lines: dict[str, int]


def _distance(a: str, b: str) -> int:
    """Levenshtein distance, small strings only."""
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def misspelt_key(key: str, known: tuple[str, ...] = KNOWN_KEYS) -> str | None:
    """The known key ``key`` is probably a misspelling of, if any (one or two letters off)."""
    limit = 1 if len(key) <= 4 else 2
    best = min(known, key=lambda k: (_distance(key, k), not k.startswith(key), k))
    return best if _distance(key, best) <= limit else None


def parse_person(value: object) -> Person | None:
    """'Name (Party)', 'Name, Organisation' or a mapping with name/party/org/role."""
    if isinstance(value, str):
        text = " ".join(value.split())
        m = _PERSON.match(text)
        if not m:
            return Person(name=text)
        return Person(name=m["name"].strip(), party=(m["party"] or "").strip(),
                      org=(m["org"] or "").strip())
    if isinstance(value, dict) and isinstance(value.get("name"), str):
        return Person(name=value["name"], party=str(value.get("party") or ""),
                      org=str(value.get("org") or ""), role=str(value.get("role") or ""))
    return None


def load_yaml(text: str, path: str, first_line: int, problems: Problems) -> FrontMatter | None:
    """Parse the YAML of a front matter block whose first line is ``first_line`` in the file."""
    try:
        loader = _Loader(text)
        try:
            node = loader.get_single_node()
            if node is None:
                return FrontMatter({}, {})
            if not isinstance(node, yaml.MappingNode):
                problems.error(path, first_line, "front matter: expected key: value lines")
                return None
            shared = _shared_node(node)
            if shared is not None:  # anchors and aliases can expand into billions of items
                problems.error(path, first_line + shared.start_mark.line,
                               "front matter: YAML anchors and aliases (&, *) are not allowed")
                return None
            values: dict[str, Any] = {}
            lines: dict[str, int] = {}
            for key_node, value_node in node.value:
                line = first_line + key_node.start_mark.line
                key = str(key_node.value)
                if key in values:
                    problems.error(path, line, f"{key}: given twice")
                    continue
                lines[key] = line
                if key in ("start", "end") and isinstance(value_node, yaml.ScalarNode):
                    values[key] = value_node.value  # raw text: YAML 1.1 reads 10:30 as 630
                else:
                    values[key] = loader.construct_object(value_node, deep=True)
            return FrontMatter(values, lines)
        finally:
            loader.dispose()
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        line = first_line + (mark.line if mark is not None else 0)
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        problems.error(path, line, f"front matter: invalid YAML: {problem}")
        return None


def _shared_node(root: yaml.Node) -> yaml.Node | None:
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
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            return None
    return None


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


def check_fields(fm: FrontMatter, path: str, extra_keys: tuple[str, ...],
                 problems: Problems) -> dict[str, Any]:
    """Check every key against the contract; return the typed values of those that pass."""
    out: dict[str, Any] = {}
    extra: list[tuple[str, str]] = []

    def bad(key: str, message: str) -> None:
        problems.error(path, fm.lines.get(key, 1), f"{key}: {message}")

    for key, value in fm.values.items():
        line = fm.lines[key]
        if key not in KNOWN_KEYS:
            if key in extra_keys:
                extra.append((key, _scalar_text(value)))
                continue
            guess = misspelt_key(key)
            if guess is not None:
                problems.error(path, line, f"{key}: unknown key; did you mean '{guess}'?")
            else:
                problems.warn(path, line, f"{key}: unknown key (declare it in site.toml "
                                          "extra_keys to keep it)")
                extra.append((key, _scalar_text(value)))
            continue
        if value is None:
            continue
        if key in ("date", "end_date", "adjusted", "posted"):
            parsed = _as_date(value)
            if parsed is None:
                bad(key, f"expected YYYY-MM-DD, got {value!r}")
            else:
                out[key] = parsed
        elif key in ("start", "end"):
            m = _TIME.match(str(value).strip())
            if not m:
                bad(key, f"expected HH:MM, got {value!r}")
            else:
                out[key] = f"{int(m[1]):02d}:{m[2]}"
        elif key == "status":
            if value not in STATUSES:
                bad(key, f"expected one of {', '.join(STATUSES)}, got {value!r}")
            else:
                out[key] = value
        elif key in ("extract", "public"):
            if not isinstance(value, bool):
                bad(key, f"expected true or false, got {value!r}")
            else:
                out[key] = value
        elif key in ("secretary", "adjusters"):
            names = _names(value)
            if names is None:
                bad(key, "expected a name or a list of names")
            else:
                out[key] = names
        elif key in ("attendees", "absent", "officials"):
            items = value if isinstance(value, list) else [value]
            people = [parse_person(v) for v in items]
            if any(p is None for p in people):
                bad(key, "expected a list of 'Name (Party)' strings or {name: ...} mappings")
            else:
                out[key] = tuple(p for p in people if p is not None)
        elif key == "attachments":
            out[key] = _attachments(value, key, bad)
        elif key == "labels":
            out[key] = _labels(value, key, bad)
        elif key == "references":
            out[key] = _references(value, key, bad, line)
        elif isinstance(value, (str, int, float)) and not isinstance(value, bool):
            out[key] = str(value).strip()
        else:
            bad(key, f"expected text, got {type(value).__name__}")
    if "body" not in fm.values or not out.get("body"):
        problems.error(path, fm.lines.get("body", 1), "body: required (the governing body)")
    if fm.values.get("date") is None:  # missing, or 'date:' with nothing after it
        problems.error(path, fm.lines.get("date", 1), "date: required (YYYY-MM-DD)")
    out["extra"] = tuple(sorted(extra))
    return out


def _attachments(value: object, key: str, bad: Any) -> tuple[Attachment, ...]:
    items = value if isinstance(value, list) else [value]
    result: list[Attachment] = []
    for item in items:
        if isinstance(item, str):
            result.append(Attachment(title=item))
        elif isinstance(item, dict) and isinstance(item.get("title"), str):
            file = item.get("file") or ""
            url = item.get("url") or ""
            if not isinstance(file, str) or not isinstance(url, str):
                bad(key, f"file and url must be text in {item!r}")
                continue
            if url and not url.startswith(("https://", "http://", "mailto:")):
                bad(key, f"url must start with https://, http:// or mailto:, got {url!r}")
                continue
            result.append(Attachment(title=item["title"], file=file, url=url))
        else:
            bad(key, f"expected {{title: ..., file: ...}} or a title, got {item!r}")
    return tuple(result)


def _labels(value: object, key: str, bad: Any) -> tuple[tuple[str, str], ...]:
    """``labels: {secretary: Vid anteckningar}``: the source's own word for a people field."""
    if not isinstance(value, dict):
        bad(key, f"expected field: label lines, e.g. {{secretary: Vid anteckningar}}, "
                 f"got {value!r}")
        return ()
    result: list[tuple[str, str]] = []
    for field, label in value.items():
        if field not in LABELLED:
            bad(key, f"{field!r} has no label to set; labels can be given for "
                     f"{', '.join(LABELLED)}")
        elif not isinstance(label, str) or not label.strip():
            bad(key, f"the label of {field} must be text, got {label!r}")
        else:
            result.append((field, label.strip()))
    return tuple(result)


def _references(value: object, key: str, bad: Any, line: int) -> tuple[Reference, ...]:
    """Handlings the text mentions whose minutes are not published here."""
    items = value if isinstance(value, list) else [value]
    result: list[Reference] = []
    for item in items:
        day = _as_date(item.get("date")) if isinstance(item, dict) else None
        if not isinstance(item, dict) or not isinstance(item.get("body"), str) or day is None:
            bad(key, f"expected {{body: ..., date: YYYY-MM-DD, item: \"§ 45\", case: ..., "
                     f"in: <anchor>}}, got {item!r}")
            continue
        unknown = sorted(set(item) - {"body", "date", "item", "case", "in"})
        if unknown:
            bad(key, f"unknown field(s) {', '.join(map(str, unknown))} in {item!r} "
                     "(known: body, date, item, case, in)")
            continue
        result.append(Reference(body=item["body"].strip(), date=day,
                                item=str(item.get("item") or "").strip(),
                                case=" ".join(str(item.get("case") or "").split()),
                                mentioned_in=str(item.get("in") or "").strip().lstrip("#"),
                                line=line))
    return tuple(result)
