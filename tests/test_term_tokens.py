"""The words of a text as the term matcher reads them: letters and digits of any script,
split at everything else (the underscore too), the same whether the text is all ASCII or
not."""

from __future__ import annotations

from aggregator.toolkit.terms import Term, TermMatcher, Tokens


def words_and_spans(text: str) -> list[tuple[str, int, int]]:
    tokens = Tokens(text)
    bounds = tokens.bounds()
    return [
        (word, bounds[2 * index], bounds[2 * index + 1]) for index, word in enumerate(tokens.words)
    ]


def test_every_ascii_character_splits_as_in_any_other_text() -> None:
    ascii_text = "".join(map(chr, range(128))) + " R&D co-op snake_case 2+2 ABC9"
    with_other = ascii_text + " é"
    assert words_and_spans(ascii_text) == words_and_spans(with_other)[:-1]
    assert [word for word, _, _ in words_and_spans(ascii_text)][-9:] == [
        "R", "D", "co", "op", "snake", "case", "2", "2", "ABC9",
    ]  # fmt: skip


def test_words_of_other_scripts_are_words() -> None:
    assert Tokens("Tōkyō’s 東京 café_bar").words == ["Tōkyō", "s", "東京", "café", "bar"]


def test_a_term_is_found_alike_in_ascii_and_other_text() -> None:
    matcher = TermMatcher([Term("harbour board", "port")])
    for text in ("The Harbour-Board met.", "The Harbour-Board met “today”."):
        assert [(m.surface, m.start) for m in matcher.finditer(text)] == [("Harbour-Board", 4)]
