"""What a page shows of its readers and asks of them, under or round the article.

- a poll: the page's question with its answer buttons on the same line ("Should the
  ferry run at night? Yes / No"), which the article neither asks nor answers;
- a reader's comment signed with a name and its age ("Asha R. · 3 days ago: I take
  this ferry every day."), as a petition's or a forum's page lists them;
- a call to sign up for the publication after a line's lead-in ("Enjoyed this? Sign up
  for the Harbour Weekly — one map every Monday.", "Forwarded this email? Sign up here for
  Port Notes."): the sign-up sentence opens the line or follows a sentence of its own.
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
    r"(?:^|[.?!]\s+)Sign up (?:here |now |today |free )?(?:for|to) (?:our |the )?"
    r"[^.?!]{0,60}?\b(?:newsletter|weekly|daily|brief|briefing|digest|bulletin|edition|letter)"
    r"\b(?! (?:from|by|of)\b)",
    re.IGNORECASE,
)
"""A call to sign up for a publication, where a sentence begins."""


def reader_shape(line: str, words: int) -> tuple[str, str] | None:
    """``(name, "line")`` of a poll's line, a reader's signed comment or a call to sign up,
    else ``None``."""
    answered = line.endswith(("No", "Yes", "sure", "say", "Maybe", "know"))
    if words <= 30 and answered and _POLL.fullmatch(line):
        return "reader poll", LINE
    if words <= 80 and " ago" in line and _SIGNED_COMMENT.fullmatch(line):
        return "reader comments", LINE
    if words <= 40 and "ign up" in line and _SIGN_UP.search(line):
        return "sign-up call", LINE
    return None
