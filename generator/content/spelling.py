"""Near misses: which known word a clerk's word is probably a misspelling of."""

from __future__ import annotations

from collections.abc import Iterable


def distance(a: str, b: str) -> int:
    """Levenshtein distance, small strings only."""
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def nearest(word: str, known: Iterable[str]) -> str | None:
    """The known word ``word`` is one or two letters off (one for short words), if any."""
    if len(word) > 40:  # no known word is that long; and the distance is quadratic
        return None
    limit = 1 if len(word) <= 4 else 2
    best = min(known, key=lambda k: (distance(word, k), not k.startswith(word), k), default=None)
    return best if best is not None and distance(word, best) <= limit else None
