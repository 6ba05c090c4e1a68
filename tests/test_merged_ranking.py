"""The merged view: guideline pages and research in one list, ranked by relevance on one scale
(``TieredRetriever.merged`` + ``evidence.rank.by_relevance``), while the answer's per-tier view
(``retrieve`` + ``rank``) stays as it was."""

from __future__ import annotations

import pytest

from medcite.engine import Engine
from medcite.eval.datasets import PUBMEDQA, default_corpora, pubmedqa_pqal
from medcite.eval.runner import medcite_retrieval
from medcite.evidence.rank import by_relevance, rank
from medcite.index.retriever import TieredRetriever, _on_one_scale
from medcite.index.tantivy_index import TantivyIndex
from medcite.records import AbstractSection, Document, EvidenceLevel, Hit, Query, Source
from semantic.helpers import page


def article(pmid: str, title: str, abstract: str, year: int = 2001, **extra: object) -> Document:
    return Document(
        id=f"pmid:{pmid}",
        source=Source.PUBMED,
        title=title,
        year=year,
        sections=(AbstractSection(text=abstract),),
        **extra,  # type: ignore[arg-type]
    )


DOCUMENTS = (
    page("1", "What is Gout?", "Gout", "Gout is a painful arthritis of the joints, often the toe."),
    page("2", "What are the treatments for Gout?", "Gout", "Rest the joint and take medicines."),
    page(
        "3",
        "What is Osteoporosis?",
        "Osteoporosis",
        "Osteoporosis makes bones weak; falls "
        "in older adults can break them. Vitamin D and calcium help.",
    ),
    page(
        "4",
        "What is Vitamin D?",
        "Vitamin D",
        "Older adults may need vitamin D supplements to keep bones strong and prevent falls.",
    ),
    article(
        "1",
        "Does vitamin D supplementation prevent falls in older adults living at home?",
        "We randomised older adults living at home to vitamin D or placebo and counted falls.",
    ),
    article("2", "Uric acid and gout flares after diet changes", "Diet changes and gout flares."),
    article("3", "Hip fractures after falls in nursing homes", "Falls in older adults in homes."),
    article(
        "4",
        "Vitamin D supplementation prevents falls in older adults living at home",
        "A retracted trial of vitamin D and falls in older adults living at home.",
        publication_types=("Retracted Publication",),
    ),
)


@pytest.fixture(scope="module")
def index(tmp_path_factory: pytest.TempPathFactory) -> TantivyIndex:
    index = TantivyIndex.create_or_open(tmp_path_factory.mktemp("merged") / "index")
    writer = index.writer(32, 1)
    for doc in DOCUMENTS:
        writer.upsert(doc)
    writer.commit()
    writer.close()
    return index


@pytest.fixture(scope="module")
def retriever(index: TantivyIndex) -> TieredRetriever:
    return TieredRetriever(index, guideline_k=5, research_k=5, page_types=lambda _q: ())


def ids(hits: list[Hit]) -> list[str]:
    return [h.document.id for h in hits]


def test_the_abstract_a_question_was_written_from_comes_first(retriever: TieredRetriever) -> None:
    question = "Does vitamin D supplementation prevent falls in older adults living at home?"
    ranked = [
        e.hit.document.id for e in by_relevance(retriever.merged(Query(question=question), 5).hits)
    ]
    # the vitamin D page came first when a merged list was weighted by evidence level (×1.15)
    # over scores from the two tiers' different searches
    assert ranked[:2] == ["pmid:1", "medquad:test#4"]
    short = by_relevance(retriever.merged(Query(question="Does vitamin D prevent falls?"), 5).hits)
    assert short[0].hit.document.id == "medquad:test#4"  # the page answers a question this short


def test_a_page_about_the_question_s_topic_comes_first(retriever: TieredRetriever) -> None:
    merged = retriever.merged(Query(question="What is gout?"), 5).hits
    assert any(h.document.source is Source.PUBMED for h in merged)  # research matched too
    assert by_relevance(merged)[0].hit.document.id == "medquad:test#1"


