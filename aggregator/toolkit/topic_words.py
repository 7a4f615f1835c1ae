"""Topics chosen by a word model learned from labelled articles, beside the taxonomy's terms.

The taxonomy's terms find a topic only through the words it lists, and weigh every
topic's evidence by the same thresholds. People label topics by what an article is
about, in words no list holds ("orchard", "trainees") and by conventions of their own
(a visit of ministers is diplomacy). A :class:`TopicWords` model is, for each topic, a
logistic regression over

- the article's words: each word of the headline and body once, and each word of the
  headline once more as a headline word (``t:word``), weighed by how rare the word was
  in the articles fitted on (idf), the vector scaled to unit length;
- the evidence of the taxonomy's terms for the topic (:data:`topic_model.FEATURES`,
  standardised with the fit's mean and spread).

A topic is given when its probability reaches ``threshold``, most probable first, and the
most probable topic when it reaches ``first_threshold``; added to the rules' topics, each
topic needs its own ``add_thresholds`` (:data:`ADD_PROBABILITY` in a model without them).
The model is valid only for the taxonomy it was fitted on: :meth:`TopicWords.check_topics`
names the difference.

The weights are fitted by ``scripts/fit_topic_words.py`` (docs/topic_model.md); a model
fitted on the development halves of ``tests/data/realworld`` ships beside this module
(:data:`SHIPPED`). Scoring is a gather and a dot product over the article's known words.
"""

from __future__ import annotations

import hashlib
import json
import math
import struct
import zipfile
from collections.abc import Iterable, Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple, cast

import numpy as np

from aggregator.toolkit.prose import unwrap
from aggregator.toolkit.terms import tokenize
from aggregator.toolkit.topic_model import FEATURES

FORMAT = 1
ARRAYS_SUFFIX = ".npz"
SHIPPED = Path(__file__).with_name("topic_words.npz")
"""The model fitted on the shipped feeds.toml's taxonomy and the development halves."""
SHIPPED_NAME = "shipped"
"""The value of ``[plugins.tag_topics] words`` that names :data:`SHIPPED`."""
TITLE_MARK = "t:"
ADD_PROBABILITY = 0.5
"""The probability a topic needs to be added to the rules' topics (``adding``) in a model
without ``add_thresholds``: more likely than not."""


def taxonomy_digest(taxonomy: Mapping[str, Any]) -> str:
    """A short fingerprint of a taxonomy table (its topics, terms and weights, in order),
    recorded in a fitted model: the model's weights were learned for the evidence of those
    terms, and a model whose fingerprint is not the taxonomy's was fitted on other terms."""
    canonical = json.dumps(taxonomy, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:16]


def word_features(title: str, text: str) -> set[str]:
    """The words of an article as the model reads them, lower-cased: each once, the
    headline's twice (once marked as the headline's). The words are those the taxonomy's
    matcher split the headline and the unwrapped text into (both remembered for the last
    few texts), so that reading them costs a set."""
    heading = tokenize(title).lowered
    features = set(tokenize(unwrap(text)).lowered)
    features.update(heading)
    features.update([TITLE_MARK + word for word in heading])
    return features


def evidence_matrix(features: Mapping[str, Sequence[float]], topics: Sequence[str]) -> np.ndarray:
    """One row of :data:`FEATURES` per topic of ``topics`` (``features``: as
    :func:`topic_model.feature_values` gives them); zeros where no term matched."""
    rows = np.zeros((len(topics), len(FEATURES)))
    for index, topic in enumerate(topics):
        values = features.get(topic)
        if values is not None:
            rows[index] = values
    return rows


class Given(NamedTuple):
    """A topic the model gives, its probability, and the words that weighed most for it
    with their part of its log-odds."""

    topic: str
    probability: float
    words: dict[str, float]


