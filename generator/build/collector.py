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
