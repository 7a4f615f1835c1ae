"""A title several documents of a source open with is no document's own headline."""

from __future__ import annotations

from datetime import UTC, datetime

from aggregator import Document, Item
from aggregator.plugins import clean_boilerplate as cb
from aggregator.toolkit.learned_titles import names_document_over_prose

BANNER = "Cleanest Town Award: thank you, citizens!"


def _learner(texts: list[str], source: str = "town") -> cb.Learner:
    learner = cb.Learner(cb.Settings())
    for number, text in enumerate(texts):
        document = Document(
            source=source,
            uri=f"{source}/{number}.txt",
            content=text.encode(),
            media_type="text/plain",
            fetched_at=datetime(2026, 2, 1, tzinfo=UTC),
        )
        learner.observe_document(source, document)
    return learner


def _page(banner: str, headline: str, body: str) -> str:
    return f"Town Hall Online\nHome | Notices | Contact\n{banner}\n\n{headline}\n\n{body}\n"


def _clean(title: str, text: str, learner: cb.Learner, source: str = "town") -> Item:
    item = Item(id="x", source=source, uri="u", title=title, text=text, summary="")
    cb.clean_item(item, learner)
    return item


def test_a_banner_every_page_opens_with_gives_way_to_the_headline_below_it() -> None:
    learner = _learner(
        [
            _page(BANNER, "Ferry pier to reopen in March", "The pier was shut for repairs."),
            _page(BANNER, "Library extends its hours", "The library will stay open late."),
        ]
    )
    text = "Ferry pier to reopen in March\n\nThe pier was shut for repairs."
    item = _clean(BANNER, text, learner)
    assert item.title == "Ferry pier to reopen in March"
    assert item.text == "The pier was shut for repairs."
    [removal] = [r for r in item.removed if r.text == BANNER]
    assert removal.rule == "learned title: opens 2 documents of source town"


def test_a_title_other_pages_only_list_at_their_foot_stays() -> None:
    title = "The quiet art of waiting for trains"
    column = "A column about patience.\n" * 8
    learner = _learner(
        [
            f"Diary\n\n{title}\n\n{column}",
            f"Diary\n\nAnother column\n\n{column}\nEarlier columns\n{title}\n",
            f"Diary\n\nA third column\n\n{column}\nEarlier columns\n{title}\n",
        ]
    )
    item = _clean(title, "Standing on the platform again\n\nA column about patience.", learner)
    assert item.title == title


def test_a_shared_title_with_a_figure_stays() -> None:
    title = "Harbour Drill 25 Notice"
    learner = _learner(
        [_page(title, "Ships arrive", "Two ships arrive."), _page(title, "Ships leave", "Gone.")]
    )
    assert _clean(title, "Ships arrive\n\nTwo ships arrive.", learner).title == title


def test_a_shared_title_stays_when_the_line_below_is_a_contents_entry() -> None:
    tagline = "Monthly letter of the Town Hall"
    contents = "In this issue\n1. New ferry timetable\n2. Library hours\n"
    learner = _learner(
        [f"{tagline}\n{contents}New ferry timetable\nThe ferry runs hourly.\n"] * 1
        + [f"{tagline}\n{contents}Library hours\nThe library opens at nine.\n"]
    )
    text = f"{contents}New ferry timetable\nThe ferry runs hourly from the pier each day."
    assert _clean(tagline, text, learner).title == tagline


def test_a_shared_product_name_stays_over_the_day_its_figures_stand_at() -> None:
    """A monthly sheet names the same product every month; the stamp under the name, the
    day its figures stand at, is no headline to give way to."""
    name = "Lotus Harbour Bond Fund"
    learner = _learner(
        [
            f"LOTUS HARBOUR\n{name}\nFigures as of May 31, 2026\n\nThe fund gained 1.2% in May.\n",
            f"LOTUS HARBOUR\n{name}\nFigures as of June 30, 2026\n\nThe fund lost 0.4% in June.\n",
        ],
        source="sheets",
    )
    text = "Figures as of June 30, 2026\n\nThe fund lost 0.4% in June."
    assert _clean(name, text, learner, source="sheets").title == name


def test_a_repeated_document_name_over_prose_alone_stays_the_title() -> None:
    """A mayor's weekly briefing is published under one name, over her remarks; the name
    is the only headline the text has, not the lead's first words."""
    name = "Weekly Briefing by the Mayor of Kallur Town (Summary)"
    remarks = [
        "This week the council agreed to extend the night bus service to the eastern wards "
        "from next month, and the first buses will run on the fourth of July.",
        "The harbour road will close for resurfacing on Sunday, and traffic will be sent "
        "along the old market lane until the work is finished on Wednesday evening.",
        "The library's new reading room opens on Friday with a talk by two local authors, "
        "and entry is free for every resident who brings a library card along.",
    ]
    learner = _learner([f"{name}\n\n{text}\n" for text in remarks], source="mayor")
    assert _counted_item(name, remarks[0], learner, "mayor").title == name


DAYS = ("Monday", "Tuesday", "Friday")


def test_a_repeated_publisher_name_over_prose_still_gives_way() -> None:
    name = "Member of the Eastern Harbour Federation"
    remarks = [f"The harbour reopened on {day} after a week of storms. " * 4 for day in DAYS]
    learner = _learner([f"{name}\n\n{text}\n" for text in remarks], source="fed")
    assert _counted_item(name, remarks[0], learner, "fed").title != name


def _counted_item(title: str, text: str, learner: cb.Learner, source: str) -> Item:
    """An item whose raw document the learner counted: its title is judged as a line."""
    item = Item(id="x", source=source, uri=f"{source}/0.txt", title=title, text=text, summary="")
    cb.clean_item(item, learner)
    return item


def test_a_mastheads_tagline_is_no_document_name() -> None:
    prose = ["The harbour reopened on Monday after a week of storms, " * 3]
    assert not names_document_over_prose("Harbour Wire | News from the whole coast", prose)
    assert names_document_over_prose("Weekly Briefing by the Mayor (Summary)", prose)
