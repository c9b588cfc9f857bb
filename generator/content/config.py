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
    revisions: bool = True  # meeting pages list the commits that changed their file
    revision_messages: bool = False  # and show each commit's message (checked like content)
    commit_url: str = ""  # a commit's page is commit_url + its hash
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
_STRING_KEYS = (
    "title",
    "base_url",
    "language",
    "organisation",
    "theme",
    "description",
    "appeal_text",
    "edit_url",
    "timezone",
    "notice_place",
    "commit_url",
)
_FLAGS = ("raw_html", "open_data", "revisions", "revision_messages")


def base_url_problem(value: str) -> str | None:
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
        return (
            f"expected the absolute http(s) address the site is served from, such as "
            f"https://kommun.se/protokoll/, got {value!r}"
        )
    if parts.path.startswith("//"):
        return (
            f"the path of {value!r} starts with '//', which browsers read as another "
            f"host; write one '/' after the host"
        )
    return None


def _web_address_problem(value: str) -> str | None:
    """What is wrong with an edit_url or commit_url: only http(s) links are published."""
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.netloc or "\\" in value:
        return f"expected an http(s) address such as https://github.com/ORG/REPO/..., got {value!r}"
    return None


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
    if "base_url" in values:
        problem = base_url_problem(str(values["base_url"]))
        if problem:
            raise ConfigError(f"{path}: base_url: {problem}")
    for key in ("edit_url", "commit_url"):
        if values.get(key):
            problem = _web_address_problem(str(values[key]))
            if problem:
                raise ConfigError(f"{path}: {key}: {problem}")
    language = str(values.get("language", "sv")).split("-")[0].lower()
    if language not in KNOWN_LANGUAGES:
        raise ConfigError(
            f"{path}: language: expected one of {', '.join(KNOWN_LANGUAGES)}, got {language!r}"
        )
    values["language"] = language
    if "timezone" in values:
        try:
            ZoneInfo(str(values["timezone"]))
        except (ZoneInfoNotFoundError, ValueError) as exc:
            raise ConfigError(
                f"{path}: timezone: unknown time zone {values['timezone']!r}"
            ) from exc
    for key in ("decision_words", "extra_keys"):
        if key in data:
            words = data[key]
            if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
                raise ConfigError(f"{path}: {key}: expected a list of strings")
            values[key] = tuple(words)
    for flag in _FLAGS:
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
            raise ConfigError(
                f"{path}: accessibility: unknown key(s) {', '.join(unknown_keys)} "
                f"(known: {', '.join(STATEMENT_KEYS)})"
            )
        values["accessibility"] = tuple(sorted((str(k), str(v)) for k, v in table.items()))
    known = set(_STRING_KEYS) | set(_FLAGS) | {"decision_words", "extra_keys", "accessibility"}
    unknown = sorted(set(data) - known)
    if unknown:
        raise ConfigError(f"{path}: unknown setting(s): {', '.join(unknown)}")
    return SiteConfig(root=root, **values)  # type: ignore[arg-type]  # checked above
