"""The page on a vaccine schedule's situation is found in the index, whatever the question's
words (the sample corpora's NIH pages)."""

from __future__ import annotations

from medcite import Engine


def test_which_vaccines_a_toddler_needs_is_answered_from_the_childhood_page(
    sample_engine: Engine,
) -> None:
    """The question's words ("jabs", "4 year old") are not the page's ("Childhood
    Immunization"); the retriever looks for it by the situation, and the bottom line says who
    keeps the schedule, not a medicine's label."""
    answer = sample_engine.ask("does my 4 year old need any more jabs before she starts school")
    titles = [r.title.lower() for r in answer.references]
    assert titles and all("childhood immunization" in t for t in titles), titles
    assert answer.bottom_line is not None
    assert "cdc.gov/vaccines/schedules" in answer.bottom_line.verdict
    assert any("local guideline topics (vaccine schedule)" in s for s in answer.searched)
