"""The documentation in docs/ (the clerk's guide and the format reference, in Swedish and
English) is itself a minutes site of each language, and is held to what minutes does:

- each site builds with ``--strict``, and every link on it leads somewhere;
- every example in a fenced block is checked: a ``markdown`` or ``yaml`` example is either
  part of one of the site's own meeting files (which the strict build checks) or passes
  ``minutes check --strict`` on its own, written into a copy of the site (at the path its
  info string names, ```` ```markdown content/pages/om.md ````, else as a meeting); one
  marked ``fel``/``wrong`` must fail it, and a ``text`` block after it lists the very
  messages the check gives; a ``toml`` example is a site.toml minutes reads; an example
  that names a file the site has is that file, byte for byte;
- every key, word and option the parser and the commands know is named in both references;
- the guide, followed literally from ``minutes init`` in an empty folder, builds its meeting.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from markdown_it import MarkdownIt

from generator.build.pipeline import BuildOptions, check
from generator.cli import main, summary
from generator.content.attributes import CLASSES, ITEM_KEYS
from generator.content.config import (
    DEFAULT_DECISION_WORDS,
    SETTINGS,
    SiteConfig,
    load_config,
)
from generator.content.containers import CONTAINERS
from generator.content.frontmatter import ATTACHMENT_KEYS, KNOWN_KEYS, PERSON_KEYS
from generator.content.model import LABELLED, STATUSES
from generator.content.parse import BODY_KEYS, PAGE_KEYS, parse_meeting
from generator.content.votes import VOTE_KEYS
from generator.scaffold import MEETING_TEMPLATES, fill_template

from conftest import REPO

DOCS = REPO / "docs"
LANGUAGES = ("sv", "en")
PAGES = {  # the pages each language's site must have
    "sv": {"reference": "format.md", "guide": "handledning.md", "messages": "meddelanden.md"},
    "en": {"reference": "format.md", "guide": "guide.md", "messages": "messages.md"},
}
WRONG = {"fel", "wrong"}  # a word in a fence's info string: the example shows a mistake
_BUILT = ("_site", "._site.*", ".minutes-cache")  # what a build by hand leaves in docs/<language>
WRAPPER = "---\nbody: Exempelnämnden\ndate: 2024-01-10\n---\n\n"  # for a fragment of a file
ITEM = "## § 1 Exempel\n\n"  # for a fragment that is part of an agenda item


@dataclass(frozen=True)
class Example:
    """A fenced block of a docs page: its language, the other words of its info string, its
    text, and where it is."""

    page: str
    line: int
    language: str
    words: tuple[str, ...]
    text: str

    @property
    def wrong(self) -> bool:
        return bool(WRONG & set(self.words))

    @property
    def path(self) -> str:
        """The file the example is (``content/...``), if it names one."""
        return next((w for w in self.words if w.startswith("content/")), "")

    def __str__(self) -> str:
        return f"{self.page}:{self.line} ({self.language} {' '.join(self.words)})".strip()


def site(language: str) -> Path:
    return DOCS / language


def pages(language: str) -> list[Path]:
    return sorted((site(language) / "content" / "pages").glob("*.md"))


def examples(language: str) -> list[Example]:
    """Every fenced block of every page of the site, in order."""
    md = MarkdownIt("commonmark")
    found = []
    for page in pages(language):
        for tok in md.parse(page.read_text(encoding="utf-8")):
            if tok.type == "fence":
                words = tuple(tok.info.split())
                found.append(
                    Example(
                        page=str(page.relative_to(REPO)),
                        line=(tok.map[0] + 1) if tok.map else 0,
                        language=words[0] if words else "",
                        words=words[1:],
                        text=tok.content,
                    )
                )
    return found


def own_files(language: str) -> dict[str, str]:
    """The site's content files other than its pages (whose examples are what is checked)."""
    content = site(language) / "content"
    return {
        str(p.relative_to(site(language))): p.read_text(encoding="utf-8")
        for p in sorted(content.rglob("*.md"))
        if "pages" not in p.relative_to(content).parts
    }


