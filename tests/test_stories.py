"""Stories: clustering quality, stable ids, updates, retention, incremental runs, crash safety."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import story_support

from aggregator import Item
from aggregator.app import load_app
from aggregator.pipeline import run_once
from aggregator.store import Store
from aggregator.testing import FeedProject

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

import stories_eval  # noqa: E402
from aggregator.plugins.cluster_stories import (  # noqa: E402
    Index,
    Placement,
    Report,
    Settings,
    _add,
    _best_match,
    _name_signature,
    _stored,
    name_permutations,
    permutations,
    similarity,
)
from aggregator.toolkit.minhash import MAX_HASH, MERSENNE, signature  # noqa: E402
from aggregator.toolkit.story_evidence import (  # noqa: E402
    canonical_url,
    capitalised_phrases,
    contradicting_unit,
    figures_of,
)
from aggregator.toolkit.story_match import (  # noqa: E402
    GAP_PENALTY,
    SAME_COPY_SCORE,
    UNDATED_PENALTY,
)


def seeds_project(tmp_path: Path) -> Path:
    config = (ROOT / "feeds.toml").read_text(encoding="utf-8")
    config = config.replace('paths = ["seeds/*.txt"]', f'paths = ["{ROOT}/seeds/*.txt"]')
    config = config.replace('path = ".aggregator/state.db"', f'path = "{tmp_path}/state.db"')
    config = config.replace('output_dir = "public"', f'output_dir = "{tmp_path}/public"')
    (tmp_path / "feeds.toml").write_text(config, encoding="utf-8")
    return tmp_path / "feeds.toml"


def test_seeds_make_four_stories(tmp_path: Path) -> None:
    report = run_once(load_app(seeds_project(tmp_path)))
    assert report.stories_new == 4
    store = Store.open(tmp_path / "state.db")
    items = {Path(item.uri).name[:3]: item for item in store.iter_items()}
    stories = store.window(max_stories=10)
    store.close()
    assert items["000"].story_id == items["001"].story_id
    assert len({items[n].story_id for n in ("001", "002", "003", "004")}) == 4
    joint = next(story for story in stories if story.id == items["001"].story_id)
    assert joint.representative.uri.endswith("001_d3720e514fc50b12.txt")
    assert [member.uri for member in joint.members] == [items["000"].uri]
    atom = (tmp_path / "public" / "feed.atom").read_text()
    assert atom.count("<entry>") == 4
    assert "Also reported by" in atom and "India and Japan reaffirm strong ties" in atom


def test_labelled_near_duplicates() -> None:
    figures = stories_eval.evaluate()
    assert figures.precision == 1.0, figures.wrong
    assert figures.recall >= 0.9, figures.missed


def test_canonical_url_strips_tracking() -> None:
    assert (
        canonical_url("HTTPS://Example.com:443/news/a/?utm_source=x&id=3&fbclid=y#top")
        == "https://example.com/news/a?id=3"
    )


def test_figures_tell_two_loans_apart() -> None:
    first = frozenset(figures_of("JICA signed a loan of 71.2 billion yen (Rs 3,950 crore)."))
    second = frozenset(figures_of("JICA signed a loan of 41.2 billion yen (Rs 2,350 crore)."))
    assert contradicting_unit(first, first, second, second) == "billion"
    assert figures_of("In 2024, 10 officials met for 1,00,000 reasons.") == {"10", "100000"}


def test_a_unit_written_two_ways_is_one_figure() -> None:
    """A short form and the full word of one unit give one figure, so that two reports of
    one bond issue share it and neither contradicts the other."""
    short = figures_of("The utility sold 62 bn yen of bonds at 1.25 percent.")
    full = figures_of("Bonds worth 62 billion yen were sold with a 1.25% coupon.")
    assert short == full == {"62billion", "1.25%"}
    assert contradicting_unit(short, short, full, full) is None


def test_capitalised_phrases_stop_at_line_ends() -> None:
    item = Item(
        id="x",
        source="s",
        uri="x",
        title="First Economic Security Dialogue",
        text="Foreign Secretary Vikram Misri led the delegation.\nThe Dialogue\nMet In Tokyo",
    )
    phrases = capitalised_phrases(item)
    assert "Economic Security Dialogue" in phrases
    assert "Foreign Secretary Vikram Misri" in phrases
    assert not [phrase for phrase in phrases if "\n" in phrase]


def test_background_figures_do_not_tell_reports_apart() -> None:
    """Two reports of one loan that give other sections' lengths in their bodies."""
    first_lead = frozenset(figures_of("Japan lends 150 billion yen for the bullet train."))
    second_lead = frozenset(figures_of("A 150 bn yen tranche was signed for the rail line."))
    first = first_lead | figures_of("The first 352 km section opens in 2027.")
    second = second_lead | figures_of("About 300 km of viaduct is complete.")
    assert contradicting_unit(first_lead, first, second_lead, second) is None
    assert contradicting_unit(first, first, second, second) == "km"


