"""Metadata extraction from plain-text news articles (scraped pages).

:func:`extract_article` splits a page into its metadata (headline, date,
dateline, byline, agency, highlights) and its body.  It only removes lines it
has consumed as metadata; every other line of the page is kept verbatim in the
body, one paragraph per line, for the later cleaning stage to judge.

Metadata is looked for only where pages put it, so that prose is never
mistaken for metadata:

* a "date YYYY-MM-DD Blurb: ..." header on the first line, or a Markdown
  front-matter block ("---" … "---") whose fields give the title and date;
* the header zone, from the top to the first line of body prose (see
  :mod:`aggregator.toolkit.header_zone`): "Headline:", "Subject:", "Date:",
  "Sent:" and "Source:" fields, date lines, bylines, highlight bullets, and the
  headline chosen among its headline-shaped lines, menus, kickers, issuer and
  masthead lines ranked below it (see :mod:`aggregator.toolkit.header_lines`);
  dates printed among other words on a header line;
* a dateline ("Tokyo, Feb 17", "NEW DELHI, Feb 17 (PTI) - ...") at the start
  of a line among the first :data:`.article_datelines.DATELINE_LINES` lines, before the second
  long prose paragraph;
* agency trailers ("- IANS", "(With inputs from PTI)") as whole lines;
* failing a date above, the footer zone's date (see
  :class:`aggregator.toolkit.article_dates.DateReader`), then a date with its year in
  the lead's first sentence.
"""

from __future__ import annotations

import functools
import re
from datetime import datetime
from typing import Final

from aggregator.toolkit.article_datelines import read_agency_lines, read_dateline
from aggregator.toolkit.article_dates import (
    DateReader,
    Found,
    is_wrapped_prose,
    opens_schedule,
    source_field_date,
)
from aggregator.toolkit.article_scan import ArticleScan, HeadlineChooser
from aggregator.toolkit.bounced_mail import as_read
from aggregator.toolkit.bylines import BYLINE, parse_byline
from aggregator.toolkit.covering_notes import DATE_OVER_HEADING as DATE_OVER_HEADING
from aggregator.toolkit.covering_notes import read_heading_under_subject, read_headline_below_note
from aggregator.toolkit.crumb_titles import by_crumb
from aggregator.toolkit.date_labels import only_labelled_days, posted_among
from aggregator.toolkit.datelines import (
    Dateline,
    among_section_headings,
    is_place_line,
    is_prose,
    match_dateline,
    place_before_date,
    place_name,
)
from aggregator.toolkit.dates import DateMatch, parse_date_line
from aggregator.toolkit.extracted_article import ExtractedArticle
from aggregator.toolkit.fact_blocks import fact_rows, gives_amount, is_row
from aggregator.toolkit.filing_exhibits import EXHIBIT_RULE, exhibit_heading
from aggregator.toolkit.header_dated import (
    DOCUMENT_DATED,
    FOR_ITS_DAY,
    gives_a_period,
    is_named_for_its_day,
    order_day_line,
)
from aggregator.toolkit.header_highlights import read_highlights
from aggregator.toolkit.header_lines import (
    DATE_LABELS,
    FIELD_LABELS,
    HEADLINE_LABELS,
    SOURCE_LABELS,
    agency_line,
    header_field,
    is_cut_title,
    is_organisation,
    is_other_field,
    opens_like_a_title,
    strip_kicker,
    strip_reply_prefix,
    unmarked,
    unquoted,
)
from aggregator.toolkit.header_outlet import Credits, choose_outlet
from aggregator.toolkit.header_periods import is_log_period
from aggregator.toolkit.header_repair import header_view, is_filing_slug
from aggregator.toolkit.header_roles import titles_section
from aggregator.toolkit.header_shapes import ends_on_company_abbreviation, runs_on
from aggregator.toolkit.header_zone import (
    HEADER_ZONE_LINES,
    HeaderZone,
    Headline,
    body_start,
    candidate_ranks,
    choose_zone_headline,
    headline_from,
    is_body_prose,
)
from aggregator.toolkit.headline_tails import SOURCE_DATE_REMOVED, strip_headline_tail
from aggregator.toolkit.lead_paragraph import BULLET, lead_paragraph
from aggregator.toolkit.letter_titles import LETTER_TITLE_RULE, title_over_salutation
from aggregator.toolkit.listed_pieces import listed_piece
from aggregator.toolkit.meeting_days import last_meeting_day
from aggregator.toolkit.numbered_pieces import without_piece_number
from aggregator.toolkit.publication_date import publication_date
from aggregator.toolkit.shaped_titles import title_by_shape
from aggregator.toolkit.signed_notes import SIGNED_NOTE_RULE, heading_under_note
from aggregator.toolkit.subject_lines import heading_under_subject, letter_subject, subject_headline
from aggregator.toolkit.titles import derive_title, thread_title

