"""Incremental equals clean, always: random sequences of edits on a small site, and after
each one the incremental output (with the cache, into the same folder; and through a
`Session` as `minutes serve` keeps one) equals a clean `--no-cache` build's, byte for byte.

The site is a model (meetings, pages, attachments, the build's date) written out after
each edit; edits are drawn as small tuples whose indices pick among what exists then.
``MINUTES_EXAMPLES_SCALE=20`` runs twenty times as many examples (done by hand).
"""

from __future__ import annotations

import itertools
import os
import posixpath
import re
import shutil
import tempfile
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from pathlib import Path

from hypothesis import example, given, settings
from hypothesis import strategies as st

from generator.build.footprint import Footprint, measure
from generator.build.pipeline import BuildOptions, Session, build, warm
from generator.content.errors import BuildFailed

SCALE = int(os.environ.get("MINUTES_EXAMPLES_SCALE", "1"))
BODIES = ("Kommunstyrelsen", "Socialnämnden", "Tekniska nämnden")
FOLDERS = ("ks", "sn", "tn")
CASES = ("KS 2024/1", "KS 2024-1", "KS  2024/1", "SN 2024/7", "KS 2024/2")  # slugs collide
PEOPLE = ("Eva Hellstrand (C)", "Anna Ek (S)", "Anna Ek (M)", "Anna Ek", "Bo Lund (M)")
RECORDS = ("motion", "reservation", "note", "conflict", "support")
WORDS = ("budget", "skola", "remiss", "Bifall", "Avslag", "trafik", "vård", "yttrande")
FIRST = date(2024, 5, 6)
DAYS = tuple(FIRST + timedelta(days=7 * k) for k in range(8))  # meeting dates, a week apart
TODAYS = tuple(FIRST + timedelta(days=4 * k) for k in range(20))  # over the notice windows
FILES = ("files/a.pdf", "files/b.pdf")
STATUSES = ("planned", "draft", "adjusted", "published")
ORGANISATIONS = ("", "Region Halland", "Västra Götaland", "region Halland")  # one key, after "Test"
_MTIMES = itertools.count(1_700_000_000 * 10**9, 10**9)


def indexes(folder: Path) -> list[str]:
    """The search indexes of an output."""
    return sorted(p.name for p in (folder / "pagefind").iterdir() if p.is_dir())


def digest(folder: Path) -> dict[str, bytes]:
    """Every file of an output but the search index's, with its bytes."""
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and "pagefind" not in p.relative_to(folder).parts
    }


@dataclass
class Item:
    title: str
    case: str = ""
    decision: str = ""
    prose: str = "Text."
    at_once: int = 0  # adjusted at once: its notice posted this many days after the meeting
    record: tuple[str, str] = ("", "")  # (role, who): a member's record (person pages list it)


@dataclass
class Meeting:
    path: str  # relative to the site root
    body: int
    day: date
    status: str = "published"
    adjusted: date | None = None
    posted: date | None = None
    items: list[Item] = field(default_factory=list)
    preamble: str = "Närvarande enligt lista."
    link: str = ""  # another meeting file (may be gone: a dangling link is only a warning)
    attachment: str = ""
    organisation: str = ""
    public: bool = True
    broken: bool = False  # written with an error
    announced: date | None = None
    attendees: list[str] = field(default_factory=list)  # names of PEOPLE (person pages)

    def text(self) -> str:
        if self.broken:
            return f"---\nbody: {BODIES[self.body]}\ndate: 6 maj 2024\n---\n"
        head = [
            f"body: {BODIES[self.body]}",
            f"date: {self.day.isoformat()}",
            f"status: {self.status}",
        ]
        if self.status == "adjusted":
            head.append("adjusters: [Anna Ek (S)]")
        if self.adjusted:
            head.append(f"adjusted: {self.adjusted.isoformat()}")
        if self.posted:
            head.append(f"posted: {self.posted.isoformat()}")
        if self.announced:
            head.append(f"announced: {self.announced.isoformat()}")
        if self.organisation:
            head.append(f"organisation: {self.organisation}")
        if not self.public:
            head.append("public: false")
        if self.attachment:
            head.append(f"attachments:\n  - {{title: Bilaga, file: {self.attachment}}}")
        if self.attendees:
            head.append(f"attendees: [{', '.join(self.attendees)}]")
        body = [self.preamble]
        if self.link:
            rel = posixpath.relpath(
                self.link.removeprefix("content/"),
                posixpath.dirname(self.path.removeprefix("content/")),
            )
            body.append(f"Se [föregående]({rel}#p1).")
        for n, item in enumerate(self.items, 1):
            block = [f'#p{n} case="{item.case}"'] if item.case else []
            if item.at_once:
                posted = self.day + timedelta(days=item.at_once - 1)
                block.append(f"adjusted={self.day.isoformat()} posted={posted.isoformat()}")
            attrs = f" {{{' '.join(block)}}}" if block else ""
            body.append(f"## § {n} {item.title}{attrs}\n\n{item.prose}")
            if item.record[0]:
                body.append(f"::: {item.record[0]} {item.record[1]}\nText.\n:::")
            if item.decision:
                body.append(f"::: decision\n{item.decision}\n:::")
        return "---\n" + "\n".join(head) + "\n---\n\n" + "\n\n".join(body) + "\n"


