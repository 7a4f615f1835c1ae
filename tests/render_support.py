"""Renders of one article through component templates, read by the pipeline's parse and clean
stages and scored per field (what tests/test_plaintext_renders.py and
scripts/shape_renders.py share).

A render picks an article (tests/test_plaintext_shapes.py's dozen), a date form and one
template of each kind from one *set* (tests/render_templates_tuning.py or
tests/render_templates_held.py): header furniture, a headline placement, a date line and its
position, a footer and a wrapper (a mail, a PDF's text, a web page's inserts, a transcript).
Every line is tagged with its role as it is written: article text, metadata the reader
should consume (headline, date, byline) or furniture the cleaner should remove. The text
is read by :func:`extract_article`, then cleaned as the boilerplate plugin cleans it
(nothing learnt), and scored:

- headline: the pipeline's title is the article's headline (case aside when the render
  printed it in capitals);
- day: the publication date is the article's day;
- body kept: every article line is in the cleaned text (whitespace and punctuation aside,
  so that a PDF's hyphenated wraps and a speaker's label do not count);
- furniture removed: the share of furniture lines that are not lines of the cleaned text,
  not inside it (lines of four words or more) and not the title, as
  tests/realworld_eval.py counts boilerplate;
- outlet: where the render names its outlet in a masthead or a field, the outlet read.

The held set is never used to choose a rule: its figures measure how far rules made
for the tuning set carry to structures they were not made from.
"""

from __future__ import annotations

import random
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from types import ModuleType

from test_plaintext_shapes import ARTICLES, DATE_FORMS, Article

from aggregator import Item
from aggregator.plugins import clean_boilerplate as cb
from aggregator.toolkit import lines as linetext
from aggregator.toolkit.plaintext import extract_article

REFERENCE = datetime(2026, 3, 1, tzinfo=UTC)
FIELDS = ("headline", "day", "body kept", "furniture removed", "outlet")

ARTICLE, META, FURNITURE = "article", "meta", "furniture"
Line = tuple[str, str]
"""A line of a render and its role: ARTICLE, META or FURNITURE."""


def art(*lines: str) -> list[Line]:
    return [(line, ARTICLE) for line in lines]


def meta(*lines: str) -> list[Line]:
    return [(line, META) for line in lines]


def furn(*lines: str) -> list[Line]:
    return [(line, FURNITURE) for line in lines]


@dataclass(frozen=True)
class Dated:
    """The article's date, printed: ``text`` in the render's form, ``later`` a day later (an
    "Updated" stamp), ``form`` to print any other day."""

    day: date
    text: str
    later: str
    form: Callable[[date], str]


@dataclass
class Furniture:
    """Header furniture: lines above the headline, lines between it and the body."""

    above: list[Line] = field(default_factory=list)
    below: list[Line] = field(default_factory=list)
    names_outlet: bool = False


@dataclass
class Headline:
    """The headline as placed: its lines (with a kicker, a byline, a deck), and the headline
    the reader should give."""

    lines: list[Line]
    expected: str
    capitals: bool = False


@dataclass
class DatePlace:
    """Where the date stands: above or below the headline, at the head of the lead, at the
    foot (lines before or after the footer)."""

    above: list[Line] = field(default_factory=list)
    below: list[Line] = field(default_factory=list)
    lead: str = ""
    foot: list[Line] = field(default_factory=list)


@dataclass
class Parts:
    """A render's parts before its wrapper joins them."""

    article: Article
    dated: Dated
    furniture: Furniture
    headline: Headline
    date_place: DatePlace
    body: list[Line]
    footer: list[Line]

    def header(self) -> list[Line]:
        return [
            *self.furniture.above,
            *self.date_place.above,
            *self.headline.lines,
            *self.date_place.below,
            *self.furniture.below,
        ]

    def document(self) -> list[Line]:
        return [*self.header(), *self.body, *self.footer, *self.date_place.foot]


