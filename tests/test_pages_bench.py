"""benchmarks/pages_bench.py: its scoring is upstream's, and the extractor path runs."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "benchmarks" / "pages_bench.py"


def _load():
    spec = importlib.util.spec_from_file_location("pages_bench", SCRIPT)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("pages_bench", module)
    spec.loader.exec_module(module)
    return module


bench = _load()


def test_scoring_identical_and_partial() -> None:
    truth = "one two three four five six"  # shingles: 1-4, 2-5, 3-6
    same = bench.page_scores(truth, "One two three four five six")  # case counts, as upstream
    assert same["recall"] == pytest.approx(2 / 3)
    exact = bench.page_scores(truth, "one, two; three four\n\nfive six!")  # punctuation ignored
    assert exact == {"precision": 1.0, "recall": 1.0, "f1": 1.0, "exact": 1.0}
    # the prediction adds "seven": shingles 1-4, 2-5, 3-6, 4-7; tp 3, fp 1 (normalised by 4)
    extra = bench.page_scores(truth, truth + " seven")
    assert extra["precision"] == pytest.approx(3 / 4)
    assert extra["recall"] == pytest.approx(1.0)
    assert extra["f1"] == pytest.approx(2 * 0.75 / 1.75)


def test_scoring_no_prediction_and_aggregate() -> None:
    missing = bench.page_scores("a b c d e", "")
    assert missing["precision"] is None  # left out of the mean precision, as upstream
    assert missing["recall"] == 0.0
    perfect = bench.page_scores("a b c d e", "a b c d e")
    figures = bench.aggregate([missing, perfect])
    assert figures["precision"] == 1.0
    assert figures["recall"] == 0.5
    assert figures["f1"] == pytest.approx(2 * 1.0 * 0.5 / 1.5)  # F1 of the means
    assert figures["mean_page_f1"] == 0.5


@pytest.mark.skipif(
    not (bench.DEFAULT_DATA / "ground-truth.json").is_file(),
    reason="benchmarks/data/article-extraction-benchmark is absent",
)
def test_extractor_alone_on_five_pages() -> None:
    cases = bench.load_cases(bench.DEFAULT_DATA, limit=5)
    assert len(cases) == 5
    for case in cases:
        result = bench.ours_alone(case)
        assert isinstance(result["listing"], bool)
        assert result["words"] > 0, case.url
        assert bench.page_scores(case.truth, result["text"])["recall"] is not None


@pytest.mark.skipif(
    not (bench.SETS["wcxb"][1] / "ground-truth.json").is_file(),
    reason="benchmarks/data/wcxb-articles is absent",
)
def test_development_set_reads_like_the_test_set() -> None:
    cases = bench.load_cases(bench.SETS["wcxb"][1], limit=3)
    assert [len(case.truth.split()) > 40 for case in cases] == [True, True, True]
    assert all(case.url.startswith("http") for case in cases)
    assert all(case.html.decode("utf-8").lstrip()[:1] == "<" for case in cases)
