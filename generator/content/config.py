"""site.toml → SiteConfig, a frozen value every later stage reads.

Every setting is declared once, here: a field of ``SiteConfig`` (or of a table's dataclass,
``Accessibility``) with its type, its default and, through ``setting()``, a one-line
description and any check of its value. Reading and validation (``load_config``), the
did-you-mean for a misspelt key and the README's settings table (``settings_table``, which
tests/test_settings.py keeps the README equal to) all come from these declarations: a key
cannot be read without being documented, nor documented without being read.
"""

from __future__ import annotations

import json
import os
import re
import tomllib
from collections.abc import Callable, Mapping
from dataclasses import MISSING, Field, dataclass, field, fields, is_dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any, get_type_hints
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from ..messages import Said
from ..messages.front import Front as M
from ..messages.reasons import toml_reason
from .errors import ConfigError, Problems
from .spelling import nearest
from .tomlkeys import KeyPath, key_lines, line_of

SITE_TOML = "site.toml"
DEFAULT_DECISION_WORDS = ("Beslut", "Decision", "Conclusion", "Resolution")
KNOWN_LANGUAGES = ("sv", "en")
DEFAULT_LANGUAGE = "sv"
LANGUAGE_VARIABLE = "MINUTES_LANGUAGE"  # the language messages are told in, if not the site's

Check = Callable[[Any, str], Said | None]  # what is wrong with a key's value, if anything
Read = Callable[[Any], Any]  # a value as written → as kept (before its type is checked)


def about(description: str, *, check: Check | None = None, read: Read | None = None) -> Any:
    """A field's metadata that makes it a key of site.toml: what it does in one line (the
    README's), the check its value must pass, how it is read (before its type is checked)."""
    return {"description": description, "check": check, "read": read}


def setting(
    default: Any, description: str, *, check: Check | None = None, read: Read | None = None
) -> Any:
    """A key of site.toml with a plain value: its default and ``about`` it."""
    return field(default=default, metadata=about(description, check=check, read=read))


def base_url_problem(value: str, key: str = "base_url") -> Said | None:
    """What is wrong with a base_url from site.toml or ``--base-url``, if anything: pages
    put its path before every link, so a path starting with '//' (or a backslash, which
    browsers read as '/') would send readers and scripts to another host.
    (``minutes serve`` sets '/' itself, which is not checked.)"""
    parts = urlsplit(value)
    if (
        parts.scheme not in ("http", "https")
        or not parts.netloc
        or parts.query
        or parts.fragment
        or "\\" in value
        or any(c.isspace() for c in value)
    ):
        return M.BASE_URL(key=key, got=value)
    if parts.path.startswith("//"):
        return M.BASE_URL_DOUBLE_SLASH(key=key, got=value)
    return None


def _web_address_problem(value: str, key: str) -> Said | None:
    """What is wrong with an edit_url or commit_url: only http(s) links are published."""
    if not value:
        return None
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.netloc or "\\" in value:
        return M.WEB_ADDRESS(key=key, got=value)
    return None


def _language_problem(value: str, key: str) -> Said | None:
    if value not in KNOWN_LANGUAGES:
        return M.LANGUAGE_UNKNOWN(key=key, got=value, languages=", ".join(KNOWN_LANGUAGES))
    return None


def _language(value: Any) -> Any:
    """'sv-SE', 'SV' → 'sv': the language, not the region."""
    return value.split("-")[0].lower() if isinstance(value, str) else value


def _zone_problem(value: str, key: str) -> Said | None:
    try:
        ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError):
        return M.TIME_ZONE_UNKNOWN(key=key, got=value)
    return None


def _day(value: Any) -> Any:
    """A date written as a TOML date (``reviewed = 2025-11-25``) is kept as written."""
    return value.isoformat() if isinstance(value, date) else value


@dataclass(frozen=True, slots=True)
class Accessibility:
    """The ``[accessibility]`` table: the accessibility statement's own words."""

    contact: str = setting("", "How to report a problem or ask for help (e-mail, telephone)")
    request: str = setting(
        "", "How to ask for minutes in another format (a Swedish default is shipped)"
    )
    reviewed: str = setting(
        "", "When the statement was last reviewed (a date: `2025-11-25`)", read=_day
    )
    known_issues: str = setting("", "What of the site is known not to be accessible")


