"""Static checks of the web page: no build step, no CDN, no inline code, no HTML from data."""

from __future__ import annotations

import re

from medcite.server.app import STATIC

from .conftest import TestClient

PAGE_FILES = ("index.html", "app.js", "app.css")


def test_page_and_assets_are_served(client: TestClient) -> None:
    page = client.get("/")
    assert page.status_code == 200
    assert page.headers["content-type"].startswith("text/html")
    for name in PAGE_FILES[1:]:
        asset = client.get(f"/static/{name}")
        assert asset.status_code == 200, name
        assert asset.content == (STATIC / name).read_bytes()


def test_nothing_is_loaded_from_other_origins() -> None:
    for name in PAGE_FILES:
        text = (STATIC / name).read_text(encoding="utf-8")
        assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", text), name
        assert "@import" not in text, name


def test_no_inline_scripts_styles_or_handlers() -> None:
    html = (STATIC / "index.html").read_text(encoding="utf-8")
    assert re.findall(r"<script[^>]*>", html) == ['<script src="/static/app.js" defer>']
    assert "<style" not in html
    assert not re.search(r"\son[a-z]+\s*=", html)
    assert " style=" not in html


def test_script_never_parses_data_as_html() -> None:
    script = (STATIC / "app.js").read_text(encoding="utf-8")
    for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval("):
        assert sink not in script, sink
    assert "new Function" not in script


def _function_body(script: str, name: str) -> str:
    start = script.index(f"function {name}(")
    return script[start : script.index("\n  }\n", start)]


def test_the_bottom_line_is_rendered_first() -> None:
    script = (STATIC / "app.js").read_text(encoding="utf-8")
    blocks = _function_body(script, "answerBlocks")
    names = ("bottomLine", "guidelines", "research")
    order = [blocks.index(f"{name}Block(answer") for name in names]
    assert order == sorted(order), blocks
    render = _function_body(script, "renderAnswer")
    assert render.index("emergency,") < render.index("title,")  # an emergency card comes first


def test_links_are_built_from_checked_urls_or_fixed_numbers() -> None:
    script = (STATIC / "app.js").read_text(encoding="utf-8")
    calls = _function_body(script, "callsFor")
    assert "href" not in calls
    numbers = re.findall(r'href: "((?:tel|sms):[^"]*)"', script)
    assert sorted(set(numbers)) == ["sms:988", "tel:+18002221222", "tel:911", "tel:988"]
    assert "javascript:" not in script
    assert "textContent" in script and ".innerText" not in script
