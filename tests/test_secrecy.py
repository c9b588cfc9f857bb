"""Issue #13, point 4: secrecy fails closed. A mark of secrecy that does not parse is an
error, never published text; nothing of a closed meeting or a confidential item (titles,
anchors, file names, attachments, text) reaches any output file, search index included."""

from __future__ import annotations

import gzip
import json
import subprocess
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.build.pipeline import BuildOptions, build
from generator.cli import main
from generator.content.config import SiteConfig
from generator.content.errors import BuildFailed
from generator.content.parse import parse_meeting
from generator.site.paths import meeting_paths

from conftest import SiteFactory

HEAD = "---\nbody: Socialnämnden\ndate: 2024-03-08\n---\n"  # the body starts on line 5


def problems_of(text: str) -> list[tuple[str, int, str]]:
    parsed = parse_meeting(text.encode(), "content/sn/m.md", SiteConfig(root=Path("/x")))
    if parsed.meeting is not None:
        assert not any(p.severity == "error" for p in parsed.problems)
    return [(p.severity, p.line, p.message) for p in parsed.problems]


@pytest.mark.parametrize(
    ("heading", "says"),
    [
        ("## § 6 Bistånd {sekretess}", "does not parse"),
        ("## § 6 Bistånd {confidential}", "does not parse"),
        ("## § 6 Bistånd {confidential=yes}", "confidential=yes: write confidential=true"),
        ("## § 6 Bistånd {confidential=false}", "confidential=false: write confidential=true"),
        ("## § 6 Bistånd {.confidential}", "unknown class '.confidential'"),
        ("## § 6 Bistånd {.Sekretess}", "unknown class '.Sekretess'"),
        (
            "## § 6 Bistånd {confidental=true}",
            "unknown key 'confidental'; did you mean 'confidential'?",
        ),
        ("## § 6 Bistånd {confidential=true public_title=Sekretess ärende}", "does not parse"),
        ('## § 6 Bistånd {#p6 case="SN 1}', "does not parse"),
        ("## § 6 Bistånd{confidential=true}", "is not an attribute block"),
        # two blocks: only the last was read, and the item was published with its title
        ('## § 6 Bistånd {confidential=true} {case="SN 1"}', "only the last block is read"),
        ("## § 6 Bistånd {.sekretess} {#p6}", "only the last block is read"),
        ("## § 6 Bistånd {confidential=true", "is not an attribute block"),
        (
            '## § 6 Bistånd {public_title="Ärende"}',
            "public_title= is only for an item under secrecy",
        ),
        ('## § 6 Bistånd {osl="26 kap. 1 § OSL"}', "osl= is only for an item under secrecy"),
    ],
)
def test_a_mark_of_secrecy_in_another_form_is_an_error_on_its_line(heading: str, says: str) -> None:
    found = problems_of(HEAD + heading + "\n\nSökanden Qzx har skulder.\n")
    assert [(s, line) for s, line, _ in found] == [("error", 5)]
    assert says in found[0][2]


@pytest.mark.parametrize(
    "text",
    [
        "{confidential=true}\n\nText.",
        "Text {sekretess} här.",
        "### Underrubrik {.sekretess}\n\nText.",
        "### Underrubrik {confidential=true}\n\nText.",
    ],
)
def test_a_mark_of_secrecy_off_the_item_heading_is_an_error(text: str) -> None:
    found = problems_of(HEAD + "## § 6 Bistånd\n\n" + text + "\n")
    assert [(s, line) for s, line, _ in found] == [("error", 7)]


@pytest.mark.parametrize(
    "heading",
    [
        "## § 6 Bistånd {confidential=true}",
        '## § 6 Bistånd {confidential="true"}',
        "## § 6 Bistånd {.sekretess}",
        '## § 6 Bistånd {#p6 .sekretess public_title="Ärende" osl="26 kap. 1 § OSL"}',
    ],
)
def test_the_contracts_forms_keep_the_item_unpublished(heading: str) -> None:
    parsed = parse_meeting(
        (HEAD + heading + "\n\nHemligt.\n").encode(), "content/sn/m.md", SiteConfig(root=Path("/x"))
    )
    assert parsed.problems == ()
    assert parsed.meeting is not None
    (item,) = parsed.meeting.items
    assert item.confidential and item.segments == () and item.number == "6"


