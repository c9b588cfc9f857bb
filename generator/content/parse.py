"""One content file → one Meeting (or Page), with every problem found in it.

A pure function of the file's bytes and the site's settings, so that files can be parsed in
worker processes and cached by content hash.
"""

from __future__ import annotations

import datetime as dt
import functools
import html as html_lib
import posixpath
import re
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any
from urllib.parse import unquote

from markdown_it import MarkdownIt
from markdown_it.token import Token

from ..messages.text import Text as M
from .attributes import is_confidential
from .checks import check_personal_numbers, unshowable
from .config import SiteConfig
from .containers import CLOSE, OPEN, container_role
from .dates import check_dates
from .digest import Digest
from .errors import ContentError, Problems
from .frontmatter import (
    BODY_FIELDS,
    PAGE_FIELDS,
    FrontMatter,
    check_fields,
    load_yaml,
    misspelt_key,
    not_personal_numbers,
    people,
    unpublishing_key,
)
from .markdown import inline_text, make_markdown, sanitize
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
from .people import Cast, PersonKey, Presence, attendance, check_present_and_absent, check_votes
from .secrecy import (
    check_secret_links,
    reference_definitions,
    secret_lines,
    withheld_files,
)
from .structure import check_structure, decision_heading, is_vote_fence
from .votes import read_vote

_NUMBER_FORMS = (
    re.compile(r"^§\s*(?P<n>\d+[a-z]?)(?:\s+|$)(?P<t>.*)$", re.S),
    # sub-numbers are digits, roman numerals or one letter: '4.Budget' is no number (a
    # confidential item's would publish a word of its title)
    re.compile(
        r"^(?P<n>\d+(?:\.(?:\d+|[ivxlcdm]+|[IVXLCDM]+|[a-zA-Z]))+)\.?(?:\s+|$)(?P<t>.*)$", re.S
    ),
    re.compile(r"^(?P<n>\d+)\.(?:\s+|$)(?P<t>.*)$", re.S),
)
_ANCHOR = re.compile(r"^[A-Za-z][\w:.-]*$")
_TAG = re.compile(r"<[^>]+>")
_ATTRIBUTE_VALUE = re.compile(r'="([^"]*)"')
_DECISION_TAGS = ("h3", "h4", "h5", "h6")  # a decision heading is of level 3 to 6
ACROSS_KEYS = ("status", "announced")  # keys whose lines checks across files name


@dataclass(frozen=True)  # no slots: slotted dataclasses pickle several times slower
class Parsed:
    """What parsing one file gives: the meeting (if usable) and the problems found."""

    meeting: Meeting | None
    problems: tuple[ContentError, ...]
    outline_digest: str = ""  # of what other pages show of the meeting (see Meeting.outline)
    cast: Cast | None = None  # who the meeting (as the build keeps it) names (see Cast)


# the modules whose code decides what a parse holds and which problems it finds
_PARSER_MODULES = (
    "attributes",
    "checks",
    "containers",
    "dates",
    "errors",
    "frontmatter",
    "law",
    "markdown",
    "model",
    "parse",
    "people",
    "secrecy",
    "spelling",
    "structure",
    "votes",
)


@functools.cache
def parser_digest() -> str:
    """A digest of the parser's own code, for the keys of cached parses: a parse made by
    other code (an older version, a fix in between) must not be reused, or a file unchanged
    since then would keep what that code let through (text under a broken secrecy mark)."""
    digest = Digest()
    folder = Path(__file__).resolve().parent
    for name in _PARSER_MODULES:
        try:
            digest.update((folder / f"{name}.py").read_bytes())
        except OSError:  # pragma: no cover - installed without sources
            digest.update(name.encode())
    return digest.hexdigest()


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
        problems.error(path, line, M.NOT_UTF8())
        return None
    if "\x00" in text:
        problems.error(path, text[: text.index("\x00")].count("\n") + 1, M.NUL_BYTE())
        return None
    hidden = unshowable(text)
    if hidden:  # no page, feed or calendar can hold one (XML refuses it)
        problems.error(
            path,
            text[: text.index(hidden)].count("\n") + 1,
            M.CONTROL_CHARACTER(code=f"{ord(hidden):04X}"),
        )
        return None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _ends_section(tok: Token, level: int) -> bool:
    """A decision section ends at a heading of its level or higher, or at a record or vote."""
    if tok.level != 0:
        return False
    if tok.type == "heading_open":
        return int(tok.tag[1]) <= level
    return tok.type == OPEN or is_vote_fence(tok)


