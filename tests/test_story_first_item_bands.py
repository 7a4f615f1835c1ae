"""A multi-item document's first item as a candidate's way in: its name bands, and the first
item of a list whose heading 1 became the headline (story_first_item, story_index)."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import story_support

from aggregator.plugins.cluster_stories import (
    Index,
    Placement,
    Report,
    _add,
    _stored,
    candidates,
)
from aggregator.toolkit.story_first_item import first_item, first_item_of
from aggregator.toolkit.story_index import first_item_signature
from aggregator.toolkit.story_rows import loaded_report

DAY = datetime(2027, 3, 9, 6, tzinfo=UTC)

HEADLINE = "Norway and Peru sign salmon vaccine accord"
"""Heading 1 of the bulletin, which the reader took for its headline, number and all."""

BULLETIN = """Norway and Peru signed an accord in Lima on Monday under which Bergen's Havbruk
Institute will test salmon vaccines with Peru's Sanipes agency at hatcheries on Lake Titicaca,
the fisheries ministry in Oslo said after the ceremony.
2. Floods close the Quillabamba road
Heavy rain in Cusco and Apurimac cut the Quillabamba road and closed schools in Abancay,
Andahuaylas and Chalhuanca for two days, the regional governor Ernesto Villca said.
3. Arequipa copper strike ends
Miners at the Cerro Verde and Tia Maria pits near Arequipa returned to work after Southern
Copper and the Cocachacra union agreed on a bonus, the labour minister Lucia Quispe said.
4. Alianza Lima wins in Trujillo
Goals by Renzo Huaman and Piero Sotil gave Alianza Lima a win over Carlos Mannucci at the
Mansiche stadium in Trujillo before 20,000 fans.
Weather: Lima 22/18, drizzle; Iquitos 33/24, storms.
"""

REPORT = (
    "BERGEN, March 9 - The Havbruk Institute of Bergen will run salmon vaccine trials with"
    " Sanipes, Peru's fisheries health agency, at Lake Titicaca hatcheries under an accord"
    " signed in Lima, Norway's fisheries minister said. Havbruk's director Sigrid Lunde said"
    " Puno's trout farmers would take part, and Mowi and Salmar would lend divers to the"
    " Titicaca pens; Peru's production minister Jorge Salas signed for Lima."
)


def placed(title: str, text: str, item_id: str, hours: int = 0) -> tuple[Report, Placement]:
    return story_support.placed(title, text, item_id, DAY + timedelta(hours=hours))


def index_of(*reports: tuple[Report, Placement]) -> Index:
    index = Index()
    for report in reports:
        _add(index, *report)
    return index


def test_a_list_that_starts_at_two_has_its_first_item_above() -> None:
    item = first_item(BULLETIN)
    assert item.startswith("Norway and Peru signed")
    assert "Quillabamba" not in item
    first = first_item_of(HEADLINE, BULLETIN, ["havbruk", "sanipes", "abancay", "lima"])
    assert first is not None
    assert first.heading == ["norway", "and", "peru", "sign", "salmon", "vaccine", "accord"]
    assert "abancay" not in first.names
    assert "havbruk" in first.names


def test_a_short_text_above_two_is_not_the_first_item() -> None:
    short = "Good morning.\n" + BULLETIN.split("\n", 3)[3]
    assert first_item(short).startswith("2. Floods close the Quillabamba road")


def test_a_list_that_starts_at_one_is_read_as_before() -> None:
    numbered = f"1. {HEADLINE}\n{BULLETIN}"
    assert first_item(numbered).startswith("1. Norway and Peru")


def test_the_bulletin_is_a_candidate_of_its_first_items_report() -> None:
    bulletin = placed(HEADLINE, BULLETIN, "b")
    report = placed("Havbruk to test salmon vaccines at Titicaca with Sanipes", REPORT, "r", 3)
    assert first_item_signature(bulletin[0])
    assert not first_item_signature(report[0])
    older_bulletin = index_of(bulletin)
    assert 0 in older_bulletin.first_items.query(report[1].names)
    assert 0 in candidates(older_bulletin, *report)
    # the other way round: the bulletin, newer, asks with its first item's bands too
    older_report = index_of(report)
    assert 0 in older_report.names.query(first_item_signature(bulletin[0]))
    assert 0 in candidates(older_report, *bulletin)
    plain = replace(report[0], item_id="p")
    assert not index_of((plain, report[1])).first_items.query(report[1].names)


def test_a_loaded_bulletin_is_banded_by_its_first_item() -> None:
    bulletin = placed(HEADLINE, BULLETIN, "b")
    loaded = loaded_report(_stored(*bulletin))
    assert first_item_signature(loaded) == first_item_signature(bulletin[0])
    report = placed("Havbruk to test salmon vaccines at Titicaca with Sanipes", REPORT, "r", 3)
    assert 0 in candidates(index_of((loaded, bulletin[1])), *report)
