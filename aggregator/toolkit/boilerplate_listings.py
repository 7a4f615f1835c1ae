"""Furniture of pages that list, rate, survey or caption, the same whoever publishes.

- a photo's camera line under it in an album ("Canon EOS R6 · 24-105mm", "f/4 · 1/250 s
  · ISO 800"): the camera's make, its lens's focal range or its exposure;
- a chat's reaction tallies under a message (":eyes: 3  :+1: 2");
- a listing's rating bar ("4.4 ★ | 1,120 ratings", "4.7 (1,932) | 48,210 enrolled");
- an opinion survey's method fields ("Survey period: May 7 - May 24, 2026", "Valid
  responses: 9,240"), which say how the survey was done, not what it found;
- a news digest's entry that points elsewhere: a number, a title in bold, its source and
  the time it came ("2. *Flat open expected* - Market Desk, 7:50 AM");
- a script's production cue in square brackets, its label in capitals ("[B-ROLL:
  students in a canteen]"); another label in capitals is a cue only in a script's shape
  (several such lines), and an editor's note ("[UPDATE: …]", "[CORRECTION: …]") never;
- the notice that a schedule or a price list may change ("* The schedule is subject to
  change.");
- a message's handling instruction ("Kindly treat this as RESTRICTED.") and a
  sustainability report's index of the standard's disclosures ("GRI 303-1, 303-3");
- a listing's credits, buttons and fields: "Offered by <institution>", "Enroll for free |
  Starts Jun 15", "Brand: <name>", "Country of Origin: <country>", and a report's
  "Prepared by: <office>";
- a package's terms: its labelled price per person ("Package cost: Rs 3,60,000 + GST"),
  what the price includes and excludes ("Inclusions: …", "Not included: …") and its
  departures ("Departures: 3 Oct · 17 Oct"). A price alone on its line ("From Rs 2,45,000
  per person") stands where the header reading looks for the page's title, and is left
  to it.

Each is a whole line's shape; a sentence that reports a rating, a survey's finding or a
camera stays. Some are furniture only where the page has the listing's shape (see
:mod:`aggregator.toolkit.boilerplate_article_context`): a survey's method fields under the
page's header, not under a story's paragraph; a change notice marked as a footnote or
under a table, not among paragraphs; a product field on a page with a rating bar or
another product field.
"""

from __future__ import annotations

import re

LINE = "line"
DIGEST_RULE = "digest entry"
SCRIPT_CUE_RULE = "script cue"
"""A bracketed cue whose label is no production word: a cue only in a script's shape."""
SURVEY_RULE = "survey method"
CHANGE_RULE = "change notice"
PRODUCT_RULE = "product detail"

