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
    DEMO_QUESTION,
    XSS_QUESTION,
    XSS_TITLE,
    FakeEngine,
    unreachable_source,
)

if TYPE_CHECKING:
    from playwright.sync_api import Browser, ConsoleMessage, Page, Route

README_SCREENSHOT = ROOT / "docs" / "screenshots" / "answer.png"
HFS_PAGE = "http://www.ninds.nih.gov/disorders/hemifacial_spasm/hemifacial_spasm.htm"


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


def test_demo_question_shows_sections_and_working_citations(page: Page, test_output: Path) -> None:
    ask(page, DEMO_QUESTION)
    page.wait_for_selector(".stages li.active, .stages li.done")  # progress shown while answering
    title = page.locator("#answer-title")
    title.wait_for()
    assert title.text_content() == DEMO_QUESTION
    headings = page.locator("#answer h3").all_text_contents()
    assert headings[:3] == ["From the Guidelines", "From the Research", "References"]
    assert "Causes" in page.locator("#answer h4").all_text_contents()
    assert page.locator("#answer .references li").count() == 7
    assert page.locator("#progress").is_hidden()

    research_cite = page.locator(".research .cite", has_text="5").first
    assert research_cite.get_attribute("href") == "https://pubmed.ncbi.nlm.nih.gov/33989798/"
    guideline_cite = page.locator(".guidelines .cite").first
    assert guideline_cite.get_attribute("href") == HFS_PAGE
    assert page.locator("#ref-5 a", has_text="doi:").get_attribute("href") == (
        "https://doi.org/10.1016/j.ctim.2021.102734"
    )
    assert page.locator(".badge.level-sr").count() >= 1
    assert page.locator(".excluded li", has_text="Retraction of").count() == 1
    assert "not medical advice" in (page.locator(".disclaimer").text_content() or "")

    research_cite.hover()
    tip = page.locator(f"#{research_cite.get_attribute('aria-describedby')}")
    assert tip.is_visible()
    assert "acupuncture treatment of TIC disorder" in (tip.text_content() or "")
    page.screenshot(path=str(test_output / "answer-hover.png"))  # viewport: keeps the hover
    page.mouse.move(0, 0)
    page.screenshot(path=str(test_output / "answer.png"), full_page=True)
    if os.environ.get("MEDCITE_UPDATE_SCREENSHOTS") or not README_SCREENSHOT.exists():
        README_SCREENSHOT.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(test_output / "answer.png", README_SCREENSHOT)


def test_citation_opens_the_pubmed_record(page: Page) -> None:
    def fake_pubmed(route: Route) -> None:  # no network here: PubMed is stubbed
        route.fulfill(status=200, content_type="text/html", body="<title>PubMed stub</title>")

    page.context.route("https://pubmed.ncbi.nlm.nih.gov/**", fake_pubmed)
    ask(page, DEMO_QUESTION)
    cite = page.locator(".research .cite", has_text="5").first
    with page.expect_popup() as popup_info:
        cite.click()
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
    for _ in range(40):  # tab to the first citation: its reference card appears
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('cite')"):
            break
    tip_id = page.evaluate("document.activeElement.getAttribute('aria-describedby')")
    assert page.locator(f"#{tip_id}").is_visible()
    page.keyboard.press("Escape")
    assert page.locator(f"#{tip_id}").is_hidden()


def test_red_flag_banner_comes_first(page: Page, test_output: Path) -> None:
    page.get_by_role("button", name="crushing chest pain", exact=False).click()
    banner = page.locator("#answer .banner")
    banner.wait_for()
    assert banner.get_attribute("role") == "alert"
    assert "emergency number" in (banner.text_content() or "")
    first = page.evaluate("document.getElementById('answer').firstElementChild.className")
    assert first == "banner"
    assert page.locator("#answer .abstain").is_visible()
    assert page.locator("#answer .closest li").count() == 1
    page.screenshot(path=str(test_output / "red-flag.png"), full_page=True)


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
    assert page.locator("#answer .banner p").text_content() == (
        '<script>window.__xss="banner"</script>Banner'
    )
    assert page.evaluate("window.__xss") is None
    for tag in ("script", "img", "iframe", "b", "i", "em"):
        assert page.locator(f"#answer {tag}").count() == 0, tag
    hrefs = page.locator("#answer a").evaluate_all("links => links.map(a => a.href)")
    assert all(h.startswith(("http://", "https://")) for h in hrefs), hrefs
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
        viewport={"width": 390, "height": 844}, color_scheme="dark", is_mobile=True
    )
    page = context.new_page()
    console = Console(page)
    page.goto(f"{live_server.url}/")
    page.get_by_role("button", name="What causes facial twitches?").click()
    page.locator("#answer-title").wait_for()
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