class _Builder:
    """Walks one file's tokens; a class only to keep the per-file state together."""

    def __init__(
        self, md: MarkdownIt, env: dict[str, Any], path: str, config: SiteConfig, problems: Problems
    ) -> None:
        self.md = md
        self.env = env
        self.path = path
        self.shown = {" ".join(w.split()).casefold(): w for w in config.decision_words}
        self.words = set(self.shown)
        self.problems = problems
        self.record_lines: dict[int, int] = {}  # id of a record → the line it opens on
        self.ballot_lines: dict[int, tuple[int, ...]] = {}  # id of a vote → its ballots' lines
        # a confidential item's segments by its position: read for the checks of who may
        # vote, never kept in the item (nothing of its text reaches the meeting)
        self.hidden: dict[int, tuple[Segment, ...]] = {}

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
            role = container_role(tok.info) if tok.type == OPEN and tok.level == 0 else ""
            if role:  # an unknown word is an error (structure.py); its text stays a run
                close = self._matching_close(tokens, i)
                flush()
                body = self.render(tokens[i + 1 : close])
                if role == "decision":
                    out.append(Decision(html=body, text=plain_text(body)))
                else:
                    parts = tok.info.strip().split(maxsplit=1)
                    who = parts[1].strip() if len(parts) > 1 else ""
                    record = Record(role=role, who=who, html=body)  # type: ignore[arg-type]
                    self.record_lines[id(record)] = (tok.map[0] + 1) if tok.map else 1
                    out.append(record)
                i = close + 1
                continue
            if tok.level == 0 and is_vote_fence(tok):
                flush()
                vote, lines = read_vote(
                    tok.content, (tok.map[0] + 1) if tok.map else 1, self.path, self.problems
                )
                if vote is not None:
                    self.ballot_lines[id(vote)] = lines
                    out.append(vote)
                i += 1
                continue
            if tok.level == 0 and tok.type == "heading_open" and tok.tag in _DECISION_TAGS:
                heading = inline_text(tokens[i + 1])
                kind, word = decision_heading(heading, self.words)
                if kind == "decision":
                    flush()
                    level = int(tok.tag[1])
                    end = i + 3
                    while end < len(tokens) and not _ends_section(tokens[end], level):
                        end += 1
                    body = self.render(tokens[i + 3 : end])
                    out.append(
                        Decision(html=body, text=plain_text(body), heading=heading, level=level)
                    )
                    i = end
                    continue
                if kind == "more":
                    line = (tok.map[0] + 1) if tok.map else 1
                    shown = self.shown.get(word, word)
                    self.problems.warn(
                        self.path, line, M.DECISION_HEADING_SAYS_MORE(heading=heading, word=shown)
                    )
            run.append(tok)
            i += 1
        flush()
        return tuple(out)

    @staticmethod
    def _matching_close(tokens: list[Token], start: int) -> int:
        for j in range(start + 1, len(tokens)):
            if tokens[j].type == CLOSE and tokens[j].level == tokens[start].level:
                return j
        return len(tokens) - 1


def _front_matter(
    tokens: list[Token], path: str, config: SiteConfig, problems: Problems
) -> tuple[FrontMatter, dict[str, Any]] | None:
    if not tokens or tokens[0].type != "front_matter":
        first = tokens[0] if tokens else None
        if first is not None and first.type == "hr" and set(first.markup) == {"-"}:
            problems.error(path, 1, M.FRONT_MATTER_NOT_CLOSED())  # an opening '---' alone
        else:
            problems.error(path, 1, M.NO_FRONT_MATTER())
        return None
    fm = load_yaml(tokens[0].content, path, 2, problems)
    if fm is None:
        return None
    values = check_fields(fm, path, config.extra_keys, problems)
    return fm, values


