"""site.toml has one schema: every key declared once in generator/content/config.py, read,
checked and documented from that declaration; every problem reported at once at its line.

Run as a script (``python tests/test_settings.py``) it rewrites the README's settings table
from the declarations."""

from __future__ import annotations

import json
import os
import re
import sys
import tomllib
from dataclasses import fields
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

REPO = Path(__file__).resolve().parent.parent
if __name__ == "__main__":  # run as a script: this checkout's generator, not an installed one
    sys.path.insert(0, str(REPO))

from generator.content.config import (  # noqa: E402
    SETTINGS,
    Accessibility,
    SiteConfig,
    load_config,
    settings_table,
    shown,
)
from generator.content.errors import ConfigError  # noqa: E402
from generator.content.tomlkeys import key_lines, line_of  # noqa: E402

README = REPO / "README.md"
TABLE = re.compile(r"(<!-- settings: [^\n]*-->\n)(.*?)(<!-- end of settings -->)", re.S)
SCALE = int(os.environ.get("MINUTES_SETTINGS_EXAMPLES", "1"))  # x20 for a long run by hand


def rewrite_readme() -> None:
    """Put the settings table made from the declarations into the README."""
    text = README.read_text(encoding="utf-8")
    README.write_text(TABLE.sub(lambda m: m[1] + settings_table() + m[3], text), "utf-8")


# --- one declaration per key, and the README made from them ---------------------------------


def test_readme_settings_table_is_the_declarations() -> None:
    found = TABLE.search(README.read_text(encoding="utf-8"))
    assert found, "README lost its settings table markers"
    assert found[2] == settings_table(), "run `python tests/test_settings.py` to rewrite it"


def test_every_setting_is_in_the_readme_with_its_default() -> None:
    table = TABLE.search(README.read_text(encoding="utf-8"))
    assert table
    keys = re.findall(r"^\| `\[?([\w.]+)\]?` \|", table[2], re.M)
    assert keys == [s.key for s in SETTINGS]
    assert "timezone" in keys and "accessibility.reviewed" in keys and "extra" in keys


def test_every_field_is_a_declared_setting() -> None:
    """A field added to SiteConfig without ``setting()`` (and so without a description,
    undocumented) fails here."""
    for cls, prefix in ((SiteConfig, ""), (Accessibility, "accessibility.")):
        names = {prefix + f.name for f in fields(cls) if f.name != "root"}
        assert names <= {s.key for s in SETTINGS}, names - {s.key for s in SETTINGS}
        assert all(s.description and "\n" not in s.description for s in SETTINGS)


def test_defaults_written_out_read_back_as_the_defaults(tmp_path: Path) -> None:
    """Every declared default, written as the README shows it, is read back as itself."""
    top = [s for s in SETTINGS if "." not in s.key and s.kind != "table" and s.key != "base_url"]
    lines = [f"{s.key} = {shown(s.default)}" for s in top]
    lines += ["[accessibility]"]
    lines += [f"{s.key.split('.')[1]} = {shown(s.default)}" for s in SETTINGS if "." in s.key]
    (tmp_path / "site.toml").write_text("\n".join(lines) + "\n[extra]\n", encoding="utf-8")
    assert load_config(tmp_path) == SiteConfig(root=tmp_path.resolve())


# --- every problem at once, at its line -----------------------------------------------------

BAD = """\
# Kommunens protokoll
titel = "Kommunen"
language = "fi"
"base_url" = "ftp://kommun.se/"
raw_html = "ja"   # a comment
decision_words = [
  "Beslut",
  3,
]
timezone = "Mars/Olympus"
description = '''
title = "not a key: inside a string"
[neither = a table]
'''
extra = 5

[accessibility]
contatc = "webb@kommun.se"
reviewed = 2025-11-25

[acessibility]
x = 1
"""


