"""Checks on a meeting's token stream: nothing the clerk wrote is silently lost.

Every level-2 heading is an agenda item or an error says why; every ``:::`` word is known
and every container is where the parser reads it; a decision heading, a vote or a mark of
secrecy is never quietly turned into plain text.
"""

from __future__ import annotations

import re
from typing import Literal

from markdown_it.token import Token

from .attributes import loose_secrecy_marks
from .containers import CONTAINERS, OPEN, STRAY, container_word
from .errors import Problems
from .spelling import nearest

_TRAILING = " \t:.;,!–—-"  # punctuation a clerk may put after a decision word
_VOTE_WORDS = ("votering", "omröstning", "omrostning", "röstning", "voting", "votes")
# a line of an HTML block that Markdown would have read: a heading, a record, a fence
_MARKDOWN_LINE = re.compile(r" {0,3}(?:#{1,6}(?:[ \t]|$)|:{3}|`{3}|~{3})")
_FENCE_OPENER = re.compile(r" {0,3}(`{3,}|~{3,})[ \t]*[^`\s]")
_HTML_HEADING = re.compile(r"<h[12][\s>]", re.I)
_NO_SPACE_HEADING = re.compile(r" {0,3}#{2,6}[^ \t#]")
_PUBLIC_LINE = re.compile(r"public[ \t]*:", re.I)
HeadingKind = Literal["decision", "more", "other"]


def decision_heading(text: str, words: set[str]) -> tuple[HeadingKind, str]:
    """Whether a heading's text marks a decision: its whole text is a decision word (case,
    extra spaces and trailing punctuation aside), or it starts with one and says more
    ('Beslut om taxor': a warning, not a decision), or neither. Also the word found."""
    norm = " ".join(text.split()).rstrip(_TRAILING).casefold()
    if norm in words:
        return "decision", norm
    for word in words:
        if norm.startswith(word) and not norm[len(word)].isalnum():
            return "more", word
    return "other", ""


def is_vote_fence(token: Token) -> bool:
    """A fenced block whose info string is ``vote`` (in any case)."""
    return token.type == "fence" and token.info.strip().casefold() == "vote"


def _line(token: Token) -> int:
    return token.map[0] + 1 if token.map else 1


def _where(ancestors: list[Token]) -> Token | None:
    """The innermost container around a token, else its innermost quote or list."""
    for tok in reversed(ancestors):
        if tok.type == OPEN:
            return tok
    return ancestors[-1] if ancestors else None


_LEADING_WORDS = re.compile(r"[*_]*([^\W\d_][^\W\d_ ]*(?: [^\W\d_]+)?)[*_]*[ \t]*(?::|[*_]*$)")


def _decision_in_text(text: str, words: set[str]) -> str:
    """The decision word a paragraph starts with as if it were a heading ('Beslut: ...',
    '**Beslut**'), as written, or ''."""
    found = _LEADING_WORDS.match(text.split("\n", 1)[0])
    if found and " ".join(found[1].split()).casefold() in words:
        return found[1]
    return ""


def _marks_decision_or_vote(tokens: list[Token], i: int, words: set[str]) -> bool:
    tok = tokens[i]
    if tok.type == OPEN:
        return container_word(tok.info) in ("decision", "beslut")
    if tok.type == "heading_open" and tok.tag in ("h3", "h4", "h5", "h6"):
        return decision_heading(tokens[i + 1].content, words)[0] == "decision"
    return is_vote_fence(tok)


def _fence_closed(token: Token) -> bool:
    """Whether a fenced block has its closing line (an unclosed one runs to the end of the
    file, or of the block around it: its content is every line but the opening one)."""
    if not token.map:
        return True
    return token.content.count("\n") == token.map[1] - token.map[0] - 2


def _fence_problem(info: str) -> str:
    """What is wrong with a fenced block's info string, if it looks meant as a vote or a
    record ('' if nothing)."""
    words = info.casefold().split()
    if not words or words == ["vote"]:
        return ""
    first = words[0].strip("{}.")
    if (
        "vote" in words
        or first in _VOTE_WORDS
        or (first.startswith("v") and nearest(first, ("vote",)))
    ):
        return f"'```{info}' is not a vote block; write '```vote'"
    if first in CONTAINERS:
        return (
            f"'{info}' after a code fence makes a code block, not a record; "
            f"write '::: {info}' and end it with ':::'"
        )
    return ""