def _check_attachments(
    values: dict[str, Any], config: SiteConfig, path: str, line: int, problems: Problems
) -> None:
    content = config.content_dir.resolve()
    for att in values.get("attachments", ()):
        if not att.file:
            continue
        normal = posixpath.normpath(att.file)
        try:
            target = (config.content_dir / att.file).resolve()
            outside = normal.startswith("..") or not target.is_relative_to(content)
            missing = not target.is_file()
        except (OSError, ValueError):  # a name too long for the file system, say
            problems.error(path, line, M.ATTACHMENT_NAME_IMPOSSIBLE(file=att.file))
            continue
        if att.file.startswith("/") or outside:
            problems.error(path, line, M.ATTACHMENT_OUTSIDE_CONTENT(file=att.file))
        elif missing:
            problems.error(path, line, M.ATTACHMENT_MISSING(file=att.file))


def parse_meeting(
    data: bytes, path: str, config: SiteConfig, md: MarkdownIt | None = None
) -> Parsed:
    """Parse a meeting file; ``path`` is relative to the site root (content/...)."""
    problems = Problems()
    text = decode(data, path, problems)
    if text is None:
        return Parsed(None, tuple(problems.items))
    md = md or make_markdown(config.raw_html)
    rel = path.removeprefix("content/")
    env: dict[str, Any] = {"source_dir": posixpath.dirname(rel), "links": []}
    tokens = md.parse(text, env)
    front = _front_matter(tokens, path, config, problems)
    if front is None:
        return Parsed(None, tuple(problems.items))
    fm, values = front
    fm_lines = tokens[0].map or [0, 0]
    _check_attachments(values, config, path, fm_lines[0] + 1, problems)
    body_tokens = tokens[1:]
    builder = _Builder(md, env, path, config, problems)
    check_structure(body_tokens, path, builder.words, problems)
    starts = [
        i
        for i, t in enumerate(body_tokens)
        if t.type == "heading_open" and t.tag == "h2" and t.level == 0
    ]
    preamble = builder.segments(body_tokens[: starts[0] if starts else len(body_tokens)])
    items: list[AgendaItem] = []
    anchors: set[str] = set()
    numbers: dict[str, int] = {}
    for k, start in enumerate(starts):
        stop = starts[k + 1] if k + 1 < len(starts) else len(body_tokens)
        item = _item(body_tokens[start:stop], builder, path, anchors, len(items) + 1)
        if item.number:
            if item.number in numbers:
                problems.warn(
                    path,
                    item.line,
                    M.ITEM_NUMBER_TWICE(number=item.number, first=numbers[item.number]),
                )
            numbers.setdefault(item.number, item.line)
        items.append(item)
    check_present_and_absent(
        values.get("attendees", ()),
        values.get("absent", ()),
        fm.entries.get("absent", ()),
        path,
        problems,
    )
    if items:  # no items: nothing to be present at, or vote in
        presence: dict[PersonKey, Presence] = {}
        if "attendees" in values:
            values["attendees"], presence = attendance(
                values["attendees"], fm.entries.get("attendees", ()), items, path, problems
            )
        checked = [  # a confidential item's votes are checked too, and then dropped
            replace(item, segments=builder.hidden[n]) if n in builder.hidden else item
            for n, item in enumerate(items, 1)
        ]
        check_votes(
            checked,
            builder.ballot_lines,
            builder.record_lines,
            presence,
            values.get("absent", ()),
            path,
            problems,
        )
    check_dates(values, fm.lines, items, config.notice_place, path, problems)
    closed = values.get("public") is False
    secret = secret_lines(closed, items, starts, body_tokens)
    links = tuple(link for link in env["links"] if not any(a <= link[1] < b for a, b in secret))
    definitions = reference_definitions(text)
    attached = values.get("attachments", ()) if closed else ()
    withheld = withheld_files(env, definitions, secret, attached, config.base_url)
    if secret:
        shown = {item.anchor for item in items}
        check_secret_links(definitions, env, body_tokens, starts, secret, shown, path, problems)
    _publication_checks(text, fm, values, items, preamble, secret, config, path, problems)
    if "body" not in values or "date" not in values or problems.errors:
        return Parsed(None, tuple(problems.items))
    values["lines"] = tuple((k, fm.lines[k]) for k in ACROSS_KEYS if k in fm.lines)
    meeting = _meeting(values, path, config, preamble, tuple(items), links, tuple(withheld))
    return Parsed(meeting, tuple(problems.items))


