"""What of a meeting is secret, and what would carry it out: the lines of a closed meeting or
a confidential item, the files they link in any form (kept back from the output), and links
in the published parts that would show something of them."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from markdown_it.token import Token

from ..messages.text import Text as M
from .attributes import is_confidential
from .errors import Problems
from .markdown import linked_file, resolve_content_link
from .model import AgendaItem, Attachment

Lines = list[tuple[int, int]]  # ranges [first, after) of a file's lines
Definition = tuple[str, str, int]  # a link reference definition: label, address, line

_REFERENCE_DEFINITION = re.compile(r" {0,3}\[((?:[^\]\\]|\\.)+)\]:[ \t]*(<[^>]*>|\S*)")
_REFERENCE_USE = re.compile(r"\[((?:[^\]\\]|\\.)+)\](?!\()")


def secret_lines(
    closed: bool, items: list[AgendaItem], starts: list[int], tokens: list[Token]
) -> Lines:
    """Line ranges that are not published: a closed meeting's whole file, a confidential
    item from its heading to the next item."""
    if closed:
        return [(1, 10**9)]
    hidden: Lines = []
    for k, item in enumerate(items):
        if item.confidential:
            stop = tokens[starts[k + 1]].map if k + 1 < len(starts) else None
            hidden.append((item.line, stop[0] + 1 if stop else 10**9))
    return hidden


def _inside(line: int, secret: Lines) -> bool:
    return any(a <= line < b for a, b in secret)


def _label(text: str) -> str:
    return " ".join(text.split()).casefold()


def reference_definitions(text: str) -> list[Definition]:
    """Link reference definitions ('[label]: address'): the label, the address, the line."""
    return [
        (_label(found[1]), found[2].strip("<>"), n)
        for n, written in enumerate(text.split("\n"), 1)
        for found in [_REFERENCE_DEFINITION.match(written)]
        if found
    ]


def withheld_files(
    env: dict[str, Any],
    definitions: list[Definition],
    secret: Lines,
    attached: Iterable[Attachment],
    base_url: str,
) -> tuple[str, ...]:
    """The files under content/ a secret part refers to, in any form of address (relative,
    from the site's root, the site's full address, with a query, in raw HTML, by a link
    reference), and those a closed meeting attaches: they are never copied to the output."""
    addresses = (*env["hrefs"], *((href, n) for _, href, n in definitions))
    linked = (
        linked_file(href, env["source_dir"], base_url)
        for href, line in addresses
        if _inside(line, secret)
    )
    files = {file for file in linked if file is not None and file.startswith("files/")}
    for attachment in attached:
        files |= {attachment.file} if attachment.file else set()
        files |= {linked_file(attachment.url, env["source_dir"], base_url) or ""} - {""}
    return tuple(sorted(files))


def check_secret_links(
    definitions: list[Definition],
    env: dict[str, Any],
    tokens: list[Token],
    starts: list[int],
    secret: Lines,
    shown: set[str],
    path: str,
    problems: Problems,
) -> None:
    """Links in the published parts that would publish something of a secret part: a link
    reference defined inside a confidential item (its address and title), a link to a
    confidential item's own anchor (which could say what the item is). ``shown``: the
    anchors the page shows."""
    defined: dict[str, int] = {}
    for label, _, n in definitions:
        defined.setdefault(label, n)  # the first definition is the one used
    for tok in tokens:
        if tok.type != "inline" or not tok.map or _inside(tok.map[0] + 1, secret):
            continue
        for use in _REFERENCE_USE.finditer(tok.content):
            at = defined.get(_label(use[1]))
            if at is not None and _inside(at, secret):
                problems.error(
                    path, tok.map[0] + 1, M.SECRET_LINK_DEFINITION(label=use[1], line=at)
                )
    own = {
        attrs["id"]
        for tok in (tokens[s] for s in starts)
        for attrs in [tok.meta.get("attrs", {})]
        if is_confidential(attrs) and attrs.get("id") not in (None, *shown)
    }
    this = path.removeprefix("content/")
    for href, line in env["hrefs"]:
        address, _, anchor = href.partition("#")
        if _inside(line, secret) or anchor not in own:
            continue
        if not address or resolve_content_link(href, env["source_dir"]) == f"{this}#{anchor}":
            problems.error(path, line, M.LINK_TO_SECRET_ANCHOR(anchor=anchor))
