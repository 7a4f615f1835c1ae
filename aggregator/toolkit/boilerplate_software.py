"""Lines that software writes round what people wrote, the same whoever publishes.

- an editor's review trail in an exported draft: a word processor's comment balloons
  ("Comment [AB1]: …") and an online editor's comment anchors ("[a]Check the figure —
  R."); its change balloons ("Deleted: …") hold the article's own words and stay;
- a mailing-list archive's page: its "next part" cut, the scrubbed attachment notice,
  "More information about the … mailing list" (its "Previous message: <subject>" stays:
  the subject of a reply in the thread can be what the page is about);
- a mail server's banner over a message from outside the organisation ("CAUTION: This
  email originated from outside of the organization. …");
- a wiki's tagline over its article ("From <Wiki>, the free encyclopedia") and its note
  that another title leads to the page ('"MAHSR" redirects here. For …, see …');
- a blog engine's line under a post ("This entry was posted in <categories> and tagged
  <tags>. Bookmark the permalink.");
- a publishing system's fields round a story it has not published yet: its slug and its
  section path ("Slug: …", "Section: Business › Companies") and its preview banner
  ("PREVIEW — This story is not yet published. …"). Its title and description for search
  engines ("SEO title: …", "Meta description: …") restate the story in its own words and
  stay: the relevance judge reads them as the story's (removing them costs dev12 a
  relevant report).

- a web form's notification round the message a reader sent: its "New submission from
  <form>", the files attached with their sizes, the page it was sent from, its time and
  the sender's address, and the plugin's credit ("Powered by FormDesk for WordPress");
  the sender's fields (name, city, message) are the reader's.

A chat export's system messages and a calendar invitation's buttons are left to the
header reading, which takes the first lines of such a text as its own.
"""

from __future__ import annotations

import re

LINE = "line"

_REVIEW_TRAIL = re.compile(
    r"Comment \[[A-Za-z]{1,4}\d{1,3}\]: \S.{0,400}"
    r"|\[[a-z]{1,2}\][^\s\]].{0,400}"
)
_LIST_ARCHIVE = re.compile(
    r"-{3,} next part -{3,}"
    r"|An? (?:HTML|non-text) attachment was scrubbed\.\.\."
    r"|More information about the \S.{0,80} mailing list"
    r"|Messages sorted by: .{1,160}"
)

_EXTERNAL_BANNER = re.compile(
    r"(?:\[?(?:caution|warning|external(?: e-?mail| sender)?)\]?\s*:?\s*)?"
    r"this (?:e-?mail|message) (?:originated|came|was sent) from outside (?:of )?"
    r"(?:the|your|our) (?:organi[sz]ation|company|network)\.?"
    r"(?:\s+(?:do not|don't|please|be|exercise|only|never)\b.{0,250})?",
    re.IGNORECASE,
)

_WIKI_LINE = re.compile(
    r"From [A-Z][\w.'’ -]{0,40}, the free encyclopedia\.?"
    r"|[\"“][^\"“”]{1,80}[\"”] redirects here\. (?:For|Not to be confused)\b.{1,240}"
)
_POSTED_IN = re.compile(
    r"This entry was posted (?:in|on) .{1,240}?\.? Bookmark the permalink\.?", re.IGNORECASE
)

_CMS_FIELD = re.compile(
    r"(?:slug|focus (?:keyphrase|keyword)|canonical url)\s?:\s*\S.{0,300}"
    r"|section\s?:\s*[^›>»:]{1,30}(?:\s*[›>»]\s*[^›>»:]{1,30}){1,4}"
    r"|preview\s*[—:–-]\s*this (?:story|article|post|page) (?:is|has) not (?:yet )?(?:been )?"
    r"published\b.{0,200}",
    re.IGNORECASE,
)

_FILE = r"[\w.-]{1,80}\.[A-Za-z0-9]{2,5} \(\d[\d.,]* ?[KMG]i?B\)"
_FORM_NOTICE = re.compile(
    r"New (?:form )?(?:submission|entry) (?:from|via|on)\s*:?\s*\S.{0,80}"
    rf"|Attachments?\s*:\s*{_FILE}(?:,\s*{_FILE})*"
    r"|Sent from\s*:\s*(?:https?://|/)\S{1,200}"
    r"|Page\s*:\s*(?:https?://)?[\w-]+(?:\.[\w-]+)+/\S{0,200}"
    r"|IP(?: address)?\s*:\s*[\dx.:]{7,45}(?:\s*\W\s*.{1,60})?"
    r"|Submitted(?: on| at)?\s*:?\s*\d[\d/.: -]{6,20}\d(?:\s*[A-Z]{2,4})?"
    r"|(?:Time|Date)\s*:\s*\d.{4,30}\W\s*Form ID\s*\d+"
    r"|(?:Powered|Sent) by [A-Z][\w-]*(?: [A-Z][\w-]*)? for (?:WordPress|Drupal|Joomla)"
    r"|Sent by (?=\S*[a-z])[A-Z]\w*[A-Z][\w-]*"
)
"""What a web form's notification writes round the message a reader sent."""
_FORM_STARTS = ("New ", "Attach", "Sent ", "Page", "IP", "Submitted", "Time", "Date", "Powered")


def software_shape(line: str, words: int) -> tuple[str, str] | None:
    """``(name, kind)`` of a line such software writes, else None."""
    if words > 80:
        return None
    first = line[:1]
    if first in "C[" and _REVIEW_TRAIL.fullmatch(line):
        return "review trail", LINE
    if first in "M-A" and _LIST_ARCHIVE.fullmatch(line):
        return "list archive", LINE
    if " outside " in line and _EXTERNAL_BANNER.fullmatch(line):
        return "mail banner", LINE
    if ("encyclopedia" in line or " redirects here" in line) and _WIKI_LINE.fullmatch(line):
        return "wiki tagline", LINE
    if "permalink" in line and _POSTED_IN.fullmatch(line):
        return "post footer", LINE
    if line.startswith(_FORM_STARTS) and _FORM_NOTICE.fullmatch(line):
        return "form notification", LINE
    labelled = first in "SsMmFfCcPp" and (":" in line[:20] or "—" in line[:10])
    if labelled and _CMS_FIELD.fullmatch(line):
        return "publishing system field", LINE
    return None
