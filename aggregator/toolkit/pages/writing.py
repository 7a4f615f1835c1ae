"""Writing a page's main content as simple HTML: paragraphs, headings, lists, quotes, tables."""

from __future__ import annotations

import copy
import html as htmllib
import re
from typing import Final

import lxml.etree

from aggregator.toolkit.render import sanitize_html

from .dom import (
    _SPACE,
    BLOCK_TAGS,
    CODE_TOKENS,
    HEADINGS,
    SOFT,
    Element,
    _absolute,
    _class_words,
    _drop,
    _site_key,
    _squash,
    _text,
)
from .scoring import _Stats

_IN_CONTENT_JUNK = re.compile(
    r"(?<![a-z])(?:byline|author|authors|timestamp|entry-meta|post-meta|article-meta|meta"
    r"|credit|read-more|readmore|also-read|see-also)(?![a-z])"
)
"""Inside the chosen content: blocks that the metadata fields already carry."""


MAX_NESTING: Final = 40
"""Kept structure (lists, quotes, tables) nested deeper than this is flattened."""


_EMPTY_BLOCK = re.compile(r"<(p|h2|h3|h4|li|blockquote|figcaption|figure|ul|ol)>(?:\s|<br>)*</\1>")


_STRUCTURE: Final = {
    "p": "p", "h1": "h2", "h2": "h2", "h3": "h3", "h4": "h4", "h5": "h4", "h6": "h4",
    "ul": "ul", "ol": "ol", "li": "li", "blockquote": "blockquote", "pre": "pre",
    "figure": "figure", "figcaption": "figcaption", "dt": "p", "dd": "p", "table": "table",
    "thead": "thead", "tbody": "tbody", "tfoot": "tbody", "tr": "tr", "td": "td", "th": "th",
}  # fmt: skip
"""Blocks written out (as what); other blocks are unwrapped."""


_INLINE: Final = {
    "b": "b", "strong": "strong", "i": "i", "em": "em", "u": "u", "s": "s", "strike": "s",
    "del": "s", "sub": "sub", "sup": "sup", "code": "code", "q": "q", "cite": "cite",
    "abbr": "abbr", "small": "small", "kbd": "code", "samp": "code", "tt": "code",
    "ins": "u", "mark": "em",
}  # fmt: skip
"""Inline elements written out (as what); other inline elements are unwrapped."""


_NO_TEXT: Final = frozenset({"ul", "ol", "table", "thead", "tbody", "tr"})
"""Output contexts where loose text and inline elements have no place."""


_FLOW: Final = frozenset({"", "blockquote", "figure"})
"""Output contexts where loose text gets a paragraph of its own."""


_PARENTS: Final = {
    "li": frozenset({"ul", "ol"}),
    "thead": frozenset({"table"}),
    "tbody": frozenset({"table"}),
    "tr": frozenset({"table", "thead", "tbody"}),
    "td": frozenset({"tr"}),
    "th": frozenset({"tr"}),
    "figcaption": frozenset({"figure"}),
}


_BLOCK_PARENTS: Final = frozenset({"", "blockquote", "li", "td", "th", "figure"})


_LAYOUT_TABLE = "boolean(.//table|.//p|.//div|.//ul|.//ol|.//h1|.//h2|.//h3|.//blockquote)"


def _content_html(content: Element, base: str, titles: set[str]) -> str:
    """The main content as simple, sanitized HTML (written from a cleaned copy)."""
    tree = copy.deepcopy(content)
    tree.tail = None
    for el in tree.xpath(f"descendant-or-self::*[@{SOFT}]"):
        if el is not tree:
            _drop(el)
    _clean_content(tree, {_site_key(t) for t in titles if t})
    return sanitize_html(_Writer(base).write(tree))


def _clean_content(tree: Element, titles: set[str]) -> None:
    """Inside the chosen content, drop the headline, bylines, link lists, runs of teaser
    cards and image captions (with their photo credits)."""
    stats = _Stats(tree)
    h1s = list(tree.iter("h1"))
    code = set(tree.xpath(CODE_TOKENS))
    doomed = []
    for el in tree.iter(lxml.etree.Element):
        if el is tree or not isinstance(el.tag, str) or el in code:
            continue
        tag = el.tag
        total = stats.total.get(el, 0)
        headline = tag in HEADINGS and (_site_key(_text(el)) in titles or h1s == [el])
        metadata = total < 300 and _IN_CONTENT_JUNK.search(_class_words(el)) is not None
        link_list = (
            tag in ("div", "section", "ul", "ol", "table", "dl")
            and stats.link_density(el) > 0.5
            and stats.para.get(el, 0) < 200
        )
        if headline or metadata or link_list:
            doomed.append(el)
    doomed.extend(_teaser_cards(tree, stats))
    doomed.extend(
        tree.iter("figcaption")
    )  # the images are not kept: their captions would be orphans
    for el in doomed:
        _drop(el)


