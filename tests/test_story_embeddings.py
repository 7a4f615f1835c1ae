"""scripts/story_embeddings.py without torch: the pairs it forms from invented records, the
stories closed over added links, and the threshold set on the other halves."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))
import story_embeddings as se


def candidate(old: str, rule: float) -> dict[str, Any]:
    return {
        "old": old,
        "text_bands": 0,
        "term_bands": 2,
        "name_bands": 1,
        "near": True,
        "verified": True,
        "evidence": {"terms": 0.1},
        "rule_score": rule,
        "reason": "",
    }


def record(half: str, cosines: dict[frozenset[str], float]) -> dict[str, Any]:
    """Four reports: a and b one story the rules kept apart (b's search refused a at 0.2),
    c another story that the rules joined to a, d unlabelled and dated a month later."""
    day = "2026-05-0{}T09:00:00+00:00"
    return {
        "half": half,
        "labels": {"a": "port", "b": "port", "c": "rail", "d": None},
        "stories": {"a": "s1", "b": "s2", "c": "s1", "d": "s4"},
        "how": {},
        "items": {
            "a": {"title": "Port reopens", "lead": "The port reopened.", "date": day.format(1)},
            "b": {"title": "Harbour back", "lead": "Ships moved again.", "date": day.format(2)},
            "c": {"title": "Rail fares", "lead": "Fares rise.", "date": day.format(2)},
            "d": {"title": "Later", "lead": "Much later.", "date": "2026-06-09T09:00:00+00:00"},
        },
        "searches": [
            {"new": "a", "order": 0, "candidates": [], "joined": None},
            {"new": "b", "order": 1, "candidates": [candidate("a", 0.2)], "joined": None},
            {"new": "c", "order": 2, "candidates": [candidate("a", 0.5)], "joined": "a"},
            {"new": "d", "order": 3, "candidates": [], "joined": None},
        ],
        "_cosines": cosines,
    }


def pairs_of(data: dict[str, Any]) -> list[se.Pair]:
    return se.form_pairs(data, lambda a, b: data["_cosines"].get(frozenset((a, b)), 0.0))


def test_pairs_carry_the_labels_the_rules_and_the_date_window() -> None:
    data = record("dev", {frozenset("ab"): 0.8})
    pairs = {(pair.a, pair.b): pair for pair in pairs_of(data)}
    assert set(pairs) == {("a", "b"), ("a", "c"), ("b", "c")}  # d is a month away
    ab = pairs["a", "b"]
    assert ab.same and not ab.joined and ab.lost == "reach" and ab.rule == 0.2
    assert ab.cosine == 0.8 and ab.candidate
    ac = pairs["a", "c"]
    assert not ac.same and ac.joined and ac.lost == "" and ac.rule == 0.5
    assert not pairs["b", "c"].candidate and pairs["b", "c"].rule == 0.0


def test_a_link_joins_whole_stories() -> None:
    data = record("dev", {})
    assert se.with_links(data, []) == (0, 1)  # the rules' one pair, a + c, is false
    ab = next(pair for pair in pairs_of(data) if (pair.a, pair.b) == ("a", "b"))
    # b joins a's story, which holds c: a+b right, a+c and b+c false
    assert se.with_links(data, [ab]) == (1, 3)
    assert se.gain(data, [ab]) == (1, 1)


def test_the_threshold_comes_from_the_other_halves_only() -> None:
    first = record("dev", {frozenset("ab"): 0.8, frozenset("bc"): 0.5})
    second = record("dev2", {frozenset("ab"): 0.6, frozenset("bc"): 0.7})
    records = [first, second]
    pairs = {data["half"]: pairs_of(data) for data in records}
    results = se.leave_one_out(records, pairs, refused_only=True)
    # dev left out: dev2's highest different-story cosine is 0.7, so a+b (0.8) joins
    assert (results[0].threshold, results[0].gained, results[0].links) == (0.7, 1, 1)
    # dev2 left out: dev's is 0.5, so a+b (0.6) and b+c (0.7) both pass
    assert (results[1].threshold, results[1].links) == (0.5, 2)
    # over every different-story pair, the rules' false join a+c (cosine 0) counts too
    assert se.leave_one_out(records, pairs, refused_only=False)[0].threshold == 0.7


def test_no_negative_means_no_threshold() -> None:
    assert se.no_false_threshold([]) == float("-inf")
    assert se.no_false_threshold([0.2, 0.9, 0.4]) == 0.9


def test_the_text_embedded_is_the_headline_and_the_first_words() -> None:
    item = {"title": "Port reopens", "lead": "one two three four"}
    assert se.item_text(item, 2) == "Port reopens. one two"
    assert se.item_text({"lead": "one two"}, 80) == "one two"


def test_without_torch_the_embedding_stops_with_a_message(monkeypatch: Any) -> None:
    monkeypatch.setitem(sys.modules, "torch", None)
    try:
        se.load_model()
    except SystemExit as stop:
        assert "torch" in str(stop) and "--vectors" in str(stop)
    else:
        raise AssertionError("load_model went on without torch")


def test_kept_vectors_are_read_back_only_for_the_same_texts(
    tmp_path: Path, monkeypatch: Any
) -> None:
    calls: list[int] = []

    def fake_model(static: Path | None = None) -> tuple[se.Encoder, Path]:
        def encode(texts: Any) -> Any:
            calls.append(len(texts))
            return se.unit([[len(text), 1.0] for text in texts])

        return encode, tmp_path

    monkeypatch.setattr(se, "load_model", fake_model)
    data = record("dev", {})
    cache = tmp_path / "vectors.npz"
    first = se.vectors_for([data], 80, cache, None)
    assert se.vectors_for([data], 80, cache, None).keys() == first.keys()
    assert calls == [4]  # read back the second time
    data["items"]["b"]["lead"] = "Ships moved again after the strike."  # the parser changed
    se.vectors_for([data], 80, cache, None)
    assert calls == [4, 4]
