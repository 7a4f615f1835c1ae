"""The packaged plugin of docs/writing_plugins.md, installed into a fresh virtual environment.

The package is built from the documentation's own pyproject.toml and plugin
code, so the test fails when the docs stop working: the dependency it names
must be this project's distribution (``aggregator-feeds``, not the unrelated
``aggregator`` of the package index), the entry point must register the
plugin, and the plugin's own test habit (passing the same module again with
``--plugin``) must load it once. No network: the fresh environment sees this
environment's packages through a ``.pth`` file, and pip installs with
``--no-index --no-deps --no-build-isolation``.
"""

from __future__ import annotations

import importlib.metadata
import os
import re
import site
import subprocess
import venv
from pathlib import Path

import pytest

from aggregator import __version__
from aggregator.manager import DISABLE_ENTRY_POINTS_ENV, ENTRY_POINT_GROUP
from aggregator.testing import FeedProject

ROOT = Path(__file__).resolve().parents[1]
GUIDE = (ROOT / "docs" / "writing_plugins.md").read_text(encoding="utf-8")
ARTICLE = (
    "Shinkansen trains for the Mumbai line\n\nMarch 6, 2026\n\n"
    "Japan will supply shinkansen trains for the Mumbai–Ahmedabad high-speed line,"
    " the two governments said in a joint statement on Friday.\n"
)


def other_installed_plugins() -> list[str]:
    """Plugins installed in this environment besides the guide's: disabled in these
    tests, so that whatever else is installed cannot change their result."""
    installed = importlib.metadata.entry_points(group=ENTRY_POINT_GROUP)
    return sorted({entry_point.name for entry_point in installed} - {"rail"})


def with_installed_plugins() -> dict[str, str]:
    """This process's environment, less the suite's switch that leaves installed plugins out."""
    return {key: value for key, value in os.environ.items() if key != DISABLE_ENTRY_POINTS_ENV}


def code_block(language: str, containing: str) -> str:
    """The first fenced block of ``language`` in the guide that contains ``containing``."""
    for match in re.finditer(rf"```{language}\n(.*?)```", GUIDE, re.S):
        if containing in match.group(1):
            return match.group(1)
    raise AssertionError(f"docs/writing_plugins.md has no {language} block with {containing!r}")


@pytest.fixture(scope="module")
def fresh_python(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A new virtual environment with the documented plugin package installed in it."""
    base = tmp_path_factory.mktemp("packaged")
    package = base / "aggregator-rail"
    package.mkdir()
    (package / "pyproject.toml").write_text(
        code_block("toml", 'name = "aggregator-rail"'), encoding="utf-8"
    )
    (package / "aggregator_rail.py").write_text(
        code_block("python", '"min_words"'), encoding="utf-8"
    )
    environment = base / "venv"
    venv.EnvBuilder(with_pip=False).create(environment)
    python = environment / "bin" / "python"
    purelib = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    ours = [path for path in site.getsitepackages() if Path(path).is_dir()]
    lines = [f"import site; site.addsitedir({path!r})" for path in ours]  # runs their .pth too
    (Path(purelib) / "outer_environment.pth").write_text("\n".join(lines) + "\n")
    install = subprocess.run(
        [str(python), "-m", "pip", "install", "--no-index", "--no-deps",
         "--no-build-isolation", "--disable-pip-version-check", "--quiet", str(package)],
        capture_output=True,
        text=True,
    )  # fmt: skip
    assert install.returncode == 0, install.stderr
    return python


def test_the_documented_dependency_is_this_project(fresh_python: Path) -> None:
    code = (
        "import importlib.metadata as m\n"
        "needed = m.requires('aggregator-rail')\n"
        "print(needed)\n"
        "print(m.version(needed[0].split()[0]))\n"
        "print(m.distribution(needed[0].split()[0]).read_text('top_level.txt') or '')\n"
    )
    shown = subprocess.run(
        [str(fresh_python), "-c", code], capture_output=True, text=True, check=True, cwd="/"
    ).stdout
    assert "['aggregator-feeds']" in shown
    assert __version__ in shown
    assert importlib.metadata.version("aggregator-feeds") == __version__


def test_the_installed_plugin_is_found_through_its_entry_point(
    fresh_python: Path, feed_project: FeedProject
) -> None:
    feed_project.config["plugins"]["disable"] = other_installed_plugins()
    feed_project.write_config()
    listed = subprocess.run(
        [str(fresh_python), "-m", "aggregator", "plugins", "-c", str(feed_project.config_path)],
        capture_output=True,
        text=True,
        cwd=feed_project.root,
        env=with_installed_plugins(),
    )
    assert listed.returncode == 0, listed.stderr
    assert "rail 1.0.0 (entry point aggregator_rail)" in listed.stdout


def test_the_plugin_given_again_as_a_file_is_loaded_once(
    fresh_python: Path, feed_project: FeedProject, tmp_path: Path
) -> None:
    feed_project.add_article("rail.txt", ARTICLE)
    feed_project.plugin_config("rail", topic="rail")
    feed_project.config["plugins"]["disable"] = other_installed_plugins()
    feed_project.write_config()
    module = tmp_path / "aggregator_rail.py"
    module.write_text(code_block("python", '"min_words"'), encoding="utf-8")
    run = subprocess.run(
        [str(fresh_python), "-m", "aggregator", "run", "--once",
         "-c", str(feed_project.config_path), "--plugin", str(module)],
        capture_output=True,
        text=True,
        cwd=feed_project.root,
        env=with_installed_plugins(),
    )  # fmt: skip
    assert run.returncode == 0, run.stderr
    assert "is already loaded as 'rail'" in run.stderr
    assert "errors: 0" in run.stderr
    [entry] = feed_project.atom_entries()
    assert entry["categories"].count("rail") == 1


def test_the_guide_names_no_other_distribution() -> None:
    assert 'dependencies = ["aggregator"]' not in GUIDE
