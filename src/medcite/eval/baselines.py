"""Baselines measured in the same run, on the same index and questions as medcite.

- **plain BM25** (:func:`plain_bm25`): the index's BM25 over the raw question — no expansion, no
  evidence ranking. It calls :meth:`TantivyIndex.search` directly so it stays plain when
  ``Engine.search`` learns query expansion.
- **lead sentences** (:class:`LeadSentences`): the first sentences of the top-3 abstracts found by
  plain BM25, as a real :class:`~medcite.records.Answer` (one section, one bullet per abstract,
  each sentence cited verbatim), so it goes through exactly the same answer metrics as medcite.
- **BM25 re-ranking** (:func:`bm25_rerank`): Okapi BM25 of the question over a fixed list of
  candidate answers (MEDIQA 2019 re-ranking).
"""

from __future__ import annotations

import hashlib
import math
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path

from medcite.eval.text import split_sentences
from medcite.index.sharded import open_index
from medcite.records import (
    Answer,
    Bullet,
    Citation,
    Document,
    EvidenceLevel,
    Facet,
    Hit,
    Query,
    Reference,
    Section,
    Source,
)
from medcite.text import content_tokens

RetrieveFn = Callable[[str, int], Sequence[Hit]]
"""Ranks documents for a question: ``(question, k) -> hits`` (``Engine.search`` has this shape)."""
AnswerFn = Callable[[str], Answer]
"""Answers a question (``Engine.ask`` has this shape)."""
RerankFn = Callable[[str, Sequence[str]], Sequence[int]]
"""Orders candidate answer texts for a question: indices into the list, best first."""

DISCLAIMER = "This is not medical advice; ask a health professional about your own situation."
BASELINE_TITLE = "First sentences of the top abstracts"

_LEVELS: tuple[tuple[EvidenceLevel, frozenset[str]], ...] = (
    (
        EvidenceLevel.EXCLUDED,
        frozenset({"Retracted Publication", "Retraction of Publication"}),
    ),
    (
        EvidenceLevel.GUIDELINE,
        frozenset({"Practice Guideline", "Guideline", "Consensus Development Conference, NIH"}),
    ),
    (EvidenceLevel.SYSTEMATIC_REVIEW, frozenset({"Systematic Review", "Meta-Analysis"})),
    (
        EvidenceLevel.TRIAL,
        frozenset(
            {
                "Randomized Controlled Trial",
                "Clinical Trial",
                "Controlled Clinical Trial",
                "Clinical Trial, Phase I",
                "Clinical Trial, Phase II",
                "Clinical Trial, Phase III",
                "Clinical Trial, Phase IV",
            }
        ),
    ),
    (
        EvidenceLevel.OBSERVATIONAL,
        frozenset(
            {"Observational Study", "Comparative Study", "Multicenter Study", "Evaluation Study"}
        ),
    ),
    (EvidenceLevel.REVIEW, frozenset({"Review"})),
    (EvidenceLevel.CASE_REPORT, frozenset({"Case Reports"})),
)
"""DESIGN.md's initial mapping, kept here so the baseline needs nothing from medcite.evidence."""


def plain_bm25(index_path: Path | str) -> RetrieveFn:
    """BM25 over the raw question on the index at ``index_path`` (opened once)."""
    index = open_index(Path(index_path))

    def retrieve(question: str, k: int) -> Sequence[Hit]:
        return index.search(question, k)

    return retrieve


def evidence_level(document: Document) -> EvidenceLevel:
    """Evidence level from publication types; NIH patient pages (MedQuAD) count as guidelines."""
    if document.is_retracted:
        return EvidenceLevel.EXCLUDED
    if document.source is Source.MEDQUAD:
        return EvidenceLevel.GUIDELINE
    types = set(document.publication_types)
    for level, names in _LEVELS:
        if types & names:
            return level
    return EvidenceLevel.OTHER


def lead_sentences(document: Document, count: int) -> list[str]:
    """The first ``count`` sentences of the document's abstract, verbatim, in order."""
    sentences: list[str] = []
    for section in document.sections:
        sentences.extend(split_sentences(section.text))
        if len(sentences) >= count:
            break
    return sentences[:count]


