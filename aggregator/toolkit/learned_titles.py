"""A title every document of a source repeats that is still the document's headline.

The boilerplate learner reads a line that opens each document of a source as the source's
furniture (a masthead, a banner), and the cleaner replaces such a title by the text's first
headline, or by the lead's first words when the text has none. A source that publishes one
kind of document under one name ("Press Conference by the Minister (Excerpt)", every week,
over the minister's remarks) has no other headline: the name stays.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

from aggregator.toolkit import lines as linetext
from aggregator.toolkit.header_capitals import names_organisation
from aggregator.toolkit.header_names import is_tagline

__all__ = ["names_document_over_prose"]

DOCUMENT_NAME_WORDS: Final = 5
"""Words a title has at least to name a kind of document; a masthead is shorter."""
HEADLINE_WORDS: Final = 25
"""Words a headline has at most: a longer line opens the text's prose."""


def names_document_over_prose(title: str, lines: Sequence[str]) -> bool:
    """Whether a repeated title, over a text whose first line is a paragraph too long for
    any headline, names the kind of document the text is rather than who publishes it (an
    organisation's name, "Member of the Harbour Federation", or a masthead's tagline,
    "Harbour Wire | News from the coast", is the publisher's)."""
    first = next((line for line in lines if line), "")
    return (
        linetext.word_count(title) >= DOCUMENT_NAME_WORDS
        and not names_organisation(title)
        and not is_tagline(title)
        and linetext.word_count(first) > HEADLINE_WORDS
    )