def _check_block(tok: Token, path: str, problems: Problems, in_item: bool, top: bool) -> None:
    """Blocks that would swallow or hide what the clerk wrote without a word: a code block
    never closed, an HTML block running over Markdown, a heading with no space after its
    '#', an item written as a level-1 heading, a key of the front matter below it."""
    line = _line(tok)
    if tok.type == "fence":
        if not _fence_closed(tok):
            problems.error(
                path,
                line,
                f"the code block opened here with '{tok.markup}' is never closed, so "
                "everything after it is shown as code (agenda items, decisions and "
                f"votes too); end it with a line '{tok.markup}'",
            )
        else:
            for n, text in enumerate(tok.content.split("\n"), 1):
                opener = _FENCE_OPENER.match(text)
                if opener and opener[1][0] == tok.markup[0]:
                    problems.error(
                        path,
                        line,
                        f"the code block opened here with '{tok.markup}' runs on to line "
                        f"{line + n}, where '{text.strip()}' opens no new block (a code "
                        f"block ends at a line of only '{tok.markup}'), so what is between "
                        f"is shown as code; end this one with a line '{tok.markup}' first",
                    )
                    break
        problem = _fence_problem(tok.info.strip())
        if problem:
            problems.error(path, line, problem)
    elif tok.type == "html_block":
        for n, text in enumerate(tok.content.split("\n")):
            if _HTML_HEADING.search(text):
                problems.error(
                    path,
                    line + n,
                    f"'{text.strip()}' is a heading written in HTML, which is no agenda "
                    "item; write an item's heading as '## ...'",
                )
                break
            if _MARKDOWN_LINE.match(text):
                problems.error(
                    path,
                    line,
                    f"the HTML block that starts here runs on to line {line + n}, so "
                    f"'{text.strip()}' there is not read as Markdown (no agenda item, "
                    "record or vote); end the HTML block with an empty line, or close "
                    "its tag, before that line",
                )
                break
        for mark in loose_secrecy_marks(tok.content):
            problems.error(
                path,
                line,
                f"'{mark}' in the HTML is no mark of secrecy and would be published; put "
                "'{confidential=true}' at the end of the item's '##' heading, after a space",
            )
    elif tok.type == "inline" and top:
        for n, text in enumerate(tok.content.split("\n")):
            if _NO_SPACE_HEADING.match(text):
                problems.error(
                    path,
                    line + n,
                    f"'{text.strip()}' is no heading, so it is neither an agenda item nor a "
                    "decision; put a space after the #'s",
                )
            elif _PUBLIC_LINE.match(text):
                problems.error(
                    path,
                    line + n,
                    f"'{text.strip()}' below the front matter is text (and would be "
                    "published with the rest); move it up between the two '---' lines",
                )
    elif tok.type == "heading_open" and tok.tag == "h1" and top and in_item:
        problems.error(
            path,
            line,
            "a '#' heading after the first agenda item is no agenda item; write '##' "
            "for an item, or '###' for a heading inside one",
        )


