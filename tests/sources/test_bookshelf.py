"""The NCBI Bookshelf connector (issue 15 §3) against handmade E-utilities ``db=books`` answers
(tests/fixtures/bookshelf/SOURCE.md) through httpx.MockTransport."""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import parse_qs

import httpx
import pytest

from conftest import FIXTURES
from medcite.evidence.classify import classify, source_kind
from medcite.records import Document, EvidenceLevel, Query, Source
from medcite.sources.base import Retriever, TracedRetriever
from medcite.sources.bookshelf import BookshelfRetriever, chapter, search_term
from medcite.sources.eutils import eutils_service
from medcite.sources.http import SourceRateLimitedError, SourceUnavailableError
from medcite.sources.settings import BookshelfSettings, PubMedSettings

from .fakes import VirtualClock, make_http

BOOKS = FIXTURES / "bookshelf"
GOUT = Query(question="How is gout treated?", focus="gout")
NOTHING = Query(question="zzzz qqqq?", search_text="zzzz qqqq")
Handler = Callable[[httpx.Request], httpx.Response]


def _eutils(requests: list[httpx.Request] | None = None) -> Handler:
    def handler(request: httpx.Request) -> httpx.Response:
        if requests is not None:
            requests.append(request)
        form = parse_qs(request.content.decode())
        if request.url.path.endswith("esummary.fcgi"):
            return httpx.Response(200, content=(BOOKS / "esummary_books.json").read_bytes())
        found = "gout" in form["term"][0]
        name = "esearch_books.json" if found else "esearch_empty.json"
        return httpx.Response(200, content=(BOOKS / name).read_bytes())

    return handler


def _retriever(handler: Handler, clock: VirtualClock, **http: object) -> BookshelfRetriever:
    service = eutils_service(PubMedSettings(), "s3cret")
    return BookshelfRetriever(make_http(handler, clock, **http), service, BookshelfSettings())


def test_esearch_then_esummary_on_db_books_by_post(clock: VirtualClock) -> None:
    requests: list[httpx.Request] = []
    _retriever(_eutils(requests), clock).search(GOUT, 5)
    assert [r.url.path.rsplit("/", 1)[1] for r in requests] == ["esearch.fcgi", "esummary.fcgi"]
    assert all(r.method == "POST" and "s3cret" not in str(r.url) for r in requests)
    form = parse_qs(requests[0].content.decode())
    assert form["db"] == ["books"] and form["retmode"] == ["json"]
    assert form["term"] == ['("gout") AND ("StatPearls"[book] OR "GeneReviews"[book])']
    assert parse_qs(requests[1].content.decode())["id"] == ["5021321,1116"]


def test_chapters_are_review_evidence_with_chapter_links(clock: VirtualClock) -> None:
    hits = _retriever(_eutils(), clock).search(GOUT, 5)
    docs = [h.document for h in hits]
    assert [d.id for d in docs] == ["bookshelf:NBK546606", "bookshelf:NBK1116"]
    gout = docs[0]
    assert gout.source is Source.BOOKSHELF and gout.title == "Gout"
    assert gout.url == "https://www.ncbi.nlm.nih.gov/books/NBK546606/"
    assert gout.journal == "StatPearls" and gout.year == 2024
    assert classify(gout) is EvidenceLevel.REVIEW
    assert source_kind(gout, EvidenceLevel.REVIEW) == "StatPearls"
    assert source_kind(docs[1], EvidenceLevel.REVIEW) == "GeneReviews chapter"


def test_meets_the_retriever_contract(clock: VirtualClock) -> None:
    retriever = _retriever(_eutils(), clock)
    assert isinstance(retriever, Retriever) and isinstance(retriever, TracedRetriever)
    for k in (1, 2, 50):
        hits = retriever.search(GOUT, k)
        assert 1 <= len(hits) <= k
        assert [h.rank for h in hits] == list(range(1, len(hits) + 1))
        assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)
        for hit in hits:
            doc = hit.document
            assert Document.model_validate_json(doc.model_dump_json(exclude={"abstract"})) == doc
    assert retriever.retrieve(GOUT, 1).searches[0].startswith("NCBI Bookshelf: ")
    assert retriever.search(NOTHING, 5) == []


def test_records_without_title_or_accession_are_skipped() -> None:
    assert chapter({"title": "Gout", "rid": "12345"}) is None
    assert chapter({"title": "", "accessionid": "NBK1"}) is None
    assert chapter("not a record") is None


def test_search_term_without_a_topic_uses_the_content_words() -> None:
    assert search_term(NOTHING, ("StatPearls",)) == '(zzzz OR qqqq) AND ("StatPearls"[book])'


def test_keeps_rate_limiting_is_a_rate_limit_error(clock: VirtualClock) -> None:
    with pytest.raises(SourceRateLimitedError, match="NCBI Bookshelf"):
        _retriever(lambda r: httpx.Response(429), clock, max_retries=1).search(GOUT, 3)


def test_a_time_out_is_a_source_error(clock: VirtualClock) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        raise httpx.ReadTimeout("timed out", request=request)

    with pytest.raises(SourceUnavailableError, match="NCBI Bookshelf"):
        _retriever(handler, clock, max_retries=1).search(GOUT, 3)
