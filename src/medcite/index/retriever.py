"""medcite's local retriever: guideline pages and research, each by fused lexical (+ dense) search.

``TieredRetriever`` implements the :class:`~medcite.sources.base.TracedRetriever` protocol over
the local tantivy index (and, when built, the dense store beside it). Guideline-level pages
(NIH/NLM, MedQuAD) and research are searched separately, so neither crowds the other out, and
each tier's ranked lists are merged: guideline pages by reciprocal rank fusion
(``sources.base.fuse``), research by score (``sources.base.fuse_scores``, see ``_research``):

guideline pages
    1. the expanded search text (focus + the concepts' clinical names), boosting pages whose
       question type answers the facet asked;
    2. the question's own words, same boost (MedQuAD titles are question templates);
    3. the question's topic concepts searched in the page topic field ("focus" + synonyms)
       alone, so the page *about* the concept is found even when neighbouring pages use its
       words more often ("Fever" among "Q fever", "Yellow fever", "Rheumatic fever");
    4. dense: the question's embedding against the pages' embeddings (when available).
research
    1. the expanded search text and 2. the question's own words, each plain BM25 over title +
       abstract (field boosts hurt research retrieval, docs/evaluation.md); 3. dense (when
       available).

Fused hits get BM25-like scores by position (see ``_fused``), because evidence ranking
multiplies relevance by level weights and divides by the best score of a tier.

``retrieve`` gives the two tiers as the answer shows them: apart, each on its own scale (guideline
pages: boosted multi-field BM25 with a question-type boost; research: plain BM25 over title +
abstract), so their scores must not be compared. ``merged`` gives both tiers in *one* list on one
relevance scale (see ``merged`` and ``_on_one_scale``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from medcite.config import FusionSettings
from medcite.evidence import child_warnings
from medcite.evidence.classify import GUIDELINE_SOURCES
from medcite.evidence.topic import on_class
from medcite.evidence.vaccine_schedule import asked_schedule
from medcite.index.protocol import SearchIndex
from medcite.query.drugs import class_pattern
from medcite.records import Hit, Query, QuestionType, Source
from medcite.sources.base import Retrieval, fuse, fuse_scores, query_text, top

DenseSearch = Callable[[str, int, tuple[str, ...]], list[tuple[str, float]]]
"""(question, k, sources) → (document id, cosine) best first: the dense store's search."""
GUIDELINE = tuple(s.value for s in GUIDELINE_SOURCES)
RESEARCH = tuple(s.value for s in Source if s not in GUIDELINE_SOURCES)


