"""PubMed retriever: query building, concurrent searches, fusion, ESpell, ELink, ESummary."""

from __future__ import annotations

import pytest

from medcite.errors import SourceError
from medcite.records import Document, Facet, Query, Source
from medcite.sources.eutils import EUtils, eutils_service
from medcite.sources.pubmed import (
    ENGLISH,
    HUMANS,
    PubMedRetriever,
    build_searches,
    concept_clause,
)
from medcite.sources.settings import PubMedSettings

from .fakes import FakeApis, VirtualClock, esearch_xml, make_http, params_of, xml

pytestmark = pytest.mark.usefixtures("api_fixtures")

TWITCH = Query(
    question="What causes facial twitches?",
    focus="facial twitches",
    facets=(Facet.CAUSES,),
    expansions=("hemifacial spasm", "Hemifacial Spasm", "myokymia"),
)


def _retriever(
    apis: FakeApis, clock: VirtualClock, known: dict[str, Document] | None = None, **conf: object
) -> PubMedRetriever:
    settings = PubMedSettings(**conf)  # type: ignore[arg-type]
    eutils = EUtils(make_http(apis, clock), eutils_service(settings, None))
    return PubMedRetriever(eutils, settings, known=(known or {}).get)


def _terms(apis: FakeApis) -> list[str]:
    return [params_of(r)["term"] for r in apis.requests if r.url.path.endswith("esearch.fcgi")]


# --- query building ---------------------------------------------------------------------------


def test_concept_uses_mesh_and_text_words_for_focus_and_expansions() -> None:
    clause = concept_clause(TWITCH)
    assert clause == (
        '("facial twitches"[mh] OR "facial twitches"[tiab] OR "hemifacial spasm"[mh] OR '
        '"hemifacial spasm"[tiab] OR "myokymia"[mh] OR "myokymia"[tiab])'
    )


def test_query_syntax_in_terms_is_neutralised() -> None:
    hostile = Query(question="x", focus='asthma"[mh] OR (cancer*', expansions=("a:b",))
    clause = concept_clause(hostile)
    assert '"asthma [mh] OR cancer"[mh]' not in clause
    assert clause.count('"') == 8  # every term stays one quoted phrase
    assert "(cancer" not in clause and "*" not in clause


def test_without_focus_the_question_words_are_searched() -> None:
    assert concept_clause(Query(question="What is the treatment for gout?")) == "(treatment gout)"
    assert concept_clause(Query(question="what is it?")) == ""


def test_separate_searches_for_guidelines_reviews_and_trials() -> None:
    searches = build_searches(TWITCH, PubMedSettings(), year=2025)
    assert [s.label for s in searches] == ["general", "guideline", "systematic review", "trial"]
    general, guideline, review, trial = (s.term for s in searches)
    assert "etiology[sh]" in general and "etiology[sh]" not in guideline
    assert "guideline[pt]" in guideline and '"practice guideline"[pt]' in guideline
    assert '"systematic review"[pt]' in review and '"meta-analysis"[pt]' in review
    assert '"randomized controlled trial"[pt]' in trial
    for search in searches:
        assert ENGLISH in search.term and HUMANS in search.term
        assert search.dates == (2016, 3000)
        assert search.describe().startswith(f"PubMed {search.label}: ")


def test_filters_can_be_switched_off() -> None:
    settings = PubMedSettings(
        humans_only=False, english_only=False, recent_years=None, publication_type_searches=()
    )
    (only,) = build_searches(Query(question="gout"), settings, year=2025)
    assert only.term == "(gout)" and only.dates is None


def test_no_words_no_searches(apis: FakeApis, clock: VirtualClock) -> None:
    assert _retriever(apis, clock).retrieve(Query(question="why?"), 5).hits == []
    assert apis.requests == []


# --- retrieval --------------------------------------------------------------------------------


def test_searches_are_fused_and_only_top_k_are_fetched(apis: FakeApis, clock: VirtualClock) -> None:
    result = _retriever(apis, clock).retrieve(TWITCH, 4)
    ids = [h.document.id for h in result.hits]
    assert ids[:2] == ["pmid:12091962", "pmid:9997"]  # found by two searches each
    assert len(ids) == 4
    assert [h.rank for h in result.hits] == [1, 2, 3, 4]
    assert [h.score for h in result.hits] == sorted((h.score for h in result.hits), reverse=True)
    assert apis.count("esearch.fcgi") == 4 and apis.count("efetch.fcgi") == 1
    fetched = params_of(next(r for r in apis.requests if r.url.path.endswith("efetch.fcgi")))
    assert len(fetched["id"].split(",")) == 4
    assert len(result.searches) == 4 and result.searches[1].startswith("PubMed guideline:")
    assert all(h.document.source is Source.PUBMED and h.snippet for h in result.hits)


