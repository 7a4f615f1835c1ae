"""The HTML page for people: stories, topic filters, a timeline, links to every feed.

The page needs no JavaScript and no external resource: inline CSS, system
fonts, a layout that fits a phone, and colours that follow the reader's
light or dark preference. It shows, newest first (by the story's date, then
its id):

- each story as ``<article class="story" id="story-<id>">`` (the anchor the
  feeds link to for stories without a link of their own): the title linked
  to the story's link, date ("first seen …" for a story whose reports carry no
  date), outlet (when known), summary, topics as tags, the full text
  (for stories with no link elsewhere) and "Also reported by";
- a timeline of stories per month by topic, an inline ``<svg id="timeline">``
  (see :mod:`aggregator.toolkit.timeline_svg`) with the same numbers as a table below it;
  on a narrow screen each scrolls sideways inside its own box (a keyboard tab stop), and
  long words (URLs) wrap, so the page itself never scrolls sideways;
- topic filters that work without JavaScript, with CSS ``:target``: the chip
  of a topic links to ``#topic-<slug>``, an empty anchor placed before the
  story list, and a generated rule per topic hides the other stories while
  that anchor is the target (``#topic-defence:target ~ main
  .story:not([data-topics~="defence"]) {display: none}``). The URL of a
  filtered view can be shared; "All stories" (``#stories``) clears it;
- a ``<link rel="alternate">`` and a visible link for every feed in
  ``outputs`` (what the project's publishers announce through
  ``aggregator_outputs``), a "Subscribe to this topic" link for each topic
  feed, and a footer link to each subscription list.

Every text is HTML-escaped; HTML from items only reaches the page through
:func:`aggregator.toolkit.render.sanitize_html`. The page depends only on its
arguments, never on the clock.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from html import escape

from .. import __version__
from ..models import FeedInfo, Output, Story
from . import timeline_svg
from .atom_rss import ATOM_TYPE
from .page_style import STYLE, filter_css
from .render import (
    also_reported_html,
    clean_title,
    outlet_name,
    paragraphs_html,
    publication_date,
    sanitize_html,
    story_anchor,
    story_link,
    story_summary,
)
from .text import xml_safe
from .topics import topic_slugs


def newest_first(stories: Sequence[Story]) -> list[Story]:
    return sorted(stories, key=lambda story: (story.published, story.id), reverse=True)


def _text(value: str) -> str:
    return escape(xml_safe(value))


def human_date(value: datetime) -> str:
    return f"{value.day} {timeline_svg.MONTH_NAMES[value.month - 1]} {value.year}"


def _time(value: datetime) -> str:
    return f'<time datetime="{escape(value.isoformat())}">{human_date(value)}</time>'


def render_page(
    feed: FeedInfo,
    stories: Sequence[Story],
    *,
    outputs: Sequence[Output] = (),
    chart_months: int = 24,
) -> str:
    """The whole page as a string, linking the feeds and subscription lists in ``outputs``."""
    ordered = newest_first(stories)
    topics = timeline_svg.topic_order(ordered)
    slugs = topic_slugs(topic for topic in topics if topic)
    colors = timeline_svg.topic_colors(topics)
    counts = {topic: sum(topic in story.topics for story in ordered) for topic in slugs}
    feeds = [output for output in outputs if output.kind == "feed"]
    topic_links = {
        link.topic: link
        for link in feeds
        if link.topic is not None and link.media_type == ATOM_TYPE
    }
    main_feeds = [link for link in feeds if link.topic is None]
    lists = [output for output in outputs if output.kind == "subscriptions"]
    title = _text(feed.title)
    head = [
        "<!DOCTYPE html>",
        f'<html lang="{escape(feed.language or "en")}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="color-scheme" content="light dark">',
        f'<meta name="generator" content="aggregator {escape(__version__)}">',
        f"<title>{title}</title>",
        f'<meta name="description" content="{_text(feed.description)}">',
    ]
    for link in feeds:
        label = f"{link.title} ({link.label})"
        head.append(
            f'<link rel="alternate" type="{escape(link.media_type)}" '
            f'title="{escape(label)}" href="{escape(link.file)}">'
        )
    head.append(f"<style>{STYLE}{filter_css(slugs)}</style>")
    head.append("</head>")

    body = ['<body id="top">', _header(feed, ordered, main_feeds)]
    body.append(_timeline_section(ordered, topics, slugs, colors, chart_months))
    body.extend(f'<span class="filter-target" id="topic-{slug}"></span>' for slug in slugs.values())
    body.append(_filters(ordered, topics, slugs, colors, counts))
    body.append(_filter_statuses(slugs, counts, topic_links))
    body.append('<main id="stories">')
    body.append('<h2 class="visually-hidden">Stories</h2>')
    if not ordered:
        body.append('<p class="empty">No stories yet.</p>')
    body.extend(_story(feed, story, slugs, colors) for story in ordered)
    body.append("</main>")
    body.append(_footer(main_feeds, lists))
    body.append("</body>\n</html>\n")
    return "\n".join(head + body)


def _header(feed: FeedInfo, stories: Sequence[Story], feeds: Sequence[Output]) -> str:
    parts = [
        '<header class="site">',
        f"<h1>{_text(feed.title)}</h1>",
        f'<p class="description">{_text(feed.description)}</p>',
        '<p class="meta">',
        f"<span>{len(stories)} {'story' if len(stories) == 1 else 'stories'}</span>",
    ]
    if feed.updated is not None:
        parts.append(f"<span>updated {_time(feed.updated)}</span>")
    if feeds:
        subscribe = " ".join(
            f'<a class="feed-link" href="{escape(link.file)}" type="{escape(link.media_type)}">'
            f"{escape(link.label)}</a>"
            for link in feeds
        )
        parts.append(f'<span class="subscribe">Subscribe: {subscribe}</span>')
    parts.extend(["</p>", "</header>"])
    return "\n".join(parts)


def _timeline_section(
    stories: Sequence[Story],
    topics: list[str],
    slugs: Mapping[str, str],
    colors: Mapping[str, str],
    chart_months: int,
) -> str:
    parts = ['<section id="timeline-section" aria-labelledby="timeline-heading">']
    parts.append('<h2 id="timeline-heading">Stories per month, by topic</h2>')
    if not stories:
        parts.append("<p>No stories to chart yet.</p></section>")
        return "\n".join(parts)
    data = timeline_svg.build_timeline(list(stories), topics, max_months=chart_months)
    svg = timeline_svg.render_svg(data, slugs, colors, title="Stories per month, by topic")
    # Wider than a phone: each scrolls sideways on its own, a tab stop so keyboards reach it.
    parts.append(
        '<div class="chart scroll-x" tabindex="0" role="region" '
        f'aria-label="Chart: stories per month, by topic">{svg}</div>'
    )
    parts.append(
        '<details class="chart-data"><summary>The chart as a table</summary>'
        '<div class="scroll-x" tabindex="0" role="region" aria-label="The chart as a table">'
        f"{timeline_svg.render_table(data)}</div></details>"
    )
    parts.append("</section>")
    return "\n".join(parts)


def _filters(
    stories: Sequence[Story],
    topics: list[str],
    slugs: Mapping[str, str],
    colors: Mapping[str, str],
    counts: Mapping[str, int],
) -> str:
    if not slugs:
        return ""
    chips = [
        f'<a class="chip chip-all" href="#stories">All stories '
        f'<span class="count">{len(stories)}</span></a>'
    ]
    for topic in topics:
        if not topic:
            continue
        slug = slugs[topic]
        chips.append(
            f'<a class="chip" href="#topic-{slug}" data-topic="{slug}" '
            f'style="--c:{escape(colors[topic])}"><span class="swatch" aria-hidden="true">'
            f'</span>{_text(topic)} <span class="count">{counts[topic]}</span></a>'
        )
    return (
        '<nav id="filters" class="topics" aria-label="Filter stories by topic">\n'
        + "\n".join(chips)
        + "\n</nav>"
    )


def _filter_statuses(
    slugs: Mapping[str, str], counts: Mapping[str, int], topic_links: Mapping[str, Output]
) -> str:
    if not slugs:
        return ""
    parts = ['<div class="filter-statuses">']
    for topic, slug in slugs.items():
        count = counts[topic]
        noun = "story" if count == 1 else "stories"
        feed_link = ""
        if topic in topic_links:
            href = escape(topic_links[topic].file)
            feed_link = f' · <a href="{href}">Subscribe to this topic</a>'
        parts.append(
            f'<p class="filter-status" data-topic="{slug}">Showing {count} {noun} about '
            f'<strong>{_text(topic)}</strong> · <a href="#stories">Show all</a>{feed_link}</p>'
        )
    parts.append("</div>")
    return "\n".join(parts)


def _story_href(feed: FeedInfo, story: Story) -> str:
    """The story's link; for a story with no link of its own, its anchor on this page."""
    if not story.representative.link:
        return "#" + story_anchor(story)
    return story_link(feed, story)


