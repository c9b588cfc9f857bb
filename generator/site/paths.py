"""Every output path of a site, decided here and claimed once.

The functions name where each kind of output lives (meetings, bodies, years, decisions,
cases, plain pages, feeds, calendars, open data files, the theme's files, attachments, the
search indexes, the output marker). ``Claims`` is the book a build enters each output file
in: a second claim on a file, a file where another claim needs a folder (``feed.xml`` and a
page at ``feed.xml/``) or a file in a folder another part of the site owns (``static/``,
``pagefind/``, ``oparl/``, ``files/``) is a located error naming both claimants, never a
file silently written twice.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Protocol

from ..content.errors import Problems
from ..content.people import PersonKey
from ..messages import Said
from ..messages.names import Names
from ..messages.text import Text as M
from .partitions import INDEX_ROOT
from .urls import EXTRACT, slug, unique

MARKER = ".minutes-output"  # the file every output holds (build/outfolder.py writes it)
STATIC = "static"  # the theme's CSS, scripts and images
FILES = "files"  # content/files/ as it is
OPARL = "oparl"  # the open data export
NOT_FOUND = "404.html"
SITEMAP = "sitemap.xml"
ROBOTS = "robots.txt"
HOME = ""
RESERVED = (STATIC, FILES, OPARL, INDEX_ROOT)  # top-level folders no body may take
_DATE_PREFIX = re.compile(r"^\d{4}-\d{2}-\d{2}")


def output_file(page_path: str) -> str:
    """The file a page is written to: 'rs/2020-05-26/' → 'rs/2020-05-26/index.html'."""
    return page_path + "index.html" if page_path.endswith("/") or not page_path else page_path


def body_paths(
    keys: Iterable[tuple[str, str]], taken: Collection[str]
) -> dict[tuple[str, str], str]:
    """(organisation or '', body name) → the body's folder ('org/body', no final '/'): its
    slug, told apart from the sections', the reserved folders' and other bodies' by a
    number ('region-halland-2'); an organisation's folder is told apart from the sections'
    and the reserved folders' too."""
    fixed = set(taken) | set(RESERVED)
    used = set(fixed)
    out: dict[tuple[str, str], str] = {}
    for org, name in sorted(keys, key=lambda k: (slug(k[0]), slug(k[1]), k)):
        prefix = f"{unique(slug(org), set(fixed))}/" if org else ""
        out[(org, name)] = unique(prefix + slug(name), used)
    return out


def meeting_paths(
    keys: Iterable[tuple[str, str, str]], closed: Collection[str] = ()
) -> dict[str, str]:
    """(source, body folder, ISO date) → source: 'body/date/' paths, each distinct.

    The first document of a body on a date (in file-name order) gets the plain date; later
    ones are told apart by their file names ('2020-05-26-2.md' → '2020-05-26-2/'), except a
    closed meeting's (``closed``), whose file name may say what it is about: a number.
    """
    taken: set[str] = set()  # folders, without their final '/'
    out: dict[str, str] = {}
    for source, body_path, day in sorted(
        keys, key=lambda k: (k[1], k[2], PurePosixPath(k[0]).stem, k[0])
    ):
        plain = f"{body_path}/{day}"
        if plain not in taken:
            name = plain
        elif source in closed:
            n = 2
            while f"{plain}-{n}" in taken:
                n += 1
            name = f"{plain}-{n}"
        else:
            stem = slug(PurePosixPath(source).stem)
            own = f"{body_path}/{stem if _DATE_PREFIX.match(stem) else f'{day}-{stem}'}"
            name = unique(own, taken)
        taken.add(name)
        out[source] = name + "/"
    return out


def page_path(page_slug: str) -> str:
    """A plain page: content/pages/om.md → 'om/'."""
    return f"{page_slug}/"


def section_path(section: dict[str, str], name: str) -> str:
    """A section's own page: 'beslut/', 'arkiv/', 'sok/' (the words follow the language)."""
    return f"{section[name]}/"


def year_path(section: dict[str, str], year: int) -> str:
    """A year of the archive."""
    return f"{section['archive']}/{year}/"


def decisions_path(section: dict[str, str], year: int, number: int) -> str:
    """Page ``number`` (from 1) of a year's decisions."""
    return f"{section['decisions']}/{year}/" + (f"{number}/" if number > 1 else "")


def case_paths(cases: Iterable[tuple[str, str]], section: dict[str, str]) -> dict[str, str]:
    """(case number, its slug), in the order to number alike slugs in → the case's page."""
    taken: set[str] = set()
    return {case: f"{section['cases']}/{unique(key, taken)}/" for case, key in cases}