class TieredRetriever:
    """Local retrieval: guideline pages then research, each fused from several searches."""

    name = "local"

    def __init__(
        self,
        index: SearchIndex,
        *,
        guideline_k: int,
        research_k: int,
        page_types: Callable[[Query], tuple[str, ...]],
        dense: DenseSearch | None = None,
        weights: FusionSettings | None = None,
        asks_evidence: Callable[[str], bool] = lambda _question: False,
    ) -> None:
        self._index = index
        self._asks_evidence = asks_evidence
        self._guideline_k = guideline_k
        self._research_k = research_k
        self._page_types = page_types
        self._dense = dense
        self._weights = weights or FusionSettings()

    def search(self, query: Query, k: int) -> list[Hit]:
        return self.retrieve(query, k).hits

    def retrieve(self, query: Query, k: int) -> Retrieval:
        """Guideline hits (at most ``guideline_k``) then research hits (at most ``k``)."""
        guideline, searched = self._guideline(query)
        research, more = self._research(query, k)
        return Retrieval(guideline + research, searched + more)

    def merged(self, query: Query, k: int) -> Retrieval:
        """Both tiers' hits (the same documents as :meth:`retrieve`) in one list, ranked 1..n by
        relevance on one scale: each tier keeps its own fused order, and where the tiers
        interleave is decided by one scoring function applied to both (``_on_one_scale``).

        For a single ranked list of everything medcite found (the evaluation's headline row);
        the answer presents the tiers apart and uses :meth:`retrieve`. Evidence level and recency
        are evidence priority, not relevance, and play no part here."""
        guideline, searched = self._guideline(query)
        research, more = self._research(query, k)
        pages = self._weights.evidence_pages if self._asks_evidence(query.question) else 1.0
        tiers = [(guideline, GUIDELINE, pages), (research, RESEARCH, 1.0)]
        scored = [
            hit
            for hits, sources, weight in tiers
            for hit in _on_one_scale(hits, self._scale(query.question, len(hits), sources, weight))
        ]
        scored.sort(key=lambda h: -h.score)  # stable: ties keep guideline pages first
        ranked = [hit.model_copy(update={"rank": rank}) for rank, hit in enumerate(scored, 1)]
        scales = tuple(f"local {tier} (one scale): {query.question}" for tier in TIER_NAMES)
        return Retrieval(ranked, searched + more + scales)

    def _guideline(self, query: Query) -> tuple[list[Hit], tuple[str, ...]]:
        k, text, w = self._guideline_k, query_text(query), self._weights
        if k == 0:
            return [], ()
        types = self._page_types(query)
        lists = [
            (w.expanded, self._bm25(text, k, GUIDELINE, types)),
            (w.worded, self._bm25(query.question, k, GUIDELINE, types)),
        ]
        searched = [f"local guideline pages: {text}", f"local guideline pages: {query.question}"]
        concepts = _concept_names(query)  # the concepts share one list's weight
        topics = [("local guideline topics", n, w.concept / len(concepts)) for n in concepts]
        pair = query.drug_and_condition
        if pair is not None and pair[1] not in query.primary_topics:
            # the condition named with a drug: the topic gate admits its pages, which may say
            # what is asked of the drug; they rank below the drug's own
            names = " ".join(dict.fromkeys(pair[1].names))
            share = w.concept * PAIRED_CONDITION_SHARE
            topics.append(("local guideline topics (named with the drug)", names, share))
        own: list[list[Hit]] = []
        for what, names, weight in topics:
            own.append(self._bm25(names, k, GUIDELINE, (), ("focus",)))
            lists.append((weight, own[-1]))
            searched.append(f"{what}: {names}")
        lists += self._dense_list(query, k, GUIDELINE, searched, "guideline pages")
        fused = _fused(lists, k)
        compared = query.question_type is QuestionType.COMPARISON and len(concepts) >= 2
        fused = _with_each_topic(fused, own, k) if compared else fused
        if len(query.primary_topics) == 1 and query.primary_topics[0].condition:
            fused = _with_added(fused, _named_pages(query, own[0]))
        fused = _with_added(fused, self._class_pages(query, k, searched))
        fused = _with_added(fused, self._schedule_pages(query, k, searched))
        return _with_added(fused, self._child_warning_pages(query, k, searched)), tuple(searched)

    def _child_warning_pages(self, query: Query, k: int, searched: list[str]) -> list[Hit]:
        """For a question about a young child that names a drug or a food, the guideline pages
        that forbid it for children, whatever their topic (``evidence.child_warnings``: NIH
        warns against honey for babies on its botulism page)."""
        names = child_warnings.names_of(child_warnings.asked_for_a_child(query))
        found: dict[str, Hit] = {}
        for text in child_warnings.search_texts(query):
            searched.append(f"local guideline pages (warnings for children): {text}")
            for hit in self._bm25(text, max(k, CHILD_WARNING_K), GUIDELINE, ()):
                if child_warnings.warns(hit.document, names, query.question):
                    found.setdefault(hit.document.id, hit)
        return list(found.values())[: child_warnings.MAX_PAGES]

    def _schedule_pages(self, query: Query, k: int, searched: list[str]) -> list[Hit]:
        """For a question which vaccines a trip or a child needs, the pages on that situation
        ("Traveler's Health", "Childhood Immunization"), searched in the pages' topic field:
        they, not the pages on single vaccines, answer it (``evidence.vaccine_schedule``)."""
        schedule = asked_schedule(query)
        if schedule is None:
            return []
        hits = self._bm25(schedule.search, k, GUIDELINE, (), ("focus",))
        searched.append(f"local guideline topics (vaccine schedule): {schedule.search}")
        return [h for h in hits if schedule.about(h.document)][:SCHEDULE_PAGES]

    def _class_pages(self, query: Query, k: int, searched: list[str]) -> list[Hit]:
        """The pages on the class of a drug the question is about ("Statins" for
        atorvastatin, ``QueryConcept.classes``), searched in the pages' topic field: NIH has
        pages on few single drugs, and the topic gate admits these when no page is on the drug
        (``evidence.topic``)."""
        classes = list(dict.fromkeys(n for c in query.primary_topics for n in c.classes))
        if not classes:
            return []
        named = class_pattern(classes)
        text = " ".join(classes)
        hits = self._bm25(text, k, GUIDELINE, (), ("focus",))
        searched.append(f"local guideline topics (the drug's class): {text}")
        return [h for h in hits if on_class(h.document, named)][:CLASS_PAGES]

    def _research(self, query: Query, k: int) -> tuple[list[Hit], tuple[str, ...]]:
        """Research: the expanded text over title + abstract, and the question's own words over
        the abstract alone — a record's title adds a second BM25 term for the same words, which
        lifts titled records with a passing match above an untitled or short-titled one whose
        abstract answers (dev split, quick suite, evaluation index: PQA-L nDCG@10 0.677 with
        title + abstract → 0.737 with the abstract; on-topic answers unchanged).

        The lists are fused by score (``sources.base.fuse_scores``), not by rank: when the
        question's words single out one abstract, its lead over the next hit is kept, where
        reciprocal rank fusion let the expanded search's near-tied top hits climb over it
        (500 PQA-L dev questions, evaluation index, research alone: nDCG@10 0.759 by rank,
        0.853 by score, 0.902 by score with the expanded search weighted 0.5; LiveQA and
        MedicationQA dev on-topic answers unchanged)."""
        k = min(k, self._research_k)
        text = query_text(query)
        lists = [
            (self._weights.research_expanded, self._plain(text, k)),
            (self._weights.worded, self._plain(query.question, k, ("abstract",))),
        ]
        searched = [
            f"local research (title + abstract): {text}",
            f"local research (abstract): {query.question}",
        ]
        lists += self._dense_list(query, k, RESEARCH, searched, "research")
        return _fused(lists, k, by_score=True), tuple(searched)

    def _bm25(
        self,
        text: str,
        k: int,
        sources: tuple[str, ...],
        types: tuple[str, ...],
        fields: tuple[str, ...] = (),
    ) -> list[Hit]:
        return self._index.search(
            text, k, sources=sources, boost_qtypes=types, details=False, fields=fields
        )

    def _plain(self, text: str, k: int, fields: tuple[str, ...] | None = None) -> list[Hit]:
        """Plain BM25 over ``fields`` (default title + abstract): field boosts hurt research
        retrieval (a boosted MeSH or title field outweighs the abstract that answers;
        docs/evaluation.md)."""
        return self._index.search(
            text, k, sources=RESEARCH, details=False, fields=fields or RESEARCH_FIELDS, plain=True
        )

    def _scale(
        self, question: str, k: int, sources: tuple[str, ...], weight: float = 1.0
    ) -> list[float]:
        """The ``k`` best scores, best first, of the question's own words among ``sources``
        under plain BM25 over every text field (each weighted 1, no question-type boost): the
        same function for both tiers, so the scores compare; times ``weight`` (see
        :attr:`FusionSettings.evidence_pages`).

        Plain, not the index's field boosts (focus ×3, title ×2): those were tuned to find
        guideline pages by their topic and would lift every page over research. Measured on
        the dev splits (quick suite, BM25-only, evaluation index): boosted fields 0.477 PQA-L
        and 0.584 LiveQA→MedQuAD nDCG@10; plain 0.677 and 0.522 (at the time). The body text
        alone, after research fusion by score, scores 0.840 PQA-L and 0.558 LiveQA, against
        0.805 and 0.559 for every field; but then a short abstract that names the topic outranks
        the topic's own page for "What is gout?" (tests/test_merged_ranking.py), so every field
        it stays."""
        if k == 0:
            return []
        hits = self._index.search(question, k, sources=sources, details=False, plain=True)
        return sorted((h.score * weight for h in hits), reverse=True)

    def _dense_list(
        self, query: Query, k: int, sources: tuple[str, ...], searched: list[str], tier: str
    ) -> list[tuple[float, list[Hit]]]:
        if self._dense is None:
            return []
        ranked = self._dense(query.question, k, sources)
        docs = self._index.get_many([doc_id for doc_id, _score in ranked])
        hits = [
            Hit(document=docs[doc_id], score=score, rank=rank)
            for rank, (doc_id, score) in enumerate(
                ((i, s) for i, s in ranked if i in docs), start=1
            )
        ]
        searched.append(f"local {tier} (dense): {query.question}")
        return [(self._weights.dense, hits)]