@dataclass(frozen=True, slots=True)
class SiteConfig:
    """Everything the build needs to know about a site besides its content."""

    root: Path  # the site folder (not a setting: where site.toml is)
    title: str = setting("Protokoll", "The site's name: page titles, the header, feeds")
    description: str = setting("", "A sentence about the site: the front page, `<meta>`")
    base_url: str = setting(
        "/",
        "The absolute http(s) address the site is served from; a path in it is honoured "
        "(the site works under a sub-path), one starting with `//` is an error",
        check=base_url_problem,
    )
    language: str = setting(
        DEFAULT_LANGUAGE,
        "`sv` or `en`: UI strings, date formats, URL segments, stemming, `<html lang>`",
        check=_language_problem,
        read=_language,
    )
    organisation: str = setting(
        "", "The organisation: meetings' default `organisation`, the footer, feeds"
    )
    theme: str = setting(
        "default",
        "The folder under `themes/` whose files shadow the default theme's (one that does not "
        "exist is an error)",
    )
    decision_words: tuple[str, ...] = setting(
        DEFAULT_DECISION_WORDS, "Headings that start a decision (`### Beslut`)"
    )
    extra_keys: tuple[str, ...] = setting(
        (), "Front matter keys of the site's own, shown on the meeting page (no warning)"
    )
    raw_html: bool = setting(False, "Raw HTML in Markdown is kept, sanitised (else escaped)")
    appeal_text: str = setting(
        "", "How to appeal, on the notice board (a Swedish default is shipped)"
    )
    edit_url: str = setting(
        "",
        'An "edit this page" link on meeting pages: `edit_url` + the file\'s path (http(s))',
        check=_web_address_problem,
    )
    timezone: str = setting(
        "Europe/Stockholm",
        "The time zone of meeting times, for calendars (an IANA name)",
        check=_zone_problem,
    )
    open_data: bool = setting(True, "Publish the OParl export under `oparl/` and its page")
    notice_place: str = setting(
        "", "Where the adjusted minutes are kept (förvaringsplats), on the notice board"
    )
    revisions: bool = setting(
        True, "Meeting pages list the commits that changed their file (in a git checkout)"
    )
    revision_messages: bool = setting(
        False, "And show each commit's message (checked for personal identity numbers)"
    )
    commit_url: str = setting(
        "", "A listed commit links to `commit_url` + its hash (http(s))", check=_web_address_problem
    )
    accessibility: Accessibility = field(
        default_factory=Accessibility,
        metadata=about("The accessibility statement (`/tillganglighet/`)"),
    )
    extra: dict[str, Any] = field(
        default_factory=dict,
        hash=False,  # compared, not hashed: a dict
        metadata=about("A theme's own settings: any keys and TOML values, read as `config.extra`"),
    )

    @property
    def statement(self) -> dict[str, str]:
        """The accessibility statement's settings: contact, request, reviewed, known_issues."""
        return {f.name: getattr(self.accessibility, f.name) for f in fields(Accessibility)}

    @property
    def content_dir(self) -> Path:
        """Where the clerks' files live."""
        return self.root / "content"

    @property
    def base_path(self) -> str:
        """The URL path the site is served under, always starting and ending with '/'."""
        path = urlsplit(self.base_url).path or "/"
        if not path.startswith("/"):
            path = "/" + path
        return path if path.endswith("/") else path + "/"

    def with_base_url(self, base_url: str | None) -> SiteConfig:
        """The same site served from another address (``--base-url``)."""
        return self if base_url is None else replace(self, base_url=base_url)


@dataclass(frozen=True, slots=True)
class Setting:
    """One key of site.toml, as its field declares it."""

    key: str  # as written in site.toml, a table's keys after its name: 'accessibility.contact'
    kind: str  # what to write: 'string', 'true or false', 'list of strings', 'table'
    default: object
    description: str
    check: Check | None = None
    read: Read | None = None
    table: type | None = None  # a table's dataclass, whose fields are its keys