_LENS = re.compile(r"\d{1,3}(?:[-–]\d{1,3})?\s?mm|f/\d{1,2}(?:\.\d)?|1/\d{1,5}\s?s?|ISO \d{2,6}")
"""A lens's focal length or range, an aperture, a shutter speed or a sensitivity."""
_EXPOSURE = re.compile(r"\d{1,3}[-–]\d{1,3}\s?mm|f/\d{1,2}(?:\.\d)?|1/\d{1,5}\s?s?|ISO \d{2,6}")
"""What only a camera prints: a zoom's range, an aperture, a shutter speed or a
sensitivity; a length alone ("86 mm") is as often a gauge's reading."""
_MAKES = re.compile(
    r"(?:Canon|Nikon|Sony|Fujifilm|Fuji|Olympus|OM System|Panasonic|Lumix|Leica|Pentax|Ricoh"
    r"|Hasselblad|Sigma|Tamron|GoPro|DJI|iPhone|Pixel|Galaxy)\b"
)
"""The makes and phone lines a photo's camera line names."""
_CAMERA_CELL = re.compile(r"[A-Z][\w-]*(?: [\w-]+){0,3}")
_CELL_SPLIT = re.compile(r"\s+[·|]\s+")
_REACTIONS = re.compile(r"(?::[a-z0-9_+'-]{1,40}:\s?\d[\d,.]*[KkMm]?\s*)+")
_RATING = re.compile(
    r"[0-5](?:\.\d)?\s?(?:★|⭐|\(\d[\d,]*\))\s*(?:\|\s*)?\d[\d,.]*[KkMm]?\+?\s"
    r"(?:ratings?|reviews?|votes|(?:already\s)?(?:enrolled|learners|students|buyers))"
)
_SURVEY_FIELD = re.compile(
    r"(?:survey (?:period|dates|method)|fieldwork(?: dates)?|method|sampling"
    r"|(?:valid )?responses|respondents|sample(?: size)?|response rate|margin of error)"
    r":\s(?=[^:]{0,120}\d)[^:]{1,120}",
    re.IGNORECASE,
)
_FINDING = re.compile(r"\d\s?%?\s(?:said|say|says|think|want|favou?r|support|oppose|back)\b")
"""A figure that reports what people answered ("62% said …"): a finding, not a method."""
_DIGEST_ENTRY = re.compile(
    r"\d{1,2}[.)]\s\*[^*]{3,160}\*\s[-–—]\s[^,]{2,50},\s\d{1,2}[:.]\d{2}\s?(?:[AaPp]\.?[Mm]\.?)?"
)
_CUE = re.compile(r"\[(?P<label>[A-Z][A-Z0-9&/' -]{1,20})(?::\s[^\[\]]{1,200})?\]")
_PRODUCTION = re.compile(
    r"(?:B-ROLL|A-ROLL|GRAPHICS?|SOT|VO|V/O|SFX|MUSIC|CUT TO\b.*|COLD OPEN|SUPER|LOWER THIRD"
    r"|ARCHIVE|TITLE CARD|MONTAGE|STANDUP|STAND-UP|PIECE TO CAMERA|PTC)"
)
"""The labels only a script's production cues carry ("[B-ROLL: …]", "[GRAPHIC: …]")."""
_EDITORS_NOTE = re.compile(
    r"(?:UPDATE[DS]?|CORRECTION|CORRECTED|CLARIFICATION|CORRIGENDUM|ERRATUM|EDITOR'?S'? NOTE"
    r"|ED(?:ITOR)?'?S? NOTE|NOTE|DISCLOSURE|DISCLAIMER)"
)
"""An editor's note in brackets ("[UPDATE: …]", "[CORRECTION: …]"): the article's own line."""
_MAY_CHANGE = re.compile(
    r"[*†]?\s?(?:the |all |our )?[\w-]+(?: [\w-]+){0,2} (?:is|are) subject to change"
    r"(?: without(?: prior)? notice)?\.?",
    re.IGNORECASE,
)


_CREDIT = re.compile(
    r"(?:Offered by|Prepared by:) [A-Z](?:[^.!?,]|,(?= [A-Z])){2,100}"
    r"|Enrol{1,2}(?: now| for free| today)?(?: \| [^|]{1,40}){0,3}"
)
"""A course's or report's credit ("Offered by … University, Hyderabad"); a comma before a
word in lower case goes on into a sentence ("Offered by Japan, the loan will …")."""
_PRODUCT_FIELD = re.compile(
    r"(?:Brand|Country of Origin|Manufacturer|Model (?:Name|Number)|Item Weight): [^:.!?]{1,40}"
)


_HANDLING = re.compile(
    r"(?:kindly|please) treat this(?: (?:e-?mail|message|note|document|information))? as"
    r" (?:strictly )?(?:restricted|confidential|secret)\.?",
    re.IGNORECASE,
)
_PACKAGE_TERMS = re.compile(
    r"(?!.*\b(?:said|says|will|would|was|were|is|are|has|have)\b)"
    r"(?:(?:(?:price|package|tour|fare|cost) )?(?:includes?|included|inclusions?|excludes?"
    r"|exclusions?|not included)\s*:\s*\S.{0,300}"
    r"|(?:package cost|(?:tour )?price)\s*:\s*(?:Rs\.?|₹|¥|US\$|\$|€|INR|JPY|USD)"
    r" ?\d[\d,]*(?:\.\d+)?.{0,12}?(?:per (?:person|head|participant|pax)\b|\+ ?GST\b).{0,120}"
    r"|departures?(?: from [A-Z][\w ]{1,30})?\s*:\s*\S.{0,160})",
    re.IGNORECASE,
)
"""A package's terms: its price per person, what the price covers, its departures."""
_TERMS_STARTS = ("P", "T", "F", "C", "I", "E", "N", "D")
_DISCLOSURES = re.compile(r"GRI \d{1,3}-\d{1,2}(?:, (?:GRI )?\d{1,3}-\d{1,2}){0,20}")