def check_structure(tokens: list[Token], path: str, words: set[str], problems: Problems) -> None:
    """Report every place where what the clerk wrote would not be read as written."""
    ancestors: list[Token] = []  # the open blocks around the current token
    swallowed: dict[int, list[Token]] = {}  # container → the item headings inside it
    in_item = False
    for i, tok in enumerate(tokens):
        if tok.nesting == -1:
            if ancestors:
                ancestors.pop()
            continue
        line = _line(tok)
        in_item = in_item or (tok.type == "heading_open" and tok.tag == "h2" and not ancestors)
        _check_block(tok, path, problems, in_item, not ancestors or tok.type == "inline")
        if not in_item and not ancestors and _marks_decision_or_vote(tokens, i, words):
            problems.warn(
                path,
                line,
                "a decision or vote before the first agenda item ('## ...') belongs to no "
                "item, so the decisions index, the case pages and the open data leave it "
                "out; put it under the heading of the item it was taken in",
            )
        if tok.type == "heading_open":
            for message in tok.meta.get("attr_problems", ()):
                problems.error(path, line, message)
        if tok.type == "heading_open" and tok.tag == "h2" and ancestors:
            outer = _where(ancestors)
            if outer is not None and outer.type == OPEN:
                swallowed.setdefault(id(outer), [outer]).append(tok)
            else:
                problems.error(
                    path,
                    line,
                    "a '##' heading inside a quote or a list is not "
                    "an agenda item; start it at the beginning of a "
                    "line, or make it '###' if it is no item",
                )
        elif tok.type == "heading_open" and ancestors and tok.tag != "h1":
            kind, _ = decision_heading(tokens[i + 1].content, words)
            outer = _where(ancestors)
            if kind == "decision" and outer is not None and outer.type == OPEN:
                problems.error(
                    path,
                    line,
                    f"the decision heading is inside '::: {outer.info}' "
                    f"opened on line {_line(outer)}, so it marks no "
                    "decision; end the container with ':::' above it",
                )
            elif kind == "decision":
                problems.error(
                    path,
                    line,
                    "a decision heading inside a quote or a list marks "
                    "no decision; start it at the beginning of a line",
                )
        elif is_vote_fence(tok) and ancestors:
            outer = _where(ancestors)
            opened = (
                f"'::: {outer.info}' opened on line {_line(outer)}"
                if (outer is not None and outer.type == OPEN)
                else "a quote or a list"
            )
            problems.error(
                path,
                line,
                f"this vote is inside {opened}, so it is not counted; "
                "end the container with ':::' above it, or start the "
                "vote at the beginning of a line",
            )
        elif tok.type == OPEN:
            _check_container(tok, ancestors, path, problems)
        elif tok.type == STRAY:
            problems.error(
                path,
                line,
                "this ':::' closes no container: remove it, or open the "
                "container above with a word ('::: decision', "
                "'::: motion Name', ...)",
            )
        elif tok.type == "inline" and not (i and tokens[i - 1].type == "heading_open"):
            said = _decision_in_text(tok.content, words)
            if said and len(ancestors) == 1 and ancestors[0].type == "paragraph_open":
                problems.warn(
                    path,
                    line,
                    f"'{said}' at the start of a paragraph marks no decision (the decisions "
                    f"index and the case pages do not list it); write '### {said}' on a "
                    "line of its own above the decision, or put the decision in "
                    "'::: decision'",
                )
            for mark in loose_secrecy_marks(tok.content):
                problems.error(
                    path,
                    line,
                    f"'{mark}' in the text is no mark of secrecy and "
                    "would be published; put '{confidential=true}' at "
                    "the end of the item's '##' heading, after a space",
                )
        if tok.nesting == 1:
            ancestors.append(tok)
    for tok in tokens:  # one that ends with the file swallows nothing yet (one in a record,
        # a list or a quote is an error of its own above)
        if (
            tok.type == OPEN
            and tok.level == 0
            and tok.meta.get("closed") is False
            and id(tok) not in swallowed
        ):
            problems.error(
                path,
                _line(tok),
                f"'::: {tok.info}' opened here is never closed, so what is written after it "
                "would be part of it; end it with a line ':::'",
            )
    for outer, *headings in swallowed.values():
        first = headings[0]
        more = f" (and {len(headings) - 1} more after it)" if len(headings) > 1 else ""
        problems.error(
            path,
            _line(outer),
            f"'::: {outer.info}' opened here is still open at "
            f"the item heading on line {_line(first)}{more}, "
            "which then is no agenda item; end the container "
            "with a line ':::' before that heading",
        )


def _check_container(tok: Token, ancestors: list[Token], path: str, problems: Problems) -> None:
    line = _line(tok)
    word = container_word(tok.info)
    if word not in CONTAINERS:
        guess = nearest(word, CONTAINERS)
        hint = (
            f"did you mean '{guess}'?"
            if guess
            else "the words are decision, proposal, motion, reservation, distribution, "
            "support, note and conflict (or their Swedish aliases)"
        )
        problems.error(path, line, f"'::: {word}' is not a container word; {hint}")
    elif CONTAINERS[word] == "decision" and len(tok.info.split(maxsplit=1)) > 1:
        rest = tok.info.split(maxsplit=1)[1].strip()
        problems.error(
            path,
            line,
            f"'::: {tok.info.split()[0]}' takes nothing after the word, so '{rest}' "
            "would not be published; write it on the lines below, before ':::'",
        )
    elif CONTAINERS[word] == "conflict" and len(tok.info.split(maxsplit=1)) < 2:
        problems.error(
            path,
            line,
            f"'::: {tok.info.split()[0]}' needs the member after the word, '::: "
            f"{tok.info.split()[0]} Anna Ek (M)': a conflict of interest (jäv) is one "
            "member's, who then takes no part in the item",
        )
    elif CONTAINERS[word] == "support" and len(tok.info.split(maxsplit=1)) < 2:
        problems.error(
            path,
            line,
            f"'::: {tok.info.split()[0]}' needs the member after the word, '::: "
            f"{tok.info.split()[0]} Anna Ek (M)': a support (bifall) is one member's, "
            "for a motion the text names",
        )
    outer = _where(ancestors)
    if outer is not None and outer.type == OPEN:
        problems.error(
            path,
            line,
            f"'::: {word}' is inside '::: {outer.info}' opened on line "
            f"{_line(outer)}; end that one with ':::' first (a record "
            "holds no other record)",
        )
    elif outer is not None:
        problems.error(
            path,
            line,
            f"'::: {word}' inside a quote or a list is not read as a "
            "record; start it at the beginning of a line",
        )