@dataclass(frozen=True, eq=False)
class TopicWords:
    """Per topic (:attr:`topics`, in order): word weights (a row per word of
    :attr:`vocabulary`), weights of the terms' evidence, and a bias."""

    topics: tuple[str, ...]
    vocabulary: dict[str, int]
    idf: np.ndarray
    word_weights: np.ndarray
    evidence_mean: np.ndarray
    evidence_scale: np.ndarray
    evidence_weights: np.ndarray
    bias: np.ndarray
    threshold: float
    first_threshold: float
    fitted_on: dict[str, Any] = field(default_factory=dict)
    """What the fit saw (label files, settings, figures): for people, not for scoring."""
    add_thresholds: tuple[float, ...] = ()
    """Per topic (in :attr:`topics`' order), the probability it needs to be added to the
    rules' topics; empty: :data:`ADD_PROBABILITY` for every topic. Fitted per topic because
    the labellers give some topics far more readily than the terms find them (investment
    beside a deal, diplomacy beside a visit) and others seldom beside a stronger one."""

    words: list[str] = field(init=False, repr=False)
    """The vocabulary's words by row."""
    _heading_rows: dict[str, int] = field(init=False, repr=False)
    """The rows of the headline's words, by the word without its mark."""
    _folded: tuple[np.ndarray, np.ndarray] = field(init=False, repr=False)
    """The evidence weights on the raw features, and the bias with the standardising shift
    folded in (a topic without evidence costs nothing)."""
    _packed: list[int] = field(init=False, repr=False)
    """A Python integer per word: the fields of its row of :meth:`word_rows` (its weights
    times its idf, then its idf squared) in fixed point, each plus ``2 ** _OFFSET_BITS`` so that
    none is negative, ``_FIELD_BITS`` apart (:func:`_packed_rows`). Added up, the integers
    hold the article's sums field by field, exactly and in any order."""
    _scale: float = field(init=False, repr=False)
    """What a field's fixed point is multiplied by (a power of two)."""
    _layout: struct.Struct = field(init=False, repr=False)
    """The fields of a sum of :attr:`_packed`, as bytes."""
    _cuts: tuple[float, float] = field(init=False, repr=False)
    """``threshold`` and ``first_threshold`` as log-odds."""
    _add_cuts: list[float] = field(init=False, repr=False)
    """Each topic's add threshold as log-odds."""
    _index: dict[str, int] = field(init=False, repr=False)
    """Each topic's place in :attr:`topics`."""
    _scaled_rows: list[list[float]] = field(init=False, repr=False)
    """The evidence weights on the raw features as Python floats, a list per topic: a topic's
    part of the log-odds is summed in Python as numpy sums a row (:func:`_row_sum`)."""
    _bias: list[float] = field(init=False, repr=False)
    """The folded bias as Python floats: a topic no term found has this log-odds before
    its words, and arithmetic on twenty floats is quicker in Python than through numpy."""

    def __post_init__(self) -> None:
        """What scoring reads, made once when the model is loaded (not at the first item)."""
        names = [""] * len(self.vocabulary)
        for word, row in self.vocabulary.items():
            names[row] = word
        size = len(TITLE_MARK)
        heading = {
            word[size:]: row for word, row in self.vocabulary.items() if word.startswith(TITLE_MARK)
        }
        scaled = self.evidence_weights / self.evidence_scale
        folded = (scaled, self.bias - scaled @ self.evidence_mean)
        for name, value in (
            ("words", names),
            ("_heading_rows", heading),
            ("_folded", folded),
            *zip(("_packed", "_scale"), _packed_rows(self.word_rows()), strict=True),
            ("_layout", struct.Struct(f"<{len(self.topics) + 1}Q")),
            ("_cuts", (_logit(self.threshold), _logit(self.first_threshold))),
            (
                "_add_cuts",
                [_logit(value) for value in self.add_thresholds] or [_ADD_CUT] * len(self.topics),
            ),
            ("_index", {topic: index for index, topic in enumerate(self.topics)}),
            ("_bias", folded[1].tolist()),
            ("_scaled_rows", scaled.tolist()),
        ):
            object.__setattr__(self, name, value)

    def word_rows(self, rows: Sequence[int] | None = None) -> np.ndarray:
        """For each row of ``rows`` (default: every word's), the word's weights times its
        idf, then its idf squared: summed over an article's words, its sums by topic and the
        squared length of its idf vector. Made when asked rather than kept (1.3 MB in each
        process that tags), from the weights and idf the model holds anyway."""
        if rows is None:
            weights, idf = self.word_weights, self.idf
        else:
            weights, idf = self.word_weights.take(rows, axis=0), self.idf.take(rows)
        return np.hstack([weights * idf[:, None], (idf**2)[:, None]])

    def logits(self, words: AbstractSet[str], evidence: np.ndarray) -> np.ndarray:
        """Each topic's log-odds for an article's :func:`word_features` and its
        :func:`evidence_matrix`."""
        scaled, bias = self._folded
        logits: np.ndarray = bias + (evidence * scaled).sum(axis=1)
        lookup = self.vocabulary.get
        rows = {row for row in map(lookup, words) if row is not None}
        if not rows:
            return logits
        sums, norm = self._word_sums(rows)
        with_words: np.ndarray = logits + np.array(sums) / norm
        return with_words

    def _rows(self, title: str, text: str, body: str | None = None) -> set[int]:
        """The vocabulary's rows of :func:`word_features` (their sums do not depend on their
        order: :meth:`_word_sums`); each word looked up in C, without making the features'
        strings. ``body``: the unwrapped text, when the caller has it (``unwrap(text)``).
        Each word is looked up as it comes: making a set of the distinct words first costs
        what it saves."""
        lookup = self.vocabulary.get
        heading = tokenize(title).lowered
        words = tokenize(unwrap(text) if body is None else body).lowered
        found: set[int | None] = set(map(lookup, words))
        found.update(map(lookup, heading))
        found.update(map(self._heading_rows.get, heading))
        found.discard(None)
        return cast(set[int], found)

    def _word_sums(self, rows: AbstractSet[int]) -> tuple[list[float], float]:
        """The sums by topic of the words' idf-weighed weights, and the length of the
        article's idf vector (``rows`` not empty): one sum of Python integers
        (:attr:`_packed`), exact whatever the order of ``rows``, so nothing is sorted and
        no numpy call is made (each costs tens of µs when the pipeline's other stages
        have evicted numpy's code and data between two items)."""
        total = sum(map(self._packed.__getitem__, rows))
        offset = len(rows) << _OFFSET_BITS
        scale = self._scale
        layout = self._layout
        fields = [
            (value - offset) / scale
            for value in layout.unpack(total.to_bytes(layout.size, "little"))
        ]
        return fields[:-1], math.sqrt(fields[-1])

    def _scored(
        self, rows: AbstractSet[int], features: Mapping[str, Sequence[float]]
    ) -> tuple[list[float], float]:
        """What :meth:`logits` gives for the :func:`evidence_matrix` of ``features``, as a
        list, and the length of the article's idf vector: only the rows of the few topics
        the terms found are weighed (each row's sum is the one the whole matrix gives), and
        the twenty sums are made in Python, in the same order of the same operations."""
        logits = self._bias.copy()
        index = self._index
        scaled = self._scaled_rows
        for topic, values in features.items():
            place = index.get(topic)
            if place is not None:
                products = [
                    value * weight for value, weight in zip(values, scaled[place], strict=True)
                ]
                logits[place] += _row_sum(products)
        if not rows:
            return logits, 1.0
        sums, norm = self._word_sums(rows)
        return [logit + total / norm for logit, total in zip(logits, sums, strict=True)], norm

    def chosen(
        self,
        logits: Sequence[float],
        max_topics: int,
        threshold: float | None = None,
        *,
        adding: bool = False,
    ) -> list[int]:
        """The topics to give (their indices in :attr:`topics`), most probable first:
        those whose probability reaches ``threshold`` (default :attr:`threshold`), else
        the most probable one if it reaches :attr:`first_threshold`; at most
        ``max_topics``, ties in the order of :attr:`topics`. ``adding``: the topics to
        add to the rules' instead, each at its own :attr:`add_thresholds`, none else."""
        cut, first_cut = self._cuts
        if max_topics <= 0:
            return []
        if adding:
            cuts = self._add_cuts
            passing = [index for index, logit in enumerate(logits) if logit >= cuts[index]]
            passing.sort(key=logits.__getitem__, reverse=True)
            return passing[:max_topics]
        if threshold is not None:
            cut = _logit(threshold)
        # a topic ranked above one that reaches the cut reaches it too: the best
        # ``max_topics`` that reach it are the best ``max_topics`` among those that do
        passing = [index for index, logit in enumerate(logits) if logit >= cut]
        if passing:
            passing.sort(key=logits.__getitem__, reverse=True)
            return passing[:max_topics]
        if first_cut == math.inf or not len(logits):
            return []
        best = max(range(len(logits)), key=logits.__getitem__)
        return [best] if logits[best] >= first_cut else []

    def give(
        self,
        title: str,
        text: str,
        features: Mapping[str, Sequence[float]],
        max_topics: int,
        shown: int,
        *,
        adding: bool = False,
        known: AbstractSet[str] = frozenset(),
        body: str | None = None,
    ) -> list[Given]:
        """The topics to give an article (``features``: the terms' evidence as
        :func:`topic_model.feature_values` gives it), most probable first, each with its
        probability and the ``shown`` words that weighed most for it; ``adding``: see
        :meth:`chosen`. Topics of ``known`` (the caller has them already) still take
        their places among the ``max_topics`` best but are not returned, and their words
        are not sorted out. ``body``: ``unwrap(text)``, when the caller has it."""
        rows = self._rows(title, text, body)
        logits, norm = self._scored(rows, features)
        topics = self.topics
        chosen = [
            index
            for index in self.chosen(logits, max_topics, adding=adding)
            if topics[index] not in known
        ]
        if not chosen:
            return []
        names = self.words
        ordered = sorted(rows)
        gathered = self.word_rows(ordered)
        given = []
        for index in chosen:
            column = gathered[:, index] / norm
            # the rows of the ``shown`` largest parts, ties in row order (a stable sort)
            best = np.argsort(-column, kind="stable")[:shown].tolist()
            parts = column.tolist()
            given.append(
                Given(
                    topics[index],
                    1.0 / (1.0 + math.exp(-logits[index])),
                    {names[ordered[row]]: round(parts[row], 2) for row in best if parts[row] > 0},
                )
            )
        return given

    def check_topics(self, taxonomy: Iterable[str]) -> str:
        """What differs between the model's topics and a taxonomy's; empty when none."""
        wanted, known = set(taxonomy), set(self.topics)
        problems = []
        if known - wanted:
            problems.append(f"topics not in the taxonomy: {sorted(known - wanted)}")
        if wanted - known:
            problems.append(f"taxonomy topics it was not fitted on: {sorted(wanted - known)}")
        return "; ".join(problems)

    def to_json(self) -> dict[str, Any]:
        words = self.words
        return {
            "format": FORMAT,
            "topics": list(self.topics),
            "evidence_features": list(FEATURES),
            "evidence_mean": _rounded(self.evidence_mean),
            "evidence_scale": _rounded(self.evidence_scale),
            "evidence_weights": [_rounded(row) for row in self.evidence_weights],
            "bias": _rounded(self.bias),
            "threshold": self.threshold,
            "first_threshold": self.first_threshold,
            **({"add_thresholds": list(self.add_thresholds)} if self.add_thresholds else {}),
            "fitted_on": self.fitted_on,
            "words": {
                word: [round(float(self.idf[row]), 3), *_rounded(self.word_weights[row])]
                for row, word in enumerate(words)
            },
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> TopicWords:
        """A model from its JSON form; ValueError names what is wrong."""
        words = data.get("words")
        if not isinstance(words, dict):
            raise ValueError("words must be a table of word = [idf, weight per topic]")
        topics = data.get("topics")
        width = len(topics) + 1 if isinstance(topics, list) else 1
        try:
            table = np.array(list(words.values()), dtype=float).reshape(len(words), width)
        except (TypeError, ValueError) as error:
            raise ValueError(f"numbers of the wrong shape or kind: {error}") from error
        return cls._from_parts(data, list(words), table)

    @classmethod
    def _from_parts(
        cls, data: Mapping[str, Any], words: list[str], table: np.ndarray
    ) -> TopicWords:
        """A model from its settings (the JSON form without ``words``), its words and its
        table (a row per word: its idf, then its weight per topic), whichever file held
        them; ValueError names what is wrong."""
        if data.get("format") != FORMAT:
            raise ValueError(f"format {data.get('format')!r}, expected {FORMAT}")
        if data.get("evidence_features") != list(FEATURES):
            raise ValueError(f"evidence_features must be {list(FEATURES)}")
        topics = data.get("topics")
        if not isinstance(topics, list) or not all(isinstance(name, str) for name in topics):
            raise ValueError("topics must be a list of names")
        count, width = len(topics), len(FEATURES)
        if table.shape != (len(words), count + 1) or len(set(words)) != len(words):
            raise ValueError(f"a row of an idf and {count} weights for each of the distinct words")
        try:
            mean = np.array(data["evidence_mean"], dtype=float).reshape(width)
            scale = np.array(data["evidence_scale"], dtype=float).reshape(width)
            weights = np.array(data["evidence_weights"], dtype=float).reshape(count, width)
            bias = np.array(data["bias"], dtype=float).reshape(count)
            threshold = float(data["threshold"])
            first = float(data["first_threshold"])
            adds = tuple(float(value) for value in data.get("add_thresholds", ()))
        except (KeyError, TypeError, ValueError) as error:
            raise ValueError(f"numbers of the wrong shape or kind: {error}") from error
        numbers = (table, mean, scale, weights, bias, np.array([threshold, first]))
        if not all(np.isfinite(array).all() for array in numbers) or (scale <= 0).any():
            raise ValueError("every number must be finite, every evidence_scale positive")
        if not (0.0 < threshold < 1.0 and 0.0 <= first < 1.0):
            raise ValueError("threshold must be between 0 and 1, first_threshold below 1")
        if adds and (len(adds) != count or not all(0.0 < value < 1.0 for value in adds)):
            raise ValueError("add_thresholds must hold one probability per topic, each in (0, 1)")
        return cls(
            topics=tuple(topics),
            vocabulary=_compact_keys(words),
            idf=table[:, 0],
            word_weights=table[:, 1:],
            evidence_mean=mean,
            evidence_scale=scale,
            evidence_weights=weights,
            bias=bias,
            threshold=threshold,
            first_threshold=first,
            fitted_on=dict(data.get("fitted_on", {})),
            add_thresholds=adds,
        )

    @classmethod
    def load(cls, path: Path) -> TopicWords:
        """Read a model file, its arrays form (``.npz``, :meth:`dump`) or its JSON form
        (any other name); OSError, ValueError when it cannot be used."""
        if path.suffix == ARRAYS_SUFFIX:
            return cls._load_arrays(path)
        data = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(data, dict):
            raise ValueError("expected a JSON object")
        return cls.from_json(data)

    @classmethod
    def _load_arrays(cls, path: Path) -> TopicWords:
        """The arrays form: ``table`` as :meth:`_from_parts` reads it, ``words`` the words
        in UTF-8 one per line, ``settings`` the rest of the JSON form in UTF-8. Read into
        three buffers, so a process holds the model's tables and little else: the JSON
        form leaves about 5 MB behind in each process that reads it (a Python float and
        list per number, freed but not returned), which every worker process pays again."""
        with path.open("rb") as file:
            if not zipfile.is_zipfile(file):
                raise ValueError("not a word model's arrays: not an .npz (zip) file")
        try:
            with np.load(path, allow_pickle=False) as arrays:
                table = np.asarray(arrays["table"], dtype=float)
                words = arrays["words"].tobytes().decode("utf-8").split("\n")
                settings = json.loads(arrays["settings"].tobytes().decode("utf-8"))
        except (KeyError, ValueError, EOFError, zipfile.BadZipFile) as error:
            raise ValueError(f"not a word model's arrays: {error}") from error
        if not isinstance(settings, dict) or table.ndim != 2:
            raise ValueError("not a word model's arrays: settings or table of the wrong shape")
        return cls._from_parts(settings, words, table)

    def dump(self, path: Path) -> None:
        """Write the model: its arrays form for a ``.npz`` name (smaller, and what a
        process reads with least memory), else its JSON form (for people to read)."""
        data = self.to_json()
        if path.suffix != ARRAYS_SUFFIX:
            path.write_text(json.dumps(data, separators=(",", ":")) + "\n", "utf-8")
            return
        words = data.pop("words")
        text = "\n".join(words)
        with path.open("wb") as file:
            np.savez_compressed(
                file,
                table=np.array(list(words.values()), dtype=float),
                words=np.frombuffer(text.encode("utf-8"), dtype=np.uint8),
                settings=np.frombuffer(json.dumps(data).encode("utf-8"), dtype=np.uint8),
            )


_FIELD_BITS = 64
_OFFSET_BITS = 40
"""A packed field holds its value times the scale plus ``2 ** _OFFSET_BITS``; the value
times the scale stays under ``2 ** (_OFFSET_BITS - 1)``, so a sum of fewer than
``2 ** 23`` words' fields stays within ``_FIELD_BITS`` and never carries into the next."""


def _compact_keys(words: Iterable[str]) -> dict[str, int]:
    """Each word's row, the words copied one after another: as JSON decoded them they lie
    among the numbers of their rows, and a lookup that finds a word compares it with the
    key, so keys spread over megabytes cost a cache miss each once the pipeline's other
    stages have run between two items."""
    return {word.encode().decode(): row for row, word in enumerate(words)}


def _packed_rows(rows: np.ndarray) -> tuple[list[int], float]:
    """:attr:`TopicWords._packed` of a word's row each, and their scale: the largest power
    of two up to ``2 ** 32`` that keeps every value times it under ``2 ** (_OFFSET_BITS -
    1)`` (a resolution of ``2 ** -32`` for the weights fitted so far)."""
    if len(rows) >= 1 << 23:
        raise ValueError("too many words for the packed sums")
    largest = float(np.abs(rows).max()) if rows.size else 0.0
    bits = min(32, _OFFSET_BITS - 1 - math.frexp(largest)[1]) if largest else 32
    scale = math.ldexp(1.0, bits)
    fixed = (np.rint(rows * scale).astype(np.int64) + (1 << _OFFSET_BITS)).astype("<u8")
    data = fixed.tobytes()
    width = fixed.shape[1] * 8
    packed = [int.from_bytes(data[at : at + width], "little") for at in range(0, len(data), width)]
    return packed, scale


def _row_sum(values: Sequence[float]) -> float:
    """The sum numpy's ``sum`` gives for a contiguous row of 8 to 15 float64 values, made
    in Python (quicker than numpy for a dozen): eight partial sums added pairwise, then the
    rest one by one, as its pairwise summation does."""
    total = ((values[0] + values[1]) + (values[2] + values[3])) + (
        (values[4] + values[5]) + (values[6] + values[7])
    )
    for value in values[8:]:
        total += value
    return total


assert 8 <= len(FEATURES) < 16, "_row_sum sums rows of 8 to 15 values as numpy does"


def _logit(probability: float) -> float:
    if probability <= 0.0:
        return -math.inf
    return math.log(probability / (1.0 - probability))


_ADD_CUT = _logit(ADD_PROBABILITY)


def _rounded(values: np.ndarray) -> list[float]:
    return [round(float(value), 4) for value in values]
