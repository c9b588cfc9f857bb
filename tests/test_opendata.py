"""The OParl export: every object has id, created, modified and web, and every link in it
resolves to a file (and, for embedded objects, an id) that exists in the output."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from htmltools import page

BASE = "https://example.org/"
OPARL = "https://schema.oparl.org/1.1/"


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


def test_every_object_is_complete_and_every_link_resolves(example_site: Path) -> None:
    files = sorted((example_site / "oparl").rglob("*.json"))
    loaded = {f.relative_to(example_site).as_posix(): json.loads(f.read_text()) for f in files}
    ids = {o["id"] for data in loaded.values() for o in objects(data)}
    kinds = {o["type"].removeprefix(OPARL) for data in loaded.values() for o in objects(data)}
    assert {
        "System",
        "Body",
        "Organization",
        "Person",
        "Membership",
        "Meeting",
        "AgendaItem",
        "Paper",
        "Consultation",
        "Location",
    } <= kinds
    assert "https://www.popoloproject.com/specs/vote-event.html" in kinds
    for data in loaded.values():
        for obj in objects(data):
            for key in ("id", "created", "modified", "web"):
                assert obj.get(key), (obj["id"], key)
        for url in urls(data):
            path, _, fragment = url.removeprefix(BASE).partition("#")
            target = example_site / path
            assert target.is_file() or (target / "index.html").is_file(), url
            if path.endswith(".json") and fragment:
                assert url in ids, url
    assert len(loaded) > 30


def test_export_content_matches_the_minutes(example_site: Path) -> None:
    system = json.loads((example_site / "oparl/system.json").read_text())
    bodies = json.loads(Path(example_site / system["body"].removeprefix(BASE)).read_text())
    names = {b["name"] for b in bodies["data"]}
    assert {"Region Jämtland Härjedalen", "Region Halland", "Västra Götalandsregionen"} <= names
    paper = json.loads((example_site / "oparl/paper/rs-412-2020.json").read_text())
    assert paper["reference"] == "RS/412/2020"
    assert [c["agendaItem"].rsplit("#", 1)[1] for c in paper["consultation"]] == ["p89"]
    assert (
        paper["x-mentionedHandling"]
        == [
            {  # mentioned in § 89; not published here
                "organizationName": "Hälso- och sjukvårdsnämnden",
                "date": "2020-05-14",
                "number": "§ 45",
                "mentionedIn": BASE + "oparl/meeting/region-jamtland-harjedalen--"
                "regionstyrelsen--2020-05-26.json#p89",
            }
        ]
    )
    meeting = json.loads(
        (
            example_site / "oparl/meeting/region-jamtland-harjedalen--"
            "regionstyrelsen--2020-05-26.json"
        ).read_text()
    )
    (item,) = meeting["agendaItem"]
    assert item["number"] == "89" and "teknisk" in item["resolutionText"]
    vote = json.loads(Path(example_site / item["x-voteEvent"][0].removeprefix(BASE)).read_text())
    assert vote["counts"] == [
        {"option": "Ja", "value": 9},
        {"option": "Nej", "value": 6},
        {"option": "Avstår", "value": 0},
    ]
    assert vote["votes"] == []  # the source does not say who voted what
    person = json.loads((example_site / "oparl/person/eva-hellstrand.json").read_text())
    assert person["membership"][0]["role"] == "Ordförande"
    assert person["membership"][0]["onBehalfOf"] == "C"
    assert "oparl/system.json" in page(example_site, "oppna-data/")
