"""Issue #17, point 5: errors where the clerk looks. ``minutes check --format github`` prints
GitHub workflow commands, ``--format gitlab`` GitLab's code quality report, each checked
against the shape its documentation gives."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from jsonschema import Draft7Validator

from generator.cli import main
from generator.content.errors import ContentError
from generator.messages.front import Front
from generator.messages.text import Text
from generator.report import github_annotations, gitlab_report

from conftest import SiteFactory

# docs.github.com, "Workflow commands for GitHub Actions": ::error file={name},line={line},
# title={title}::{message}; in the message %, CR and LF are escaped as %25, %0D and %0A, in
# the properties also : and , as %3A and %2C
GITHUB = re.compile(
    r"^::(?P<level>error|warning) file=(?P<file>[^,:\r\n]+)(?:,line=(?P<line>[1-9]\d*))?"
    r",title=(?P<title>[^,:\r\n]*)::(?P<message>[^\r\n]*)$"
)
# docs.gitlab.com, "Code Quality", the report format: an array of Code Climate issues
GITLAB = {
    "type": "array",
    "items": {
        "type": "object",
        "required": ["description", "check_name", "fingerprint", "severity", "location"],
        "properties": {
            "description": {"type": "string", "minLength": 1},
            "check_name": {"type": "string", "minLength": 1},
            "fingerprint": {"type": "string", "minLength": 1},
            "severity": {"enum": ["info", "minor", "major", "critical", "blocker"]},
            "location": {
                "type": "object",
                "required": ["path", "lines"],
                "properties": {
                    "path": {"type": "string", "minLength": 1},
                    "lines": {
                        "type": "object",
                        "required": ["begin"],
                        "properties": {"begin": {"type": "integer", "minimum": 1}},
                    },
                },
            },
        },
    },
}


def _unescape(text: str) -> str:
    return (
        text.replace("%0A", "\n")
        .replace("%0D", "\r")
        .replace("%3A", ":")
        .replace("%2C", ",")
        .replace("%25", "%")
    )


UNKNOWN_FOO = Front.KEY_UNKNOWN(key="foo")
PROBLEMS = [
    ContentError("content/ks/a.md", 3, Front.DATE_FORMAT(key="date", got="26 maj 2020")),
    ContentError("content/ks/a.md", 9, UNKNOWN_FOO, "warning"),
    ContentError(
        "content/ks/a,b:c.md", 2, Front.DATE_FORMAT(key="x", got="100% sure\nsecond line: yes")
    ),
    ContentError("content/files/x.pdf", 0, Text.LINK_NO_SUCH_FILE(target="y.md"), "warning"),
]


def test_github_annotations_have_the_documented_shape_and_say_everything() -> None:
    lines = github_annotations(PROBLEMS, strict=False)
    assert len(lines) == len(PROBLEMS)
    read = []
    for line in lines:
        m = GITHUB.match(line)
        assert m, line
        read.append(
            (m["level"], _unescape(m["file"]), int(m["line"] or 0), _unescape(m["message"]))
        )
    assert sorted(read) == sorted(
        ("error" if p.severity == "error" else "warning", p.path, p.line, p.message)
        for p in PROBLEMS
    )


def test_strict_makes_every_annotation_an_error_and_a_folder_prefixes_the_path() -> None:
    lines = github_annotations(PROBLEMS, strict=True, folder="site")
    assert all(line.startswith("::error file=site/content/") for line in lines)


def test_gitlab_report_has_the_documented_shape_with_unique_fingerprints() -> None:
    twice = [*PROBLEMS, ContentError("content/ks/a.md", 12, UNKNOWN_FOO, "warning")]
    report = json.loads(gitlab_report(twice, strict=False))
    assert not list(Draft7Validator(GITLAB).iter_errors(report))
    assert len({issue["fingerprint"] for issue in report}) == len(twice)
    severities = {
        (i["location"]["path"], i["location"]["lines"]["begin"]): i["severity"] for i in report
    }
    assert severities[("content/ks/a.md", 3)] == "major"
    assert severities[("content/ks/a.md", 9)] == "minor"
    assert severities[("content/files/x.pdf", 1)] == "minor"
    assert gitlab_report(twice, strict=False) == gitlab_report(list(reversed(twice)), strict=False)


@pytest.mark.parametrize("form", ["github", "gitlab"])
def test_check_prints_the_report_alone_on_stdout_and_fails_on_errors(
    form: str, tmp_site: SiteFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_site(
        {
            "content/ks/a.md": "---\nbody: KS\ndate: 2024-02-30\n---\n## § 1 A\n",
            "content/ks/b.md": "---\nbody: KS\ndate: 2024-02-01\nfoo: 1\n---\n## § 1 B\n",
        }
    )
    monkeypatch.chdir(root.parent)
    result = CliRunner().invoke(main, ["check", "--source", root.name, "--format", form])
    assert result.exit_code == 1
    if form == "github":
        lines = result.stdout.splitlines()
        assert [GITHUB.match(line)["level"] for line in lines] == ["error", "warning"]  # type: ignore[index]
        assert lines[0].startswith(f"::error file={root.name}/content/ks/a.md,line=3,")
    else:
        report = json.loads(result.stdout)
        assert not list(Draft7Validator(GITLAB).iter_errors(report))
        assert [i["location"]["path"] for i in report] == [
            f"{root.name}/content/ks/a.md",
            f"{root.name}/content/ks/b.md",
        ]
    assert "1 error, 1 warning." in result.stderr


def test_a_clean_site_gives_an_empty_report_and_exit_0(
    tmp_site: SiteFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_site({"content/ks/a.md": "---\nbody: KS\ndate: 2024-02-01\n---\n## § 1 A\n"})
    monkeypatch.chdir(root)
    result = CliRunner().invoke(main, ["check", "--format", "gitlab"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == []
    github = CliRunner().invoke(main, ["check", "--format", "github"])
    assert github.exit_code == 0 and github.stdout == ""


def test_the_report_names_files_relative_to_where_it_runs(tmp_path: Path) -> None:
    lines = github_annotations(PROBLEMS[:1], strict=False, folder=".")
    assert lines[0].startswith("::error file=content/ks/a.md,line=3,")


def test_init_runs_the_check_on_pull_and_merge_requests(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The workflow files `minutes init` writes run the check in the report format of their
    host on a pull (merge) request; run here as written, on a site with a mistake."""
    import shlex
    from datetime import date

    import yaml

    from generator.scaffold import init_site

    site = tmp_path / "site"
    init_site(site, "Kommunen", date(2025, 3, 1))
    github = yaml.safe_load((site / ".github/workflows/minutes-check.yml").read_text("utf-8"))
    assert set(github[True]) == {"pull_request"}  # YAML 1.1 reads the key 'on' as true
    runs = [step["run"] for step in github["jobs"]["check"]["steps"] if "run" in step]
    gitlab = yaml.safe_load((site / ".gitlab-ci.yml").read_text("utf-8"))["check"]
    assert gitlab["rules"] == [{"if": '$CI_PIPELINE_SOURCE == "merge_request_event"'}]
    assert gitlab["artifacts"]["reports"]["codequality"] == "gl-code-quality-report.json"
    assert gitlab["artifacts"]["when"] == "always"  # the report of a failing check is kept
    meeting = next((site / "content").rglob("20*.md"))
    meeting.write_text(meeting.read_text("utf-8").replace("date: 2025-03-01", "date: 2025-02-30"))
    monkeypatch.chdir(site)
    github_check = shlex.split(runs[-1])
    assert github_check[:2] == ["minutes", "check"]
    done = CliRunner().invoke(main, github_check[1:])
    assert done.exit_code == 1
    (line,) = done.stdout.splitlines()
    assert GITHUB.match(line) and f"file={meeting.relative_to(site).as_posix()},line=" in line
    command, _, target = gitlab["script"][-1].partition(" > ")
    done = CliRunner().invoke(main, shlex.split(command)[1:])
    assert done.exit_code == 1 and target == "gl-code-quality-report.json"
    report = json.loads(done.stdout)
    assert not list(Draft7Validator(GITLAB).iter_errors(report)) and len(report) == 1