def code_spans(text: str) -> set[str]:
    """The text of every inline code span of a page."""
    spans = set()
    for tok in MarkdownIt("commonmark").enable("table").parse(text):
        for child in tok.children or ():
            if child.type == "code_inline":
                spans.add(child.content.strip())
    return spans


def run_cli(*args: str, cwd: Path = REPO) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "generator.cli", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=False,
    )


# --- the sites build, and their links lead somewhere -------------------------------------

_HREF = re.compile(r'<a [^>]*href="([^"]*)"')


@pytest.mark.parametrize("language", LANGUAGES)
def test_docs_site_builds_strictly_and_its_links_lead_somewhere(
    language: str, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    done = run_cli(
        "build",
        "--source",
        f"docs/{language}",
        "--strict",
        "--no-search",
        "--no-cache",
        "--output",
        str(out),
        "--today",
        "2025-03-20",
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "warning" not in done.stderr, done.stderr
    for name in PAGES[language].values():
        assert (out / Path(name).stem / "index.html").is_file(), name
    broken = []
    for html in sorted(out.rglob("*.html")):
        for href in _HREF.findall(html.read_text(encoding="utf-8")):
            if href.startswith(("http://", "https://", "mailto:")) or not href.startswith("/"):
                continue
            path, _, anchor = href.partition("#")
            target = out / path.lstrip("/")
            if path.endswith("/"):
                target = target / "index.html"
            if not target.is_file():
                broken.append(f"{html.relative_to(out)}: {href}")
            elif anchor and f'id="{anchor}"' not in target.read_text(encoding="utf-8"):
                broken.append(f"{html.relative_to(out)}: {href} (no such anchor)")
    assert not broken, broken


# --- every example is checked ------------------------------------------------------------


def _standalone(example: Example, n: int) -> tuple[str, str]:
    """Where an example that is no part of the site's files is written, and its text."""
    if example.language == "yaml":
        head = yaml.safe_load(example.text) or {}
        keys = "" if "body" in head else "body: Exempelnämnden\n"
        keys += "" if "date" in head else "date: 2024-01-10\n"
        return f"content/exempel/2024/exempel-{n}.md", f"---\n{keys}{example.text}---\n"
    text = example.text
    if not text.startswith("---\n"):
        item = "" if any(line.startswith("## ") for line in text.splitlines()) else ITEM
        text = WRAPPER + item + text
    return example.path or f"content/exempel/2024/exempel-{n}.md", text


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_example_is_checked(language: str, tmp_path: Path) -> None:
    found = examples(language)
    own = own_files(language)
    alone: dict[str, Example] = {}
    texts: dict[str, str] = {}
    messages: dict[str, list[str]] = {}  # a wrong example's file → the messages shown after it
    summaries: dict[str, list[str]] = {}  # ... and the summary lines shown after them
    failures = []
    for n, example in enumerate(found):
        if example.language == "toml":
            folder = tmp_path / f"toml-{n}"
            folder.mkdir()
            (folder / "site.toml").write_text(example.text, encoding="utf-8")
            load_config(folder)  # raises on anything it does not take
            continue
        if example.language == "text" and n and found[n - 1].wrong and found[n - 1].path:
            shown = [line for line in example.text.splitlines() if line.startswith("content/")]
            messages[found[n - 1].path] = shown
            summaries[found[n - 1].path] = [
                line for line in example.text.splitlines() if line and line not in shown
            ]
            continue
        if example.language not in ("markdown", "yaml"):
            continue
        if example.path in own and not example.wrong:
            if own[example.path] != example.text:
                failures.append(f"{example}: is not {example.path} of docs/{language}")
            continue
        if not example.wrong and any(example.text in text for text in own.values()):
            continue  # part of one of the site's files: the strict build checks it
        path, text = _standalone(example, n)
        assert path not in alone, f"{example} and {alone.get(path)} are one file"
        alone[path], texts[path] = example, text
    root = tmp_path / "site"
    shutil.copytree(site(language), root, ignore=shutil.ignore_patterns(*_BUILT))
    for path, text in texts.items():
        assert not (root / path).exists(), f"{alone[path]} would replace {path}"
        (root / path).parent.mkdir(parents=True, exist_ok=True)
        (root / path).write_text(text, encoding="utf-8")
    problems = [  # the examples are no one body's year: their § numbers may repeat
        p
        for p in check(BuildOptions(source=root, strict=True, cache=False)).items
        if not (p.across and p.path in alone and "§ numbers run on" in p.message)
    ]
    said: dict[str, list[str]] = {}  # told as a site of the guide's language is told
    for problem in problems:
        said.setdefault(problem.path, []).append(problem.render(language))
    assert set(said) <= set(alone), f"the site's own files have problems: {said}"
    for path, example in alone.items():
        if example.wrong and not said.get(path):
            failures.append(f"{example}: shows a mistake, but minutes check --strict passes it")
        if not example.wrong and said.get(path):
            failures.append(f"{example}: {said[path]}")
    for path, shown in messages.items():
        missing = [line for line in shown if line not in said.get(path, [])]
        if missing:
            failures.append(f"{path}: the guide shows {missing}, the check says {said.get(path)}")
        last = summary([p for p in problems if p.path == path], True, language)
        if summaries[path] != [last]:
            failures.append(f"{path}: the guide's summary is {summaries[path]}, not {[last]}")
    assert not failures, "\n".join(failures)
    assert len(alone) >= 5 and len(found) >= 30  # the extraction found the examples


def test_a_wrong_example_that_passes_is_caught(tmp_path: Path) -> None:
    """The check above can fail: a right example marked wrong, and a wrong one unmarked."""
    right = Example("x.md", 1, "markdown", ("fel",), "## § 1 Öppnande\n\nText.\n")
    wrong = Example("x.md", 2, "markdown", (), "## § 1 Öppnande\n\n::: motion A\nText.\n\n## § 2\n")
    root = tmp_path / "site"
    for n, example in enumerate((right, wrong)):
        path, text = _standalone(example, n)
        (root / path).parent.mkdir(parents=True, exist_ok=True)
        (root / path).write_text(text, encoding="utf-8")
    problems = check(BuildOptions(source=root, strict=True, cache=False)).items
    assert {p.path for p in problems} == {"content/exempel/2024/exempel-1.md"}


# --- the references name everything ------------------------------------------------------


def _reference_keys() -> tuple[str, ...]:
    """The keys of an entry of ``references``, as the parser's own message lists them."""
    text = "---\nbody: B\ndate: 2020-01-01\nreferences: [{body: X, date: 2020-01-01, zz: 1}]\n---\n"
    parsed = parse_meeting(text.encode(), "content/x.md", SiteConfig(root=REPO))
    found = [re.search(r"the keys are (.*)$", p.message) for p in parsed.problems]
    listed = next(m[1] for m in found if m)
    return tuple(listed.split(", "))


def _names() -> dict[str, tuple[str, ...]]:
    """Every name a clerk or site owner writes, by kind."""
    commands = {name: cmd for name, cmd in main.commands.items()}  # type: ignore[attr-defined]
    options = {
        opt
        for command in [main, *commands.values()]
        for param in command.params
        for opt in param.opts + param.secondary_opts
        if opt.startswith("--") and opt != "--help"
    }
    return {
        "front matter key": KNOWN_KEYS,
        "person key": PERSON_KEYS,
        "attachment key": ATTACHMENT_KEYS,
        "reference key": _reference_keys(),
        "labelled list": LABELLED,
        "status": STATUSES,
        "vote key": VOTE_KEYS,
        "attribute key": ITEM_KEYS,
        "page key": PAGE_KEYS,
        "body file key": BODY_KEYS,
        "site.toml key": tuple(s.key.split(".")[0] for s in SETTINGS),
        "accessibility key": tuple(
            s.key.split(".", 1)[1] for s in SETTINGS if s.key.startswith("accessibility.")
        ),
        "decision word": DEFAULT_DECISION_WORDS,
        "container word": tuple(CONTAINERS),
        "class": tuple(f".{c}" for c in CLASSES),
        "command": tuple(f"minutes {name}" for name in commands),
        "option": tuple(sorted(options)),
    }


def _named(name: str, kind: str, spans: set[str]) -> bool:
    """Whether a code span of the reference names ``name``."""
    if kind == "command":
        return any(s == name or s.startswith(name + " ") for s in spans)
    if kind == "container word":
        return any(s in (name, f"::: {name}") or s.startswith(f"::: {name} ") for s in spans)
    if kind == "option":  # alone, or in a command line
        return any(re.search(rf"(?:^|\s){re.escape(name)}(?:[\s=]|$)", s) for s in spans)
    return any(
        s in (name, f"{name}:", f"{{{name}}}") or s.startswith((f"{name}: ", f"{name}="))
        for s in spans
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_reference_names_every_key_word_and_option(language: str) -> None:
    reference = site(language) / "content" / "pages" / PAGES[language]["reference"]
    spans = code_spans(reference.read_text(encoding="utf-8"))
    missing = [
        f"{kind} {name!r}"
        for kind, names in _names().items()
        for name in names
        if not _named(name, kind, spans)
    ]
    assert not missing, f"{reference.relative_to(REPO)} does not name: {', '.join(missing)}"


def test_the_key_check_can_fail() -> None:
    assert not _named("adjusters", "front matter key", {"adjuster", "adjusters_x: y"})
    assert _named("adjusters", "front matter key", {"adjusters: [A]"})
    assert "in" in _reference_keys() and "--strict" in _names()["option"]


# --- the guide, followed literally -------------------------------------------------------


def _commands(guide: str) -> list[list[str]]:
    """The ``minutes``, ``git`` and ``cd`` commands of the guide's shell blocks, in order."""
    found = []
    for example in examples_of(guide):
        if example.language == "sh":
            for line in example.text.splitlines():
                words = shlex.split(line)
                if words and words[0] in ("minutes", "git", "cd"):
                    found.append(words)
    return found


def examples_of(page: str) -> list[Example]:
    language = page.split("/")[1]
    return [e for e in examples(language) if e.page == page]


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_guide_from_an_empty_folder_to_a_built_site(language: str, tmp_path: Path) -> None:
    """Every minutes and git command of the guide, in its order, with the edits it asks for
    where it asks for them (git remote and push aside: there is no GitHub here); then the
    build CI runs. Afterwards git sees nothing new: the build's files are all ignored."""
    guide = f"docs/{language}/content/pages/{PAGES[language]['guide']}"
    blocks = examples_of(guide)
    whole = next(b for b in blocks if b.path and not b.wrong)
    runner = CliRunner()
    # a computer where git was never used: the guide's own git config says who commits
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith("GIT_")},
        "GIT_CONFIG_GLOBAL": str(tmp_path / "gitconfig"),
        "GIT_CONFIG_NOSYSTEM": "1",
    }
    here = tmp_path
    new_file = None
    for words in _commands(guide):
        if words[0] == "cd":
            here = here / words[1]
            # section 2 once in the site: settings filled in, the sample meeting removed
            (here / "site.toml").write_text(
                next(b.text for b in blocks if b.language == "toml"), encoding="utf-8"
            )
            for sample in (here / "content").rglob("*.md"):
                if "pages" not in sample.parts:
                    sample.unlink()
            continue
        if words[0] == "git":
            if words[1] not in ("remote", "push"):
                done_git = subprocess.run(
                    words, cwd=here, env=env, capture_output=True, text=True, check=False
                )
                assert done_git.returncode == 0, (words, done_git.stderr)
            continue
        if words[1] in ("serve", "build"):
            continue  # serve runs until stopped; the build is run below, as CI runs it
        args = list(words[1:])
        if words[1] == "init":
            args[1] = str(here / args[1])
            args += ["--today", "2025-03-01"]
        if words[1] in ("new", "check"):
            args += ["--source", str(here)]
        done = runner.invoke(main, args)
        if words[1] == "check":
            assert done.exit_code == 0 and "No errors, no warnings." in done.output, done.output
            continue
        assert done.exit_code == 0, (words, done.output)
        if words[1] == "new":
            new_file = Path(done.output.split("wrote ", 1)[1].strip())
            # what the guide shows minutes new writes is what it writes
            assert any(b.text == new_file.read_text(encoding="utf-8") for b in blocks)
            # filled in as the guide's whole file, with its attachment
            assert new_file == here / whole.path
            new_file.write_text(whole.text, encoding="utf-8")
            shutil.copytree(site(language) / "content" / "files", here / "content" / "files")
    assert new_file is not None
    built = runner.invoke(
        main, ["build", "--source", str(here), "--strict", "--no-search", "--today", "2025-03-20"]
    )
    assert built.exit_code == 0, built.output
    out = here / "_site"
    page = (out / "kommunstyrelsen" / "2025-03-11" / "index.html").read_text(encoding="utf-8")
    assert "Cecilia Carlssons yrkande" in page and "26 kap. 1 § OSL" in page
    assert "Den här texten publiceras inte" not in page
    own = load_config(here).language  # the site the guide made, not the guide's own
    board = out / ("anslagstavla" if own == "sv" else "notice-board") / "index.html"
    last_day = {"sv": "4 april 2025", "en": "4 April 2025"}[own]
    assert last_day in board.read_text(encoding="utf-8")
    status = subprocess.run(
        ["git", "status", "--porcelain", "--untracked-files=all"],
        cwd=here,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert status.stdout == "", "the guide's git add and commit leave behind:\n" + status.stdout


def test_the_guide_shows_what_minutes_new_writes() -> None:
    written = fill_template(MEETING_TEMPLATES["sv"], "Kommunstyrelsen", date(2025, 3, 11))
    for language in LANGUAGES:
        guide = f"docs/{language}/content/pages/{PAGES[language]['guide']}"
        assert any(e.text == written for e in examples_of(guide)), guide


# --- the docs agree with each other, the example site and the README ---------------------


def test_the_worked_examples_are_the_example_sites_files() -> None:
    for language in LANGUAGES:
        for rel in (
            "content/regionstyrelsen/2020/2020-05-26.md",
            "content/politisk-referensgrupp/2025/2025-01-09.md",
        ):
            assert (site(language) / rel).read_bytes() == (REPO / rel).read_bytes(), rel


def test_both_languages_have_the_same_example_files() -> None:
    def files(language: str) -> dict[str, bytes]:
        content = site(language) / "content"
        return {
            str(p.relative_to(content)): p.read_bytes()
            for p in sorted(content.rglob("*"))
            if p.is_file() and p.relative_to(content).parts[0] not in ("pages", "bodies")
        }

    assert files("sv") == files("en")


_LINK = re.compile(r"\]\(([^)#\s]+)(?:#[^)]*)?\)")


@pytest.mark.parametrize("document", ["README.md", "docs/README.md"])
def test_the_readme_points_into_docs_and_its_links_lead_somewhere(document: str) -> None:
    text = (REPO / document).read_text(encoding="utf-8")
    assert "CONTENT-FORMAT" not in text and "content contract" not in text
    targets = [t for t in _LINK.findall(text) if "://" not in t and not t.startswith("mailto:")]
    for target in targets:
        assert ((REPO / document).parent / target).exists(), f"{document}: {target}"
    for language in LANGUAGES:
        for name in PAGES[language].values():
            wanted = f"{language}/content/pages/{name}"
            assert any(t.endswith(wanted) for t in targets), f"{document} does not link {wanted}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_place_for_every_message_is_marked(language: str) -> None:
    text = (site(language) / "content" / "pages" / PAGES[language]["messages"]).read_text(
        encoding="utf-8"
    )
    heading = {"sv": "## Alla meddelanden", "en": "## All messages"}[language]
    assert heading in text
