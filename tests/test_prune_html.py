"""An item's HTML loses the blocks whose text the cleaner removed, and nothing else."""

from __future__ import annotations

from aggregator.toolkit.boilerplate_html import prune_html


def test_a_dropped_block_leaves_its_tail_and_the_text_before_it() -> None:
    markup = (
        "Lead text <b>bold</b><p>Advertisement</p>after the ad"
        "<ul><li>Share on X</li></ul><p>The talks &amp; the deal.</p>"
    )
    pruned = prune_html(markup, {"Advertisement", "Share on X"})
    assert pruned == "Lead text <b>bold</b>after the ad<p>The talks &amp; the deal.</p>"


def test_a_figure_left_without_text_goes_and_spacing_does_not_matter() -> None:
    markup = (
        '<p>Kept</p><figure><img src="https://e.example/a.jpg"><figcaption>Photo: Agency'
        "</figcaption></figure><p>Sign up   for\nnews</p>"
    )
    assert prune_html(markup, {"Photo: Agency", "Sign up for news"}) == "<p>Kept</p>"


def test_markup_with_nothing_to_drop_is_returned_as_it_is() -> None:
    markup = "<p>Nothing  to drop</p>"
    assert prune_html(markup, {"Other"}) is markup