def _publication_checks(
    text: str,
    fm: FrontMatter,
    values: dict[str, Any],
    items: list[AgendaItem],
    preamble: tuple[Segment, ...],
    secret: list[tuple[int, int]],
    config: SiteConfig,
    path: str,
    problems: Problems,
) -> None:
    """What would be published: missing notice facts (warnings), personal identity numbers
    (errors) in every published text: the lines as written, the front matter's values and
    the text as rendered (where escapes or entities can hide a number from the lines)."""
    if values.get("status") == "adjusted":
        line = fm.lines.get("status", 1)
        if not values.get("adjusters"):
            problems.warn(path, line, M.ADJUSTED_WITHOUT_ADJUSTERS())
        if not values.get("posted"):
            problems.warn(path, line, M.ADJUSTED_WITHOUT_POSTED())
    closed = values.get("public") is False
    listing = _lines_of(fm, "not_personal_numbers")  # the exceptions are not published
    lines = [
        (n, line)
        for n, line in enumerate(text.split("\n"), 1)
        if not any(a <= n < b for a, b in secret) and n not in listing
    ]
    shown = [
        (fm.lines[key], value_text)
        for key, value in fm.values.items()
        if key != "not_personal_numbers" and (not closed or key in ("body", "organisation"))
        for value_text in texts_of(value)
    ]
    if not closed:
        for item in items:
            shown += [(item.line, t) for t in (item.title, item.osl, item.case)]
            shown += [(item.line, t) for seg in item.segments for t in segment_texts(seg)]
        shown += [(1, t) for seg in preamble for t in segment_texts(seg)]
    check_personal_numbers(
        lines,
        path,
        problems,
        values.get("not_personal_numbers", ()),
        also=shown,
        allowed_line=fm.lines.get("not_personal_numbers", 1),
    )


def _lines_of(fm: FrontMatter, key: str) -> set[int]:
    """The lines a front matter key's value is written on (its own, and its list's)."""
    if key not in fm.lines:
        return set()
    return {fm.lines[key], *(line for line, _ in fm.entries.get(key, ()))}


def published_text(html: str) -> str:
    """What an HTML fragment shows a reader: its text, tags dropped without a space
    ('<strong>811218</strong>-9876' reads as one number), then the values of its attributes
    (a link's address and title, an image's alternative text), entities and percent escapes
    decoded, each on its own."""
    text = html_lib.unescape(_TAG.sub("", html))
    if '="' not in html:
        return text
    values = (v for tag in _TAG.findall(html) for v in _ATTRIBUTE_VALUE.findall(tag))
    return "\x1f".join([text, *(unquote(html_lib.unescape(v)) for v in values)])


def segment_texts(segment: Segment) -> list[str]:
    """The published text of one segment of an item, as a reader sees it."""
    if isinstance(segment, Vote):
        return [
            segment.question,
            *(f"{k} {v}" for k, v in segment.options),
            *(f"{k} {v}" for k, v in segment.ballots),
        ]
    shown = published_text(segment.html)
    return [segment.who, shown] if isinstance(segment, Record) else [shown]


def texts_of(value: object) -> list[str]:
    """Every piece of text in a front matter value (lists and mappings included)."""
    if isinstance(value, dict):
        return [t for k, v in value.items() for t in (*texts_of(k), *texts_of(v))]
    if isinstance(value, list):
        return [t for v in value for t in texts_of(v)]
    return [value] if isinstance(value, str) else [str(value)] if isinstance(value, int) else []


