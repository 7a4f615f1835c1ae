"""scripts/fit_headlines.py on invented articles: the fit ranks the right lines first, and
a written weights file is what the text parser's learned chooser loads."""

from __future__ import annotations

import sys
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))
import fit_headlines

from aggregator.toolkit.headline_model import load_weights, score

REFERENCE = datetime(2026, 3, 1, tzinfo=UTC)
LEAD = (
    "The county council agreed on Tuesday to rebuild the old stone bridge over the river "
    "before the spring floods, at a cost of four million.\n"
)


def article(group: str, header: str, title: str) -> fit_headlines.Article:
    return fit_headlines.read(group, "a.txt", header + LEAD, title)


ARTICLES = [
    article(
        f"h{number}",
        f"Valley Courier\nCouncil to rebuild {place} bridge before floods\n{number} March 2026\n",
        f"Council to rebuild {place} bridge before floods",
    )
    for number, place in enumerate(("stone", "mill", "ford", "weir"), start=2)
]


def test_an_article_is_read_into_its_options_and_the_right_one() -> None:
    first = ARTICLES[0]
    assert not first.preset
    assert len(first.options) == len(first.right) >= 2
    assert sum(first.gives) == 1
    assert first.options[-1]["no headline"] == 1.0


def test_the_fit_ranks_the_right_option_first() -> None:
    names = fit_headlines.feature_names(ARTICLES)
    weights = fit_headlines.fit(ARTICLES, names, l2=1.0)
    for item in ARTICLES:
        scores = [score(weights, option) for option in item.options]
        assert item.right[scores.index(max(scores))]


def test_written_weights_load_with_their_margin_and_what_they_were_fitted_on(
    tmp_path: Path,
) -> None:
    path = tmp_path / "weights.json"
    fit_headlines.write(ARTICLES, 1.0, 2.0, "parser", path)
    weights = load_weights(path)
    assert weights.margin == 2.0
    assert isinstance(weights.fitted_on, dict)
    assert weights.fitted_on["settings"]["l2"] == 1.0
    assert weights.fitted_on["articles"] == {"h2": 1, "h3": 1, "h4": 1, "h5": 1}
