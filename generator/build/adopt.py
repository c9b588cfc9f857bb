"""A second output of a site started from the first: ``minutes serve`` builds into a folder
of its own, and started on a site just built by ``minutes build`` it begins with a copy of
that output and of its cache state, so its first build renders only the pages its own
options change (the drafts it shows), not the whole site again."""

from __future__ import annotations

from pathlib import Path

from .cache import Cache, StateHead, output_label
from .footprint import measure
from .outfolder import marker_token
from .write import clone_output, output_lock


def adopt(source: Path, output: Path, built: Path) -> bool:
    """Start ``output`` as a hard-link copy of ``built`` (with the cache's record of it) when
    the cache describes ``built`` but not ``output``; True if it did. Nothing changes in
    ``built``, which is locked meanwhile so that no build swaps it mid-copy."""
    mine = Cache(source, output)
    theirs = Cache(source, built)
    with output_lock(built, source), output_lock(output, source):
        if _describes(mine.load_head(), source, output):
            return False
        if not _describes(theirs.load_head(), source, built):
            return False
        state = theirs.load_state()
        if not clone_output(built, output):  # not all of it: its footprint is not this one's
            state.footprint = measure(output)
        state.output = output_label(source, output)
        mine.save_state(state)  # after the copy is in place: a copy cut short is not trusted
    return True


def _describes(head: StateHead, source: Path, output: Path) -> bool:
    """Whether the cache's record is of this output as it is (see outfolder.marker_token)."""
    return (
        bool(head.marker)
        and head.output == output_label(source, output)
        and marker_token(output) == head.marker
    )
