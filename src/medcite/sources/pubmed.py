"""PubMed as a retriever: an understood question → several ESearches → fused, fetched hits.

For one question medcite runs, concurrently (within NCBI's rate limit):

* a general search: the focus and its clinical expansions as MeSH headings ``[mh]`` and
  title/abstract words ``[tiab]``, narrowed by the asked facet (causes → ``etiology[sh]`` ...);
* one search per evidence publication type (guideline, systematic review, trial), so guidelines
  are found even when research articles dominate the general search;

each restricted to recent, human, English-language articles. The ranked PMID lists are fused
(reciprocal rank fusion) *before* anything is fetched, so only the top ``k`` records are
downloaded, in one request: EFetch, or the cheaper ESummary when the local index already holds
them all (under NCBI's 3 requests/s the number of requests, not their size, sets the pace).
When the searches find nothing, ESpell's correction is tried; when they find fewer than ``k``,
ELink adds articles similar to the top hits.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from medcite.records import Document, Facet, Hit, Query
from medcite.sources.base import (
    Retrieval,
    fuse,
    make_hits,
    parallel,
    query_text,
    timestamp,
    top,
)
from medcite.sources.eutils import EUtils, SearchResult, Summary
from medcite.sources.settings import PubMedSettings
from medcite.text import query_terms

Lookup = Callable[[str], Document | None]
"""Finds a document in the local index by id (``pmid:NNN``), or None."""

PUBLICATION_TYPES: dict[str, str] = {
    "guideline": (
        'guideline[pt] OR "practice guideline"[pt] OR "consensus development conference"[pt]'
        ' OR "consensus development conference, nih"[pt]'
    ),
    "systematic_review": '"systematic review"[pt] OR "meta-analysis"[pt]',
    "trial": (
        '"randomized controlled trial"[pt] OR "controlled clinical trial"[pt]'
        ' OR "clinical trial"[pt]'
    ),
}
"""Publication-type filters of the extra searches (names as in ``PubMedSettings``)."""

FACETS: dict[Facet, str] = {
    Facet.CAUSES: 'etiology[sh] OR "risk factors"[mh] OR cause*[tiab]',
    Facet.MECHANISMS: "physiopathology[sh] OR mechanism*[tiab]",
    Facet.INHERITANCE: (
        'genetics[sh] OR "genetic predisposition to disease"[mh] OR inherit*[tiab] OR '
        "heredit*[tiab]"
    ),
    Facet.SYMPTOMS: 'diagnosis[sh] OR "signs and symptoms"[mh] OR symptom*[tiab]',
    Facet.DIAGNOSIS: "diagnosis[sh] OR diagnos*[tiab]",
    Facet.TREATMENT: "therapy[sh] OR therapeutics[mh] OR treatment*[tiab]",
    Facet.PROGNOSIS: "prognosis[mh] OR outcome*[tiab]",
    Facet.PREVENTION: '"prevention and control"[sh] OR prevent*[tiab]',
    Facet.SIDE_EFFECTS: '"adverse effects"[sh] OR "side effect*"[tiab]',
    Facet.INTERACTIONS: '"drug interactions"[mh] OR interaction*[tiab]',
    Facet.DOSAGE: '"administration and dosage"[sh] OR dose*[tiab]',
}
"""Facet filters of the general search (facets not listed do not narrow it)."""

HUMANS = "NOT (animals[mh] NOT humans[mh])"
"""Keeps human studies *and* recent records not yet indexed with MeSH (unlike ``humans[mh]``)."""
ENGLISH = "english[la]"
MAX_WORDS = 8
SIMILAR_WEIGHT = 0.5
"""Similar articles rank below the searches' own hits of the same rank."""
_UNSAFE = re.compile(r'["\[\]()*:]')


@dataclass(frozen=True)
class PubMedSearch:
    """One ESearch: what it is for, its term and its publication-date range."""

    label: str
    term: str
    dates: tuple[int, int] | None

    def describe(self) -> str:
        years = f" [published {self.dates[0]}-]" if self.dates else ""
        return f"PubMed {self.label}: {self.term}{years}"


def concept_terms(query: Query) -> list[str]:
    """The focus and its expansions, de-duplicated, with query syntax characters removed."""
    terms = [query.focus or "", *query.expansions]
    unique: dict[str, str] = {}
    for term in terms:
        cleaned = " ".join(_UNSAFE.sub(" ", term).split())
        if cleaned:
            unique.setdefault(cleaned.lower(), cleaned)
    return list(unique.values())


def concept_clause(query: Query) -> str:
    """``("t"[mh] OR "t"[tiab] OR ...)``; without focus, the question's content words as typed
    (PubMed then maps them to MeSH itself: Automatic Term Mapping)."""
    terms = concept_terms(query)
    if terms:
        return "(" + " OR ".join(f'"{t}"[mh] OR "{t}"[tiab]' for t in terms) + ")"
    words = query_terms(query_text(query))[:MAX_WORDS]
    return f"({' '.join(words)})" if words else ""


