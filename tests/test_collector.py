"""The cycle collector is held off while the site is loaded, and only then."""

from __future__ import annotations

import gc
from pathlib import Path
from typing import Any

import pytest

from generator.build.collector import collector_paused
from generator.build.pipeline import BuildOptions, build

from conftest import SiteFactory
from corpus import meeting_files


def test_the_collector_is_off_inside_and_back_on_after_with_what_was_made_frozen() -> None:
    gc.unfreeze()
    assert gc.isenabled()
    with collector_paused():
        assert not gc.isenabled()
        made = [[n] for n in range(1000)]
    assert gc.isenabled()
    assert gc.get_freeze_count() >= len(made)
    gc.unfreeze()


def test_the_collector_comes_back_after_an_error_and_stays_off_if_it_was_off() -> None:
    with pytest.raises(RuntimeError), collector_paused():
        raise RuntimeError("a failing load")
    assert gc.isenabled()
    gc.disable()
    try:
        with collector_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()
        gc.unfreeze()


def test_what_a_build_froze_and_left_as_garbage_is_collected_between_serve_builds() -> None:
    """A serving process settles after each build: garbage in cycles that a build froze
    (its renderer and through it a whole site) is collected, not kept for good."""
    import weakref

    from generator.build.collector import settle

    class Node:
        pass

    gc.unfreeze()
    with collector_paused():
        node = Node()
        node.self = node  # type: ignore[attr-defined]  # a cycle: only the collector frees it
        gone = weakref.ref(node)
    del node
    gc.collect()
    assert gone() is not None  # frozen: the collector does not look at it
    settle()
    assert gone() is None and gc.get_freeze_count() == 0


def test_the_collector_is_off_while_a_build_keeps_its_parses(
    tmp_site: SiteFactory, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Pickling the parse record makes millions of objects the pickler keeps: with the
    collector on, it walked the whole site again and again (about 20 s at 100k meetings)."""
    from generator.build.cache import Cache

    seen: list[bool] = []
    real = Cache.save_parsed

    def watched(self: Cache, *args: Any) -> None:
        seen.append(gc.isenabled())
        real(self, *args)

    monkeypatch.setattr(Cache, "save_parsed", watched)
    build(BuildOptions(source=tmp_site(meeting_files(3)), output=tmp_path / "out", search=False))
    assert seen == [False]
    assert gc.isenabled()
    gc.unfreeze()
