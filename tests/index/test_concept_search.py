"""A question about two conditions finds the pages of both (one topic search per concept)."""

from __future__ import annotations

import pytest

from medcite.index.retriever import TieredRetriever
from medcite.index.tantivy_index import TantivyIndex
from medcite.records import Query, QueryConcept
from semantic.helpers import page

KIDNEY = "multicystic renal kidney disease"
TEXT = f"{KIDNEY} affects the kidney, renal function; unlike Zorbex syndrome it is common."
PAGES = [
    *(
        page(str(n), f"What is {KIDNEY}? ({part})", KIDNEY, TEXT)
        for n, part in enumerate(
            ("overview", "causes", "treatment", "outlook", "genes", "tests"), 1
        )
    ),
    page("10", "What is Zorbex syndrome?", "Zorbex syndrome", "A rare developmental syndrome."),
    page("11", "What causes Zorbex syndrome?", "Zorbex syndrome", "Changes in one gene."),
]


def _concept(key: str, name: str) -> QueryConcept:
    return QueryConcept(key=key, name=name, matched=name.lower(), via="MeSH", names=(name.lower(),))


@pytest.fixture(scope="module")
def retriever(tmp_path_factory: pytest.TempPathFactory) -> TieredRetriever:
    index = TantivyIndex.create_or_open(tmp_path_factory.mktemp("concepts") / "index")
    writer = index.writer(32, 1)
    for doc in PAGES:
        writer.upsert(doc)
    writer.commit()
    writer.close()
    return TieredRetriever(index, guideline_k=3, research_k=4, page_types=lambda _q: ())


def test_each_named_condition_gets_its_pages(retriever: TieredRetriever) -> None:
    question = f"references on Zorbex syndrome with {KIDNEY} renal kidney"
    concepts = (_concept("D1", "Zorbex syndrome"), _concept("D2", KIDNEY))
    query = Query(question=question, search_text=question, concepts=concepts)
    retrieval = retriever.retrieve(query, 4)
    found = [h.document.focus for h in retrieval.hits]
    assert "Zorbex syndrome" in found and KIDNEY in found
    topics = [s for s in retrieval.searches if "guideline topics" in s]
    assert len(topics) == 2  # one search per concept


def test_the_readings_of_one_phrase_stay_one_search(retriever: TieredRetriever) -> None:
    readings = tuple(
        QueryConcept(key=k, name=n, matched="odd twitch", via="lay term", names=(n.lower(),))
        for k, n in (("D1", "Zorbex syndrome"), ("D2", KIDNEY))
    )
    query = Query(question="odd twitch", search_text="odd twitch", concepts=readings)
    topics = [s for s in retriever.retrieve(query, 4).searches if "guideline topics" in s]
    assert topics == [f"local guideline topics: zorbex syndrome {KIDNEY}"]


def test_a_condition_named_with_a_drug_gets_its_pages_searched(
    retriever: TieredRetriever,
) -> None:
    """The topic gate admits the condition's pages for a drug named with it: they are searched
    by their topic too, below the drug's own."""
    drug = QueryConcept(
        key="D9",
        name="Fictodrug",
        matched="fictodrug",
        via="drug",
        tier=1,
        tree_numbers=("D02.100",),
        names=("fictodrug",),
        drug=True,
    )
    condition = QueryConcept(
        key="D1",
        name="Zorbex syndrome",
        matched="zorbex syndrome",
        via="MeSH",
        tree_numbers=("C05.100",),
        names=("zorbex syndrome",),
    )
    query = Query(
        question="fictodrug dose", search_text="fictodrug dose", concepts=(drug, condition)
    )
    assert query.drug_and_condition == (drug, condition)
    retrieval = retriever.retrieve(query, 4)
    assert "Zorbex syndrome" in [h.document.focus for h in retrieval.hits]
    assert any("named with the drug" in s for s in retrieval.searches)
