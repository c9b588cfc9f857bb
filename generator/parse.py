"""One content file → one Meeting (or Page), with every problem found in it.

A pure function of the file's bytes and the site's settings, so that files can be parsed in
worker processes and cached by content hash.
"""

from __future__ import annotations

import html as html_lib
import posixpath
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from markdown_it import MarkdownIt
from markdown_it.token import Token

from .checks import check_personal_numbers
from .config import SiteConfig
from .errors import ContentError, Problems
from .frontmatter import check_fields, load_yaml, parse_person
from .markdown import CONTAINERS, container_name, inline_text, make_markdown, sanitize
from .model import (
    AgendaItem,
    BodyInfo,
    Decision,
    Html,
    Meeting,
    Page,
    Person,
    Record,
    Segment,
    Vote,
)

_NUMBER_FORMS = (
    re.compile(r"^§\s*(?P<n>\d+[a-z]?)(?:\s+|$)(?P<t>.*)$", re.S),
    re.compile(r"^(?P<n>\d+(?:\.[0-9a-zA-Z]+)+)\.?(?:\s+|$)(?P<t>.*)$", re.S),
    re.compile(r"^(?P<n>\d+)\.(?:\s+|$)(?P<t>.*)$", re.S),
)
_ANCHOR = re.compile(r"^[A-Za-z][\w:.-]*$")
_TAG = re.compile(r"<[^>]+>")
_TRUE = ("true", "yes", "1", "ja")
_DECISION_TAGS = ("h3", "h4", "h5", "h6")  # a decision heading is of level 3 to 6

try:
    _VoteLoader: type[yaml.BaseLoader] = yaml.CBaseLoader  # type: ignore[assignment]
except AttributeError:  # pragma: no cover
    _VoteLoader = yaml.BaseLoader


@dataclass(frozen=True)  # no slots: slotted dataclasses pickle several times slower
class Parsed:
    """What parsing one file gives: the meeting (if usable) and the problems found."""

    meeting: Meeting | None
    problems: tuple[ContentError, ...]
    outline_digest: str = ""  # of what other pages show of the meeting (see Meeting.outline)


def split_number(title: str) -> tuple[str, str]:
    """'§ 89 Title' → ('89', 'Title'); a bare '2024 planning' keeps its number in the title."""
    for form in _NUMBER_FORMS:
        m = form.match(title)
        if m:
            return m["n"], m["t"].strip()
    return "", title


def number_label(title: str, number: str) -> str:
    """How the item's number is shown: '§ 89' for the section form, '115.' or '4.2' else."""
    if not number:
        return ""
    if title.startswith("§"):
        return f"§ {number}"
    return number if "." in number else f"{number}."


def plain_text(fragment: str) -> str:
    """Text of an HTML fragment with tags dropped and white space folded."""
    return " ".join(html_lib.unescape(_TAG.sub(" ", fragment)).split())


