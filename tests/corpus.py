"""A small generated corpus for tests that need many meetings (deterministic)."""

from __future__ import annotations

import random
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"

BODIES = ["Kommunstyrelsen", "Socialnämnden", "Äldrenämnden", "Tekniska nämnden"]
WORDS = (
    "beslut",
    "protokoll",
    "ärende",
    "budget",
    "yttrande",
    "remiss",
    "förslag",
    "nämnden",
    "styrelsen",
    "utredning",
    "detaljplan",
    "bygglov",
    "skola",
    "vård",
    "trafik",
    "kultur",
    "revision",
)


def meeting_files(count: int, seed: int = 7) -> dict[str, str]:
    """``count`` meeting files over a few bodies and years, with decisions, cases, votes."""
    rng = random.Random(seed)
    files: dict[str, str] = {}
    day = date(2019, 1, 7)
    for n in range(count):
        body = BODIES[n % len(BODIES)]
        day += timedelta(days=rng.choice([1, 2, 3, 7]))
        items = []
        for k in range(1, rng.randint(3, 8)):
            case = f' {{#p{k} case="KS {day.year}/{rng.randint(1, 40)}"}}' if k % 2 else ""
            text = " ".join(rng.choice(WORDS) for _ in range(rng.randint(20, 60)))
            decision = (
                f"\n::: decision\n{' '.join(rng.choice(WORDS) for _ in range(12))}.\n:::\n"
                if k % 3
                else "\n### Beslut\n\nBifall.\n"
            )
            items.append(
                f"## § {k} {rng.choice(WORDS).capitalize()} {k}{case}\n\n{text}.\n" + decision
            )
        slug = body.lower().replace(" ", "-").replace("ä", "a")
        files[f"content/{slug}/{day.year}/{day.isoformat()}.md"] = (
            f"---\nbody: {body}\ndate: {day.isoformat()}\ntype: protokoll\n"
            f"status: {'adjusted' if n % 2 else 'published'}\n---\n\n" + "\n".join(items)
        )
    return files


def shared_corpus(folder: Path, meetings: int, seed: int | None = None) -> Path:
    """The shared bench corpus of ``meetings`` meetings written into ``folder`` (site.toml
    and content/): tests/data/make_corpus.py, a copy of the shared script, with the seeds
    copied beside it."""
    seeded = ["--seed", str(seed)] if seed is not None else []
    make = [sys.executable, str(DATA / "make_corpus.py"), str(folder)]
    subprocess.run(
        [*make, "--meetings", str(meetings), *seeded, "--seeds", str(DATA / "seeds")],
        check=True,
        capture_output=True,
    )
    return folder