def test_braces_inside_a_word_or_escaped_stay_title_text() -> None:
    parsed = parse_meeting(
        (HEAD + "## 1. String.pad{Left,Right}\n\n## 2. Budget \\{utkast}\n").encode(),
        "content/sn/m.md",
        SiteConfig(root=Path("/x")),
    )
    assert parsed.problems == ()
    assert parsed.meeting is not None
    assert [i.title for i in parsed.meeting.items] == ["String.pad{Left,Right}", "Budget {utkast}"]


def test_confidential_items_anchor_is_not_its_own_id() -> None:
    parsed = parse_meeting(
        (
            HEAD + "## § 6 Bistånd {#bistand-kalle confidential=true}\n"
            "## Utan nummer {#kalle-2 .sekretess}\n"
        ).encode(),
        "content/sn/m.md",
        SiteConfig(root=Path("/x")),
    )
    assert parsed.meeting is not None
    assert [i.anchor for i in parsed.meeting.items] == ["p6", "item-2"]


def test_closed_meetings_url_does_not_use_its_file_name() -> None:
    paths = meeting_paths(
        [
            ("content/sn/2024-03-01.md", "sn", "2024-03-01"),
            ("content/sn/2024-03-01-tvangsvard-kalle.md", "sn", "2024-03-01"),
            ("content/sn/2024-03-01-b.md", "sn", "2024-03-01"),
        ],
        closed={"content/sn/2024-03-01-tvangsvard-kalle.md"},
    )
    assert paths == {
        "content/sn/2024-03-01.md": "sn/2024-03-01/",
        "content/sn/2024-03-01-b.md": "sn/2024-03-01-b/",
        "content/sn/2024-03-01-tvangsvard-kalle.md": "sn/2024-03-01-2/",
    }


def test_cli_build_and_check_stop_on_a_broken_mark(tmp_site: SiteFactory) -> None:
    root = tmp_site({"content/sn/2024-03-08.md": HEAD + "## § 6 Bistånd {sekretess}\n\nX.\n"})
    runner = CliRunner()
    for args in (["build", "--no-search"], ["check"], ["check", "--strict"]):
        result = runner.invoke(main, [*args, "--source", str(root)])
        assert result.exit_code == 1, args
        assert (
            "content/sn/2024-03-08.md:5: the attribute block '{sekretess}' does not parse"
            in result.output
        )
    assert not (root / "_site").exists()


def _all_files(root: Path) -> list[tuple[Path, bytes]]:
    found = []
    for path in sorted(root.rglob("*")):
        if path.is_file():
            data = path.read_bytes()
            if data[:2] == b"\x1f\x8b":
                data = gzip.decompress(data)
            found.append((path, data))
    return found


CLOSED = """\
---
body: Socialnämnden
date: 2024-03-01
public: false
title: Qzxmötestitel
location: Qzxplats
attendees: [Qzxledamot (S), Bo Öppen (S)]
chair: Bo Öppen (S)
case: SN 2024/9901
attachments:
  - {title: Qzxbilagetitel, file: files/qzxstangd-bilaga.pdf}
  - {title: Qzxlänktitel, url: "https://example.org/qzxlank.pdf"}
---
Qzxingress.

## § 1 Qzxrubrik {#qzxankare1 case="SN 2024/9902"}

Qzxtext och [underlag](../../files/qzxstangd-lank.pdf).
"""

OPEN = """\
---
body: Socialnämnden
date: 2024-03-01
attendees: [Bo Öppen (S)]
---
## § 5 Öppet ärende om budget

Offentlig text. [Bilaga](../../files/oppen.pdf)

## § 6 Qzxsekretessrubrik {#qzxankare2 confidential=true osl="26 kap. 1 § OSL"}

Qzxsekretesstext och [underlag](../../files/qzxsekretess-lank.pdf).

::: reservation Qzxreservant (S)
Qzxreservationstext.
:::

::: conflict Bo Öppen (S)
Jäv.
:::

::: decision
Qzxbeslut.
:::

```vote
question: Qzxfråga
result: {Ja: 3}
```

## § 7 Qzxandrarubrik {#qzxankare3 .sekretess public_title="Sekretessärende" case="SN 2024/9903"}

Qzxandratext.

```vote
question: Bifall
votes:
  Qzxröstare (M): Ja
  Bo Öppen (S): Nej
```
"""


