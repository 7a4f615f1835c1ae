"""Whether an article body says anything about the two sides its headline names.

A headline that states a dealing lifts a story a long way; the body then usually names at
least one of the two, or refers to them together ("the two countries signed ...",
"bilateral talks"). A page of furniture under such a headline (a newsletter's sign-up
blurb, a list of other stories) names neither: the headline is then all there is, and the
judge drops the item as having no article body about the sides.
"""

from __future__ import annotations

from aggregator.toolkit.dealings import Vocabulary, read_sentences


def names_a_side(text: str, vocabulary: Vocabulary) -> bool:
    """Whether a text names an actor or a place of either side, or the two together ("the
    two countries", "bilateral"). It reads the text again, so the judge asks only for the
    few items whose headline states a dealing and whose body states none."""
    if not text:
        return False
    body = read_sentences(text, vocabulary, lead_sentences=0)
    return bool(body.actors or body.places) or any(
        sentence.joint for sentence in body.named.values()
    )