__all__ = ["ExtractedArticle", "derive_title", "extract_article", "read_header_zone"]

BYLINE_BELOW_LINES: Final = 2
FRONT_MATTER_MARKS: Final = ("---", "+++")
FRONT_MATTER_LINES: Final = 40
DATE_BELOW_LINES: Final = 5
"""How far under a paragraph a date line keeps it in the header: a byline, a handle, a
masthead, a menu or a headline may stand between."""
PUBLISHED_AMONG_DAYS: Final = "the published day among a header line's days"
POSTED_AMONG_DAYS: Final = "the posted day among a header line's labelled days"
"""A line of a paper's history ("Received 14 Feb 2026, Accepted 6 May 2026, Published
online: 26 May 2026") is dated by its published day, not by the first of its days."""
HEADLINE_MAX: Final = 200
HEADLINE_MIN_WORDS: Final = 3
"""Shorter first lines are more likely a place, a section name or a label."""


_BLURB_HEADER = re.compile(
    r"date(?::\s*|\s+)(?P<date>\S.{0,60}?)\s+blurb\s*:\s*(?P<blurb>.*)", re.I
)
_CREDIT = re.compile(r"[\s,]*by\s+(?:the\s+)?(?P<name>[A-Z].{1,60}?)\.?", re.IGNORECASE)
_HANDLE = re.compile(r"@\w{2,30}")
"""A social account's handle, on the line under its owner's display name."""
_NOT_NAME = re.compile(r"[^\w\s.'’-]")
_WORDS = re.compile(r"\w+")
"""The words of a header line that repeats the headline (an e-mail's subject, a title)."""
_PAGER = re.compile(r"[<‹«←]\s*[^|·\s][^|·]*[|·].*\S\s*[>›»→]")
"""Links to the pages before and after ("< May 25 | May 27 >"): the header's furniture, and
their days are those pages', not this one's. The first link runs to the first separator,
so that only the last run can give characters back."""
PAGER_MAX: Final = 160
_NUMBERED_FIELD = re.compile(r"\d{1,2}[.)]\s+[A-Z][^:]{2,60}:\s")
"""A form's numbered field ("2. Date of incorporation: 11.03.1994"): the day of something
the form reports, not the form's own."""
FIELD_PROSE: Final = 20
"""A "Label: value" line whose value is a sentence this long is text ("Ref: Notice … for
…."), not a field of the header."""


