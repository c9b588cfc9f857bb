"""Python's cycle collector, held off while the site's objects are made."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """Hold off the cycle collector while loading and deriving, then freeze what was made.

    The collector walks every live object each time enough new ones have been made.
    Loading 10,000 meetings' outlines and deriving the site makes millions of objects and
    almost none of them is garbage (reference counting frees the rest), so it walked the
    same growing heap over and over: 24.3 s of a one-edit build's 10k load, 10.8 s without.
    What exists at the end is frozen, so later collections (while rendering) skip it too."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if enabled:
            gc.enable()


def settle() -> None:
    """Between the builds of a long-running process (``minutes serve``): give what builds
    froze back to the collector and collect the garbage among it.

    The collector never looks at frozen objects, and some of what a build freezes becomes
    garbage in cycles (a renderer and its templates, fingerprints and their handlers; and
    through them that build's whole site): frozen, it was kept for good, and a serving
    process grew by a site's worth with every rebuild. Nothing frozen (a prose edit freezes
    nothing; the render pool gives back what it froze): nothing to do."""
    if gc.get_freeze_count():
        gc.unfreeze()
        gc.collect()