def decode(data: bytes, path: str, problems: Problems) -> str | None:
    """UTF-8 with or without BOM, LF or CRLF → text with LF; anything else is an error."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        problems.error(path, line, "not UTF-8 text (save the file as UTF-8)")
        return None
    if "\x00" in text:
        problems.error(path, text[: text.index("\x00")].count("\n") + 1, "NUL byte in text")
        return None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _ends_section(tok: Token, level: int) -> bool:
    """A decision section ends at a heading of its level or higher, or at a record or vote."""
    if tok.level != 0:
        return False
    if tok.type == "heading_open":
        return int(tok.tag[1]) <= level
    return (tok.type.startswith("container_") and tok.nesting == 1) or (
        tok.type == "fence" and tok.info.strip() == "vote")


class _Builder:
    """Walks one file's tokens; a class only to keep the per-file state together."""

    def __init__(self, md: MarkdownIt, env: dict[str, Any], path: str, config: SiteConfig,
                 problems: Problems) -> None:
        self.md = md
        self.env = env
        self.path = path
        self.words = {w.casefold() for w in config.decision_words}
        self.problems = problems

    def render(self, tokens: list[Token]) -> str:
        if not tokens:
            return ""
        html = self.md.renderer.render(tokens, self.md.options, self.env)
        return sanitize(html) if self.md.options["html"] else html

    def segments(self, tokens: list[Token]) -> tuple[Segment, ...]:
        """Split an item's top-level tokens into HTML runs, decisions, records and votes."""
        out: list[Segment] = []
        run: list[Token] = []

        def flush() -> None:
            if run:
                out.append(Html(self.render(run)))
                run.clear()

        i = 0
        while i < len(tokens):
            tok = tokens[i]
            if tok.level == 0 and tok.type.startswith("container_") and tok.nesting == 1:
                close = self._matching_close(tokens, i)
                inner = tokens[i + 1 : close]
                name = container_name(tok.info)
                role = CONTAINERS[name]
                flush()
                body = self.render(inner)
                if role == "decision":
                    out.append(Decision(html=body, text=plain_text(body)))
                else:
                    parts = tok.info.strip().split(maxsplit=1)
                    who = parts[1].strip() if len(parts) > 1 else ""
                    out.append(Record(role=role, who=who, html=body))  # type: ignore[arg-type]
                i = close + 1
                continue
            if tok.level == 0 and tok.type == "fence" and tok.info.strip() == "vote":
                flush()
                vote = self.vote(tok)
                if vote is not None:
                    out.append(vote)
                i += 1
                continue
            if (tok.level == 0 and tok.type == "heading_open" and tok.tag in _DECISION_TAGS
                    and inline_text(tokens[i + 1]).casefold() in self.words):
                flush()
                level = int(tok.tag[1])
                end = i + 3
                while end < len(tokens) and not _ends_section(tokens[end], level):
                    end += 1
                body = self.render(tokens[i + 3 : end])
                out.append(Decision(html=body, text=plain_text(body),
                                    heading=inline_text(tokens[i + 1]), level=level))
                i = end
                continue
            run.append(tok)
            i += 1
        flush()
        return tuple(out)

    @staticmethod
    def _matching_close(tokens: list[Token], start: int) -> int:
        close_type = tokens[start].type[: -len("_open")] + "_close"
        for j in range(start + 1, len(tokens)):
            if tokens[j].type == close_type and tokens[j].level == tokens[start].level:
                return j
        return len(tokens) - 1

    def vote(self, tok: Token) -> Vote | None:
        """A ``vote`` fence → Vote, with the tally counted and checked against ``result``."""
        line = (tok.map[0] + 1) if tok.map else 0
        try:
            data = yaml.load(tok.content, Loader=_VoteLoader)
        except yaml.YAMLError as exc:
            self.problems.error(self.path, line, f"vote: invalid YAML: {exc}".splitlines()[0])
            return None
        if not isinstance(data, dict):
            self.problems.error(self.path, line, "vote: expected question, options, votes, result")
            return None
        unknown = sorted(set(data) - {"question", "options", "votes", "result"})
        if unknown:
            self.problems.error(self.path, line, f"vote: unknown key(s): {', '.join(unknown)}")
        options = data.get("options") or {}
        ballots = data.get("votes") or {}
        stated = data.get("result")
        if not isinstance(options, dict) or not isinstance(ballots, dict):
            self.problems.error(self.path, line, "vote: options and votes must be 'name: choice'")
            return None
        if stated is not None and not isinstance(stated, dict):
            self.problems.error(self.path, line, "vote: result must be 'choice: count'")
            return None
        if not ballots and stated is None:
            self.problems.error(self.path, line, "vote: give votes, result, or both")
            return None
        result: dict[str, int] = {}
        for choice, count in (stated or {}).items():
            if not (isinstance(count, str) and count.isdigit()):
                self.problems.error(self.path, line, f"vote: result {choice}: expected a count")
                return None
            result[str(choice)] = int(count)
        counted = Counter(str(c) for c in ballots.values())
        order = list(dict.fromkeys([*map(str, options), *counted, *result]))
        if ballots and stated is not None:
            wrong = [c for c in order if counted.get(c, 0) != result.get(c, 0)]
            if wrong:
                detail = ", ".join(f"{c}: counted {counted.get(c, 0)}, stated {result.get(c, 0)}"
                                   for c in wrong)
                self.problems.error(self.path, line, f"vote: result does not match the votes "
                                                     f"({detail})")
        tally = counted if ballots else Counter(result)
        return Vote(
            question=str(data.get("question") or ""),
            options=tuple((str(k), str(v)) for k, v in options.items()),
            ballots=tuple((str(k), str(v)) for k, v in ballots.items()),
            tally=tuple((c, tally.get(c, 0)) for c in order),
        )


