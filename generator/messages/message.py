"""What a message is: one thing minutes says to the people who write the content, in every
language a site can have, with the example and the fix the guide shows for it."""

from __future__ import annotations

import string
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

LANGUAGES = ("sv", "en")
EXAMPLE_FILE = "content/kommunstyrelsen/2025/2025-03-11.md:4"


class _Formatter(string.Formatter):
    """str.format, plus counted words: ``{n:#varning|varningar}`` → '1 varning', '2 varningar'
    (a number alone gets the language's thousands separator: 12 345 in Swedish; a decimal
    number its decimal comma: 1,4 s), and a ``Said`` as a value told in the same language."""

    def __init__(self, language: str) -> None:
        self.language = language

    def format_field(self, value: Any, format_spec: str) -> str:
        if isinstance(value, Said):  # a phrase of the catalogue inside a message
            return value.text(self.language)
        if format_spec.startswith("#"):
            one, _, many = format_spec[1:].partition("|")
            return f"{self._number(value)} {one if value == 1 else many}"
        if isinstance(value, int) and not isinstance(value, bool) and not format_spec:
            return self._number(value)
        text = str(super().format_field(value, format_spec))
        if isinstance(value, float) and self.language == "sv":
            return text.replace(",", "\u00a0").replace(".", ",")  # 1 234,5
        return text

    def _number(self, value: int) -> str:
        text = f"{value:,}"
        return text.replace(",", "\u00a0") if self.language == "sv" else text


_FORMATTERS = {language: _Formatter(language) for language in LANGUAGES}


def fields(template: str) -> frozenset[str]:
    """The named values a template takes."""
    return frozenset(name for _, name, _, _ in string.Formatter().parse(template) if name)


@dataclass(frozen=True, eq=False)
class Message:
    """One message of the catalogue. ``en``/``sv``: what is said, a ``str.format`` template
    with named values; ``fix_en``/``fix_sv``: what to do about it, for the guide;
    ``example``: values that show it in the guide; ``where``: the file (and line) the guide's
    example names. ``code`` is the message's name in the catalogue, set when it is declared."""

    en: str
    sv: str
    fix_en: str
    fix_sv: str
    example: Mapping[str, object] = field(default_factory=dict)
    where: str = EXAMPLE_FILE
    code: str = ""

    def __set_name__(self, owner: type, name: str) -> None:
        if self.code:  # named where it is declared; a class that holds it later keeps it
            return
        prefix = getattr(owner, "PREFIX", "")  # a part whose codes must not meet the others'
        object.__setattr__(self, "code", prefix + name.lower().replace("_", "-"))

    def __call__(self, **values: object) -> Said:
        """This message with its values, to be said in any language later."""
        return Said(self, tuple(sorted(values.items())))

    def __reduce__(self) -> tuple[Any, tuple[str]]:
        # a worker's problems come back as the catalogue's own messages, by their code
        from . import by_code

        return by_code, (self.code,)

    def template(self, language: str) -> str:
        """The message in a language; English where the catalogue has no such language."""
        return self.sv if language == "sv" else self.en

    def fix(self, language: str) -> str:
        """What to do about it, in a language."""
        return self.fix_sv if language == "sv" else self.fix_en


def phrase(en: str, sv: str, **example: object) -> Message:
    """A phrase told inside other messages (what a page is called, why a line cannot be
    read): said in both languages, with no fix and no place of its own."""
    return Message(en=en, sv=sv, fix_en="", fix_sv="", example=example, where="")


@dataclass(frozen=True, slots=True)
class Said:
    """A message with its values: what one problem says, in whichever language is asked."""

    message: Message
    values: tuple[tuple[str, object], ...]

    def text(self, language: str = "en") -> str:
        """The message in ``language`` with its values filled in."""
        template = self.message.template(language)
        return _FORMATTERS.get(language, _FORMATTERS["en"]).vformat(template, (), dict(self.values))

    @property
    def code(self) -> str:
        """Which message of the catalogue this is."""
        return self.message.code

    def __str__(self) -> str:
        return self.text("en")
