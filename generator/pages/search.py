"""Search's contract, declared once: what a meeting page carries for Pagefind (which element
holds the indexed text, the filters, the sort key, the metadata a result shows) and the
names the search page's script asks Pagefind for.

Templates take the markup from here through the ``search`` global (``search.head(meeting)``
in a meeting page's head, ``search.body`` on the element holding its text, ``search.ignore``
and ``search.title``), and the search page carries ``search.data``: the names as JSON,
which search.js reads. The rendered pages are checked for it (``check_page``): a theme's
meeting.html that leaves the markup out is a build error naming the template, not a search
whose filters quietly find nothing.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

from jinja2.exceptions import TemplateRuntimeError
from jinja2.utils import htmlsafe_json_dumps
from markupsafe import Markup

from ..content.digest import digest
from ..content.model import Meeting
from ..messages import Said
from ..messages.commands import Commands as M

# The search page's names (its form's fields and URL parameters) → Pagefind's filter names.
FILTERS = {"body": "body", "year": "year", "type": "type", "decisions": "decisions"}
DECIDED = "1"  # the decisions filter's value on a page with a decision
SORTS = {"date": "date"}  # the search page's orders → Pagefind's sort keys (descending)
# What a result shows → Pagefind's metadata names.
META = {
    "title": "title",
    "date": "date",
    "date_note": "date_note",
    "body": "body",
    "decisions": "decisions",  # the anchors of the items with a decision, space-separated
}
BODY = Markup("data-pagefind-body")  # on the element whose text is indexed
IGNORE = Markup("data-pagefind-ignore")  # inside it, on what is not searched
TITLE = Markup(f'data-pagefind-meta="{META["title"]}"')  # on the heading a result is titled by
DATA_ID = "search-contract"  # the search page's JSON of these names, for search.js


@functools.cache
def contract_digest() -> str:
    """A digest of this module's code, part of every page's fingerprint: the markup is made
    here, not in the theme's templates, so pages marked up by other code (before an upgrade)
    must be rendered again, or they would not match the search page's script."""
    try:
        return digest(Path(__file__).read_bytes())
    except OSError:  # pragma: no cover - installed without sources
        return digest(repr(client()).encode())


def tags(meeting: Meeting) -> tuple[tuple[str, str, str], ...]:
    """(kind, name, value) of each ``<meta data-pagefind-KIND="NAME[content]">`` of a
    meeting's page."""
    day = meeting.date.isoformat()
    found = [
        ("filter", FILTERS["body"], meeting.body),
        ("filter", FILTERS["year"], str(meeting.year)),
    ]
    if meeting.type:
        found.append(("filter", FILTERS["type"], meeting.type))
    found += [("meta", META["date"], day), ("meta", META["body"], meeting.body)]
    found.append(("sort", SORTS["date"], day))
    if meeting.date_note:
        found.append(("meta", META["date_note"], meeting.date_note))
    if meeting.decision_anchors:
        found.append(("filter", FILTERS["decisions"], DECIDED))
        found.append(("meta", META["decisions"], " ".join(meeting.decision_anchors)))
    return tuple(found)


def head(meeting: Meeting) -> Markup:
    """The ``<meta>`` elements Pagefind reads in a meeting page's head, one a line."""
    return Markup("").join(
        Markup('<meta data-pagefind-{}="{}[content]" content="{}">\n').format(kind, name, value)
        for kind, name, value in tags(meeting)
    )


def client() -> dict[str, Any]:
    """What search.js needs to know of the contract."""
    return {"filters": FILTERS, "decided": DECIDED, "sorts": SORTS, "meta": META}


def data() -> Markup:
    """The search page's JSON of the names (a script element that runs nothing: the page's
    Content-Security-Policy allows it)."""
    return Markup('<script type="application/json" id="{}">{}</script>').format(
        DATA_ID, htmlsafe_json_dumps(client())
    )


class Markers:
    """The ``search`` global of templates."""

    body = BODY
    ignore = IGNORE
    title = TITLE

    @staticmethod
    def head(meeting: Meeting) -> Markup:
        """``head(meeting)``, for a meeting page's head block."""
        return head(meeting)

    @property
    def data(self) -> Markup:
        """``data()``, for the search page."""
        return data()


MARKERS = Markers()


class MissingSearchMarkup(TemplateRuntimeError):
    """A page a theme's template made lacks what search needs; ``filename`` is the template
    file (the site's own theme's, or the default)."""

    def __init__(self, said: Said, filename: str) -> None:
        super().__init__(str(said))
        self.said = said
        self.filename = filename

    def __reduce__(self) -> tuple[Any, ...]:  # raised in a worker, told in the main process
        return type(self), (self.said, self.filename)


def check_meeting_page(filename: str, html: str, meeting: Meeting) -> None:
    """Raise MissingSearchMarkup if a rendered meeting page lacks the contract's markup."""
    if str(head(meeting)) not in html:
        raise MissingSearchMarkup(M.SEARCH_HEAD_MISSING(), filename)
    if BODY not in html:
        raise MissingSearchMarkup(M.SEARCH_BODY_MISSING(), filename)


def check_search_page(filename: str, html: str) -> None:
    """Raise MissingSearchMarkup if the rendered search page lacks the contract's data."""
    if data() not in html:
        raise MissingSearchMarkup(M.SEARCH_DATA_MISSING(), filename)
