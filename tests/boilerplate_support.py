"""What the boilerplate tests share: one line judged on its own, a text cleaned by the
plugin without learning, the lines the cleaner removes from a text, and the counts of a
source that repeated some lines in every document."""

from __future__ import annotations

from aggregator import Item
from aggregator.plugins import clean_boilerplate as cb
from aggregator.toolkit import lines as linetext
from aggregator.toolkit.boilerplate_cleaner import Cleaner
from aggregator.toolkit.boilerplate_learning import Settings, SourceStats, learning_key


def judge(line: str) -> str | None:
    """The rule that removes ``line`` on its own (no learning), or None."""
    line = linetext.normalise_text(line)
    found = cb.Cleaner(cb.Settings(), None).judge(line, linetext.word_count(line))
    return None if found is None else found[0]


def cleaned(text: str) -> str:
    """``text`` as the plugin leaves it, with nothing learnt."""
    item = Item(id="x", source="s", uri="u", title="T", text=text)
    cb.clean_item(item, cb.Learner(cb.Settings(learn=False)))
    return item.text


def removed(text: str, stats: SourceStats | None = None) -> list[str]:
    """The lines the cleaner removes from ``text``, given a source's counts or none."""
    _, lines = Cleaner(Settings(), stats).clean(text)
    return [line for line, _ in lines]


def learned(*lines: str, documents: int = 4) -> SourceStats:
    """Counts of a source whose ``documents`` documents all held ``lines``."""
    stats = SourceStats("source")
    keys = [learning_key(line, Settings().max_words) for line in lines]
    for document in range(documents):
        stats.observe(keys, document, 8)
    return stats
