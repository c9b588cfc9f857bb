"""A ``vote`` fence → Vote: the roll call read as written, the tally counted and checked.

Read node by node (every value as text, YAML 1.1's yes/no left alone) so that each problem
has the line it is on: a misspelt key, a member listed twice, a choice written 'ja' where
the options write 'Ja' (which would otherwise be counted as a choice of its own).
"""

from __future__ import annotations

import re
from collections import Counter

import yaml

from ..messages import Said
from ..messages.text import Text as M
from .errors import Problems
from .frontmatter import shared_node
from .model import Vote
from .spelling import nearest

VOTE_KEYS = ("question", "options", "votes", "result")
_COUNT = re.compile(r"[0-9]{1,9}")

try:
    _Loader: type[yaml.BaseLoader] = yaml.CBaseLoader  # type: ignore[assignment]
except AttributeError:  # pragma: no cover
    _Loader = yaml.BaseLoader

Entry = tuple[str, str, int]  # (key, value, line)


def _pairs(node: yaml.Node, first: int) -> list[tuple[yaml.Node, yaml.Node, int]]:
    assert isinstance(node, yaml.MappingNode)
    return [(k, v, first + k.start_mark.line) for k, v in node.value]


def parse_vote(content: str, fence_line: int, path: str, problems: Problems) -> Vote | None:
    """The vote in a fence whose opening line is ``fence_line``, or None if it has errors."""
    return read_vote(content, fence_line, path, problems)[0]


def read_vote(
    content: str, fence_line: int, path: str, problems: Problems
) -> tuple[Vote | None, tuple[int, ...]]:
    """The vote in a fence and the line of each of its ballots (for the checks of who may
    vote in the item), or None and () if it has errors."""
    first = fence_line + 1  # the line of the fence's first line of YAML
    before = len(problems.errors)
    try:
        loader = _Loader(content)
        try:
            root = loader.get_single_node()
        finally:
            loader.dispose()
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        line = first + mark.line if mark is not None else fence_line
        written = "".join(content.split("\n")[mark.line :][:1]) if mark is not None else ""
        indent = written[: len(written) - len(written.lstrip())]
        problem = getattr(exc, "problem", None) or ""
        problems.error(
            path,
            line,
            M.VOTE_TAB()
            if "\t" in indent
            else M.VOTE_COLON_IN_VALUE()
            if problem.startswith("mapping values are not allowed")
            else M.VOTE_LINES_UNREADABLE(),
        )
        return None, ()
    if not isinstance(root, yaml.MappingNode):
        problems.error(path, fence_line, M.VOTE_NOT_LINES())
        return None, ()
    shared = shared_node(root)
    if shared is not None:
        problems.error(path, first + shared.start_mark.line, M.VOTE_ALIASES())
        return None, ()
    parts: dict[str, tuple[yaml.Node, int]] = {}
    for key_node, value_node, line in _pairs(root, first):
        key = key_node.value if isinstance(key_node, yaml.ScalarNode) else ""
        if key in parts:
            problems.error(path, line, M.VOTE_KEY_TWICE(key=key))
        elif key not in VOTE_KEYS:
            guess = nearest(key, VOTE_KEYS)
            problems.error(
                path,
                line,
                M.VOTE_KEY_MISSPELT(key=key, guess=guess) if guess else M.VOTE_KEY_UNKNOWN(key=key),
            )
        else:
            parts[key] = (value_node, line)
    question = ""
    if "question" in parts:
        node, line = parts["question"]
        if isinstance(node, yaml.ScalarNode):
            question = node.value
        else:
            problems.error(path, line, M.VOTE_QUESTION_NOT_LINE())
    options = _mapping(parts.get("options"), first, path, problems, M.VOTE_OPTIONS_FORM())
    ballots = _mapping(parts.get("votes"), first, path, problems, M.VOTE_VOTES_FORM())
    stated = _mapping(parts.get("result"), first, path, problems, M.VOTE_RESULT_FORM())
    if not ballots and "result" not in parts and len(problems.errors) == before:
        problems.error(path, fence_line, M.VOTE_EMPTY())
    for member, first_line, line in _repeats(ballots):
        problems.error(path, line, M.VOTE_MEMBER_TWICE(member=member, first=first_line))
    for choice, first_line, line in _repeats(stated):
        problems.error(path, line, M.VOTE_CHOICE_TWICE(choice=choice, first=first_line))
    _check_choices([k for k, _, _ in options], ballots, stated, path, problems)
    result: dict[str, int] = {}
    for choice, count, line in stated:
        if not _COUNT.fullmatch(count):
            problems.error(path, line, M.VOTE_RESULT_NOT_COUNT(choice=choice, got=count))
        else:
            result[choice] = int(count)
    if len(problems.errors) > before:
        return None, ()
    counted = Counter(choice for _, choice, _ in ballots)
    order = list(dict.fromkeys([*(k for k, _, _ in options), *counted, *result]))
    if ballots and stated:
        lines = {choice: line for choice, _, line in stated}
        for c in order:
            if counted.get(c, 0) != result.get(c, 0):
                problems.error(
                    path,
                    lines.get(c, parts["result"][1]),
                    M.VOTE_RESULT_MISMATCH(
                        choice=c, counted=counted.get(c, 0), stated=result.get(c, 0)
                    ),
                )
    tally = counted if ballots else Counter(result)
    vote = Vote(
        question=question,
        options=tuple((k, v) for k, v, _ in options),
        ballots=tuple((k, v) for k, v, _ in ballots),
        tally=tuple((c, tally.get(c, 0)) for c in order),
    )
    return vote, tuple(line for _, _, line in ballots)


