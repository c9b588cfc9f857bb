"""The MarkdownIt factory and our plugins: heading attributes, containers, content links.

mdit-py-plugins covers front matter; ``:::`` containers are ours (containers.py). Its attrs
plugin attaches ``{...}`` to the inline element before it, not to the heading, and would
take ``String.pad{Left,Right}`` apart; the trailing-block rule the contract describes is
ours (attributes.py).
"""

from __future__ import annotations

import posixpath
import re
import secrets
from urllib.parse import unquote, urlsplit

import nh3
from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore
from markdown_it.token import Token
from mdit_py_plugins.front_matter import front_matter_plugin

from .attributes import parse_heading
from .containers import containers_plugin

LINK_PREFIX = "minutes:"  # marks a link to another content file, resolved once URLs are known
# the mark while raw HTML is sanitised: a scheme no author can write, so that the sanitiser
# drops an address a clerk wrote in the mark's own form (see _content_links)
_SANITISED_PREFIX = f"minutes-{secrets.token_hex(16)}:"

_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")


def _heading_attrs(state: StateCore) -> None:
    """Move a trailing attribute block from a heading's text to ``token.meta['attrs']``, and
    what is wrong with it to ``token.meta['attr_problems']`` (the parser reports them)."""
    tokens = state.tokens
    for i, token in enumerate(tokens):
        if token.type == "heading_open" and i + 1 < len(tokens):
            inline = tokens[i + 1]
            # a '##' inside a container or list is an error of its own (structure.py)
            found = parse_heading(inline.content, item=token.tag == "h2")
            inline.content = found.text
            if found.values:
                token.meta["attrs"] = found.values
            if found.problems:
                token.meta["attr_problems"] = found.problems


_ALIGNED = {f"text-align:{side}": side for side in ("left", "center", "right")}


def _table_alignment(state: StateCore) -> None:
    """A table column's alignment (``|--:|``) as a class of its cells, not the inline style
    markdown-it writes: the pages' Content-Security-Policy (``style-src 'self'``) blocks
    inline styles, so the alignment never showed, and the style is longer (0.5 KB a page)."""
    for token in state.tokens:
        if token.type in ("th_open", "td_open"):
            side = _ALIGNED.get(str(token.attrGet("style") or ""))
            if side is not None:
                del token.attrs["style"]
                token.attrSet("class", side)


def resolve_content_link(href: str, source_dir: str) -> str | None:
    """The content-relative target ('dir/file.md#anchor') of a relative link, or None."""
    if not href or href.startswith(("#", "/", "//")) or _SCHEME.match(href):
        return None
    parts = urlsplit(href)
    if parts.query:
        return None
    path = posixpath.normpath(posixpath.join(source_dir, unquote(parts.path)))
    if path.startswith("../") or path == ".." or not path.isprintable():
        return None  # outside content/, or a NUL or other control character: no file's name
    if not (path.endswith(".md") or path.startswith("files/")):
        return None
    return path + (f"#{parts.fragment}" if parts.fragment else "")


_HTML_ADDRESS = re.compile(r"""\b(?:href|src)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.I)


def _html_addresses(html: str) -> list[str]:
    """The href and src values in raw HTML, however quoted."""
    return [m[1] or m[2] or m[3] or "" for m in _HTML_ADDRESS.finditer(html)]


def _content_links(state: StateCore) -> None:
    """Mark links to other content files so the renderer can point them at page URLs; keep
    every address the file names, with its line, in ``env['hrefs']`` (raw HTML's too), so
    that what a secret part links to can be kept back whatever form the address has."""
    source_dir: str = state.env.get("source_dir", "")
    mark = _SANITISED_PREFIX if state.md.options["html"] else LINK_PREFIX  # see sanitize
    found: list[tuple[str, int]] = state.env.setdefault("links", [])
    hrefs: list[tuple[str, int]] = state.env.setdefault("hrefs", [])
    for block in state.tokens:
        line = (block.map[0] + 1) if block.map else 0
        if block.type == "html_block":
            hrefs += [(href, line) for href in _html_addresses(block.content)]
        if block.type != "inline" or not block.children:
            continue
        for token in block.children:
            if token.type == "html_inline":
                hrefs += [(href, line) for href in _html_addresses(token.content)]
            attr = "href" if token.type == "link_open" else "src" if token.type == "image" else ""
            if not attr:
                continue
            href = str(token.attrGet(attr) or "")
            hrefs.append((href, line))
            if href[: len(LINK_PREFIX)].lower() == LINK_PREFIX:
                del token.attrs[attr]  # the mark's own form: the renderer would point it
                continue  # at a page no fingerprint knows it shows (nor does the sanitiser)
            target = resolve_content_link(href, source_dir)
            if target is not None:
                token.attrSet(attr, mark + target)
                found.append((target, line))


def linked_file(href: str, source_dir: str, base_url: str = "") -> str | None:
    """The file under content/ an address could lead to, in any form a clerk may write it
    (relative, from the site's root, the site's own full address, with a query or fragment,
    percent-encoded), or None: what a secret part links to is kept back by this."""
    base = base_url if base_url.endswith("/") else base_url + "/"
    if base.startswith(("http://", "https://")) and href.startswith(base):
        href = "/" + href[len(base) :]
    elif _SCHEME.match(href) or href.startswith("//"):
        return None
    path = unquote(urlsplit(href).path).replace("\\", "/")
    base_path = urlsplit(base).path or "/"
    if path.startswith(base_path) and base_path != "/":  # the site's root under a sub-path
        path = "/" + path[len(base_path) :]
    if not path:
        return None
    joined = path.lstrip("/") if path.startswith("/") else posixpath.join(source_dir, path)
    normal = posixpath.normpath(joined)
    return None if normal.startswith("..") or normal == "." else normal


_ATTRIBUTES = {tag: set(attrs) for tag, attrs in nh3.ALLOWED_ATTRIBUTES.items()}
_ATTRIBUTES["*"] = {"class", "id", "lang", "title"}
_ATTRIBUTES["a"] = {"href", "hreflang"}
_ATTRIBUTES["img"] = {"src", "alt", "width", "height"}


def sanitize(html: str) -> str:
    """Raw HTML from authors, reduced to safe markup: no scripts, handlers or script URLs;
    an address a clerk wrote in the form of a content link's mark is dropped too, and the
    marks of the content links Markdown made (in a scheme of their own) are put back."""
    return nh3.clean(
        html,
        attributes=_ATTRIBUTES,
        url_schemes={"http", "https", "mailto", _SANITISED_PREFIX.rstrip(":")},
        link_rel=None,
        strip_comments=True,
    ).replace(_SANITISED_PREFIX, LINK_PREFIX)


def make_markdown(raw_html: bool = False) -> MarkdownIt:
    """A CommonMark parser with tables, front matter, our containers and attribute blocks."""
    md = MarkdownIt("commonmark", {"html": raw_html}).enable("table")
    md.use(front_matter_plugin)
    md.use(containers_plugin)  # one rule for all our container words
    md.core.ruler.after("block", "heading_attrs", _heading_attrs)
    md.core.ruler.push("content_links", _content_links)
    md.core.ruler.push("table_alignment", _table_alignment)
    return md


def inline_text(token: Token) -> str:
    """The plain text of an inline token (emphasis and code kept as their text)."""
    if not token.children:
        return token.content
    return (
        "".join(
            c.content
            for c in token.children
            if c.type in ("text", "code_inline", "html_inline") or c.type == "image"
        ).strip()
        or token.content
    )