def test_a_lead_figure_found_in_the_other_body_agrees() -> None:
    first_lead = frozenset(figures_of("Rs 3,950 crore loan signed"))
    second_lead = frozenset(figures_of("Rs 1,200 crore for the depot"))
    second = second_lead | figures_of("It follows the Rs 3,950 crore loan signed on Monday.")
    assert contradicting_unit(first_lead, first_lead, second_lead, second) is None


WIRE = (
    "Japan lends for Chennai metro\n\nMarch 3, 2026\n\n"
    "CHENNAI, March 3 (PTI) The Japan International Cooperation Agency signed a loan of 54.3"
    " billion yen for the second phase of the Chennai metro on Tuesday, officials said. The"
    " corridor will link the airport with the city centre and carry 300,000 riders a day when"
    " it opens in 2028. The loan carries an interest rate of 1.3 per cent.\n"
)


def test_story_id_is_stable_and_updated_moves_when_a_report_joins(
    feed_project: FeedProject,
) -> None:
    feed_project.add_article("a.txt", WIRE)
    feed_project.run(now=datetime(2026, 3, 4, tzinfo=UTC))
    [first] = feed_project.atom_entries()
    copy = WIRE.replace("Japan lends for Chennai metro", "JICA loan boosts Chennai metro phase 2")
    feed_project.add_article("b.txt", copy.replace("officials said", "an official said"))
    report = feed_project.run(now=datetime(2026, 3, 5, 8, tzinfo=UTC))
    assert report.stories_updated == 1 and report.stories_new == 0
    [second] = feed_project.atom_entries()
    assert second["id"] == first["id"]
    assert second["updated"] > first["updated"]
    assert second["updated"].startswith("2026-03-05T08:00")
    assert "JICA loan boosts Chennai metro phase 2" in second["content"]
    items = feed_project.items()
    assert len({item.story_id for item in items}) == 1


def test_retention_window_and_stories_never_return_as_new(feed_project: FeedProject) -> None:
    feed_project.config["feed"]["max_stories"] = 2
    events = [
        "a new harbour opened",
        "the rail bridge closed",
        "talks on visas ended",
        "a lab began",
    ]
    for day, event in enumerate(events, start=1):
        feed_project.add_article(
            f"{day}.txt", f"Story number {day} about ports\n\nMarch {day}, 2026\n\n{event}.\n"
        )
    feed_project.run(now=datetime(2026, 3, 10, tzinfo=UTC))
    titles = [entry["title"] for entry in feed_project.atom_entries()]
    assert titles == ["Story number 4 about ports", "Story number 3 about ports"]
    store = Store.open(feed_project.root / "state" / "state.db")
    assert store.count_stories() == 4
    store.close()
    report = feed_project.run(now=datetime(2026, 3, 11, tzinfo=UTC), reprocess=True)
    assert report.stories_new == 0


def test_max_age_days(feed_project: FeedProject) -> None:
    feed_project.config["feed"]["max_age_days"] = 5
    feed_project.add_article("old.txt", "Old harbour story\n\nMarch 1, 2026\n\nA port opened.\n")
    feed_project.add_article("new.txt", "New rail story\n\nMarch 9, 2026\n\nA station opened.\n")
    feed_project.run(now=datetime(2026, 3, 10, tzinfo=UTC))
    assert [entry["title"] for entry in feed_project.atom_entries()] == ["New rail story"]


