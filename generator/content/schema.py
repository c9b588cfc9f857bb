"""The front matter as a JSON Schema, for editors that check a meeting file as the clerk types.

It is generated from the table the parser checks with (``frontmatter.FIELDS`` and the keys of
people, attachments, references and labels), so the editor and ``minutes check`` cannot
disagree on which keys exist. The schema is stricter than the parser in one way only: a key the
site has not declared is flagged at once (the parser warns), since in an editor a misspelt key
is best caught while it is typed. Values are read as YAML 1.2 reads them (what editors use):
dates and times are text.
"""

from __future__ import annotations

import json
from typing import Any

from .frontmatter import (
    ATTACHMENT_KEYS,
    BODY_FIELDS,
    FIELDS,
    LAST_YEAR,
    PAGE_FIELDS,
    PERSON_KEYS,
    REFERENCE_KEYS,
    REQUIRED_KEYS,
    TIME,
    FieldKind,
)
from .model import LABELLED, STATUSES

SCHEMA_FILE = ".minutes/front-matter.schema.json"  # where `minutes init` and `schema` write it
# a year from FIRST_YEAR (1000) to LAST_YEAR (9998), as the parser takes them
DATE = rf"^(?!{LAST_YEAR + 1}-)[1-9]\d{{3}}-\d{{2}}-\d{{2}}$"
_NUMBER = r"^\d{6}(\d{2})?\s?[-+\u2010-\u2015\u2212]?\s?\d{4}$"  # 811218-9876, 198112189876
_TEXT: dict[str, Any] = {"type": ["string", "number"]}
_NAMED: dict[str, Any] = _TEXT | {"pattern": r"\S"}  # text that must say something
_URL = {"type": "string", "pattern": "^(https://|http://|mailto:|$)"}

# what a value of each kind is, in the site's language (the editor shows it on hover)
_HELP: dict[str, dict[FieldKind, str]] = {
    "sv": {
        "text": "Text.",
        "date": "Ett datum: ÅÅÅÅ-MM-DD.",
        "time": "Ett klockslag: TT:MM.",
        "status": "Protokollets läge: " + ", ".join(STATUSES) + ".",
        "yes/no": "true eller false.",
        "names": "Ett namn, eller en lista med namn.",
        "people": "En lista med personer: 'Namn (Parti)' eller {name: ..., party: ...}.",
        "attachments": "En lista med bilagor: {title: ..., file: ...} eller {title: ..., url: ...}",
        "labels": "Protokollets egna rubriker för personfälten, "
        "t.ex. {secretary: Vid anteckningar}.",
        "references": "Behandlingar som texten nämner men vars protokoll inte finns här.",
        "numbers": "Nummer som liknar personnummer men inte är det (t.ex. organisationsnummer).",
    },
    "en": {
        "text": "Text.",
        "date": "A date: YYYY-MM-DD.",
        "time": "A time of day: HH:MM.",
        "status": "The minutes' state: " + ", ".join(STATUSES) + ".",
        "yes/no": "true or false.",
        "names": "A name, or a list of names.",
        "people": "A list of people: 'Name (Party)' or {name: ..., party: ...}.",
        "attachments": "A list of attachments: {title: ..., file: ...} or {title: ..., url: ...}.",
        "labels": "The minutes' own headings of the people fields, e.g. {secretary: Recorded by}.",
        "references": "Handlings the text mentions whose minutes are not published here.",
        "numbers": "Numbers that look like personal identity numbers but are not.",
    },
}


def _date() -> dict[str, Any]:
    return {"type": "string", "pattern": DATE, "format": "date"}


def _time() -> dict[str, Any]:
    """'18:00' (text in YAML 1.2) or '18.30', which YAML 1.2 reads as a number."""
    clock = {"type": "number", "minimum": 0, "exclusiveMaximum": 24}
    return {"anyOf": [{"type": "string", "pattern": TIME}, clock]}


def _entries(entry: dict[str, Any]) -> dict[str, Any]:
    """One entry or a list of them: the parser takes both."""
    return {"anyOf": [entry, {"type": "array", "items": entry}]}


