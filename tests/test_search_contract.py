"""Search's contract has one owner (generator/pages/search.py): the meeting pages' markup
and the names search.js asks Pagefind for come from it, and a theme that leaves the markup
out fails the build, naming its template."""

from __future__ import annotations

import json
import pickle
import re
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.build.pagefind import Indexer, index_partition
from generator.cli import main, template_location
from generator.content.config import KNOWN_LANGUAGES, SiteConfig
from generator.content.parse import parse_meeting
from generator.messages.commands import Commands
from generator.pages import search
from generator.pages.render import default_theme_dir
from generator.site.partitions import Partition

from conftest import SiteFactory
from htmltools import SEARCHED, index_files, page

THEME = default_theme_dir()
MEETING = (
    "---\nbody: 'Nämnd \"A\" & <B>'\ndate: 2021-03-04\ntype: \"Möte 'extra'\"\n"
    "date_note: 'datum \"oklart\"'\n---\n\n## § 1 Budget\n\nText.\n\n### Beslut\n\nBifall.\n"
    "\n## § 2 Övrigt\n\nInget.\n"
)


def test_no_template_writes_the_markup_itself() -> None:
    """The default theme takes every data-pagefind-* attribute from the contract."""
    for template in sorted((THEME / "templates").glob("*.html")):
        assert "data-pagefind" not in template.read_text(), template.name
    script = (THEME / "static/search.js").read_text()
    assert f'getElementById("{search.DATA_ID}")' in script
    # the filters, sort and metadata reach Pagefind through the contract's names only
    assert not re.search(r"filters\[\s*\"|sort = \{ date|\.meta\.\w", script)


def test_the_head_is_the_markup_pages_carried_before() -> None:
    """What the template wrote by hand, byte for byte (escaped as Jinja escapes)."""
    parsed = parse_meeting(MEETING.encode(), "content/x.md", SiteConfig(root=Path("/x")))
    assert parsed.meeting is not None
    assert str(search.head(parsed.meeting)) == (
        '<meta data-pagefind-filter="body[content]" content="Nämnd &#34;A&#34; &amp; &lt;B&gt;">\n'
        '<meta data-pagefind-filter="year[content]" content="2021">\n'
        '<meta data-pagefind-filter="type[content]" content="Möte &#39;extra&#39;">\n'
        '<meta data-pagefind-meta="date[content]" content="2021-03-04">\n'
        '<meta data-pagefind-meta="body[content]" content="Nämnd &#34;A&#34; &amp; &lt;B&gt;">\n'
        '<meta data-pagefind-sort="date[content]" content="2021-03-04">\n'
        '<meta data-pagefind-meta="date_note[content]" content="datum &#34;oklart&#34;">\n'
        '<meta data-pagefind-filter="decisions[content]" content="1">\n'
        '<meta data-pagefind-meta="decisions[content]" content="p1">\n'
    )


def test_pages_carry_the_contract(tmp_site: SiteFactory) -> None:
    from test_build import quick_build

    root = tmp_site({"content/x.md": MEETING})
    out = quick_build(root)
    html = page(out, "namnd-a-b/2021-03-04/")
    parsed = parse_meeting(MEETING.encode(), "content/x.md", SiteConfig(root=root))
    assert parsed.meeting is not None
    assert "<head>" in html and str(search.head(parsed.meeting)) + "</head>" in html
    assert f'<article class="meeting" {search.BODY}>' in html
    assert f"<h1 {search.TITLE}>" in html
    found = re.search(
        r'<script type="application/json" id="search-contract">(.*?)</script>', page(out, "sok/")
    )
    assert found and json.loads(found[1]) == search.client()
    assert json.loads(found[1])["filters"].keys() >= {"body", "year", "type", "decisions"}


def own_theme(tmp_site: SiteFactory, template: str, text: str) -> Path:
    return tmp_site(
        {"content/ks.md": MEETING, f"themes/egen/templates/{template}": text},
        toml='title = "T"\ntheme = "egen"\n',
    )


@pytest.mark.parametrize(
    ("template", "old", "new", "lacking"),
    [
        ("meeting.html", "{{ search.head(meeting) }}", "", "{{ search.head(meeting) }}"),
        ("meeting.html", "{{ search.body }}", "", "{{ search.body }}"),
        ("search.html", "{{ search.data }}", "", "{{ search.data }}"),
    ],
)
def test_a_theme_that_leaves_the_markup_out_fails_naming_its_template(
    tmp_site: SiteFactory, template: str, old: str, new: str, lacking: str
) -> None:
    text = (THEME / "templates" / template).read_text()
    assert old in text
    root = own_theme(tmp_site, template, text.replace(old, new))
    for command in (["build", "--no-search"], ["build"]):
        done = CliRunner().invoke(main, [*command, "--source", str(root)])
        assert done.exit_code == 1, done.output
        where = root / "themes/egen/templates" / template
        assert f"error: {where}: " in done.output and lacking in done.output
        assert "Nothing was written" in done.output
        assert not (root / "_site").exists()