def person_slugs(bases: Mapping[PersonKey, str]) -> dict[PersonKey, str]:
    """People → slugs of what they are called by (``bases``: the name, or the name and
    party where two people share a name), distinct: people whose bases slug alike
    ('Åsa Öberg', 'Asa Oberg') are numbered in that order ('asa-oberg', 'asa-oberg-2'), so
    a slug changes only when a person named like it comes or goes."""
    groups: dict[str, list[tuple[str, PersonKey]]] = defaultdict(list)
    for key, base in bases.items():
        groups[slug(base)].append((base, key))
    taken = set(groups)
    slugs: dict[PersonKey, str] = {}
    for key_slug, alike in sorted(groups.items()):
        alike.sort()
        slugs[alike[0][1]] = key_slug
        for _, key in alike[1:]:
            slugs[key] = unique(key_slug, taken)
    return slugs


def person_path(section: Mapping[str, str], person_slug: str) -> str:
    """A person's page: 'personer/eva-hellstrand/'."""
    return f"{section['people']}/{person_slug}/"


def extract_anchor(language: str, anchor: str) -> str:
    """The fragment of an item's extract on its meeting's page: 'utdrag-p89'. No file: the
    page shows (and prints) only the item its URL names."""
    return f"{EXTRACT[language]}-{anchor}"


def feed_path(folder: str = "") -> str:
    """The Atom feed of a body's folder ('kommunstyrelsen/'), or of the site."""
    return f"{folder}feed.xml"


def calendar_path(folder: str = "") -> str:
    """The iCalendar file of a body's folder, or of the site."""
    return f"{folder}calendar.ics"


def distinct_keys(names: Iterable[str]) -> dict[str, str]:
    """Names → slugs, distinct: a name whose slug no other name shares keeps it; names that
    slug alike ('Åsa Öberg (S)', 'Asa Oberg (M)') are numbered in name order ('asa-oberg',
    'asa-oberg-2'), so an id changes only when a name like it comes or goes."""
    groups: dict[str, list[str]] = defaultdict(list)
    for name in sorted(set(names)):
        groups[slug(name)].append(name)
    taken = set(groups)
    keys: dict[str, str] = {}
    for key, alike in sorted(groups.items()):
        keys[alike[0]] = key
        for name in alike[1:]:
            keys[name] = unique(key, taken)
    return keys


def oparl_system() -> str:
    """The open data entry point."""
    return f"{OPARL}/system.json"


def oparl_bodies() -> str:
    """The list of OParl Bodies (organisations)."""
    return f"{OPARL}/bodies.json"


def oparl_body(key: str) -> str:
    """An organisation's OParl Body."""
    return f"{OPARL}/body/{key}.json"


def oparl_list(key: str, kind: str, part: str = "") -> str:
    """A page of an organisation's list of ``kind`` ('organizations', 'meetings', 'people',
    'papers'); ``part`` names the page of a list paged by year or initial ('2020', 'a')."""
    return f"{OPARL}/body/{key}/{kind}" + (f"-{part}" if part else "") + ".json"


def oparl_fragment(page: str) -> str:
    """A page's path as the fragment of its object's id in a list page: 'org/rs/2020-05-26/'
    → 'org--rs--2020-05-26' (slugs never hold '--')."""
    return page.strip("/").replace("/", "--")


def initial(key: str) -> str:
    """The page of a list paged by initial that holds ``key`` (a slug): its first letter,
    or '0' for a digit. A person's or paper's page never depends on anyone else's."""
    first = key[:1]
    return first if "a" <= first <= "z" else "0"


@dataclass(frozen=True, slots=True)
class Claimant:
    """Who claims an output path, as a collision names it.

    ``movable`` says which content file gives way when two claims collide: a plain page
    ('page') or an attachment ('attachment'), which the clerk can rename; '' for what the
    build makes (its URL is the site's)."""

    what: Said  # in plain words: "the site-wide Atom feed", "the page content/pages/om.md"
    url: str  # as a reader would type it: '/feed.xml', '/om/'
    source: str = ""  # the content file it comes from, if any
    line: int = 0
    movable: str = ""


class Claim(Protocol):
    """Anything that claims an output path: a page job, an attachment, a reserved folder.
    It is described only when it collides (a site has many thousands of claims)."""

    @property
    def group(self) -> str:
        """Claims of one group may share a folder that group reserved ('oparl')."""
        ...

    def claimant(self) -> Claimant:
        """Who it is, for the message."""
        ...


@dataclass(frozen=True, slots=True)
class Reserved:
    """A folder one part of the site owns whole, or a file the build writes itself."""

    who: Claimant
    group: str

    def claimant(self) -> Claimant:
        """Who it is."""
        return self.who


def reserved(open_data: bool) -> list[tuple[str, Reserved]]:
    """The folders and files a build writes besides its pages: (path, claim)."""
    found = [
        (MARKER, Reserved(Claimant(Names.OUTPUT_MARKER(), f"/{MARKER}"), "build")),
        (STATIC, Reserved(Claimant(Names.THEME_FILES(), f"/{STATIC}/"), "theme")),
        (INDEX_ROOT, Reserved(Claimant(Names.SEARCH_INDEX(), f"/{INDEX_ROOT}/"), "search")),
        (FILES, Reserved(Claimant(Names.ATTACHMENTS_FOLDER(), f"/{FILES}/"), "attachments")),
    ]
    if open_data:
        found.append((OPARL, Reserved(Claimant(Names.OPEN_DATA(), f"/{OPARL}/"), OPARL)))
    return found