def _record(keys: tuple[str, ...], required: str, **given: dict[str, Any]) -> dict[str, Any]:
    """A mapping entry (a person, an attachment, a reference) with only its own keys."""
    return {
        "type": "object",
        "required": [required],
        "additionalProperties": False,
        "properties": {key: given.get(key, _TEXT) for key in keys},
    }


def _value(kind: FieldKind) -> dict[str, Any]:
    """The JSON Schema of one kind of value, as the parser accepts it."""
    if kind == "date":
        return _date()
    if kind == "time":
        return _time()
    if kind == "status":
        return {"enum": list(STATUSES)}
    if kind == "yes/no":
        return {"type": "boolean"}
    if kind == "names":
        return _entries(_TEXT)
    if kind == "people":
        return _entries({"anyOf": [_TEXT, _record(PERSON_KEYS, "name")]})
    if kind == "attachments":
        return _entries({"anyOf": [_TEXT, _record(ATTACHMENT_KEYS, "title", url=_URL)]})
    if kind == "labels":
        label = {"type": "string", "minLength": 1}
        return {
            "type": "object",
            "additionalProperties": False,
            "properties": {name: label for name in LABELLED},
        }
    if kind == "references":
        return _entries(
            _record(REFERENCE_KEYS, "body", date=_date()) | {"required": ["body", "date"]}
        )
    if kind == "numbers":  # the shape of one; the check digit is minutes check's to test
        return _entries({"anyOf": [{"type": "string", "pattern": _NUMBER}, {"type": "integer"}]})
    return dict(_TEXT)


# a meeting's key the check reads nothing from when it is empty ('end_date:'): any but these
_NEVER_EMPTY = (*REQUIRED_KEYS, "public")
# keys a page or a body's file names itself by: text, not empty
_NAMES = ("body", "title", "name")


def _file(
    fields: dict[str, FieldKind],
    help_text: dict[FieldKind, str],
    extra_keys: tuple[str, ...] = (),
    meeting: bool = False,
) -> dict[str, Any]:
    properties = {}
    for key, kind in fields.items():
        value = _NAMED if key in _NAMES and (key != "title" or not meeting) else _value(kind)
        if meeting and key not in _NEVER_EMPTY:
            value = {"anyOf": [value, {"type": "null"}]}
        properties[key] = value | {"description": help_text[kind]}
    for key in extra_keys:  # read as text, whatever YAML makes of it
        properties.setdefault(key, {"type": ["string", "number", "null"]})
    return {"type": "object", "additionalProperties": False, "properties": properties}


def front_matter_schema(language: str, extra_keys: tuple[str, ...] = ()) -> dict[str, Any]:
    """The JSON Schema (draft 07) of the front matter of any file under content/ for a site
    in ``language`` that declares ``extra_keys``: a meeting's (it has a body or a date), a
    body's own file (it has a name, members or announce), else a plain page's."""
    help_text = _HELP.get(language, _HELP["en"])
    meeting = _file(FIELDS, help_text, extra_keys, meeting=True) | {"required": list(REQUIRED_KEYS)}
    is_meeting = {"anyOf": [{"required": [key]} for key in REQUIRED_KEYS]}
    is_body = {"anyOf": [{"required": [key]} for key in BODY_FIELDS if key not in PAGE_FIELDS]}
    title = "Mötesprotokoll (minutes)" if language == "sv" else "Meeting minutes (minutes)"
    return {
        "$schema": "http://json-schema.org/draft-07/schema#",
        "title": title,
        "type": "object",
        "if": is_meeting,
        "then": meeting,
        "else": {
            "if": is_body,
            "then": _file(BODY_FIELDS, help_text),
            "else": _file(PAGE_FIELDS, help_text),
        },
    }


def schema_text(language: str, extra_keys: tuple[str, ...] = ()) -> str:
    """The schema as the file is written: stable key order, so a regenerated file only
    changes when the format does."""
    return (
        json.dumps(front_matter_schema(language, extra_keys), ensure_ascii=False, indent=2) + "\n"
    )
