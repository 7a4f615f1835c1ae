"""What a page shows of its readers and asks of them, under or round the article.

- a poll: the page's question with its answer buttons on the same line ("Should the
  ferry run at night? Yes / No"), which the article neither asks nor answers;
- a reader's comment signed with a name and its age ("Asha R. · 3 days ago: I take
  this ferry every day."), as a petition's or a forum's page lists them;
- a call to sign up for the publication, the line's last sentence ("Enjoyed this? Sign up
  for the Harbour Weekly — one map every Monday.", "Got this from a friend? Sign up here for
  the Port Brief."): the sign-up sentence opens the line or follows a short question, or
  ends on "newsletter" after a sentence ("Catch up each morning. Sign up for our Tide
  Daily newsletter.").
"""

from __future__ import annotations

import re
from typing import Final

LINE: Final = "line"

_ANSWERS = (
    r"(?:Yes\s*[/|]\s*No|No\s*[/|]\s*Yes)(?:\s*[/|]\s*(?:Not sure|Can't say|Maybe|Don't know))?"
)
_POLL = re.compile(rf"[A-Z][^?]{{5,150}}\?\s+{_ANSWERS}")
"""A question with its answer buttons after it."""
_AGE = r"\d{1,3}\s?(?:min(?:ute)?s?|hours?|hrs?|h|days?|d|weeks?|w|months?|years?)"
_SIGNED_COMMENT = re.compile(
    rf"[A-Z][\w'’-]+(?: [A-Z][\w'’-]*\.?){{0,2}} [·•|] {_AGE} ago\s*:\s+\S.{{0,400}}"
)
"""A reader's comment after its writer's name and its age."""
_SIGN_UP = re.compile(
    r"(?P<lead>.{0,300}?[.?!]\s+)?Sign up (?:here |now |today |free )?(?:for|to) (?:our |the )?"
    r"(?P<what>[^.?!]{0,60}?\b(?:newsletter|weekly|daily|brief|briefing|digest|bulletin"
    r"|edition|letter)\b[^.?!]{0,80})[.!]?",
    re.IGNORECASE,
)
"""A call to sign up for a publication that ends its line: opening it, or after a short
question of its own ("Enjoyed this?")."""
_LEAD_IN_WORDS = 5
"""The most words of the question a call to sign up may follow."""
_PUBLICATION = re.compile(
    r"\b(?:newsletter|weekly|daily|brief|briefing|digest|bulletin|edition|letter|email)\b",
    re.IGNORECASE,
)
_NEWSLETTER_END = re.compile(r"\bnewsletter$", re.IGNORECASE)
"""A call after a sentence of its own ends on its newsletter: "Start the day with our
summary. Sign up for our Morning Edition newsletter." """
_STANDS_ALONE = frozenset({"newsletter", "weekly", "brief", "briefing", "digest", "bulletin"})
"""What names a publication on its own; "daily" and "edition" do beside "email" or one of
these ("the Tide Daily newsletter"), not alone ("the next edition", "the daily sessions")."""
_NOT_A_PUBLICATION = re.compile(r" (?!(?:and|to|for|in|with|at|every|each)\b)[a-z]")
"""What follows the word that names a publication when it names something else: a noun or
a verb ("the weekly clinic", "the next edition opens") or whose it is ("the newsletter of
the club", "the bulletin from the council")."""


def _is_sign_up_call(line: str) -> bool:
    found = _SIGN_UP.fullmatch(line)
    if found is None:
        return False
    lead_in, what = (found["lead"] or "").rstrip(), found["what"]
    if lead_in and (not lead_in.endswith("?") or len(lead_in.split()) > _LEAD_IN_WORDS):
        return _NEWSLETTER_END.search(what) is not None
    names = list(_PUBLICATION.finditer(what))
    kinds = {name[0].lower() for name in names}
    if not kinds & _STANDS_ALONE and not ("email" in kinds and kinds & {"daily", "edition"}):
        return False
    return _NOT_A_PUBLICATION.match(what, names[-1].end()) is None


def reader_shape(line: str, words: int) -> tuple[str, str] | None:
    """``(name, "line")`` of a poll's line, a reader's signed comment or a call to sign up,
    else ``None``."""
    answered = line.endswith(("No", "Yes", "sure", "say", "Maybe", "know"))
    if words <= 30 and answered and _POLL.fullmatch(line):
        return "reader poll", LINE
    if words <= 80 and " ago" in line and _SIGNED_COMMENT.fullmatch(line):
        return "reader comments", LINE
    if words <= 40 and "ign up" in line and _is_sign_up_call(line):
        return "sign-up call", LINE
    return None