def _front_matter(tokens: list[Token], path: str, config: SiteConfig,
                  problems: Problems) -> dict[str, Any] | None:
    if not tokens or tokens[0].type != "front_matter":
        problems.error(path, 1, "no front matter: a meeting file starts with '---', "
                                "then body: and date:")
        return None
    fm = load_yaml(tokens[0].content, path, 2, problems)
    if fm is None:
        return None
    values = check_fields(fm, path, config.extra_keys, problems)
    values["_status_line"] = fm.lines.get("status", 1)
    return values


def _check_attachments(values: dict[str, Any], config: SiteConfig, path: str, line: int,
                       problems: Problems) -> None:
    content = config.content_dir.resolve()
    for att in values.get("attachments", ()):
        if not att.file:
            continue
        normal = posixpath.normpath(att.file)
        target = (config.content_dir / att.file).resolve()
        outside = normal.startswith("..") or not target.is_relative_to(content)
        if att.file.startswith("/") or outside:
            problems.error(path, line, f"attachments: {att.file!r} is outside content/")
        elif not target.is_file():
            problems.error(path, line, f"attachments: {att.file!r} does not exist in content/")


def parse_meeting(data: bytes, path: str, config: SiteConfig,
                  md: MarkdownIt | None = None) -> Parsed:
    """Parse a meeting file; ``path`` is relative to the site root (content/...)."""
    problems = Problems()
    text = decode(data, path, problems)
    if text is None:
        return Parsed(None, tuple(problems.items))
    md = md or make_markdown(config.raw_html)
    rel = path.removeprefix("content/")
    env: dict[str, Any] = {"source_dir": posixpath.dirname(rel), "links": []}
    tokens = md.parse(text, env)
    values = _front_matter(tokens, path, config, problems)
    if values is None:
        return Parsed(None, tuple(problems.items))
    fm_lines = tokens[0].map or [0, 0]
    _check_attachments(values, config, path, fm_lines[0] + 1, problems)
    body_tokens = tokens[1:]
    builder = _Builder(md, env, path, config, problems)
    starts = [i for i, t in enumerate(body_tokens)
              if t.type == "heading_open" and t.tag == "h2" and t.level == 0]
    preamble = builder.segments(body_tokens[: starts[0] if starts else len(body_tokens)])
    items: list[AgendaItem] = []
    anchors: set[str] = set()
    numbers: dict[str, int] = {}
    for k, start in enumerate(starts):
        stop = starts[k + 1] if k + 1 < len(starts) else len(body_tokens)
        item = _item(body_tokens[start:stop], builder, path, anchors, len(items) + 1)
        if item.number:
            if item.number in numbers:
                problems.warn(path, item.line, f"item number {item.number} used twice "
                                               f"(first on line {numbers[item.number]})")
            numbers.setdefault(item.number, item.line)
        items.append(item)
    _publication_checks(text, values, items, starts, body_tokens, path, problems)
    if "body" not in values or "date" not in values or problems.errors:
        return Parsed(None, tuple(problems.items))
    meeting = _meeting(values, path, config, preamble, tuple(items), tuple(env["links"]))
    return Parsed(meeting, tuple(problems.items))


def _publication_checks(text: str, values: dict[str, Any], items: list[AgendaItem],
                        starts: list[int], tokens: list[Token], path: str,
                        problems: Problems) -> None:
    """Warnings about what would be published: missing notice facts, personal numbers."""
    if values.get("status") == "adjusted":
        line = values.get("_status_line", 1)
        if not values.get("adjusters"):
            problems.warn(path, line, "status: adjusted minutes without adjusters (justerare)")
        if not values.get("posted"):
            problems.warn(path, line, "status: adjusted minutes without a posted date "
                                      "(anslag): the appeal window cannot be shown")
    if values.get("public") is False:
        return
    hidden: list[tuple[int, int]] = []  # line ranges of confidential items, not published
    for k, item in enumerate(items):
        if item.confidential:
            stop = tokens[starts[k + 1]].map if k + 1 < len(starts) else None
            hidden.append((item.line, stop[0] + 1 if stop else 10**9))
    lines = ((n, line) for n, line in enumerate(text.split("\n"), 1)
             if not any(a <= n < b for a, b in hidden))
    check_personal_numbers(lines, path, problems)


