"""Dealings stated across the sentences of one paragraph: weaker evidence than a dealing in
one clause (:mod:`aggregator.toolkit.dealings`), read where that finds none.

A report often names the other side in the sentence next to the one that says what was
done: "Kagami City signed a memorandum with Deccan Technological University on Monday.
The university in Nagpur, India, will send 20 interns a year." Neither sentence links an
actor of each side in one clause, but the paragraph does. A sentence counts when it holds
a word of interaction and an actor of one side, names no third party, states no dealing of
its own, and a neighbouring sentence of the same paragraph (or, for a sentence of the lead,
the headline) names the other side, by an actor or a place. A sentence of the lead that
names places of one side only, with a word of interaction, counts under a headline in which
an actor of the other side does something ("Japanese loan under fire" over "the cost of the
Mumbai–Ahmedabad line has doubled"): the place completes the headline's dealing, as it
would in one clause. The converse is not read: under a headline that names nothing but a
place of one side (a project's page: "Pune Metro Line 3 - Monthly Progress Report"), a lead
sentence in which an actor of the other side does something ("A Japanese carmaker launched
a new hybrid") need not act on that place or anything in it.
"""

from __future__ import annotations

from collections.abc import Iterator

from aggregator.toolkit.dealings import Sentence, Sentences

PARAGRAPH_BREAK = "\n\n"


def _labels(sentence: Sentence) -> set[str]:
    return {label for _, label in sentence.side_offsets} | {
        label for _, label in sentence.place_offsets
    }


def _placed_under_headline(body: Sentences, headline: Sentence, dealt: set[int]) -> list[str]:
    """The lead's sentences with a word of interaction and places of one side only, under
    a headline in which an actor of the other side does something: "Japanese loan for the
    bullet train" over "the cost of the Mumbai–Ahmedabad line has doubled", the headline's
    actor dealing for the lead's place across the two."""
    actors = {label for _, label in headline.side_offsets}
    if len(actors) != 1 or headline.third:
        return []
    found = []
    for index in sorted(body.lead):
        sentence = body.named.get(index)
        if sentence is None or index in dealt or not sentence.relation:
            continue
        if sentence.side_offsets or sentence.third or sentence.multilateral:
            continue
        places = {label for _, label in sentence.place_offsets}
        if len(places) == 1 and places != actors:
            found.append(sentence.text)
    return found


def _same_paragraph(text: str, first: Sentence, second: Sentence) -> bool:
    """Whether no blank line lies between the start of ``first`` and that of ``second``."""
    return text.find(PARAGRAPH_BREAK, first.start, second.start) < 0


def one_sided_actions(body: Sentences, dealt: set[int]) -> Iterator[tuple[int, Sentence, set[str]]]:
    """The body's sentences, in order, where an actor of a side does something (a word of
    interaction) that states no dealing (not in ``dealt``) and involves no third party or
    multilateral setting, with the sides of their actors: where weaker evidence of a
    dealing is looked for (here, and in :mod:`aggregator.toolkit.side_amounts`)."""
    for index in sorted(body.named):
        sentence = body.named[index]
        if index in dealt or not sentence.relation or sentence.third or sentence.multilateral:
            continue
        actors = {label for _, label in sentence.side_offsets}
        if actors:
            yield index, sentence, actors


def paragraph_dealings(
    text: str, body: Sentences, headline: Sentence | None, dealt: set[int]
) -> list[str]:
    """The body's sentences that state a dealing with the other side named next to them
    (see the module's docstring); ``dealt`` are the sentences that state one themselves."""
    found = []
    headline_labels = _labels(headline) if headline is not None else set()
    if headline is not None and headline.relation:
        found += _placed_under_headline(body, headline, dealt)
    for index, sentence, actors in one_sided_actions(body, dealt):
        if len(actors) != 1:
            continue
        named_beside: set[str] = set()
        for neighbour in (index - 1, index + 1):
            other = body.named.get(neighbour)
            if other is None or other.third:
                continue
            first, second = (other, sentence) if neighbour < index else (sentence, other)
            if _same_paragraph(text, first, second):
                named_beside |= _labels(other)
        if index in body.lead:
            named_beside |= headline_labels
        if named_beside - actors - _labels(sentence):
            found.append(sentence.text)
    return found


def after_third_party(body: Sentences, index: int, dealt: set[int]) -> bool:
    """Whether the sentence before links a third party to a side (names both and a word of
    interaction) and states no dealing of the two sides: then "the two countries" may be
    that third party and the side ("Singapore signed a pact with India. It links the two
    countries' payment systems")."""
    previous = body.named.get(index - 1) if index > 0 else None
    return (
        previous is not None
        and bool(previous.third)
        and bool(previous.sides)
        and previous.relation
        and index - 1 not in dealt
    )
