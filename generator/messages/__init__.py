"""The catalogue of every message minutes says, in Swedish and English: one home for the
words, so that the guide can list each one with its fix (tests/test_messages.py checks that
it does) and a site is told its problems in its own language."""

from __future__ import annotations

from .message import LANGUAGES, Message, Said, fields

__all__ = ["CATALOGUE", "LANGUAGES", "Message", "Said", "by_code", "fields"]


def _catalogue() -> dict[str, Message]:
    from . import commands, front, text

    found: dict[str, Message] = {}
    for part in (front.Front, text.Text, commands.Commands):
        for name, value in vars(part).items():
            if isinstance(value, Message):
                if value.code in found:
                    raise ValueError(f"two messages named {name} in the catalogue")
                found[value.code] = value
    return found


def by_code(code: str) -> Message:
    """The catalogue's message of that code."""
    return CATALOGUE[code]


CATALOGUE: dict[str, Message] = {}
CATALOGUE.update(_catalogue())
