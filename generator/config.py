"""site.toml → SiteConfig, a frozen value every later stage reads."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field, replace
from pathlib import Path
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from .errors import ConfigError

DEFAULT_DECISION_WORDS = ("Beslut", "Decision", "Conclusion", "Resolution")
KNOWN_LANGUAGES = ("sv", "en")


@dataclass(frozen=True, slots=True)
class SiteConfig:
    """Everything the build needs to know about a site besides its content."""

    root: Path
    title: str = "Protokoll"
    base_url: str = "/"
    language: str = "sv"
    organisation: str = ""
    theme: str = "default"
    decision_words: tuple[str, ...] = DEFAULT_DECISION_WORDS
    extra_keys: tuple[str, ...] = ()
    raw_html: bool = False
    description: str = ""
    appeal_text: str = ""
    edit_url: str = ""
    timezone: str = "Europe/Stockholm"
    open_data: bool = True  # the OParl export under oparl/
    notice_place: str = ""  # where the adjusted minutes are kept (förvaringsplats)
    accessibility: tuple[tuple[str, str], ...] = field(default_factory=tuple)

    @property
    def statement(self) -> dict[str, str]:
        """The accessibility statement's settings: contact, request, reviewed, known_issues."""
        return {key: "" for key in STATEMENT_KEYS} | dict(self.accessibility)

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


STATEMENT_KEYS = ("contact", "request", "reviewed", "known_issues")
_STRING_KEYS = ("title", "base_url", "language", "organisation", "theme", "description",
                "appeal_text", "edit_url", "timezone", "notice_place")


def load_config(root: Path) -> SiteConfig:
    """Read ``root/site.toml``; a missing file gives the defaults, a bad one a ConfigError.
    The root is made absolute: the same site named two ways is one cache."""
    root = root.resolve()
    path = root / "site.toml"
    if not path.exists():
        return SiteConfig(root=root)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8-sig"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: {exc}") from exc
    values: dict[str, object] = {}
    for key in _STRING_KEYS:
        if key in data:
            if not isinstance(data[key], str):
                raise ConfigError(f"{path}: {key}: expected a string, got {data[key]!r}")
            values[key] = data[key]
    language = str(values.get("language", "sv")).split("-")[0].lower()
    if language not in KNOWN_LANGUAGES:
        raise ConfigError(
            f"{path}: language: expected one of {', '.join(KNOWN_LANGUAGES)}, got {language!r}")
    values["language"] = language
    if "timezone" in values:
        try:
            ZoneInfo(str(values["timezone"]))
        except (ZoneInfoNotFoundError, ValueError) as exc:
            raise ConfigError(f"{path}: timezone: unknown time zone "
                              f"{values['timezone']!r}") from exc
    for key in ("decision_words", "extra_keys"):
        if key in data:
            words = data[key]
            if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
                raise ConfigError(f"{path}: {key}: expected a list of strings")
            values[key] = tuple(words)
    for flag in ("raw_html", "open_data"):
        if flag in data:
            if not isinstance(data[flag], bool):
                raise ConfigError(f"{path}: {flag}: expected true or false")
            values[flag] = data[flag]
    if "accessibility" in data:
        table = data["accessibility"]
        if not isinstance(table, dict):
            raise ConfigError(f"{path}: accessibility: expected a table")
        unknown_keys = sorted(set(table) - set(STATEMENT_KEYS))
        if unknown_keys:
            raise ConfigError(f"{path}: accessibility: unknown key(s) {', '.join(unknown_keys)} "
                              f"(known: {', '.join(STATEMENT_KEYS)})")
        values["accessibility"] = tuple(sorted((str(k), str(v)) for k, v in table.items()))
    known = set(_STRING_KEYS) | {"decision_words", "extra_keys", "raw_html", "open_data",
                                 "accessibility"}
    unknown = sorted(set(data) - known)
    if unknown:
        raise ConfigError(f"{path}: unknown setting(s): {', '.join(unknown)}")
    return SiteConfig(root=root, **values)  # type: ignore[arg-type]  # checked above
