"""Publish the stories as one HTML page for people: ``index.html``.

The page needs no JavaScript and no external resource: inline CSS, system
fonts, a layout that fits a phone, and colours that follow the reader's
light or dark preference. It shows, newest first (by the story's date, then
its id):

- each story as ``<article class="story" id="story-<id>">`` (the anchor the
  feeds link to for stories without a link of their own): the title linked
  to the story's link, date, outlet, summary, topics as tags, the full text
  (for stories with no link elsewhere) and "Also reported by";
- a timeline of stories per month by topic, an inline ``<svg id="timeline">``
  (see :mod:`aggregator.toolkit.timeline_svg`) with the same numbers as a table below it;
- topic filters that work without JavaScript, with CSS ``:target``: the chip
  of a topic links to ``#topic-<slug>``, an empty anchor placed before the
  story list, and a generated rule per topic hides the other stories while
  that anchor is the target (``#topic-defence:target ~ main
  .story:not([data-topics~="defence"]) {display: none}``). The URL of a
  filtered view can be shared; "All stories" (``#stories``) clears it;
- ``<link rel="alternate">`` autodiscovery for every feed the project
  publishes: Atom and RSS (``feed_publisher``), JSON Feed
  (``jsonfeed_publisher``) and, when ``[plugins.topic_feeds] enabled``, the
  Atom and RSS feed of each topic.

Every text is HTML-escaped; HTML from items only reaches the page through
:func:`aggregator.toolkit.render.sanitize_html`. The page depends only on the
stories and the configuration, never on the clock.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from html import escape
from pathlib import Path
from typing import Any

from aggregator import Config, FeedInfo, Option, Story, __version__, hookimpl
from aggregator.output import write_atomic
from aggregator.schema import non_negative
from aggregator.toolkit import timeline_svg
from aggregator.toolkit.render import (
    also_reported_html,
    clean_title,
    outlet_name,
    paragraphs_html,
    sanitize_html,
    story_anchor,
    story_link,
    story_summary,
)
from aggregator.toolkit.text import xml_safe

from . import feed_publisher, jsonfeed_publisher, opml_publisher, topic_feeds

NAME = "html_publisher"
SCHEMA = {
    "file": Option(str, "index.html", help="file name of the HTML page in the output directory"),
    "chart_months": Option(
        int,
        24,
        help="months the timeline shows, ending with the newest; 0 shows all",
        check=non_negative,
    ),
}

_settings: dict[str, Any] = {"config": None, **{k: o.default for k, o in SCHEMA.items()}}


@dataclass(frozen=True)
class FeedLink:
    """One feed the page announces: ``<link rel="alternate">`` and a visible link."""

    label: str
    media_type: str
    href: str
    title: str
    topic: str | None = None


@hookimpl
def aggregator_configure(config: Config) -> None:
    _settings.update(config.plugin_options(NAME, SCHEMA), config=config)


@hookimpl
def aggregator_publish(feed: FeedInfo, stories: list[Story], out_dir: Path) -> list[Path]:
    config: Config | None = _settings["config"]
    topics = timeline_svg.topic_order(stories)
    slugs = topic_feeds.topic_slugs(topic for topic in topics if topic)
    page = render_page(
        feed,
        stories,
        feeds=feed_links(config, feed, slugs),
        sources_file=_sources_file(config),
        chart_months=_settings["chart_months"],
    )
    path = out_dir / _settings["file"]
    write_atomic(path, page.encode("utf-8"))
    return [path]


def _loaded(config: Config | None, name: str) -> bool:
    if config is None or config.hooks is None:
        return name != topic_feeds.NAME
    loaded: bool = config.hooks.pm.has_plugin(name)
    return loaded


def _sources_file(config: Config | None) -> str | None:
    if config is None or not _loaded(config, opml_publisher.NAME):
        return None
    return str(config.plugin_options(opml_publisher.NAME, opml_publisher.SCHEMA)["file"])


def feed_links(config: Config | None, feed: FeedInfo, slugs: Mapping[str, str]) -> list[FeedLink]:
    """Every feed this project publishes, relative to the page; without a config, the defaults."""
    links: list[FeedLink] = []
    title = xml_safe(feed.title)
    if _loaded(config, feed_publisher.NAME):
        files = (
            config.plugin_options(feed_publisher.NAME, feed_publisher.SCHEMA)
            if config is not None
            else {key: option.default for key, option in feed_publisher.SCHEMA.items()}
        )
        links.append(FeedLink("Atom", "application/atom+xml", files["atom_file"], title))
        links.append(FeedLink("RSS", "application/rss+xml", files["rss_file"], title))
    if _loaded(config, jsonfeed_publisher.NAME):
        json_file = (
            config.plugin_options(jsonfeed_publisher.NAME, jsonfeed_publisher.SCHEMA)["file"]
            if config is not None
            else jsonfeed_publisher.SCHEMA["file"].default
        )
        links.append(FeedLink("JSON Feed", jsonfeed_publisher.MEDIA_TYPE, json_file, title))
    if config is not None and topic_feeds.enabled_in(config):
        for topic, slug in sorted(slugs.items(), key=lambda pair: pair[1]):
            atom, rss = topic_feeds.topic_feed_files(slug)
            topic_title = f"{title}: {xml_safe(topic)}"
            links.append(FeedLink("Atom", "application/atom+xml", atom, topic_title, topic))
            links.append(FeedLink("RSS", "application/rss+xml", rss, topic_title, topic))
    return links


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
    feeds: Sequence[FeedLink] = (),
    sources_file: str | None = None,
    chart_months: int = 24,
) -> str:
    """The whole page as a string."""
    ordered = newest_first(stories)
    topics = timeline_svg.topic_order(ordered)
    slugs = topic_feeds.topic_slugs(topic for topic in topics if topic)
    colors = timeline_svg.topic_colors(topics)
    counts = {topic: sum(topic in story.topics for story in ordered) for topic in slugs}
    topic_links = {
        link.topic: link for link in feeds if link.topic is not None and link.label == "Atom"
    }
    main_feeds = [link for link in feeds if link.topic is None]
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
            f'title="{escape(label)}" href="{escape(link.href)}">'
        )
    head.append(f"<style>{STYLE}{_filter_css(slugs)}</style>")
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
    body.append(_footer(feed, main_feeds, sources_file))
    body.append("</body>\n</html>\n")
    return "\n".join(head + body)


def _header(feed: FeedInfo, stories: Sequence[Story], feeds: Sequence[FeedLink]) -> str:
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
            f'<a class="feed-link" href="{escape(link.href)}" type="{escape(link.media_type)}">'
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
    parts.append(f'<div class="chart">{svg}</div>')
    parts.append(
        '<details class="chart-data"><summary>The chart as a table</summary>'
        f"{timeline_svg.render_table(data)}</details>"
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
    slugs: Mapping[str, str], counts: Mapping[str, int], topic_links: Mapping[str, FeedLink]
) -> str:
    if not slugs:
        return ""
    parts = ['<div class="filter-statuses">']
    for topic, slug in slugs.items():
        count = counts[topic]
        noun = "story" if count == 1 else "stories"
        feed_link = ""
        if topic in topic_links:
            href = escape(topic_links[topic].href)
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
    byline = [_time(story.published), f'<span class="outlet">{_text(outlet_name(item))}</span>']
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


def _footer(feed: FeedInfo, feeds: Sequence[FeedLink], sources_file: str | None) -> str:
    links = [
        f'<a href="{escape(link.href)}" type="{escape(link.media_type)}">{escape(link.label)}</a>'
        for link in feeds
    ]
    if sources_file:
        links.append(f'<a href="{escape(sources_file)}" type="text/x-opml">Sources (OPML)</a>')
    feeds_line = " · ".join(links)
    return (
        '<footer class="site">\n'
        f"<p>{feeds_line}</p>\n"
        f"<p>Curated and deduplicated by aggregator {escape(__version__)}: one entry per "
        'story, with every outlet that reported it. <a href="#top">Back to top</a></p>\n'
        "</footer>"
    )


def _filter_css(slugs: Mapping[str, str]) -> str:
    """The rules that make each topic anchor a filter while it is the URL's target."""
    if not slugs:
        return ""
    values = list(slugs.values())
    hide = ",\n".join(
        f'#topic-{slug}:target ~ main .story:not([data-topics~="{slug}"])' for slug in values
    )
    active = ",\n".join(f'#topic-{slug}:target ~ nav [data-topic="{slug}"]' for slug in values)
    status = ",\n".join(
        f'#topic-{slug}:target ~ .filter-statuses [data-topic="{slug}"]' for slug in values
    )
    dim = ",\n".join(
        f"body:has(#topic-{slug}:target) #timeline .seg:not(.t-{slug})" for slug in values
    )
    return (
        f"\n{hide} {{ display: none; }}\n"
        f"{dim} {{ opacity: .18; }}\n"
        f"{active} {{ background: var(--fg); color: var(--bg); border-color: var(--fg); }}\n"
        f"{status} {{ display: block; }}\n"
        ".filter-target:target ~ nav .chip-all "
        "{ background: var(--chip); color: inherit; border-color: var(--line); }\n"
    )


