"""An example plugin: give long items a "long-read" topic.

It is loaded because feeds.toml names its directory in ``[plugins] paths``.
A plugin file's name is the plugin's name (``example``), and it reads its own
table, ``[plugins.example]``, checked against ``SCHEMA``: a wrong key or type
stops every command with one line naming the file and the key::

    [plugins.example]
    topic = "long-read"     # the topic to add
    min_words = 800         # items with at least this many words get it

The topic becomes a category in feed.atom and feed.rss, a tag and a filter on
index.html, and a colour in its timeline. ``aggregator plugins`` shows the
plugin loaded; ``aggregator explain ID`` shows an item's topics. Copy this
file to start your own plugin (renaming the file renames the plugin and its
table). docs/plugin_hooks.md lists every hook, docs/writing_plugins.md shows
how to package and test a plugin.
"""

from __future__ import annotations

from typing import Any

from aggregator import Config, Item, Option, StashKey, hookimpl
from aggregator.schema import positive

# The plugin's name is its file's name: plugins/example.py reads [plugins.example].
NAME = __name__.rpartition(".")[2]
SCHEMA = {
    "topic": Option(str, "long-read", help="the topic given to long items"),
    "min_words": Option(
        int, 800, help="items with at least this many words get the topic", check=positive
    ),
}
SETTINGS = StashKey[dict[str, Any]]()
"""This plugin's settings, kept per project in ``config.stash`` (never in a global)."""


@hookimpl
def aggregator_configure(config: Config) -> None:
    """Read [plugins.<NAME>] once, before anything runs, with the defaults filled in."""
    config.stash[SETTINGS] = config.plugin_options(NAME, SCHEMA)


@hookimpl
def aggregator_tag_item(item: Item, config: Config) -> None:
    """Runs for every new item, after cleaning: append the topic, never replace others."""
    settings = config.stash[SETTINGS]
    words = len(item.text.split())
    topic = settings["topic"]
    if words >= settings["min_words"] and topic not in item.topics:
        item.topics.append(topic)
