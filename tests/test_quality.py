"""The house rules that a tool can check (also run by .pre-commit-config.yaml): ruff check
and ruff format, mypy --strict on the package, ESLint on the theme's scripts."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", *args], cwd=REPO, capture_output=True, text=True, check=False
    )


def test_ruff_is_clean() -> None:
    done = run("ruff", "check", "generator", "tests", "bench")
    assert done.returncode == 0, done.stdout + done.stderr


def test_ruff_format_is_clean() -> None:
    done = run("ruff", "format", "--check", "generator", "tests", "bench")
    assert done.returncode == 0, done.stdout + done.stderr


def test_mypy_strict_is_clean() -> None:
    done = run("mypy")
    assert done.returncode == 0, done.stdout + done.stderr


def test_eslint_is_clean() -> None:
    """The theme's scripts, with ESLint from npm (``npm ci`` installs it)."""
    eslint = REPO / "node_modules" / ".bin" / "eslint"
    assert eslint.exists(), "run `npm ci` first: it installs ESLint (package.json)"
    done = subprocess.run(
        [str(eslint), "themes/"], cwd=REPO, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stdout + done.stderr