STYLE = """
:root {
  color-scheme: light dark;
  --bg: #f7f6f2; --fg: #1f2328; --muted: #5b6169; --line: #dcd9d0;
  --card: #ffffff; --chip: #ecebe5; --accent: #b3401a;
}
@media (prefers-color-scheme: dark) {
  :root {
    --bg: #121417; --fg: #e6e4df; --muted: #9da3ab; --line: #30353b;
    --card: #1a1d21; --chip: #23272c; --accent: #f0875c;
  }
}
* { box-sizing: border-box; }
@media (prefers-reduced-motion: no-preference) { html { scroll-behavior: smooth; } }
body {
  margin: 0; background: var(--bg); color: var(--fg);
  font: 16px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial,
    sans-serif;
}
header.site, #timeline-section, nav.topics, .filter-statuses, main, footer.site {
  max-width: 52rem; margin: 0 auto; padding: 0 1rem;
}
header.site { padding-top: 2.2rem; }
h1 { font-size: clamp(1.7rem, 5vw, 2.5rem); line-height: 1.15; margin: 0 0 .4rem; }
h2 { font-size: 1.05rem; margin: 1.6rem 0 .6rem; }
a { color: var(--accent); }
.description { color: var(--muted); margin: 0 0 .6rem; max-width: 42rem; }
.meta { display: flex; flex-wrap: wrap; gap: .3rem 1.2rem; color: var(--muted);
  font-size: .9rem; margin: 0; }
.feed-link { display: inline-block; padding: 0 .5em; margin-left: .2em; border-radius: .3em;
  background: var(--chip); text-decoration: none; }
.chart { overflow-x: auto; color: var(--fg); }
svg.timeline { display: block; width: 100%; min-width: 40rem; height: auto; }
svg.timeline text { fill: currentColor; font: 11px system-ui, sans-serif; }
svg.timeline .grid line { stroke: currentColor; stroke-opacity: .12; }
svg.timeline .axis line { stroke: currentColor; stroke-opacity: .45; }
svg.timeline .tick, svg.timeline .year, svg.timeline .axis-title { fill-opacity: .7; }
svg.timeline .seg:hover { stroke: currentColor; stroke-width: 1.5; }
.chart-data { font-size: .85rem; color: var(--muted); margin: .4rem 0 0; }
.chart-data table { border-collapse: collapse; margin: .5rem 0; }
.chart-data th, .chart-data td { padding: .15rem .6rem; border-bottom: 1px solid var(--line);
  text-align: right; }
.chart-data th[scope=row], .chart-data thead th:first-child { text-align: left; }
nav.topics { display: flex; flex-wrap: wrap; gap: .4rem; padding-top: 1.4rem;
  padding-bottom: .8rem; }
.chip { display: inline-flex; align-items: center; gap: .35em; padding: .2em .75em;
  border: 1px solid var(--line); border-radius: 999px; background: var(--chip);
  color: inherit; text-decoration: none; font-size: .9rem; }
.chip:hover { border-color: var(--fg); }
.chip-all { background: var(--fg); color: var(--bg); border-color: var(--fg); }
.chip .swatch { width: .7em; height: .7em; border-radius: 50%; background: var(--c); }
.chip .count { opacity: .7; font-variant-numeric: tabular-nums; font-size: .85em; }
.filter-target { display: block; height: 0; }
.filter-status { display: none; margin: 0 0 .8rem; color: var(--muted); }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden;
  clip: rect(0 0 0 0); white-space: nowrap; }
.story { background: var(--card); border: 1px solid var(--line); border-radius: .7rem;
  padding: 1rem 1.25rem; margin: 0 0 1rem; }
.story:target { outline: 3px solid var(--accent); outline-offset: 2px; }
.story-title { font-size: 1.22rem; line-height: 1.3; margin: 0 0 .25rem; }
.story-title a { color: inherit; text-decoration: none; }
.story-title a:hover, .story-title a:focus { text-decoration: underline; }
.byline { color: var(--muted); font-size: .88rem; margin: 0 0 .5rem; }
.summary { margin: .4rem 0; }
.tags { list-style: none; display: flex; flex-wrap: wrap; gap: .35rem; padding: 0;
  margin: .6rem 0 0; }
.tag { display: inline-block; font-size: .8rem; padding: .05em .6em .05em .5em;
  border-radius: 999px; border: 1px solid var(--line); border-left: .45em solid var(--c);
  color: inherit; text-decoration: none; }
.tag:hover { border-color: var(--c); }
details.full { margin: .6rem 0 0; }
details.full summary, .chart-data summary { cursor: pointer; color: var(--accent); }
details.full .body { font-size: .95rem; }
.also { margin-top: .8rem; padding-top: .2rem; border-top: 1px dashed var(--line);
  font-size: .9rem; }
.also h3 { font-size: .75rem; letter-spacing: .06em; text-transform: uppercase;
  color: var(--muted); margin: .6rem 0 .2rem; }
.also ul { margin: 0; padding-left: 1.1rem; }
footer.site { color: var(--muted); font-size: .85rem; padding-top: 1rem;
  padding-bottom: 2.5rem; }
@media (max-width: 36rem) {
  body { font-size: 15px; }
  .story { padding: .85rem .9rem; border-radius: .5rem; }
}
@media print {
  nav.topics, .filter-statuses, details.chart-data { display: none; }
  .story { break-inside: avoid; border-color: #999; }
}
"""
