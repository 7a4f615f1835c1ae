"""The page's stylesheet, and the generated rules that make its topic filters work without JS."""

from __future__ import annotations

from collections.abc import Mapping


def filter_css(slugs: Mapping[str, str]) -> str:
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
.scroll-x { overflow-x: auto; max-width: 100%; }
.scroll-x:focus-visible { outline: 2px solid var(--accent); outline-offset: 2px; }
.chart { color: var(--fg); }
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
  overflow-wrap: anywhere; padding: 1rem 1.25rem; margin: 0 0 1rem; }
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
