"""Check an answer's citations against the documents retrieved for it.

The contract (DESIGN.md): every citation number resolves to a reference, every reference to a
document retrieved for this answer, every cited sentence occurs verbatim (whitespace-normalised) in
the cited document, and every bullet's text is one of its cited sentences. ``problems`` lists each
violation; an empty list means the answer is sound.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from medcite.records import Answer, Bullet, Document


def _norm(text: str) -> str:
    return " ".join(text.split())


def all_bullets(answer: Answer) -> Iterator[Bullet]:
    if answer.bottom_line is not None:
        yield from answer.bottom_line.bullets
    yield from answer.guideline_lead
    for section in (*answer.guideline_sections, *answer.research_sections):
        yield from section.bullets


def problems(answer: Answer, retrieved: Mapping[str, Document]) -> list[str]:
    """Every citation-integrity violation in ``answer`` (empty when the answer is sound)."""
    refs = {r.number: r for r in answer.references}
    found = [
        f"reference {n} cites {r.document_id}, which was not retrieved"
        for n, r in refs.items()
        if r.document_id not in retrieved
    ]
    for bullet in all_bullets(answer):
        found.extend(_bullet_problems(bullet, refs, retrieved))
    return found


def _bullet_problems(
    bullet: Bullet, refs: Mapping[int, object], retrieved: Mapping[str, Document]
) -> list[str]:
    found = []
    if not bullet.citations:
        found.append(f"bullet without citation: {bullet.text[:60]!r}")
    if _norm(bullet.text) not in {_norm(c.sentence) for c in bullet.citations}:
        found.append(f"bullet text is not one of its cited sentences: {bullet.text[:60]!r}")
    for citation in bullet.citations:
        doc = retrieved.get(citation.document_id)
        if citation.number not in refs:
            found.append(f"citation [{citation.number}] has no reference")
        if doc is None:
            found.append(f"citation [{citation.number}] cites unretrieved {citation.document_id}")
        elif _norm(citation.sentence) not in _norm(f"{doc.title} {doc.abstract}"):
            found.append(
                f"[{citation.number}] sentence not in {doc.id}: {citation.sentence[:60]!r}"
            )
    return found
