"""Checks on a meeting's token stream: nothing the clerk wrote is silently lost.

Every level-2 heading is an agenda item or an error says why; every ``:::`` word is known
and every container is where the parser reads it; a decision heading, a vote or a mark of
secrecy is never quietly turned into plain text.
"""

from __future__ import annotations

import re
from typing import Literal

from markdown_it.token import Token

from ..messages import Said
from ..messages.text import Text as M
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


def _fence_problem(info: str) -> Said | None:
    """What is wrong with a fenced block's info string, if it looks meant as a vote or a
    container (None if nothing)."""
    words = info.casefold().split()
    if not words or words == ["vote"]:
        return None
    first = words[0].strip("{}.")
    if (
        "vote" in words
        or first in _VOTE_WORDS
        or (first.startswith("v") and nearest(first, ("vote",)))
    ):
        return M.FENCE_NOT_VOTE(info=info)
    if first in CONTAINERS:
        return M.FENCE_WITH_CONTAINER_WORD(info=info)
    return None


def _check_block(tok: Token, path: str, problems: Problems, in_item: bool, top: bool) -> None:
    """Blocks that would swallow or hide what the clerk wrote without a word: a code block
    never closed, an HTML block running over Markdown, a heading with no space after its
    '#', an item written as a level-1 heading, a key of the front matter below it."""
    line = _line(tok)
    if tok.type == "fence":
        if not _fence_closed(tok):
            problems.error(path, line, M.CODE_BLOCK_NEVER_CLOSED(markup=tok.markup))
        else:
            for n, text in enumerate(tok.content.split("\n"), 1):
                opener = _FENCE_OPENER.match(text)
                if opener and opener[1][0] == tok.markup[0]:
                    problems.error(
                        path,
                        line,
                        M.CODE_BLOCK_RUNS_ON(markup=tok.markup, line=line + n, text=text.strip()),
                    )
                    break
        problem = _fence_problem(tok.info.strip())
        if problem is not None:
            problems.error(path, line, problem)
    elif tok.type == "html_block":
        for n, text in enumerate(tok.content.split("\n")):
            if _HTML_HEADING.search(text):
                problems.error(path, line + n, M.HTML_HEADING(text=text.strip()))
                break
            if _MARKDOWN_LINE.match(text):
                problems.error(path, line, M.HTML_BLOCK_RUNS_ON(line=line + n, text=text.strip()))
                break
        for mark in loose_secrecy_marks(tok.content):
            problems.error(path, line, M.SECRECY_MARK_IN_HTML(mark=mark))
    elif tok.type == "inline" and top:
        for n, text in enumerate(tok.content.split("\n")):
            if _NO_SPACE_HEADING.match(text):
                problems.error(path, line + n, M.HEADING_WITHOUT_SPACE(text=text.strip()))
            elif _PUBLIC_LINE.match(text):
                problems.error(path, line + n, M.PUBLIC_BELOW_FRONT_MATTER(text=text.strip()))
    elif tok.type == "heading_open" and tok.tag == "h1" and top and in_item:
        problems.error(path, line, M.LEVEL_ONE_HEADING_AFTER_ITEM())


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
            problems.warn(path, line, M.DECISION_BEFORE_FIRST_ITEM())
        if tok.type == "heading_open":
            for message in tok.meta.get("attr_problems", ()):
                problems.error(path, line, message)
        if tok.type == "heading_open" and tok.tag == "h2" and ancestors:
            outer = _where(ancestors)
            if outer is not None and outer.type == OPEN:
                swallowed.setdefault(id(outer), [outer]).append(tok)
            else:
                problems.error(path, line, M.ITEM_HEADING_IN_QUOTE_OR_LIST())
        elif tok.type == "heading_open" and ancestors and tok.tag != "h1":
            kind, _ = decision_heading(tokens[i + 1].content, words)
            outer = _where(ancestors)
            if kind == "decision" and outer is not None and outer.type == OPEN:
                problems.error(
                    path,
                    line,
                    M.DECISION_HEADING_IN_CONTAINER(info=outer.info, opened=_line(outer)),
                )
            elif kind == "decision":
                problems.error(path, line, M.DECISION_HEADING_IN_QUOTE_OR_LIST())
        elif is_vote_fence(tok) and ancestors:
            outer = _where(ancestors)
            problems.error(
                path,
                line,
                M.VOTE_IN_CONTAINER(info=outer.info, opened=_line(outer))
                if (outer is not None and outer.type == OPEN)
                else M.VOTE_IN_QUOTE_OR_LIST(),
            )
        elif tok.type == OPEN:
            _check_container(tok, ancestors, path, problems)
        elif tok.type == STRAY:
            problems.error(path, line, M.STRAY_CONTAINER_END())
        elif tok.type == "inline" and not (i and tokens[i - 1].type == "heading_open"):
            said = _decision_in_text(tok.content, words)
            if said and len(ancestors) == 1 and ancestors[0].type == "paragraph_open":
                problems.warn(path, line, M.DECISION_WORD_IN_PARAGRAPH(word=said))
            for mark in loose_secrecy_marks(tok.content):
                problems.error(path, line, M.SECRECY_MARK_IN_TEXT(mark=mark))
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
            problems.error(path, _line(tok), M.CONTAINER_NEVER_CLOSED(info=tok.info))
    for outer, *headings in swallowed.values():
        first = _line(headings[0])
        problems.error(
            path,
            _line(outer),
            M.UNCLOSED_CONTAINER_SWALLOWS_MORE(
                info=outer.info, heading=first, more=len(headings) - 1
            )
            if len(headings) > 1
            else M.UNCLOSED_CONTAINER(info=outer.info, heading=first),
        )


def _check_container(tok: Token, ancestors: list[Token], path: str, problems: Problems) -> None:
    line = _line(tok)
    word = container_word(tok.info)
    if word not in CONTAINERS:
        guess = nearest(word, CONTAINERS)
        problems.error(
            path,
            line,
            M.CONTAINER_WORD_MISSPELT(word=word, guess=guess)
            if guess
            else M.CONTAINER_WORD_UNKNOWN(word=word),
        )
    elif CONTAINERS[word] == "decision" and len(tok.info.split(maxsplit=1)) > 1:
        rest = tok.info.split(maxsplit=1)[1].strip()
        problems.error(
            path, line, M.DECISION_CONTAINER_TAKES_NOTHING(word=tok.info.split()[0], rest=rest)
        )
    elif CONTAINERS[word] == "conflict" and len(tok.info.split(maxsplit=1)) < 2:
        problems.error(path, line, M.CONFLICT_NEEDS_MEMBER(word=tok.info.split()[0]))
    elif CONTAINERS[word] == "support" and len(tok.info.split(maxsplit=1)) < 2:
        problems.error(path, line, M.SUPPORT_NEEDS_MEMBER(word=tok.info.split()[0]))
    elif CONTAINERS[word] in ("motion", "reservation") and len(tok.info.split(maxsplit=1)) < 2:
        problems.warn(path, line, M.RECORD_WITHOUT_MEMBER(word=tok.info.split()[0]))
    outer = _where(ancestors)
    if outer is not None and outer.type == OPEN:
        problems.error(
            path, line, M.CONTAINER_IN_CONTAINER(word=word, outer=outer.info, opened=_line(outer))
        )
    elif outer is not None:
        problems.error(path, line, M.CONTAINER_IN_QUOTE_OR_LIST(word=word))
