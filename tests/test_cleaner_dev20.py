"""Shapes of text the cleaner misjudged on dev20, written for these tests in our own words.

A numbered section's heading ("3.2 Results") is no count of a page's results; a row of
figures under a figure's caption is the figure's data, not a page's ticker; a vote's split
in per cent ("For 44% Against 36% Undecided 20%") is each document's own though every
document of the source prints the same words; a paged text's running head on a line of
its own beside the page's number, and the footnotes that close the page above it, are
the page's furniture. Beside each, ordinary lines of news that stay as they were.
"""

from __future__ import annotations

from boilerplate_support import judge, learned, removed

from aggregator.toolkit.boilerplate_learning import Settings, SourceStats, learning_key

FLOODS = "Heavy rain flooded three districts of the coastal state on Monday, officials said."
RELIEF = "Relief camps opened in schools, and the army sent boats to the worst-hit villages."
PORTS = "Container traffic at the two ports grew by a fifth in the year to March, the data show."


def test_a_numbered_sections_heading_is_no_count() -> None:
    for heading in ("3.2 Results", "4.1 Responses", "2.3 Members", "5.2 Images"):
        assert judge(heading) is None
    text = "\n".join(["3.1 Data", FLOODS, "3.2 Results", RELIEF])
    assert removed(text) == []


def test_counts_of_a_pages_readers_still_go() -> None:
    for count in ("3.2K views", "1.2 k likes", "12.5M views", "1,204 replies", "3 new results"):
        assert judge(count) == "counter"


def test_a_row_of_figures_under_a_figures_caption_stays() -> None:
    for caption in ("Figure 2: Share of exports by market", "Chart: Growth since 2021"):
        row = "FY2022 12% | FY2023 15% | FY2024 19% | FY2025 24%"
        assert removed("\n".join([PORTS, caption, row, RELIEF])) == []


def test_a_ticker_of_figures_under_prose_or_a_label_still_goes() -> None:
    ticker = "Sensex 77,606 (+0.4%) | Nifty 23,500 (-0.2%) | Gold 71,200 (+0.1%)"
    assert removed("\n".join([PORTS, ticker, RELIEF])) == [ticker]
    assert removed("\n".join([PORTS, "Chart of the day", ticker, RELIEF])) == [ticker]


def _source_of(*documents: list[str]) -> SourceStats:
    """Counts of a source whose documents held these lines each."""
    stats = SourceStats("source")
    for number, lines in enumerate(documents):
        keys = [learning_key(line, Settings().max_words) for line in lines]
        stats.observe(keys, number, 8)
    return stats


def test_a_votes_split_in_per_cent_is_each_documents_own() -> None:
    splits = [
        "Result: For 52% Against 41% Undecided 7%",
        "Result: For 38% Against 60% Undecided 2%",
        "Result: For 45% Against 45% Undecided 10%",
    ]
    stats = _source_of(*([split] for split in splits))
    text = "\n".join([FLOODS, RELIEF, splits[0], PORTS])
    assert removed(text, stats) == []


def test_a_line_every_document_prints_with_the_same_figures_still_goes() -> None:
    promise = "Members 60% off | Guests 40% off"
    masthead = "Harbour Weekly | Issue 12"
    issues = ([promise, f"Harbour Weekly | Issue {number}"] for number in (12, 13, 14))
    stats = _source_of(*issues)
    assert removed("\n".join([masthead, FLOODS, RELIEF, promise]), stats) == [masthead, promise]
    ticker = "Sensex 77,606 (+0.4%) Nifty 23,500 (-0.2%)"
    assert removed("\n".join([FLOODS, RELIEF, ticker]), learned(ticker)) == [ticker]


CHAPTER = """4.1 Background
The two rainy seasons begin within a week of each other in most years, and the
timing of both depends on the northward march of the jet stream.1 This chapter
compares them over forty years of records.
1 Daily station records, 1981-2020.
MONSOON AND BAIU COMPARED
47
4.2 Results
The onsets are weakly linked, with both late in warm years of the Pacific.2
2 See Appendix C for the method.
MONSOON AND BAIU COMPARED
48
The link is stronger in the south of both countries."""


def test_a_paged_texts_running_head_and_footnotes_go() -> None:
    assert removed(CHAPTER) == [
        "1 Daily station records, 1981-2020.",
        "MONSOON AND BAIU COMPARED",
        "47",
        "2 See Appendix C for the method.",
        "MONSOON AND BAIU COMPARED",
        "48",
    ]


def test_a_numbered_line_with_no_mark_in_the_text_stays() -> None:
    text = CHAPTER.replace("stream.1", "stream.").replace("Pacific.2", "Pacific.")
    assert "1 Daily station records, 1981-2020." not in removed(text)
    assert "2 See Appendix C for the method." not in removed(text)