def _type_of(hint: object) -> str:
    if hint is str:
        return "string"
    if hint is bool:
        return "true or false"
    if hint == tuple[str, ...]:
        return "list of strings"
    if hint == dict[str, Any] or (isinstance(hint, type) and is_dataclass(hint)):
        return "table"
    raise TypeError(f"no site.toml type for {hint!r}: say in config._type_of how it is written")


def _default(f: Field[Any]) -> object:
    if f.default_factory is not MISSING:
        return f.default_factory()
    return f.default


def _declared(cls: type, prefix: str = "") -> tuple[Setting, ...]:
    """The settings a dataclass declares, a table's keys after the table."""
    found: list[Setting] = []
    hints = get_type_hints(cls)
    for f in fields(cls):
        if "description" not in f.metadata:
            continue
        hint = hints[f.name]
        table = hint if isinstance(hint, type) and is_dataclass(hint) else None
        key = prefix + f.name
        found.append(
            Setting(
                key,
                _type_of(hint),
                _default(f),
                f.metadata["description"],
                f.metadata["check"],
                f.metadata["read"],
                table,
            )
        )
        if table is not None:
            found += _declared(table, key + ".")
    return tuple(found)


def _by_table(settings: tuple[Setting, ...]) -> dict[KeyPath, dict[str, Setting]]:
    """Each table's keys (the top level's under ())."""
    tables: dict[KeyPath, dict[str, Setting]] = {}
    for s in settings:
        *table, key = s.key.split(".")
        tables.setdefault(tuple(table), {})[key] = s
    return tables


SETTINGS: tuple[Setting, ...] = _declared(SiteConfig)  # every key of site.toml, in order
_TABLES = _by_table(SETTINGS)


def shown(value: object) -> str:
    """A value as TOML writes it ('"sv"', 'true', '["Beslut"]'), for messages and the README."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):  # JSON's escapes are TOML's: a line break shows as \n
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, list | tuple):
        return "[" + ", ".join(shown(v) for v in value) + "]"
    if isinstance(value, Mapping) or is_dataclass(value):
        return "a table"
    return str(value)


def settings_table() -> str:
    """The README's settings table, made from the declarations."""
    rows = ["| key | type | default | what it does |", "|---|---|---|---|"]
    for s in SETTINGS:
        default = "" if s.kind == "table" else f"`{shown(s.default)}`"
        key = f"`[{s.key}]`" if s.kind == "table" else f"`{s.key}`"
        rows.append(f"| {key} | {s.kind} | {default} | {s.description} |")
    return "\n".join(rows) + "\n"


def _valid(s: Setting, value: Any) -> bool:
    if s.kind == "string":
        return isinstance(value, str)
    if s.kind == "true or false":
        return isinstance(value, bool)
    if s.kind == "list of strings":
        return isinstance(value, list) and all(isinstance(v, str) for v in value)
    return isinstance(value, dict)


def _read_table(
    data: Mapping[str, Any],
    prefix: KeyPath,
    lines: dict[KeyPath, int],
    problems: Problems,
) -> dict[str, Any]:
    """The values of one table of site.toml (the top level, or ``[accessibility]``) as
    keyword arguments of its dataclass; every problem is recorded in ``problems``."""
    known = _TABLES[prefix]
    values: dict[str, Any] = {}
    for key, raw in data.items():
        path = (*prefix, key)
        name = ".".join(path)
        line = line_of(lines, path)
        s = known.get(key)
        if s is None:
            _unknown(key, prefix, line, problems)
            continue
        value = s.read(raw) if s.read is not None else raw
        if not _valid(s, value) and isinstance(value, Mapping):
            problems.error(SITE_TOML, line, M.SETTING_GIVEN_AS_TABLE(key=name))
            continue
        if not _valid(s, value):
            problems.error(SITE_TOML, line, _EXPECTED[s.kind](key=name, got=shown(value)))
            continue
        if s.table is not None:
            values[key] = s.table(**_read_table(value, path, lines, problems))
            continue
        problem = s.check(value, name) if s.check is not None else None
        if problem is not None:
            problems.error(SITE_TOML, line, problem)
            continue
        values[key] = tuple(value) if s.kind == "list of strings" else value
    return values