def extract_article(
    text: str, *, reference: datetime, choose: HeadlineChooser | None = None
) -> ExtractedArticle:
    """Split a plain-text article into metadata and body.

    ``reference`` is "now" (when the page was first seen); it only serves to
    infer a missing year and to reject dates in the future. A raw e-mail source is read
    as the mail its reader sees (see :mod:`aggregator.toolkit.mail_source`). ``choose``
    chooses the header zone's headline in place of the rules (the learned chooser).
    """
    text, transport = as_read(text)
    scan = ArticleScan(
        lines=list(filter(None, map(str.strip, text.split("\n")))),
        read=DateReader(text, reference),
        choose=choose,
    )
    _read_front_matter(scan)
    read_dateline(scan)
    read_agency_lines(scan)
    body = [(i, line) for i, line in enumerate(scan.lines) if i not in scan.consumed]
    lead = lead_paragraph(body, scan.inline_dateline)
    header = [
        Found(date, *origin) for date, origin in zip(scan.dates, scan.date_origins, strict=True)
    ]
    found = publication_date(header, scan.dateline, scan.read, [line for _, line in body], lead)
    found = found or last_meeting_day(scan.lines, scan.read)
    published = found.date if found else None
    if scan.headline is None and (thread := thread_title([line for _, line in body[:3]])):
        scan.headline, scan.title_from = thread, (thread, "first post of a thread")
    summary = scan.blurb or " ".join(scan.highlights) or lead
    title_source = scan.blurb or lead or (scan.highlights[0] if scan.highlights else "")
    return ExtractedArticle(
        title=scan.headline if scan.headline is not None else derive_title(title_source),
        title_derived=scan.headline is None,
        published=published.value if published else None,
        date_text=published.text if published else None,
        dateline=scan.dateline.place if scan.dateline else None,
        byline=scan.byline,
        agency=scan.agency,
        summary=summary,
        highlights=scan.highlights,
        body="\n\n".join(line for _, line in body),
        outlet=choose_outlet(
            Credits(scan.source, scan.credit, scan.agency),
            scan.lines[:HEADER_ZONE_LINES],
            scan.headline,
            text,
        ),
        title_from=scan.title_from,
        date_from=(found.line, found.rule) if found else None,
        metadata=[
            *((line, "mail transport") for line in transport),
            *((scan.lines[i], scan.read_as(i)) for i in sorted(scan.consumed)),
        ],
        lines=scan.lines,
    )


def read_header_zone(text: str, *, reference: datetime) -> HeaderZone:
    """The header zone of ``text`` as :func:`extract_article` reads it, up to the choice
    of its headline (what ``scripts/fit_headlines.py`` fits the headline model on)."""
    text = as_read(text)[0]
    scan = ArticleScan(
        lines=list(filter(None, map(str.strip, text.split("\n")))),
        read=DateReader(text, reference),
    )
    return _read_header_zone(scan)


def _read_front_matter(scan: ArticleScan) -> None:
    """Read the header zone: its label fields, date lines, bylines, highlights and the
    headline chosen among its headline-shaped lines (see :mod:`.header_zone`)."""
    zone = _read_header_zone(scan)
    lines, start, end, dated = scan.lines, zone.start, zone.end, zone.dated
    headline = None if scan.headline is not None else _exhibit_or_zone_headline(scan, zone)
    if headline is None and scan.headline and scan.headline_field is not None:
        headline = heading_under_subject(zone, scan.headline_field, scan.headline)
    for index, dates in dated.items():
        if headline is None or index not in headline.lines or _dated_tail(scan, index):
            published = [date for date in dates if date.label == "published"]
            rule = "date inside a header line"
            if published and len(published) < len(dates):
                dates, rule = published, PUBLISHED_AMONG_DAYS
            elif 0 < len(posted := posted_among(lines[index], published)) < len(published):
                dates, rule = posted, POSTED_AMONG_DAYS
            for date in dates:
                if not scan.dates or date.label == "published":
                    scan.add_date(date, lines[index], rule)
    scan.consumed.update(range(start, order_day_line(lines, start, end) or start))
    if headline is not None:
        scan.headline = headline.text
        repairs = [scan.view.repairs[i] for i in headline.lines if i in scan.view.repairs]
        rule = ", ".join([headline.rule, *repairs])
        scan.title_from = (" / ".join(lines[i] for i in headline.lines), rule)
        scan.consumed.update(headline.lines, range(start, headline.lines[0]))
    elif scan.headline_field is not None and start <= scan.headline_field < end:
        scan.consumed.update(range(start, scan.headline_field))
        read_heading_under_subject(scan, end, functools.partial(_heading_at, scan))
    elif scan.headline is None:
        read_headline_below_note(scan, start, end, functools.partial(_shaped_at, scan))
    if scan.headline is None and (subject := letter_subject(lines, start, end)) is not None:
        scan.headline, scan.title_from = subject
    title = _WORDS.findall((scan.headline or "").casefold())
    repeats = (i for i in range(start, end) if _WORDS.findall(lines[i].casefold()) == title)
    scan.consumed.update(repeats)
    _read_byline_below(scan, end)