@dataclass
class Model:
    today: date
    meetings: list[Meeting]
    files: set[str]
    page: tuple[str, str] = ("Om", "Om sidan.")
    page_link: str = ""  # a meeting file the plain page links
    body_info: str = ""  # the text of content/bodies/kommunstyrelsen.md ("": no such file)
    announce: bool = False  # and it says announce: true (the file is written then)

    def write(self, root: Path) -> None:
        """Write what differs from the files in ``root`` (and remove what is gone)."""
        wanted: dict[str, bytes] = {m.path: m.text().encode() for m in self.meetings}
        link = self.page_link.removeprefix("content/")
        text = self.page[1] + (f" Se [mötet](../{link})." if link else "")
        wanted["content/pages/om.md"] = f"---\ntitle: {self.page[0]}\n---\n{text}\n".encode()
        if self.body_info or self.announce:
            announce = "announce: true\n" if self.announce else ""
            wanted["content/bodies/kommunstyrelsen.md"] = (
                f"---\nname: Kommunstyrelsen\n{announce}---\n{self.body_info}\n".encode()
            )
        for name in self.files:
            wanted[f"content/{name}"] = b"%PDF-1 " + name.encode()
        content = root / "content"
        for path in sorted(content.rglob("*")) if content.is_dir() else []:
            rel = path.relative_to(root).as_posix()
            if path.is_file() and rel not in wanted:
                path.unlink()
        for rel, data in wanted.items():
            path = root / rel
            if not path.is_file() or path.read_bytes() != data:
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_bytes(data)
                # a build tells edits by size and mtime: a new mtime for every write, not
                # one the clock may give twice when two writes come fast
                stamp = next(_MTIMES)
                os.utime(path, ns=(stamp, stamp))