def _unknown(key: str, prefix: KeyPath, line: int, problems: Problems) -> None:
    """Report a key no table declares, with the key the clerk probably meant."""
    name = ".".join((*prefix, key))
    guess = nearest(key, _TABLES[prefix])
    elsewhere = [t for t, keys in _TABLES.items() if t != prefix and key in keys]
    if guess is not None:
        did_you_mean = ".".join((*prefix, guess))
        problems.error(SITE_TOML, line, M.SETTING_MISSPELT(key=name, guess=did_you_mean))
    elif elsewhere == [()]:
        problems.error(SITE_TOML, line, M.SETTING_BELOW_TABLE(key=name, table=prefix[0], name=key))
    elif elsewhere:
        table = elsewhere[0][0]
        problems.error(SITE_TOML, line, M.SETTING_IN_OTHER_TABLE(key=name, name=key, table=table))
    else:
        problems.error(SITE_TOML, line, M.SETTING_UNKNOWN(key=name))


_EXPECTED = {
    "string": M.SETTING_NOT_TEXT,
    "true or false": M.SETTING_NOT_YES_NO,
    "list of strings": M.SETTING_NOT_LIST,
    "table": M.SETTING_NOT_TABLE,
}
_TOML_PLACE = re.compile(r"\s*\(at (?:line (\d+), column (\d+)|end of document)\)$")


def load_config(root: Path) -> SiteConfig:
    """Read ``root/site.toml``; a missing file gives the defaults, a bad one a ConfigError
    with every problem in it. The root is made absolute: the same site named two ways is
    one cache."""
    root = root.resolve()
    path = root / SITE_TOML
    if not path.exists():
        return SiteConfig(root=root)
    problems = Problems()
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        problems.error(SITE_TOML, 0, M.SITE_NOT_UTF8(byte=exc.start))
        raise ConfigError.of(problems.items) from exc
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        place = _TOML_PLACE.search(str(exc))
        reason = toml_reason(_TOML_PLACE.sub("", str(exc)))
        if place and place[1]:
            line, column = int(place[1]), int(place[2])
        else:  # "(at end of document)": the last line, after its last character
            lines = text.split("\n")
            line, column = len(lines), len(lines[-1]) + 1
        problems.error(SITE_TOML, line, M.SITE_NOT_TOML(reason=reason, column=column))
        raise ConfigError.of(problems.items) from exc
    written_on = key_lines(text)
    values = _read_table(data, (), written_on, problems)
    theme = values.get("theme")
    if isinstance(theme, str) and theme != "default" and not (root / "themes" / theme).is_dir():
        # a misspelt theme would otherwise publish the default theme without a word
        problems.error(SITE_TOML, written_on.get(("theme",), 0), M.THEME_MISSING(theme=theme))
    if problems.items:
        raise ConfigError.of(problems.sorted())
    return SiteConfig(root=root, **values)


_LANGUAGE_LINE = re.compile(r"""^\s*language\s*=\s*["']([A-Za-z]{2})""", re.MULTILINE)


def language_of(root: Path) -> str:
    """The language to tell this site's problems in: ``MINUTES_LANGUAGE`` if set (someone
    helping a Swedish site who reads English), else the site's ``language``, read even from a
    site.toml that has mistakes elsewhere (the clerk is told of those in it too)."""
    chosen = os.environ.get(LANGUAGE_VARIABLE, "").strip().lower()
    if chosen in KNOWN_LANGUAGES:
        return chosen
    try:
        return load_config(root).language
    except ConfigError:
        pass
    try:
        found = _LANGUAGE_LINE.search((root / SITE_TOML).read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError):
        found = None
    language = found[1].lower() if found else DEFAULT_LANGUAGE
    return language if language in KNOWN_LANGUAGES else "en"
