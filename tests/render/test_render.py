"""Golden-shape tests of every answer format, and escaping of untrusted text."""

from __future__ import annotations

import json

import pytest
from rich.console import Console

from medcite import Engine
from medcite.records import (
    Answer,
    Bullet,
    Citation,
    EvidenceLevel,
    ExcludedDocument,
    Facet,
    Query,
    Reference,
    Section,
)
from medcite.render import markdown, terminal, text

HOSTILE = "<script>alert(1)</script> [click](http://evil.example) *bold*"


def _answer(**extra: object) -> Answer:
    cite = Citation(number=1, document_id="pmid:1", sentence=f"Botulinum toxin works. {HOSTILE}")
    bullet = Bullet(text=cite.sentence, citations=(cite,))
    return Answer(
        id="a1",
        question=f"What about {HOSTILE}?",
        query=Query(question="q"),
        research_sections=(
            Section(facet=Facet.TREATMENT, title="Treatment Options", bullets=(bullet,)),
        ),
        guideline_note="No guideline-level source among the retrieved evidence answers this.",
        references=(
            Reference(
                number=1,
                document_id="pmid:1",
                title=HOSTILE,
                level=EvidenceLevel.TRIAL,
                authors=("Smith J", "Doe A", "Roe B", "Poe C"),
                journal="J Test",
                year=2020,
                pmid="1",
                doi="10.1/x",
            ),
        ),
        excluded=(
            ExcludedDocument(document_id="pmid:2", title="Bad", reason="retracted publication"),
        ),
        disclaimer="Not medical advice.",
        **extra,  # type: ignore[arg-type]
    )


def test_markdown_shape_and_escaping() -> None:
    md = markdown.render(_answer(banner="Seek care now. Call 911."))
    lines = md.splitlines()
    assert lines[2] == "> **Seek care now. Call 911.**"
    order = [
        md.index(h)
        for h in (
            "## From the Guidelines",
            "## From the Research",
            "## References",
            "## Excluded from the evidence",
            "*Not medical advice.*",
        )
    ]
    assert order == sorted(order)
    assert "<script>" not in md and "\\<script\\>" in md
    assert "[click](http" not in md
    assert "1. Smith J, Doe A, Roe B, et al. " in md
    assert "PMID [1](https://pubmed.ncbi.nlm.nih.gov/1/)" in md
    assert "doi:[10.1/x](https://doi.org/10.1/x)" in md
    assert "Clinical trial." in md


def test_text_shape() -> None:
    out = text.render(_answer())
    assert out.splitlines()[0] == "From the Guidelines"
    assert "From the Research\nTreatment Options\n- Botulinum toxin works." in out
    assert out.rstrip().endswith("Not medical advice.")


def test_terminal_renders_literal_text() -> None:
    console = Console(record=True, width=200, color_system=None)
    console.print(terminal.render(_answer(banner="Seek care now.")))
    out = console.export_text()
    assert "Seek care now." in out and HOSTILE.split(" [", maxsplit=1)[0] in out
    assert "[click](http://evil.example)" in out  # shown as text, not interpreted


def test_a_list_statement_reads_as_lead_and_items_in_every_format() -> None:
    listed = "Symptoms may include\nRedness of the toe\nWarm <b>skin</b>"
    cite = Citation(number=1, document_id="pmid:1", sentence=listed)
    section = Section(
        facet=Facet.SYMPTOMS, title="Symptoms", bullets=(Bullet(text=listed, citations=(cite,)),)
    )
    answer = _answer().model_copy(update={"research_sections": (section,)})
    shown = "Symptoms may include: Redness of the toe; Warm <b>skin</b>."
    assert shown in text.render(answer)
    assert "Symptoms may include: Redness of the toe; Warm \\<b\\>skin\\</b\\>." in (
        markdown.render(answer)
    )
    console = Console(record=True, width=200, color_system=None)
    console.print(terminal.render(answer))
    assert shown in console.export_text()


def test_json_is_the_answer_record() -> None:
    answer = _answer()
    data = json.loads(answer.model_dump_json())
    assert Answer.model_validate(data) == answer


def test_abstention_rendering() -> None:
    answer = Answer(
        id="a2",
        question="q?",
        query=Query(question="q?"),
        abstained=True,
        abstain_reason="Nothing relevant.",
        searched=("local research: foo",),
        disclaimer="Not medical advice.",
    )
    md = markdown.render(answer)
    assert "**No answer.** Nothing relevant." in md and "- local research: foo" in md
    assert "## References" not in md


