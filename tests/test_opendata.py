"""The OParl export: every object has id and type, every object fetched on its own (not
given inside another) created and modified, those with a page web; and every link in it
resolves to a file (and, for embedded objects, an id) that exists in the output."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path
from typing import Any

from generator.build.pipeline import BuildOptions, build
from generator.content.config import KNOWN_LANGUAGES
from generator.pages.i18n import strings

from conftest import SiteFactory
from htmltools import page

BASE = "https://example.org/"
OPARL = "https://schema.oparl.org/1.1/"
RS = "region-jamtland-harjedalen/regionstyrelsen/2020-05-26/"


def objects(value: Any) -> list[dict[str, Any]]:
    """Every object with a type, however deeply embedded."""
    found = []
    if isinstance(value, dict):
        if "type" in value:
            found.append(value)
        for v in value.values():
            found += objects(v)
    elif isinstance(value, list):
        for v in value:
            found += objects(v)
    return found


def urls(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value] if value.startswith(BASE) else []
    if isinstance(value, dict):
        return [u for v in value.values() for u in urls(v)]
    if isinstance(value, list):
        return [u for v in value for u in urls(v)]
    return []


PAGED = {"System", "Body", "Organization", "Person", "Meeting", "Paper"}  # web: their page


def check_export(site: Path) -> set[str]:
    """Every object in ``site``'s export has id and type; every object not given inside
    another has created and modified (OParl asks for them only there, and embedded ones do
    not repeat their parent's); those of a kind with a page have web; and every link
    resolves to a file and, with a fragment, to an object's id. The types."""
    files = sorted((site / "oparl").rglob("*.json"))
    loaded = {f.relative_to(site).as_posix(): json.loads(f.read_text()) for f in files}
    ids = {o["id"] for data in loaded.values() for o in objects(data)}
    for data in loaded.values():  # a Body is in bodies.json and its own file; else once
        assert len(own := [o["id"] for o in objects(data)]) == len(set(own))
    kinds = {o["type"].removeprefix(OPARL) for data in loaded.values() for o in objects(data)}
    for data in loaded.values():
        own = data.get("data", [data])
        for obj in own:
            for key in ("created", "modified"):
                assert obj.get(key), (obj["id"], key)
        for obj in objects(data):
            assert obj.get("id") and obj.get("type"), obj
            if not any(obj is o for o in own):
                assert "created" not in obj and "modified" not in obj, obj["id"]
            if obj["type"].removeprefix(OPARL) in PAGED:
                assert obj.get("web"), obj["id"]
        for url in urls(data):
            path, _, fragment = url.removeprefix(BASE).partition("#")
            target = site / path
            assert target.is_file() or (target / "index.html").is_file(), url
            if path.endswith(".json") and fragment:
                assert url in ids, url
    return kinds


def test_every_object_is_complete_and_every_link_resolves(example_site: Path) -> None:
    kinds = check_export(example_site)
    assert {
        "System",
        "Body",
        "Organization",
        "Person",
        "Membership",
        "Meeting",
        "AgendaItem",
        "Location",
    } <= kinds
    assert "https://www.popoloproject.com/specs/vote-event.html" in kinds
    # a handful of files per organisation, not a file per object
    assert len(list((example_site / "oparl").rglob("*.json"))) < 40


def test_a_case_handled_three_times_is_a_paper(tmp_site: SiteFactory) -> None:
    """A case number with a page of its own is a Paper, its handlings Consultations that
    the agenda items point at; one handled once is only its item's ``x-caseNumber``."""
    meeting = "---\nbody: KS\ndate: 2024-05-{day}\n---\n" + (
        '## § 1 Budget {{#p1 case="KS 2024/9"}}\n\n::: beslut\nBifalls.\n:::\n\n'
        '## § 2 Remiss {{#p2 case="KS 2024/{day}"}}\n\nText.\n'
    )
    root = tmp_site(
        {f"content/ks/{d}.md": meeting.format(day=d) for d in ("02", "14", "28")},
        toml=f'title = "Test"\nlanguage = "sv"\nbase_url = "{BASE}"\n',
    )
    out = root / "_site"
    build(BuildOptions(source=root, output=out, search=False, today=date(2024, 6, 1)))
    assert {"Paper", "Consultation", "Meeting", "AgendaItem"} <= check_export(out)
    papers = [
        o for f in (out / "oparl").rglob("papers*.json") for o in json.loads(f.read_text())["data"]
    ]
    (paper,) = papers
    assert paper["reference"] == "KS 2024/9" and paper["web"] == BASE + "arenden/ks-2024-9/"
    assert [c["authoritative"] for c in paper["consultation"]] == [True, True, True]
    (meetings,) = (out / "oparl").rglob("meetings-2024.json")
    items = [i for m in json.loads(meetings.read_text())["data"] for i in m["agendaItem"]]
    assert [i["consultation"] for i in items if i["number"] == "1"] == [
        c["id"] for c in paper["consultation"]
    ]
    assert all("consultation" not in i for i in items if i["number"] == "2")
    assert {i["x-caseNumber"] for i in items if i["number"] == "2"} == {
        "KS 2024/02",
        "KS 2024/14",
        "KS 2024/28",
    }


def test_export_content_matches_the_minutes(example_site: Path) -> None:
    system = json.loads((example_site / "oparl/system.json").read_text())
    bodies = json.loads(Path(example_site / system["body"].removeprefix(BASE)).read_text())
    names = {b["name"] for b in bodies["data"]}
    assert {"Region Jämtland Härjedalen", "Region Halland", "Västra Götalandsregionen"} <= names
    (rjh,) = [b for b in bodies["data"] if b["name"] == "Region Jämtland Härjedalen"]
    first = json.loads((example_site / rjh["meeting"].removeprefix(BASE)).read_text())
    assert first["links"] == {"first": rjh["meeting"]}  # one year: one page
    assert rjh["meeting"] == BASE + "oparl/body/region-jamtland-harjedalen/meetings-2020.json"
    (meeting,) = first["data"]
    assert meeting["web"] == BASE + RS
    (item,) = meeting["agendaItem"]
    assert item["id"] == meeting["id"] + ".p89" and item["order"] == 1
    assert item["number"] == "89" and "teknisk" in item["resolutionText"]
    assert item["x-caseNumber"] == "RS/412/2020" and "consultation" not in item
    assert item["x-mentionedHandling"] == [  # mentioned in § 89; not published here
        {"organizationName": "Hälso- och sjukvårdsnämnden", "date": "2020-05-14", "number": "§ 45"}
    ]
    (vote,) = item["x-voteEvent"]
    assert vote["counts"] == [
        {"option": "Ja", "value": 9},
        {"option": "Nej", "value": 6},
        {"option": "Avstår", "value": 0},
    ]
    assert vote["votes"] == []  # the source does not say who voted what
    people = json.loads((example_site / rjh["person"].removeprefix(BASE)).read_text())
    assert people["links"]["first"] == rjh["person"]
    page_e = BASE + "oparl/body/region-jamtland-harjedalen/people-e.json"
    (eva,) = [
        p
        for f in (example_site / "oparl").rglob("people*.json")
        for p in json.loads(f.read_text())["data"]
        if p["name"] == "Eva Hellstrand"
    ]
    assert eva["id"] == page_e + "#eva-hellstrand"
    assert eva["membership"][0]["role"] == "Ordförande"
    assert eva["membership"][0]["onBehalfOf"] == "C"
    assert "oparl/system.json" in page(example_site, "oppna-data/")


def test_a_parent_dates_what_it_embeds(tmp_site: SiteFactory) -> None:
    """Embedded objects carry no created/modified of their own: their parent's must move
    when they come. A new meeting that makes Eva chair (a new Membership) and handles a
    case a fourth time (a new Consultation) moves her Person's and the Paper's modified
    to its date, and those of its Organization, Body and System."""
    meeting = (
        "---\nbody: KS\ndate: 2024-05-{day}\n{who}\n---\n"
        '## § 1 Budget {{#p1 case="KS 2024/9"}}\n\n::: beslut\nBifalls.\n:::\n'
    )
    files = {
        f"content/ks/{d}.md": meeting.format(day=d, who="attendees: [Eva Berg (S)]")
        for d in ("02", "14", "28")
    }
    root = tmp_site(files, toml=f'title = "Test"\nlanguage = "sv"\nbase_url = "{BASE}"\n')
    out = root / "_site"

    def stamps() -> dict[str, tuple[str, str, int]]:
        found = {}
        for file in sorted((out / "oparl").rglob("*.json")):
            data = json.loads(file.read_text())
            for obj in data.get("data", [data]):
                embedded = len(obj.get("membership", obj.get("consultation", [])))
                found[obj["type"].removeprefix(OPARL)] = (
                    obj["created"],
                    obj["modified"],
                    embedded,
                )
        return found

    options = BuildOptions(source=root, output=out, search=False, today=date(2024, 7, 1))
    build(options)
    before = stamps()
    (root / "content/ks/30.md").write_text(meeting.format(day="30", who="chair: Eva Berg (S)"))
    build(options)
    after = stamps()
    check_export(out)
    moved = "2024-05-30T00:00:00+00:00"
    for kind in ("Person", "Paper", "Organization", "Body", "System"):
        assert after[kind][:2] == (before[kind][0], moved), kind
    assert after["Person"][2] == before["Person"][2] + 1  # chair: a Membership of its own
    assert after["Paper"][2] == before["Paper"][2] + 1


def test_what_the_docs_say_of_created_and_modified_is_what_the_export_does() -> None:
    """The README and the open data page (each language) say created and modified are on
    objects not given inside another, as check_export holds the export to: not on all."""
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text()
    texts = [readme[readme.index("- open data (") :].split("\n- ")[0]]
    texts += [strings(language)["opendata_text"] for language in KNOWN_LANGUAGES]
    for text in texts:
        said = [s for s in re.split(r"(?<=[.;:])\s", text) if "created" in s]
        assert said, text
        assert all(("inside" in s or "inuti" in s) for s in said), said
