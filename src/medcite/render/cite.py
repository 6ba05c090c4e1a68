"""Formatting shared by every answer renderer: citation markers and reference entries."""

from __future__ import annotations

from medcite.evidence.classify import KIND_OF_LEVEL
from medcite.records import Bullet, Reference
from medcite.text import list_display

MAX_AUTHORS = 3
LEVEL_LABELS = KIND_OF_LEVEL


def kind_label(ref: Reference) -> str:
    """What a source is (``Reference.kind``; references stored before it existed get their
    evidence level's label)."""
    return ref.kind or LEVEL_LABELS[ref.level]


def numbers(bullet: Bullet) -> str:
    """``1`` or ``2, 3, 4``: the reference numbers a bullet cites, ascending, no repeats."""
    return ", ".join(str(n) for n in sorted({c.number for c in bullet.citations}))


def authors(ref: Reference) -> str:
    if not ref.authors:
        return ref.site or ""
    shown = ", ".join(ref.authors[:MAX_AUTHORS])
    return f"{shown}, et al" if len(ref.authors) > MAX_AUTHORS else shown


def pubmed_url(ref: Reference) -> str | None:
    return f"https://pubmed.ncbi.nlm.nih.gov/{ref.pmid}/" if ref.pmid else None


def doi_url(ref: Reference) -> str | None:
    return f"https://doi.org/{ref.doi}" if ref.doi else None


def source_url(ref: Reference) -> str | None:
    """The page of a non-PubMed source (MedQuAD/NIH page, JSONL url)."""
    return None if ref.pmid else ref.url


def tidy_title(title: str) -> str:
    """A title without its final period; MedQuAD's "What is (are) X ?" reads "What is X?"."""
    if not title:
        return "(untitled)"
    return title.replace(" (are) ", " ").replace(" ?", "?").rstrip(".")


def citation_line(ref: Reference) -> str:
    """``Authors. Title. Journal Year. Level.`` without links (renderers add those)."""
    parts = [authors(ref), tidy_title(ref.title)]
    venue = " ".join(str(p) for p in (ref.journal, ref.year) if p)
    if venue:
        parts.append(venue)
    label = kind_label(ref)
    types = [t for t in ref.publication_types if t not in {"Journal Article", label}][:2]
    parts.append(f"{label} ({', '.join(types)})" if types else label)
    parts += [note[:1].upper() + note[1:] for note in ref.notes]
    return " ".join(_sentence(p) for p in parts if p)


def _sentence(part: str) -> str:
    return part if part.endswith((".", "?", "!")) else f"{part}."


def shown(bullet: Bullet) -> str:
    """A bullet's sentence as the reader sees it (a list as "lead: item; item.")."""
    return list_display(bullet.text)
