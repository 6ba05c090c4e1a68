"""Render search hits and index statistics: a rich table for people, JSON for programs."""

from __future__ import annotations

import json
from collections.abc import Sequence

from rich.console import Group
from rich.table import Table
from rich.text import Text

from medcite.records import Hit, IndexStats

MAX_TYPES_SHOWN = 2


def highlighted_snippet(hit: Hit) -> Text:
    """The hit's snippet with matched terms in bold; all text is literal (no markup parsed)."""
    text = Text(hit.snippet.replace("\n", " "), style="dim")
    for start, end in hit.highlights:
        text.stylize("bold yellow", start, end)
    return text


NARROW_COLUMNS = 100
"""Below this terminal width the hits are stacked (title, details, snippet) instead of tabled:
five columns leave an 80-column snippet column a dozen characters wide."""


def hits_view(query: str, hits: Sequence[Hit], width: int) -> Table | Group:
    """The hits as a table on wide terminals and as a stacked list on narrow ones."""
    return hits_table(query, hits) if width >= NARROW_COLUMNS else hits_list(query, hits)


def _types(hit: Hit) -> str:
    doc = hit.document
    return ", ".join(doc.publication_types[:MAX_TYPES_SHOWN]) or (doc.site or doc.source.value)


def hits_list(query: str, hits: Sequence[Hit]) -> Group:
    """One block per hit: rank and title, then id · year · type, then the snippet."""
    blocks: list[Text] = [Text(f"{len(hits)} hits for {query!r}", style="italic")]
    for hit in hits:
        doc = hit.document
        details = " · ".join(part for part in (doc.id, str(doc.year or ""), _types(hit)) if part)
        blocks.append(
            Text.assemble(
                (f"\n{hit.rank}. ", "bold"),
                (doc.title or "(untitled)", "bold"),
                "\n",
                (details, "cyan"),
                "\n",
                highlighted_snippet(hit),
            )
        )
    return Group(*blocks)


def hits_table(query: str, hits: Sequence[Hit]) -> Table:
    table = Table(title=f"{len(hits)} hits for {query!r}", title_justify="left", expand=True)
    table.add_column("#", justify="right", no_wrap=True)
    table.add_column("id", no_wrap=True)
    table.add_column("year", no_wrap=True)
    table.add_column("type", max_width=24)
    table.add_column("title / snippet", ratio=1)
    for hit in hits:
        doc = hit.document
        types = _types(hit)
        title = Text(doc.title or "(untitled)", style="bold")
        table.add_row(
            str(hit.rank),
            doc.id,
            str(doc.year or ""),
            types,
            Group(title, highlighted_snippet(hit)),
        )
    return table


def hits_json(query: str, hits: Sequence[Hit]) -> str:
    payload = {"query": query, "hits": [h.model_dump(mode="json") for h in hits]}
    return json.dumps(payload, ensure_ascii=False, indent=2)


def _counts_table(title: str, counts: dict[str, int], limit: int) -> Table:
    table = Table(title=title, title_justify="left")
    table.add_column(title.rsplit(maxsplit=1)[-1])
    table.add_column("documents", justify="right")
    for key, value in list(counts.items())[:limit]:
        table.add_row(key, f"{value:,}")
    if len(counts) > limit:
        table.add_row(f"… {len(counts) - limit} more", "")
    return table


def stats_tables(stats: IndexStats, limit: int = 15) -> Group:
    head = Text.assemble(
        ("Index ", "bold"),
        stats.path,
        f"\n{stats.documents:,} documents, {stats.size_bytes / 1e6:,.1f} MB on disk, "
        f"schema v{stats.schema_version}",
    )
    years = dict(sorted(stats.by_year.items(), reverse=True))
    return Group(
        head,
        _counts_table("Documents by source", stats.by_source, limit),
        _counts_table("Documents by publication type", stats.by_publication_type, limit),
        _counts_table("Documents by year", years, limit),
    )