def test_names_beside_numbers_that_do_not_rise_stay() -> None:
    scores = ["Kochi Tuskers", "3", "Pune Hawks", "1", "Kochi Tuskers", "5", "Pune Hawks", "2"]
    taken = removed("\n".join([FLOODS, *scores]))
    assert "Kochi Tuskers" not in taken and "Pune Hawks" not in taken
    listed = "\n".join([FLOODS, "2 Ministers resigned over the floods.", "Kerala", "14", RELIEF])
    assert "2 Ministers resigned over the floods." not in removed(listed)


def test_a_poll_the_page_puts_to_its_readers_is_still_learned() -> None:
    polls = [
        "Readers' poll: Yes 47% | No 53%",
        "Readers' poll: Yes 61% | No 39%",
        "Readers' poll: Yes 58% | No 42%",
    ]
    stats = _source_of(*([poll] for poll in polls))
    assert removed("\n".join([FLOODS, RELIEF, polls[0]]), stats) == [polls[0]]


WIDGETS = [
    ("Full name*", "form field"),
    ("Mobile number *", "form field"),
    ("Name (as in passport)*", "form field"),
    ("Meal preference*: ( ) Vegetarian ( ) Non-vegetarian", "form field"),
    ("Join: ( ) In person (Kochi) ( ) Online", "form field"),
    ("[ ] I agree to receive updates about the festival.", "form field"),
    ("Submit", "form button"),
    ("Riverbank99 (talk) 10:05, 3 May 2026 (UTC)", "wiki signature"),
    ("This page was last edited on 3 May 2026, at 10:20 (UTC).", "wiki furniture"),
    ("This article is within the scope of WikiProject Rivers.", "wiki furniture"),
    ("(CPA) mk/rs", "wire transmission"),
    ("More: hp.example/a1Bc", "story link"),
    ("Reply STOP to 51234 to end alerts.", "alert opt-out"),
    ("Delivered", "message status"),
    ("Download annual report (PDF)", "file link"),
    ("Watch the lecture (1 h 05 min)", "recording link"),
    ("Compare with: [Kerala] [Goa] [Odisha]", "link bar"),
    ("[QR code] festival.example.in/passes", "picture placeholder"),
    ("Eds: adds quotes from the port authority, para 4", "wire version note"),
    ("Printed 02/05/2026 10:14 IST | Copyright 2026 Coast Press Agency.", "copyright footer"),
]


def test_what_a_pages_widgets_leave_in_its_text_goes() -> None:
    for line, rule in WIDGETS:
        assert judge(line) == rule, line


def test_ordinary_lines_that_share_a_widgets_words_stay() -> None:
    for line in (
        "Total*",
        "Prices include tax*",
        "(AP) The ministers met in Delhi on Monday to sign the accord.",
        "More: the ministry will publish the rules next week",
        "This article is based on interviews with port officials.",
        "Watch the skies (for meteors) tonight",
        "Reply to the notice was due on Friday, the board said.",
        "Register of members",
        "For the Love of Cricket",
        "For the first time the Ministry of Finance",
        "For the Government, the decision is final.",
        "Eds: the paper said the strike was over",
        "The index rose 2% | Copyright holders sued in May.",
    ):
        assert judge(line) is None, line
    speeds = "Download speeds rose by a fifth in May, the regulator said."
    text = "\n".join([FLOODS, speeds, RELIEF])
    assert removed(text) == []


def test_an_issues_index_goes_with_its_entries() -> None:
    entries = ["1. Port fees cut for coastal ships", "2. New ferry to the islands"]
    text = "\n".join(["INDEX", *entries, "Port fees cut for coastal ships", FLOODS, RELIEF])
    assert removed(text) == ["INDEX", *entries]


def test_an_index_in_a_sentence_or_over_a_table_stays() -> None:
    rows = ["Pune | 412 homes flooded", "Nagpur | 96 homes flooded"]
    assert removed("\n".join([PORTS, "Index", *rows, RELIEF])) == []
    assert judge("Index of industrial production rose 4% in May.") is None


def test_the_office_under_the_body_a_signatory_signs_for_goes() -> None:
    signed = [
        PORTS,
        "For the Ministry of Shipping, Government of India",
        "Joint Secretary (Ports)",
        "For the Harbour Authority of Kochi",
        "Chairman",
    ]
    assert removed("\n".join(signed)) == signed[1:]


def test_a_sentence_under_a_signing_body_stays() -> None:
    text = "\n".join(["For the Ministry of Shipping, Government of India", FLOODS, RELIEF])
    assert removed(text) == []
