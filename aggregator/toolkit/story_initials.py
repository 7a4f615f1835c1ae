"""The initials a body's full name stands for: one report of an event names the "Japan
International Cooperation Agency", another only "JICA", and the two share no name word.

News text names an organisation in full, by its initials, or both ("the Japan Maritime
Self-Defense Force (JMSDF)"), each outlet as its style or its space allows: a wire report
spells the body out, a ticker, a forum post or a transcript gives the letters. The
initials of a body's full name (:func:`body_initials`) are counted among a report's
name words when two reports are compared, so that the full name and the letters meet.

Only a name that reads as a body's is taken (:data:`BODY_WORDS`: "Agency", "Bank",
"Ministry", "Force", "Commission" …): every run of capitalised words has initials, and
each unused one would be a rare name word of its report alone, which weighs against
every pair it is in. The connecting "of" and "for" are skipped ("Reserve Bank of India" is
RBI); "and" ends the name, as in running text it joins two bodies more often than it
stands inside one, and so does "on" ("… Bureau on Monday"). A possessive before the name
may be its first letter ("Japan's Maritime Self-Defense Force" is written JMSDF as often
as MSDF), so both are given.
"""

from __future__ import annotations

import re

BODY_NAME = re.compile(
    r"[A-Z][a-z]+(?:-[A-Z]?[a-z]+)*(?:[ \t]+(?:(?:of|for)[ \t]+)*[A-Z][a-z]+(?:-[A-Z]?[a-z]+)*)+"
)
"""Two or more capitalised words in a row (hyphenated parts each count, as in
"Self-Defense"), with "of" or "for" between them. No lookaround: a pattern that opens with
its character class is scanned for in C, at half the cost of one that opens with a
lookahead and a lookbehind (the text of every report is scanned)."""
OWNER = re.compile(r"(?<![\w-])([A-Z][a-z]+)['’]s[ \t]+\Z")
"""A possessive just before a name ("Japan's "), matched on the few characters before it."""
OWNER_REACH = 24
"""Characters before a name looked at for its possessive."""
BODY_WORDS = frozenset(
    [
        "agency",
        "ministry",
        "bank",
        "corporation",
        "commission",
        "authority",
        "organisation",
        "organization",
        "council",
        "institute",
        "university",
        "board",
        "department",
        "directorate",
        "association",
        "federation",
        "chamber",
        "company",
        "limited",
        "fund",
        "force",
        "guard",
        "bureau",
        "office",
        "society",
        "foundation",
        "centre",
        "center",
        "committee",
        "secretariat",
        "forum",
        "exchange",
        "service",
        "services",
        "railways",
        "airways",
        "party",
        "administration",
        "cooperation",
    ]
)
"""Words that make a run of capitalised words a body's name, whose initials are used."""
MIN_INITIALS = 3
"""Fewer letters ("MD", "PM") stand for too many names to tell one body."""
MAX_INITIALS = 8
"""More letters are a heading or a title in capitals, not a body's initials."""


def body_initials(text: str) -> set[str]:
    """The initials, case-folded, of each body's full name ``text`` gives ("jica" for the
    Japan International Cooperation Agency, "dgft" for the Directorate General of Foreign
    Trade), a leading "The" left out."""
    found = set()
    for match in BODY_NAME.finditer(text):
        phrase = match.group()
        if BODY_WORDS.isdisjoint(phrase.lower().split()):
            continue
        words = phrase.split()
        if words[0] == "The":
            words = words[1:]
        letters = "".join(
            part[0] for word in words for part in word.split("-") if part[:1].isupper()
        )
        start = match.start()
        owner = OWNER.search(text, max(0, start - OWNER_REACH), start)
        for initials in (letters, owner[1][0] + letters) if owner else (letters,):
            if MIN_INITIALS <= len(initials) <= MAX_INITIALS:
                found.add(initials.casefold())
    return found
