"""openFDA drug labels as a live source, against a fake ``/drug/label.json`` (no network).

openFDA answers are not recorded here: the fake answers with the handmade labels of
tests/fixtures/openfda (see SOURCE.md there), in openFDA's response shape, and with openFDA's
404 ``{"error": {"code": "NOT_FOUND", ...}}`` when no label matches.
"""

from __future__ import annotations

import base64
import json
import re
from collections.abc import Callable
from typing import Any

import httpx
import pytest

from conftest import FIXTURES
from medcite.records import Document, Query, QueryConcept, Source
from medcite.sources.base import Retriever, TracedRetriever
from medcite.sources.http import SourceRateLimitedError, SourceUnavailableError
from medcite.sources.live import LiveSearch, SourceState
from medcite.sources.openfda import OpenFdaRetriever, openfda_api_key, search_expression
from medcite.sources.settings import OpenFdaSettings

from .fakes import VirtualClock, make_http
from .load import LONG_TIMEOUT_S  # the fakes answer at once: never near it, even in real time

LABELS = json.loads((FIXTURES / "openfda" / "labels.json").read_text())
MONTELUKAST = QueryConcept(
    key="drug:montelukast",
    name="montelukast",
    matched="singulair",
    via="brand/generic drug name",
    tier=1,
    names=("montelukast", "singulair"),
    drug=True,
)
LISINOPRIL = MONTELUKAST.model_copy(
    update={
        "key": "D017706",
        "name": "lisinopril",
        "matched": "lisinopril",
        "names": ("lisinopril",),
    }
)
UNKNOWN = MONTELUKAST.model_copy(
    update={
        "key": "drug:zorbexal",
        "name": "zorbexal",
        "matched": "zorbexal",
        "names": ("zorbexal",),
    }
)
DOSE = Query(question="what is the dose of singulair", concepts=(MONTELUKAST,))
TWO = Query(question="singulair with lisinopril?", concepts=(MONTELUKAST, LISINOPRIL))
NO_DRUG = Query(question="what causes gout?", search_text="gout")
STABLE_ID = re.compile(r"^openfda:[0-9a-f-]+#[a-z_]+$")
_NAME = re.compile(r'openfda\.(?:generic|brand)_name:"([^"]+)"')

Handler = Callable[[httpx.Request], httpx.Response]


def _label_api(requests: list[httpx.Request]) -> Handler:
    """A fake /drug/label.json: labels whose generic or brand name is searched, else 404."""

    def handle(request: httpx.Request) -> httpx.Response:
        requests.append(request)
        assert request.url.path == "/drug/label.json"
        wanted = {n.lower() for n in _NAME.findall(request.url.params["search"])}
        limit = int(request.url.params.get("limit", "1"))
        found = [label for label in LABELS["results"] if wanted & _names(label)][:limit]
        if not found:
            body = {"error": {"code": "NOT_FOUND", "message": "No matches found!"}}
            return httpx.Response(404, json=body)
        meta = {**LABELS["meta"], "results": {"skip": 0, "limit": limit, "total": len(found)}}
        return httpx.Response(200, json={"meta": meta, "results": found})

    return handle


def _names(label: dict[str, Any]) -> set[str]:
    block = label["openfda"]
    return {n.lower() for n in [*block["generic_name"], *block["brand_name"]]}


def _retriever(
    handler: Handler, clock: VirtualClock | None = None, key: str | None = None, **http: Any
) -> OpenFdaRetriever:
    return OpenFdaRetriever(make_http(handler, clock, **http), OpenFdaSettings(), key)


def test_is_a_traced_retriever() -> None:
    retriever = _retriever(_label_api([]))
    assert isinstance(retriever, Retriever) and isinstance(retriever, TracedRetriever)
    assert retriever.name == "openfda"


def test_search_expression_uses_every_name_as_generic_and_brand() -> None:
    assert search_expression(MONTELUKAST) == (
        'openfda.generic_name:"montelukast" openfda.brand_name:"montelukast" '
        'openfda.generic_name:"singulair" openfda.brand_name:"singulair"'
    )
    odd = MONTELUKAST.model_copy(update={"names": ('a "b": c',)})
    assert search_expression(odd) == 'openfda.generic_name:"a b c" openfda.brand_name:"a b c"'