def initial() -> Model:
    """Three bodies; adjusted minutes posted around the dates `today` moves over, an item
    adjusted at once; planned meetings, one of a body that announces them; shared and
    colliding case numbers; a link; an attachment; a plain page."""

    def items(*specs: tuple[str, str, str]) -> list[Item]:
        return [Item(t, c, d) for t, c, d in specs]

    return Model(
        today=TODAYS[6],
        files={FILES[0]},
        announce=True,
        meetings=[
            Meeting(
                "content/ks/2024-05-06.md",
                0,
                DAYS[0],
                "adjusted",
                DAYS[0] + timedelta(2),
                DAYS[0] + timedelta(3),
                items(("Budget", CASES[0], "Bifall."), ("Skola", CASES[1], "")),
                attendees=["Anna Ek (S)", "Eva Hellstrand (C)"],
            ),
            Meeting(
                "content/ks/2024-05-20.md",
                0,
                DAYS[2],
                "adjusted",
                DAYS[2] + timedelta(1),
                DAYS[2] + timedelta(2),
                items(("Budget igen", CASES[0], "Avslag.")),
                link="content/ks/2024-05-06.md",
                attachment=FILES[0],
            ),
            Meeting(
                "content/sn/2024-05-13.md",
                1,
                DAYS[1],
                "published",
                items=items(("Vård", CASES[3], "Bifall.")),
            ),
            Meeting(
                "content/sn/2024-06-03.md",
                1,
                DAYS[4],
                "adjusted",
                DAYS[4] + timedelta(1),
                DAYS[4] + timedelta(1),
                [Item("Remiss", CASES[2], "Bifall.", at_once=2)],
            ),
            Meeting(
                "content/ks/2024-06-17.md",
                0,
                DAYS[6],
                "planned",
                items=items(("Detaljplan", "", "")),
                announced=DAYS[6] - timedelta(days=10),
            ),
            Meeting(
                "content/tn/2024-06-24.md",
                2,
                DAYS[7],
                "planned",
                items=items(("Trafik", CASES[4], "")),
                announced=DAYS[7] - timedelta(days=10),
            ),
            Meeting(
                "content/tn/2024-05-27.md",
                2,
                DAYS[3],
                "draft",
                items=items(("Gator", "", "Bifall.")),
            ),
        ],
    )


def _pick(model: Model, i: int) -> Meeting | None:
    return model.meetings[i % len(model.meetings)] if model.meetings else None


def _item(m: Meeting, k: int) -> Item | None:
    return m.items[k % len(m.items)] if m.items else None