def test_every_problem_at_once_with_its_line(tmp_path: Path) -> None:
    (tmp_path / "site.toml").write_text(BAD, encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_config(tmp_path)
    assert caught.value.lines() == [
        "site.toml:2: titel: unknown setting; did you mean title?",
        "site.toml:3: language: expected one of sv, en, got 'fi'",
        "site.toml:4: base_url: expected the absolute http(s) address the site is served "
        "from, such as https://kommun.se/protokoll/, got 'ftp://kommun.se/'",
        'site.toml:5: raw_html: expected true or false, got "ja"',
        'site.toml:6: decision_words: expected a list of texts in quotes, such as ["a", "b"], '
        'got ["Beslut", 3]',
        "site.toml:10: timezone: unknown time zone 'Mars/Olympus'; write a name such as "
        "Europe/Stockholm",
        "site.toml:15: extra: expected a table (its name in brackets on a line of its own, "
        "its keys below it), got 5",
        "site.toml:18: accessibility.contatc: unknown setting; did you mean accessibility.contact?",
        "site.toml:21: acessibility: unknown setting; did you mean accessibility?",
    ]


def test_the_cli_prints_each_problem_on_its_own_line(tmp_path: Path) -> None:
    from generator.cli import main

    (tmp_path / "site.toml").write_text(BAD, encoding="utf-8")
    for command in (["check"], ["build", "--no-search"]):
        done = CliRunner().invoke(main, [*command, "--source", str(tmp_path)])
        assert done.exit_code == 1
        lines = done.output.splitlines()
        assert len(lines) == 9 and all(line.startswith("error: site.toml:") for line in lines)
        assert lines[0] == "error: site.toml:2: titel: unknown setting; did you mean title?"
    assert not (tmp_path / "_site").exists()


def test_an_unknown_key_without_a_near_one_points_to_extra(tmp_path: Path) -> None:
    (tmp_path / "site.toml").write_text('title = "T"\n\n"färgschema" = "mörk"\n', "utf-8")
    with pytest.raises(ConfigError) as caught:
        load_config(tmp_path)
    assert caught.value.lines() == [
        "site.toml:3: färgschema: unknown setting; the settings are listed in the format "
        "reference, and a theme's own settings go in the [extra] table"
    ]


def test_a_key_in_the_wrong_table_is_pointed_to_the_right_one(tmp_path: Path) -> None:
    """The commonest TOML slip: a top-level key written below a table's header."""
    (tmp_path / "site.toml").write_text(
        'contact = "webb@kommun.se"\n[accessibility]\nreviewed = "2025"\ntitle = "Kommunen"\n',
        "utf-8",
    )
    with pytest.raises(ConfigError) as caught:
        load_config(tmp_path)
    assert caught.value.lines() == [
        "site.toml:1: contact: unknown setting; did you mean contact below [accessibility]?",
        "site.toml:4: accessibility.title: unknown setting: a key below [accessibility] belongs "
        "to that table; write title above the first [table] of the file",
    ]


def test_a_file_that_is_not_toml_is_one_problem_at_its_line(tmp_path: Path) -> None:
    (tmp_path / "site.toml").write_text('title = "T"\nlanguage = sv\n', "utf-8")
    with pytest.raises(ConfigError) as caught:
        load_config(tmp_path)
    assert caught.value.lines() == [
        "site.toml:2: cannot be read as settings (the value is not text in quotes, a number, "
        "true or false, a date or a list in [ ], column 12); each line is "
        'key = value, text in quotes: title = "Protokoll"'
    ]
    (tmp_path / "site.toml").write_bytes(b'title = "\xe5"\n')
    with pytest.raises(ConfigError, match=r"site.toml: the file is not UTF-8 text \(byte 9\)"):
        load_config(tmp_path)


def test_values_as_read(tmp_path: Path) -> None:
    (tmp_path / "site.toml").write_text(
        'language = "en-GB"\ndecision_words = ["Beslut"]\nopen_data = false\n'
        "accessibility.reviewed = 2025-11-25\n"
        '[extra]\nmenu = "Meny"\ncolours = {dark = true}\nsizes = [1, 2]\n',
        "utf-8",
    )
    config = load_config(tmp_path)
    assert config.language == "en" and config.decision_words == ("Beslut",)
    assert config.open_data is False
    assert config.statement == {
        "contact": "",
        "request": "",
        "reviewed": "2025-11-25",
        "known_issues": "",
    }
    assert config.extra == {"menu": "Meny", "colours": {"dark": True}, "sizes": [1, 2]}
    hash(config)  # still a value (the extra table is compared, not hashed)


# --- [extra]: a theme's own settings --------------------------------------------------------


def test_a_theme_reads_its_own_settings_and_a_change_renders_every_page(tmp_path: Path) -> None:
    from generator.build.pipeline import BuildOptions, build

    from conftest import write_site

    root = write_site(
        tmp_path / "site",
        {
            "site.toml": 'title = "T"\ntheme = "egen"\n[extra]\nbanner = "Välkommen"\n',
            "themes/egen/templates/page.html": (
                "{% extends 'base.html' %}{% block main %}<p class=banner>"
                "{{ config.extra.banner }}</p>{{ page.html }}{% endblock %}"
            ),
            "content/pages/om.md": "---\ntitle: Om\n---\nText.\n",
            "content/ks.md": "---\nbody: KS\ndate: 2024-05-14\n---\n## § 1 Budget\n\nText.\n",
        },
    )
    out = tmp_path / "out"
    options = BuildOptions(source=root, output=out, search=False)
    first = build(options)
    assert "<p class=banner>Välkommen</p>" in (out / "om/index.html").read_text()
    assert build(options).rendered == 0
    (root / "site.toml").write_text(
        'title = "T"\ntheme = "egen"\n[extra]\nbanner = "Hej"\n', "utf-8"
    )
    again = build(options)
    assert again.rendered == first.rendered
    assert "<p class=banner>Hej</p>" in (out / "om/index.html").read_text()


# --- where each key is written --------------------------------------------------------------


def test_key_lines_of_a_real_file() -> None:
    text = (
        "# comment = 1\n"
        'title = "a # not a comment" # comment\n'
        "'quoted.key' = 1\n"
        '"esc\\"aped" = 2\n'
        "a . b = { c = 1, d = [1, 2] }\n"
        'arr = [\n  "x = 1",\n  [2],\n]\n'
        'ml = """\nkey = 3\n[table]\n"""\n'
        "lit = '''\n\"\"\"\n'''\n"
        "[ t . 'u' ]  # a table\n"
        "k = 1\n"
        "[[list]]\n"
        "item = 1\n"
        "[[list]]\n"
        "item = 2\n"
    )
    tomllib.loads(text)
    lines = key_lines(text)
    assert lines == {
        ("title",): 2,
        ("quoted.key",): 3,
        ('esc"aped',): 4,
        ("a",): 5,
        ("a", "b"): 5,
        ("arr",): 6,
        ("ml",): 10,
        ("lit",): 14,
        ("t",): 17,
        ("t", "u"): 17,
        ("t", "u", "k"): 18,
        ("list",): 19,
        ("list", "item"): 20,
    }
    assert line_of(lines, ("a", "b", "c")) == 5 and line_of(lines, ("nowhere",)) == 0


BARE = st.from_regex(r"[A-Za-z0-9_-]{1,8}", fullmatch=True)
TEXT = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=12)
LINE_TEXT = st.text(st.sampled_from("ab =#[]{}.,'\"\\\t\u2028"), max_size=12)