def _exhibit_or_zone_headline(scan: ArticleScan, zone: HeaderZone) -> Headline | None:
    """A filing exhibit's heading, a listed page's piece (:mod:`.listed_pieces`), or the zone's."""
    heading = functools.partial(_heading_at, scan)
    stop = zone.start + HEADER_ZONE_LINES
    found = exhibit_heading(scan.lines, zone.start, stop, heading, is_body_prose)
    if found is not None:
        return headline_from(zone, found, EXHIBIT_RULE)
    piece = listed_piece(scan.lines, zone.start, stop)
    if piece is not None:
        return piece
    ranks = candidate_ranks(zone.lines, zone.candidates)
    shaped = functools.partial(_is_headline, scan=scan)
    metadata = {*zone.anchors, *zone.dated}
    if (note := heading_under_note(scan.lines, zone.end, ranks, shaped, metadata)) is not None:
        return Headline(scan.lines[note], (note,), SIGNED_NOTE_RULE, ())
    if (title := title_over_salutation(scan.lines, zone.start, zone.end, ranks)) is not None:
        return Headline(scan.lines[title], (title,), LETTER_TITLE_RULE, ())
    return by_crumb(zone, (scan.choose or choose_zone_headline)(zone))


def _dated_tail(scan: ArticleScan, index: int) -> bool:
    """The headline's line ends in its source and date, or names the document with its
    date ("Offering Circular dated …"): that date is the article's."""
    line = scan.lines[index]
    return (
        strip_headline_tail(line)[1] == SOURCE_DATE_REMOVED
        or DOCUMENT_DATED.match(line) is not None
    )


def _read_header_zone(scan: ArticleScan) -> HeaderZone:
    """Read the header zone's fields, date lines, bylines and highlights; gather the
    headline-shaped lines and the anchors (date lines, bylines) among them."""
    lines = scan.lines
    start = 0
    if lines and (header := _BLURB_HEADER.fullmatch(lines[0])):
        scan.consumed.add(0)
        scan.blurb = header["blurb"].strip() or None
        if date := parse_date_line(header["date"], reference=scan.read.reference):
            scan.add_date(date._replace(label="published"), lines[0], "blurb header")
        start = 1
    start = max(start, _read_front_block(scan))
    end = body_start(lines, _read_shaped_title(scan, start))
    while (date_line := _date_line_below(scan, end, start + HEADER_ZONE_LINES)) is not None:
        end = body_start(lines, date_line)
    scan.view = without_piece_number(header_view(lines, end), lines, end, is_body_prose)
    if any(is_row(line) for line in lines[start:end]):
        scan.facts = fact_rows(lines)
    candidates: list[int] = []
    anchors: set[int] = set()
    index = start
    while index < end:
        if index not in scan.consumed:
            index += _read_front_line(scan, index, candidates)
            if index - 1 in scan.consumed and index - 1 not in candidates:
                anchors.add(index - 1)
        else:
            index += 1
    dated = _header_dates(scan, start, end)
    preset = scan.headline is not None
    return HeaderZone(
        scan.view.lines, start, end, candidates, anchors, dated, set(scan.consumed), preset
    )


def _read_shaped_title(scan: ArticleScan, start: int) -> int:
    """A title found by its shape gives the headline (see :mod:`.shaped_titles`); returns where
    the header zone's lines after it begin (``start`` when there is none)."""
    if scan.headline is not None or (found := title_by_shape(scan.lines, start)) is None:
        return start
    index, scan.headline, scan.title_from = found
    scan.headline_field = index
    scan.consumed.add(index)
    return index + 1


def _read_byline_below(scan: ArticleScan, end: int) -> None:
    """A byline a line or two under a standfirst that ended the header zone ("… the
    largest ever." / "By Tova Lind")."""
    for index in range(end + 1, min(end + 1 + BYLINE_BELOW_LINES, len(scan.lines))):
        line = scan.lines[index]
        if is_body_prose(line):
            return
        if BYLINE.fullmatch(line) and _read_byline(scan, line):
            scan.consumed.add(index)
            return