FurnitureTemplate = Callable[[Article, random.Random], Furniture]
HeadlineTemplate = Callable[[Article, random.Random], Headline]
DateTemplate = Callable[[Dated, random.Random], DatePlace]
FooterTemplate = Callable[[Article, random.Random], list[Line]]
Wrapper = Callable[[Parts, random.Random], list[Line]]
"""Joins the parts into the document's lines; it may add furniture, move the headline into
a field (then it sets ``parts.headline.expected``), or add article lines (a table)."""


@dataclass(frozen=True)
class TemplateSet:
    name: str
    furniture: Sequence[FurnitureTemplate]
    headlines: Sequence[HeadlineTemplate]
    dates: Sequence[DateTemplate]
    footers: Sequence[FooterTemplate]
    wrappers: Sequence[Wrapper]
    forms: Sequence[Callable[[date], str]] = ()

    @classmethod
    def of(cls, module: ModuleType) -> TemplateSet:
        return cls(
            module.SET,
            module.FURNITURE,
            module.HEADLINES,
            module.DATES,
            module.FOOTERS,
            module.WRAPPERS,
            module.FORMS,
        )


@dataclass(frozen=True)
class Render:
    article: Article
    lines: tuple[Line, ...]
    expected_headline: str
    capitals: bool
    names_outlet: bool
    spacing: str
    labels: tuple[str, ...]
    """Which templates made it (kind and index), to find the failing ones."""

    @property
    def text(self) -> str:
        return self.spacing.join(line for line, _ in self.lines) + "\n"


def _pick(
    rng: random.Random, kind: str, templates: Sequence[Callable[..., object]]
) -> tuple[int, str]:
    index = rng.randrange(len(templates))
    return index, f"{kind}{index}"


def render(templates: TemplateSet, rng: random.Random) -> Render:
    article = rng.choice(ARTICLES)
    forms = (*DATE_FORMS, *templates.forms)
    form = rng.choice(forms)
    later = date.fromordinal(article.day.toordinal() + 1)
    dated = Dated(article.day, form(article.day), form(later), form)
    labels = []
    index, label = _pick(rng, "furniture", templates.furniture)
    labels.append(label)
    furniture = templates.furniture[index](article, rng)
    index, label = _pick(rng, "headline", templates.headlines)
    labels.append(label)
    headline = templates.headlines[index](article, rng)
    index, label = _pick(rng, "date", templates.dates)
    labels.append(label)
    date_place = templates.dates[index](dated, rng)
    index, label = _pick(rng, "footer", templates.footers)
    labels.append(label)
    footer = templates.footers[index](article, rng)
    paragraphs = list(article.paragraphs)
    if date_place.lead:
        first = paragraphs[0]
        if date_place.lead.endswith(", "):
            first = first[0].lower() + first[1:]
        paragraphs[0] = date_place.lead + first
    parts = Parts(article, dated, furniture, headline, date_place, art(*paragraphs), footer)
    index, label = _pick(rng, "wrapper", templates.wrappers)
    labels.append(label)
    lines = templates.wrappers[index](parts, rng)
    spacing = rng.choice(("\n", "\n\n"))
    return Render(
        article,
        tuple(lines),
        parts.headline.expected,
        parts.headline.capitals,
        parts.furniture.names_outlet,
        spacing,
        tuple(labels),
    )


@dataclass(frozen=True)
class Reading:
    title: str
    published: datetime | None
    text: str
    outlet: str | None


def read(text: str) -> Reading:
    """What the parse stage and the boilerplate plugin (nothing learnt) make of ``text``."""
    found = extract_article(text, reference=REFERENCE)
    item = Item(
        id="render",
        source="renders",
        uri="render.txt",
        title=found.title,
        text=found.body,
        summary=found.summary,
        published=found.published,
        authors=list(found.byline),
        outlet=found.outlet,
    )
    cb.clean_item(item, cb.Learner(cb.Settings(learn=False)))
    return Reading(item.title, item.published, item.text, item.outlet)