@pytest.mark.parametrize("form", ["github", "gitlab"])
def test_a_site_toml_problem_is_in_the_report_too(
    form: str, tmp_site: SiteFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A wrong setting is shown on its line of site.toml, and GitLab gets a report it can
    read (an empty file is no JSON: the merge request would show nothing)."""
    root = tmp_site({"content/ks/a.md": "---\nbody: KS\ndate: 2024-02-01\n---\n## § 1 A\n"})
    (root / "site.toml").write_text('title = "X"\nbad_key = 1\n', encoding="utf-8")
    monkeypatch.chdir(root.parent)
    result = CliRunner().invoke(main, ["check", "--source", root.name, "--format", form])
    assert result.exit_code == 1
    if form == "github":
        assert result.stdout.startswith(f"::error file={root.name}/site.toml,line=2,")
    else:
        [issue] = json.loads(result.stdout)
        assert issue["location"] == {"path": f"{root.name}/site.toml", "lines": {"begin": 2}}
        assert issue["severity"] == "major" and "bad_key" in issue["description"]


@pytest.mark.parametrize(
    ("form", "variable"), [("github", "GITHUB_WORKSPACE"), ("gitlab", "CI_PROJECT_DIR")]
)
def test_a_step_run_in_a_folder_of_the_repository_names_files_from_its_root(
    form: str, variable: str, tmp_site: SiteFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A workflow step with a working directory (the site in a folder of the repository):
    the annotation is placed by the path from the repository's root, which the CI names."""
    root = tmp_site({"content/ks/a.md": "---\nbody: KS\ndate: 2024-02-30\n---\n## § 1 A\n"})
    monkeypatch.chdir(root)
    monkeypatch.setenv(variable, str(root.parent))
    result = CliRunner().invoke(main, ["check", "--format", form])
    assert result.exit_code == 1
    if form == "github":
        assert result.stdout.startswith(f"::error file={root.name}/content/ks/a.md,line=3,")
    else:
        [issue] = json.loads(result.stdout)
        assert issue["location"]["path"] == f"{root.name}/content/ks/a.md"
