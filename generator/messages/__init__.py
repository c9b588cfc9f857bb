"""The catalogue of every message minutes says, in Swedish and English: one home for the
words, so that the guide can list each one with its fix (tests/test_messages.py checks that
it does) and a site is told its problems in its own language."""

from __future__ import annotations

from .message import LANGUAGES, Message, Said, fields

__all__ = ["CATALOGUE", "LANGUAGES", "NAMES", "Message", "Said", "by_code", "fields"]


def _collect(*parts: type) -> dict[str, Message]:
    found: dict[str, Message] = {}
    for part in parts:
        for name, value in vars(part).items():
            if isinstance(value, Message):
                if value.code in found:
                    raise ValueError(f"two messages named {name} in the catalogue")
                found[value.code] = value
    return found


def by_code(code: str) -> Message:
    """The catalogue's message (or name) of that code."""
    return CATALOGUE.get(code) or NAMES[code]


CATALOGUE: dict[str, Message] = {}  # every message, each in the guide with its fix
NAMES: dict[str, Message] = {}  # what messages call the things a build writes

from . import commands, front, names, reasons, text  # noqa: E402  (the parts use Message above)

CATALOGUE.update(_collect(front.Front, text.Text, commands.Commands))
NAMES.update(_collect(names.Names, reasons.Reasons))
