"""``minutes init`` writes a site that builds strictly; ``minutes new`` never overwrites."""

from __future__ import annotations

from pathlib import Path

import yaml
from click.testing import CliRunner

from generator.cli import main

from htmltools import texts


def test_init_then_strict_build_passes(tmp_path: Path) -> None:
    runner = CliRunner()
    site = tmp_path / "kommun"
    done = runner.invoke(main, ["init", str(site), "--title", "Exempelkommun",
                                "--today", "2025-11-20"])
    assert done.exit_code == 0, done.output
    built = runner.invoke(main, ["build", "--source", str(site), "--strict", "--today",
                                 "2025-11-21"])
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
        "{confidential=true}\n")
    made = runner.invoke(main, ["new", "--source", str(site), "--body", "Socialnämnden",
                                "--date", "2025-12-01"])
    assert made.exit_code == 0, made.output
    path = site / "content/socialnamnden/2025/2025-12-01.md"
    assert path.read_text().startswith("---\nbody: Socialnämnden\ndate: 2025-12-01\n")
    path.write_text(path.read_text() + "\nEgna anteckningar.\n")
    refused = runner.invoke(main, ["new", "--source", str(site), "--body", "Socialnämnden",
                                   "--date", "2025-12-01"])
    assert refused.exit_code == 1 and "not overwritten" in refused.output
    assert path.read_text().endswith("Egna anteckningar.\n")
    other = runner.invoke(main, ["new", "--source", str(site), "--body", "Tekniska nämnden",
                                 "--date", "2025-12-02"])
    assert other.exit_code == 0
    text = (site / "content/tekniska-namnden/2025/2025-12-02.md").read_text()
    assert "body: Tekniska nämnden" in text and "§ 2 Val av justerare" in text
    checked = runner.invoke(main, ["check", "--source", str(site), "--strict"])
    assert checked.exit_code == 0, checked.output