def _mapping(
    part: tuple[yaml.Node, int] | None, first: int, path: str, problems: Problems, message: Said
) -> list[Entry]:
    """'key: value' lines of text; an empty value ('options:') is none."""
    if part is None:
        return []
    node, line = part
    if isinstance(node, yaml.ScalarNode) and not node.value:
        return []
    if not isinstance(node, yaml.MappingNode):
        problems.error(path, line, message)
        return []
    entries: list[Entry] = []
    for key_node, value_node, at in _pairs(node, first):
        if not (
            isinstance(key_node, yaml.ScalarNode)
            and isinstance(value_node, yaml.ScalarNode)
            and key_node.value.strip()
            and value_node.value.strip()
        ):
            problems.error(path, at, message)
            continue
        entries.append((key_node.value.strip(), value_node.value.strip(), at))
    return entries


def _repeats(entries: list[Entry]) -> list[tuple[str, int, int]]:
    """Keys given again: (key, the line it was first on, the line of the repeat)."""
    seen: dict[str, int] = {}
    found = []
    for key, _, line in entries:
        if key in seen:
            found.append((key, seen[key], line))
        seen.setdefault(key, line)
    return found


def _check_choices(
    options: list[str], ballots: list[Entry], stated: list[Entry], path: str, problems: Problems
) -> None:
    """Each choice is written as the options write it: 'ja' for 'Ja', or 'Nejj', would be
    counted as a choice of its own and make a puzzling tally."""
    known = {o.casefold(): o for o in options}
    for member, choice, line in ballots:
        folded = choice.casefold()
        if folded in known:
            if known[folded] != choice:
                problems.error(
                    path,
                    line,
                    M.VOTE_CHOICE_SPELLING(member=member, choice=choice, written=known[folded]),
                )
            continue
        guess = nearest(choice, options)
        if guess is not None:
            problems.error(
                path, line, M.VOTE_CHOICE_MISSPELT(member=member, choice=choice, guess=guess)
            )
        known[folded] = choice  # a choice beside the options (an abstention): the first
        # spelling is the one later votes must follow
    for choice, _, line in stated:
        if choice in options or any(choice == c for _, c, _ in ballots):
            continue
        if choice.casefold() in known:
            problems.error(
                path,
                line,
                M.VOTE_RESULT_SPELLING(choice=choice, written=known[choice.casefold()]),
            )
        elif (guess := nearest(choice, list(dict.fromkeys(known.values())))) is not None:
            problems.error(path, line, M.VOTE_RESULT_MISSPELT(choice=choice, guess=guess))