class Claims:
    """The output paths of one build, each claimed once; collisions go to ``problems``."""

    def __init__(self, problems: Problems) -> None:
        self.problems = problems
        self.files: dict[str, Claim] = {}
        self._folders: dict[str, str] = {}  # a folder → a file claimed under it
        self._owners: dict[str, Claim] = {}  # a reserved top-level folder → its owner

    def reserve(self, folder: str, claim: Claim) -> None:
        """A top-level folder that only claims of ``claim.group`` may write in."""
        self._owners[folder] = claim

    def claim(self, path: str, claim: Claim) -> bool:
        """Enter one output file; False (and an error) if it collides with an earlier claim.
        Where the earlier one gives way (a plain page or an attachment before a file the
        build makes), it is taken out, so that later claims meet the file that stays."""
        while True:
            clash = self._clash(path, claim)
            if clash is None:
                return True
            old_path, old = clash
            self._collide(claim, old)
            new_wins = old.claimant().movable and not claim.claimant().movable
            if old_path is None or not new_wins:
                return False
            self._evict(old_path)

    def _clash(self, path: str, claim: Claim) -> tuple[str | None, Claim] | None:
        """The earlier claim ``path`` collides with (its path, if it is a file's), or None
        after entering ``path``."""
        if path in self.files:
            return path, self.files[path]
        if path in self._folders:
            return self._folders[path], self.files[self._folders[path]]
        end = path.find("/")
        owner = self._owners.get(path if end < 0 else path[:end])
        if owner is not None and (end < 0 or owner.group != claim.group):
            return None, owner
        end = path.rfind("/")
        folders = []
        while end > 0:
            folder = path[:end]
            if folder in self._folders:  # checked when it was first entered
                break
            if folder in self.files:
                return folder, self.files[folder]
            folders.append(folder)
            end = path.rfind("/", 0, end)
        self.files[path] = claim
        for folder in folders:
            self._folders[folder] = path
        return None

    def _evict(self, path: str) -> None:
        """Take a claim out, and the folders only it held."""
        del self.files[path]
        for folder in [f for f, owner in self._folders.items() if owner == path]:
            other = next((p for p in self.files if p.startswith(folder + "/")), None)
            if other is None:
                del self._folders[folder]
            else:
                self._folders[folder] = other

    def _collide(self, new: Claim, old: Claim) -> bool:
        """Report a collision on the claimant that gives way: a plain page or an attachment
        (the clerk renames it) rather than what the build makes."""
        loser, other = new.claimant(), old.claimant()
        if other.movable and not loser.movable:
            loser, other = other, loser
        if loser.movable == "page":
            self.problems.error(
                loser.source,
                loser.line,
                M.PAGE_URL_TAKEN(url=loser.url, other=other.what, other_url=other.url),
            )
        elif loser.movable == "attachment":
            self.problems.error(
                loser.source,
                loser.line,
                M.ATTACHMENT_URL_TAKEN(
                    file=loser.url.lstrip("/"),
                    url=loser.url,
                    other=other.what,
                    other_url=other.url,
                ),
            )
        else:
            self.problems.error(
                loser.source or other.source or "site.toml",
                loser.line if loser.source else other.line,
                M.SAME_OUTPUT_PLACE(
                    what=loser.what, url=loser.url, other=other.what, other_url=other.url
                ),
            )
        return False


@dataclass(frozen=True, slots=True)
class Published:
    """A content file published as it is (an attachment), and the file that names it."""

    path: str
    source: str

    @property
    def group(self) -> str:
        """Attachments may be in the folder they own, files/."""
        return "attachments"

    def claimant(self) -> Claimant:
        """Who it is: the clerk moves it when its path is taken."""
        what = (
            Names.ATTACHMENT(path=self.path)
            if self.source == f"content/{self.path}"
            else Names.ATTACHMENT_OF(path=self.path, source=self.source)
        )
        return Claimant(what, f"/{self.path}", self.source, 1, "attachment")


def claim_outputs(
    problems: Problems,
    open_data: bool,
    pages: Iterable[tuple[str, Claim]],
    files: Iterable[Published],
) -> Claims:
    """Claim every output of a build: the folders and files it writes besides pages, then
    its pages (output file, claim), in their kinds' order, then the attachments."""
    claims = Claims(problems)
    for path, folder in reserved(open_data):
        if path == MARKER:
            claims.claim(path, folder)
        else:
            claims.reserve(path, folder)
    for path, page in pages:
        claims.claim(path, page)
    for file in files:
        claims.claim(file.path, file)
    return claims
