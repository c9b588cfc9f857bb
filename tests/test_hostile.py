"""Hostile content: no script from Markdown or front matter reaches the output as code, with
raw HTML off (the default) and on; paths never leave content/."""

from __future__ import annotations

import json
from datetime import date
from html import unescape
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.build.pipeline import BuildOptions, build
from generator.cli import main
from generator.content.errors import BuildFailed
from generator.pages import search

from conftest import DATA, SiteFactory

PAYLOADS = [line for line in (DATA / "xss-payloads.txt").read_text().splitlines() if line]
URL_ATTRS = {
    "href",
    "src",
    "action",
    "formaction",
    "data",
    "poster",
    "background",
    "srcdoc",
    "xlink:href",
    "srcset",
}
FORBIDDEN_TAGS = {"iframe", "object", "embed", "base", "frame", "applet", "style"}
OUR_SCRIPTS = {"/static/search.js"}


class Scanner(HTMLParser):
    """Collects anything in a page that a browser could run."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []
        self.csp = False
        self.in_script = False
        self.in_data = False  # the search page's JSON of the contract's names: runs nothing

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        if tag == "script":
            if values == {"type": "application/json", "id": search.DATA_ID}:
                self.in_data = True
            elif values.get("src") not in OUR_SCRIPTS:
                self.problems.append(f"<script {values}>")
            self.in_script = True
        if tag in FORBIDDEN_TAGS:
            self.problems.append(f"<{tag}>")
        if tag == "form" and values.get("action") != "/sok/":  # only the site's search box
            self.problems.append(f"<form {values}>")
        if tag == "meta" and "http-equiv" in values:
            if values["http-equiv"].lower() == "content-security-policy":
                self.csp = True
            else:
                self.problems.append(f"<meta http-equiv={values['http-equiv']}>")
        for name, value in values.items():
            if name.startswith("on"):
                self.problems.append(f"<{tag} {name}=...>")
            folded = "".join(ch for ch in unescape(value) if ch > " ").lower()
            if name in URL_ATTRS and folded.startswith(("javascript:", "vbscript:", "data:")):
                self.problems.append(f"<{tag} {name}={value!r}>")
            if name == "style" and ("expression(" in folded or "javascript:" in folded):
                self.problems.append(f"<{tag} style={value!r}>")

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self.in_script = self.in_data = False

    def handle_data(self, data: str) -> None:
        if self.in_data:  # nothing but the contract's names
            if json.loads(data) != search.client():
                self.problems.append(f"search data: {data[:40]!r}")
        elif self.in_script and data.strip():
            self.problems.append(f"inline script: {data[:40]!r}")


def hostile_site(tmp_site: SiteFactory, raw_html: bool) -> Path:
    files: dict[str, str | bytes] = {}
    for n, payload in enumerate(PAYLOADS, 1):
        text = json.dumps(payload)  # a YAML double-quoted string
        files[f"content/x/m{n:02d}.md"] = f"""---
body: Styrelsen
date: 2024-01-{(n % 28) + 1:02d}
title: {text}
location: {text}
chair: {text}
attendees: [{text}, {{name: {text}, party: {text}, role: {text}}}]
officials: [{text}]
attachments: [{{title: {text}}}]
---
{payload}

## § 1 {payload}

{payload}

Text [länk]({payload}) och ![bild]({payload}) och [ref][ref].

[ref]: {payload.replace(" ", "%20")}

## § 2 Ärende {{#p2 case='{payload.replace("'", "")}'}}

::: decision
{payload}
:::

::: motion {payload}
{payload}
:::

