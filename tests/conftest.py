from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEEDS = ROOT / "seeds"


@pytest.fixture
def seeds_dir() -> Path:
    return SEEDS


def shared_corpora() -> Path:
    return SHARED / "corpora"


needs_shared = pytest.mark.skipif(not SHARED.exists(), reason="../shared is not beside the project")
