"""A kind of page is one class (generator/pages/kind.py): adding one takes that class and a
template and nothing else. A toy kind registered here is rendered, listed in the sitemap,
fingerprinted (rendered again exactly when what it shows changes) and claims its path."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from generator.build.pipeline import BuildOptions, build
from generator.content.errors import BuildFailed
from generator.pages import kinds
from generator.pages.kind import Kind, PageJob, Plan
from generator.pages.render import Renderer
from generator.pages.views import Views

from conftest import REPO, SiteFactory


class BodiesBySize(Kind[None]):
    """The bodies, the one with most meetings first."""

    name = template = "organ.html"

    def pages(self, plan: Plan) -> Iterable[PageJob[None]]:
        return (self.job("organ/", None),)

    def describe(self, job: PageJob[None]) -> str:
        return "the list of bodies by size"

    def values(self, job: PageJob[None], views: Views) -> dict[str, Any]:
        counted = ((b.name, len(b.meetings)) for b in views.facet("bodies"))
        return {"ranked": tuple(sorted(counted, key=lambda c: (-c[1], c[0])))}

    def render(self, job: PageJob[None], context: dict[str, Any], renderer: Renderer) -> bytes:
        RENDERED.append(job.path)
        return super().render(job, context, renderer)


RENDERED: list[str] = []
TEMPLATE = """{% extends "base.html" %}
{% block main %}<ol class="organ">{% for name, count in ranked %}<li>{{ name }}: {{ count }}</li>
{% endfor %}</ol>{% endblock %}
"""


def meeting(body: str, day: str, title: str = "Ärende") -> str:
    return f"---\nbody: {body}\ndate: {day}\nstatus: published\n---\n\n## § 1 {title}\n\nText.\n"


@pytest.fixture
def toy() -> Iterator[BodiesBySize]:
    kind = BodiesBySize()
    kinds.register(kind)
    RENDERED.clear()
    yield kind
    kinds.unregister(kind)


def ranked(out: Path) -> list[str]:
    html = (out / "organ/index.html").read_text()
    return re.findall(r"<li>([^<]*)</li>", html)


def files(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and p.name != ".minutes-output"
    }


def test_a_new_kind_is_one_class_and_one_template(
    toy: BodiesBySize, tmp_site: SiteFactory, tmp_path: Path
) -> None:
    root = tmp_site(
        {
            "content/ks/2024-05-14.md": meeting("Kommunstyrelsen", "2024-05-14"),
            "content/sn/2024-05-15.md": meeting("Socialnämnden", "2024-05-15"),
            "content/sn/2024-05-22.md": meeting("Socialnämnden", "2024-05-22"),
            "themes/egen/templates/organ.html": TEMPLATE,
        },
        toml='title = "T"\ntheme = "egen"\n',
    )
    options = BuildOptions(source=root, search=False, jobs=1, today=date(2024, 6, 1))
    build(options)
    out = root / "_site"
    assert ranked(out) == ["Socialnämnden: 2", "Kommunstyrelsen: 1"]
    assert "<loc>/organ/</loc>" in (out / "sitemap.xml").read_text()
    assert RENDERED == ["organ/"]

    # an edit it does not show: not rendered again
    (root / "content/ks/2024-05-14.md").write_text(
        meeting("Kommunstyrelsen", "2024-05-14", title="Nytt namn")
    )
    assert build(options).rendered > 0
    assert RENDERED == ["organ/"]

    # what it shows changes: rendered again, as a clean build renders it
    for day in ("2024-05-28", "2024-05-29"):
        (root / f"content/ks/{day}.md").write_text(meeting("Kommunstyrelsen", day))
    build(options)
    assert RENDERED == ["organ/", "organ/"]
    assert ranked(out) == ["Kommunstyrelsen: 3", "Socialnämnden: 2"]
    clean = tmp_path / "clean"
    build(
        BuildOptions(source=root, output=clean, search=False, today=date(2024, 6, 1), cache=False)
    )
    assert files(out) == files(clean)

    # its path is claimed: a plain page on it is refused at its file
    (root / "content/pages").mkdir()
    (root / "content/pages/organ.md").write_text("# Organ\n")
    with pytest.raises(BuildFailed) as failed:
        build(options)
    errors = [e for e in failed.value.problems if e.severity == "error"]
    assert [f"{e.path}:{e.line}: {e.message}" for e in errors] == [
        "content/pages/organ.md:1: the page URL /organ/ is already used by the list of bodies "
        "by size (/organ/); rename the file"
    ]


def test_no_part_of_the_build_asks_which_kind_a_page_is() -> None:
    """The renderer, the fingerprints, the pool and the pipeline iterate the kinds; none of
    them compares a page's template or kind name (the ladders this replaced)."""
    ladder = re.compile(r"""\.(template|name)\s*(==|!=|in)\s|startswith\(["']@""")
    for module in (
        "pages/render.py",
        "pages/views.py",
        "build/depends.py",
        "build/pool.py",
        "build/pipeline.py",
    ):
        source = (REPO / "generator" / module).read_text()
        assert not ladder.search(source), module