def test_undated_story_keeps_its_date(feed_project: FeedProject) -> None:
    feed_project.add_article("u.txt", "Ministers review the rail project\n\nIt is on time.\n")
    feed_project.run(now=datetime(2026, 3, 10, tzinfo=UTC))
    feed_project.add_article("v.txt", "Another story\n\nMarch 12, 2026\n\nSomething else.\n")
    feed_project.run(now=datetime(2026, 3, 12, tzinfo=UTC) + timedelta(hours=1))
    entries = {e["title"]: e for e in feed_project.atom_entries()}
    undated = entries["Ministers review the rail project"]
    assert undated["published"] == ""  # first seen orders it, but is no publication date
    assert undated["updated"].startswith("2026-03-10T00:00:00")


SLOW_PLUGIN = """
import os, time
from pathlib import Path
from aggregator import hookimpl

@hookimpl
def aggregator_clean_item(item):
    if item.uri.endswith("0150.txt"):
        Path(os.environ["MARKER"]).write_text("reached")
        time.sleep(60)
"""


def test_kill_dash_nine_leaves_feeds_and_store_intact(feed_project: FeedProject) -> None:
    for n in range(5):
        feed_project.add_article(
            f"first{n}.txt", f"First batch story {n}\n\nMarch 1, 2026\n\nHarbour {n} opened.\n"
        )
    assert feed_project.run().ok
    atom_before = (feed_project.output_dir / "feed.atom").read_bytes()
    for n in range(300):
        feed_project.add_article(
            f"{n:04}.txt",
            f"Second batch story {n}\n\nMarch 2, 2026\n\nBridge {n * 7} opened in town {n}.\n",
        )
    feed_project.add_plugin("slow.py", SLOW_PLUGIN)
    feed_project.write_config()
    marker = feed_project.root / "marker"
    env = {**os.environ, "MARKER": str(marker)}
    process = subprocess.Popen(
        [sys.executable, "-m", "aggregator", "run", "--once", "-c", str(feed_project.config_path)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 60
        while not marker.exists():
            assert time.monotonic() < deadline, "the run never reached the slow item"
            time.sleep(0.05)
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=10)
    finally:
        if process.poll() is None:
            process.kill()
    assert (feed_project.output_dir / "feed.atom").read_bytes() == atom_before
    assert not list(feed_project.output_dir.glob(".*.tmp"))
    (feed_project.plugins / "slow.py").unlink()
    report = feed_project.run()
    assert report.ok
    items = feed_project.items()
    assert len(items) == 305
    assert all(item.story_id for item in items)
    assert len(feed_project.atom_entries()) == 50


def test_minhash_signature_is_the_stored_formula() -> None:
    """Stored signatures stay comparable only if the formula never changes: for each
    permutation, min over the hashes of ((a·h + b) mod 2**64) mod (2**61 - 1), low 32 bits."""
    import numpy as np

    a, b, _, _ = permutations()
    for hashes in ([0], [1, 2, 3, 3], [MAX_HASH, MAX_HASH - 1, 7], [12345, 987654321] * 5):
        expected = [
            min((((int(x) * h + int(y)) % 2**64) % MERSENNE) & MAX_HASH for h in hashes)
            for x, y in zip(a, b, strict=True)
        ]
        got = signature(np.array(hashes, dtype=np.uint64), a, b)
        assert got.tolist() == expected
    assert signature(np.array([], dtype=np.uint64), a, b).tolist() == [MAX_HASH] * a.size


def _report(title: str, text: str, published: datetime | None, item_id: str) -> Report:
    return _placed(title, text, published, item_id)[0]


def _placed(
    title: str, text: str, published: datetime | None, item_id: str, outlet: str | None = None
) -> tuple[Report, Placement]:
    return story_support.placed(title, text, item_id, published, outlet)


DAY = datetime(2026, 3, 10, 9, tzinfo=UTC)
LOAN = (
    "Japan will lend India 71.2 billion yen for the Mumbai Metro Line 3, the Japan International"
    " Cooperation Agency said on Tuesday. The loan carries an interest rate of 0.1 per cent and"
    " is repayable over 40 years. The metro will carry 1.7 million passengers a day when the"
    " Colaba Bandra Seepz corridor opens."
)


def test_same_copy_under_a_reworded_headline_joins() -> None:
    first = _report("Japan lends India 71.2 billion yen for Mumbai metro", LOAN, DAY, "a")
    second = _report("Mumbai Metro Line 3 gets Japanese loan", LOAN, DAY + timedelta(hours=5), "b")
    score, reason = similarity(second, first)
    assert score >= SAME_COPY_SCORE + Settings().text_threshold
    assert reason.startswith("same copy")


def test_same_facts_in_other_prose_join() -> None:
    first = _report("Japan lends India 71.2 billion yen for Mumbai metro", LOAN, DAY, "a")
    reworded = (
        "The Japan International Cooperation Agency has agreed a loan of 71.2 billion yen to"
        " India. The money goes to the Colaba Bandra Seepz corridor of the Mumbai Metro Line 3,"
        " which is expected to move 1.7 million riders daily."
    )
    second = _report("JICA loan of 71.2 billion yen for Mumbai metro", reworded, DAY, "b")
    score, reason = similarity(second, first)
    assert not reason.startswith("same copy")
    assert score >= Settings().match_threshold, reason


def test_contradicting_figures_stay_apart() -> None:
    first = _report("Japan lends India 71.2 billion yen for Mumbai metro", LOAN, DAY, "a")
    other = LOAN.replace("71.2 billion", "41.2 billion")
    second = _report("Japan lends India 41.2 billion yen for Mumbai metro", other, DAY, "b")
    assert similarity(second, first) == (0.0, "different billion figures")


def test_reports_dated_beyond_max_gap_days_stay_apart() -> None:
    first = _report("Japan lends India 71.2 billion yen for Mumbai metro", LOAN, DAY, "a")
    later = _report("Japan lends India 71.2 billion yen for Mumbai metro", LOAN, DAY, "b")
    later.date = DAY + timedelta(days=9)
    score, reason = similarity(later, first)
    assert (score, reason) == (0.0, "dated 9 days apart")
    assert similarity(later, first, settings=Settings(max_gap_days=10))[0] > 1.0


def test_an_undated_report_needs_more_evidence() -> None:
    dated = _report("JICA loan for Mumbai metro", LOAN, DAY, "a")
    reworded = "The Japan International Cooperation Agency backs the Mumbai Metro Line 3."
    second = _report("Mumbai Metro Line 3 loan", reworded, DAY, "b")
    undated = _report("Mumbai Metro Line 3 loan", reworded, None, "c")
    with_date, _ = similarity(second, dated)
    without_date, _ = similarity(undated, dated)
    assert without_date == pytest.approx(with_date - UNDATED_PENALTY)


def test_a_report_naming_the_same_people_in_other_phrases_joins() -> None:
    """Reworded reports cut names differently ("Minister Yoji Muto", "MUTO Yoji"): their
    words, not their phrases, are the evidence, and the name index finds the candidate."""
    first = _report(
        "Japan and India sign chip supply-chain pact",
        "Economy Minister Yoji Muto and Electronics Minister Ashwini Vaishnaw signed the"
        " memorandum at Kasumigaseki, setting up a Semiconductor Working Group.",
        DAY,
        "a",
    )
    second = _report(
        "Memorandum on semiconductors signed in Tokyo",
        "The Semiconductor Working Group will be chaired by officials of Shri Ashwini Vaishnaw"
        " and Mr. MUTO Yoji, who met at Kasumigaseki on Tuesday.",
        DAY + timedelta(hours=20),
        "b",
    )
    score, reason = similarity(second, first)
    assert score >= Settings().match_threshold, reason
    assert "names" in reason


def test_sharing_only_the_countries_of_the_feed_is_no_evidence() -> None:
    first = _report(
        "India and Japan sign a semiconductor pact",
        "TOKYO — India and Japan signed an agreement on semiconductor supply chains.",
        DAY,
        "a",
    )
    second = _report(
        "Japan lends India money for the Mumbai metro",
        "MUMBAI — Japan agreed to lend India money for a new metro line in Mumbai.",
        DAY + timedelta(days=2),
        "b",
    )
    assert similarity(second, first)[0] < Settings().match_threshold


def test_a_brief_whose_names_a_long_report_holds_joins_it() -> None:
    """A two-sentence brief shares nearly all its names with a long report of the same
    event, but few of the long report's many: name containment is the evidence."""
    brief = _placed(
        "Hokuto Rail wins Nagpur signalling order",
        "Hokuto Rail Systems and Sarvodaya Infra won a Rs 2,380 crore order from Maharail"
        " for signalling on the Nagpur Wardha section, Managing Director Keshav Deshmukh"
        " said in Nagpur.",
        DAY,
        "brief",
    )
    long_report = _placed(
        "Consortium to modernise signals on a busy freight corridor",
        "Maharail has awarded a consortium of Sarvodaya Infra and the Japanese firm Hokuto"
        " Rail Systems its largest signalling contract, covering the Nagpur Wardha section."
        " Keshav Deshmukh, managing director of Sarvodaya, said the work would take three"
        " years. Analysts at Deccan Capital and Konkan Securities said the order book of the"
        " company now exceeds its annual revenue. The Railway Board, the Research Designs and"
        " Standards Organisation and the Commissioner of Railway Safety must approve the"
        " design. Hokuto has supplied interlocking for lines in Osaka, Kyoto and Kobe, and"
        " opened an office in Pune last year. Deshmukh thanked Maharail, the Vidarbha"
        " Chamber of Industry and the Nagpur Municipal Corporation.",
        DAY + timedelta(hours=6),
        "long",
    )
    index = Index()
    for number, (city, body) in enumerate(
        [("Chennai", "Southern Railway"), ("Kolkata", "Eastern Railway"), ("Surat", "Western")]
    ):
        _add(
            index,
            *_placed(
                f"{city} metro news", f"{body} said trains in {city} ran late.", DAY, f"f{number}"
            ),
        )
    _add(index, *brief)
    _add(index, *long_report)
    score, reason = similarity(brief[0], long_report[0], index)
    assert score >= Settings().match_threshold, reason
    assert "contained 0.00" not in reason


def test_reports_further_apart_need_more_evidence() -> None:
    reworded = "The Japan International Cooperation Agency backs the Mumbai Metro Line 3."
    first = _report("JICA loan for Mumbai metro", LOAN, DAY, "a")
    next_day = _report("Mumbai Metro Line 3 loan", reworded, DAY + timedelta(days=1), "b")
    days_later = _report("Mumbai Metro Line 3 loan", reworded, DAY + timedelta(days=3), "c")
    soon, _ = similarity(next_day, first)
    later, _ = similarity(days_later, first)
    assert later == pytest.approx(soon - 2 * GAP_PENALTY)


def test_a_name_signature_stored_with_fewer_permutations_is_made_again() -> None:
    """Index rows written before the name signature had its present length still find
    their candidates: the signature is computed again from the stored name words (such a
    row holds no bodies' initials, which came later and are not banded)."""
    import numpy as np

    from aggregator.toolkit.story_evidence import name_words
    from aggregator.toolkit.story_lists import name_word_hash
    from aggregator.toolkit.story_rows import loaded_report

    report, placement = _placed("JICA loan for Mumbai metro", LOAN, DAY, "a")
    row = _stored(report, placement)
    assert _name_signature(row, report) == placement.names
    item = Item(id="a", source="a", uri="a", title="JICA loan for Mumbai metro", text=LOAN)
    given = sorted({name_word_hash(word) for word in name_words(item)})
    old_row = row._replace(
        name_sig=row.name_sig[: len(row.name_sig) // 2],
        names=np.array(given, dtype=np.uint64).tobytes(),
        name_items=b"",
    )
    assert _name_signature(old_row, loaded_report(old_row)) == placement.names


def test_a_report_whose_names_are_initials_alone_is_banded_alike_when_loaded(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A report that gives no name word but a body's initials is in no name band when
    built; loaded again from its row it must not be banded by those initials either."""
    from aggregator.plugins import cluster_stories
    from aggregator.toolkit.story_rows import loaded_report

    monkeypatch.setattr(cluster_stories, "name_words", lambda item, capitalised=None: [])
    report, placement = _placed(
        "Harbour dues rise", "The Lakeside Harbour Board raised its dues again.", DAY, "a"
    )
    assert report.names and not placement.names
    row = _stored(report, placement)
    assert _name_signature(row, loaded_report(row)) == placement.names


def test_the_signature_permutations_never_change() -> None:
    """Stored signatures were made with these draws: the text and term permutations from
    seed 20260222 (a, b of 64, then of 32), the name permutations from seed 20260517."""
    import numpy as np

    rng = np.random.RandomState(20260222)
    expected = [rng.randint(low, 1 << 61, n, dtype=np.uint64) for n in (64, 32) for low in (1, 0)]
    assert [array.tolist() for array in permutations()] == [array.tolist() for array in expected]
    rng = np.random.RandomState(20260517)
    names = [rng.randint(low, 1 << 61, 16, dtype=np.uint64) for low in (1, 0)]
    assert [array.tolist() for array in name_permutations()] == [a.tolist() for a in names]


ROAD = (
    "Japanese loan for Meghalaya road",
    "Ambassador Kenji Tanabe and Secretary Farida Rahman signed a loan from the Japan"
    " International Cooperation Agency for the Tura road, which the Meghalaya Public Works"
    " Department will build towards the Chittagong Port Authority's new terminal, the"
    " Dhaka Dispatch learned.",
)
PORT = (
    "Matarbari deep-sea port opens to ships",
    "The Chittagong Port Authority will open the Matarbari berths next year, Secretary"
    " Farida Rahman told reporters; Ambassador Kenji Tanabe recalled that the Japan"
    " International Cooperation Agency financed the dredging, and the Meghalaya Public Works"
    " Department hopes to send stone through it, the Dhaka Dispatch reports.",
)


def test_one_outlets_reports_need_headline_or_text_in_common() -> None:
    """An outlet's reports share its beat's names: two of its reports about different
    projects, days apart, stay apart unless their headlines or texts overlap; the same
    names from two outlets still count, and an outlet's update of its own report joins."""
    first = _report_of(*ROAD, DAY, "a", "Dhaka Dispatch")
    later = DAY + timedelta(days=2)
    score, reason = similarity(_report_of(*PORT, later, "b", "Dhaka Dispatch"), first)
    assert score == 0.0
    assert reason.startswith("one outlet's reports")
    assert similarity(_report_of(*PORT, later, "b", "Harbour Post"), first)[0] > 0.0
    update = _report_of(ROAD[0] + " signed", ROAD[1], DAY, "c", "Dhaka Dispatch")
    assert similarity(update, first)[0] >= Settings().match_threshold


def _report_of(
    title: str, text: str, published: datetime | None, item_id: str, outlet: str | None
) -> Report:
    return _placed(title, text, published, item_id, outlet)[0]


REWORDED_LOAN = (
    "The Japan International Cooperation Agency has agreed a loan of 71.2 billion yen to"
    " India. The money goes to the Colaba Bandra Seepz corridor of the Mumbai Metro Line 3,"
    " which is expected to move 1.7 million riders daily."
)


def _match_beside(index: Index) -> tuple[str | None, str]:
    """Add a reworded report of the loan (story "story-of-the-match") to ``index`` beside
    what it holds, and find the story of a new report of the loan."""
    match = _placed("JICA loan of 71.2 billion yen for Mumbai metro", REWORDED_LOAN, DAY, "match")
    match[0].story_id = "story-of-the-match"
    _add(index, *match)
    new = _placed("Japan lends India 71.2 billion yen for Mumbai metro", LOAN, DAY, "new")
    return _best_match(index, *new, Settings())


def test_candidates_dated_too_far_apart_do_not_crowd_out_the_match() -> None:
    """Copies of last month's report share more bands with a new report than its real
    match does, but can never match it: they must not fill the candidates verified."""
    index = Index()
    month_ago = DAY - timedelta(days=30)
    for number in range(12):
        _add(index, *_placed("Mumbai metro loan", LOAN, month_ago, f"old{number}"))
    story_id, reason = _match_beside(index)
    assert story_id == "story-of-the-match", reason


def test_a_busy_day_of_other_loans_does_not_crowd_out_the_match() -> None:
    """On a busy day a dozen reports of other loans share more of a report's wording than
    its reworded match does; each is verified and told apart by its figures, but they
    must not fill every place among the candidates verified."""
    index = Index()
    for number in range(10):
        other = LOAN.replace("71.2 billion", f"{30 + number}.5 billion").replace(
            "0.1 per cent", f"0.{number + 2} per cent"
        )
        _add(index, *_placed("Japan lends India yen for a metro", other, DAY, f"other{number}"))
    story_id, reason = _match_beside(index)
    assert story_id == "story-of-the-match", reason
