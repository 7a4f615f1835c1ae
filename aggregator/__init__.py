"""aggregator: a pluggable news feed aggregator.

Everything a plugin needs is importable from here::

    from aggregator import hookimpl, Item
"""

from importlib.metadata import PackageNotFoundError, version

from .config import Config, SourceConfig, SourceType
from .errors import DocumentError, SkipDocument, SourceError
from .hookspecs import hookimpl
from .models import (
    Document,
    Entity,
    FeedInfo,
    Item,
    Output,
    Relevance,
    Removal,
    Story,
    stable_id,
)
from .run import Run, RunReport
from .schema import ConfigError, Option
from .stash import Stash, StashKey

try:
    __version__ = version("aggregator-feeds")
except PackageNotFoundError:  # running from a source tree that is not installed
    __version__ = "0.0.0"

__all__ = [
    "Config",
    "ConfigError",
    "Document",
    "DocumentError",
    "Entity",
    "FeedInfo",
    "Item",
    "Option",
    "Output",
    "Relevance",
    "Removal",
    "Run",
    "RunReport",
    "SkipDocument",
    "SourceConfig",
    "SourceError",
    "SourceType",
    "Stash",
    "StashKey",
    "Story",
    "__version__",
    "hookimpl",
    "stable_id",
]
