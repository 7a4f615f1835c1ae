"""A name written in its possessive form is the same name: the words the clusterer
compares of two reports' names (``story_evidence.name_words``) hold "Seto" once, whether
the name comes as "Seto's Dharwad plant" from the entity tagger or as "Seto" from a
capitalised phrase of the text."""

from __future__ import annotations

from aggregator import Item
from aggregator.models import Entity
from aggregator.toolkit.story_evidence import name_words


def _item(text: str, *entities: str) -> Item:
    item = Item(id="x", source="s", uri="x", title="Plant opens", text=text)
    item.entities = [Entity(name, "organization") for name in entities]
    return item


def test_a_possessive_is_its_name() -> None:
    item = _item("The plant of Seto in Dharwad opened.", "Seto’s Dharwad Works", "Nara's Park")
    words = name_words(item)
    assert {"seto", "dharwad", "works", "nara", "park"} <= set(words)
    assert not [word for word in words if "'" in word or "’" in word]


def test_two_reports_share_a_name_however_its_case_is_written() -> None:
    first = _item("Seto opened its Dharwad Works on Monday.", "Seto", "Dharwad Works")
    second = _item("Seto's plant opened on Monday.", "Seto's Dharwad Works")
    assert name_words(first) == name_words(second)
