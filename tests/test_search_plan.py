"""How meeting pages are split into search indexes: bounded pages per index, whatever the
archive's shape."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from generator.site.partitions import members, plan_partitions


@dataclass(frozen=True)
class Dated:
    date: date


def days(year: int, count: int) -> list[date]:
    return [date(year, 1, 1) + timedelta(days=n * 365 // count) for n in range(count)]


def test_small_years_are_grouped_newest_first() -> None:
    plan = plan_partitions([*days(2019, 30), *days(2020, 30), *days(2021, 50)], limit=60)
    assert [p.name for p in plan] == ["2021-2021", "2019-2020"]
    assert plan[1].glob == "**/{2019,2020}-*/index.html"
    assert plan[0].glob == "**/2021-*/index.html"


def test_a_year_larger_than_an_index_is_split_by_months() -> None:
    dates = [*days(2019, 10), *days(2020, 120), *days(2021, 10)]
    plan = plan_partitions(dates, limit=40)
    held = members(plan, [Dated(d) for d in dates])
    assert all(len(held[p.path]) <= 40 for p in plan)
    assert sum(len(v) for v in held.values()) == len(dates)  # every page in exactly one
    months = [p for p in plan if len(p.prefixes[0]) == 7]
    assert months and all(p.prefixes[0].startswith("2020-") for p in months)
    assert "2019-2019" in [p.name for p in plan] and "2021-2021" in [p.name for p in plan]
    first = months[-1]  # oldest month run
    assert first.holds(date(2020, 1, 5)) and not first.holds(date(2019, 1, 5))
    assert first.glob.startswith("**/{2020-01,") or first.glob == "**/2020-01-*/index.html"
    for p in plan:
        assert all(p.holds(m.date) for m in held[p.path])


def test_members_keep_date_order_within_each_prefix() -> None:
    dates = sorted(days(2020, 12) + days(2021, 12))
    plan = plan_partitions(dates, limit=100)
    (only,) = plan
    assert [m.date for m in members(plan, [Dated(d) for d in dates])[only.path]] == dates


def test_glob_names_the_body_folders_when_it_can() -> None:
    (one,) = plan_partitions([date(2020, 5, 1)], folders=("ks", "rs"))
    assert one.glob == "{ks,rs}/2020-*/index.html"
    (nested,) = plan_partitions([date(2020, 5, 1)], folders=("region/ks",))
    assert nested.glob == "**/2020-*/index.html"  # nested folders: the safe pattern


def test_the_newest_year_is_in_small_indexes_where_edits_land() -> None:
    """On a site larger than one small index, the newest year's months are runs of at most
    ``newest_limit`` pages, apart from older years; a meeting added to its last month
    changes no other run."""
    dates = [*days(2019, 300), *days(2020, 300), *days(2021, 120)]
    plan = plan_partitions(dates, limit=2000, newest_limit=50)
    held = members(plan, [Dated(d) for d in dates])
    newest = [p for p in plan if p.prefixes[0].startswith("2021")]
    assert len(newest) >= 3 and all(len(p.prefixes[0]) == 7 for p in newest)
    assert all(len(held[p.path]) <= 50 for p in newest)
    assert [p.name for p in plan if p not in newest] == ["2019-2020"]
    assert sum(len(v) for v in held.values()) == len(dates)
    later = plan_partitions([*dates, date(2021, 12, 30)], limit=2000, newest_limit=50)
    assert later == plan and later[0].holds(date(2021, 12, 30))
    crowded = plan_partitions([*dates, *[date(2021, 12, 30)] * 60], limit=2000, newest_limit=50)
    assert set(plan) - set(crowded) <= {plan[0]}  # only the last run was remade
    small = plan_partitions(days(2021, 40), limit=2000, newest_limit=50)
    assert [p.name for p in small] == ["2021-2021"]  # a small site: one index, as before
