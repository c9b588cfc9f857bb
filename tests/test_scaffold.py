"""``minutes init`` writes a site that builds strictly; ``minutes new`` never overwrites."""

from __future__ import annotations

import os
import tempfile
import tomllib
from datetime import date
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from hypothesis import example, given, settings
from hypothesis import strategies as st

from generator import __version__
from generator.cli import main
from generator.content.checks import unshowable
from generator.content.errors import Problems
from generator.content.frontmatter import load_yaml
from generator.scaffold import ScaffoldError, init_site, new_meeting
from generator.site.urls import slug

from htmltools import texts


def test_init_then_strict_build_passes(tmp_path: Path) -> None:
    runner = CliRunner()
    site = tmp_path / "kommun"
    done = runner.invoke(
        main, ["init", str(site), "--title", "Exempelkommun", "--today", "2025-11-20"]
    )
    assert done.exit_code == 0, done.output
    built = runner.invoke(
        main, ["build", "--source", str(site), "--strict", "--today", "2025-11-21"]
    )
    assert built.exit_code == 0, built.output
    assert "warning" not in built.output
    assert (site / "_site/kommunstyrelsen/2025-11-20/index.html").is_file()
    board = (site / "_site/anslagstavla/index.html").read_text()
    assert "Kommunstyrelsen, 20 november 2025" in texts(board, "section")[0]
    github = yaml.safe_load((site / ".github/workflows/minutes.yml").read_text())
    steps = [s.get("run", s.get("uses")) for s in github["jobs"]["build"]["steps"]]
    assert "minutes build --strict" in steps
    assert "actions/deploy-pages@v4" in str(github["jobs"]["deploy"])
    gitlab = yaml.safe_load((site / ".gitlab-ci.yml").read_text())
    assert "minutes build --strict --output public" in gitlab["pages"]["script"]
    hooks = yaml.safe_load((site / ".pre-commit-config.yaml").read_text())
    assert hooks["repos"][0]["hooks"][0]["entry"] == "minutes check --strict"
    again = runner.invoke(main, ["init", str(site)])
    assert again.exit_code == 1 and "is a site already" in again.output


def test_new_uses_the_body_template_and_refuses_to_overwrite(tmp_path: Path) -> None:
    runner = CliRunner()
    site = tmp_path / "kommun"
    runner.invoke(main, ["init", str(site), "--today", "2025-11-20"])
    (site / "templates/socialnamnden.md").write_text(
        "---\nbody: {body}\ndate: {date}\nstatus: draft\n---\n## § 1 Individärenden "
        "{confidential=true}\n"
    )
    made = runner.invoke(
        main, ["new", "--source", str(site), "--body", "Socialnämnden", "--date", "2025-12-01"]
    )
    assert made.exit_code == 0, made.output
    path = site / "content/socialnamnden/2025/2025-12-01.md"
    assert path.read_text().startswith("---\nbody: Socialnämnden\ndate: 2025-12-01\n")
    path.write_text(path.read_text() + "\nEgna anteckningar.\n")
    refused = runner.invoke(
        main, ["new", "--source", str(site), "--body", "Socialnämnden", "--date", "2025-12-01"]
    )
    assert refused.exit_code == 1 and "not overwritten" in refused.output
    assert path.read_text().endswith("Egna anteckningar.\n")
    other = runner.invoke(
        main, ["new", "--source", str(site), "--body", "Tekniska nämnden", "--date", "2025-12-02"]
    )
    assert other.exit_code == 0
    text = (site / "content/tekniska-namnden/2025/2025-12-02.md").read_text()
    assert "body: Tekniska nämnden" in text and "§ 2 Val av justerare" in text
    checked = runner.invoke(main, ["check", "--source", str(site), "--strict"])
    assert checked.exit_code == 0, checked.output


EXAMPLES = int(os.environ.get("MINUTES_SCAFFOLD_EXAMPLES", "150"))
TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=40)