@st.composite
def written_key(draw: st.DrawFn) -> tuple[str, str]:
    """A key and how it is written: bare, "basic" or 'literal'."""
    key = draw(st.one_of(BARE, TEXT))
    how = draw(st.sampled_from(["bare", "basic", "literal"]))
    if how == "bare" and re.fullmatch(r"[A-Za-z0-9_-]+", key):
        return key, key
    if how == "literal" and not re.search(r"['\x00-\x08\x0a-\x1f\x7f]", key):
        return key, f"'{key}'"
    return key, json.dumps(key, ensure_ascii=False).replace("\x7f", "\\u007f")


@st.composite
def value(draw: st.DrawFn) -> str:
    """A value as written, over one line or several, with what looks like keys inside."""
    kind = draw(st.sampled_from(["one", "basic_ml", "literal_ml", "array", "inline"]))
    if kind == "inline":  # over several lines only inside an array in it
        text = json.dumps(draw(TEXT), ensure_ascii=False).replace("\x7f", "\\u007f")
        return "{ a = " + text + ", b = [\n 1, { c = '}' },\n], d.e = 2 }"
    if kind == "basic_ml":
        body = draw(
            st.lists(LINE_TEXT.map(lambda s: s.replace('"', "").replace("\\", "")), max_size=3)
        )
        return '"""\n' + "\n".join(body) + '"""'
    if kind == "literal_ml":
        body = draw(st.lists(LINE_TEXT.map(lambda s: s.replace("'", "")), max_size=3))
        return "'''\n" + "\n".join(body) + "'''"
    if kind == "array":
        items = draw(
            st.lists(
                TEXT.map(lambda s: json.dumps(s, ensure_ascii=False).replace("\x7f", "\\u007f")),
                max_size=3,
            )
        )
        comment = draw(st.sampled_from(["", "  # x = [", "  # ]"]))
        return "[" + comment + "\n" + "".join(f"  {i},\n" for i in items) + "]"
    scalar = draw(st.one_of(TEXT, st.integers(), st.booleans()))
    return (
        json.dumps(scalar, ensure_ascii=False).replace("\x7f", "\\u007f")
        if isinstance(scalar, str)
        else shown(scalar)
    )


@st.composite
def document(draw: st.DrawFn) -> tuple[str, dict[tuple[str, ...], int]]:
    """A TOML document and the line each of its keys is written on."""
    out: list[str] = []
    expected: dict[tuple[str, ...], int] = {}
    used: set[str] = set()
    tables = [()] + [(t,) for t in draw(st.lists(BARE, max_size=3, unique=True))]
    for table in tables:
        if table:
            if table[0] in used:
                continue
            used.add(table[0])
            out.append(f"[{table[0]}]" + draw(st.sampled_from(["", "  # [x]"])))
            expected[table] = len(out)
        seen: set[str] = set()
        for key, written in draw(st.lists(written_key(), max_size=5)):
            if key in seen or (not table and key in used) or key in {t[0] for t in tables if t}:
                continue
            seen.add(key)
            for _ in range(draw(st.integers(0, 1))):
                out.append(draw(st.sampled_from(["", "# a = 1", "   ", "\t# [t]"])))
            out.append(f"{written} = {draw(value())}" + draw(st.sampled_from(["", " # = x"])))
            expected[(*table, key)] = len(out)
            out[-1:] = out[-1].split("\n")
    return "\n".join(out) + "\n", expected


@settings(max_examples=300 * SCALE, deadline=None)
@given(document())
def test_key_lines_property(doc: tuple[str, dict[tuple[str, ...], int]]) -> None:
    text, expected = doc
    tomllib.loads(text)  # the document is TOML
    found = key_lines(text)
    assert found == expected


if __name__ == "__main__":
    rewrite_readme()
    print(f"rewrote the settings table in {README}")