```vote
question: {text}
votes:
  {text}: Ja
  Anna: {text}
```
"""
    toml = f'title = "T"\nraw_html = {"true" if raw_html else "false"}\n'
    return tmp_site(files, toml=toml)


@pytest.mark.parametrize("raw_html", [False, True], ids=["raw-html-off", "raw-html-on"])
def test_no_payload_becomes_code(tmp_site: SiteFactory, raw_html: bool) -> None:
    assert len(PAYLOADS) >= 40
    root = hostile_site(tmp_site, raw_html)
    out = root / "_site"
    build(BuildOptions(source=root, output=out, search=False, today=date(2024, 6, 1)))
    pages = sorted(out.rglob("*.html"))
    assert len(pages) > len(PAYLOADS)
    for page in pages:
        scanner = Scanner()
        scanner.feed(page.read_text(encoding="utf-8"))
        assert scanner.problems == [], page
        assert scanner.csp, f"{page}: no Content-Security-Policy"
    meeting = (out / "styrelsen").rglob("index.html")
    assert any("{{ 7*7 }}" in p.read_text() for p in meeting)  # templates never see content


def test_csp_forbids_inline_scripts(tmp_site: SiteFactory) -> None:
    root = tmp_site({"content/a.md": "---\nbody: X\ndate: 2024-01-01\n---\n"})
    build(BuildOptions(source=root, output=root / "_site", search=False))
    html = (root / "_site/index.html").read_text()
    csp = html.split('http-equiv="Content-Security-Policy" content="')[1].split('"')[0]
    script_src = next(d for d in csp.split(";") if d.strip().startswith("script-src"))
    assert "'unsafe-inline'" not in script_src and "'self'" in script_src
    assert "default-src 'self'" in csp and "object-src 'none'" in csp


def test_table_alignment_is_a_class_the_csp_lets_show(tmp_site: SiteFactory) -> None:
    """A column aligned with ``--:`` is aligned by the theme's CSS: the pages' CSP allows no
    inline style, so markdown-it's ``style="text-align:right"`` was blocked (and longer)."""
    table = "| Post | Belopp |\n|:--|--:|\n| Lön | 1 200 |\n"
    root = tmp_site(
        {"content/a.md": f"---\nbody: X\ndate: 2024-01-01\n---\n## § 1 Budget\n\n{table}"}
    )
    build(BuildOptions(source=root, output=root / "_site", search=False))
    html = (root / "_site/x/2024-01-01/index.html").read_text()
    assert 'style="' not in html
    assert '<th class="right">Belopp</th>' in html and '<td class="right">1 200</td>' in html
    css = (root / "_site/static/style.css").read_text()
    assert "td.right { text-align: right; }" in css


def test_attachment_paths_outside_content_are_refused(
    tmp_site: SiteFactory, tmp_path: Path
) -> None:
    (tmp_path / "secret.pdf").write_bytes(b"secret")
    root = tmp_site(
        {
            "content/a.md": "---\nbody: X\ndate: 2024-01-01\nattachments:\n"
            "  - {title: A, file: ../../secret.pdf}\n---\n",
            "content/b.md": "---\nbody: X\ndate: 2024-01-02\nattachments:\n"
            "  - {title: B, file: /etc/passwd}\n---\n",
            "content/c.md": "---\nbody: X\ndate: 2024-01-03\nattachments:\n"
            "  - {title: C, file: files/link.pdf}\n---\n",
        }
    )
    (root / "content/files").mkdir()
    (root / "content/files/link.pdf").symlink_to(tmp_path / "secret.pdf")
    with pytest.raises(BuildFailed) as failed:
        build(BuildOptions(source=root, output=root / "_site", search=False))
    assert [str(p) for p in failed.value.problems] == [
        "content/a.md:1: attachments: '../../secret.pdf' is outside content/"
        "; put the file in content/files/ and name it from there",
        "content/b.md:1: attachments: '/etc/passwd' is outside content/"
        "; put the file in content/files/ and name it from there",
        "content/c.md:1: attachments: 'files/link.pdf' is outside content/"
        "; put the file in content/files/ and name it from there",
        "content/files/link.pdf: warning: a link to a file outside content/ (or to none: "
        "dangling, or a loop of links), which is not published; put the file itself in content/",
    ]


