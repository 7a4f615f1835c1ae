"""Whether an article body says anything about the two sides its headline names.

A headline that states a dealing lifts a story a long way; the body then usually names at
least one of the two, or refers to them together ("the two countries signed ...",
"bilateral talks"). A page of furniture under such a headline (a newsletter's sign-up
blurb, a list of other stories) names neither: the headline is then all there is, and the
judge drops the item as having no article body about the sides.
"""

from __future__ import annotations

from aggregator.toolkit.dealings import Sentences, Vocabulary, read_sentences


def names_a_side(text: str, vocabulary: Vocabulary) -> bool:
    """Whether a text names an actor or a place of either side, or the two together ("the
    two countries", "bilateral"). It reads the text: the judge asks it only of an item's
    summary, having read the body already (:func:`names_either`)."""
    return bool(text) and names_either(read_sentences(text, vocabulary, lead_sentences=0))


def names_either(read: Sentences) -> bool:
    """Whether a text already read names an actor or a place of either side, or the two
    together."""
    return bool(read.actors or read.places) or any(
        sentence.joint for sentence in read.named.values()
    )