def reference_for(document: Document, number: int) -> Reference:
    """The numbered reference entry for ``document``."""
    return Reference(
        number=number,
        document_id=document.id,
        authors=document.authors,
        title=document.title or (document.focus or document.id),
        journal=document.journal,
        year=document.year,
        level=evidence_level(document),
        publication_types=document.publication_types,
        pmid=document.pmid,
        doi=document.doi,
        url=document.url,
        site=document.site,
    )


def lead_sentences_answer(
    question: str, hits: Sequence[Hit], n_docs: int = 3, sentences_per_doc: int = 2
) -> Answer:
    """An answer made of the lead sentences of the first ``n_docs`` hits that have an abstract.

    Abstains (listing the closest hits) when no hit has abstract text.
    """
    picked: list[tuple[Document, list[str]]] = []
    for hit in hits:
        sentences = lead_sentences(hit.document, sentences_per_doc)
        if sentences:
            picked.append((hit.document, sentences))
        if len(picked) == n_docs:
            break
    query = Query(question=question, search_text=question)
    base = Answer(
        id=f"lead-{hashlib.sha1(question.encode()).hexdigest()[:12]}",
        question=question,
        query=query,
        disclaimer=DISCLAIMER,
        searched=(f"local index (plain BM25): {question}",),
    )
    if not picked:
        closest = tuple(reference_for(h.document, n) for n, h in enumerate(hits[:3], start=1))
        reason = "no retrieved document has an abstract" if hits else "nothing was found"
        return base.model_copy(
            update={"abstained": True, "abstain_reason": reason, "closest": closest}
        )
    bullets = tuple(_bullet(doc, sentences, n) for n, (doc, sentences) in enumerate(picked, 1))
    section = Section(facet=Facet.OVERVIEW, title=BASELINE_TITLE, bullets=bullets)
    references = tuple(reference_for(doc, n) for n, (doc, _s) in enumerate(picked, start=1))
    return base.model_copy(update={"research_sections": (section,), "references": references})


def _bullet(document: Document, sentences: list[str], number: int) -> Bullet:
    citations = tuple(
        Citation(number=number, document_id=document.id, sentence=s) for s in sentences
    )
    return Bullet(text=" ".join(sentences), citations=citations)


class LeadSentences:
    """The lead-sentences baseline as an :data:`AnswerFn`: retrieve, then quote lead sentences."""

    def __init__(
        self, retrieve: RetrieveFn, n_docs: int = 3, sentences_per_doc: int = 2, k: int = 10
    ) -> None:
        self.retrieve = retrieve
        self.n_docs = n_docs
        self.sentences_per_doc = sentences_per_doc
        self.k = k

    def __call__(self, question: str) -> Answer:
        hits = self.retrieve(question, self.k)
        return lead_sentences_answer(question, hits, self.n_docs, self.sentences_per_doc)


def _terms(text: str) -> list[str]:
    return content_tokens(text)


def bm25_rerank(question: str, texts: Sequence[str], k1: float = 1.2, b: float = 0.75) -> list[int]:
    """Indices of ``texts`` ordered by Okapi BM25 for ``question`` (IDF over ``texts``; ties keep
    the given order)."""
    docs = [Counter(_terms(t)) for t in texts]
    if not docs:
        return []
    lengths = [sum(d.values()) for d in docs]
    average = (sum(lengths) / len(docs)) or 1.0
    query = set(_terms(question))
    df = {t: sum(1 for d in docs if t in d) for t in query}
    idf = {t: math.log(1 + (len(docs) - n + 0.5) / (n + 0.5)) for t, n in df.items()}

    def score(i: int) -> float:
        norm = k1 * (1 - b + b * lengths[i] / average)
        return sum(
            idf[t] * docs[i][t] * (k1 + 1) / (docs[i][t] + norm) for t in query if docs[i][t]
        )

    return sorted(range(len(docs)), key=lambda i: -score(i))