def _item(tokens: list[Token], builder: _Builder, path: str, anchors: set[str],
          position: int) -> AgendaItem:
    head, inline = tokens[0], tokens[1]
    line = (head.map[0] + 1) if head.map else 0
    attrs: dict[str, str] = head.meta.get("attrs", {})
    heading = inline_text(inline)
    number, title = split_number(heading)
    label = number_label(heading, number)
    anchor = attrs.get("id", "")
    if anchor and not _ANCHOR.match(anchor):
        builder.problems.error(path, line, f"item anchor {anchor!r}: use letters, digits, - or _")
        anchor = ""
    if not anchor:
        anchor = f"p{number.replace('.', '-')}" if number else f"item-{position}"
    base, n = anchor, 2
    while anchor in anchors:
        anchor, n = f"{base}-{n}", n + 1
    anchors.add(anchor)
    classes = attrs.get("class", "").split()
    confidential = attrs.get("confidential", "").lower() in _TRUE or "sekretess" in classes
    if confidential:
        return AgendaItem(number=number, title=attrs.get("public_title", ""), anchor=anchor,
                          case="", line=line, label=label, confidential=True)
    case = " ".join(attrs.get("case", "").split())
    return AgendaItem(number=number, title=title, anchor=anchor, case=case, line=line,
                      label=label, segments=builder.segments(tokens[3:]))


def _meeting(values: dict[str, Any], path: str, config: SiteConfig,
             preamble: tuple[Segment, ...], items: tuple[AgendaItem, ...],
             links: tuple[tuple[str, int], ...]) -> Meeting:
    body = values["body"]
    default_title = f"{body} {values['date'].isoformat()}"
    organisation = values.get("organisation", config.organisation)
    if values.get("public") is False:  # a closed meeting: body, date and a notice, nothing else
        return Meeting(source=path, body=body, date=values["date"], title=default_title,
                       organisation=organisation, status=values.get("status", "published"),
                       public=False)
    status = values.get("status", "published")
    if status == "planned":  # a notice of a meeting: item titles only, no text yet
        items = tuple(AgendaItem(number=i.number, title=i.title, anchor=i.anchor, case=i.case,
                                 line=i.line, label=i.label, confidential=i.confidential)
                      for i in items)
        preamble = ()
    known = {k: v for k, v in values.items()
             if k not in ("body", "title", "organisation", "_status_line")}
    return Meeting(source=path, body=body, title=values.get("title") or default_title,
                   organisation=organisation, preamble=preamble, items=items, links=links,
                   **known)


def parse_page(data: bytes, path: str, config: SiteConfig,
               md: MarkdownIt | None = None) -> tuple[Page | None, tuple[ContentError, ...]]:
    """A plain page: front matter with ``title``, then Markdown."""
    problems = Problems()
    text = decode(data, path, problems)
    if text is None:
        return None, tuple(problems.items)
    md = md or make_markdown(config.raw_html)
    env: dict[str, Any] = {"source_dir": posixpath.dirname(path.removeprefix("content/"))}
    tokens = md.parse(text, env)
    title = Path(path).stem.replace("-", " ").capitalize()
    if tokens and tokens[0].type == "front_matter":
        fm = load_yaml(tokens[0].content, path, 2, problems)
        if fm and isinstance(fm.values.get("title"), str):
            title = fm.values["title"]
        tokens = tokens[1:]
    html = md.renderer.render(tokens, md.options, env)
    if md.options["html"]:
        html = sanitize(html)
    return Page(source=path, slug=Path(path).stem, title=title, html=html), tuple(problems.items)


def parse_body_info(data: bytes, path: str, config: SiteConfig,
                    md: MarkdownIt | None = None) -> tuple[BodyInfo | None,
                                                           tuple[ContentError, ...]]:
    """A body's description: front matter with ``name`` (and ``members``), then Markdown."""
    page, problems = parse_page(data, path, config, md)
    if page is None:
        return None, problems
    extra = Problems()
    text = decode(data, path, extra) or ""
    md = md or make_markdown(config.raw_html)
    tokens = md.parse(text, {})
    name = page.title
    members: tuple[Person, ...] = ()
    if tokens and tokens[0].type == "front_matter":
        fm = load_yaml(tokens[0].content, path, 2, extra)
        if fm:
            name = str(fm.values.get("name") or name)
            raw = fm.values.get("members") or []
            if isinstance(raw, list):
                members = tuple(p for p in map(parse_person, raw) if p is not None)
    return BodyInfo(source=path, slug=page.slug, name=name, html=page.html,
                    members=members), problems
