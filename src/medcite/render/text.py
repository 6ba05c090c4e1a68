"""Plain-text rendering of an :class:`Answer`, in the shape of a printed evidence summary."""

from __future__ import annotations

from medcite.records import Answer, Section
from medcite.render import cite, synthesis, urgent


def _section(section: Section) -> list[str]:
    return [section.title, *(f"- {cite.shown(b)} {cite.numbers(b)}" for b in section.bullets)]


def _links(ref_line: str, *urls: str | None) -> str:
    tail = " ".join(u for u in urls if u)
    return f"{ref_line} {tail}" if tail else ref_line


def _body(answer: Answer) -> list[str]:
    lines = []
    if answer.bottom_line is not None:
        lines += ["Bottom line", answer.bottom_line.verdict]
        lines += [f"- {cite.shown(b)} {cite.numbers(b)}" for b in answer.bottom_line.bullets]
    lines.append("From the Guidelines")
    if answer.guideline_note:
        lines.append(answer.guideline_note)
    if answer.guideline_lead:
        lines.append(" ".join(f"{cite.shown(b)} {cite.numbers(b)}" for b in answer.guideline_lead))
    for section in answer.guideline_sections:
        lines += _section(section)
    if answer.research_sections:
        lines.append("From the Research")
        for section in answer.research_sections:
            lines += _section(section)
    return lines


def render(answer: Answer, show_unsupported: bool = False) -> str:
    lines = [answer.banner] if answer.banner else []
    if answer.sources_note:
        lines.append(answer.sources_note)
    if line := synthesis.note(answer):
        lines.append(line)
    if answer.abstained:
        lines.append(f"No answer. {answer.abstain_reason or ''}".strip())
        lines += [f"Searched: {s}" for s in answer.searched]
        refs, heading = answer.closest, "Closest documents found"
    elif urgent.withheld(answer):
        lines.append(urgent.WITHHELD)
        refs, heading = (), ""
    else:
        lines += _body(synthesis.view(answer))
        refs, heading = answer.references, "References"
    if refs:
        lines.append(heading)
        lines += [
            _links(
                f"{r.number}. {cite.citation_line(r)}",
                cite.pubmed_url(r),
                cite.doi_url(r),
                cite.source_url(r),
            )
            for r in refs
        ]
    if show_unsupported:
        lines += [
            f"Not shown: {c.text} ({c.reason or c.verdict.value})"
            for c in synthesis.rejected(answer)
        ]
    lines += [f"Excluded: {e.title} ({e.document_id}): {e.reason}" for e in answer.excluded]
    lines.append(answer.disclaimer)
    return "\n".join(lines) + "\n"
