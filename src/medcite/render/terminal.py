"""Terminal rendering with rich: bold headings, dim references, clickable links.

Everything from documents is added as plain :class:`rich.text.Text` (never parsed as markup).
"""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.text import Text

from medcite.answer.safety import most_urgent
from medcite.records import Answer, Bullet, Reference, Section
from medcite.render import cite, synthesis, urgent


def _bullet(bullet: Bullet) -> Text:
    text = Text("  • ")
    text.append(cite.shown(bullet))
    text.append(f" [{cite.numbers(bullet)}]", style="cyan")
    return text


def _section(section: Section) -> list[RenderableType]:
    return [Text(section.title, style="bold"), *(_bullet(b) for b in section.bullets)]


def _reference(ref: Reference) -> Text:
    text = Text(f"{ref.number}. ", style="dim")
    text.append(cite.citation_line(ref), style="dim")
    for label, url in (
        ("PMID " + (ref.pmid or ""), cite.pubmed_url(ref)),
        ("doi:" + (ref.doi or ""), cite.doi_url(ref)),
        (ref.url or "", cite.source_url(ref)),
    ):
        if url:
            text.append(" ")
            text.append(label, style=f"dim underline link {url}")
    return text


def _heading(title: str) -> Text:
    return Text(title, style="bold magenta")


def _bottom_line(answer: Answer) -> list[RenderableType]:
    line = answer.bottom_line
    if line is None:
        return []
    parts: list[RenderableType] = [_heading("Bottom line"), Text(line.verdict, style="bold")]
    parts += [_bullet(b) for b in line.bullets]
    return [*parts, Text("")]


def _guidelines(answer: Answer) -> list[RenderableType]:
    parts: list[RenderableType] = [_heading("From the Guidelines")]
    if answer.guideline_note:
        parts.append(Text(answer.guideline_note, style="italic"))
    if answer.guideline_lead:
        lead = Text()
        for bullet in answer.guideline_lead:
            lead.append(cite.shown(bullet) + " ")
            lead.append(f"[{cite.numbers(bullet)}] ", style="cyan")
        parts.append(lead)
    for section in answer.guideline_sections:
        parts += _section(section)
    return parts


def _research(answer: Answer) -> list[RenderableType]:
    if not answer.research_sections:
        return []
    parts: list[RenderableType] = [Text(""), _heading("From the Research")]
    for section in answer.research_sections:
        parts += _section(section)
    return parts


def _abstention(answer: Answer) -> list[RenderableType]:
    parts: list[RenderableType] = [
        Text("No answer. ", style="bold yellow") + Text(answer.abstain_reason or "")
    ]
    parts += [Text(f"Searched: {s}", style="dim") for s in answer.searched]
    if answer.closest:
        parts += [
            Text(""),
            _heading("Closest documents found"),
            *(_reference(r) for r in answer.closest),
        ]
    return parts


def _rejected(answer: Answer) -> list[RenderableType]:
    claims = synthesis.rejected(answer)
    if not claims:
        return []
    parts: list[RenderableType] = [Text(""), _heading("Statements not shown")]
    for claim in claims:
        line = Text("  • ")
        line.append(claim.text, style="strike dim")
        line.append(f"  ({claim.reason or claim.verdict.value})", style="yellow")
        parts.append(line)
    return parts


_CARD_TITLES = {"emergency": "Urgent", "same-day": "Urgent", "soon": "See a doctor soon"}


def _card(answer: Answer) -> Panel:
    """The red-flag card: red for care now or today, yellow for a visit within days."""
    flags = answer.query.red_flags
    level = most_urgent(flags) if flags else "emergency"
    style = "bold yellow" if level == "soon" else "bold red"
    text = Text(answer.banner or "", style="bold")
    return Panel(text, style=style, title=_CARD_TITLES[level])


def render(answer: Answer, show_unsupported: bool = False) -> Group:
    parts: list[RenderableType] = []
    if answer.banner:
        parts.append(_card(answer))
    if answer.sources_note:
        parts.append(Text(answer.sources_note, style="yellow"))
    if line := synthesis.note(answer):
        parts.append(Text(line, style="italic"))
    if answer.abstained:
        parts += _abstention(answer)
    elif urgent.withheld(answer):
        parts.append(Text(urgent.WITHHELD))
    else:
        body = synthesis.view(answer)
        parts += _bottom_line(body) + _guidelines(body) + _research(body)
        parts += [Text(""), _heading("References"), *(_reference(r) for r in answer.references)]
    if show_unsupported:
        parts += _rejected(answer)
    if answer.excluded:
        parts += [Text(""), _heading("Excluded from the evidence")]
        parts += [
            Text(f"  {e.title} ({e.document_id}): {e.reason}", style="dim") for e in answer.excluded
        ]
    parts += [Text(""), Text(answer.disclaimer, style="italic dim")]
    return Group(*parts)