def apply(model: Model, edit: tuple[object, ...]) -> None:
    """One edit of the site (indices are taken modulo what exists)."""
    kind, a, b = edit
    assert isinstance(a, int) and isinstance(b, int)
    m = _pick(model, a)
    if kind == "today":
        model.today = TODAYS[b % len(TODAYS)]
    elif kind == "page":
        if a % 3 == 2:
            target = _pick(model, b)
            model.page_link = target.path if target is not None and b % 4 else ""
        else:
            model.page = (
                (model.page[0], f"Om sidan, {WORDS[b % len(WORDS)]}.")
                if a % 3
                else (f"Om {WORDS[b % len(WORDS)]}", model.page[1])
            )
    elif kind == "info":
        model.body_info = "" if b % 4 == 0 else f"Styrelsen leder {WORDS[b % len(WORDS)]}."
    elif kind == "announce":
        model.announce = not model.announce
    elif kind == "file":  # an attachment added, or removed with the references to it
        name = FILES[a % len(FILES)]
        if name in model.files:
            model.files.discard(name)
            for other in model.meetings:
                if other.attachment == name:
                    other.attachment = ""
        else:
            model.files.add(name)
    elif kind == "add":
        day = DAYS[b % len(DAYS)]
        folder = FOLDERS[a % len(BODIES)]
        stem = day.isoformat() + ("" if b % 3 else "-extra")
        path = f"content/{folder}/{stem}.md"
        if all(o.path != path for o in model.meetings):
            model.meetings.append(
                Meeting(
                    path,
                    a % len(BODIES),
                    day,
                    STATUSES[b % 4],
                    items=[Item(WORDS[b % len(WORDS)], CASES[b % 5], "Bifall." if b % 2 else "")],
                )
            )
    elif m is None:
        return
    elif kind == "prose":
        item = _item(m, b)
        if item is None or b % 3 == 0:
            m.preamble = f"Närvarande, {WORDS[b % len(WORDS)]}."
        else:
            item.prose = f"Text om {WORDS[b % len(WORDS)]}."
    elif kind == "title":
        if (item := _item(m, b)) is not None:
            item.title = WORDS[b % len(WORDS)].capitalize()
    elif kind == "decision":
        if (item := _item(m, b)) is not None:
            item.decision = "" if b % 3 == 0 else f"{WORDS[b % len(WORDS)]}."
    elif kind == "case":
        if (item := _item(m, b)) is not None:
            item.case = "" if b % 6 == 5 else CASES[b % 5]
    elif kind == "items":  # an item added or the last one removed
        if b % 2 and m.items:
            m.items.pop()
        else:
            m.items.append(Item(WORDS[b % len(WORDS)], CASES[b % 5], "Bifall."))
    elif kind == "date":
        m.day = DAYS[b % len(DAYS)]
    elif kind == "year":  # the same day a year before, or back: its open data list moves
        m.day = m.day.replace(year=m.day.year - 1 if m.day.year == FIRST.year else FIRST.year)
    elif kind == "body":
        m.body = b % len(BODIES)
    elif kind == "organisation":
        m.organisation = ORGANISATIONS[b % len(ORGANISATIONS)]
    elif kind == "public":
        m.public = not m.public
    elif kind == "status":
        m.status = STATUSES[b % 4]
    elif kind == "posted":
        m.posted = None if b % 5 == 4 else m.day + timedelta(days=b % 12)
    elif kind == "adjusted":
        m.adjusted = None if b % 5 == 4 else m.day + timedelta(days=b % 4)
    elif kind == "at_once":  # an item adjusted at once, its notice posted 0-4 days later
        if (item := _item(m, b)) is not None:
            item.at_once = 0 if b % 6 == 5 else 1 + b % 5
    elif kind == "announced":
        m.announced = None if b % 5 == 4 else m.day - timedelta(days=b % 12)
    elif kind == "attach":
        present = sorted(model.files)
        m.attachment = present[b % len(present)] if present and b % 3 else ""
    elif kind == "link":
        target = _pick(model, b)
        m.link = "" if target is None or target is m else target.path
    elif kind == "delete":
        model.meetings.remove(m)
    elif kind == "rename":
        stem = posixpath.splitext(posixpath.basename(m.path))[0]
        folder = FOLDERS[b % len(FOLDERS)]
        new = f"content/{folder}/{stem.removesuffix('-b') if b % 2 else stem + '-b'}.md"
        if all(o.path != new for o in model.meetings):
            m.path = new
    elif kind == "break":
        m.broken = not m.broken
    elif kind == "attend":  # a person listed or no longer listed as present
        person = PEOPLE[b % len(PEOPLE)]
        if person in m.attendees:
            m.attendees.remove(person)
        else:
            m.attendees.append(person)
    elif kind == "record" and (item := _item(m, b)) is not None:  # added, changed, removed
        role = "" if b % 7 == 6 else RECORDS[b % len(RECORDS)]
        item.record = (role, PEOPLE[(b // 2) % len(PEOPLE)] if role else "")


KINDS = (
    "today",
    "today",
    "page",
    "info",
    "file",
    "add",
    "prose",
    "prose",
    "prose",
    "title",
    "decision",
    "case",
    "items",
    "date",
    "year",
    "body",
    "organisation",
    "public",
    "status",
    "posted",
    "adjusted",
    "at_once",
    "announced",
    "announce",
    "attach",
    "link",
    "delete",
    "rename",
    "break",
    "attend",
    "record",
)  # prose and
# a new day, the commonest, are drawn more often
EDITS = st.tuples(st.sampled_from(KINDS), st.integers(0, 11), st.integers(0, 59))


class Builds:
    """The three ways to build one model: incremental (a new process each time, the cache
    on disk), serving (one `Session` kept between builds, as `minutes serve` does) and
    clean (no cache, a fresh output)."""

    def __init__(self, folder: Path, search: bool) -> None:
        self.folder, self.search = folder, search
        self.plain, self.served = folder / "plain", folder / "served"
        self.session = Session()
        self.first = True

    def options(self, root: Path, today: date, **more: object) -> BuildOptions:
        return BuildOptions(
            source=root, output=root / "_site", today=today, search=self.search, jobs=1, **more
        )  # type: ignore[arg-type]

    def step(self, model: Model) -> None:
        for root in (self.plain, self.served):
            model.write(root)
            (root / "site.toml").write_text('title = "Test"\nlanguage = "sv"\n')
        outcomes: dict[str, object] = {}
        counted: dict[str, Footprint] = {}  # the build's summary of its output
        clean = self.folder / "clean"
        shutil.rmtree(clean, ignore_errors=True)
        for name, run in (
            (
                "clean",
                lambda: build(
                    replace(self.options(self.plain, model.today), output=clean, cache=False)
                ),
            ),
            ("plain", lambda: build(self.options(self.plain, model.today))),
            (
                "served",
                lambda: build(
                    self.options(self.served, model.today),
                    on_pages=lambda: None,
                    session=self.session,
                ),
            ),
        ):
            try:
                counted[name] = run().footprint
                outcomes[name] = "built"
            except BuildFailed as failed:
                outcomes[name] = [str(p) for p in failed.problems]
        assert outcomes["plain"] == outcomes["clean"] == outcomes["served"], outcomes
        if self.first and outcomes["served"] == "built":
            warm(self.options(self.served, model.today), self.session)  # as serve does
            self.first = False
        if outcomes["clean"] != "built":
            return
        want = digest(clean)
        pages = {p for p in want if re.fullmatch(r".*/20\d\d-\d\d-\d\d[^/]*/index\.html", p)}
        shown = [m for m in model.meetings if m.status != "draft"]
        assert len(pages) == len(shown), f"a meeting without its page: {sorted(pages)}"
        for root in (self.plain, self.served):
            got = digest(root / "_site")
            wrong = sorted(p for p in set(want) | set(got) if want.get(p) != got.get(p))
            assert not wrong, f"{root.name}: {wrong}"
            assert counted[root.name] == measure(root / "_site"), root.name  # not walked
            if self.search:  # Pagefind's files differ from run to run; its indexes must not
                assert indexes(root / "_site") == indexes(clean)


def run_edits(edits: list[tuple[object, ...]], search: bool = False) -> None:
    model = initial()
    with tempfile.TemporaryDirectory(prefix="minutes-prop-") as folder:
        builds = Builds(Path(folder), search)
        builds.step(model)
        for edit in edits:
            apply(model, edit)
            builds.step(model)


@settings(max_examples=15 * SCALE, deadline=None)
@given(st.lists(EDITS, min_size=1, max_size=8))
@example([("today", 0, 0)])  # the home page kept listing a notice taken down since
# a note by a bare 'Anna Ek' (Anna Ek (S) attends), then Anna Ek (M) attends too: the note is
# no longer Anna Ek (S)'s, and her page and the meeting's links change (person pages)
@example([("record", 0, 7), ("attend", 0, 2), ("public", 0, 0)])
# open data: a person named in a second organisation's minutes (which comes first: their id
# moves to its people list), a meeting moved to last year's meetings list, a case number
# handled a third time (it gets a page, and a Paper in the lists), a second organisation
# named (the bodies split by organisation) and none again
@example(
    [
        ("attend", 2, 1),
        ("organisation", 3, 1),
        ("year", 0, 0),
        ("case", 2, 0),
        ("organisation", 0, 2),
        ("organisation", 3, 0),
        ("year", 0, 0),
    ]
)
def test_incremental_equals_clean(edits: list[tuple[object, ...]]) -> None:
    run_edits(edits)


def test_incremental_equals_clean_with_search() -> None:
    """The same with the search index built (the pagefind files themselves aside)."""
    run_edits([("prose", 1, 4), ("today", 0, 9), ("title", 2, 1), ("delete", 3, 0)], search=True)


def test_two_files_for_one_body_and_date_both_have_a_page(tmp_path: Path) -> None:
    """Found by the property test (a meeting's date edited to another's): a file named by
    its date got the URL of the file for the same body and date that sorts before it, and
    one of the two pages was silently lost."""
    model = Model(
        today=TODAYS[0],
        files=set(),
        meetings=[
            Meeting("content/ks/2024-05-06.md", 0, DAYS[2], items=[Item("Budget")]),
            Meeting("content/ks/2024-05-20.md", 0, DAYS[2], items=[Item("Skola")]),
        ],
    )
    model.write(tmp_path)
    (tmp_path / "site.toml").write_text('title = "Test"\n')
    build(BuildOptions(source=tmp_path, output=tmp_path / "_site", search=False, cache=False))
    for path, title in (("2024-05-20", "Budget"), ("2024-05-20-2", "Skola")):
        assert title in (tmp_path / f"_site/kommunstyrelsen/{path}/index.html").read_text()
