"""Small helpers to read built pages in tests without a browser."""

from __future__ import annotations

import gzip
import hashlib
import json
import re
from html.parser import HTMLParser
from pathlib import Path

_LINK = re.compile(r'(?:href|src)="([^"]*)"')
_BLOCKS = {
    "p",
    "li",
    "tr",
    "td",
    "th",
    "div",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "br",
    "dt",
    "dd",
    "caption",
    "blockquote",
    "ul",
    "ol",
    "table",
    "section",
}


def links(html: str) -> list[str]:
    """Every href and src in a page."""
    return _LINK.findall(html)


def page(site: Path, path: str) -> str:
    """The HTML of the page at URL path ``path`` ('' for the home page)."""
    return (site / path / "index.html").read_text(encoding="utf-8")


class _Texts(HTMLParser):
    def __init__(self, tag: str, cls: str | None) -> None:
        super().__init__()
        self.tag, self.cls = tag, cls
        self.depth = 0
        self.found: list[list[str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.depth and tag in _BLOCKS:
            self.found[-1].append(" ")
        if self.depth:
            if tag == self.tag:
                self.depth += 1
            return
        classes = (dict(attrs).get("class") or "").split()
        if tag == self.tag and (self.cls is None or self.cls in classes):
            self.depth = 1
            self.found.append([])

    def handle_endtag(self, tag: str) -> None:
        if self.depth and tag in _BLOCKS:
            self.found[-1].append(" ")
        if self.depth and tag == self.tag:
            self.depth -= 1

    def handle_data(self, data: str) -> None:
        if self.depth:
            self.found[-1].append(data)


def texts(html: str, tag: str, cls: str | None = None) -> list[str]:
    """The text of every ``tag`` (with class ``cls``), white space folded."""
    parser = _Texts(tag, cls)
    parser.feed(html)
    return [" ".join("".join(parts).split()) for parts in parser.found]


def output_files(root: Path) -> dict[str, object]:
    """Every file's hash; for the search indexes (Pagefind's file names and metadata differ
    from run to run), what each indexed page is found as: its URL, text and metadata."""
    found: dict[str, object] = {
        p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file() and "pagefind" not in p.parts
    }
    for fragment in sorted((root / "pagefind").rglob("*.pf_fragment")):
        data = gzip.decompress(fragment.read_bytes())
        page = json.loads(data[data.index(b"{") :])
        found[f"{fragment.parent.parent.name}: {page['url']}"] = page
    return found


def index_files(folder: Path) -> set[str]:
    """The files of one search index folder, its sub-folders aside, by kind."""
    return {
        re.sub(r"\.\w+_[0-9a-f]+\.pf_meta$", ".pf_meta", p.name)
        for p in folder.iterdir()
        if p.is_file()
    }


# what search.js loads of an index; Pagefind's ready-made interfaces and worker are left out
SEARCHED = {"pagefind-entry.json", "pagefind.js", "pagefind.pf_meta", "wasm.sv.pagefind"}