def _read_front_line(scan: ArticleScan, index: int, candidates: list[int]) -> int:
    """Read one line of the header zone; returns the lines it took (≥ 1)."""
    line = scan.lines[index]
    following = scan.lines[index + 1] if index + 1 < len(scan.lines) else ""
    previous = scan.lines[index - 1] if index else ""
    if _read_field(scan, index):
        return 1
    if opens_schedule(scan.lines, index) or scan.read.in_dated_rows(scan.lines, index):
        return 1
    if len(line) <= PAGER_MAX and _PAGER.fullmatch(line):
        scan.consumed.add(index)
        return 1
    if is_log_period(scan.lines, index):
        candidates.append(index)
        return 1
    if FOR_ITS_DAY.fullmatch(line):
        if is_named_for_its_day(line):
            candidates.append(index)
        return 1
    if date := scan.read.line(line):
        scan.add_date(date, line, "date line")
        if scan.dateline is None and (place := place_before_date(line, date)):
            scan.dateline = Dateline(place, date, None, len(line), standalone=True)
    elif date := scan.read.labelled_prefix(line):
        posted = [found for found in posted_among(line, scan.read.search(line)) if found != date]
        rule = POSTED_AMONG_DAYS if posted else "date inside a header line"
        scan.add_date(posted[0] if posted else date, line, rule)
        if (credit := _CREDIT.fullmatch(line, date.end)) and is_organisation(credit["name"]):
            scan.credit = scan.credit or credit["name"]
    elif _HANDLE.fullmatch(following) and len(line.split()) <= 5:
        scan.byline.append(_NOT_NAME.sub("", line).strip())
        scan.consumed.add(index + 1)
    elif (
        index > 0
        and scan.dateline is None
        and is_place_line(line, following, previous)
        and not among_section_headings(scan.lines, index)
    ):
        scan.dateline = Dateline(place_name(line), None, None, len(line), standalone=True)
    elif not _read_byline(scan, line):
        if BULLET.match(line) and all(i in scan.consumed or i in candidates for i in range(index)):
            return read_highlights(scan, index)
        cut = index > 0 and is_cut_title(scan.lines[index - 1])
        found = None if cut or titles_section(scan.lines, index) else header_field(line)
        if index in scan.facts and (found is not None or gives_amount(line)):
            return 1
        if found is None or found.label in DATE_LABELS or is_prose(found.value, FIELD_PROSE):
            if index not in scan.view.tags and _is_headline(
                scan.view.lines[index], following, scan
            ):
                candidates.append(index)
            return 1
    scan.consumed.add(index)
    return 1


def _read_field(scan: ArticleScan, index: int) -> bool:
    """A "Headline:", "Subject:", "Date:", "Sent:" or "Source:" field of a header block."""
    found = header_field(scan.lines[index])
    if found is None:
        return False
    if found.label in HEADLINE_LABELS and (is_filing_slug(found.value) or runs_on(found.value)):
        scan.consumed.add(index)
        return True
    if found.label in HEADLINE_LABELS and scan.headline is None:
        scan.headline_field = index
        scan.headline = strip_kicker(unquoted(subject_headline(strip_reply_prefix(found.value))))
        scan.title_from = (scan.lines[index], f'"{found.label}:" field')
    elif found.label in SOURCE_LABELS and scan.source is None:
        scan.source = found.value
        if dated := source_field_date(scan.read, found.value):
            scan.source, when = dated
            scan.add_date(when._replace(label="published"), scan.lines[index], "source's date")
    elif found.label in DATE_LABELS and (date := scan.read.line(found.value)):
        scan.add_date(
            date._replace(label=date.label or "published"),
            scan.lines[index],
            f'"{found.label}:" field',
        )
    else:
        return False
    scan.consumed.add(index)
    return True


def _read_front_block(scan: ArticleScan) -> int:
    """A Markdown front-matter block ("---" … "---"): its fields are read, every line of it
    is metadata; returns the index after it (0 when there is none)."""
    lines = scan.lines
    if not lines or lines[0] not in FRONT_MATTER_MARKS:
        return 0
    limit = min(len(lines), FRONT_MATTER_LINES)
    close = next((i for i in range(1, limit) if lines[i] == lines[0]), None)
    if close is None:
        return 0
    for index in range(1, close):
        _read_field(scan, index)
    scan.consumed.update(range(close + 1))
    return close + 1


