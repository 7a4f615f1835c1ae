"""Digests and lists: a round-up of several events does not join the story of one of them,
while a numbered document of one event (a joint statement) still joins its reports."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from zlib import crc32

import story_support

from aggregator.plugins.cluster_stories import (
    Index,
    Placement,
    Report,
    Settings,
    _add,
    _stored,
    similarity,
)
from aggregator.toolkit.story_lists import confined_share, credited_lines, name_items

DAY = datetime(2026, 5, 4, 8, tzinfo=UTC)
THRESHOLD = Settings().match_threshold


def placed(title: str, text: str, item_id: str, hours: int = 0) -> tuple[Report, Placement]:
    return story_support.placed(title, text, item_id, DAY + timedelta(hours=hours))


def index_of(*reports: tuple[Report, Placement]) -> Index:
    """An index holding a few unrelated reports (so that names have rarities) and ``reports``."""
    index = Index()
    for number, (town, body) in enumerate(
        [("Madurai", "Pandya Textiles"), ("Sendai", "Tohoku Fisheries"), ("Ranchi", "Jharia Coal")]
    ):
        _add(index, *placed(f"{town} news", f"{body} opened an office in {town}.", f"f{number}"))
    for report in reports:
        _add(index, *report)
    return index


DREDGING = (
    "Kaiyo Dredging of Yokohama will deepen the approach channel of Paradip port under a"
    " contract signed with the Odisha Maritime Board and Kalinga Port Holdings. Chairman"
    " Hiroto Sakamaki said the Mahanadi delta work starts after the monsoon, and Minister"
    " Sunanda Patnaik welcomed the Japanese firm in Bhubaneswar. The Paradip channel will"
    " then take capesize bulk carriers, Kalinga Port Holdings said."
)

NEWSLETTER = """Good morning. Five items this week, from the Baltic to the Bay of Bengal.

1. GDANSK WIDENS ITS QUAY
Baltic Hub Terminals said Vistula Cranes will deliver four new gantries to the Gdansk quay
in June, and Governor Marek Zielinski opened the new rail siding.

2. BUNKER PRICES IN FUJAIRAH
Fuel oil prices at Fujairah rose for a third week, Gulf Bunker Partners said, as tankers
queued off Khor Fakkan.

3. PARADIP GOES DEEPER
Kaiyo Dredging of Yokohama won the contract to deepen the Paradip approach channel from the
Odisha Maritime Board and Kalinga Port Holdings. Chairman Hiroto Sakamaki spoke in
Bhubaneswar with Minister Sunanda Patnaik; the Mahanadi delta work begins after the monsoon.

4. SANTOS STRIKE ENDS
Dock workers at Santos returned to work after Codesp Logistica agreed a new shift pattern
with the Baixada union.

5. HAMBURG OPENS A HYDROGEN BERTH
Hafen Energie Nord opened its ammonia berth at Hamburg, with Senator Katrin Vogt and
the Elbe pilots' association at the ceremony.
"""


def test_a_digest_does_not_join_the_report_of_one_of_its_items() -> None:
    report = placed("Kaiyo Dredging to deepen Paradip channel", DREDGING, "report")
    digest = placed("Harbour Week, issue 88", NEWSLETTER, "digest", hours=30)
    index = index_of(report, digest)
    assert digest[0].name_items and not report[0].name_items
    as_plain_text = replace(digest[0], name_items=b"")
    joined, why = similarity(as_plain_text, report[0], index)
    assert joined >= THRESHOLD, why
    score, reason = similarity(digest[0], report[0], index)
    assert score < THRESHOLD, reason
    assert "in one item of a list" in reason
    assert similarity(report[0], digest[0], index)[0] < THRESHOLD


STATEMENT = """Joint Statement on the visit of the Prime Minister of Japan to India

1. Prime Minister Hana Okuda of Japan paid an official visit to New Delhi and held talks with
Prime Minister Narendra Modi at Hyderabad House on the annual summit.