def test_nothing_secret_reaches_any_output(tmp_site: SiteFactory) -> None:
    """A closed meeting (the second document of its body and day, so its URL could come
    from its file name) and confidential items, every title, anchor, file name, attachment
    and text a unique marker; the site built with search on, in git (revision lists) and
    with edit_url; every output file, and every output path, is searched for each marker."""
    root = tmp_site(
        {
            "content/socialnamnden/2024/2024-03-01.md": OPEN,
            "content/socialnamnden/2024/2024-03-01-qzxfilnamn.md": CLOSED,
            "content/files/qzxstangd-bilaga.pdf": b"%PDF qzxfil1",
            "content/files/qzxstangd-lank.pdf": b"%PDF qzxfil2",
            "content/files/qzxsekretess-lank.pdf": b"%PDF qzxfil3",
            "content/files/oppen.pdf": b"%PDF open",
        },
        toml='title = "T"\nlanguage = "sv"\nedit_url = "https://example.org/edit/"\n',
    )
    git = ["git", "-C", str(root), "-c", "user.name=T", "-c", "user.email=t@example.org"]
    subprocess.run([*git, "init", "-q"], check=True)
    subprocess.run([*git, "add", "content"], check=True)
    subprocess.run([*git, "commit", "-q", "-m", "Protokoll"], check=True)
    out = root / "_site"
    build(BuildOptions(source=root, output=out, today=date(2024, 6, 1)))
    files = _all_files(out)
    assert any(b"budget" in data for path, data in files if "pagefind" in path.parts)
    markers = [b"qzx", b"9901", b"9902", b"9903"]
    for path, data in files:
        rel = path.relative_to(out).as_posix().lower().encode()
        assert not any(m in rel for m in markers), rel
        lowered = data.lower()
        assert not any(m in lowered for m in markers), (rel, [m for m in markers if m in lowered])
    assert (out / "files/oppen.pdf").is_file()  # the open meeting's file is there
    open_page = (out / "socialnamnden/2024-03-01/index.html").read_text()
    assert 'id="p6"' in open_page and 'id="p7"' in open_page
    assert "Sekretessgrund: 26 kap. 1 § OSL" in open_page
    assert "Sekretessärende" in open_page
    assert "https://example.org/edit/content/socialnamnden/2024/2024-03-01.md" in open_page
    # a person at the open meeting, the closed one and in confidential items: their page
    # and OParl Person know of the open meeting alone, and of nothing they did in secret
    person = (out / "personer/bo-oppen/index.html").read_text()
    assert "2024-03-01-2" not in person and "socialnamnden/2024-03-01/" in person
    assert '<tr><th scope="row">2024</th><td>1</td><td>0</td></tr>' in person
    meetings = person[person.index('class="person-meetings"') : person.index("</main>")]
    assert (
        "<ul>" not in meetings and "#" not in meetings
    )  # the conflict and the vote were in secret
    oparl = [
        person
        for listed in (out / "oparl/body").glob("*/people*.json")
        for person in json.loads(listed.read_text())["data"]
        if person["id"].endswith("#bo-oppen")
    ]
    assert oparl and "2024-03-01-2" not in json.dumps(oparl)
    closed_page = (out / "socialnamnden/2024-03-01-2/index.html").read_text()
    assert "Sammanträdet är inte offentligt" in closed_page
    assert 'class="history"' not in closed_page and "example.org/edit" not in closed_page


def test_a_file_both_withheld_and_published_is_an_error(tmp_site: SiteFactory) -> None:
    root = tmp_site(
        {
            "content/sn/2024/2024-03-01.md": CLOSED.replace("qzxstangd-bilaga", "delad"),
            "content/sn/2024-03-08.md": "---\nbody: Socialnämnden\ndate: 2024-03-08\n"
            "attachments: [{title: Delad, file: files/delad.pdf}]\n"
            "---\n## § 1 A\n\n[Delad](../files/delad.pdf)\n",
            "content/files/delad.pdf": b"%PDF",
            "content/files/qzxstangd-lank.pdf": b"%PDF",
        }
    )
    result = CliRunner().invoke(main, ["check", "--source", str(root)])
    assert result.exit_code == 1
    assert (
        "content/sn/2024-03-08.md:1: attachments: files/delad.pdf is also referred to "
        "by a secret part of content/sn/2024/2024-03-01.md" in result.output
    )
    assert "content/sn/2024-03-08.md:8: the link to files/delad.pdf" in result.output


