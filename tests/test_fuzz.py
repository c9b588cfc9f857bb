"""Property-based tests: whatever bytes a file holds, the parser answers with content errors
that carry file and line, never with a traceback (meetings, plain pages and bodies alike)."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import yaml
from click.testing import CliRunner
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from generator.build.pipeline import BuildOptions, check
from generator.cli import main
from generator.content.config import SiteConfig
from generator.content.frontmatter import KNOWN_KEYS
from generator.content.parse import BODY_KEYS, PAGE_KEYS, parse_meeting

from conftest import SiteFactory

CONFIG = SiteConfig(root=Path("/nonexistent"))
PATH = "content/x/m.md"

HEADINGS = st.sampled_from(
    [
        "## § 1 A",
        "## §2 B",
        "## 3. C",
        "## 4.2 D",
        "## 12.ii.c E",
        "## 2024 planering",
        '## X {#a case="K 1"}',
        "## Y {.sekretess}",
        '## Z {confidential=true public_title="P"}',
        "F\n---",
        "### Beslut",
        "#### decision",
        "## {#",
        "## § ",
        "##",
    ]
)
BLOCKS = st.sampled_from(
    [
        "::: decision\nText.\n:::",
        "::: beslut",
        ":::",
        "::: motion A (S)\nB\n:::",
        "::: reservation\n::: decision\nx\n:::\n:::",
        "```vote\nvotes: {A: Ja}\nresult: {Ja: 1}\n```",
        "```vote\n- not a mapping\n```",
        "```vote\nresult: {Ja: many}\n```",
        "```vote\n{{{\n```",
        "```vote\nvotes: {A: Ja}\nresult: {Ja: 2}\n```",
        "| a | b |\n|---|---|\n| 1 | 2 |",
        "[l](other.md#p1)",
        "[l](../../../etc/passwd)",
        "![i](javascript:alert(1))",
        "> " * 50 + "x",
        "- " * 60 + "x",
        "<script>x</script>",
        "\x00",
        "\ufeff",
        "\r\n",
        "    code",
        "***",
    ]
)
TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=40)
VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | TEXT | st.dates(),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(TEXT, inner, max_size=3),
    max_leaves=8,
)
KEYS = st.sampled_from(
    [
        "body",
        "date",
        "end_date",
        "status",
        "start",
        "end",
        "public",
        "attendees",
        "attachments",
        "adjusters",
        "posted",
        "title",
        "case",
        "adjuster",
        "bdy",
        "x-extra",
        "type",
        "extract",
        "lang",
    ]
)


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
@given(
    st.dictionaries(KEYS, VALUES, max_size=8),
    st.lists(st.one_of(HEADINGS, BLOCKS, TEXT), max_size=30),
    st.sampled_from(["\n", "\r\n"]),
    st.booleans(),
)
@example({"body": 0, "date": None}, [], "\n", False)  # found in a fresh clone: no error said
def test_generated_documents(
    front: dict[str, object], parts: list[str], newline: str, bom: bool
) -> None:
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
        "5000 items": (
            head + "".join(f"## § {i} Ärende {i}\n\nText.\n\n" for i in range(5000))
        ).encode(),
        "10 MB": (
            head + "## 1. Stort\n\n" + ("Lång text om budget. " * 50 + "\n\n") * 10000
        ).encode(),
        "unterminated front matter": b"---\nbody: X\ndate: 2024-01-01\n",
        "front matter list": b"---\n- a\n- b\n---\n",
        "yaml bomb": b"---\na: &a [x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\n"
        + b"".join(
            b"%c: &%c [" % (c, c) + b",".join([b"*%c" % (c - 1)] * 9) + b"]\n"
            for c in range(ord("c"), ord("z"))
        )
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


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.binary(min_size=1, max_size=300))
def test_build_exits_1_with_a_message_not_a_crash(tmp_site: SiteFactory, data: bytes) -> None:
    root = tmp_site(
        {
            "content/good.md": "---\nbody: X\ndate: 2024-01-01\n---\n## 1. A\n",
            "content/bad.md": data,
        }
    )
    result = CliRunner().invoke(main, ["build", "--source", str(root), "--no-search", "--no-cache"])
    assert result.exit_code in (0, 1), result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    if result.exit_code == 1:
        assert "content/bad.md:" in result.output


# --- every front matter key, values of every type, through the whole load ------------------

SCALE = int(os.environ.get("FUZZ_SCALE", "1"))  # FUZZ_SCALE=20 for a long run by hand
# YAML as a clerk (or a slip of the keyboard) may write it: values PyYAML itself cannot turn
# into Python (a 30th of February, a year past 9999, an integer of thousands of digits) once
# ended in a traceback with no file named
RAW_VALUES = st.sampled_from(
    [
        "2024-02-30",
        "2023-02-29",
        "2024-13-01",
        "2024-04-31",
        "2024-00-10",
        "0000-01-01",
        "9999-12-31",
        "9998-12-31",
        "10000-01-01",
        "0999-01-01",
        "2024-01-01",
        "2024-1-5",
        "2024-01-01 10:00:00",
        "2024-02-30T10:00:00Z",
        "2024-01-01 25:00:00",
        '"2024-02-30"',
        "1" * 5000,
        "-" + "9" * 400,
        "0x" + "f" * 200,
        "0b" + "1" * 200,
        "1_000_000",
        "190:20:30",
        "1e400",
        ".nan",
        "-.inf",
        "3.5",
        "0",
        "-1",
        '"a\\0b"',
        '"files/a\\0.pdf"',
        "~",
        "",
        "yes",
        "no",
        "true",
        "false",
        "10:30",
        "25:00",
        "8.30",
        '"10:30"',
        "[]",
        "{}",
        "[1, [2, [3]]]",
        "{a: {b: c}}",
        "!!binary aGVsbG8=",
        "!!set {a, b}",
        "!!python/object:os.system x",
        '"811218-9876"',
        "811218-9876",
        "198112189876",
        "[811218-9876, x]",
        "[{name: A, partyy: S}]",
        "[{name: A, party: [S]}]",
        "[{party: S}]",
        "{name: A}",
        "[{title: A, file: files/x.pdf}]",
        '[{title: A, file: "/etc/passwd"}]',
        '[{title: A, file: "' + "a" * 5000 + '"}]',
        '[{title: A, file: "files/\\0"}]',
        "[{title: A, url: 'javascript:alert(1)'}]",
        "[{title: A, fil: files/x.pdf}]",
        '"{confidential=true}"',
        '"Ärende {sekretess}"',
        "[A (S), B, C]",
        "Anna (S)",
    ]
)
TYPED_VALUES = VALUES.map(
    lambda v: (
        yaml.safe_dump(v, default_flow_style=True, allow_unicode=True)
        .strip()
        .removesuffix("\n...")
        .strip()
    )
)
ANY_KEY = st.sampled_from(
    sorted(
        {
            *KNOWN_KEYS,
            *PAGE_KEYS,
            *BODY_KEYS,
            "bdy",
            "titel",
            "adjuster",
            "x-extra",
            "diarienummer",
            "members",
        }
    )
)
FRONT = st.dictionaries(ANY_KEY, st.one_of(RAW_VALUES, TYPED_VALUES), max_size=6)
BODY_TEXT = st.lists(st.one_of(HEADINGS, BLOCKS, TEXT), max_size=6).map("\n\n".join)


def _front_matter(front: dict[str, str]) -> str:
    lines = [f"{key}: {value}" for key, value in front.items()]
    return "---\n" + "\n".join(lines) + "\n---\n"


@settings(max_examples=150 * SCALE, deadline=None)
@given(FRONT, FRONT, FRONT, BODY_TEXT, st.booleans())
def test_every_front_matter_key_and_value_through_the_whole_load(
    meeting: dict[str, str], page: dict[str, str], body: dict[str, str], text: str, required: bool
) -> None:
    """A meeting, a plain page and a body description, each with random keys and values of
    every type (and YAML that Python cannot hold), read by the whole load (parse, pages,
    bodies, derive, links): content errors with file and line, never a traceback."""
    if required:  # most meetings that reach derive_site have body and date
        meeting = {"body": "Styrelsen", "date": "2024-01-01", **meeting}
    root = Path(tempfile.mkdtemp(prefix="minutes-fuzz-"))
    try:
        (root / "site.toml").write_text('title = "T"\n', encoding="utf-8")
        files = {
            "content/x/2024/m.md": _front_matter(meeting) + text,
            "content/pages/om.md": _front_matter(page) + text,
            "content/bodies/styrelsen.md": _front_matter(body) + text,
            "content/files/x.pdf": "%PDF",
        }
        for rel, data in files.items():
            (root / rel).parent.mkdir(parents=True, exist_ok=True)
            (root / rel).write_text(data, encoding="utf-8", errors="surrogatepass")
        problems = check(BuildOptions(source=root, cache=False))
        for problem in problems.items:
            assert problem.path in files and problem.line >= 1, problem
            assert str(problem).startswith(f"{problem.path}:{problem.line}: ")
    finally:
        shutil.rmtree(root)


@settings(
    max_examples=10 * SCALE,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(FRONT, BODY_TEXT)
def test_every_front_matter_value_through_a_build(
    tmp_site: SiteFactory, meeting: dict[str, str], text: str
) -> None:
    """The same values through a whole build (pages, feeds, calendars, open data): exit 0,
    or exit 1 naming the file; never a traceback."""
    front = {"body": "Styrelsen", "date": "2024-01-01", **meeting}
    root = tmp_site({"content/x/m.md": _front_matter(front) + text, "content/files/x.pdf": "%PDF"})
    result = CliRunner().invoke(
        main, ["build", "--source", str(root), "--no-search", "--no-cache", "--today", "2024-06-01"]
    )
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    assert result.exit_code in (0, 1), result.output
    if result.exit_code == 1:
        assert "content/x/m.md:" in result.output
