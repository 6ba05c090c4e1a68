"""Markdown rendering of an :class:`Answer` (also the basis of the web page's copy button).

Text that comes from documents or the question is escaped for Markdown, so a title cannot inject
links, HTML or formatting.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from medcite.records import Answer, Bullet, Reference, Section
from medcite.render import cite, synthesis, urgent

_SPECIAL = re.compile(r"([\\`*_\[\]<>|~])")


def escape(text: str) -> str:
    """Escape Markdown (and inline HTML) syntax in untrusted text."""
    return _SPECIAL.sub(r"\\\1", " ".join(text.split()))


def _bullet(bullet: Bullet) -> str:
    return f"- {escape(cite.shown(bullet))} [{cite.numbers(bullet)}]"


def _section(section: Section) -> list[str]:
    return [f"### {escape(section.title)}", "", *(_bullet(b) for b in section.bullets), ""]


def _reference(ref: Reference) -> str:
    links = [
        f"PMID [{ref.pmid}]({url})" if (url := cite.pubmed_url(ref)) else "",
        f"doi:[{escape(ref.doi or '')}]({url})" if (url := cite.doi_url(ref)) else "",
        f"<{url}>" if (url := cite.source_url(ref)) else "",
    ]
    tail = " · ".join(link for link in links if link)
    return f"{ref.number}. {escape(cite.citation_line(ref))}" + (f" {tail}" if tail else "")


def _lead(answer: Answer) -> list[str]:
    if not answer.guideline_lead:
        return []
    prose = " ".join(f"{escape(cite.shown(b))} [{cite.numbers(b)}]" for b in answer.guideline_lead)
    return [prose, ""]


def _bottom_line(answer: Answer) -> list[str]:
    line = answer.bottom_line
    if line is None:
        return []
    lines = ["## Bottom line", "", f"**{escape(line.verdict)}**", ""]
    bullets = [_bullet(b) for b in line.bullets]
    return [*lines, *bullets, ""] if bullets else lines


def _guidelines(answer: Answer) -> list[str]:
    lines = ["## From the Guidelines", ""]
    if answer.guideline_note:
        return [*lines, f"*{escape(answer.guideline_note)}*", ""]
    lines += _lead(answer)
    for section in answer.guideline_sections:
        lines += _section(section)
    return lines


def _research(answer: Answer) -> list[str]:
    if not answer.research_sections:
        return []
    lines = ["## From the Research", ""]
    for section in answer.research_sections:
        lines += _section(section)
    return lines


def _references(title: str, refs: Iterable[Reference]) -> list[str]:
    refs = list(refs)
    return [f"## {title}", "", *(_reference(r) for r in refs), ""] if refs else []


def _abstention(answer: Answer) -> list[str]:
    lines = [f"**No answer.** {escape(answer.abstain_reason or '')}", ""]
    if answer.searched:
        lines += ["Searched:", "", *(f"- {escape(s)}" for s in answer.searched), ""]
    return lines + _references("Closest documents found", answer.closest)


def _excluded(answer: Answer) -> list[str]:
    if not answer.excluded:
        return []
    items = [
        f"- {escape(e.title)} ({escape(e.document_id)}): {escape(e.reason)}"
        for e in answer.excluded
    ]
    return ["## Excluded from the evidence", "", *items, ""]


def _rejected(answer: Answer) -> list[str]:
    items = [
        f"- ~~{escape(c.text)}~~ [{', '.join(map(str, c.citations)) or 'no source'}]: "
        f"{escape(c.reason or c.verdict.value)}"
        for c in synthesis.rejected(answer)
    ]
    title = "## Statements not shown (not supported by their sources)"
    return [title, "", *items, ""] if items else []


def render(answer: Answer, show_unsupported: bool = False) -> str:
    """The whole answer as Markdown (``show_unsupported``: also the model's rejected claims)."""
    lines = [f"# {escape(answer.question)}", ""]
    if answer.banner:
        lines += [f"> **{escape(answer.banner)}**", ""]
    if answer.sources_note:
        lines += [f"*{escape(answer.sources_note)}*", ""]
    if line := synthesis.note(answer):
        lines += [f"*{escape(line)}*", ""]
    if answer.abstained:
        lines += _abstention(answer)
    elif urgent.withheld(answer):
        lines += [escape(urgent.WITHHELD), ""]
    else:
        body = synthesis.view(answer)
        lines += _bottom_line(body) + _guidelines(body) + _research(body)
        lines += _references("References", answer.references)
    if show_unsupported:
        lines += _rejected(answer)
    lines += _excluded(answer)
    lines += ["---", "", f"*{escape(answer.disclaimer)}*", ""]
    return "\n".join(lines)
