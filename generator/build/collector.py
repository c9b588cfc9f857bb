"""Python's cycle collector, held off while the site's objects are made."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

_frozen = False  # whether collector_paused() froze anything since the last settle()


@contextmanager
def collector_paused() -> Iterator[None]:
    """Hold off the cycle collector while loading and deriving, then freeze what was made.

    The collector walks every live object each time enough new ones have been made.
    Loading 10,000 meetings' outlines and deriving the site makes millions of objects and
    almost none of them is garbage (reference counting frees the rest), so it walked the
    same growing heap over and over: 24.3 s of a one-edit build's 10k load, 10.8 s without.
    What exists at the end is frozen, so later collections (while rendering) skip it too."""
    global _frozen
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        _frozen = True
        if enabled:
            gc.enable()


def settle() -> None:
    """Between the builds of a long-running process (``minutes serve``): collect the garbage
    among the frozen objects, and freeze again what is left.

    The collector never looks at frozen objects, and some of what a build freezes becomes
    garbage in cycles (a renderer and its templates, fingerprints and their handlers; and
    through them that build's whole site): frozen, it was kept for good, and a serving
    process grew by a site's worth with every rebuild. Only when something was frozen since
    the last time (a prose edit freezes nothing): a full collection walks every object."""
    global _frozen
    if not _frozen:
        return
    gc.unfreeze()
    gc.collect()
    gc.freeze()
    _frozen = False
