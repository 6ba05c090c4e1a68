"""Search hits stay readable on an 80-column terminal."""

from __future__ import annotations

from rich.console import Console

from medcite.records import Document, Hit, Source
from medcite.render.hits import hits_view

SNIPPET = (
    "Handmade snippet about a neuromuscular disorder of the face that is long enough to wrap "
    "over several lines of an eighty column terminal window."
)


def _hits() -> list[Hit]:
    doc = Document(
        id="pmid:123456789",
        source=Source.PUBMED,
        title="A handmade review of facial muscle spasms",
        year=2021,
        publication_types=("Review",),
    )
    return [Hit(document=doc, score=1.0, rank=1, snippet=SNIPPET, highlights=((0, 8),))]


def _render(width: int) -> str:
    console = Console(width=width, record=True, color_system=None)
    console.print(hits_view("facial spasm", _hits(), console.width))
    return console.export_text()


def test_narrow_terminal_stacks_title_details_and_snippet() -> None:
    out = _render(80)
    lines = out.splitlines()
    assert "1. A handmade review of facial muscle spasms" in lines
    assert "pmid:123456789 · 2021 · Review" in lines
    assert all(len(line) <= 80 for line in lines)
    # the snippet wraps over few full-width lines instead of a column a dozen characters wide
    snippet_lines = [line for line in lines if line and line.split()[0] in SNIPPET.split()]
    assert len(snippet_lines) <= 3


def test_wide_terminal_keeps_the_table() -> None:
    out = _render(140)
    assert "┃ #" in out or "│ 1" in out
    assert "pmid:123456789" in out
