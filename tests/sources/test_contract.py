"""The contract every retrieval backend passes: local index, PubMed and Europe PMC alike.

Hits are ranked 1..n with scores descending, at most k of them; documents are valid records with
stable ids; a query with no match gives an empty list, not an error; no network is used (the
remote backends talk to fakes replaying recorded answers; sockets are blocked).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from medcite.index.tantivy_index import TantivyIndex
from medcite.ingest.pubmed_xml import parse
from medcite.records import Document, Query
from medcite.sources.base import LocalRetriever, Retriever, TracedRetriever
from medcite.sources.europepmc import EuropePmcRetriever
from medcite.sources.eutils import EUtils, eutils_service
from medcite.sources.pubmed import PubMedRetriever
from medcite.sources.settings import EuropePmcSettings, PubMedSettings

from .fakes import ENTREZ, FakeApis, VirtualClock, make_http

pytestmark = pytest.mark.usefixtures("api_fixtures")

STABLE_ID = re.compile(r"^(pmid:\d+|europepmc:[A-Z]+:[A-Za-z0-9]+)$")
QUERY = Query(
    question="What is the treatment of AIDS in prisons?",
    focus="acquired immunodeficiency syndrome",
    search_text="treatment AIDS correctional facilities pesticide telomere",
)
NOTHING = Query(question="zzzz qqqq?", search_text="zzzz qqqq")


@dataclass(frozen=True)
class Backend:
    retriever: Retriever
    max_hits: int
    """How many documents the backend can return for QUERY at most (its fixture data)."""


def _local(tmp_path: Path) -> Backend:
    index = TantivyIndex.create_or_open(tmp_path / "index")
    writer = index.writer(32, 1)
    for path in sorted(ENTREZ.glob("pubmed*.xml")):
        with path.open("rb") as stream:
            for item in parse(stream, path.name):
                if isinstance(item, Document):
                    writer.upsert(item)
    writer.commit()
    writer.close()
    return Backend(LocalRetriever(index), 8)


def _pubmed(clock: VirtualClock) -> Backend:
    settings = PubMedSettings()
    eutils = EUtils(make_http(FakeApis(clock), clock), eutils_service(settings, None))
    return Backend(PubMedRetriever(eutils, settings), 8)


def _europepmc(clock: VirtualClock) -> Backend:
    return Backend(EuropePmcRetriever(make_http(FakeApis(clock), clock), EuropePmcSettings()), 25)


@pytest.fixture(params=["local", "pubmed", "europepmc"])
def backend(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Backend]:
    clock = VirtualClock()
    makers = {
        "local": lambda: _local(tmp_path),
        "pubmed": lambda: _pubmed(clock),
        "europepmc": lambda: _europepmc(clock),
    }
    yield makers[request.param]()


def test_is_a_retriever_with_a_name(backend: Backend) -> None:
    assert isinstance(backend.retriever, Retriever)
    assert isinstance(backend.retriever, TracedRetriever)
    assert backend.retriever.name in {"local", "pubmed", "europepmc"}


@pytest.mark.parametrize("k", [1, 3, 50])
def test_hits_are_ranked_scored_and_at_most_k(backend: Backend, k: int) -> None:
    hits = backend.retriever.search(QUERY, k)
    assert 1 <= len(hits) <= k
    assert len(hits) == min(k, backend.max_hits) or backend.retriever.name == "local"
    assert [h.rank for h in hits] == list(range(1, len(hits) + 1))
    scores = [h.score for h in hits]
    assert scores == sorted(scores, reverse=True)
    assert len({h.document.id for h in hits}) == len(hits)


def test_documents_are_valid_with_stable_ids(backend: Backend) -> None:
    first = backend.retriever.search(QUERY, 5)
    again = backend.retriever.search(QUERY, 5)
    assert [h.document.id for h in first] == [h.document.id for h in again]
    for hit in first:
        doc = hit.document
        assert STABLE_ID.match(doc.id), doc.id
        assert doc.title or doc.abstract
        assert Document.model_validate_json(doc.model_dump_json(exclude={"abstract"})) == doc
        if doc.pmid:
            assert doc.id == f"pmid:{doc.pmid}"


def test_no_match_is_an_empty_list(backend: Backend) -> None:
    assert backend.retriever.search(NOTHING, 5) == []


def test_searches_made_are_reported(backend: Backend) -> None:
    assert isinstance(backend.retriever, TracedRetriever)
    retrieval = backend.retriever.retrieve(QUERY, 3)
    assert retrieval.searches and all(isinstance(s, str) and s for s in retrieval.searches)
