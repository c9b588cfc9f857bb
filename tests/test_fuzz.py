"""Property-based tests: whatever bytes a file holds, the parser answers with content errors
that carry file and line, never with a traceback."""

from __future__ import annotations

from pathlib import Path

import yaml
from click.testing import CliRunner
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from generator.cli import main
from generator.config import SiteConfig
from generator.parse import parse_meeting

from conftest import SiteFactory

CONFIG = SiteConfig(root=Path("/nonexistent"))
PATH = "content/x/m.md"

HEADINGS = st.sampled_from(["## § 1 A", "## §2 B", "## 3. C", "## 4.2 D", "## 12.ii.c E",
                            "## 2024 planering", "## X {#a case=\"K 1\"}", "## Y {.sekretess}",
                            "## Z {confidential=true public_title=\"P\"}", "F\n---",
                            "### Beslut", "#### decision", "## {#", "## § ", "##"])
BLOCKS = st.sampled_from([
    "::: decision\nText.\n:::", "::: beslut", ":::", "::: motion A (S)\nB\n:::",
    "::: reservation\n::: decision\nx\n:::\n:::", "```vote\nvotes: {A: Ja}\nresult: {Ja: 1}\n```",
    "```vote\n- not a mapping\n```", "```vote\nresult: {Ja: many}\n```", "```vote\n{{{\n```",
    "```vote\nvotes: {A: Ja}\nresult: {Ja: 2}\n```", "| a | b |\n|---|---|\n| 1 | 2 |",
    "[l](other.md#p1)", "[l](../../../etc/passwd)", "![i](javascript:alert(1))", "> " * 50 + "x",
    "- " * 60 + "x", "<script>x</script>", "\x00", "\ufeff", "\r\n", "    code", "***",
])
TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=40)
VALUES = st.recursive(st.none() | st.booleans() | st.integers() | TEXT | st.dates(),
                      lambda inner: st.lists(inner, max_size=3)
                      | st.dictionaries(TEXT, inner, max_size=3), max_leaves=8)
KEYS = st.sampled_from(["body", "date", "end_date", "status", "start", "end", "public",
                        "attendees", "attachments", "adjusters", "posted", "title", "case",
                        "adjuster", "bdy", "x-extra", "type", "extract", "lang"])


def assert_clean(data: bytes) -> None:
    parsed = parse_meeting(data, PATH, CONFIG)
    for problem in parsed.problems:
        assert problem.path == PATH and problem.line >= 1, problem
        assert str(problem).startswith(f"{PATH}:{problem.line}: ")
    if parsed.meeting is None:
        assert any(p.severity == "error" for p in parsed.problems)


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=2000))
def test_random_bytes(data: bytes) -> None:
    assert_clean(data)


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(KEYS, VALUES, max_size=8),
       st.lists(st.one_of(HEADINGS, BLOCKS, TEXT), max_size=30),
       st.sampled_from(["\n", "\r\n"]), st.booleans())
@example({"body": 0, "date": None}, [], "\n", False)  # found in a fresh clone: no error said
def test_generated_documents(front: dict[str, object], parts: list[str], newline: str,
                             bom: bool) -> None:
    try:
        head = yaml.safe_dump(front, allow_unicode=True)
    except yaml.YAMLError:
        head = "body: X\n"
    text = f"---\n{head}---\n" + "\n\n".join(parts)
    data = ("\ufeff" if bom else "") + text.replace("\n", newline)
    assert_clean(data.encode("utf-8", "surrogatepass"))


def test_pathological_files() -> None:
    head = "---\nbody: X\ndate: 2024-01-01\n---\n"
    cases = {
        "empty": b"",
        "bom only": b"\xef\xbb\xbf",
        "invalid utf-8": head.encode() + b"\xff\xfe\xfa",
        "latin-1": (head + "## 1. Möte\n").encode("latin-1"),
        "deep quotes": (head + "> " * 5000 + "x\n").encode(),
        "deep lists": (head + "".join("  " * i + "- x\n" for i in range(2000))).encode(),
        "deep containers": (head + "::: decision\n" * 500 + "x\n" + ":::\n" * 500).encode(),
        "5000 items": (head + "".join(f"## § {i} Ärende {i}\n\nText.\n\n"
                                      for i in range(5000))).encode(),
        "10 MB": (head + "## 1. Stort\n\n" + ("Lång text om budget. " * 50 + "\n\n") * 10000
                  ).encode(),
        "unterminated front matter": b"---\nbody: X\ndate: 2024-01-01\n",
        "front matter list": b"---\n- a\n- b\n---\n",
        "yaml bomb": b"---\na: &a [x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\n"
                     + b"".join(b"%c: &%c [" % (c, c) + b",".join([b"*%c" % (c - 1)] * 9) + b"]\n"
                                for c in range(ord("c"), ord("z")))
                     + b"body: X\ndate: 2024-01-01\n---\n",
        "crlf and cr": b"---\r\nbody: X\rdate: 2024-01-01\r\n---\r\n## 1. A\r",
    }
    for name, data in cases.items():
        try:
            assert_clean(data)
        except AssertionError as exc:  # pragma: no cover - reports which case
            raise AssertionError(name) from exc
    bomb = parse_meeting(cases["yaml bomb"], PATH, CONFIG)
    assert "anchors and aliases" in str(bomb.problems[0])
    big = parse_meeting(cases["5000 items"], PATH, CONFIG)
    assert big.meeting is not None and len(big.meeting.items) == 5000


@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.binary(min_size=1, max_size=300))
def test_build_exits_1_with_a_message_not_a_crash(tmp_site: SiteFactory, data: bytes) -> None:
    root = tmp_site({"content/good.md": "---\nbody: X\ndate: 2024-01-01\n---\n## 1. A\n",
                     "content/bad.md": data})
    result = CliRunner().invoke(main, ["build", "--source", str(root), "--no-search",
                                       "--no-cache"])
    assert result.exit_code in (0, 1), result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    if result.exit_code == 1:
        assert "content/bad.md:" in result.output