@pytest.mark.parametrize("fmt", [markdown.render, text.render])
def test_real_answer_renders(any_engine: Engine, fmt: object) -> None:
    answer = any_engine.ask("How is hemifacial spasm treated?")
    out = fmt(answer)  # type: ignore[operator]
    assert "1. " in out and "botulinum" in out.lower()


def _urgent(urgency: str, detail: bool = False) -> Answer:
    from medcite.records import RedFlag

    flag = RedFlag(kind="stroke", matched="face drooping", advice="Call 911.", urgency=urgency)  # type: ignore[arg-type]
    answer = _answer(banner="Seek care now. Call 911.", detail=detail)
    return answer.model_copy(update={"query": Query(question="q", red_flags=(flag,))})


def test_the_terminal_card_is_titled_by_its_most_urgent_flag() -> None:
    """A card asking to be seen within days is titled so (and drawn in yellow), not "Urgent"."""
    soon = _console_text(terminal.render(_urgent("soon")))
    assert "See a doctor soon" in soon and "Urgent" not in soon
    assert "Urgent" in _console_text(terminal.render(_urgent("same-day")))


@pytest.mark.parametrize(
    "render",
    [text.render, markdown.render, lambda a: _console_text(terminal.render(a))],
)
def test_an_emergency_shows_the_card_alone(render) -> None:  # type: ignore[no-untyped-def]
    """Under an emergency card the quoted statements could read as reassurance and the pages
    found beside it stand in the way: the default answer neither reads nor lists them; the long
    form and a same-day card keep the body."""
    shown = render(_urgent("emergency"))
    assert "Seek care now. Call 911." in shown
    assert "Botulinum toxin works." not in shown
    assert "J Test" not in shown and "Sources found" not in shown
    assert "--detail" in shown
    assert "Botulinum toxin works." in render(_urgent("emergency", detail=True))
    assert "Botulinum toxin works." in render(_urgent("same-day"))
    # a same-day card beside a question asking to be told it is nothing
    hoping = _urgent("same-day").model_copy(update={"question": "just a pulled muscle?"})
    assert "Botulinum toxin works." not in render(hoping)


@pytest.mark.parametrize("render", [text.render, markdown.render])
def test_a_card_from_the_statistical_check_keeps_the_answer(render) -> None:  # type: ignore[no-untyped-def]
    """A card raised only by the wording check is a guess: it is shown first, and the answer
    and the pages found stay below it, even when it says to seek care now."""
    from medcite.answer.triage import EMERGENCY_ADVICE, TRIAGE_KIND
    from medcite.records import RedFlag

    guess = RedFlag(kind=TRIAGE_KIND, matched="worse", advice=EMERGENCY_ADVICE, urgency="emergency")
    answer = _answer(banner=f"Seek care now. {EMERGENCY_ADVICE}").model_copy(
        update={"query": Query(question="q", red_flags=(guess,))}
    )
    shown = render(answer)
    assert "Seek care now." in shown
    assert shown.index("Seek care now.") < shown.index("Botulinum toxin works.")


def _console_text(renderable: object) -> str:
    console = Console(width=200, record=True)
    console.print(renderable)
    return console.export_text()


@pytest.mark.parametrize("render", [text.render, markdown.render])
def test_a_same_day_card_stands_alone_when_nothing_found_answers(render) -> None:  # type: ignore[no-untyped-def]
    """A same-day card whose answer found no statement that answers (a bottom line of medcite's
    framing alone), or a card shown alone (a bite), is not followed by the pages found."""
    from medcite.records import BottomLine, RedFlag

    same_day = _urgent("same-day")
    framing = BottomLine(verdict="The sources found do not answer this directly.")
    unanswered = same_day.model_copy(update={"bottom_line": framing})
    assert "Botulinum toxin works." not in render(unanswered)
    bite = RedFlag(
        kind="animal bite that needs care",
        matched="cat bit",
        advice="See a doctor today.",
        urgency="same-day",
    )
    alone = same_day.model_copy(update={"query": Query(question="q", red_flags=(bite,))})
    assert "Botulinum toxin works." not in render(alone)
    assert "Botulinum toxin works." in render(same_day)