def _story(
    feed: FeedInfo, story: Story, slugs: Mapping[str, str], colors: Mapping[str, str]
) -> str:
    item = story.representative
    href = _story_href(feed, story)
    title = escape(clean_title(item))
    if href.startswith("#"):
        title_link = f'<a href="{escape(href)}">{title}</a>'
    else:
        title_link = sanitize_html(f'<a href="{escape(href)}">{title}</a>')
    topic_slugs = " ".join(slugs[topic] for topic in story.topics)
    published = publication_date(story)
    if published is not None:
        byline = [_time(published)]
    else:
        byline = [f'<span class="first-seen">first seen {_time(story.published)}</span>']
    outlet = outlet_name(item)
    if outlet:
        byline.append(f'<span class="outlet">{_text(outlet)}</span>')
    if item.authors:
        byline.append(f'<span class="authors">by {_text(", ".join(item.authors))}</span>')
    if story.members:
        byline.append(f'<span class="reports">{len(story.items)} reports</span>')
    parts = [
        f'<article class="story" id="{escape(story_anchor(story))}" '
        f'data-story-id="{escape(story.id)}" data-topics="{topic_slugs}" '
        f'data-published="{escape(story.published.isoformat())}">',
        f'<h3 class="story-title">{title_link}</h3>',
        '<p class="byline">' + ' <span aria-hidden="true">·</span> '.join(byline) + "</p>",
    ]
    summary = story_summary(story)
    if summary:
        parts.append(f'<p class="summary">{escape(summary)}</p>')
    if story.topics:
        tags = "".join(
            f'<li><a class="tag" href="#topic-{slugs[topic]}" data-topic="{slugs[topic]}" '
            f'style="--c:{escape(colors[topic])}">{_text(topic)}</a></li>'
            for topic in story.topics
        )
        parts.append(f'<ul class="tags" aria-label="Topics">{tags}</ul>')
    if not item.link:
        body = sanitize_html(item.html or paragraphs_html(item.text))
        if body:
            parts.append(
                '<details class="full"><summary>Read the report</summary>'
                f'<div class="body">{body}</div></details>'
            )
    also = also_reported_html(story)
    if also:
        parts.append(f'<section class="also">{sanitize_html(also)}</section>')
    parts.append("</article>")
    return "\n".join(parts)


def _footer(feeds: Sequence[Output], lists: Sequence[Output]) -> str:
    links = [
        f'<a href="{escape(link.file)}" type="{escape(link.media_type)}">{escape(link.label)}</a>'
        for link in [*feeds, *lists]
    ]
    feeds_line = " · ".join(links)
    return (
        '<footer class="site">\n'
        f"<p>{feeds_line}</p>\n"
        f"<p>Curated and deduplicated by aggregator {escape(__version__)}: one entry per "
        'story, with every outlet that reported it. <a href="#top">Back to top</a></p>\n'
        "</footer>"
    )