def test_guidelines_are_found_even_when_research_dominates(
    apis: FakeApis, clock: VirtualClock
) -> None:
    hits = _retriever(apis, clock).search(TWITCH, 5)
    assert "pmid:28775130" in [h.document.id for h in hits]  # only the guideline search found it


def test_misspelled_question_is_searched_again_with_espell(
    apis: FakeApis, clock: VirtualClock
) -> None:
    apis.fail("esearch.fcgi", *[xml(esearch_xml([])) for _ in range(4)])
    result = _retriever(apis, clock).retrieve(Query(question="biopythooon"), 3)
    assert apis.count("espell.fcgi") == 1
    assert all("(biopython)" in term for term in _terms(apis)[4:])
    assert len(result.hits) == 3 and len(result.searches) == 8


def test_thin_results_are_extended_with_similar_articles(
    apis: FakeApis, clock: VirtualClock
) -> None:
    apis.fail("esearch.fcgi", xml(esearch_xml(["9997"])), *[xml(esearch_xml([]))] * 3)
    apis.fail("elink.fcgi", xml(_elink(["12091962"])))
    result = _retriever(apis, clock).retrieve(TWITCH, 3)
    assert [h.document.id for h in result.hits] == ["pmid:9997", "pmid:12091962"]
    assert result.searches[-1] == "PubMed similar articles to PMIDs 9997"
    assert result.hits[0].score > result.hits[1].score


def _elink(ids: list[str]) -> bytes:
    links = "".join(f"<Link><Id>{i}</Id><Score>{100 - n}</Score></Link>" for n, i in enumerate(ids))
    return (
        "<eLinkResult><LinkSet><DbFrom>pubmed</DbFrom><LinkSetDb><DbTo>pubmed</DbTo>"
        f"<LinkName>pubmed_pubmed</LinkName>{links}</LinkSetDb></LinkSet></eLinkResult>"
    ).encode()


def test_known_records_are_refreshed_with_esummary_not_refetched(
    apis: FakeApis, clock: VirtualClock
) -> None:
    local = Document(id="pmid:11482001", source=Source.PUBMED, pmid="11482001", title="Plants")
    apis.fail("esearch.fcgi", xml(esearch_xml(["11482001"])), *[xml(esearch_xml([]))] * 3)
    (hit,) = _retriever(apis, clock, known={local.id: local}, similar_for_top=0).search(TWITCH, 5)
    assert hit.document.title == "Plants"  # the local record ...
    assert hit.document.publication_types == ("Journal Article", "Review")  # ... refreshed
    assert hit.document.fetched_at is not None
    assert apis.count("esummary.fcgi") == 1 and apis.count("efetch.fcgi") == 0


def test_one_efetch_when_some_records_are_new(apis: FakeApis, clock: VirtualClock) -> None:
    local = Document(id="pmid:9997", source=Source.PUBMED, pmid="9997", title="old copy")
    apis.fail("esearch.fcgi", xml(esearch_xml(["12091962", "9997"])), *[xml(esearch_xml([]))] * 3)
    hits = _retriever(apis, clock, known={local.id: local}).search(TWITCH, 2)
    assert {h.document.id for h in hits} == {"pmid:12091962", "pmid:9997"}
    assert all(h.document.title != "old copy" for h in hits)  # refreshed by the same request
    assert apis.count("efetch.fcgi") == 1 and apis.count("esummary.fcgi") == 0
    assert (
        params_of(next(r for r in apis.requests if "efetch" in r.url.path))["id"] == "9997,12091962"
    )


def test_a_failing_search_fails_the_source(apis: FakeApis, clock: VirtualClock) -> None:
    apis.fail("efetch.fcgi", *[xml(b"", 500)] * 4)
    with pytest.raises(SourceError, match="PubMed is failing"):
        _retriever(apis, clock).search(TWITCH, 3)


def test_requests_stay_within_the_rate_limit(apis: FakeApis, clock: VirtualClock) -> None:
    _retriever(apis, clock).search(TWITCH, 5)
    times = sorted(t for _, t in apis.arrivals)
    assert times == pytest.approx([0, 0, 0, 1.1, 1.1])  # 4 ESearch + 1 EFetch: 3 per 1.1 s
