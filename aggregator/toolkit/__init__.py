"""The library that plugins share: public, documented, one home for each piece.

Built-in plugins are thin adapters over these modules, and a plugin of
yours may use them the same way (docs/toolkit.md lists what each offers).
Nothing here calls a hook or touches the store: every function takes its
input and its settings as arguments, so it can be tested and reused alone.

- :mod:`~aggregator.toolkit.text`: decoding, normalising, squashing and cutting text.
- :mod:`~aggregator.toolkit.dates`: dates in every form news text and feeds write them.
- :mod:`~aggregator.toolkit.html`: the one HTML allow-list, and plain text read from HTML.
- :mod:`~aggregator.toolkit.terms`: matching a vocabulary of terms in text.
- :mod:`~aggregator.toolkit.plaintext`: reading a plain-text article.
- :mod:`~aggregator.toolkit.lines`: normalising, folding and keying lines of news text; line shapes.
- :mod:`~aggregator.toolkit.boilerplate`: the rules that tell page furniture from article lines.
- :mod:`~aggregator.toolkit.boilerplate_learning`: learning each outlet's repeated lines.
- :mod:`~aggregator.toolkit.boilerplate_cleaner`: removing boilerplate lines from a text.
- :mod:`~aggregator.toolkit.minhash`: MinHash signatures and a banded index of near-duplicates.
- :mod:`~aggregator.toolkit.story_evidence`: keys, names and figures that tie reports to an event.
- :mod:`~aggregator.toolkit.pages`: reading HTML pages: decoding, parsing, main text,
  listings, links, feeds (a package, one module per concern).
- :mod:`~aggregator.toolkit.feed_safety`: the checks a feed passes before it is parsed.
- :mod:`~aggregator.toolkit.feed_entries`: the feed parsers' results read into one shape.
- :mod:`~aggregator.toolkit.feed_items`: feed entries made into items (cleaned, capped, linked).
- :mod:`~aggregator.toolkit.fetching`: HTTP with a deadline, a size cap and the address guard.
- :mod:`~aggregator.toolkit.addresses`: the address guard: resolve a host, vet every address.
- :mod:`~aggregator.toolkit.deadline`: one total time budget per fetch, and its watchdog.
- :mod:`~aggregator.toolkit.transport`: the requests adapter that connects only to vetted addresses.
- :mod:`~aggregator.toolkit.scheduling`: retry backoff, and running fetches concurrently per host.
- :mod:`~aggregator.toolkit.web`: fetching a source politely, with its remembered state.
- :mod:`~aggregator.toolkit.opml`: reading subscription lists, and writing a project's.
- :mod:`~aggregator.toolkit.render`: what every publisher says about a story.
- :mod:`~aggregator.toolkit.atom_rss`: Atom and RSS feeds from stories, with feedgen.
- :mod:`~aggregator.toolkit.topics`: topic slugs, and stories grouped by topic.
- :mod:`~aggregator.toolkit.story_page`: the HTML page for people
  (:mod:`~aggregator.toolkit.page_style` is its stylesheet).
- :mod:`~aggregator.toolkit.timeline_svg`: the stories-per-month chart.

Modules are imported on demand; importing this package imports none of them.
"""
