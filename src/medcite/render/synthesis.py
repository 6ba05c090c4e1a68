"""How every renderer shows a language-model synthesis (``ask --llm``).

A shown :class:`~medcite.records.Synthesis` takes the place of the extractive body in the same
shape — bottom line, *From the Guidelines* prose and sections, *From the Research* sections —
built from its *supported* claims only, with the same reference numbers. :func:`view` makes that
substitution on a copy of the answer (the answer record itself, and its JSON, keep both), so the
renderers need no second layout. :func:`note` says who wrote the body and how much was checked,
or why the synthesis is not shown; :func:`rejected` lists the claims that were dropped, for
``--show-unsupported``.
"""

from __future__ import annotations

from collections.abc import Sequence

from medcite.records import (
    Answer,
    BottomLine,
    Bullet,
    Citation,
    Claim,
    ClaimVerdict,
    Facet,
    Section,
)

BOTTOM_LINE = "bottom_line"
GUIDELINE_PROSE = "guideline_prose"
VERDICT = "In short (written by a language model from the sources below, each sentence checked):"


def view(answer: Answer) -> Answer:
    """``answer`` with its body replaced by the shown synthesis (unchanged without one)."""
    synthesis = answer.synthesis
    if synthesis is None or not synthesis.shown or answer.abstained:
        return answer
    documents = {r.number: r.document_id for r in answer.references}
    kept = [c for c in synthesis.supported if all(n in documents for n in c.citations)]

    def bullets(claims: Sequence[Claim]) -> tuple[Bullet, ...]:
        return tuple(_bullet(c, documents) for c in claims)

    top = [c for c in kept if c.section == BOTTOM_LINE]
    return answer.model_copy(
        update={
            "bottom_line": BottomLine(verdict=VERDICT, bullets=bullets(top)) if top else None,
            "guideline_lead": bullets([c for c in kept if c.section == GUIDELINE_PROSE]),
            "guideline_sections": _sections(kept, "guideline:", documents),
            "guideline_note": None,
            "research_sections": _sections(kept, "research:", documents),
        }
    )


def note(answer: Answer) -> str | None:
    """One line on the synthesis: who wrote the body and how much held, or why it is not shown."""
    synthesis = answer.synthesis
    if synthesis is None or answer.abstained:
        return None
    if not synthesis.shown:
        return (
            f"Language-model summary not shown ({synthesis.fallback_reason}); the answer below "
            "quotes the sources directly."
        )
    kept, made = len(synthesis.supported), len(synthesis.claims)
    return (
        f"Written by {synthesis.model} from the numbered sources; {kept} of {made} statements "
        "were checked against the sources they cite and kept."
    )


def rejected(answer: Answer) -> list[Claim]:
    """The claims the model made that were not shown, in its order."""
    if answer.synthesis is None:
        return []
    return [c for c in answer.synthesis.claims if c.verdict is not ClaimVerdict.SUPPORTED]


def _bullet(claim: Claim, documents: dict[int, str]) -> Bullet:
    citations = tuple(
        Citation(number=n, document_id=documents[n], sentence=claim.text) for n in claim.citations
    )
    return Bullet(text=claim.text, citations=citations)


def _sections(
    claims: Sequence[Claim], prefix: str, documents: dict[int, str]
) -> tuple[Section, ...]:
    titles: dict[str, list[Claim]] = {}
    for claim in claims:
        if claim.section.startswith(prefix):
            title = claim.section.removeprefix(prefix).strip() or "Findings"
            titles.setdefault(title, []).append(claim)
    return tuple(
        Section(
            facet=Facet.OVERVIEW,
            title=title,
            bullets=tuple(_bullet(c, documents) for c in found),
        )
        for title, found in titles.items()
    )