TIER_NAMES = ("guideline pages", "research")
"""How the tiers are named in the searches a retrieval reports."""

PAIRED_CONDITION_SHARE = 0.25
"""Weight of the guideline-topic search for a condition named with a drug, as a share of the
topic searches' weight (the drug's pages keep theirs whole)."""

RESEARCH_FIELDS = ("title", "abstract")
"""The fields research is searched in (plain BM25, no boosts)."""


def _concept_names(query: Query) -> list[str]:
    """For each thing the question names (a primary topic phrase, see
    ``Query.primary_topics``): the names of its concepts, the names of NIH pages on them
    under another name (``page_names``) and the question's words for it, searched in the
    fields that say what a document is about. One search per named thing, so a question about
    two conditions finds the pages of both ("Noonan syndrome and polycystic
    kidney disease": the kidney pages match more of the joined words and would otherwise take
    every place); the readings of one phrase ("facial twitch": hemifacial spasm, blepharospasm
    …) stay one search, in the order the vocabulary prefers them."""
    by_phrase: dict[str, dict[str, None]] = {}
    for concept in query.primary_topics:
        found = by_phrase.setdefault(concept.matched, {})
        found.update(dict.fromkeys(concept.names))
        found.update(dict.fromkeys(n.lower() for n in concept.page_names))
    names = (" ".join(found) for found in by_phrase.values())
    return list(dict.fromkeys(n for n in names if n))


