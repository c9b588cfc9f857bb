"""Shared fixtures: small sites written per test, and the example site built once."""

from __future__ import annotations

import os
import shutil
import textwrap
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from hypothesis import settings

from generator.build.pipeline import BuildOptions, build

REPO = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"

SiteFactory = Callable[..., Path]

# The tests read messages in English, whatever the language of the site they build (and so
# do the commands they start); tests of the Swedish messages take the variable away.
os.environ["MINUTES_LANGUAGE"] = "en"

# Property tests draw the same examples on every run (a seed from each test's own code), and
# no example fails for taking long on a busy machine: CI never passes or fails on luck. To
# explore new examples by hand: HYPOTHESIS_PROFILE=explore python -m pytest ...
settings.register_profile("deterministic", derandomize=True, deadline=None, database=None)
settings.register_profile("explore", deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "deterministic"))


def write_site(root: Path, files: dict[str, str | bytes]) -> Path:
    """Write ``files`` (path → text, dedented, or bytes) under ``root``."""
    for rel, content in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(textwrap.dedent(content).lstrip("\n"), encoding="utf-8")
    return root


@pytest.fixture
def tmp_site(tmp_path: Path) -> SiteFactory:
    """``tmp_site(files={...})`` writes a small site and returns its folder."""

    def make(
        files: dict[str, str | bytes], toml: str = 'title = "Test"\nlanguage = "sv"\n'
    ) -> Path:
        root = tmp_path / "site"
        root.mkdir(exist_ok=True)
        (root / "site.toml").write_text(toml, encoding="utf-8")
        return write_site(root, files)

    return make


@pytest.fixture(scope="session")
def example_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The repository's example site, built once (search index included)."""
    out = tmp_path_factory.mktemp("example") / "_site"
    build(BuildOptions(source=REPO, output=out, today=date(2025, 9, 1)))
    return out


@pytest.fixture(scope="session")
def copy_of_example(tmp_path_factory: pytest.TempPathFactory) -> Callable[[], Path]:
    """A fresh copy of the example site's sources, for tests that change them."""

    def make() -> Path:
        dest = tmp_path_factory.mktemp("example-src")
        shutil.copytree(REPO / "content", dest / "content")
        shutil.copy(REPO / "site.toml", dest / "site.toml")
        return dest

    return make


@pytest.fixture(scope="session")
def browser():  # type: ignore[no-untyped-def]
    """One headless Chromium for the whole test session."""
    from playwright.sync_api import sync_playwright

    from browser import CHROMIUM_ARGS, chromium_path

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        yield instance
        instance.close()


@pytest.fixture(scope="session")
def example_url(example_site: Path):  # type: ignore[no-untyped-def]
    """The built example site, served on loopback."""
    from browser import serve

    with serve(example_site) as url:
        yield url