def _teaser_cards(tree: Element, stats: _Stats) -> list[Element]:
    """Runs of teaser cards inside the content: "you may also like", "latest posts".

    A card is the largest block around a heading that is one link to another page
    and around no other such heading (a heading alone is no card: an article's own
    sections may have linked headings); a run is :data:`MIN_TEASER_RUN` or more cards
    side by side, each with under :data:`MAX_TEASER_TEXT` characters besides its
    heading (an excerpt, a date), and holding under half the content's text (else
    the content is the listing, a question for ``looks_like_listing``).
    """
    headings = [h for h in tree.iter(*TEASER_HEADINGS) if _is_link_heading(h)]
    holding: dict[Element, int] = {}  # link headings inside each ancestor of one
    for heading in headings:
        for ancestor in heading.iterancestors():
            holding[ancestor] = holding.get(ancestor, 0) + 1
    cards: dict[Element, list[Element]] = {}
    for heading in headings:
        card = heading
        while (parent := card.getparent()) is not None and parent is not tree:
            if holding[parent] > 1:
                break
            card = parent
        if card is not heading and card.getparent() is not None:
            cards.setdefault(card.getparent(), []).append(card)
    runs = []
    for group in cards.values():
        short = [
            card
            for card in group
            if stats.total.get(card, 0) - len(_text_of_headings(card)) < MAX_TEASER_TEXT
        ]
        if len(short) >= MIN_TEASER_RUN:
            runs.append(short)
    content_text = stats.total.get(tree, 0)
    return [
        card
        for run in runs
        if sum(stats.total.get(card, 0) for card in run) * 2 < content_text
        for card in run
    ]


TEASER_HEADINGS: Final = ("h2", "h3", "h4", "h5", "h6")


MIN_TEASER_RUN: Final = 3


MAX_TEASER_TEXT: Final = 500


def _is_link_heading(heading: Element) -> bool:
    """A heading whose words are all one link's (a teaser's headline), of three words or more."""
    links = [a for a in heading.iter("a") if a.get("href") and not a.get("href").startswith("#")]
    if len(links) != 1:
        return False
    text = _squash(_text(heading))
    return len(text.split()) >= 3 and _squash(_text(links[0])) == text


def _text_of_headings(card: Element) -> str:
    return "".join(_squash(_text(h)) for h in card.iter(*TEASER_HEADINGS))


class _Writer:
    """Writes an element's content as flat HTML: known structure kept, other blocks unwrapped.

    Loose text gets a paragraph of its own, two ``<br>`` in a row end one, a
    table holding blocks is taken for layout and unwrapped, and structure is
    only opened where it is valid, so that the sanitizer has nothing to
    repair. One pass over start and end events, no recursion.
    """

    def __init__(self, base: str) -> None:
        self.base = base
        self.out: list[str] = []
        self.stack: list[str] = []
        """Open output tags; ``"p*"`` is a paragraph opened for loose text."""

    @property
    def top(self) -> str:
        return self.stack[-1] if self.stack else ""

    def write(self, root: Element) -> str:
        frames: list[str | None] = []
        for event, el in lxml.etree.iterwalk(root, events=("start", "end")):
            tag = el.tag if isinstance(el.tag, str) else ""
            if event == "start":
                frames.append(self.start(el, tag) if el is not root else None)
                self.text(el.text)
                continue
            opened = frames.pop()
            if opened is not None:
                self.close(opened)
            elif tag in BLOCK_TAGS:
                self.boundary()
            if el is not root:
                self.text(el.tail)
        while self.stack:
            self.close(self.stack[-1])
        markup = "".join(self.out)
        for _ in range(3):
            markup = _EMPTY_BLOCK.sub("", markup)
        return markup

    def start(self, el: Element, tag: str) -> str | None:
        if tag == "br":
            self.line_break()
            return None
        if tag == "a" or tag in _INLINE:
            href = _absolute(el.get("href"), self.base) if tag == "a" else None
            if self.top in _NO_TEXT or (tag == "a" and href is None):
                return None
            self.inline_context()
            inline = "a" if href else _INLINE[tag]
            self.out.append(f'<a href="{htmllib.escape(href)}">' if href else f"<{inline}>")
            self.stack.append(inline)
            return inline
        name: str | None = _STRUCTURE.get(tag)
        if name == "table" and el.xpath(_LAYOUT_TABLE):
            name = None  # a layout table: its cells are just blocks
        if name is None or len(self.stack) >= MAX_NESTING or not self.can_open(name):
            if tag in BLOCK_TAGS:
                self.boundary()
            return None
        if self.top == "p*":
            self.close("p*")
        self.out.append(f"<{name}>")
        self.stack.append(name)
        return name

    def line_break(self) -> None:
        if self.top in _FLOW or self.top in _NO_TEXT:
            return
        last = next((token for token in reversed(self.out) if token != " "), "")
        if self.top == "p*" and last == "<br>":
            while self.out[-1] != "<br>":
                self.out.pop()
            self.out.pop()
            self.close("p*")
        else:
            self.out.append("<br>")

    def can_open(self, name: str) -> bool:
        top = "" if self.top == "p*" else self.top
        allowed = _PARENTS.get(name)
        return top in allowed if allowed is not None else top in _BLOCK_PARENTS

    def boundary(self) -> None:
        if self.top == "p*":
            self.close("p*")
        elif self.top and self.top not in _FLOW and self.top not in _NO_TEXT:
            self.out.append(" ")

    def inline_context(self) -> None:
        if self.top in _FLOW:
            self.out.append("<p>")
            self.stack.append("p*")

    def text(self, text: str | None) -> None:
        if not text or self.top in _NO_TEXT:
            return
        if not text.strip():
            if self.top not in _FLOW:
                self.out.append(" ")
            return
        self.inline_context()
        if "pre" not in self.stack:
            text = _SPACE.sub(" ", text)
        self.out.append(htmllib.escape(text, quote=False))

    def close(self, name: str) -> None:
        while self.stack:
            top = self.stack.pop()
            self.out.append("</p>" if top == "p*" else f"</{top}>")
            if top == name:
                return
