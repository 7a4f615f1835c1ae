"""Which block of a cleaned page holds its main text: text statistics and density scoring."""

from __future__ import annotations

from typing import Final

import lxml.etree

from .dom import (
    BLOCK_TAGS,
    MIN_CONTENT,
    MIN_PARAGRAPH,
    SOFT,
    Element,
    _class_words,
    _loose_text,
    _main_element,
    _text,
    _word_kinds,
)

PARAGRAPH_TAGS: Final = frozenset({"p", "pre"})
"""Always paragraphs; the blocks in :data:`LEAF_CONTAINERS` count as one when they hold no block."""


LEAF_CONTAINERS: Final = frozenset({"div", "section", "td", "blockquote", "article", "dd"})


class _Stats:
    """Per element: visible characters, characters in links, paragraph characters.

    ``para`` counts the text outside links of the paragraphs in a subtree:
    ``<p>``, ``<pre>``, blocks of :data:`LEAF_CONTAINERS` that hold no block,
    and the loose text of those that do (text between their blocks, as in a
    body split by ``<br>`` rather than ``<p>``), when it reaches
    :data:`MIN_PARAGRAPH` characters; ``loose`` holds that length for such a
    block. ``paragraphs`` lists the paragraphs of :data:`MIN_PARAGRAPH`
    characters or more. Blocks marked :data:`SOFT` and what they hold count
    for nothing.
    """

    def __init__(self, root: Element) -> None:
        self.total: dict[Element, int] = {}
        self.links: dict[Element, int] = {}
        self.para: dict[Element, int] = {}
        self.loose: dict[Element, int] = {}
        self.paragraphs: list[Element] = []
        soft = set(root.xpath(f"descendant-or-self::*[@{SOFT}]/descendant-or-self::*"))
        # The list keeps the lxml proxies alive, so that they stay valid dict keys.
        self._elements = list(root.iter(lxml.etree.Element))
        has_block: set[Element] = set()
        outside_blocks: dict[Element, int] = {}
        total, links, para = self.total, self.links, self.para
        for el in reversed(self._elements):  # reversed document order: children first
            if soft and el in soft:
                continue
            own = total.get(el, 0)
            text_length = len(el.text.strip()) if el.text else 0
            own += text_length
            total[el] = own
            tag = el.tag
            link = links.get(el, 0)
            if tag == "a":
                link = links[el] = own
            if tag in PARAGRAPH_TAGS or (tag in LEAF_CONTAINERS and el not in has_block):
                para[el] = own - link
                if own >= MIN_PARAGRAPH:
                    self.paragraphs.append(el)
            elif tag in LEAF_CONTAINERS:
                loose = outside_blocks.get(el, 0) + text_length
                if loose >= MIN_PARAGRAPH:
                    para[el] = para.get(el, 0) + loose
                    self.loose[el] = loose
                    self.paragraphs.append(el)
            parent = el.getparent()
            if parent is None:
                continue
            tail_length = len(el.tail.strip()) if el.tail else 0
            own += tail_length
            total[parent] = total.get(parent, 0) + own
            if link:
                links[parent] = links.get(parent, 0) + link
            if text_in_paragraphs := para.get(el):
                para[parent] = para.get(parent, 0) + text_in_paragraphs
            if tag in BLOCK_TAGS:
                has_block.add(parent)
                outside_blocks[parent] = outside_blocks.get(parent, 0) + tail_length
            else:  # inline: its text outside links and paragraphs is its parent's loose text
                inline = own - link - para.get(el, 0)
                outside_blocks[parent] = outside_blocks.get(parent, 0) + inline
        self.paragraphs.reverse()

    def link_density(self, el: Element) -> float:
        total = self.total.get(el, 0)
        return self.links.get(el, 0) / total if total else 0.0


def _choose_content(
    root: Element, primary: Element | None, stats: _Stats, *, class_words: bool = True
) -> Element | None:
    """The element holding the main text of a cleaned tree, None if it has no paragraph.

    Without ``class_words`` the blocks' class and id words neither add nor take
    score (a page read again because they left it without an article)."""
    scope = next(root.iter("body"), root)
    for preferred in (primary, _main_element(root)):
        if preferred is not None and stats.para.get(preferred, 0) >= MIN_CONTENT:
            scope = preferred
            break
    winner = _best_candidate(scope, stats, class_words=class_words)
    if winner is None:
        return scope if stats.para.get(scope, 0) else None
    # Climb while the winner holds under two thirds of its scope's text (a body in
    # sections), but never out of an <article> that is a whole (see _is_whole).
    while (
        winner is not scope
        and not _is_whole(winner)
        and stats.para.get(winner, 0) * 3 < stats.para.get(scope, 0) * 2
    ):
        parent = winner.getparent()
        if parent is None or stats.link_density(parent) > 0.3:
            break
        winner = parent
    return winner


_STORY_HEADING: Final = (
    "boolean(descendant::h1 | descendant::*[self::h2 or self::h3 or self::h4]/a)"
)
"""A story of its own: a headline (``<h1>``) or a heading that links elsewhere (a teaser)."""


def _is_whole(el: Element) -> bool:
    """Whether a block is a whole article, not to be climbed out of: ``<main>``, and an
    ``<article>`` unless it is one of several sibling ``<article>`` elements none of which is
    a story of its own (no ``<h1>``, no linked heading): the sections of one page (tabs,
    accordions, chapters), which a page builder may each mark up as an article."""
    if el.tag == "main":
        return True
    if el.tag != "article":
        return False
    parent = el.getparent()
    siblings = [] if parent is None else [child for child in parent if child.tag == "article"]
    return len(siblings) < 2 or any(sibling.xpath(_STORY_HEADING) for sibling in siblings)


def _best_candidate(scope: Element, stats: _Stats, *, class_words: bool) -> Element | None:
    """Text-density scoring: a paragraph credits its parent fully and its grandparent half.

    A paragraph scores 1, plus one per comma, plus one per 100 characters
    (up to three); a candidate's class words add or take 25; the total is
    scaled by the share of its text outside links.
    """
    body = scope.getroottree().getroot().find("body")
    inside = None if scope is body else set(scope.iter(lxml.etree.Element))
    scores: dict[Element, float] = {}
    for paragraph in stats.paragraphs:
        if inside is not None and paragraph not in inside:
            continue
        loose = paragraph in stats.loose
        text = _loose_text(paragraph) if loose else _text(paragraph)
        score = 1 + text.count(",") + min(len(text) // 100, 3)
        # Loose text lies in its block itself, a paragraph's in the paragraph's parent.
        parent = paragraph if loose else paragraph.getparent()
        for share in (1.0, 0.5):
            if parent is None or (inside is not None and parent not in inside):
                break
            if parent not in scores:
                scores[parent] = _class_weight(parent, class_words=class_words)
            scores[parent] += score * share
            parent = parent.getparent()
    if not scores:
        return None
    return max(scores, key=lambda el: scores[el] * (1 - stats.link_density(el)))


def _class_weight(el: Element, *, class_words: bool) -> float:
    hard, soft, weak, positive = _word_kinds(_class_words(el) if class_words else "")
    weight = 0.0
    if positive:
        weight += 25
    if hard or soft or weak:
        weight -= 25
    if el.tag in ("article", "main"):
        weight += 10
    return weight
