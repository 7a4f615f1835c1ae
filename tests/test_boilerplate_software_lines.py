"""Lines that a program writes round what people wrote, the same whoever publishes: a
chat group's events, a mail program's message count, a hub's link to the outlet's site, a
link's note that it opens a new window, a securities filing's signature block, a wiki's
tagline and redirect note, a blog engine's "Bookmark the permalink" line, a file link
by its type and size, a publishing system's fields round a story it previews; and a
court's bench over its order. The article's own lines that share their words stay."""

from __future__ import annotations

import pytest
from boilerplate_support import cleaned, judge


@pytest.mark.parametrize(
    ("line", "rule"),
    [
        ("14/02/2026, 10:02 - Meera Nair added Tomoko Abe", "chat system line"),
        ("14/02/2026, 10:05 - Tomoko Abe left", "chat system line"),
        ("[14/02/26, 10:07:31 AM] ‎Ravi removed you", "chat system line"),
        (
            "14/02/2026, 11:40 - Meera Nair changed this group's settings to allow only admins",
            "chat system line",
        ),
        (
            "14/02/2026, 11:41 - Kenji Mori joined using this group's invite link",
            "chat system line",
        ),
        ("4 messages", "message count"),
        ("1 message", "message count"),
        ("Continue reading on Coastal Weekly Review", "provider credit"),
        ("LinkedIn (Opens in new window)", "share prompt"),
        ("* [22]Facebook (Opens in new window)", "share prompt, behind link markers"),
        ("Share on WhatsApp (opens in a new tab)", "share prompt"),
        ("SIGNATURES", "filing signatures"),
        (
            "Pursuant to the requirements of the Securities Exchange Act of 1934, the registrant"
            " has duly caused this report to be signed on its behalf by the undersigned,"
            " thereunto duly authorized.",
            "filing signatures",
        ),
        ("From Harbourpedia, the free encyclopedia", "wiki tagline"),
        (
            '"KMRL" redirects here. For the suburban line, see Kochi suburban rail.',
            "wiki tagline",
        ),
        (
            "This entry was posted in Ports, Kerala and tagged ferries, JICA. Bookmark the"
            " permalink.",
            "post footer",
        ),
        ("PDF (2.3 MB)", "file link"),
        ("SLUG: KOCHI-FERRY-LOAN", "publishing system field"),
        ("Slug: japan-loan-for-kochi-ferries", "publishing system field"),
        ("Section: India › Kerala", "publishing system field"),
        (
            "PREVIEW — This story is not yet published. Links in the preview are disabled.",
            "publishing system field",
        ),
        ("DOCX (88 KB)", "file link"),
    ],
)
def test_software_lines_are_removed(line: str, rule: str) -> None:
    assert judge(line) == rule


@pytest.mark.parametrize(
    "line",
    [
        "14/02/2026, 10:09 - Meera Nair: the ferry left at noon and added two stops",
        "The minister left for Osaka on Tuesday.",
        "From Kochi, the free ferry runs every hour.",
        "The agreement was posted on the ministry's site; readers can bookmark the page.",
        "PDF files of the tender ran to 1.4 MB each.",
        "Section 4: The ferries and their routes",
        "Meta: the word the company chose for its new ferry",
        "Meta description: Japan will lend 12 billion yen for electric ferries in Kochi.",
        "Continue reading on the subject of harbour dues, the report says, at page 40.",
        "12 messages were intercepted by the coast guard.",
        "The new terminal (opens in new window) was shown to visitors.",
        "Signatures",
        "Pursuant to the agreement, the two ports will share pilots from April.",
    ],
)
def test_article_lines_like_them_stay(line: str) -> None:
    assert judge(line) is None


def test_signature_block_of_a_filing_goes_to_the_end() -> None:
    text = "\n".join(
        [
            "Kaveri Marine Announces Osaka Office",
            "CHENNAI, May 4, 2026 -- Kaveri Marine Limited said it will open an office in"
            " Osaka in July to serve Japanese shipowners.",
            "SIGNATURES",
            "Date: May 4, 2026",
            "By: /s/ Asha Raman",
            "Name: Asha Raman",
            "Title: Company Secretary",
        ]
    )
    kept = cleaned(text)
    assert "Osaka in July" in kept
    for gone in ("SIGNATURES", "Asha Raman", "Company Secretary"):
        assert gone not in kept


@pytest.mark.parametrize(
    "line",
    [
        "CORAM:",
        "CORAM : ASHA K. MENON, J.",
        "CORAM: HON'BLE SHRI JUSTICE R. V. NAIR",
        "CORAM: HON'BLE MEMBER (JUDICIAL) AND HON'BLE MEMBER (TECHNICAL)",
        "HON'BLE MS. JUSTICE LEELA IYER",
    ],
)
def test_a_courts_bench_is_furniture(line: str) -> None:
    assert judge(line) == "bench"


@pytest.mark.parametrize(
    "line",
    ["Coram of the port committee met on Tuesday.", "HON'BLE CHIEF MINISTER OPENS FERRY JETTY"],
)
def test_lines_like_a_bench_stay(line: str) -> None:
    assert judge(line) is None


@pytest.mark.parametrize(
    "line",
    [
        "New submission from: Reader feedback (Hindi)",
        'New submission from "Write to the editor"',
        "Attachments: bridge_crack.jpg (3.2 MB), bridge_crack_2.jpg (2.9 MB)",
        "Attachment: complaint_letter.pdf (88 KB)",
        "Sent from: /en/contact/feedback.html",
        "Page: coastalherald.example/contact",
        "Submitted: 2026/08/03 22:15 IST",
        "IP: 117.xx.xx.4 · Submitted 03/08/2026 22:15 IST",
        "Time: 03-08-2026 22:15 · Form ID 7",
        "Powered by FormKite for WordPress",
        "Sent by FormKite-pro",
    ],
)
def test_a_web_forms_notification_lines_go(line: str) -> None:
    assert judge(line) == "form notification"


@pytest.mark.parametrize(
    "line",
    ["Sent by JICA", "Page: 14", "Submitted: the draft of the rail safety report"],
)
def test_fields_that_are_no_forms_stay(line: str) -> None:
    assert judge(line) != "form notification"