def _item(
    tokens: list[Token], builder: _Builder, path: str, anchors: set[str], position: int
) -> AgendaItem:
    head, inline = tokens[0], tokens[1]
    line = (head.map[0] + 1) if head.map else 0
    attrs: dict[str, str] = head.meta.get("attrs", {})
    heading = inline_text(inline)
    number, title = split_number(heading)
    label = number_label(heading, number)
    confidential = is_confidential(attrs)
    anchor = "" if confidential else attrs.get("id", "")  # its own id could say what it is
    if anchor and not _ANCHOR.match(anchor):
        builder.problems.error(path, line, M.ITEM_ANCHOR_FORM(anchor=anchor))
        anchor = ""
    if not anchor:
        anchor = f"p{number.replace('.', '-')}" if number else f"item-{position}"
    base, n = anchor, 2
    while anchor in anchors:
        anchor, n = f"{base}-{n}", n + 1
    anchors.add(anchor)
    if confidential:
        builder.hidden[position] = builder.segments(tokens[3:])
        return AgendaItem(
            number=number,
            title=attrs.get("public_title", ""),
            anchor=anchor,
            case="",
            line=line,
            label=label,
            confidential=True,
            osl=" ".join(attrs.get("osl", "").split()),
            adjusted=_day(attrs.get("adjusted")),
            posted=_day(attrs.get("posted")),
        )
    case = " ".join(attrs.get("case", "").split())
    return AgendaItem(
        number=number,
        title=title,
        anchor=anchor,
        case=case,
        line=line,
        label=label,
        segments=builder.segments(tokens[3:]),
        adjusted=_day(attrs.get("adjusted")),
        posted=_day(attrs.get("posted")),
    )


def _day(text: str | None) -> dt.date | None:
    """An attribute's date (checked by the attribute block's reader; None if it failed)."""
    try:
        return dt.date.fromisoformat(text) if text else None
    except ValueError:
        return None


def _meeting(
    values: dict[str, Any],
    path: str,
    config: SiteConfig,
    preamble: tuple[Segment, ...],
    items: tuple[AgendaItem, ...],
    links: tuple[tuple[str, int], ...],
    withheld: tuple[str, ...],
) -> Meeting:
    body = values["body"]
    default_title = f"{body} {values['date'].isoformat()}"
    organisation = values.get("organisation", config.organisation)
    if values.get("public") is False:  # a closed meeting: body, date and a notice, nothing else
        return Meeting(
            source=path,
            body=body,
            date=values["date"],
            title=default_title,
            organisation=organisation,
            status=values.get("status", "published"),
            public=False,
            withheld=withheld,
        )
    status = values.get("status", "published")
    if status == "planned":  # a notice of a meeting: item titles only, no text yet
        items = tuple(
            AgendaItem(
                number=i.number,
                title=i.title,
                anchor=i.anchor,
                case=i.case,
                line=i.line,
                label=i.label,
                confidential=i.confidential,
                osl=i.osl,
            )
            for i in items
        )
        preamble = ()
    known = {
        k: v
        for k, v in values.items()
        if k not in ("body", "title", "organisation", "not_personal_numbers")
    }
    return Meeting(
        source=path,
        body=body,
        title=values.get("title") or default_title,
        organisation=organisation,
        preamble=preamble,
        items=items,
        links=links,
        withheld=withheld,
        **known,
    )


PAGE_KEYS = tuple(PAGE_FIELDS)
BODY_KEYS = tuple(BODY_FIELDS)


