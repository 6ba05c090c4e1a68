"""The web page in a real headless Chromium (Debian's, driven by Playwright).

Skipped only when /usr/bin/chromium is absent (CI installs it). Screenshots go to
test-output/server/; set MEDCITE_UPDATE_SCREENSHOTS=1 to refresh docs/screenshots/answer.png too.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from medcite.server.app import create_app

from .conftest import NO_LIMIT, ROOT, LiveServer, start_live
from .fakes import (
    DEMO_ID,
    DEMO_QUESTION,
    OLD_NOTE,
    TIC_SR,
    XSS_QUESTION,
    XSS_TITLE,
    FakeEngine,
    detail_id,
    unreachable_source,
)

if TYPE_CHECKING:
    from playwright.sync_api import Browser, ConsoleMessage, Page, Route

README_SCREENSHOT = ROOT / "docs" / "screenshots" / "answer.png"
SECOND_QUESTION = "How is hemifacial spasm treated?"
SUICIDAL_QUESTION = "I feel like killing myself"
POISON_QUESTION = "My child swallowed bleach, what do I do?"
MIN_TARGET_PX = 24


class Console:
    """Collects console errors, warnings and uncaught exceptions of one page."""

    def __init__(self, page: Page) -> None:
        self.problems: list[str] = []
        page.on("console", self._on_console)
        page.on("pageerror", lambda error: self.problems.append(f"pageerror: {error}"))

    def _on_console(self, message: ConsoleMessage) -> None:
        if message.type in ("error", "warning"):
            self.problems.append(f"{message.type}: {message.text}")


@pytest.fixture
def page(browser: Browser, live_server: LiveServer) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1100, "height": 900}, color_scheme="light")
    page = context.new_page()
    console = Console(page)
    page.goto(f"{live_server.url}/")
    yield page
    context.close()
    assert console.problems == []


def ask(page: Page, question: str) -> None:
    page.get_by_label("Your health question").fill(question)
    page.get_by_label("Your health question").press("Enter")


def answered(page: Page, question: str) -> None:
    """Wait until the answer to ``question`` is shown."""
    page.locator("#answer-title", has_text=question).wait_for()
    page.locator("#ask-button:not([disabled])").wait_for()


def test_demo_question_shows_bottom_line_first(page: Page, test_output: Path) -> None:
    ask(page, DEMO_QUESTION)
    # progress is marked stage by stage while answering; a fast answer may hide the box before a
    # visibility check runs, so the marks themselves are what is waited for
    page.wait_for_selector(".stages li.active, .stages li.done", state="attached")
    title = page.locator("#answer-title")
    title.wait_for()
    assert title.text_content() == DEMO_QUESTION
    headings = page.locator("#answer h3").all_text_contents()
    assert headings[:4] == ["Bottom line", "From the Guidelines", "From the Research", "References"]
    verdict = page.locator(".bottom-line .verdict strong")
    assert verdict.text_content() == "The sources found name these causes of facial twitches:"
    assert page.locator(".bottom-line ul.bullets li").count() == 2
    assert page.locator(".bottom-line .cite").count() == 2
    assert "Causes" in page.locator("#answer h4").all_text_contents()
    assert page.locator("#answer .references li").count() == 7
    assert page.locator("#progress").is_hidden()
    assert page.locator(".excluded li", has_text="Retraction of").count() == 1
    assert "not medical advice" in (page.locator(".disclaimer").text_content() or "")
    page.screenshot(path=str(test_output / "answer.png"), full_page=True)
    if os.environ.get("MEDCITE_UPDATE_SCREENSHOTS") or not README_SCREENSHOT.exists():
        README_SCREENSHOT.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(test_output / "answer.png", README_SCREENSHOT)


def test_badges_say_what_a_source_is(page: Page) -> None:
    ask(page, DEMO_QUESTION)
    answered(page, DEMO_QUESTION)
    assert page.locator("#ref-1 .badge").text_content() == "NIH patient information"
    assert page.locator("#ref-5 .badge.level-sr").text_content() == "Systematic review"
    assert page.locator("#ref-7 .badge").text_content() == "Other"  # no kind: the level's label
    assert page.locator("#ref-6 .ref-note").all_text_contents() == [OLD_NOTE]
    assert page.locator("#ref-5 a", has_text="doi:").get_attribute("href") == (
        "https://doi.org/10.1016/j.ctim.2021.102734"
    )


def test_a_citation_shows_its_sentence_in_its_source(page: Page, test_output: Path) -> None:
    ask(page, DEMO_QUESTION)
    answered(page, DEMO_QUESTION)
    chip = page.locator(".research .cite", has_text="5").first
    box = chip.bounding_box()
    assert box is not None
    assert box["width"] >= MIN_TARGET_PX and box["height"] >= MIN_TARGET_PX, box
    assert chip.get_attribute("aria-expanded") == "false"
    chip.click()
    card = page.locator(f"#{chip.get_attribute('aria-controls')}")
    assert card.is_visible()
    assert chip.get_attribute("aria-expanded") == "true"
    assert card.locator("mark").text_content() == TIC_SR
    assert card.locator(".badge").text_content() == "Systematic review"
    assert "2021" in (card.locator(".card-meta").text_content() or "")
    title = card.locator(".card-title").text_content() or ""
    assert "acupuncture treatment of TIC disorder" in title
    link = card.get_by_role("link", name="open source 5 in a new tab")
    assert link.get_attribute("href") == "https://pubmed.ncbi.nlm.nih.gov/33989798/"

    guideline = page.locator(".guidelines li", has_text="involuntary muscle contractions").first
    guideline.locator(".cite", has_text="3").click()  # a merged statement: its source's own words
    quote = guideline.locator(".cite-card .quote.in-source")
    quote.wait_for()
    assert quote.locator("mark").text_content() == (
        "Benign essential blepharospasm is a progressive neurological disorder characterized by "
        "involuntary muscle contractions and spasms of the eyelid muscles."
    )
    assert "Most cases are treated" in (quote.text_content() or "")  # shown in its context
    page.screenshot(path=str(test_output / "citation.png"), full_page=True)
    chip.click()
    assert card.count() == 0
    assert chip.get_attribute("aria-expanded") == "false"


def test_citation_opens_the_pubmed_record(page: Page) -> None:
    def fake_pubmed(route: Route) -> None:  # no network here: PubMed is stubbed
        route.fulfill(status=200, content_type="text/html", body="<title>PubMed stub</title>")

    page.context.route("https://pubmed.ncbi.nlm.nih.gov/**", fake_pubmed)
    ask(page, DEMO_QUESTION)
    page.locator(".research .cite", has_text="5").first.click()
    with page.expect_popup() as popup_info:
        page.get_by_role("link", name="open source 5 in a new tab").click()
    popup = popup_info.value
    popup.wait_for_load_state()
    assert popup.url == "https://pubmed.ncbi.nlm.nih.gov/33989798/"
    assert popup.title() == "PubMed stub"


def test_keyboard_only(page: Page) -> None:
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip-link"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "question"
    page.keyboard.type(DEMO_QUESTION)
    page.keyboard.press("Enter")
    page.locator("#answer-title").wait_for()
    assert page.evaluate("document.activeElement.id") == "answer-title"
    for _ in range(40):  # tab to the first citation chip
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('cite')"):
            break
    card_id = page.evaluate("document.activeElement.getAttribute('aria-controls')")
    page.keyboard.press("Enter")
    assert page.locator(f"#{card_id}").is_visible()
    page.keyboard.press("Escape")
    assert page.locator(f"#{card_id}").count() == 0
    assert page.evaluate("document.activeElement.getAttribute('aria-controls')") == card_id
    page.keyboard.press(" ")  # Space opens it too
    assert page.locator(f"#{card_id} mark").is_visible()

    for _ in range(80):  # on to the long-form toggle
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "detail-toggle":
            break
    assert page.evaluate("document.activeElement.textContent") == "Show all statements (detail)"
    page.keyboard.press("Enter")
    page.locator("#detail-toggle[aria-pressed='true']").wait_for()
    assert "Surgery" in page.locator("#answer h4").all_text_contents()
    assert page.url.endswith(f"/a/{detail_id(DEMO_ID)}")
    page.locator("#detail-toggle").press("Enter")
    page.locator("#detail-toggle[aria-pressed='false']").wait_for()
    assert "Surgery" not in page.locator("#answer h4").all_text_contents()


def test_emergency_replaces_the_answer_with_an_action_card(page: Page, test_output: Path) -> None:
    page.get_by_role("button", name="crushing chest pain", exact=False).click()
    card = page.locator("#answer .emergency")
    card.wait_for()
    assert card.get_attribute("role") == "alert"
    assert page.evaluate("document.getElementById('answer').firstElementChild.className") == (
        "emergency"
    )
    assert page.evaluate("document.activeElement.id") == "emergency-title"
    assert "chest pain or pressure can be a heart attack" in (
        card.locator(".emergency-advice").text_content() or ""
    )
    assert card.locator("a.call").evaluate_all("links => links.map(a => a.href)") == ["tel:911"]
    signs = card.locator(".warning-signs li").all_text_contents()
    assert signs == ["“crushing chest” — chest pain"]
    card_box, answer_box = card.bounding_box(), page.locator("#answer").bounding_box()
    assert card_box is not None and answer_box is not None
    assert card_box["width"] >= answer_box["width"] - 4  # full width of the answer
    evidence = page.locator("#answer details.evidence")
    assert evidence.get_attribute("open") is None  # the evidence follows, collapsed
    assert page.locator("#answer .abstain").is_hidden()
    page.screenshot(path=str(test_output / "red-flag.png"), full_page=True)
    evidence.locator("> summary").click()
    assert page.locator("#answer .abstain").is_visible()
    assert page.locator("#answer .closest li").count() == 1


@pytest.mark.parametrize(
    ("question", "calls"),
    [
        (SUICIDAL_QUESTION, ["tel:988", "sms:988", "tel:911"]),
        (POISON_QUESTION, ["tel:+18002221222", "tel:911"]),
    ],
)
def test_the_card_calls_the_right_number(page: Page, question: str, calls: list[str]) -> None:
    ask(page, question)
    card = page.locator("#answer .emergency")
    card.wait_for()
    assert card.locator("a.call").evaluate_all("links => links.map(a => a.href)") == calls
    for box in card.locator("a.call").evaluate_all(
        "links => links.map(a => a.getBoundingClientRect().height)"
    ):
        assert box >= MIN_TARGET_PX


def test_a_same_day_red_flag_asks_for_care_today_and_911_only_if_worse(page: Page) -> None:
    ask(page, "woke up this morning and suddenly can't hear out of my left ear")
    card = page.locator("#answer .emergency")
    card.wait_for()
    assert card.locator("#emergency-title").text_content() == "Get medical care today"
    assert (card.locator(".emergency-advice").text_content() or "").startswith(
        "Get medical care today."
    )
    links = card.locator("a.call")
    assert links.evaluate_all("links => links.map(a => a.href)") == ["tel:911"]
    assert "if it gets worse" in (links.first.text_content() or "")


def test_a_card_for_a_visit_within_days_says_soon(page: Page) -> None:
    ask(page, "lost 8 kg without trying this year and now meat keeps sticking when I swallow")
    card = page.locator("#answer .emergency")
    card.wait_for()
    assert card.locator("#emergency-title").text_content() == "See a doctor soon"
    assert card.locator("a.call").evaluate_all("links => links.map(a => a.href)") == ["tel:911"]


def test_permalinks_keep_the_answer(page: Page, browser: Browser, live_server: LiveServer) -> None:
    ask(page, DEMO_QUESTION)
    answered(page, DEMO_QUESTION)
    assert page.url == f"{live_server.url}/a/{DEMO_ID}"
    assert page.title().startswith(DEMO_QUESTION)
    ask(page, SECOND_QUESTION)
    answered(page, SECOND_QUESTION)
    second_url = page.url
    assert second_url != f"{live_server.url}/a/{DEMO_ID}"

    page.go_back()
    answered(page, DEMO_QUESTION)
    assert page.url == f"{live_server.url}/a/{DEMO_ID}"
    page.reload()
    answered(page, DEMO_QUESTION)
    assert page.locator(".bottom-line .verdict").is_visible()
    assert page.get_by_role("button", name="Copy as Markdown").is_enabled()
    page.go_forward()
    answered(page, SECOND_QUESTION)
    page.go_back()
    page.go_back()
    page.wait_for_url(f"{live_server.url}/")
    assert page.locator("#answer").is_hidden()

    shared = browser.new_context()  # someone the link was sent to
    try:
        other = shared.new_page()
        console = Console(other)
        other.goto(second_url)
        answered(other, SECOND_QUESTION)
        assert other.get_by_label("Your health question").input_value() == SECOND_QUESTION
        other.goto(f"{live_server.url}/a/0123456789abcdef0123456789abcdef")
        message = other.locator("#form-message")
        message.wait_for()
        assert "not available on this server" in (message.text_content() or "")
        assert other.locator("#answer").is_hidden()
        assert console.problems == [
            "error: Failed to load resource: the server responded with a status of 404 (Not Found)"
        ]
    finally:
        shared.close()


def test_empty_question_gets_a_helpful_message(page: Page) -> None:
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.get_by_role("button", name="Ask", exact=True).click()
    message = page.locator("#form-message")
    assert message.is_visible()
    assert "Type a question first" in (message.text_content() or "")
    assert page.get_by_label("Your health question").get_attribute("aria-invalid") == "true"
    assert not [url for url in requests if "/v1/answer" in url]
    ask(page, DEMO_QUESTION)  # typing a question clears the message
    assert message.is_hidden()


def test_over_long_question_gets_a_helpful_message(page: Page, test_output: Path) -> None:
    ask(page, "Why? " * 300)
    message = page.locator("#form-message")
    assert "please shorten it to at most 1,000 characters" in (message.text_content() or "")
    assert "over" in (page.locator("#question-count").get_attribute("class") or "")
    assert page.locator("#answer").is_hidden()
    page.screenshot(path=str(test_output / "too-long.png"))


def test_xss_payloads_render_as_text(page: Page, test_output: Path) -> None:
    ask(page, XSS_QUESTION)
    page.locator("#answer-title").wait_for()
    assert page.locator("#answer-title").text_content() == XSS_QUESTION
    assert page.locator("#ref-1 .ref-title").text_content() == f"{XSS_TITLE}."
    assert page.locator("#answer .emergency-advice").text_content() == (
        '<script>window.__xss="banner"</script>Banner'
    )
    page.locator("#answer details.evidence > summary").click()
    assert page.locator(".bottom-line .verdict").text_content() == (
        "<script>window.__xss='verdict'</script>Verdict"
    )
    assert page.locator("#ref-1 .badge").text_content() == "<b>Kind</b>"
    page.locator(".guidelines li .cite").first.click()
    page.locator(".cite-card .quote.in-source").wait_for()  # the abstract's payload, as text
    assert "onerror" in (page.locator(".cite-card .quote").text_content() or "")
    assert page.evaluate("window.__xss") is None
    for tag in ("script", "img", "iframe", "b", "i", "em"):
        assert page.locator(f"#answer {tag}").count() == 0, tag
    hrefs = page.locator("#answer a").evaluate_all("links => links.map(a => a.href)")
    assert all(h.startswith(("http://", "https://")) or h == "tel:911" for h in hrefs), hrefs
    page.screenshot(path=str(test_output / "xss.png"), full_page=True)


def test_copy_as_markdown(page: Page) -> None:
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    ask(page, DEMO_QUESTION)
    page.get_by_role("button", name="Copy as Markdown").click()
    page.get_by_text("Copied to the clipboard.").wait_for()
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied.startswith("# What causes facial twitches?\n")
    assert "https://pubmed.ncbi.nlm.nih.gov/33989798/" in copied


def test_phone_and_dark_mode(browser: Browser, live_server: LiveServer, test_output: Path) -> None:
    context = browser.new_context(
        viewport={"width": 390, "height": 844}, color_scheme="dark", is_mobile=True, has_touch=True
    )
    page = context.new_page()
    console = Console(page)
    page.goto(f"{live_server.url}/")
    page.get_by_role("button", name="What causes facial twitches?").click()
    page.locator("#answer-title").wait_for()
    chip = page.locator(".bottom-line .cite").first
    box = chip.bounding_box()
    assert box is not None
    assert box["width"] >= MIN_TARGET_PX and box["height"] >= MIN_TARGET_PX, box
    chip.tap()  # touch opens the sentence too
    assert page.locator(f"#{chip.get_attribute('aria-controls')} mark").is_visible()
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, f"page is {width}px wide on a 390px phone"
    background = page.evaluate("getComputedStyle(document.body).backgroundColor")
    assert background == "rgb(15, 19, 24)"
    page.screenshot(path=str(test_output / "phone-dark.png"), full_page=True)
    context.close()
    assert console.problems == []


def test_errors_from_the_server_are_shown(browser: Browser) -> None:
    live = start_live(create_app(FakeEngine(fail=unreachable_source()), NO_LIMIT))
    context = browser.new_context()
    try:
        page = context.new_page()
        console = Console(page)
        page.goto(f"{live.url}/")
        ask(page, DEMO_QUESTION)
        message = page.locator("#form-message")
        message.wait_for()
        assert "PubMed did not answer" in (message.text_content() or "")
        assert page.get_by_role("button", name="Ask", exact=True).is_enabled()
        assert console.problems == []
    finally:
        context.close()
        live.stop()


def test_reference_links_inside_an_answer_keep_it(page: Page, live_server: LiveServer) -> None:
    ask(page, DEMO_QUESTION)
    answered(page, DEMO_QUESTION)
    chip = page.locator(".research .cite", has_text="5").first
    chip.click()
    page.get_by_role("link", name="Reference 5", exact=True).click()
    page.wait_for_url(f"{live_server.url}/a/{DEMO_ID}#ref-5")
    assert chip.get_attribute("aria-expanded") == "true"  # the same answer, not re-rendered
    page.go_back()
    page.wait_for_url(f"{live_server.url}/a/{DEMO_ID}")
    assert chip.get_attribute("aria-expanded") == "true"