def _date_line_below(scan: ArticleScan, end: int, limit: int) -> int | None:
    """A date line a few lines (none of them prose) under the paragraph ``end`` (a notice
    above the header, a standfirst over a byline), which is then still the header's; not
    under a paragraph that runs on into the next line."""
    if end + 1 < len(scan.lines) and scan.lines[end + 1][:1].islower():
        return None
    for index in range(end + 1, min(end + 1 + DATE_BELOW_LINES, limit, len(scan.lines))):
        line = scan.lines[index]
        if scan.read.line(line) or scan.read.labelled_prefix(line):
            return index
        if is_body_prose(line):
            return None
    return None


def _header_dates(scan: ArticleScan, start: int, end: int) -> dict[int, list[DateMatch]]:
    """Dates printed among other words on the header lines not read yet ("Posted On: …
    by …", "via Wire · 19 Jun 2025", "Harbour City | Tue 21 Jan 2025 | 11:05 IST"), by
    line: a masthead line above the headline may carry the paper's date. Not in a bullet
    (a highlight tells of the event), over a programme's entries, in a pager's links nor in
    a form's numbered field; a period's days (an exhibition's) are none, though the line is
    still dated."""
    found: dict[int, list[DateMatch]] = {}
    for index in range(start, end):
        line = scan.lines[index]
        if len(line) > 160 or BULLET.match(line) or is_wrapped_prose(scan.lines, index):
            continue
        if _PAGER.fullmatch(line) or _NUMBERED_FIELD.match(line):
            continue
        if index in scan.consumed and not is_other_field(line):
            continue
        if opens_schedule(scan.lines, index) or scan.read.in_dated_rows(scan.lines, index):
            continue
        every, kept = scan.read.search_both(line)
        if every:
            period = gives_a_period(line, every)
            found[index] = [] if period else [date for date in every if date in kept]
    return found


def _read_byline(scan: ArticleScan, line: str) -> bool:
    """A byline, with the date beside it; in a review, a plain "By …" line is the reviewed
    work's author, the reviewer's line says "Reviewed by"."""
    head, bar, tail = line.partition(" | ")
    byline = parse_byline(head)
    if byline is None:
        return False
    if head[:3].lower() == "by " and any(
        other.lower().startswith("reviewed by ") for other in scan.lines[:HEADER_ZONE_LINES]
    ):
        return False
    date = scan.read.line(tail) if bar else None
    if bar and date is None:
        return False
    names, agency = byline
    scan.byline.extend(names)
    scan.set_agency(agency)
    if date is not None:
        scan.add_date(date, line, "date beside a byline")
    return True


def _heading_at(scan: ArticleScan, index: int) -> bool:
    """A line shaped like a headline that is no field a header uses ("Source: …") and holds
    no date: a heading."""
    line = scan.lines[index]
    field = header_field(line)
    if (field is not None and field.label in FIELD_LABELS) or scan.read.search(line):
        return False
    return _shaped_at(scan, index)


def _shaped_at(scan: ArticleScan, index: int) -> bool:
    following = scan.lines[index + 1] if index + 1 < len(scan.lines) else ""
    return _is_headline(scan.lines[index], following, scan)


def _is_headline(line: str, following: str, scan: ArticleScan) -> bool:
    line = unmarked(line)
    if line.endswith(":") and len(line.split()) >= HEADLINE_MIN_WORDS:
        goes_on = following[:1].islower() or _is_headline(following, "-", scan)
        line = f"{line[:-1]} {following}" if goes_on else line
    return (
        bool(following)
        and len(line) <= HEADLINE_MAX
        and len(line.split()) >= HEADLINE_MIN_WORDS
        and (line[-1] not in ".,;:" or ends_on_company_abbreviation(line))
        and (opens_like_a_title(line) or strip_kicker(line) != line)
        and not BULLET.match(line)
        and parse_byline(line) is None
        and agency_line(line) is None
        and match_dateline(line, scan.read) is None
        and not scan.read.opens_with_full_date(line)
        and not only_labelled_days(line, scan.read.search(line, events=True))
    )