def test_labels_of_the_named_drug_become_section_documents() -> None:
    requests: list[httpx.Request] = []
    retrieval = _retriever(_label_api(requests)).retrieve(DOSE, 50)
    (request,) = requests
    assert request.url.params["sort"] == "effective_time:desc"
    assert request.url.params["limit"] == "3"
    assert "authorization" not in request.headers and "api_key" not in str(request.url)
    hits = retrieval.hits
    assert len(hits) == 10
    assert [h.rank for h in hits] == list(range(1, 11))
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)
    for hit in hits:
        doc = hit.document
        assert STABLE_ID.match(doc.id) and doc.source is Source.OPENFDA
        assert doc.focus == "montelukast sodium" and doc.fetched_at is not None
        assert Document.model_validate_json(doc.model_dump_json(exclude={"abstract"})) == doc
    assert retrieval.searches == (f"openFDA drug labels: {search_expression(MONTELUKAST)}",)


def test_each_drug_is_searched_concurrently_and_fused(clock: VirtualClock) -> None:
    requests: list[httpx.Request] = []
    hits = _retriever(_label_api(requests), clock).search(TWO, 6)
    assert len(requests) == 2 and len(hits) == 6
    sets = {h.document.id.split("#")[0] for h in hits}
    assert len(sets) == 2  # the fused list interleaves both labels


def test_no_drug_no_request_and_no_match_is_empty() -> None:
    requests: list[httpx.Request] = []
    retriever = _retriever(_label_api(requests))
    assert not retriever.applies(NO_DRUG) and retriever.applies(DOSE)
    assert retriever.search(NO_DRUG, 5) == [] and requests == []
    unknown = Query(question="zorbexal dose", concepts=(UNKNOWN,))
    assert retriever.search(unknown, 5) == []  # openFDA's 404 "No matches found!"
    assert len(requests) == 1


def test_the_api_key_goes_in_basic_auth_never_in_the_url_or_errors(clock: VirtualClock) -> None:
    requests: list[httpx.Request] = []
    assert openfda_api_key({"OPENFDA_API_KEY": " s3cret "}) == "s3cret"
    assert openfda_api_key({}) is None
    _retriever(_label_api(requests), clock, key="s3cret").search(DOSE, 3)
    (request,) = requests
    expected = base64.b64encode(b"s3cret:").decode()
    assert request.headers["authorization"] == f"Basic {expected}"
    assert "s3cret" not in str(request.url)

    def refuse(request: httpx.Request) -> httpx.Response:
        return httpx.Response(403, json={"error": {"code": "API_KEY_INVALID"}})

    with pytest.raises(Exception, match="OPENFDA_API_KEY") as failure:
        _retriever(refuse, clock, key="s3cret").search(DOSE, 3)
    assert "s3cret" not in str(failure.value)


def test_429_is_retried_after_the_time_asked(clock: VirtualClock) -> None:
    requests: list[httpx.Request] = []
    answer = _label_api(requests)
    replies = iter([httpx.Response(429, headers={"Retry-After": "5"})])

    def handler(request: httpx.Request) -> httpx.Response:
        return next(replies, None) or answer(request)

    hits = _retriever(handler, clock).search(DOSE, 3)
    assert len(hits) == 3 and 5.0 in clock.sleeps


def test_a_source_that_keeps_rate_limiting_says_what_to_do(clock: VirtualClock) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(429)

    with pytest.raises(SourceRateLimitedError, match="OPENFDA_API_KEY"):
        _retriever(handler, clock, max_retries=1).search(DOSE, 3)


def test_a_time_out_is_a_source_error(clock: VirtualClock) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        raise httpx.ReadTimeout("timed out", request=request)

    with pytest.raises(SourceUnavailableError, match="openFDA"):
        _retriever(handler, clock, max_retries=1).search(DOSE, 3)


def test_a_failing_openfda_degrades_the_live_search_with_a_note(clock: VirtualClock) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(503)

    openfda = _retriever(handler, clock, max_retries=0)
    working = _retriever(_label_api([]), clock)
    working.name = "pubmed"  # stands in for another source that answers
    result = LiveSearch([working, openfda], timeout_s=LONG_TIMEOUT_S).search(DOSE, 5)
    states = {s.source: s.state for s in result.statuses}
    assert states == {"pubmed": SourceState.OK, "openfda": SourceState.FAILED}
    assert result.hits and result.note and result.note.startswith("openFDA failed")


def test_a_question_naming_no_drug_does_not_ask_openfda(clock: VirtualClock) -> None:
    requests: list[httpx.Request] = []
    result = LiveSearch([_retriever(_label_api(requests), clock)], timeout_s=LONG_TIMEOUT_S).search(
        NO_DRUG, 5
    )
    assert result.statuses == () and requests == []
