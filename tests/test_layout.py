"""The rules of the layout (docs/architecture.md), checked on the source tree.

- No module in plugins/ imports another built-in plugin, a private module of
  the engine (a name starting with "_") or the command line; built-ins use the
  public API (``aggregator``) and the library (``aggregator.toolkit``) only.
- No plugin runs SQL on the store's connection.
- No source module is over 600 lines: one concern each.
- Every package and every data file the code reads is in the wheel pyproject.toml builds
  (an editable install finds them anyway, so only a built wheel would show the gap).
"""

from __future__ import annotations

import ast
import fnmatch
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PLUGINS = sorted((ROOT / "plugins").glob("*.py"))
SOURCES = sorted([*(ROOT / "aggregator").rglob("*.py"), *PLUGINS])
MAX_LINES = 600
ENGINE_ONLY = {"aggregator.cli", "aggregator.commands", "aggregator.pipeline", "aggregator.app"}


def imported_modules(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.extend(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                prefix = "aggregator.plugins" + (f".{node.module}" if node.module else "")
                names.extend(f"{prefix}.{alias.name}" for alias in node.names)
            elif node.module:
                names.append(node.module)
                names.extend(f"{node.module}.{alias.name}" for alias in node.names)
    return names


@pytest.mark.parametrize("path", PLUGINS, ids=lambda path: path.name)
def test_a_plugin_imports_only_the_public_api_and_the_toolkit(path: Path) -> None:
    wrong = []
    for name in imported_modules(path):
        parts = name.split(".")
        if parts[0] != "aggregator":
            continue
        if name.startswith("aggregator.plugins") and name.rstrip(".") != "aggregator.plugins":
            wrong.append(f"{name} (another plugin)")
        elif any(part.startswith("_") and part != "__version__" for part in parts[1:]):
            wrong.append(f"{name} (a private module)")
        elif any(name == module or name.startswith(module + ".") for module in ENGINE_ONLY):
            wrong.append(f"{name} (the engine's own)")
    assert not wrong, f"{path.name} imports " + ", ".join(wrong)


@pytest.mark.parametrize("path", PLUGINS, ids=lambda path: path.name)
def test_a_plugin_runs_no_sql_on_the_store(path: Path) -> None:
    source = path.read_text(encoding="utf-8")
    assert ".db.execute" not in source and "store.db" not in source


@pytest.mark.parametrize("path", SOURCES, ids=lambda path: str(path.relative_to(ROOT)))
def test_no_module_is_over_600_lines(path: Path) -> None:
    lines = len(path.read_text(encoding="utf-8").splitlines())
    assert lines <= MAX_LINES, f"{path.relative_to(ROOT)} has {lines} lines"


def _setuptools() -> dict[str, object]:
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    settings: dict[str, object] = pyproject["tool"]["setuptools"]
    return settings


def test_every_package_is_in_the_wheel() -> None:
    listed = set(_setuptools()["packages"])  # type: ignore[call-overload]
    found = {
        ".".join(init.parent.relative_to(ROOT).parts)
        for init in (ROOT / "aggregator").rglob("__init__.py")
    }
    assert found - listed == set()


def test_every_data_file_is_in_the_wheel() -> None:
    patterns: dict[str, list[str]] = _setuptools()["package-data"]  # type: ignore[assignment]
    for path in (ROOT / "aggregator").rglob("*"):
        if path.suffix not in {".json", ".toml", ".typed"} or "__pycache__" in path.parts:
            continue
        package = ".".join(path.parent.relative_to(ROOT).parts)
        assert any(fnmatch.fnmatch(path.name, p) for p in patterns.get(package, [])), path
