"""The search indexes a site has: which meeting pages each holds (runs of years, or months
of a large year), decided from the meetings' dates alone. Pagefind's binary holds a whole
index in memory (about half a megabyte per page), so a large archive is several indexes,
each small enough to make within bounded memory; the search page loads them as it needs.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Protocol, TypeVar

MAX_PAGES_PER_INDEX = 2000  # ~1 GiB of Pagefind memory; keeps one process under 1.5 GiB
# The newest year's meetings are where edits land (a correction, the minutes adjusted, a
# meeting added): its months go in small indexes, so that an edit re-indexes a few hundred
# pages, not two thousand.
NEWEST_PAGES_PER_INDEX = 250
INDEX_ROOT = "pagefind"


class Dated(Protocol):
    """Anything with a date (a meeting)."""

    @property
    def date(self) -> date: ...


M = TypeVar("M", bound=Dated)


@dataclass(frozen=True, slots=True)
class Partition:
    """Meeting pages indexed together into ``pagefind/<first>-<last>/``: a run of years, or,
    for a year with more pages than one index may hold, a run of its months. ``prefixes``
    are the dates' beginnings ('2024' or '2024-03'), which are also the page folders'."""

    prefixes: tuple[str, ...]
    folders: tuple[str, ...] = ()  # where meeting pages are ('rs', 'ks'), when known

    @property
    def name(self) -> str:
        """The index's folder name."""
        return f"{self.prefixes[0]}-{self.prefixes[-1]}"

    @property
    def path(self) -> str:
        """The index's folder, relative to the site root (ends with '/')."""
        return f"{INDEX_ROOT}/{self.name}/"

    @property
    def glob(self) -> str:
        """The meeting pages of these years or months: their folders start with the date.
        Naming the body folders spares Pagefind a walk through every other page of the site
        (at 10k meetings 13.5 s → 4.9 s for one year's index)."""
        dates = self.prefixes[0] if len(self.prefixes) == 1 else f"{{{','.join(self.prefixes)}}}"
        if not self.folders or any("/" in f or "," in f for f in self.folders):
            return f"**/{dates}-*/index.html"
        where = self.folders[0] if len(self.folders) == 1 else f"{{{','.join(self.folders)}}}"
        return f"{where}/{dates}-*/index.html"

    def holds(self, day: date) -> bool:
        """Whether the meeting page of a meeting on ``day`` is in this index."""
        return day.isoformat()[: len(self.prefixes[0])] in self.prefixes


def plan_partitions(
    days: Iterable[date],
    limit: int | None = None,
    folders: tuple[str, ...] = (),
    newest_limit: int = NEWEST_PAGES_PER_INDEX,
) -> tuple[Partition, ...]:
    """Consecutive years grouped so that no index holds more than ``limit`` pages (default
    ``MAX_PAGES_PER_INDEX``); a year larger than that is split into runs of months (a month
    larger than that is one index of its own). On a site of more than ``newest_limit``
    pages, the newest year is runs of months of at most that many pages, joined to no older
    year. Runs are made oldest first, so a meeting added to the newest month changes only
    the last run. Newest first, the order the search page loads them in."""
    if limit is None:
        limit = MAX_PAGES_PER_INDEX
    months = Counter(d.isoformat()[:7] for d in days)
    years: Counter[str] = Counter()
    for month, n in months.items():
        years[month[:4]] += n
    newest = max(years) if sum(years.values()) > newest_limit else None
    runs: list[list[str]] = []
    size = 0

    def add(key: str, n: int, joinable: bool, cap: int) -> None:
        nonlocal size
        if joinable and size + n <= cap:
            runs[-1].append(key)
            size += n
        else:
            runs.append([key])
            size = n

    last_was_year = False
    for year in sorted(years):
        cap = newest_limit if year == newest else limit
        if years[year] <= cap:
            add(year, years[year], last_was_year and year != newest, cap)
            last_was_year = True
            continue
        first = True
        for month in sorted(m for m in months if m.startswith(year)):
            add(month, months[month], not first, cap)
            first = False
        last_was_year = False
    return tuple(Partition(tuple(run), folders) for run in reversed(runs))


def members(partitions: Iterable[Partition], meetings: Iterable[M]) -> dict[str, list[M]]:
    """The meetings of each index (by its path), in the order of its prefixes, then as
    given."""
    parts = list(partitions)
    where = {prefix: (p, n) for p in parts for n, prefix in enumerate(p.prefixes)}
    slots: dict[str, list[list[M]]] = {p.path: [[] for _ in p.prefixes] for p in parts}
    for meeting in meetings:
        iso = meeting.date.isoformat()
        found = where.get(iso[:7]) or where.get(iso[:4])
        if found is not None:
            slots[found[0].path][found[1]].append(meeting)
    return {path: [m for group in groups for m in group] for path, groups in slots.items()}
