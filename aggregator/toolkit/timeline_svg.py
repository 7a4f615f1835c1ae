"""The HTML page's timeline: stories per month by topic, as an inline SVG chart.

A stacked bar per month, one segment per topic that has stories that month
(a story with several topics counts once under each; stories without a topic
form a grey "no topic" segment). Months run without gaps from the first to
the last story's month, at most ``max_months`` of them, ending with the newest.
Everything comes from the stories' dates (each in its own time zone), never
from the clock, so the same stories draw the same chart.

Markup for tests and styles: ``<svg id="timeline">``; one ``<rect
class="seg t-<slug>" data-month="YYYY-MM" data-topic="<slug>"
data-count="N">`` per month and topic, each with a ``<title>``; the legend is
``<g id="timeline-legend">``. The y axis says what a bar's height counts
(:data:`AXIS_TITLE`): stories per topic, which is more than the month's
stories when stories have several topics. :func:`render_table` gives the same numbers
as a table, for readers who cannot see the chart.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from html import escape

from ..models import Story

Month = tuple[int, int]
NO_TOPIC = ""
NO_TOPIC_LABEL = "no topic"
NO_TOPIC_COLOR = "#8c8c8c"
PALETTE = (
    "#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f",
    "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#86bcb6",
)  # fmt: skip
MONTH_ABBR = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)  # fmt: skip

LEFT, RIGHT, TOP = 44, 12, 16
PLOT_HEIGHT = 180
AXIS_HEIGHT = 34
LEGEND_ROW = 18
MIN_SLOT = 32
MIN_PLOT_WIDTH = 740
AXIS_TITLE = "stories per topic"
"""What the bars count: a story with three topics adds one to each of three segments."""


@dataclass
class Timeline:
    """Counts per month and topic, ready to draw."""

    months: list[Month]
    topics: list[str]
    counts: dict[tuple[Month, str], int] = field(default_factory=dict)
    stories: dict[Month, int] = field(default_factory=dict)
    omitted_stories: int = 0

    def total(self, month: Month) -> int:
        return sum(self.counts.get((month, topic), 0) for topic in self.topics)


def month_of(story: Story) -> Month:
    published = story.published
    return published.year, published.month


def month_key(month: Month) -> str:
    return f"{month[0]:04d}-{month[1]:02d}"


def month_name(month: Month) -> str:
    return f"{MONTH_NAMES[month[1] - 1]} {month[0]}"


def _next(month: Month) -> Month:
    year, number = month
    return (year + 1, 1) if number == 12 else (year, number + 1)


def _back(month: Month, count: int) -> Month:
    index = month[0] * 12 + month[1] - 1 - count
    return index // 12, index % 12 + 1


def topic_order(stories: Iterable[Story]) -> list[str]:
    """Topics, most stories first, then by name; :data:`NO_TOPIC` last if any story has none."""
    counts: dict[str, int] = {}
    untagged = False
    for story in stories:
        untagged = untagged or not story.topics
        for topic in story.topics:
            counts[topic] = counts.get(topic, 0) + 1
    ordered = sorted(counts, key=lambda topic: (-counts[topic], topic))
    return [*ordered, NO_TOPIC] if untagged else ordered


def topic_colors(topics: Iterable[str]) -> dict[str, str]:
    """A colour per topic, in order: the palette, then evenly spread hues."""
    colors: dict[str, str] = {}
    index = 0
    for topic in topics:
        if topic == NO_TOPIC:
            colors[topic] = NO_TOPIC_COLOR
            continue
        if index < len(PALETTE):
            colors[topic] = PALETTE[index]
        else:
            colors[topic] = f"hsl({(index * 137.508) % 360:.0f} 55% 55%)"
        index += 1
    return colors


def build_timeline(stories: list[Story], topics: list[str], *, max_months: int = 0) -> Timeline:
    """Count ``stories`` per month and topic (``topics`` in drawing order)."""
    if not stories:
        return Timeline(months=[], topics=topics)
    first = min(month_of(story) for story in stories)
    last = max(month_of(story) for story in stories)
    if max_months > 0 and (last[0] * 12 + last[1]) - (first[0] * 12 + first[1]) >= max_months:
        first = _back(last, max_months - 1)
    months = [first]
    while months[-1] != last:
        months.append(_next(months[-1]))
    timeline = Timeline(months=months, topics=topics)
    for story in stories:
        month = month_of(story)
        if month < first:
            timeline.omitted_stories += 1
            continue
        timeline.stories[month] = timeline.stories.get(month, 0) + 1
        for topic in story.topics or [NO_TOPIC]:
            key = (month, topic)
            timeline.counts[key] = timeline.counts.get(key, 0) + 1
    return timeline


def _step(top: int) -> int:
    for magnitude in (1, 10, 100, 1000, 10000):
        for factor in (1, 2, 5):
            step = factor * magnitude
            if top / step <= 5:
                return step
    return max(1, math.ceil(top / 5))


def _f(value: float) -> str:
    return f"{value:.1f}".removesuffix(".0")


def _plural(count: int, word: str = "story", plural: str = "stories") -> str:
    return f"{count} {word if count == 1 else plural}"


def _label(topic: str) -> str:
    return NO_TOPIC_LABEL if topic == NO_TOPIC else topic


def _class(topic: str, slugs: Mapping[str, str]) -> str:
    return "seg untagged" if topic == NO_TOPIC else f"seg t-{slugs[topic]}"


def describe(timeline: Timeline) -> str:
    if not timeline.months:
        return "No stories to chart yet."
    total = sum(timeline.stories.values())
    text = (
        f"Stacked bars, one per month from {month_name(timeline.months[0])} to "
        f"{month_name(timeline.months[-1])}, {_plural(total)} in all; each coloured "
        "segment is a topic, and a story with several topics counts once under each."
    )
    if timeline.omitted_stories:
        text += f" {_plural(timeline.omitted_stories)} from earlier months are not shown."
    return text


def render_svg(
    timeline: Timeline, slugs: Mapping[str, str], colors: Mapping[str, str], *, title: str
) -> str:
    """The chart as an inline ``<svg id="timeline">`` element (every text escaped)."""
    count = max(1, len(timeline.months))
    plot_width = max(count * MIN_SLOT, MIN_PLOT_WIDTH)
    slot = plot_width / count
    bar = min(slot * 0.62, 56.0)
    width = LEFT + plot_width + RIGHT
    highest = max((timeline.total(month) for month in timeline.months), default=0)
    step = _step(max(highest, 1))
    top = max(step, math.ceil(highest / step) * step)
    base = TOP + PLOT_HEIGHT

    def y(value: float) -> float:
        return base - value / top * PLOT_HEIGHT

    parts: list[str] = []
    # grid and y axis
    parts.append('<g class="grid">')
    for tick in range(0, top + 1, step):
        parts.append(
            f'<line x1="{LEFT}" x2="{_f(LEFT + plot_width)}" y1="{_f(y(tick))}" '
            f'y2="{_f(y(tick))}"></line>'
            f'<text class="tick" x="{LEFT - 6}" y="{_f(y(tick) + 4)}" '
            f'text-anchor="end">{tick}</text>'
        )
    parts.append(
        f'<text class="axis-title" transform="rotate(-90)" x="{_f(-(TOP + PLOT_HEIGHT / 2))}" '
        f'y="12" text-anchor="middle">{AXIS_TITLE}</text></g>'
    )
    # bars
    parts.append('<g class="bars">')
    for index, month in enumerate(timeline.months):
        key = month_key(month)
        stories = timeline.stories.get(month, 0)
        parts.append(
            f'<g class="month" data-month="{key}">'
            f"<title>{escape(month_name(month))}: {_plural(stories)}</title>"
        )
        x = LEFT + index * slot + (slot - bar) / 2
        stacked = 0
        for topic in timeline.topics:
            value = timeline.counts.get((month, topic), 0)
            if not value:
                continue
            top_y, bottom_y = y(stacked + value), y(stacked)
            slug = "" if topic == NO_TOPIC else slugs[topic]
            parts.append(
                f'<rect class="{_class(topic, slugs)}" data-month="{key}" '
                f'data-topic="{escape(slug)}" data-count="{value}" x="{_f(x)}" '
                f'y="{_f(top_y)}" width="{_f(bar)}" height="{_f(bottom_y - top_y)}" '
                f'fill="{escape(colors[topic])}"><title>{escape(month_name(month))}, '
                f"{escape(_label(topic))}: {_plural(value)}</title></rect>"
            )
            stacked += value
        parts.append("</g>")
    parts.append("</g>")
    # x axis
    parts.append(
        f'<g class="axis"><line x1="{LEFT}" x2="{_f(LEFT + plot_width)}" y1="{base}" '
        f'y2="{base}"></line>'
    )
    for index, month in enumerate(timeline.months):
        center = _f(LEFT + (index + 0.5) * slot)
        parts.append(
            f'<text x="{center}" y="{base + 14}" text-anchor="middle">'
            f"{MONTH_ABBR[month[1] - 1]}</text>"
        )
        if index == 0 or month[1] == 1:
            parts.append(
                f'<text class="year" x="{center}" y="{base + 27}" '
                f'text-anchor="middle">{month[0]}</text>'
            )
    parts.append("</g>")
    # legend
    legend, height = _legend(timeline, colors, width, base + AXIS_HEIGHT + 12)
    parts.append(legend)
    header = (
        f'<svg id="timeline" class="timeline" xmlns="http://www.w3.org/2000/svg" '
        f'viewBox="0 0 {_f(width)} {height}" width="{_f(width)}" height="{height}" '
        'role="img" aria-labelledby="timeline-title timeline-desc">'
        f'<title id="timeline-title">{escape(title)}</title>'
        f'<desc id="timeline-desc">{escape(describe(timeline))}</desc>'
    )
    return header + "".join(parts) + "</svg>"


def _legend(
    timeline: Timeline, colors: Mapping[str, str], width: float, start: int
) -> tuple[str, int]:
    totals: dict[str, int] = {}
    for (_, topic), value in timeline.counts.items():
        totals[topic] = totals.get(topic, 0) + value
    parts = ['<g id="timeline-legend" class="legend">']
    x, row = float(LEFT), 0
    for topic in timeline.topics:
        if topic not in totals:
            continue
        label = f"{_label(topic)} ({totals[topic]})"
        item_width = 18 + len(label) * 6.4 + 16
        if x + item_width > width - RIGHT and x > LEFT:
            x, row = float(LEFT), row + 1
        top = start + row * LEGEND_ROW
        parts.append(
            f'<g class="legend-item"><rect x="{_f(x)}" y="{top}" width="12" height="12" '
            f'rx="2" fill="{escape(colors[topic])}"></rect>'
            f'<text x="{_f(x + 18)}" y="{top + 10}">{escape(label)}</text></g>'
        )
        x += item_width
    parts.append("</g>")
    return "".join(parts), start + (row + 1) * LEGEND_ROW + 4


def render_table(timeline: Timeline) -> str:
    """The chart's numbers as an HTML table: a row per month, a column per topic."""
    topics = [
        topic
        for topic in timeline.topics
        if any(timeline.counts.get((month, topic)) for month in timeline.months)
    ]
    head = "".join(f'<th scope="col">{escape(_label(topic))}</th>' for topic in topics)
    rows = []
    for month in timeline.months:
        cells = "".join(
            f"<td>{timeline.counts.get((month, topic), 0) or ''}</td>" for topic in topics
        )
        rows.append(
            f'<tr data-month="{month_key(month)}"><th scope="row">{escape(month_name(month))}</th>'
            f"{cells}<td>{timeline.stories.get(month, 0)}</td></tr>"
        )
    return (
        '<table class="timeline-table"><thead><tr><th scope="col">Month</th>'
        f'{head}<th scope="col">Stories</th></tr></thead><tbody>{"".join(rows)}</tbody></table>'
    )
