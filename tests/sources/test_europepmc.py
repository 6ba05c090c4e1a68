"""Europe PMC: real recorded JSON mapped to Documents; preprints, open access, retractions."""

from __future__ import annotations

import gzip
import json
from pathlib import Path
from typing import Any

import pytest

from medcite.errors import SourceError
from medcite.records import Query, Source
from medcite.sources.cache import ResponseCache
from medcite.sources.europepmc import (
    EuropePmcRetriever,
    build_searches,
    full_text_url,
    to_document,
)
from medcite.sources.settings import EuropePmcSettings

from .fakes import EPMC, FakeApis, VirtualClock, fixture_bytes, json_response, make_http

pytestmark = pytest.mark.usefixtures("api_fixtures")

GOUT = Query(question="How is gout treated?", focus="gout", expansions=("Gouty Arthritis",))


def _core() -> list[dict[str, Any]]:
    data = json.loads(fixture_bytes("search_cancer_core.json"))
    return list(data["resultList"]["result"])


def _lite_1000() -> list[dict[str, Any]]:
    with gzip.open(EPMC / "search_1000results_cancer.json.gz", "rt", encoding="utf-8") as f:
        return list(json.load(f)["resultList"]["result"])


def _retriever(apis: FakeApis, clock: VirtualClock, **conf: Any) -> EuropePmcRetriever:
    return EuropePmcRetriever(make_http(apis, clock), EuropePmcSettings(**conf))


def test_core_record_maps_to_a_document() -> None:
    doc = to_document(_core()[3])
    assert doc is not None
    assert doc.id == "pmid:40464630" and doc.pmid == "40464630"
    assert doc.source is Source.EUROPEPMC
    assert doc.title.startswith("Mental Comorbidity and Psychosocial Care")
    assert [s.label for s in doc.sections] == ["Background", "Methods", "Results", "Conclusion"]
    assert "<h4>" not in doc.abstract
    assert doc.publication_types == ("Review", "Journal Article")
    assert (doc.year, doc.pub_date, doc.language) == (2025, "2025-08-01", "eng")
    assert doc.authors[:2] == ("Dinkel A", "Goerling U")
    assert doc.journal == "Deutsches Arzteblatt international"


def test_every_recorded_core_record_maps() -> None:
    docs = [to_document(item) for item in _core()]
    assert all(doc is not None for doc in docs)
    with_mesh = [d for d in docs if d and d.mesh_terms]
    assert len(with_mesh) == 13 and "Humans" in with_mesh[0].mesh_terms
    assert sum(1 for d in docs if d and d.abstract) == 21


def test_lite_records_preprints_and_pmc_only_records() -> None:
    docs = [d for d in map(to_document, _lite_1000()) if d is not None]
    assert len(docs) >= 990
    preprint = next(d for d in docs if d.id.startswith("europepmc:PPR:"))
    assert "Preprint" in preprint.publication_types
    assert preprint.site in {"medRxiv", "Research Square", "bioRxiv", "SSRN", "Preprints.org"}
    pmc_only = next(d for d in docs if d.id.startswith("europepmc:PMC:"))
    assert pmc_only.pmid is None and pmc_only.pmcid == pmc_only.id.rsplit(":", 1)[1]
    assert pmc_only.url == f"https://europepmc.org/article/PMC/{pmc_only.pmcid}"
    assert "Review" in pmc_only.publication_types  # "review-article; review; journal article"


def test_open_access_records_link_to_free_full_text() -> None:
    item = next(i for i in _core() if i.get("isOpenAccess") == "Y")
    url = full_text_url(item)
    assert url == next(
        u["url"] for u in item["fullTextUrlList"]["fullTextUrl"] if u["availabilityCode"] == "OA"
    )
    closed = next(i for i in _core() if i.get("isOpenAccess") == "N" and i.get("inEPMC") == "N")
    assert full_text_url(closed) is None


def test_retractions_are_flagged() -> None:
    item = dict(_core()[0])
    item["commentCorrectionList"] = {
        "commentCorrection": [{"id": "41000001", "source": "MED", "type": "Retraction in"}]
    }
    doc = to_document(item)
    assert doc is not None and doc.is_retracted
    assert doc.retracted_by == ("41000001",)
    assert "Retracted Publication" in doc.publication_types
    notice = dict(_core()[1], pubTypeList={"pubType": ["retraction of publication"]})
    assert to_document(notice).publication_types == ("Retraction of Publication",)  # type: ignore[union-attr]


def test_records_without_text_are_skipped() -> None:
    assert to_document({"id": "1", "source": "MED"}) is None
    assert to_document({"title": "x"}) is None


def test_guideline_and_preprint_searches() -> None:
    searches = build_searches(GOUT, EuropePmcSettings(), year=2025)
    assert [s.label for s in searches] == ["general", "guideline"]
    general, guideline = (s.query for s in searches)
    assert '(TITLE_ABS:"gout" OR KW:"gout" OR TITLE_ABS:"Gouty Arthritis"' in general
    assert "SRC:PPR" in general and "PUB_YEAR:[2016 TO 3000]" in general
    assert 'PUB_TYPE:"practice guideline"' in guideline
    no_preprints = build_searches(GOUT, EuropePmcSettings(include_preprints=False), 2025)
    assert "SRC:PPR" not in no_preprints[0].query


def test_retriever_fuses_both_searches(apis: FakeApis, clock: VirtualClock) -> None:
    result = _retriever(apis, clock).retrieve(GOUT, 5)
    assert [h.rank for h in result.hits] == [1, 2, 3, 4, 5]
    assert result.hits[0].document.id == "pmid:39709209"
    assert all(h.document.fetched_at is not None for h in result.hits)
    assert len(apis.requests) == 2
    params = apis.requests[0].url.params
    assert (params["format"], params["resultType"], params["pageSize"]) == ("json", "core", "5")
    assert result.searches[0].startswith("Europe PMC general: ")


def test_empty_result(apis: FakeApis, clock: VirtualClock) -> None:
    assert _retriever(apis, clock).search(Query(question="zzzz qqqq"), 5) == []


@pytest.mark.parametrize(
    "body",
    [
        fixture_bytes("search_cancer_core.json")[:5000],  # truncated
        b"<html>Service Unavailable</html>",
        b'{"version": "6.9"}',
        b'{"hitCount": 1, "resultList": {"result": "nope"}}',
        b"",
    ],
)
def test_truncated_or_malformed_json_fails_clearly_and_is_not_cached(
    tmp_path: Path, clock: VirtualClock, body: bytes
) -> None:
    apis = FakeApis(clock)
    apis.fail("/search", json_response(body), json_response(body))
    cache = ResponseCache(tmp_path / "c.sqlite3", 3600, clock.time)
    retriever = EuropePmcRetriever(make_http(apis, clock, cache=cache), EuropePmcSettings())
    with pytest.raises(SourceError, match="Europe PMC returned a malformed search answer"):
        retriever.search(GOUT, 5)
    assert cache.requests() == []


def test_500s_then_give_up(apis: FakeApis, clock: VirtualClock) -> None:
    apis.fail("/search", *[json_response(b"", 500)] * 8)
    with pytest.raises(SourceError, match=r"Europe PMC is failing \(HTTP 500"):
        _retriever(apis, clock).search(GOUT, 5)
