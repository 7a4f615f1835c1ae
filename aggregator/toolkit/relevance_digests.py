"""A digest of numbered stories read by its first story: what its headline and its reader take
it for.

A morning brief, a chamber's mailer or a newsletter issue prints several stories under
numbered headlines ("1. China's parliament closes" / its paragraph, "2. Kiriyama goes to
Gujarat" / its paragraph, "3. Shunto pay deals" / …). The item is the first story: its
headline is the feed entry's, and a dealing of the two sides in the second or third story is
another story's news, as a link to another article would be. :func:`first_story` blanks
every story after the first (offsets kept), so that the judge reads the digest as its first
story.

A digest is told from a document of numbered sections (a filing's "1. Outline" / "2.
Impact on results", minutes' agenda items "1. Internships", a summary's "2. Bilateral
engagements") by its headings: three or more, each over a paragraph of prose, more than
half of them of :data:`HEADLINE_WORDS` words or more, as a news headline is, where a
section's heading is most often a name of one or two words ("Partner", "Investment
amount"). The first story's heading may be the headline, the text opening on "2. …": it
counts as a headline. A contents list ("2. Maharashtra extends …" / "3. Members' corner"
above the first story) is no heading: its entries stand one under the other, or come again
below as a story's heading. Nor is a document a digest when a later piece shares
:data:`SHARED_NAMES` names or more with the first (a filing's "Vardhan", "Company" and
"Alliance" in every section): its pieces are sections of one subject, not other stories.
"""

from __future__ import annotations

import itertools
import re
from typing import Final

__all__ = ["first_story"]

HEADING: Final = re.compile(
    r"^[ \t]*(?:\*\*|#{1,4})?[ \t]*(?P<number>\d{1,2})[.)][ \t]+(?P<title>[^\n]{3,100})$",
    re.MULTILINE,
)
"""A numbered line: "1. China's parliament closes", "** 2. Port news"."""
HEADLINE_WORDS: Final = 3
"""Words a story's headline has at least, where a section's name has one or two."""
MIN_STORIES: Final = 3
"""Numbered headings over prose a digest needs."""
PROSE_WORDS: Final = 8
"""Words the paragraph under a heading needs to be a story's prose, not a list's next line."""
SHARED_NAMES: Final = 3
"""Names a later piece shares with the first at least to be a section of the same subject."""
NAME: Final = re.compile(r"(?<![.!?:\n]\s)(?<![\n\"“(])\b[A-Z][\w'’-]{2,}")
"""A capitalised word of three letters or more, not after a sentence's end or a line break."""
TITLE_WORDS: Final = 12
"""Words a heading has at most: a longer numbered line is a numbered paragraph."""


def first_story(text: str) -> str:
    """The text with every story of a digest after its first blanked out, each character but
    line breaks by a space; any other text as it is."""
    if "2" not in text:
        return text
    headings = [
        match
        for match in HEADING.finditer(text)
        if len(match["title"].split()) <= TITLE_WORDS and not match["title"].rstrip().endswith(".")
    ]
    if len(headings) < MIN_STORIES:
        return text
    titles = [_key(match["title"]) for match in headings]
    stories = []
    for index, match in enumerate(headings):
        if titles[index] in titles[index + 1 :]:
            continue  # a contents list's entry, printed again below over its story
        following = text[match.end() :].lstrip("\n")
        paragraph = following.split("\n\n", 1)[0]
        if HEADING.match(paragraph) or len(paragraph.split()) < PROSE_WORDS:
            continue
        stories.append(match)
    if not stories or int(stories[0]["number"]) > 2:
        return text
    titled = int(stories[0]["number"]) == 2  # the first story's heading is the headline
    if len(stories) + titled < MIN_STORIES:
        return text
    headline_like = sum(len(match["title"].split()) >= HEADLINE_WORDS for match in stories)
    if 2 * (headline_like + titled) <= len(stories) + titled:
        return text
    cut = stories[0].start() if titled else stories[1].start()
    first = _names(text[:cut])
    bounds = [match.start() for match in stories if match.start() >= cut] + [len(text)]
    if any(
        len(first & _names(text[start:end])) >= SHARED_NAMES
        for start, end in itertools.pairwise(bounds)
    ):
        return text  # a later section goes on about the first one's company or project
    return text[:cut] + re.sub(r"[^\n]", " ", text[cut:])


def _names(text: str) -> set[str]:
    """The capitalised words of a text (not one that opens a sentence or a line), folded."""
    return {match.group(0).casefold() for match in NAME.finditer(text)}


def _key(title: str) -> str:
    return " ".join(re.findall(r"[^\W_]+", title.casefold()))
