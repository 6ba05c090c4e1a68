"""The MedlinePlus Web Service connector (issue 15 §2-3), against handmade answers that follow the
published format (tests/fixtures/medlineplus/SOURCE.md) through httpx.MockTransport: documents,
the retriever contract, no match, 429, time-outs, malformed answers, the 85-per-minute limit and
a degraded live search."""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest

from conftest import FIXTURES
from medcite.evidence.classify import classify, source_kind
from medcite.records import Document, EvidenceLevel, Query, Source
from medcite.sources.base import Retriever, TracedRetriever
from medcite.sources.http import (
    SourceRateLimitedError,
    SourceResponseError,
    SourceUnavailableError,
)
from medcite.sources.live import LiveSearch, SourceState
from medcite.sources.medlineplus import MedlinePlusRetriever, page_name, search_term
from medcite.sources.settings import MedlinePlusSettings

from .fakes import VirtualClock, make_http
from .load import LONG_TIMEOUT_S  # the fakes answer at once: never near it, even in real time

HAY_FEVER = (FIXTURES / "medlineplus" / "wsearch_hay_fever.xml").read_bytes()
EMPTY = (FIXTURES / "medlineplus" / "wsearch_empty.xml").read_bytes()
QUESTION = Query(question="How is hay fever treated?", focus="hay fever")
NOTHING = Query(question="zzzz qqqq?", search_text="zzzz qqqq")

Handler = Callable[[httpx.Request], httpx.Response]


def _service(requests: list[httpx.Request] | None = None) -> Handler:
    def handler(request: httpx.Request) -> httpx.Response:
        if requests is not None:
            requests.append(request)
        term = parse_qs(urlsplit(str(request.url)).query)["term"][0]
        body = HAY_FEVER if "hay fever" in term else EMPTY
        return httpx.Response(200, content=body, headers={"Content-Type": "text/xml"})

    return handler


def _retriever(handler: Handler, clock: VirtualClock, **http: object) -> MedlinePlusRetriever:
    return MedlinePlusRetriever(make_http(handler, clock, **http), MedlinePlusSettings())


def test_asks_the_web_service_for_health_topics(clock: VirtualClock) -> None:
    requests: list[httpx.Request] = []
    _retriever(_service(requests), clock).search(QUESTION, 3)
    (request,) = requests
    assert request.url.host == "wsearch.nlm.nih.gov" and request.url.path == "/ws/query"
    params = parse_qs(request.url.query.decode())
    assert params == {"db": ["healthTopics"], "term": ['"hay fever"'], "retmax": ["3"]}


def test_topics_become_guideline_level_patient_pages(clock: VirtualClock) -> None:
    hits = _retriever(_service(), clock).search(QUESTION, 5)
    assert [h.document.id for h in hits] == ["medlineplus:hayfever", "medlineplus:allergy"]
    doc = hits[0].document
    assert doc.source is Source.MEDLINEPLUS
    assert doc.title == "Hay Fever" and doc.focus == "Hay Fever"
    assert doc.synonyms == ("Allergic rhinitis", "Seasonal allergic rhinitis")
    assert doc.mesh_terms == ("Rhinitis, Allergic, Seasonal",)
    assert doc.url == "https://medlineplus.gov/hayfever.html" and doc.site == "MedlinePlus"
    assert doc.sections[0].label == "What is hay fever?"
    assert "qt0" not in doc.abstract and "<" not in doc.abstract
    assert doc.fetched_at is not None
    level = classify(doc)
    assert level is EvidenceLevel.GUIDELINE
    assert source_kind(doc, level) == "NIH patient information"


def test_meets_the_retriever_contract(clock: VirtualClock) -> None:
    retriever = _retriever(_service(), clock)
    assert isinstance(retriever, Retriever) and isinstance(retriever, TracedRetriever)
    for k in (1, 2, 50):
        hits = retriever.search(QUESTION, k)
        assert 1 <= len(hits) <= k
        assert [h.rank for h in hits] == list(range(1, len(hits) + 1))
        scores = [h.score for h in hits]
        assert scores == sorted(scores, reverse=True)
        for hit in hits:
            doc = hit.document
            assert Document.model_validate_json(doc.model_dump_json(exclude={"abstract"})) == doc
    again = retriever.search(QUESTION, 2)
    assert [h.document.id for h in again] == [h.document.id for h in retriever.search(QUESTION, 2)]
    retrieval = retriever.retrieve(QUESTION, 2)
    assert retrieval.searches == ('MedlinePlus: "hay fever"',)


def test_no_match_is_an_empty_list(clock: VirtualClock) -> None:
    assert _retriever(_service(), clock).search(NOTHING, 5) == []


def test_search_term_without_a_topic_uses_the_content_words() -> None:
    assert search_term(NOTHING) == "zzzz qqqq"
    assert search_term(Query(question="?", search_text="")) == ""


def test_page_names_only_for_medlineplus_pages() -> None:
    assert page_name("https://medlineplus.gov/hayfever.html") == "hayfever"
    assert page_name("https://medlineplus.gov/spanish/hayfever.html") == "hayfever"
    assert page_name("https://example.org/hayfever.html") is None


def test_429_is_retried_after_the_time_asked(clock: VirtualClock) -> None:
    replies = iter([httpx.Response(429, headers={"Retry-After": "7"})])
    answer = _service()

    def handler(request: httpx.Request) -> httpx.Response:
        return next(replies, None) or answer(request)

    assert len(_retriever(handler, clock).search(QUESTION, 3)) == 2
    assert 7.0 in clock.sleeps


def test_a_service_that_keeps_rate_limiting_is_a_rate_limit_error(clock: VirtualClock) -> None:
    with pytest.raises(SourceRateLimitedError, match="MedlinePlus"):
        _retriever(lambda r: httpx.Response(429), clock, max_retries=1).search(QUESTION, 3)


def test_a_time_out_is_a_source_error(clock: VirtualClock) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        raise httpx.ReadTimeout("timed out", request=request)

    with pytest.raises(SourceUnavailableError, match="MedlinePlus"):
        _retriever(handler, clock, max_retries=1).search(QUESTION, 3)


@pytest.mark.parametrize("body", [b"<html>busy</html>", b"<nlmSearchResult><list/>", b""])
def test_a_malformed_answer_is_a_source_error(clock: VirtualClock, body: bytes) -> None:
    with pytest.raises(SourceResponseError, match="MedlinePlus"):
        _retriever(lambda r: httpx.Response(200, content=body), clock).search(QUESTION, 3)


def test_never_more_than_85_requests_a_minute(clock: VirtualClock) -> None:
    retriever = _retriever(_service(), clock)
    for number in range(100):
        retriever.topics(f"hay fever {number}", 1)
    assert clock.monotonic() >= 60 * (100 - 85) / 85


def test_a_failing_medlineplus_degrades_the_live_search_with_a_note(clock: VirtualClock) -> None:
    failing = _retriever(lambda r: httpx.Response(503), clock, max_retries=0)
    working = _retriever(_service(), clock)
    working.name = "pubmed"  # stands in for another source that answers
    result = LiveSearch([working, failing], timeout_s=LONG_TIMEOUT_S).search(QUESTION, 5)
    states = {s.source: s.state for s in result.statuses}
    assert states == {"pubmed": SourceState.OK, "medlineplus": SourceState.FAILED}
    assert result.hits and result.note and result.note.startswith("MedlinePlus failed")