def listing_shape(line: str, words: int) -> tuple[str, str] | None:
    """``(name, kind)`` of a line such pages print round what they list, else None."""
    if words > 24:
        return None
    if words <= 14 and _is_camera_line(line):
        return "camera details", LINE
    if line[:1] == ":" and _REACTIONS.fullmatch(line):
        return "reaction tally", LINE
    if words <= 10 and line[:1].isdigit() and _RATING.match(line):
        return "rating bar", LINE
    if ":" in line and _SURVEY_FIELD.fullmatch(line) and not _FINDING.search(line):
        return SURVEY_RULE, LINE
    if "*" in line and _DIGEST_ENTRY.fullmatch(line):
        return DIGEST_RULE, LINE
    if line[:1] == "[" and ": " in line and (cue := _CUE.fullmatch(line)):
        return _cue_rule(cue["label"].strip())
    if " subject to change" in line and _MAY_CHANGE.fullmatch(line):
        return CHANGE_RULE, LINE
    if words <= 12 and " treat this" in line and _HANDLING.fullmatch(line):
        return "classification marking", LINE
    if line.startswith("GRI ") and _DISCLOSURES.fullmatch(line):
        return "disclosure index", LINE
    if words <= 16 and line[:1] in "OPE" and _CREDIT.fullmatch(line):
        return "listing credit", LINE
    if words <= 10 and ": " in line and _PRODUCT_FIELD.fullmatch(line):
        return PRODUCT_RULE, LINE
    if line[:1].upper() in _TERMS_STARTS and _PACKAGE_TERMS.fullmatch(line):
        return "package terms", LINE
    return None


def is_cue(line: str) -> bool:
    """A line that is a script's cue in square brackets, whatever its label ("[COLD OPEN]",
    "[CUT TO CAMERA]", "[GRAPHIC: …]"), an editor's note's excepted."""
    cue = _CUE.fullmatch(line) if line[:1] == "[" else None
    return cue is not None and _cue_rule(cue["label"].strip()) is not None


def _cue_rule(label: str) -> tuple[str, str] | None:
    if _EDITORS_NOTE.fullmatch(label):
        return None
    if _PRODUCTION.fullmatch(label):
        return "stage direction", LINE
    return SCRIPT_CUE_RULE, LINE


def product_field_label(line: str) -> str | None:
    """The label of a listing's product field ("Brand: …" gives "Brand"), else None."""
    found = _PRODUCT_FIELD.fullmatch(line) if ": " in line else None
    return line.partition(":")[0] if found else None


def is_rating_bar(line: str) -> bool:
    """A listing's rating bar ("4.4 ★ | 1,120 ratings")."""
    return line[:1].isdigit() and _RATING.match(line) is not None


def _is_camera_line(line: str) -> bool:
    """A camera and its lens or exposure, in cells ("Nikon Z6 II · 24-70mm"): every cell
    is a lens's figure or a short name, a model's number among the names, and a camera's
    make or a figure only a camera prints among them ("Ward 12 | 86 mm" and "Station 4 ·
    112mm" are a gauge's readings)."""
    if "·" not in line and "|" not in line:
        return False
    cells = _CELL_SPLIT.split(line.strip())
    if len(cells) < 2:
        return False
    lens = [cell for cell in cells if _LENS.fullmatch(cell)]
    names = [cell for cell in cells if cell not in lens]
    return (
        bool(lens)
        and any(char.isdigit() for cell in names for char in cell)
        and all(_CAMERA_CELL.fullmatch(cell) for cell in names)
        and (
            any(_EXPOSURE.fullmatch(cell) for cell in lens)
            or any(_MAKES.match(cell) for cell in names)
        )
    )
