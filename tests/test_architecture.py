"""Rules of the codebase that a reviewer would otherwise have to remember (STYLE.md §4, §7)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DASHBOARD = ROOT / "dashboard"
PAGES = ROOT / "pages"
MACHINE_ROOT = str(ROOT.parent) + "/"  # the folder this checkout sits in


def _imports(path: Path) -> set[str]:
    """Top-level module names imported anywhere in a Python file."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


def _logic_modules() -> list[Path]:
    return [p for p in DASHBOARD.rglob("*.py") if "ui" not in p.relative_to(DASHBOARD).parts]


@pytest.mark.parametrize("path", _logic_modules(), ids=lambda p: str(p.relative_to(ROOT)))
def test_logic_modules_never_import_streamlit(path: Path) -> None:
    assert "streamlit" not in _imports(path)


@pytest.mark.parametrize("path", sorted(PAGES.glob("*.py")), ids=lambda p: p.name)
def test_pages_import_only_streamlit_and_dashboard(path: Path) -> None:
    allowed = {"streamlit", "dashboard", "__future__"}
    assert _imports(path) <= allowed, f"{path.name} imports {_imports(path) - allowed}"


def test_no_utils_module() -> None:
    assert not list(DASHBOARD.rglob("utils.py")), "name modules after what they hold"


def test_only_boundary_catches_exceptions_in_ui() -> None:
    offenders = []
    for path in [*PAGES.glob("*.py"), *(DASHBOARD / "ui").glob("*.py"), ROOT / "streamlit_app.py"]:
        if path.name == "boundary.py" or not path.exists():
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        if any(isinstance(node, ast.Try) for node in ast.walk(tree)):
            offenders.append(path.name)
    assert not offenders, f"try/except belongs in dashboard/ui/boundary.py only: {offenders}"


def test_no_machine_paths_in_code() -> None:
    bad = []
    for path in [*ROOT.rglob("*.py"), *ROOT.rglob("*.md"), *ROOT.rglob("*.sh")]:
        if ".git" in path.parts:
            continue
        if MACHINE_ROOT in path.read_text(encoding="utf-8", errors="ignore"):
            bad.append(str(path.relative_to(ROOT)))
    assert not bad