def _named_pages(query: Query, own: Sequence[Hit]) -> list[Hit]:
    """From the topic's own search (``own``), its best PER_TOPIC pages whose topic (MedQuAD
    focus) is the topic itself by one of its names: the NIH page on the very concept asked
    about is never crowded out by pages that match more of a long message's other words (a
    long story of swallowing trouble told with foods and a weight in stones: *Swallowing
    Disorders* below every page on eating and on kidney stones). Only for a message naming
    one topic, and a condition: beside a second one, a sign told in passing ("can't sleep"
    beside postpartum depression) would get pages of its own, and a substance's name is often
    part of something else's ("calcium" in a coronary calcium score)."""
    names = {n.lower() for c in query.primary_topics for n in (*c.names, *c.page_names) if n}
    return [h for h in own if (h.document.focus or "").lower() in names][:PER_TOPIC]


SCHEDULE_PAGES = 2
"""Pages on a vaccine schedule's situation added to the guideline hits."""
CLASS_PAGES = 3
"""Pages on a drug's class added to the guideline hits (``TieredRetriever._class_pages``)."""
CHILD_WARNING_K = 100
"""Guideline pages naming a substance read for a warning against it for children: a common
drug is named on many pages (aspirin on 129 NIH pages of the sample index, its warnings for
children on the 23rd and 47th)."""


def _with_added(hits: list[Hit], added: Sequence[Hit]) -> list[Hit]:
    """``hits`` followed by the ``added`` hits they lack, ranked last at the last hit's
    score (their own scores come from another search and do not compare)."""
    have = {h.document.id for h in hits}
    extra = [h for h in added if h.document.id not in have]
    if not extra or not hits:
        return [*hits, *extra]
    floor = hits[-1].score
    more = [h.model_copy(update={"score": floor}) for h in extra]
    return [h.model_copy(update={"rank": r}) for r, h in enumerate([*hits, *more], 1)]


