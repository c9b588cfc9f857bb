"""The layout shows the pipeline: content → site → pages → build → commands. A module may
import from its own stage or a lower one, never from a higher one: a decision made in the
wrong home shows up here as an import that runs back up."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "generator"
STAGES = {"": 0, "messages": 0, "content": 1, "site": 2, "pages": 3, "build": 4}
COMMANDS = 5  # cli, serve, scaffold, report: the modules at the top of the package


def stage(module: str) -> int:
    """The stage of a dotted module name under generator ('generator.site.urls')."""
    parts = module.split(".")[1:]
    if not parts or parts[0] == "__version__":
        return 0  # the package itself: its version
    if parts[0] in STAGES:
        return STAGES[parts[0]]
    return COMMANDS


def _imports(path: Path, root: Path) -> list[tuple[int, str]]:
    """(line, absolute module) of every import of the package in a file under ``root``."""
    rel = path.relative_to(root).with_suffix("")
    package = list(rel.parts[:-1])
    found: list[tuple[int, str]] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - node.level + 1]
                names = (
                    [".".join([*base, node.module])]
                    if node.module
                    else [".".join([*base, a.name]) for a in node.names]
                )
            else:
                names = [node.module or ""]
            found += [(node.lineno, n) for n in names if n.startswith("generator")]
        elif isinstance(node, ast.Import):
            found += [(node.lineno, a.name) for a in node.names if a.name.startswith("generator")]
    return found


def imports(path: Path) -> list[tuple[int, str]]:
    """(line, absolute module) of every import of the package in one of its files."""
    return _imports(path, PACKAGE.parent)


MODULES = sorted(PACKAGE.rglob("*.py"))


@pytest.mark.parametrize("path", MODULES, ids=[str(p.relative_to(PACKAGE)) for p in MODULES])
def test_no_import_runs_back_up_a_stage(path: Path) -> None:
    own = stage(".".join(path.relative_to(PACKAGE.parent).with_suffix("").parts))
    upward = [
        f"{path.relative_to(PACKAGE.parent)}:{line}: imports {name}"
        for line, name in imports(path)
        if stage(name) > own
    ]
    assert not upward, "\n".join(upward)


def test_every_module_is_in_a_stage_or_a_command() -> None:
    loose = {p.stem for p in PACKAGE.glob("*.py")} - {"__init__"}
    assert loose == {"cli", "serve", "scaffold", "report"}, loose
    assert {p.name for p in PACKAGE.iterdir() if p.is_dir() and p.name != "__pycache__"} == set(
        STAGES
    ) - {""}


def test_the_check_sees_an_import_that_runs_back_up(tmp_path: Path) -> None:
    """The rule itself: relative imports are resolved, and one that runs up is seen."""
    folder = tmp_path / "generator" / "site"
    folder.mkdir(parents=True)
    (folder / "x.py").write_text(
        "from ..build.store import MeetingStore\nfrom . import urls\nfrom .. import __version__\n"
    )
    found = _imports(folder / "x.py", tmp_path)
    assert found == [
        (1, "generator.build.store"),
        (2, "generator.site.urls"),
        (3, "generator.__version__"),
    ]
    assert [stage(n) for _, n in found] == [4, 2, 0]