_NOT_WORD = re.compile(r"[\W_]+")


def _squashed(text: str) -> str:
    return _NOT_WORD.sub("", text.casefold())


def _removed(line: str, reading: Reading, kept_keys: set[str], kept_text: str) -> bool:
    if linetext.line_key(line) in kept_keys:
        return False
    squashed = _squashed(line)
    if len(line.split()) >= 4 and squashed in kept_text:
        return False
    return not (squashed and squashed in _squashed(reading.title))


@dataclass
class Score:
    checks: dict[str, bool | None]
    furniture: tuple[int, int]
    """Furniture lines removed, of furniture lines."""
    missed_furniture: list[str]


def score(case: Render, reading: Reading) -> Score:
    title = " ".join(reading.title.split())
    expected = " ".join(case.expected_headline.split())
    headline = title == expected or (case.capitals and title.casefold() == expected.casefold())
    day = reading.published is not None and reading.published.date() == case.article.day
    kept_text = _squashed(reading.text)
    body = all(_squashed(line) in kept_text for line, role in case.lines if role == ARTICLE)
    kept_keys = {linetext.line_key(line) for line in reading.text.split("\n") if line.strip()}
    furniture = [line for line, role in case.lines if role == FURNITURE]
    missed = [line for line in furniture if not _removed(line, reading, kept_keys, kept_text)]
    outlet = None
    if case.names_outlet:
        outlet = (reading.outlet or "").casefold().strip() == case.article.outlet.casefold()
    checks: dict[str, bool | None] = {
        "headline": headline,
        "day": day,
        "body kept": body,
        "furniture removed": not missed,
        "outlet": outlet,
    }
    return Score(checks, (len(furniture) - len(missed), len(furniture)), missed)


@dataclass
class Measure:
    name: str
    renders: int = 0
    right: Counter[str] = field(default_factory=Counter)
    counted: Counter[str] = field(default_factory=Counter)
    furniture_removed: int = 0
    furniture_lines: int = 0
    failures: list[str] = field(default_factory=list)
    missed_by_template: Counter[str] = field(default_factory=Counter)

    def accuracy(self) -> dict[str, float]:
        figures = {
            name: self.right[name] / self.counted[name]
            for name in FIELDS
            if self.counted[name] and name != "furniture removed"
        }
        if self.furniture_lines:
            figures["furniture removed"] = self.furniture_removed / self.furniture_lines
        return {name: figures[name] for name in FIELDS if name in figures}

    def line(self) -> str:
        return f"{self.name:7} " + "  ".join(
            f"{name} {value:.3f}" for name, value in self.accuracy().items()
        )


def measure(templates: TemplateSet, renders: int, seed: int = 26, failures: int = 0) -> Measure:
    """Accuracy per field over ``renders`` renders of ``templates``; the first ``failures``
    failing renders are kept whole, and misses are counted per template."""
    rng = random.Random(seed)
    result = Measure(templates.name)
    for _ in range(renders):
        case = render(templates, rng)
        reading = read(case.text)
        found = score(case, reading)
        result.renders += 1
        result.furniture_removed += found.furniture[0]
        result.furniture_lines += found.furniture[1]
        missed = []
        for name, ok in found.checks.items():
            if ok is None:
                continue
            result.counted[name] += 1
            if ok:
                result.right[name] += 1
            else:
                missed.append(name)
                result.missed_by_template.update(f"{name}: {label}" for label in case.labels)
        if missed and len(result.failures) < failures:
            furniture = "; ".join(found.missed_furniture[:4])
            result.failures.append(
                f"--- {templates.name} {' '.join(case.labels)} missed {', '.join(missed)}:"
                f" title {reading.title!r}, date {reading.published},"
                f" outlet {reading.outlet!r}"
                + (f"\n    furniture kept: {furniture}" if furniture else "")
                + f"\n{case.text}"
            )
    return result