PER_TOPIC = 3
"""Pages each named topic keeps among the guideline hits of a question naming several."""


def _with_each_topic(fused: list[Hit], own: Sequence[list[Hit]], k: int) -> list[Hit]:
    """For a comparison, ``fused`` with the best PER_TOPIC pages of each topic's own search
    among its ``k`` places: "osteoarthritis vs rheumatoid arthritis" matches nineteen
    rheumatoid arthritis pages on more words, which would take every place from the
    osteoarthritis pages. Added pages rank last, at the last kept page's score."""
    have = {h.document.id for h in fused}
    wanted = list(
        {
            h.document.id: h for hits in own for h in hits[:PER_TOPIC] if h.document.id not in have
        }.values()
    )
    if not wanted:
        return fused
    kept = fused[: max(0, k - len(wanted))]
    floor = kept[-1].score if kept else 0.0
    added = [h.model_copy(update={"score": floor}) for h in wanted]
    return [h.model_copy(update={"rank": r}) for r, h in enumerate([*kept, *added], 1)]


def _fused(
    lists: Sequence[tuple[float, list[Hit]]], k: int, *, by_score: bool = False
) -> list[Hit]:
    """Reciprocal rank fusion of weighted hit lists (``by_score``: score-aware fusion,
    ``sources.base.fuse_scores``), ranked 1..k, with BM25-like scores.

    The fused *order* comes from RRF; the *scores* are the first non-empty list's BM25 scores by
    position (the fused 1st hit gets the best BM25 score of that list, the 2nd the second best
    ...). Evidence ranking multiplies relevance by level and recency weights and divides by the
    best score of a tier, so scores must keep BM25's spread: raw RRF values (1/61, 1/62 ...)
    differ by ~2% a rank and would let a ±15% level weight reorder the whole list, and a raw
    value (≈ 0.03) next to a BM25 score (≈ 50) would push every guideline page below the
    answer's evidence floor.
    """
    by_id: dict[str, Hit] = {}
    for _w, hits in reversed(lists):
        by_id.update((h.document.id, h) for h in hits)
    weights = [w for w, _ in lists]
    if by_score:
        pairs = [[(h.document.id, h.score) for h in hits] for _w, hits in lists]
        ranked = top(fuse_scores(pairs, weights), k)
    else:
        ranked = top(fuse([[h.document.id for h in hits] for _w, hits in lists], weights), k)
    first = next((hits for _w, hits in lists if hits), [])
    if not ranked or not first:
        return []
    scale = sorted((h.score for h in first), reverse=True)
    return [
        by_id[doc_id].model_copy(update={"score": _score_at(scale, rank), "rank": rank})
        for rank, (doc_id, _fused_value) in enumerate(ranked, start=1)
    ]


def _on_one_scale(hits: Sequence[Hit], scale: Sequence[float]) -> list[Hit]:
    """``hits`` (one tier, best first) re-scored by position on the comparable ``scale``: the
    tier's n-th hit gets the n-th best comparable score of its tier (as ``_fused`` does within
    a tier). The tier's order, tuned per tier (several searches, field and question-type
    boosts, dense), is kept; what is compared across tiers is how well the question's own
    words match each tier's best documents under one BM25. Scores within a tier are not
    comparable across tiers (their searches differ), nor is a dense cosine, which may cover
    only some sources (``semantic.embed_sources``); so the scale is lexical. When the question's
    words match nothing in the tier, its hits score 0 (found only through expansions)."""
    if not scale:
        return [hit.model_copy(update={"score": 0.0}) for hit in hits]
    return [
        hit.model_copy(update={"score": _score_at(scale, rank)})
        for rank, hit in enumerate(hits, start=1)
    ]


def _score_at(scale: Sequence[float], rank: int) -> float:
    """The BM25 score at ``rank`` of the reference list; past its end, keep decaying."""
    if rank <= len(scale):
        return scale[rank - 1]
    return scale[-1] * TAIL_DECAY ** (rank - len(scale))


TAIL_DECAY = 0.97
