"""Give an item whose parser wrote only HTML its plain text, read from that HTML.

``Item.html`` is sanitized where it enters, by the parser
(:func:`aggregator.toolkit.html.sanitize_html`); this plugin does not sanitize
it again. It runs first among the cleaners (``tryfirst``), so that the
boilerplate cleaner then cleans the text derived here. The text is read as
:func:`aggregator.toolkit.html.text_of_sanitized` reads it: paragraphs,
headings, block quotes, lists and tables become paragraphs (separated by a
blank line), list items, table rows and ``<br>`` become lines, entities are
decoded and whitespace is collapsed. A parser that has the original HTML
reads better text from it with :func:`aggregator.toolkit.html.html_to_text`
(blocks the allow-list unwraps still end a paragraph, navigation and form
controls are left out).
"""

from __future__ import annotations

from aggregator import Item, hookimpl
from aggregator.toolkit.html import text_of_sanitized

NAME = "clean_html"


@hookimpl(tryfirst=True)
def aggregator_clean_item(item: Item) -> None:
    if item.html.strip() and not item.text.strip():
        item.text = text_of_sanitized(item.html)
