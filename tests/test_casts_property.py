"""Who each meeting names is kept with its parse (content/people.py ``Cast``): after any
edit of who a meeting names and how, the person pages, the meeting pages' links to them and
open data of an incremental build (the cache on disk; a serving `Session`; a prose edit
made from its page's kit) equal a clean build's, byte for byte, and every kept cast is its
meeting's.

The model is tests/test_incremental_property.py's, its meetings naming people the ways
minutes do: a bare chair that is the one attendee of that name with a party (or not, when
two share it), the same person twice with two roles, a substitute serving for someone, a
member leaving after an item, absentees and officials, records in the opening text and in
items, recorded ballots, an item made confidential, a person's name written another way
in every meeting. ``MINUTES_EXAMPLES_SCALE=20`` runs twenty times as many examples (done by
hand).
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass, field, fields
from pathlib import Path

import test_incremental_property as base
from hypothesis import example, given, settings
from hypothesis import strategies as st

from generator.content.people import Cast

SCALE = int(os.environ.get("MINUTES_EXAMPLES_SCALE", "1"))
NAMES = (
    "Anna Ek (S)",
    "Anna Ek (M)",
    "Anna Ek",
    "anna  ek (S)",  # Anna Ek (S) written otherwise
    "Eva Hellstrand (C)",
    "Eva Hellstrand",
    "Bo Lund (M)",
    "Lennart Johansson, Vision",
    "Lennart Johansson",
)
ROLES = ("", "Ordförande", "Ersättare", "ordförande")


@dataclass
class Meeting(base.Meeting):
    chair: str = ""
    people: list[list[str]] = field(default_factory=list)  # [name, role, serving_for, until]
    absent: list[str] = field(default_factory=list)
    officials: list[str] = field(default_factory=list)
    ballots: dict[int, list[tuple[str, str]]] = field(default_factory=dict)  # by item index
    secret: set[int] = field(default_factory=set)  # items made confidential
    opening: tuple[str, str] = ("", "")  # (role, who): a record in the opening text

    def text(self) -> str:
        text = super().text()
        if self.broken:
            return text
        head, _, body = text.partition("\n---\n\n")
        lines = [head]
        if self.chair:
            lines.append(f"chair: {self.chair}")
        if self.people:
            lines.append("attendees:")
            for name, role, serving_for, until in self.people:
                entry = [f"name: '{name}'"]
                entry += [f"role: {role}"] if role else []
                entry += [f"serving_for: '{serving_for}'"] if serving_for else []
                entry += [f"until: {until}"] if until else []
                lines.append("  - {" + ", ".join(entry) + "}")
        for key, names in (("absent", self.absent), ("officials", self.officials)):
            if names:
                lines.append(f"{key}: [" + ", ".join(f"'{n}'" for n in names) + "]")
        opening, *items = body.split("\n\n## ")
        if self.opening[0]:
            opening += f"\n\n::: {self.opening[0]} {self.opening[1]}\nText.\n:::"
        for n, item in enumerate(items):
            if n in self.secret:
                heading, _, rest = item.partition("\n")
                attrs = heading[:-1] + " confidential=true}" if heading.endswith("}") else ""
                item = (attrs or heading + " {confidential=true}") + "\n" + rest
            if self.ballots.get(n):
                votes = "\n".join(f"  {who}: {choice}" for who, choice in self.ballots[n])
                item += f"\n\n```vote\nquestion: Fråga {n}\nvotes:\n{votes}\n```"
            items[n] = item
        return "\n".join(lines) + "\n---\n\n" + "\n\n## ".join([opening, *items])


def _ours(m: base.Meeting) -> Meeting:
    ours = Meeting(**{f.name: getattr(m, f.name) for f in fields(base.Meeting)})
    ours.people = [[name, "", "", ""] for name in ours.attendees]  # one list of attendees
    ours.attendees = []
    return ours


def initial() -> base.Model:
    model = base.initial()
    model.meetings = [_ours(m) for m in model.meetings]
    return model


def apply(model: base.Model, edit: tuple[object, ...]) -> None:
    """One edit (see test_incremental_property.apply for those not about people)."""
    kind, a, b = edit
    assert isinstance(kind, str) and isinstance(a, int) and isinstance(b, int)
    if kind not in PEOPLE_KINDS:
        base.apply(model, edit)
        model.meetings = [m if isinstance(m, Meeting) else _ours(m) for m in model.meetings]
        return
    if not model.meetings:
        return
    m = model.meetings[a % len(model.meetings)]
    assert isinstance(m, Meeting)
    name = NAMES[b % len(NAMES)]
    if kind == "chair":
        m.chair = "" if b % 5 == 0 else name
    elif kind == "attend":  # listed, or no longer; listed twice (another role) at times
        found = [p for p in m.people if p[0] == name]
        if found and b % 2:
            m.people.remove(found[0])
        else:
            m.people.append([name, ROLES[b % len(ROLES)], "", ""])
    elif kind == "role" and m.people:
        m.people[b % len(m.people)][1] = ROLES[(b // 3) % len(ROLES)]
    elif kind == "serving" and m.people:
        m.people[b % len(m.people)][2] = "" if b % 4 == 0 else NAMES[(b // 2) % len(NAMES)]
    elif kind == "until" and m.people:
        m.people[b % len(m.people)][3] = str(1 + b % len(m.items)) if m.items and b % 3 else ""
    elif kind in ("absent", "officials"):
        names = m.absent if kind == "absent" else m.officials
        if name in names:
            names.remove(name)
        else:
            names.append(name)
    elif kind == "ballot" and m.items:
        n = b % len(m.items)
        voters = dict(m.ballots.get(n, []))
        who = NAMES[(b // 3) % len(NAMES)]
        if who in voters and b % 2:
            voters.pop(who)
        else:
            voters[who] = ("Ja", "Nej")[b % 2]
        m.ballots[n] = list(voters.items())
    elif kind == "secret" and m.items:
        m.secret ^= {b % len(m.items)}
    elif kind == "opening":
        m.opening = ("", "") if b % 4 == 0 else (base.RECORDS[b % len(base.RECORDS)], name)
    elif kind == "written":  # Anna Ek (S) written another way in every meeting
        old, new = ("Anna Ek (S)", "anna  ek (S)") if b % 2 else ("anna  ek (S)", "Anna Ek (S)")
        for other in model.meetings:
            assert isinstance(other, Meeting)
            for person in other.people:
                person[0] = new if person[0] == old else person[0]
            other.absent = [new if n == old else n for n in other.absent]
    elif kind == "by" and m.items:  # a record in an item, by someone
        item = m.items[b % len(m.items)]
        item.record = (base.RECORDS[b % len(base.RECORDS)], name) if b % 6 else ("", "")


PEOPLE_KINDS = (
    "chair",
    "attend",
    "role",
    "serving",
    "until",
    "absent",
    "officials",
    "ballot",
    "secret",
    "opening",
    "written",
    "by",
)
OTHERS = ("prose", "prose", "public", "status", "delete", "rename", "date", "items", "add")
EDITS = st.tuples(
    st.sampled_from(PEOPLE_KINDS * 2 + OTHERS), st.integers(0, 11), st.integers(0, 59)
)


def run_edits(edits: list[tuple[object, ...]]) -> None:
    model = initial()
    with tempfile.TemporaryDirectory(prefix="minutes-casts-") as folder:
        builds = base.Builds(Path(folder), search=False)
        builds.step(model)
        for edit in edits:
            apply(model, edit)
            builds.step(model)
            for parsed in builds.session.parsed.values():
                if parsed.meeting is not None:
                    assert parsed.cast == Cast.of(parsed.meeting), parsed.meeting.source


@settings(max_examples=12 * SCALE, deadline=None)
@given(st.lists(EDITS, min_size=1, max_size=8))
# a bare chair is Anna Ek (S), then not (Anna Ek (M) attends too), then is again; a prose edit
@example([("chair", 0, 2), ("attend", 0, 1), ("attend", 0, 1), ("prose", 0, 1)])
# a motion by a bare Anna Ek (hers), its item made confidential, the meeting closed, her
# name written another way
@example([("by", 0, 20), ("secret", 0, 0), ("public", 0, 0), ("written", 0, 1)])
# a substitute serving for a bare name, the member leaving after § 1, a ballot in § 1
@example([("serving", 0, 10), ("until", 0, 4), ("ballot", 0, 0), ("prose", 0, 2)])
# Anna Ek (S) leaves after § 1 of one meeting and attends another whole: two things said
# of her alike but for that, which sharing must keep apart
@example([("until", 0, 4), ("attend", 1, 0), ("prose", 1, 1)])
def test_kept_casts_make_what_a_clean_build_makes(edits: list[tuple[object, ...]]) -> None:
    run_edits(edits)