def test_a_parse_cached_by_other_parser_code_is_not_reused(
    tmp_site: SiteFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A site built by a parser that let a broken mark through keeps its cached parse only
    as long as that parser runs: a fixed one reads the unchanged file again and stops."""
    import generator.build.load
    import generator.build.pipeline

    root = tmp_site({"content/sn/2024-03-08.md": HEAD + "## § 6 Bistånd {sekretess}\n\nQzx.\n"})
    real = generator.build.load.parse_meeting

    def lenient(data: bytes, *args: object) -> object:  # what the parser once did
        return real(data.replace(b" {sekretess}", b""), *args)  # type: ignore[arg-type]

    with monkeypatch.context() as patch:
        patch.setattr(generator.build.load, "parse_meeting", lenient)
        patch.setattr(
            generator.build.pipeline, "parser_digest", lambda: "an older parser", raising=False
        )
        build(BuildOptions(source=root, search=False))
    assert b"Qzx" in (root / "_site/socialnamnden/2024-03-08/index.html").read_bytes()
    with pytest.raises(BuildFailed) as failed:
        build(BuildOptions(source=root, search=False))
    assert [(p.line, p.message.split(" does not")[0]) for p in failed.value.problems] == [
        (5, "the attribute block '{sekretess}'")
    ]


@pytest.mark.parametrize(
    "line",
    [
        "PUBLIC: false",
        "Public: false",
        "public:",
        "public: ~",
        "offentlig: nej",
        "sekretess: true",
        "confidential: true",
        "hemlig: ja",
        "closed: true",
        "private: true",
        "draft: true",
        "utkast: ja",
    ],
)
def test_a_key_that_asks_to_keep_the_meeting_back_never_publishes_it(line: str) -> None:
    """Any other spelling of `public: false` (or of a draft) was an unknown key, a warning,
    and the meeting was published in full."""
    found = problems_of(
        f"---\nbody: Socialnämnden\ndate: 2024-03-08\n{line}\n---\n## § 1 Qzx\n\nQzxtext.\n"
    )
    assert ("error", 4) in [(s, n) for s, n, _ in found], found


def test_a_page_cannot_be_kept_back_by_a_key(tmp_site: SiteFactory) -> None:
    root = tmp_site(
        {
            "content/pages/utkast.md": "---\ntitle: Utkast\npublic: false\n---\nQzxtext.\n",
            "content/bodies/sn.md": "---\nname: Socialnämnden\nstatus: draft\n---\nQzx.\n",
        }
    )
    result = CliRunner().invoke(main, ["build", "--source", str(root), "--no-search"])
    assert result.exit_code == 1
    assert "content/pages/utkast.md:3: public: pages and bodies' descriptions" in result.output
    assert "content/bodies/sn.md:3: status: pages and bodies' descriptions" in result.output
    assert not (root / "_site").exists()


def test_a_file_a_confidential_item_links_in_any_form_is_kept_back(tmp_site: SiteFactory) -> None:
    """The file was kept back only for a relative Markdown link without a query: linked
    with '?download=1', from the site's root, by the site's full address, from raw HTML or
    by a link reference, it was copied to the output."""
    forms = {
        "qzxquery": "[a](../../files/qzxquery.pdf?download=1)",
        "qzxroot": "[b](/protokoll/files/qzxroot.pdf)",
        "qzxfull": "[c](https://example.org/protokoll/files/qzxfull.pdf)",
        "qzxescaped": "[d](../../files/qzx%65scaped.pdf)",
        "qzxraw": '<a href="../../files/qzxraw.pdf">e</a>',
        "qzxrawimg": "<img src='/protokoll/files/qzxrawimg.pdf' alt=''>",
        "qzxdefined": "[qzxdefined]: ../../files/qzxdefined.pdf",
    }
    root = tmp_site(
        {
            "content/sn/2024/2024-03-01.md": HEAD
            + "## § 1 Öppet\n\nText.\n\n## § 2 Qzx {confidential=true}\n\n"
            + "\n\n".join(forms.values())
            + "\n",
            **{f"content/files/{name}.pdf": b"%PDF qzx" for name in forms},
            "content/files/open.pdf": b"%PDF",
        },
        toml='title = "T"\nlanguage = "sv"\nraw_html = true\n'
        'base_url = "https://example.org/protokoll/"\n',
    )
    out = root / "_site"
    build(BuildOptions(source=root, output=out, search=False, today=date(2024, 6, 1)))
    assert sorted(p.name for p in (out / "files").iterdir()) == ["open.pdf"]


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("[Underlag][u]\n\n## § 2 Qzx {confidential=true}\n\n[u]: https://x.se/qzx 'Qzx'", 5),
        ("[u]\n\n## § 2 Qzx {confidential=true}\n\n[U]: https://x.se/qzx", 5),
        ("[§ 2](#qzxbistand)\n\n## § 2 Qzx {#qzxbistand confidential=true}", 5),
        ("[§ 2](m.md#qzxbistand)\n\n## § 2 Qzx {#qzxbistand .sekretess}", 5),
    ],
)
def test_an_open_link_that_shows_something_of_a_confidential_item_is_an_error(
    text: str, line: int
) -> None:
    """A link reference is defined for the whole file, so one defined inside a confidential
    item published its address and title where an open item used it; a link to the item's
    own {#id} published the id, which the item's anchor never shows."""
    found = problems_of(HEAD + "## § 1 Öppet\n\n" + text + "\n")
    assert [(s, n) for s, n, _ in found] == [("error", line + 2)], found


def test_a_link_to_a_confidential_items_number_is_fine() -> None:
    text = HEAD + "## § 1 Öppet\n\n[§ 2](#p2)\n\n## § 2 Qzx {#p2 confidential=true}\n\nQzx.\n"
    assert problems_of(text) == []


def test_a_link_from_another_file_to_a_secret_anchor_does_not_publish_it(
    tmp_site: SiteFactory,
) -> None:
    root = tmp_site(
        {
            "content/sn/2024-03-01.md": HEAD.replace("2024-03-08", "2024-03-01")
            + "## § 1 Qzx {#qzxbistand confidential=true}\n\nQzx.\n",
            "content/sn/2024-03-02.md": "---\nbody: Socialnämnden\ndate: 2024-03-02\n"
            "public: false\n---\n## § 1 Qzx {#qzxstangd}\n",
            "content/sn/2024-03-08.md": HEAD
            + "## § 1 A\n\n[a](2024-03-01.md#qzxbistand) [b](2024-03-02.md#qzxstangd)\n",
        }
    )
    build(BuildOptions(source=root, output=root / "_site", search=False, today=date(2024, 6, 1)))
    for path, data in _all_files(root / "_site"):
        assert b"qzx" not in data.lower(), path


@pytest.mark.parametrize("heading", ["## 4.Qzxsökande Smith", "## 4.Qzx.ii Smith", "## 4.2.Qzx"])
def test_a_confidential_items_number_holds_no_word_of_its_title(heading: str) -> None:
    """'4.Applicant' was read as the sub-number 4.Applicant and shown with the notice."""
    parsed = parse_meeting(
        (HEAD + heading + " {confidential=true}\n\nQzx.\n").encode(),
        "content/sn/m.md",
        SiteConfig(root=Path("/x")),
    )
    assert parsed.meeting is not None
    (item,) = parsed.meeting.items
    assert "qzx" not in f"{item.number} {item.label} {item.anchor} {item.title}".casefold()


def test_a_file_a_closed_meeting_attaches_by_the_sites_address_is_kept_back(
    tmp_site: SiteFactory,
) -> None:
    root = tmp_site(
        {
            "content/sn/2024-03-01.md": "---\nbody: Socialnämnden\ndate: 2024-03-01\n"
            "public: false\nattachments: [{title: Qzx, url: 'https://example.org/p/files/"
            "qzx.pdf'}]\n---\n## § 1 Qzx\n",
            "content/files/qzx.pdf": b"%PDF qzx",
            "content/files/open.pdf": b"%PDF",
        },
        toml='title = "T"\nbase_url = "https://example.org/p/"\n',
    )
    out = root / "_site"
    build(BuildOptions(source=root, output=out, search=False, today=date(2024, 6, 1)))
    assert sorted(p.name for p in (out / "files").iterdir()) == ["open.pdf"]


@pytest.mark.parametrize("base_url", ["https://example.org/p/", "https://example.org/p"])
@pytest.mark.parametrize(
    "href",
    [
        "../../files/x.pdf?download=1#page=2",
        "/p/files/x.pdf",
        "https://example.org/p/files/x.pdf",
        "../../files/%78.pdf",
        "..\\..\\files\\x.pdf",
    ],
)
def test_every_form_of_an_address_of_a_site_file_is_known(base_url: str, href: str) -> None:
    """How a secret part's links are kept back: with or without the base address's slash."""
    from generator.content.markdown import linked_file

    assert linked_file(href, "sn/2024", base_url) == "files/x.pdf"
