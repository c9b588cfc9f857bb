"""Checks on a meeting's token stream: nothing the clerk wrote is silently lost.

Every level-2 heading is an agenda item or an error says why; every ``:::`` word is known
and every container is where the parser reads it; a decision heading, a vote or a mark of
secrecy is never quietly turned into plain text.
"""

from __future__ import annotations

from typing import Literal

from markdown_it.token import Token

from .attributes import loose_secrecy_marks
from .containers import CONTAINERS, OPEN, STRAY, container_word
from .errors import Problems
from .spelling import nearest

_TRAILING = " \t:.;,!–—-"  # punctuation a clerk may put after a decision word
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


def check_structure(tokens: list[Token], path: str, words: set[str], problems: Problems) -> None:
    """Report every place where what the clerk wrote would not be read as written."""
    ancestors: list[Token] = []  # the open blocks around the current token
    swallowed: dict[int, list[Token]] = {}  # container → the item headings inside it
    for i, tok in enumerate(tokens):
        if tok.nesting == -1:
            if ancestors:
                ancestors.pop()
            continue
        line = _line(tok)
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
        elif (
            tok.type == "fence"
            and tok.info.strip().casefold().startswith("v")
            and tok.info.strip().casefold() != "vote"
            and nearest(tok.info.strip().casefold(), ("vote",))
        ):
            problems.error(
                path, line, f"'```{tok.info.strip()}' is not a vote block; write '```vote'"
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