def _plain_file(
    data: bytes,
    path: str,
    config: SiteConfig,
    md: MarkdownIt | None,
    known: tuple[str, ...],
    problems: Problems,
) -> tuple[str, FrontMatter, tuple[tuple[str, int], ...]] | None:
    """A page's or body's text → (html, front matter, its links to content files), with its
    problems: keys it does not know, attribute blocks, personal identity numbers in what it
    publishes."""
    text = decode(data, path, problems)
    if text is None:
        return None
    md = md or make_markdown(config.raw_html)
    env: dict[str, Any] = {
        "source_dir": posixpath.dirname(path.removeprefix("content/")),
        "links": [],
    }
    tokens = md.parse(text, env)
    fm = FrontMatter({}, {})
    if tokens and tokens[0].type == "front_matter":
        fm = load_yaml(tokens[0].content, path, 2, problems) or fm
        tokens = tokens[1:]
    for key, line in fm.lines.items():
        if key in known:
            continue
        if unpublishing_key(key) or misspelt_key(key, ("public", "status")):
            problems.error(path, line, M.PAGE_KEY_PUBLISHES_ANYWAY(key=key))
            continue
        guess = misspelt_key(key, known)
        if guess is not None:
            problems.error(path, line, M.PAGE_KEY_MISSPELT(key=key, guess=guess))
        else:
            problems.warn(path, line, M.PAGE_KEY_UNKNOWN(key=key, known=", ".join(known)))
    for tok in tokens:
        if tok.type != "heading_open":
            continue
        line = (tok.map[0] + 1) if tok.map else 1
        for message in tok.meta.get("attr_problems", ()):
            problems.error(path, line, message)
        if set(tok.meta.get("attrs", {})) - {"id"}:
            problems.error(path, line, M.PAGE_HEADING_ATTRIBUTES())
    html = md.renderer.render(tokens, md.options, env)
    if md.options["html"]:
        html = sanitize(html)
    allowed: tuple[str, ...] = ()
    if "not_personal_numbers" in fm.values:
        allowed = not_personal_numbers(
            fm.values["not_personal_numbers"], fm.lines["not_personal_numbers"], path, problems
        )
    shown = [
        (fm.lines[k], t)
        for k, v in fm.values.items()
        if k != "not_personal_numbers"
        for t in texts_of(v)
    ]
    listing = _lines_of(fm, "not_personal_numbers")
    check_personal_numbers(
        ((n, line) for n, line in enumerate(text.split("\n"), 1) if n not in listing),
        path,
        problems,
        allowed,
        also=[*shown, (1, published_text(html))],
        allowed_line=fm.lines.get("not_personal_numbers", 1),
    )
    return html, fm, tuple(env["links"])


def parse_page(
    data: bytes, path: str, config: SiteConfig, md: MarkdownIt | None = None
) -> tuple[Page | None, tuple[ContentError, ...]]:
    """A plain page: front matter with ``title``, then Markdown."""
    problems = Problems()
    read = _plain_file(data, path, config, md, PAGE_KEYS, problems)
    if read is None:
        return None, tuple(problems.items)
    html, fm, links = read
    title = Path(path).stem.replace("-", " ").capitalize()
    if "title" in fm.values:
        if isinstance(fm.values["title"], str) and fm.values["title"].strip():
            title = fm.values["title"].strip()
        else:
            problems.error(path, fm.lines["title"], M.PAGE_TITLE_NOT_TEXT())
    page = Page(source=path, slug=Path(path).stem, title=title, html=html, links=links)
    return page, tuple(problems.items)


def parse_body_info(
    data: bytes, path: str, config: SiteConfig, md: MarkdownIt | None = None
) -> tuple[BodyInfo | None, tuple[ContentError, ...]]:
    """A body's description: front matter with ``name`` (and ``members``), then Markdown."""
    problems = Problems()
    read = _plain_file(data, path, config, md, BODY_KEYS, problems)
    if read is None:
        return None, tuple(problems.items)
    html, fm, links = read
    slug = Path(path).stem
    name = slug.replace("-", " ").capitalize()
    if "name" in fm.values:
        if isinstance(fm.values["name"], str) and fm.values["name"].strip():
            name = fm.values["name"].strip()
        else:
            problems.error(path, fm.lines["name"], M.BODY_NAME_NOT_TEXT())
    announce = fm.values.get("announce", False)
    if not isinstance(announce, bool):
        problems.error(path, fm.lines["announce"], M.BODY_ANNOUNCE_NOT_YES_OR_NO())
        announce = False
    members: tuple[Person, ...] = ()
    if fm.values.get("members") is not None:
        found = people(
            "members", fm.values["members"], fm.entries.get("members", ()), path, problems
        )
        members = found or ()
    info = BodyInfo(
        source=path,
        slug=slug,
        name=name,
        html=html,
        members=members,
        links=links,
        announce=announce,
    )
    return info, tuple(problems.items)