def build_searches(query: Query, settings: PubMedSettings, year: int) -> list[PubMedSearch]:
    """The general search plus one per publication type (empty when the query has no words)."""
    concept = concept_clause(query)
    if not concept:
        return []
    dates = (year - settings.recent_years + 1, 3000) if settings.recent_years else None
    facets = " OR ".join(FACETS[f] for f in query.facets if f in FACETS)
    general = f"{concept} AND ({facets})" if facets else concept
    searches = [PubMedSearch("general", _filtered(general, settings), dates)]
    for name in settings.publication_type_searches:
        term = f"{concept} AND ({PUBLICATION_TYPES[name]})"
        searches.append(PubMedSearch(name.replace("_", " "), _filtered(term, settings), dates))
    return searches


def _filtered(term: str, settings: PubMedSettings) -> str:
    if settings.english_only:
        term = f"({term}) AND {ENGLISH}"
    if settings.humans_only:
        term = f"({term}) {HUMANS}"
    return term


class PubMedRetriever:
    """PubMed through E-utilities as a :class:`~medcite.sources.base.Retriever`.

    ``known`` (optional) looks documents up in the local index: when every hit is already there,
    the cheaper ESummary refreshes them (publication types, e.g. a new retraction) instead of
    downloading them again.
    """

    name = "pubmed"

    def __init__(
        self,
        eutils: EUtils,
        settings: PubMedSettings,
        *,
        known: Lookup | None = None,
        snippet_chars: int = 240,
    ) -> None:
        unknown = set(settings.publication_type_searches) - set(PUBLICATION_TYPES)
        if unknown:
            raise ValueError(f"unknown PubMed publication-type searches: {sorted(unknown)}")
        self.eutils = eutils
        self.settings = settings
        self._known = known
        self._snippet_chars = snippet_chars

    def search(self, query: Query, k: int) -> list[Hit]:
        return self.retrieve(query, k).hits

    def retrieve(self, query: Query, k: int) -> Retrieval:
        searches, results = self._search(query)
        if results and not any(r.ids for r in results):
            searches, results = self._respelled(query, searches, results)
        made = [s.describe() for s in searches]
        ranked = top(fuse(r.ids for r in results), k)
        if 0 < len(ranked) < k and self.settings.similar_for_top:
            ranked = self._with_similar(ranked, k, made)
        documents = self._documents([pmid for pmid, _ in ranked])
        pairs = [(documents[pmid], score) for pmid, score in ranked if pmid in documents]
        return Retrieval(make_hits(pairs, self._snippet_chars), tuple(made))

    def _search(self, query: Query) -> tuple[list[PubMedSearch], list[SearchResult]]:
        searches = build_searches(query, self.settings, self._year())
        calls = [self._esearch_call(s) for s in searches]
        return searches, parallel(calls)

    def _esearch_call(self, search: PubMedSearch) -> Callable[[], SearchResult]:
        return lambda: self.eutils.esearch(
            search.term, self.settings.per_search, dates=search.dates
        )

    def _respelled(
        self, query: Query, searches: list[PubMedSearch], results: list[SearchResult]
    ) -> tuple[list[PubMedSearch], list[SearchResult]]:
        """Search again with ESpell's correction of the question, if it has one."""
        text = query_text(query)
        corrected = self.eutils.spell(text)
        if not corrected or corrected.lower() == text.lower():
            return searches, results
        fixed = Query(question=query.question, facets=query.facets, search_text=corrected)
        again, found = self._search(fixed)
        return [*searches, *again], [*results, *found]

    def _with_similar(
        self, ranked: list[tuple[str, float]], k: int, made: list[str]
    ) -> list[tuple[str, float]]:
        seeds = [pmid for pmid, _ in ranked[: self.settings.similar_for_top]]
        term = ENGLISH if self.settings.english_only else None
        similar = self.eutils.similar(seeds, k - len(ranked), term)
        made.append(f"PubMed similar articles to PMIDs {', '.join(seeds)}")
        scores = dict(ranked)
        for pmid, score in fuse([similar], [SIMILAR_WEIGHT]).items():
            scores.setdefault(pmid, score)
        return top(scores, k)

    def _documents(self, pmids: Sequence[str]) -> dict[str, Document]:
        """pmid → document, in one request: EFetch when any record is new; when the local index
        holds them all, the cheaper ESummary refreshes their publication types (retractions)."""
        local = {p: d for p in pmids if (d := self._lookup(p)) is not None}
        if len(local) < len(pmids):
            wanted = set(pmids)
            return {d.pmid: d for d in self.eutils.efetch(pmids) if d.pmid in wanted}
        now = self._now()
        summaries = self.eutils.esummary(list(local))
        return {s.pmid: _refreshed(local[s.pmid], s, now) for s in summaries if s.pmid in local}

    def _lookup(self, pmid: str) -> Document | None:
        return self._known(f"pmid:{pmid}") if self._known is not None else None

    def _now(self) -> datetime:
        return timestamp(self.eutils.http.clock.time())

    def _year(self) -> int:
        return self._now().astimezone(UTC).year


def _refreshed(doc: Document, summary: Summary, now: datetime) -> Document:
    """The local document with the publication types PubMed lists today (e.g. a retraction)."""
    types = tuple(dict.fromkeys([*doc.publication_types, *summary.publication_types]))
    return doc.model_copy(update={"publication_types": types, "fetched_at": now})
