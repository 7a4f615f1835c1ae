from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from aggregator.manager import DISABLE_ENTRY_POINTS_ENV

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEEDS = ROOT / "seeds"


@pytest.fixture(scope="session", autouse=True)
def no_installed_plugins() -> Iterator[None]:
    """Plugins installed in the environment (entry points) stay out of the suite.

    ``feed_project`` and the tests' own ``load_app`` calls pass ``entry_points=False``;
    this covers the rest: the command line and the processes tests start. A test
    that wants installed plugins asks with ``entry_points=True``.
    """
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(DISABLE_ENTRY_POINTS_ENV, "1")
        yield


@pytest.fixture
def seeds_dir() -> Path:
    return SEEDS


def shared_corpora() -> Path:
    return SHARED / "corpora"


needs_shared = pytest.mark.skipif(not SHARED.exists(), reason="../shared is not beside the project")