@settings(max_examples=EXAMPLES, deadline=None)
@given(title=TEXT)
@example(title='Kommunen "Norra" \\ och\nSödra')
def test_init_writes_valid_toml_holding_exactly_the_title(title: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        init_site(Path(folder), title, date(2025, 11, 20))
        settings_ = tomllib.loads((Path(folder) / "site.toml").read_text(encoding="utf-8"))
    assert settings_["title"] == title and settings_["organisation"] == title


@settings(max_examples=EXAMPLES, deadline=None)
@given(body=TEXT)
@example(body="KS: arbetsutskott #2")
@example(body="yes")
@example(body="\ufeffx\u2028y\x85")
@example(body="A\x00B")
@example(body=" \t")  # a file the build refuses (body: required) was written
@example(body="K\x08S")  # one the build refuses (no page can hold the character) too
def test_new_writes_valid_yaml_holding_exactly_the_body(body: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        if "\x00" in body or not body.strip() or unshowable(body):  # refused: not written
            with pytest.raises(ScaffoldError, match=r"NUL|give the body's name|no page can"):
                new_meeting(Path(folder), body, date(2025, 12, 1))
            assert not (Path(folder) / "content").exists()
            return
        path = new_meeting(Path(folder), body, date(2025, 12, 1))
        text = path.read_text(encoding="utf-8")
    problems = Problems()
    front = load_yaml(text.split("---\n")[1], "m.md", 2, problems)  # as a build reads it
    assert problems.items == [] and front is not None and front.values["body"] == body
    assert path.relative_to(folder).parts[1] == slug(body)


def test_init_and_new_from_the_command_line_with_quotes_colons_and_hashes(tmp_path: Path) -> None:
    runner = CliRunner()
    site = tmp_path / "kommun"
    title = 'Kommunen "Norra"\nandra raden'
    assert runner.invoke(main, ["init", str(site), "--title", title]).exit_code == 0
    assert tomllib.loads((site / "site.toml").read_text())["title"] == title
    made = runner.invoke(
        main, ["new", "--source", str(site), "--body", "KS: AU #2", "--date", "2025-12-01"]
    )
    assert made.exit_code == 0, made.output
    text = (site / "content/ks-au-2/2025/2025-12-01.md").read_text()
    assert '\nbody: "KS: AU #2"  # ' in text and "\ndate: 2025-12-01  # " in text
    assert yaml.safe_load(text.split("---\n")[1])["body"] == "KS: AU #2"
    checked = runner.invoke(main, ["check", "--source", str(site)])
    assert checked.exit_code == 0, checked.output


def test_the_github_workflow_grants_pages_rights_to_the_deploy_job_only(tmp_path: Path) -> None:
    init_site(tmp_path, "Kommunen", date(2025, 11, 20))
    flow = yaml.safe_load((tmp_path / ".github/workflows/minutes.yml").read_text())
    assert flow["permissions"] == {"contents": "read"}
    assert "permissions" not in flow["jobs"]["build"]
    assert flow["jobs"]["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}
    installs = [
        s["run"] for s in flow["jobs"]["build"]["steps"] if "pip install" in s.get("run", "")
    ]
    assert installs == [
        f"pip install \"${{{{ vars.MINUTES_PACKAGE || 'minutes=={__version__}' }}}}\""
    ]
    gitlab = yaml.safe_load((tmp_path / ".gitlab-ci.yml").read_text())
    assert f"minutes=={__version__}" in gitlab["pages"]["script"][0]


@pytest.mark.parametrize(
    ("language", "body", "words"),
    [
        ("sv", "kommunstyrelsen", ("Mötets öppnande", "Om webbplatsen")),
        ("en", "executive-board", ("Opening of the meeting", "About this site")),
    ],
)
def test_init_and_new_speak_the_sites_language_and_their_notes_are_never_published(
    tmp_path: Path, language: str, body: str, words: tuple[str, str]
) -> None:
    """Issue #17, point 6: the sample meeting, the template and what `minutes new` writes
    are in the site's language, every key of their front matter says in a note what it is
    for, and no note reaches a page."""
    runner = CliRunner()
    site = tmp_path / "site"
    args = ["init", str(site), "--language", language, "--today", "2025-11-20"]
    assert runner.invoke(main, args).exit_code == 0
    assert tomllib.loads((site / "site.toml").read_text("utf-8"))["language"] == language
    (site / "templates/meeting.md").unlink()  # the built-in template, in the site's language
    done = runner.invoke(
        main, ["new", "--source", str(site), "--body", body.title(), "--date", "2025-11-27"]
    )
    assert done.exit_code == 0, done.output
    written = [
        site / f"content/{body}/2025/2025-11-20.md",
        site / f"content/{body}/2025/2025-11-27.md",
    ]
    notes = []
    for path in written:
        text = path.read_text("utf-8")
        assert words[0] in text
        head = text.split("---\n")[1].splitlines()
        keys = [line for line in head if line[:1].isalpha()]
        silent = [line for line in keys if "  # " not in line and not line.startswith("end:")]
        assert keys and not silent, f"{path.name}: keys with no note: {silent}"
        notes += [line[2:] for line in head if line.startswith("# ")]
        notes += [line.split("  # ", 1)[1] for line in keys if "  # " in line]
    built = runner.invoke(
        main,
        [
            "build",
            "--source",
            str(site),
            "--strict",
            "--drafts",
            "--no-search",
            "--today",
            "2025-11-28",
        ],
    )
    assert built.exit_code == 0, built.output
    pages = "".join(p.read_text("utf-8") for p in (site / "_site").rglob("*.html"))
    assert words[1] in pages
    assert len(notes) >= 10
    leaked = [note for note in notes if note in pages]
    assert leaked == []
