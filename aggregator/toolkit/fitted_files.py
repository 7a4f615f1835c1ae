"""Loading a fitted model's file named in feeds.toml, with the project's kind of error.

Every learned reading (topic weights, the topic word model, headline weights) reads its
weights from a file a user may name; a missing or unreadable one must stop the run with a
message that names the key and the file and says how to make one, never a traceback."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from aggregator import Config

Fitted = TypeVar("Fitted")


def load_fitted(
    config: Config, key: str, path: Path, load: Callable[[Path], Fitted], fix: str
) -> Fitted:
    """``load(path)``, or a :class:`~aggregator.ConfigError` at ``key`` saying why the file
    cannot be used and ``fix``."""
    try:
        return load(path)
    except (OSError, ValueError) as error:
        raise config.error(key, f"cannot use {path}: {error}", fix) from error
