"""``:::`` containers (decisions and records) as a markdown-it block rule.

Ours rather than mdit-py-plugins' so that every ``:::`` line becomes a token the parser can
judge: an opener with any word (an unknown word is an error with the nearest known one, not
text), whether it was closed (an unclosed one must never swallow an agenda item), and a
``:::`` that closes nothing.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.rules_block import StateBlock
from markdown_it.token import Token

# container word → role (the contract's words and their Swedish aliases)
CONTAINERS: dict[str, str] = {
    "decision": "decision",
    "beslut": "decision",
    "proposal": "proposal",
    "forslag": "proposal",
    "förslag": "proposal",
    "motion": "motion",
    "yrkande": "motion",
    "reservation": "reservation",
    "distribution": "distribution",
    "expedieras": "distribution",
    "support": "support",
    "bifall": "support",
    "note": "note",
    "anteckning": "note",
    "protokollsanteckning": "note",
    "conflict": "conflict",
    "jav": "conflict",
    "jäv": "conflict",
}
OPEN = "container_record_open"
CLOSE = "container_record_close"
STRAY = "container_stray"  # a ':::' line that closes nothing

_MARKER = re.compile(r"(:{3,})[ \t]*(.*?)\s*$")


def container_word(info: str) -> str:
    """The word of a ``::: word rest`` line, folded ('' if there is none)."""
    parts = info.split(maxsplit=1)
    return parts[0].casefold() if parts else ""


def container_role(info: str) -> str:
    """The role of a container line's word ('' when the word is none of ours)."""
    return CONTAINERS.get(container_word(info), "")


def _line(state: StateBlock, line: int) -> str:
    return state.src[state.bMarks[line] + state.tShift[line] : state.eMarks[line]]


def _container(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
    if state.is_code_block(start_line):
        return False
    opener = _MARKER.fullmatch(_line(state, start_line))
    if opener is None:
        return False
    if silent:
        return True
    markers, info = opener[1], opener[2]
    if not info:
        token = state.push(STRAY, "", 0)
        token.map, token.markup, token.block = [start_line, start_line + 1], markers, True
        state.line = start_line + 1
        return True
    next_line, closed = start_line, False
    while True:
        next_line += 1
        if next_line >= end_line:  # unclosed: ends with the document or its parent block
            break
        start, end = state.bMarks[next_line] + state.tShift[next_line], state.eMarks[next_line]
        if start < end and state.sCount[next_line] < state.blkIndent:
            break  # a line indented less than a list item's text ends the item
        if state.is_code_block(next_line):
            continue
        close = _MARKER.fullmatch(state.src[start:end])
        if close is not None and not close[2] and len(close[1]) >= len(markers):
            closed = True
            break
    old_parent, old_max = state.parentType, state.lineMax
    state.parentType = "container"
    state.lineMax = next_line  # no lazy continuation past the closing line
    token = state.push(OPEN, "div", 1)
    token.markup, token.info, token.block = markers, info, True
    token.map = [start_line, next_line]
    token.meta["closed"] = closed
    state.md.block.tokenize(state, start_line + 1, next_line)
    token = state.push(CLOSE, "div", -1)
    token.block = True
    state.parentType, state.lineMax = old_parent, old_max
    state.line = next_line + (1 if closed else 0)
    return True


def _render(self: Any, tokens: Sequence[Token], idx: int, _options: Any, env: Any) -> str:
    token = tokens[idx]
    if token.type == STRAY:
        return f"<p>{token.markup}</p>\n"  # kept as text where no one judges it (plain pages)
    if token.nesting == 1:
        return f'<div class="{container_role(token.info) or "container"}">\n'
    return "</div>\n"


def containers_plugin(md: MarkdownIt) -> None:
    """Register the ``:::`` rule; it may interrupt a paragraph, a list or a quote."""
    md.block.ruler.before(
        "fence",
        "container_record",
        _container,
        {"alt": ["paragraph", "reference", "blockquote", "list"]},
    )
    for name in (OPEN, CLOSE, STRAY):
        md.add_render_rule(name, _render)