2. The two leaders welcomed the semiconductor assembly plant of Shinwa Electronics at Dholera
and the supply of Kagura photoresist to the Sanand cluster.

3. They noted progress on the Mumbai Ahmedabad line and the first Shinkansen trainsets from
Hitachi Rail for the Sabarmati depot.

4. The leaders welcomed the Malabar exercise and the visit of the destroyer Suzutsuki to
Visakhapatnam.

5. Prime Minister Okuda invited Prime Minister Modi to visit Osaka next year.
"""

SUMMIT = (
    "Narendra Modi and Hana Okuda met at Hyderabad House in New Delhi for the annual summit."
    " They hailed the Shinwa Electronics plant at Dholera and Kagura photoresist for Sanand,"
    " reviewed the Shinkansen trainsets for the Sabarmati depot, and praised the Malabar"
    " exercise, which brought the destroyer Suzutsuki to Visakhapatnam."
)


def test_a_joint_statement_with_numbered_paragraphs_joins_its_report() -> None:
    statement = placed("Japan-India Joint Statement", STATEMENT, "statement")
    summit = placed("Modi and Okuda widen chip and rail ties", SUMMIT, "summit", hours=4)
    index = index_of(statement, summit)
    assert statement[0].name_items
    score, reason = similarity(summit[0], statement[0], index)
    assert score >= THRESHOLD, reason
    assert "in one item of a list" not in reason


def test_names_in_a_lists_lead_and_one_item_are_not_confined() -> None:
    """What a list's lead (the text before its first item, and that item) names is its
    main event: a report naming the lead's names and one later item's is a report of it."""
    words = ["okuda", "hyderabad", "delhi", "shinwa", "dholera", "suzutsuki", "fujairah"]
    items = name_items(STATEMENT, words)
    hashes = {word: crc32(f"w:{word}".encode()) for word in words}
    weights = dict.fromkeys(hashes.values(), 1.0)
    assert items[hashes["okuda"]] == 0b100010
    assert items[hashes["shinwa"]] == items[hashes["dholera"]] == 0b100
    assert hashes["fujairah"] not in items
    one_item = [hashes["shinwa"], hashes["dholera"]]
    assert confined_share(one_item, items, weights) == 1.0
    with_lead = [*one_item, hashes["okuda"], hashes["hyderabad"]]
    assert confined_share(with_lead, items, weights) == 0.5
    assert confined_share([hashes["hyderabad"], hashes["delhi"]], items, weights) == 0.0
    assert name_items(SUMMIT, words) == {}


def test_a_lists_item_masks_are_stored_with_its_index_row() -> None:
    digest, placement = placed("Harbour Week, issue 88", NEWSLETTER, "digest")
    row = _stored(digest, placement)
    assert row.name_items == digest.name_items
    assert len(digest.name_items) == len(digest.names)


def test_a_report_whose_body_follows_a_short_list_is_not_a_digest() -> None:
    """Key points in bullets, then the body: the body is no item of the list, so the names
    it alone gives are not confined to one item."""
    text = (
        "Key points\n"
        "- A dredging contract for Paradip was signed\n"
        "- Work starts after the monsoon\n"
        "- Capesize ships can call afterwards\n"
        f"{DREDGING} {DREDGING}"
    )
    words = ["kaiyo", "sakamaki", "paradip", "bhubaneswar"]
    items = name_items(text, words)
    hashes = [crc32(f"w:{word}".encode()) for word in words]
    assert items[hashes[0]] == items[hashes[1]] == 0b1
    assert confined_share(hashes, items, dict.fromkeys(hashes, 1.0)) == 0.0
    bulleted = NEWSLETTER.replace("\n1. ", "\n- ").replace("\n3. ", "\n- ")
    assert name_items(bulleted, words)[hashes[0]] == 0b1000


DAY_PAGE = """Business and economy
Kaiyo Dredging of Yokohama wins the contract to deepen the Paradip approach channel from the \
Odisha Maritime Board and Kalinga Port Holdings; Chairman Hiroto Sakamaki signs in \
Bhubaneswar with Minister Sunanda Patnaik. (Harbour Gazette) (Odisha Courier)
Baltic Hub Terminals orders four gantries from Vistula Cranes for the Gdansk quay, and \
Governor Marek Zielinski opens the new rail siding. (Baltic Wire)
Law and crime
A court in Santos fines Codesp Logistica over the dock strike that closed the port for nine \
days, and the Baixada union calls off its protest. (Baixada Herald)
Hafen Energie Nord opens an ammonia berth at Hamburg with Senator Katrin Vogt. (Elbe Post)
"""


def test_a_day_page_s_credited_lines_are_its_items() -> None:
    """A current-events page or a press digest credits each one-line item to its sources in
    brackets; copied as text, the line has no bullet, and is an item by its end."""
    words = ["kaiyo", "paradip", "vistula", "codesp"]
    hashes = {word: crc32(f"w:{word}".encode()) for word in words}
    items = name_items(DAY_PAGE, words)
    assert items[hashes["kaiyo"]] == items[hashes["paradip"]] == 0b10
    assert items[hashes["vistula"]] == 0b100
    assert items[hashes["codesp"]] == 0b1000
    one_credit = "Kaiyo Dredging will deepen the Paradip channel, the board said. (Odisha Courier)"
    assert name_items(f"{one_credit}\n{DREDGING}\n", words) == {}


def test_a_day_page_does_not_join_the_report_of_a_later_item() -> None:
    """The page's first item is its lead, told by its title's day; a report of a later item
    shares that item's names alone, and is another story."""
    page = (
        "Business and economy\n"
        "Baltic Hub Terminals orders four gantries from Vistula Cranes for the Gdansk quay, and"
        " Governor Marek Zielinski opens the new rail siding. (Baltic Wire)\n"
        "Kaiyo Dredging of Yokohama, Chairman Hiroto Sakamaki, signs with the Odisha Maritime"
        " Board and Kalinga Port Holdings to deepen Paradip; Minister Sunanda Patnaik attends"
        " in Bhubaneswar, and the Mahanadi delta work begins after the monsoon. (Odisha Courier)\n"
        "Law and crime\n"
        "A court in Santos fines Codesp Logistica over the dock strike that closed the port for"
        " nine days, and the Baixada union calls off its protest. (Baixada Herald)\n"
        "Hafen Energie Nord opens an ammonia berth at Hamburg with Senator Katrin Vogt."
        " (Elbe Post)\n"
    )
    report = placed("Kaiyo Dredging to deepen Paradip channel", DREDGING, "report")
    digest = placed("Current events, 5 May", page, "page", hours=30)
    index = index_of(report, digest)
    assert digest[0].name_items
    joined, why = similarity(replace(digest[0], name_items=b""), report[0], index)
    assert joined >= THRESHOLD, why
    score, reason = similarity(digest[0], report[0], index)
    assert score < THRESHOLD, reason
    assert "in one item of a list" in reason


CAPTIONED = (
    "Kaiyo Dredging will deepen the Paradip channel to eighteen metres, the port board said."
    " (Photo: PIB)\n"
    "The work starts after the monsoon and should take two seasons. (File Photo)\n"
    "Dredgers will come from Yokohama and work round the clock. (Representational Image)\n"
    "The channel will then take cape-size bulk carriers. (Courtesy: Odisha Courier)\n"
)


def test_photo_credits_in_brackets_do_not_make_a_report_a_list() -> None:
    """A caption's credit ends its line in brackets as a day page's source does, but credits
    a picture: a report with several captions is no list."""
    assert credited_lines(CAPTIONED) == []
    assert name_items(CAPTIONED, ["kaiyo", "paradip", "yokohama"]) == {}


def test_a_day_page_with_windows_line_ends_has_the_same_items() -> None:
    words = ["kaiyo", "paradip", "vistula", "codesp"]
    assert name_items(DAY_PAGE.replace("\n", "\r\n"), words) == name_items(DAY_PAGE, words)