def test_merged_keeps_the_documents_and_each_tier_s_order(retriever: TieredRetriever) -> None:
    query = Query(question="vitamin D falls older adults gout", search_text="vitamin D falls")
    apart = retriever.retrieve(query, 5)
    merged = retriever.merged(query, 5)
    assert sorted(ids(merged.hits)) == sorted(ids(apart.hits))
    assert [h.rank for h in merged.hits] == list(range(1, len(merged.hits) + 1))
    scores = [h.score for h in merged.hits]
    assert scores == sorted(scores, reverse=True)
    for guideline in (True, False):
        tier = [i for i in ids(apart.hits) if i.startswith("medquad:") == guideline]
        assert [i for i in ids(merged.hits) if i.startswith("medquad:") == guideline] == tier
    assert set(apart.searches) < set(merged.searches)  # the one-scale searches are listed


def test_excluded_documents_come_last_in_the_merged_ranking(retriever: TieredRetriever) -> None:
    question = "Vitamin D supplementation prevents falls in older adults living at home"
    ranked = by_relevance(retriever.merged(Query(question=question), 5).hits)
    assert ranked[-1].hit.document.id == "pmid:4"
    assert ranked[-1].level is EvidenceLevel.EXCLUDED
    assert ranked[-1].excluded_reason == "retracted publication"


def hit(doc: Document, score: float, rank: int = 1) -> Hit:
    return Hit(document=doc, score=score, rank=rank)


def test_by_relevance_ignores_level_and_recency() -> None:
    guideline = hit(DOCUMENTS[0], 10.0)
    old_research = hit(article("9", "An old study", "Text.", year=1975), 10.5)
    ranked = by_relevance([guideline, old_research])
    assert [e.hit for e in ranked] == [old_research, guideline]
    assert ranked[0].score == 1.0 and ranked[1].score == pytest.approx(10.0 / 10.5, abs=1e-6)
    # the answer's view still prefers the guideline page (its tier's best, × level weight)
    assert rank([guideline, old_research], 2026)[0].hit == guideline


def test_by_relevance_of_nothing_is_empty() -> None:
    assert by_relevance([]) == []


def test_on_one_scale_keeps_the_order_and_takes_scores_by_position() -> None:
    hits = [hit(DOCUMENTS[1], 3.0, 1), hit(DOCUMENTS[0], 9.0, 2), hit(DOCUMENTS[2], 1.0, 3)]
    scaled = _on_one_scale(hits, [20.0, 12.0])
    assert ids(scaled) == ids(hits)
    assert [h.score for h in scaled][:2] == [20.0, 12.0]
    assert 0 < scaled[2].score < 12.0  # past the scale's end the score keeps decaying
    assert [h.score for h in _on_one_scale(hits, [])] == [0.0, 0.0, 0.0]


def test_headline_retrieval_finds_pubmedqa_abstracts_first(sample_engine: Engine) -> None:
    """The headline (no tier hint) puts the abstract a PubMedQA question was written from first,
    as the research tier alone does, while guideline pages still compete in the same list."""
    items = list(pubmedqa_pqal(default_corpora() / PUBMEDQA))[:20]
    headline = medcite_retrieval(sample_engine)
    firsts = [headline(item.question, 10)[0].document.id for item in items]
    assert sum(first in item.relevant for first, item in zip(firsts, items, strict=True)) >= 19
    pages = headline("What are the symptoms of gout?", 10)
    assert pages[0].document.source is Source.MEDQUAD


def test_an_evidence_question_puts_pages_below_studies_of_the_same_match(
    index: TantivyIndex, retriever: TieredRetriever
) -> None:
    evidence = TieredRetriever(
        index,
        guideline_k=5,
        research_k=5,
        page_types=lambda _q: (),
        asks_evidence=lambda _question: True,
    )
    short = Query(question="Does vitamin D prevent falls?")
    assert by_relevance(retriever.merged(short, 5).hits)[0].hit.document.id == "medquad:test#4"
    assert by_relevance(evidence.merged(short, 5).hits)[0].hit.document.id == "pmid:1"
    # the answer's view is not affected
    assert ids(evidence.retrieve(short, 5).hits) == ids(retriever.retrieve(short, 5).hits)
