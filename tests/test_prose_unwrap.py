"""Hard-wrapped lines are joined back into the sentences they cut."""

from __future__ import annotations

from aggregator.toolkit.prose import unwrap

WRAPPED = (
    "The harbour board said on Tuesday that the new ferry terminal would open in\n"
    "the spring, two months later than planned, because the steel for the pier had\n"
    "arrived late from the mill in the north of the country.\n"
    "Background\n"
    "The terminal was first proposed in 2019 and approved by the council after a\n"
    "Public consultation that drew more than four hundred written comments from the\n"
    "residents of the three districts along the bay.\n"
)


def test_wrapped_lines_become_one_sentence() -> None:
    lines = unwrap(WRAPPED).split("\n")
    assert lines[0].startswith("The harbour board") and lines[0].endswith("of the country.")
    assert lines[1] == "Background"
    assert "council after a Public consultation" in lines[2]


def test_a_word_hyphenated_at_a_line_end_is_joined() -> None:
    text = "The foun-\n\ndation stone of the new\n\nlibrary was laid on Sunday."
    assert unwrap(text) == "The foundation stone of the new library was laid on Sunday."


def test_only_the_last_line_s_hyphen_joins_without_a_space() -> None:
    """A hyphen earlier in the paragraph (a compound, a word split before) does not make
    a later wrap join without a space; one at the end of the line does."""
    text = (
        "The cross-border ferry link between the two ports was re-\n"
        "opened on Monday after a long re-\n"
        "fit, and the harbour-\n"
        "master said the first crossing was full\n"
        "to the last seat."
    )
    assert unwrap(text) == (
        "The cross-border ferry link between the two ports was reopened on Monday after a"
        " long refit, and the harbourmaster said the first crossing was full to the last seat."
    )


def test_paragraph_lines_and_lists_stay_apart() -> None:
    text = (
        "Contents of the plan\n"
        "1. Roads and bridges\n"
        "2. Schools\n"
        "The council meets again in May. It will vote on the budget then.\n"
        "Share this page"
    )
    assert unwrap(text) == text
