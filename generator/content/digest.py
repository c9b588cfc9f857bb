"""One way to fingerprint anything the build compares between runs: BLAKE2b, 16 bytes, hex.

Content hashes of source files, keys of cached parses and stored meetings, fingerprints of
pages and search indexes all come from here, so they can never disagree about how.
"""

from __future__ import annotations

import hashlib

SIZE = 16  # bytes: 128 bits, collisions out of reach for any archive


class Digest:
    """A digest fed piece by piece (files, folders of files)."""

    def __init__(self) -> None:
        self._hash = hashlib.blake2b(digest_size=SIZE)

    def update(self, data: bytes) -> Digest:
        """Add ``data``; returns itself, so feeds can be chained."""
        self._hash.update(data)
        return self

    def hexdigest(self) -> str:
        """The digest so far, as hex."""
        return self._hash.hexdigest()


def digest(data: bytes) -> str:
    """The digest of some bytes (a source file's content)."""
    return Digest().update(data).hexdigest()


def digest_of(*values: object) -> str:
    """The digest of values by their ``repr``: frozen dataclasses, tuples, strings and
    numbers have one that is stable between runs and processes."""
    return digest(repr(values).encode())
