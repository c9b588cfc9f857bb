"""Attribute blocks on headings (``{#p89 case="RS/412/2020" confidential=true}``).

Secrecy fails closed: a block that does not parse, an unknown key or class, or a mark of
secrecy in any form but the contract's (``confidential=true``, ``.sekretess``) is an error,
never title text or a flag quietly ignored, because either would publish the item.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from ..messages import Said
from ..messages.text import Text as M
from .spelling import distance, nearest

ITEM_KEYS = ("case", "confidential", "public_title", "osl", "adjusted", "posted")
CLASSES = ("sekretess",)
_SECRECY_WORDS = ("confidential", "sekretess", "secret")

_VALUE = r'(?:"[^"]*"|\'[^\']*\'|[^\s"\'{}]+)'
_ATTR = r"(?:#[^\s{}#.=\"']+|\.[^\s{}#.=\"']+|[^\s{}#.=\"']+=" + _VALUE + ")"
_BLOCK = re.compile(r"\{\s*(" + _ATTR + r"(?:\s+" + _ATTR + r")*)?\s*\}")
_ITEM = re.compile(
    r"#(?P<id>[^\s{}#.=\"']+)|\.(?P<cls>[^\s{}#.=\"']+)"
    r"|(?P<key>[^\s{}#.=\"']+)=(?:\"(?P<dq>[^\"]*)\"|'(?P<sq>[^']*)'"
    r"|(?P<bare>[^\s\"'{}]+))"
)
_TRAILING = re.compile(r"(?:^|(?<=[ \t]))\{[^{}]*\}\s*$")
_BRACED = re.compile(r"\{[^{}]*\}?")
_WORD = re.compile(r"[^\W\d_]+")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


@dataclass(frozen=True)
class Attributes:
    """A heading's text without its block, the block's values, and what is wrong with it."""

    text: str
    values: dict[str, str] = field(default_factory=dict)  # id, class (space-separated), keys
    problems: tuple[Said, ...] = ()

    @property
    def confidential(self) -> bool:
        """Whether the block marks the item confidential (in a form that parses)."""
        return is_confidential(self.values)


def is_confidential(values: dict[str, str]) -> bool:
    """Whether an attribute block's values mark the item confidential."""
    return (
        values.get("confidential", "").casefold() == "true"
        or "sekretess" in values.get("class", "").split()
    )


def mentions_secrecy(text: str) -> bool:
    """Whether ``text`` names secrecy in some spelling ('Sekretess', 'confidental', ...)."""
    for word in _WORD.findall(text.casefold()):
        if any(w in word for w in ("sekret", "confiden", "konfiden", "secret")):
            return True
        if any(distance(word[:16], w) <= 2 for w in _SECRECY_WORDS):
            return True
    return False


def loose_secrecy_marks(text: str) -> list[str]:
    """Braced spans in running text that name secrecy: marks that would be published."""
    return [m.group(0) for m in _BRACED.finditer(text) if mentions_secrecy(m.group(0))]


def _block_start(text: str) -> int | None:
    """Where a trailing attribute block starts: a '{' at the start or after a space, with no
    brace before the closing one (braces inside a word, 'String.pad{Left,Right}', or nested
    ones are title text)."""
    m = _TRAILING.search(text)
    return m.start() if m else None


def parse_heading(text: str, item: bool) -> Attributes:
    """Split a heading's text from its trailing attribute block and check the block;
    ``item`` is whether the heading is an agenda item's (only those take keys and flags)."""
    start = _block_start(text)
    if start is None:
        marks = loose_secrecy_marks(text)
        if marks:
            return Attributes(text, {}, (M.SECRECY_MARK_NOT_BLOCK(mark=marks[0]),))
        return Attributes(text)
    block = text[start:].strip()
    title = text[:start].rstrip()
    earlier = _block_start(title)
    if earlier is not None or loose_secrecy_marks(title):  # only the last block is read
        first = title[earlier:] if earlier is not None else loose_secrecy_marks(title)[0]
        return Attributes(title, {}, (M.ATTRIBUTE_BLOCK_NOT_LAST(first=first, block=block),))
    if not _BLOCK.fullmatch(block):
        return Attributes(title, {}, (M.ATTRIBUTE_BLOCK_UNREADABLE(block=block),))
    return _check(title, block, item)


def _check(title: str, block: str, item: bool) -> Attributes:
    values: dict[str, str] = {}
    classes: list[str] = []
    problems: list[Said] = []
    for m in _ITEM.finditer(block):
        if m["id"] is not None:
            if "id" in values:
                problems.append(M.ATTRIBUTE_TWO_ANCHORS(block=block))
            values["id"] = m["id"]
        elif m["cls"] is not None:
            if m["cls"] not in CLASSES:
                problems.append(M.ATTRIBUTE_UNKNOWN_CLASS(block=block, name=m["cls"]))
            classes.append(m["cls"])
        else:
            key = m["key"]
            value = next(v for v in (m["dq"], m["sq"], m["bare"]) if v is not None)
            if key in values:
                problems.append(M.ATTRIBUTE_KEY_TWICE(block=block, key=key))
            elif key not in ITEM_KEYS:
                guess = nearest(key, ITEM_KEYS)
                problems.append(
                    M.ATTRIBUTE_KEY_MISSPELT(block=block, key=key, guess=guess)
                    if guess
                    else M.ATTRIBUTE_KEY_UNKNOWN(block=block, key=key, known=", ".join(ITEM_KEYS))
                )
            values[key] = value
    if classes:
        values["class"] = " ".join(classes)
    if "confidential" in values and values["confidential"].casefold() != "true":
        problems.append(M.CONFIDENTIAL_NOT_TRUE(value=values["confidential"]))
    marked = values.get("confidential", "").casefold() == "true" or "sekretess" in classes
    for key in ("public_title", "osl"):
        if key in values and not marked:
            problems.append(M.ONLY_UNDER_SECRECY(key=key))
    for key in ("adjusted", "posted"):
        if key in values and not _is_date(values[key]):
            problems.append(M.ATTRIBUTE_DATE(key=key, value=values[key]))
    if not item and set(values) - {"id"}:
        problems.append(M.ATTRIBUTES_NOT_ON_ITEM(block=block))
    return Attributes(title, values, tuple(problems))


def _is_date(text: str) -> bool:
    if not _DATE.fullmatch(text):
        return False
    try:
        return 1000 <= date.fromisoformat(text).year <= 9998
    except ValueError:
        return False