def test_symlink_out_of_content_is_never_copied(tmp_site: SiteFactory, tmp_path: Path) -> None:
    (tmp_path / "outside").mkdir()
    (tmp_path / "outside/secret.txt").write_text("hemligt")
    root = tmp_site({"content/a.md": "---\nbody: X\ndate: 2024-01-01\n---\n"})
    (root / "content/files").mkdir()
    (root / "content/files/leak.txt").symlink_to(tmp_path / "outside/secret.txt")
    (root / "content/files/dir").symlink_to(tmp_path / "outside")
    build(BuildOptions(source=root, output=root / "_site", search=False))
    assert not any(
        "hemligt" in p.read_text(errors="replace")
        for p in (root / "_site").rglob("*")
        if p.is_file()
    )


def _all_bytes(folder: Path) -> list[tuple[Path, bytes]]:
    """Every file's bytes, gzip members (Pagefind's index files) decompressed."""
    import gzip

    found = []
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            data = path.read_bytes()
            if data[:2] == b"\x1f\x8b":
                data = gzip.decompress(data)
            found.append((path, data))
    return found


def test_confidential_content_reaches_no_output(tmp_site: SiteFactory) -> None:
    root = tmp_site(
        {
            "content/sn/2024-03-01.md": """\
            ---
            body: Socialnämnden
            date: 2024-03-01
            public: false
            title: Qzxtitelord
            location: Qzxplatsord
            attendees: [Qzxpersonord (S)]
            case: SN 2024/9991
            ---
            Qzxingressord.

            ## § 1 Qzxrubrikord {#p1 case="SN 2024/9992"}

            Qzxbrödtextord.
            """,
            "content/sn/2024-03-08.md": """\
            ---
            body: Socialnämnden
            date: 2024-03-08
            ---
            ## § 5 Öppet ärende

            Offentlig text om budget.

            ## § 6 Ansökan om bistånd för Qzxnamnord {confidential=true case="SN 2024/9993"}

            Qzxsekretessord.

            ::: decision
            Qzxbeslutsord.
            :::

            ## § 7 Qzxdoldrubrik {.sekretess public_title="Sekretessärende"}

            Qzxandraord.
            """,
        }
    )
    out = root / "_site"
    build(BuildOptions(source=root, output=out, today=date(2024, 6, 1)))
    markers = [b"qzx", b"9991", b"9992", b"9993"]
    index = [data for path, data in _all_bytes(out / "pagefind")]
    assert any(b"budget" in data for data in index)  # the index is read, and holds text
    for path, data in _all_bytes(out):
        lowered = data.lower()
        assert not any(m in lowered for m in markers), path
    open_meeting = (out / "socialnamnden/2024-03-08/index.html").read_text()
    assert "Ärendet omfattas av sekretess och publiceras inte." in open_meeting
    assert '<span class="num">§ 6</span>' in open_meeting
    assert "Sekretessärende" in open_meeting
    closed = (out / "socialnamnden/2024-03-01/index.html").read_text()
    assert "Sammanträdet är inte offentligt" in closed
    assert (out / "pagefind").is_dir()


def test_a_link_out_of_content_or_round_in_a_loop_is_said_not_skipped(
    tmp_site: SiteFactory, tmp_path: Path
) -> None:
    """A meeting file that is a link out of content/ was skipped without a word (the meeting
    was lost), and a loop of links was a traceback."""
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (outside / "m.md").write_text("---\nbody: KS\ndate: 2024-01-10\n---\n## § 1 A\n")
    (outside / "a.pdf").write_bytes(b"%PDF")
    root = tmp_site({"content/ks/2024-01-11.md": "---\nbody: KS\ndate: 2024-01-11\n---\n"})
    (root / "content/ks/2024-01-10.md").symlink_to(outside / "m.md")
    (root / "content/ks/loop.md").symlink_to(root / "content/ks/loop.md")
    (root / "content/files").mkdir()
    (root / "content/files/a.pdf").symlink_to(outside / "a.pdf")
    result = CliRunner().invoke(main, ["build", "--source", str(root), "--no-search"])
    assert isinstance(result.exception, SystemExit) and result.exit_code == 1, result.output
    assert "content/ks/2024-01-10.md: a link to a file outside content/" in result.output
    assert "content/ks/loop.md: a link to a file outside content/" in result.output
    checked = CliRunner().invoke(main, ["check", "--source", str(root)])
    assert "content/files/a.pdf: warning: a link to a file outside content/" in checked.output
