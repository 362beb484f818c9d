"""DESIGN.md's layers: core <- services <- qt <- QML. Imports point one way only."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "headunit"


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def modules_of(layer: str) -> list[Path]:
    return sorted((PACKAGE / layer).rglob("*.py"))


def offenders(layer: str, forbidden: tuple[str, ...]) -> list[str]:
    found = []
    for path in modules_of(layer):
        for name in imported_modules(path):
            if name.split(".")[0] in forbidden or any(name == f or name.startswith(f + ".") for f in forbidden):
                found.append(f"{path.relative_to(PACKAGE.parent)} imports {name}")
    return found


@pytest.mark.parametrize("layer", ["core", "services"])
def test_core_and_services_never_import_qt(layer):
    assert modules_of(layer), f"headunit/{layer} has no modules to check"
    assert offenders(layer, ("PySide6", "shiboken6", "qasync", "headunit.qt", "headunit.app")) == []


def test_core_never_imports_services():
    assert offenders("core", ("headunit.services",)) == []


def test_the_check_sees_a_forbidden_import(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text("import os\nfrom PySide6.QtCore import QObject\nimport headunit.services.store\n")
    assert imported_modules(sample) == {"os", "PySide6.QtCore", "headunit.services.store"}
