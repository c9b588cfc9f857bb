"""The attendance figure of a person's page, as the numbers an inline SVG draws: a row per
year, a bar of meetings attended and one of meetings missed, scaled to the largest year.

Geometry only; the template draws it with SVG presentation attributes and the theme's
classes (the Content-Security-Policy allows no inline styles), and the same numbers stand in
a table beside it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from ..site.people import Year

ROW = 26  # height of a year's row
BAR = 16  # height of a bar
TOP = 30  # room for the legend
LABEL = 52  # width of the year column
SPAN = 220  # the largest year's bars together
WIDTH = LABEL + SPAN + 100  # and room for the numbers after the bars


@dataclass(frozen=True, slots=True)
class Row:
    """One year's bars: where they are and how long, and the numbers."""

    year: int
    present: int
    absent: int
    y: int  # top of the bars
    present_width: float
    absent_width: float

    @property
    def text_y(self) -> int:
        """Baseline of the row's text."""
        return self.y + BAR - 3

    @property
    def absent_x(self) -> float:
        """Where the bar of meetings missed starts."""
        return LABEL + self.present_width

    @property
    def end_x(self) -> float:
        """Where the numbers after the bars start."""
        return LABEL + self.present_width + self.absent_width + 6


@dataclass(frozen=True, slots=True)
class Chart:
    """The figure: its size and its rows, newest year first."""

    width: int
    height: int
    label_x: int
    rows: tuple[Row, ...]


def attendance_chart(years: Iterable[Year]) -> Chart:
    """The figure of a person's attendance per year (no rows: no year lists them)."""
    found = tuple(years)
    most = max((y.present + y.absent for y in found), default=0) or 1
    scale = SPAN / most
    rows = tuple(
        Row(y.year, y.present, y.absent, TOP + n * ROW, y.present * scale, y.absent * scale)
        for n, y in enumerate(found)
    )
    return Chart(WIDTH, TOP + len(rows) * ROW + 4, LABEL, rows)
