"""Removing what is not article text from a parsed page: navigation, ads, share bars, comments.

Blocks go by tag, ``role``, hidden state and the words of ``class`` and
``id``; teasers that may list other articles are kept but marked
:data:`~aggregator.toolkit.pages.dom.SOFT`, left out of the text and
kept for link finding.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Final

import lxml.etree

from .dom import (
    _WEAK_JUNK,
    CODE_TOKENS,
    SOFT,
    Element,
    _class_words,
    _drop,
    _word_kinds,
)

JUNK_TAGS: Final = frozenset({"nav", "header", "footer", "aside", "form", "menu", "dialog"})
"""Removed too, unless they hold the article (ASP.NET pages wrap everything in a form)."""

_JUNK_ROLES: Final = frozenset(
    {"navigation", "menu", "menubar", "banner", "contentinfo", "complementary", "search",
     "dialog", "alertdialog", "toolbar", "tablist"}
)  # fmt: skip


_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)

_VERDICT_ATTRIBUTES: Final = frozenset({"class", "id", "role", "style", "hidden", "aria-hidden"})


def _remove_boilerplate(root: Element, primary: Element | None, *, class_words: bool) -> None:
    """Drop blocks that are not article text, or mark them :data:`SOFT`.

    Decided by tag (nav, header, footer, aside, form...), role, hidden state,
    and the words of the class and id. Never the primary article nor its
    ancestors; a block holding half the page's paragraphs only for a hard
    word (comments, share, ads...) without a word that says "content"; never
    for its class words a block holding more than half the page's text.
    """
    protected: set[Element] = set()
    if primary is not None:
        protected = {primary, *primary.iterancestors()}
    body = next(root.iter("body"), root)
    page_paragraphs = body.xpath("count(descendant::p)")
    page_text = _text_length(body)
    code = set(body.xpath(CODE_TOKENS))
    verdicts = []
    for el in body.iter(lxml.etree.Element):
        if el.tag not in JUNK_TAGS:
            attributes = el.attrib
            if not attributes or _VERDICT_ATTRIBUTES.isdisjoint(attributes.keys()):
                continue
        if el in protected or el is body or el in code:
            continue

        def large(el: Element = el) -> bool:
            return bool(page_paragraphs and el.xpath("count(descendant::p)") * 2 >= page_paragraphs)

        def holds_most_text(el: Element = el) -> bool:
            return _text_length(el) * 2 > page_text

        if verdict := _junk_verdict(el, large, holds_most_text, class_words=class_words):
            verdicts.append((el, verdict))
    spared = _spared_layout_words(verdicts, page_text)
    for el, verdict in verdicts:
        if el in spared:
            continue
        if verdict == "soft":
            el.set(SOFT, "1")
        else:
            _drop(el)


def _spared_layout_words(verdicts: list[tuple[Element, str]], page_text: int) -> set[Element]:
    """The blocks a layout word would remove that together hold most of the page's text.

    A weak word ("widget", "sidebar", "rail") names a part of a site's template,
    and some templates give it to every block, the article's paragraphs too
    (page builders, editors that wrap each figure and its text in a "widget").
    One block holding most of the text is spared by :func:`_junk_verdict`; this
    spares a word's blocks when, together, they would hold more than half of
    the text left on the page once every other verdict is applied.
    """
    groups: dict[str, list[Element]] = {}
    for el, verdict in verdicts:
        if verdict == "weak" and (match := _WEAK_JUNK.search(_class_words(el))):
            groups.setdefault(match.group(), []).append(el)
    if not groups:
        return set()
    outermost: set[Element] = set()
    inside: set[Element] = set()
    for el, _ in verdicts:  # in document order: an ancestor comes before what it holds
        if el not in inside:
            outermost.add(el)
            inside.update(el.iter())
    removed = sum(_text_length(el) for el in outermost)
    spared: set[Element] = set()
    for group in groups.values():
        held = sum(_text_length(el) for el in group if el in outermost)
        if held * 2 > page_text - removed + held:
            spared.update(group)
    return spared


def _text_length(el: Element) -> int:
    return sum(len(piece.strip()) for piece in el.itertext())


def _junk_verdict(
    el: Element,
    large: Callable[[], bool],
    holds_most_text: Callable[[], bool],
    *,
    class_words: bool = True,
) -> str | None:
    """ "hard" (drop), "weak" (drop for a layout word, see :func:`_spared_layout_words`),
    "soft" (leave out of the text, keep for links) or None (keep).

    ``large()`` tells whether the block holds half the page's paragraphs,
    ``holds_most_text()`` whether it holds more than half the page's text: a
    class word never removes that block, since it is the page (a post wrapper
    whose taxonomy class says "advertising", a blog engine's "widget").
    """
    tag = el.tag
    if tag in JUNK_TAGS:
        if tag == "header" and next(el.iterancestors("article"), None) is not None:
            return "soft"  # the head of an <article> card: its headline link is wanted
        if tag not in ("form", "header", "dialog") or not large():
            return "hard"
    if el.get("hidden") is not None or _HIDDEN_STYLE.search(el.get("style") or ""):
        return "hard"
    role = (el.get("role") or "").lower() in _JUNK_ROLES
    aria_hidden = (el.get("aria-hidden") or "").lower() == "true"
    if (role or aria_hidden) and not large():
        return "hard"
    words = _class_words(el) if class_words else ""
    if not words:
        return None
    hard, soft, weak, positive = _word_kinds(words)
    if (hard or soft or weak) and holds_most_text():
        return None
    if hard and not (positive and large()):
        return "hard"
    if soft and not (positive and large()):
        return "soft"
    if weak and not (positive or large()):
        return "weak"
    return None
