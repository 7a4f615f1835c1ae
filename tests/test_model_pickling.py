"""The small models a worker process sends back are pickled by their fields, and come back
whole: with attributes of their own, as a subclass, and through copy and deepcopy."""

from __future__ import annotations

import copy
import pickle

import pytest

from aggregator.models import Entity, Item, Relevance, Removal


def test_models_come_back_equal_under_every_protocol() -> None:
    values = [
        Entity("Harbour Board", "organisation", ["Harbour Board", "the Board"], 3, False),
        Relevance(0.75, 0.5, ["names the harbour"]),
        Removal("Share this story", "share prompt", "clean_boilerplate"),
    ]
    for value in values:
        for protocol in range(pickle.HIGHEST_PROTOCOL + 1):
            assert pickle.loads(pickle.dumps(value, protocol)) == value
        assert copy.deepcopy(value) == value
        assert copy.copy(value) == value


def test_a_model_is_rebuilt_by_its_constructor_from_its_fields() -> None:
    entity = Entity("Harbour Board", "organisation", ["the Board"], 2, True)
    assert entity.__reduce__() == (
        Entity,
        ("Harbour Board", "organisation", ["the Board"], 2, True),
    )


def test_attributes_of_its_own_and_subclasses_survive() -> None:
    entity = Entity("Harbour Board", "organisation")
    entity.note = "added by a plugin"  # type: ignore[attr-defined]
    again = pickle.loads(pickle.dumps(entity))
    assert again == entity and again.note == "added by a plugin"

    class Ranked(Entity):
        pass

    ranked = Ranked("Harbour Board", "organisation")
    assert type(copy.deepcopy(ranked)) is Ranked


@pytest.mark.parametrize("protocol", [2, pickle.HIGHEST_PROTOCOL])
def test_an_item_with_them_comes_back_equal(protocol: int) -> None:
    item = Item(id="x", source="s", uri="u", title="Harbour news", text="The board met.")
    item.entities.append(Entity("Harbour Board", "organisation", ["Harbour Board"]))
    item.removed.append(Removal("Share this story", "share prompt"))
    item.relevance = Relevance(1.0, 0.5, ["names the harbour"])
    assert pickle.loads(pickle.dumps(item, protocol)).to_dict() == item.to_dict()


def test_an_item_is_rebuilt_by_its_constructor_and_keeps_attributes_of_its_own() -> None:
    item = Item(id="x", source="s", uri="u", title="Harbour news", text="The board met.")
    constructor, fields = item.__reduce__()
    assert constructor is Item and fields[:4] == ("x", "s", "u", "Harbour news")
    item.mark = "set by a plugin"  # type: ignore[attr-defined]
    again = pickle.loads(pickle.dumps(item))
    assert again.to_dict() == item.to_dict() and again.mark == "set by a plugin"
    assert copy.deepcopy(item).mark == "set by a plugin"
