"""Parse ``text/plain`` documents: one article per file.

Decoding copes with every encoding met in practice (see
:func:`aggregator.toolkit.text.decode_text`); the headline, date, dateline, byline,
agency and summary come from the shapes news pages have when saved as text
(see :mod:`aggregator.toolkit.plaintext`). Every line read as metadata, and so
left out of the item's text, is recorded in ``item.removed`` with what it was
read as ("read as metadata: headline", "…: date", "…: byline", "…: header line").
A text that says it is commentary (an opinion column, an editorial, an explainer:
:func:`aggregator.toolkit.piece_kind.commentary_label`) carries that kind in
``item.extras["commentary"]``.

With ``headline = "learned"`` the header's headline is chosen by the learned chooser
(:mod:`aggregator.toolkit.headline_model`, weights fitted on the development halves and
shipped beside it, or a file written by ``scripts/fit_headlines.py --write``): it keeps
the rules' choice unless its best line outscores it by the fitted margin, and the
headline's rule then says "learned ranking". By default the rules choose alone.
"""

from __future__ import annotations

import functools
import re

from aggregator import (
    Config,
    Document,
    Item,
    Option,
    Removal,
    SourceConfig,
    StashKey,
    hookimpl,
    stable_id,
)
from aggregator.toolkit.article_scan import HeadlineChooser
from aggregator.toolkit.fitted_files import load_fitted
from aggregator.toolkit.headline_model import SHIPPED, choose_learned_headline, load_weights
from aggregator.toolkit.piece_kind import commentary_label
from aggregator.toolkit.plaintext import extract_article
from aggregator.toolkit.text import decode_text

NAME = "text_parser"
MEDIA_TYPES = frozenset({"text/plain"})
YEAR = re.compile(r"\b(?:19|20)\d\d\b")
RULES, LEARNED = "rules", "learned"
SCHEMA = {
    "headline": Option(
        str,
        RULES,
        help='who chooses a plain text\'s headline: "rules", or "learned" (the learned'
        " chooser overrides the rules where it is sure; docs/headline_model.md)",
        choices=(RULES, LEARNED),
    ),
    "headline_weights": Option(
        str, "", help="weights file for the learned chooser (scripts/fit_headlines.py --write)"
    ),
}
CHOOSER = StashKey[HeadlineChooser | None]()


@hookimpl
def aggregator_configure(config: Config) -> None:
    options = config.plugin_options(NAME, SCHEMA)
    chooser = None
    if options["headline"] == LEARNED:
        named = options["headline_weights"]
        path = config.resolve(named) if named else SHIPPED
        weights = load_fitted(
            config,
            f"plugins.{NAME}.headline_weights",
            path,
            load_weights,
            "fit one with scripts/fit_headlines.py --write, or remove the key",
        )
        chooser = functools.partial(choose_learned_headline, weights=weights)
    config.stash[CHOOSER] = chooser


@hookimpl(trylast=True)
def aggregator_parse(document: Document, source: SourceConfig, config: Config) -> list[Item] | None:
    if document.media_type not in MEDIA_TYPES:
        return None
    text = decode_text(document.content, document.encoding)
    choose = config.stash.get(CHOOSER, None) if config is not None else None
    article = extract_article(text, reference=document.fetched_at, choose=choose)
    item = Item(
        id=stable_id(source.name, document.uri),
        source=source.name,
        uri=document.uri,
        title=article.title,
        text=article.body,
        summary=article.summary,
        published=article.published,
        authors=list(article.byline),
        outlet=source.outlet or article.outlet,
        dateline=article.dateline,
    )
    if article.date_text and not YEAR.search(article.date_text):
        item.extras["year_inferred"] = True
    if article.agency:
        item.extras["agency"] = article.agency
    if article.title_derived:
        item.extras["title_derived"] = True
    if article.title_from:
        item.extras["title_from"] = dict(zip(("line", "rule"), article.title_from, strict=True))
    if article.date_from:
        item.extras["date_from"] = dict(zip(("line", "rule"), article.date_from, strict=True))
    if article.highlights:
        item.extras["highlights"] = list(article.highlights)
    if kind := commentary_label(_stripped_lines(text, article.lines)):
        item.extras["commentary"] = kind
    item.removed.extend(
        Removal(text=line, rule=f"read as metadata: {what}", plugin=NAME)
        for line, what in article.metadata
    )
    return [item]


def _stripped_lines(text: str, split: list[str]) -> list[str]:
    """The text's lines as ``str.splitlines`` splits them, stripped, blank ones left out:
    ``split``, the lines the reading split at ``\\n``, unless the text holds the two line
    breaks :func:`decode_text` leaves besides ``\\n`` (U+2028, U+2029), which are not ASCII."""
    if text.isascii() or ("\u2028" not in text and "\u2029" not in text):
        return split
    return [line for line in map(str.strip, text.splitlines()) if line]