def test_a_theme_meeting_page_of_its_own_that_forgets_it(tmp_site: SiteFactory) -> None:
    """A theme's meeting.html written from scratch, as the issue tells it."""
    root = own_theme(
        tmp_site,
        "meeting.html",
        "{% extends 'base.html' %}{% block main %}<article><h1>{{ meeting.title }}</h1>"
        "</article>{% endblock %}",
    )
    done = CliRunner().invoke(main, ["build", "--source", str(root), "--no-search"])
    assert done.exit_code == 1
    assert "themes/egen/templates/meeting.html: a meeting page must carry" in done.output


def test_a_theme_meeting_page_with_the_markup_builds(tmp_site: SiteFactory) -> None:
    root = own_theme(
        tmp_site,
        "meeting.html",
        "{% extends 'base.html' %}{% block head %}{{ search.head(meeting) }}{% endblock %}"
        "{% block main %}<main {{ search.body }}><h1 {{ search.title }}>{{ meeting.title }}"
        "</h1></main>{% endblock %}",
    )
    done = CliRunner().invoke(main, ["build", "--source", str(root)])
    assert done.exit_code == 0, done.output
    assert (root / "_site/pagefind").is_dir()


def test_the_error_crosses_from_a_worker() -> None:
    """Raised in a render worker, it reaches the command with its template."""
    said = Commands.SEARCH_BODY_MISSING()
    raised = search.MissingSearchMarkup(said, "/s/themes/e/meeting.html")
    again = pickle.loads(pickle.dumps(raised))
    assert isinstance(again, search.MissingSearchMarkup)
    assert (again.said, again.filename) == (said, raised.filename)
    assert again.message == raised.message == str(said)
    assert template_location(again) == "/s/themes/e/meeting.html"


def test_a_change_of_the_contract_renders_every_page_again(
    tmp_site: SiteFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    from generator.build.pipeline import BuildOptions, build

    root = tmp_site({"content/ks.md": MEETING})
    options = BuildOptions(source=root, output=root / "_site", search=False, today=date(2024, 6, 1))
    first = build(options)
    assert build(options).rendered == 0
    monkeypatch.setattr("generator.build.pipeline.contract_digest", lambda: "another")
    assert build(options).rendered == first.rendered


def test_a_search_index_keeps_only_what_the_search_page_loads(example_site: Path) -> None:
    folders = sorted((example_site / "pagefind").iterdir())
    assert folders
    for folder in folders:
        assert index_files(folder) == SEARCHED, folder
        assert {p.name for p in folder.iterdir() if p.is_dir()} >= {"index", "fragment"}


LOADS_WASM = 'index.wasm?index.wasm:"unknown"'  # pagefind.js: the WASM an index is searched with


@pytest.mark.parametrize("language", [*KNOWN_LANGUAGES, "is"])  # Icelandic: no stemmer
@pytest.mark.parametrize("way", ["whole", "patch"])  # Indexer; index_partition
def test_a_trimmed_index_keeps_the_wasm_its_pagefind_js_loads(
    tmp_path: Path, language: str, way: str
) -> None:
    """pagefind.js searches an index with the WASM its entry names for its language, or,
    where Pagefind has no stemmer for it (the entry says null), wasm.unknown.pagefind: the
    trim keeps that one, whichever way the index is made."""
    site = tmp_path / "site"
    (site / "ks/2024-01-10").mkdir(parents=True)
    (site / "ks/2024-01-10/index.html").write_text(
        f'<html lang="{language}"><body><main data-pagefind-body><p>Ord</p></main></body></html>'
    )
    partition = Partition(("2024",), ("ks",))
    if way == "whole":
        indexer = Indexer(site, language)
        indexer.submit(partition)
        indexer.finish()
        index = site / partition.path
    else:
        index = tmp_path / "index"
        index_partition(site, partition, language, index)
    assert LOADS_WASM in (index / "pagefind.js").read_text()
    entry = json.loads((index / "pagefind-entry.json").read_bytes())
    (found,) = entry["languages"].values()
    loaded = f"wasm.{found['wasm'] or 'unknown'}.pagefind"
    assert index_files(index) == SEARCHED - {"wasm.sv.pagefind"} | {loaded}
