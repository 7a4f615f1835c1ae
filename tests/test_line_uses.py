"""scripts/line_evidence.py and scripts/line_uses.py: the evidence beyond a line on invented
documents, and the add and rescue uses' scoring and bar on invented lines."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))
import line_evidence
import line_uses
from line_model import FEATURE_NAMES, LabelledLine

DOCUMENTS = [
    [
        "Riverside Courier",
        "Floodgates opened at dawn after three days of heavy rain upstream.",
        "Residents of 12 streets were told to move their cars to higher ground.",
        "Printed on 4 May 2026",
    ],
    [
        "Riverside Courier",
        "The ferry service resumed on Thursday once the current had slowed.",
        "Printed on 5 May 2026",
    ],
    [
        "Riverside Courier",
        "A new footbridge will open in the spring, the council said.",
        "Printed on 6 May 2026",
    ],
]


def named(values: list[float]) -> dict[str, float]:
    assert len(values) == len(line_evidence.EVIDENCE_NAMES)
    return dict(zip(line_evidence.EVIDENCE_NAMES, values, strict=True))


def test_a_masthead_in_every_document_and_a_dated_footer_in_every_shape() -> None:
    counts = line_evidence.SourceCounts(DOCUMENTS)
    lines = DOCUMENTS[0]
    removed = [True, False, False, True]
    masthead = named(line_evidence.evidence(lines, 0, counts, removed))
    assert masthead["source_share_same_line"] == 1.0
    assert masthead["log_source_documents_same_line"] > 0
    assert masthead["rules_removed"] == 1.0
    assert masthead["next_removed"] == 0.0
    footer = named(line_evidence.evidence(lines, 3, counts, removed))
    assert footer["source_share_same_line"] == 0.0
    assert footer["source_share_same_shape"] == 1.0
    assert footer["previous_removed"] == 0.0
    assert footer["words_in_kept_lines"] == 0.0


def test_a_repeated_paragraph_speaks_of_the_article_and_a_footer_does_not() -> None:
    lines = [
        "Floodgates opened at dawn after heavy rain upstream.",
        "Heavy rain upstream had filled the reservoir since Monday.",
        "Subscribe to our morning letter for the week's news.",
    ]
    counts = line_evidence.SourceCounts([lines, lines[1:]])
    removed = [False, True, True]
    repeated = named(line_evidence.evidence(lines, 1, counts, removed))
    footer = named(line_evidence.evidence(lines, 2, counts, removed))
    assert repeated["words_in_kept_lines"] == 3 / 7  # heavy, rain, upstream
    assert footer["words_in_kept_lines"] == 0.0
    assert repeated["source_share_same_line"] == footer["source_share_same_line"] == 1.0


def test_an_article_sentence_is_its_own_and_sits_between_removed_lines() -> None:
    counts = line_evidence.SourceCounts(DOCUMENTS)
    lines = DOCUMENTS[1]
    sentence = named(line_evidence.evidence(lines, 1, counts, [True, False, True]))
    assert sentence["source_share_same_line"] == 0.0
    assert sentence["previous_removed"] == sentence["next_removed"] == 1.0
    assert sentence["window_removed_share"] == 1.0
    assert sentence["reads_as_sentence"] == 1.0
    assert sentence["rules_removed"] == 0.0
    assert 0.5 < sentence["document_share"] < 1.0


def test_a_rule_family_drops_counts_and_names_and_a_shape_masks_digits() -> None:
    assert line_evidence.rule_family("learned: repeats in 3 documents of source x") == "learned"
    assert line_evidence.rule_family("copyright footer") == "copyright footer"
    assert line_evidence.rule_family(None) == ""
    assert line_evidence.line_shape("Page 12  of 40") == "page 0 of 0"


def row(boilerplate: bool, gone: bool, rule: str = "") -> LabelledLine:
    width = len(FEATURE_NAMES) * 3
    evidence = [0.0] * len(line_evidence.EVIDENCE_NAMES)
    return LabelledLine([0.0] * width, boilerplate, gone, evidence, rule)


def test_the_design_has_one_column_per_rule_family_of_the_vocabulary() -> None:
    rows = [row(True, True, "menu"), row(False, True, "learned"), row(False, False)]
    x = line_uses.design(rows, 20, ["learned", "menu"])
    assert x.shape == (3, 20 + len(line_evidence.EVIDENCE_NAMES) + 2)
    assert x[:, -2:].tolist() == [[0.0, 1.0], [1.0, 0.0], [0.0, 0.0]]
    assert line_uses.design([], 20, ["menu"]).shape == (
        0,
        20 + len(line_evidence.EVIDENCE_NAMES) + 1,
    )


def fixed_use(train: list[float], test: list[float]) -> line_uses.Use:
    return line_uses.Use([], np.zeros(1), 0.0, np.array(train), np.array(test))


def test_add_removes_kept_lines_and_rescue_brings_removed_ones_back() -> None:
    kept = [row(True, False), row(False, False)]
    removed = [row(True, True), row(False, True)]
    uses = line_uses.HalfUses(
        "invented",
        kept,
        removed,
        add=fixed_use([0.5], [0.9, 0.4]),
        rescue=fixed_use([0.5], [0.1, 0.8]),
    )
    assert uses.score(None, None) == (1, 1)
    assert uses.score(0.0, None) == (2, 1)
    assert uses.score(None, 0.0) == (1, 0)
    assert uses.score(0.0, 0.0) == (2, 0)


def test_the_bar_fails_an_add_that_costs_one_half_an_article_line() -> None:
    rows = [
        ("a", 10, 10, [(8, 1), (10, 1), (8, 0), (10, 0)]),
        ("b", 10, 10, [(8, 0), (9, 1), (8, 0), (9, 1)]),
    ]
    assert line_uses.verdict(rows, 1).endswith("fails")
    assert "1 halves lose more" in line_uses.verdict(rows, 1)
    assert line_uses.verdict(rows, 2).endswith("passes")
    costly = [("a", 10, 10, [(8, 2), (8, 2), (5, 1), (5, 1)])]
    assert line_uses.verdict(costly, 2).endswith("fails")
