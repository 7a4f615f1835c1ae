"""A writer's bio under the byline, above the article's first paragraph: furniture, as the
same bio at the article's end is; the article's own lines that open with a name stay."""

from __future__ import annotations

from boilerplate_support import removed

from aggregator.toolkit.boilerplate_bios import head_bio_lines
from aggregator.toolkit.boilerplate_cleaner import Cleaner
from aggregator.toolkit.boilerplate_learning import Settings

LEAD = (
    "Two ferry operators from Osaka signed an agreement on Monday to run a weekly service"
    " between Kochi and the Lakshadweep islands from next April."
)


def test_bio_under_a_by_line_goes() -> None:
    text = "\n".join(
        [
            "Ferries for the islands",
            "By Leela Fernandes",
            "Leela Fernandes writes on ports and shipping from Kochi.",
            "",
            LEAD,
        ]
    )
    assert removed(text) == ["Leela Fernandes writes on ports and shipping from Kochi."]


def test_bio_by_surname_under_the_authors_byline_goes() -> None:
    text = "\n".join(
        [
            "Ferries for the islands",
            "Okada has covered South Asia from Kochi since 2024.",
            "",
            LEAD,
        ]
    )
    lines = text.split("\n")
    assert head_bio_lines(lines, [], ("Rie Okada",)) == [1]
    cleaned, gone = Cleaner(Settings(), None, authors=("Rie Okada",)).clean(text)
    assert [line for line, _ in gone] == ["Okada has covered South Asia from Kochi since 2024."]
    assert LEAD in cleaned


def test_bio_under_a_name_alone_needs_a_writers_trade() -> None:
    bio = "Vivek Rao is our ports correspondent, based in Chennai."
    under_name = ["Ferries for the islands", "Vivek Rao", "Ports Correspondent", bio, "", LEAD]
    assert removed("\n".join(under_name)) == [bio]
    founder = "Vivek Rao is the founder of Lagoon Lines, which runs four boats from Kochi."
    profile = ["Ferries for the islands", "Vivek Rao", founder, "", LEAD]
    assert removed("\n".join(profile)) == []


def test_a_line_on_the_writer_inside_the_article_stays() -> None:
    later = "Fernandes is the first reporter to ride the new boat, the operator said."
    text = "\n".join(["Ferries for the islands", "By Leela Fernandes", "", LEAD, later])
    assert removed(text) == []
