"""What the publishers share: an item's text as HTML paragraphs."""

from __future__ import annotations

from aggregator.toolkit.render import paragraphs_html


def test_hard_wrapped_text_is_published_in_paragraphs() -> None:
    """A PDF's text is stored a wrapped line to a paragraph; published, the lines are
    joined back (hyphens at a wrap inside a word dropped) and the paragraphs kept."""
    stored = (
        "India. Growth is projected at 6.6 percent this year, supported by\n\n"
        "strong private consumption and public investment, before easing to\n\n"
        "6.3 percent next year as higher tariffs weigh on exports. Head-\n\n"
        "line inflation fell to 1.5 percent in September.\n\n"
        "Japan. Growth is forecast at 1.0 percent this year and 0.7 percent\n\n"
        "next year, with wage increases and a rebound in inbound tourism.\n\n"
        "The outlook is cautious on both sides of the partnership."
    )
    html = paragraphs_html(stored)
    assert html.count("<p>") == 3
    assert "supported by strong private consumption" in html
    assert "Headline inflation fell" in html
    assert "<p>Japan. Growth is forecast" in html
    # Paragraphs of ordinary text are left as they are.
    plain = "The ministers met in Tokyo.\n\nThey signed two agreements."
    assert (
        paragraphs_html(plain)
        == "<p>The ministers met in Tokyo.</p><p>They signed two agreements.</p>"
    )
