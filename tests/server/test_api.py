"""HTTP API contract: schemas, limits, typed errors, request ids, headers, CORS, XSS, replay."""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from typing import Any

import pytest

from medcite.errors import IndexMissingError, InputError, SourceError
from medcite.records import Answer, Document
from medcite.server.schemas import ErrorResponse, SearchResponse, ServerSettings

from .conftest import NO_LIMIT, MakeClient, TestClient
from .fakes import (
    DEMO_ID,
    DEMO_QUESTION,
    XSS_QUESTION,
    XSS_TITLE,
    FakeEngine,
    SearchOnlyEngine,
    demo_answer,
)

HFS_ID = "medquad:6_NINDS_QA/0000145#0000145-1"

UNKNOWN_ID = "0123456789abcdef0123456789abcdef"
OLD_ID = "00000000000000000000000000000001"


def error_of(response: object, status: int, code: str) -> str:
    """Assert a typed error body with ``status`` and ``code``; return its message."""
    assert response.status_code == status, response.text  # type: ignore[attr-defined]
    assert response.headers["content-type"] == "application/json"  # type: ignore[attr-defined]
    body = ErrorResponse.model_validate_json(response.text)  # type: ignore[attr-defined]
    assert body.error.code == code
    assert body.error.message
    return body.error.message


def without_computed(data: Any) -> Any:
    """JSON minus Document's computed ``abstract`` (output-only), so records can re-validate."""
    if isinstance(data, dict):
        return {k: without_computed(v) for k, v in data.items() if k != "abstract"}
    if isinstance(data, list):
        return [without_computed(v) for v in data]
    return data


# --- POST /v1/answer ---------------------------------------------------------------------------


def test_answer_is_the_answer_record_as_json(client: TestClient) -> None:
    response = client.post("/v1/answer", json={"question": DEMO_QUESTION})
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/json"
    answer = Answer.model_validate_json(response.text)
    assert answer == demo_answer()
    assert response.text == demo_answer().model_dump_json()  # byte for byte the CLI's JSON


def test_answer_passes_source_and_max_refs(client: TestClient, engine: FakeEngine) -> None:
    client.post("/v1/answer", json={"question": "  What causes facial twitches?  "})
    client.post("/v1/answer", json={"question": DEMO_QUESTION, "source": "local", "max_refs": 5})
    assert engine.asked == [(DEMO_QUESTION, "local", 12), (DEMO_QUESTION, "local", 5)]


def test_detail_reaches_the_engine(client: TestClient, engine: FakeEngine) -> None:
    short = client.post("/v1/answer", json={"question": DEMO_QUESTION}).json()
    long = client.post("/v1/answer", json={"question": DEMO_QUESTION, "detail": True}).json()
    explicit = client.post("/v1/answer", json={"question": DEMO_QUESTION, "detail": False}).json()
    assert engine.details == [False, True, False]
    assert (short["detail"], long["detail"], explicit["detail"]) == (False, True, False)
    assert long["id"] != short["id"]
    assert short["bottom_line"]["verdict"]  # the direct answer travels in the JSON


@pytest.mark.parametrize("detail", ["maybe", 2, None])
def test_detail_must_be_a_boolean(client: TestClient, engine: FakeEngine, detail: object) -> None:
    response = client.post("/v1/answer", json={"question": DEMO_QUESTION, "detail": detail})
    assert "detail" in error_of(response, 422, "invalid_request")
    assert engine.asked == []


def test_answer_as_markdown(client: TestClient) -> None:
    response = client.post("/v1/answer?format=markdown", json={"question": DEMO_QUESTION})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/markdown")
    assert response.text.startswith("# What causes facial twitches?")
    assert "## From the Guidelines" in response.text
    assert "https://pubmed.ncbi.nlm.nih.gov/33989798/" in response.text


@pytest.mark.parametrize(
    ("question", "code"),
    [("", "question_empty"), ("   \n\t ", "question_empty"), ("x" * 1001, "question_too_long")],
)
def test_question_limits(client: TestClient, engine: FakeEngine, question: str, code: str) -> None:
    message = error_of(client.post("/v1/answer", json={"question": question}), 422, code)
    assert "1,001" in message or "empty" in message
    assert engine.asked == []


def test_question_at_the_limit_is_accepted(client: TestClient) -> None:
    assert client.post("/v1/answer", json={"question": "q" * 1000}).status_code == 200


def test_question_limit_follows_settings(make_client: MakeClient) -> None:
    settings = ServerSettings(rate_limit_per_minute=0, max_question_chars=20)
    client = make_client(FakeEngine(), settings)
    response = client.post("/v1/answer", json={"question": "a question of 25 letters"})
    assert "at most 20" in error_of(response, 422, "question_too_long")
    assert client.get("/v1/limits").json()["max_question_chars"] == 20


@pytest.mark.parametrize(
    "body",
    [
        {"question": DEMO_QUESTION, "max_refs": 0},
        {"question": DEMO_QUESTION, "max_refs": 51},
        {"question": DEMO_QUESTION, "max_refs": "many"},
        {"question": DEMO_QUESTION, "source": "pubmed; DROP TABLE"},
        {"question": DEMO_QUESTION, "unknown": 1},
        {"question": 42},
        {},
    ],
)
def test_invalid_bodies_are_typed_422(client: TestClient, body: dict[str, object]) -> None:
    error_of(client.post("/v1/answer", json=body), 422, "invalid_request")


def test_malformed_json_is_a_typed_422(client: TestClient) -> None:
    response = client.post(
        "/v1/answer", content=b"{not json", headers={"content-type": "application/json"}
    )
    error_of(response, 422, "invalid_request")


def test_validation_messages_do_not_echo_input(client: TestClient) -> None:
    body = {"question": DEMO_QUESTION, "max_refs": "<script>alert(1)</script>"}
    message = error_of(client.post("/v1/answer", json=body), 422, "invalid_request")
    assert "max_refs" in message
    assert "<script>" not in message


def test_oversized_body_is_refused_before_reading(client: TestClient, engine: FakeEngine) -> None:
    big = {"question": DEMO_QUESTION, "padding": "x" * 70_000}
    error_of(client.post("/v1/answer", json=big), 413, "payload_too_large")
    assert engine.asked == []


def test_oversized_chunked_body_is_refused(client: TestClient) -> None:
    def chunks() -> Iterator[bytes]:
        yield b'{"question": "'
        for _ in range(100):
            yield b"x" * 1000
        yield b'"}'

    response = client.post(
        "/v1/answer", content=chunks(), headers={"content-type": "application/json"}
    )
    error_of(response, 413, "payload_too_large")


@pytest.mark.parametrize(
    ("error", "status", "code"),
    [
        (InputError("unknown source 'x'; use 'local'"), 400, "invalid_input"),
        (SourceError("PubMed did not answer in 10 s; try again"), 502, "source_unavailable"),
        (IndexMissingError("no medcite index at /srv/secret/index"), 503, "index_unavailable"),
        (RuntimeError("boom at /srv/secret/app.py line 3"), 500, "internal"),
    ],
)
def test_engine_errors_become_typed_errors(
    make_client: MakeClient, error: Exception, status: int, code: str
) -> None:
    client = make_client(FakeEngine(fail=error))
    response = client.post("/v1/answer", json={"question": DEMO_QUESTION})
    message = error_of(response, status, code)
    assert "/srv/secret" not in message
    assert "Traceback" not in response.text
    if code == "internal":
        assert response.headers["x-request-id"] in message
    if status < 500:
        assert message == str(error)


def test_unexpected_errors_are_logged_with_request_id(
    make_client: MakeClient, caplog: pytest.LogCaptureFixture
) -> None:
    client = make_client(FakeEngine(fail=RuntimeError("boom")))
    with caplog.at_level(logging.INFO, logger="medcite.server"):
        response = client.post("/v1/answer", json={"question": DEMO_QUESTION})
    request_id = response.headers["x-request-id"]
    failures = [r for r in caplog.records if r.levelno == logging.ERROR]
    assert failures and request_id in failures[0].getMessage()
    assert failures[0].exc_info is not None  # the traceback goes to the log, not the client


def test_search_only_engine_cannot_answer(make_client: MakeClient) -> None:
    client = make_client(SearchOnlyEngine())
    error_of(
        client.post("/v1/answer", json={"question": DEMO_QUESTION}), 503, "answering_unavailable"
    )
    error_of(
        client.get("/v1/answer/stream", params={"q": DEMO_QUESTION}), 503, "answering_unavailable"
    )
    assert client.get("/v1/search", params={"q": "hemifacial spasm"}).status_code == 200
    assert client.get("/readyz").json()["answering"] is False


# --- search, documents, replay -----------------------------------------------------------------


def test_search_returns_hits_like_the_cli(client: TestClient) -> None:
    response = client.get("/v1/search", params={"q": "hemifacial spasm", "k": 2})
    assert response.status_code == 200
    result = SearchResponse.model_validate(without_computed(response.json()))
    assert result.query == "hemifacial spasm"
    assert [h.rank for h in result.hits] == [1, 2]
    assert result.hits[0].document.id == HFS_ID
    assert set(response.json()) == {"query", "hits"}
    assert response.json()["hits"][0]["document"]["abstract"].startswith("Hemifacial spasm is")


@pytest.mark.parametrize(
    ("params", "code"),
    [
        ({"q": "spasm", "k": 0}, "invalid_request"),
        ({"q": "spasm", "k": 51}, "invalid_request"),
        ({"q": "spasm", "k": "ten"}, "invalid_request"),
        ({"q": " "}, "question_empty"),
        ({"q": "x" * 1001}, "question_too_long"),
        ({}, "invalid_request"),
    ],
)
def test_search_limits(client: TestClient, params: dict[str, object], code: str) -> None:
    error_of(client.get("/v1/search", params=params), 400, code)  # a bad query parameter


def test_document_by_id(client: TestClient) -> None:
    response = client.get("/v1/documents/medquad:6_NINDS_QA/0000145%230000145-1")
    assert response.status_code == 200
    document = Document.model_validate(without_computed(response.json()))
    assert document.id == HFS_ID
    assert document.site == "NINDS"


def test_unknown_document_is_404(client: TestClient) -> None:
    error_of(client.get("/v1/documents/pmid:999999999"), 404, "not_found")
    error_of(client.get("/v1/documents/" + "x" * 600), 404, "not_found")


def test_documents_with_xss_titles_are_json_not_html(client: TestClient) -> None:
    response = client.get("/v1/documents/jsonl:xss-1")
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/json"
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.json()["title"] == XSS_TITLE


def test_xss_question_round_trips_as_data(client: TestClient) -> None:
    response = client.post("/v1/answer", json={"question": XSS_QUESTION})
    assert response.headers["content-type"] == "application/json"
    assert response.json()["question"] == XSS_QUESTION


def test_replay_from_the_audit_log(make_client: MakeClient) -> None:
    stored = {DEMO_ID: demo_answer().model_dump_json(indent=2)}
    looked_up: list[str] = []

    def get_answer(answer_id: str) -> str | None:
        looked_up.append(answer_id)
        return stored.get(answer_id)

    client = make_client(FakeEngine(), get_answer=get_answer)
    response = client.get(f"/v1/answers/{DEMO_ID}")
    assert response.status_code == 200
    assert response.text == stored[DEMO_ID]
    assert response.headers["content-type"] == "application/json"
    error_of(client.get(f"/v1/answers/{UNKNOWN_ID}"), 404, "not_found")
    error_of(client.get("/v1/answers/%3Cscript%3E"), 404, "not_found")
    assert looked_up == [DEMO_ID, UNKNOWN_ID]


def test_replay_as_markdown(make_client: MakeClient) -> None:
    stored = {DEMO_ID: demo_answer().model_dump_json(), OLD_ID: f'{{"id": "{OLD_ID}"}}'}
    client = make_client(FakeEngine(), get_answer=stored.get)
    response = client.get(f"/v1/answers/{DEMO_ID}?format=markdown")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/markdown")
    assert response.text.startswith("# What causes facial twitches?")
    assert "## Bottom line" in response.text
    message = error_of(client.get(f"/v1/answers/{OLD_ID}?format=markdown"), 422, "invalid_input")
    assert "as JSON" in message
    assert client.get(f"/v1/answers/{OLD_ID}").json() == {"id": OLD_ID}  # JSON: as logged


def test_permalink_serves_the_page(make_client: MakeClient) -> None:
    engine = FakeEngine()
    client = make_client(engine, get_answer=engine.logged)
    answer_id = client.post("/v1/answer", json={"question": DEMO_QUESTION}).json()["id"]
    page = client.get(f"/a/{answer_id}")
    assert page.status_code == 200
    assert page.headers["content-type"].startswith("text/html")
    assert page.content == client.get("/").content
    assert "default-src 'self'" in page.headers["content-security-policy"]
    assert client.get(f"/v1/answers/{answer_id}").json()["id"] == answer_id  # what the page loads
    uuid_like = "0123456789abcdef0123456789abcdef"
    assert client.get(f"/a/{uuid_like}").status_code == 200  # unknown: the page says so
    error_of(client.get("/a/" + "x" * 200), 404, "not_found")
    error_of(client.get("/a/%3Cscript%3E"), 404, "not_found")
    assert client.get("/a/").status_code == 404


def test_replay_maps_audit_input_errors_to_404(make_client: MakeClient) -> None:
    def get_answer(answer_id: str) -> str | None:
        raise InputError(f"answer id {answer_id!r} is not in the audit log")

    client = make_client(FakeEngine(), get_answer=get_answer)
    message = error_of(client.get(f"/v1/answers/{UNKNOWN_ID}"), 404, "not_found")
    assert message == "no logged answer with this id"  # the lookup's own words are not echoed


def test_replay_without_audit_log_is_404(client: TestClient) -> None:
    assert "not enabled" in error_of(client.get(f"/v1/answers/{UNKNOWN_ID}"), 404, "not_found")


# --- service endpoints, docs, headers ----------------------------------------------------------


def test_health_and_readiness(client: TestClient) -> None:
    assert client.get("/healthz").json()["status"] == "ok"
    ready = client.get("/readyz").json()
    assert ready == {"status": "ready", "documents": 8, "schema_version": 1, "answering": True}


def test_not_ready_when_the_index_is_gone(make_client: MakeClient) -> None:
    class Gone(FakeEngine):
        def stats(self) -> object:  # type: ignore[override]
            raise IndexMissingError("no medcite index at /srv/secret")

    client = make_client(Gone())
    assert client.get("/healthz").status_code == 200
    message = error_of(client.get("/readyz"), 503, "index_unavailable")
    assert "/srv" not in message


def test_limits(client: TestClient) -> None:
    assert client.get("/v1/limits").json() == {
        "max_question_chars": 1000,
        "max_k": 50,
        "max_refs": 50,
        "default_max_refs": 12,
    }


def test_openapi_without_cdn_docs(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    for path in ("/v1/answer", "/v1/answer/stream", "/v1/search", "/v1/answers/{answer_id}"):
        assert path in spec["paths"]
    schemas = spec["components"]["schemas"]
    assert {"Answer", "ErrorResponse", "AnswerRequest", "SearchResponse"} <= set(schemas)
    for page in ("/docs", "/redoc"):  # Swagger UI / ReDoc would load scripts from a CDN: off
        assert "/openapi.json" in error_of(client.get(page), 404, "not_found")


def test_unknown_paths_and_methods_are_typed(client: TestClient) -> None:
    message = error_of(client.get("/v1/<script>nope"), 404, "not_found")
    assert "<script>" not in message
    error_of(client.delete("/v1/answer"), 405, "method_not_allowed")


def test_request_ids(client: TestClient, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.INFO, logger="medcite.server.access"):
        mine = client.get("/healthz", headers={"X-Request-ID": "trace-abc.123"})
        bad = client.get("/healthz", headers={"X-Request-ID": "<bad id>"})
        client.get("/v1/search", params={"q": "private symptoms of mine"})
    assert mine.headers["x-request-id"] == "trace-abc.123"
    assert re.fullmatch(r"[0-9a-f]{32}", bad.headers["x-request-id"])
    lines = [r.getMessage() for r in caplog.records if r.name == "medcite.server.access"]
    assert any(line.startswith("trace-abc.123 GET /healthz 200") for line in lines)
    assert not any("private" in line for line in lines)  # queries are never logged


def test_security_headers(client: TestClient) -> None:
    page = client.get("/")
    assert page.status_code == 200
    csp = page.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert page.headers["x-content-type-options"] == "nosniff"
    assert page.headers["referrer-policy"] == "no-referrer"
    assert client.get("/openapi.json").headers["content-security-policy"] == csp  # every page


def test_cors_is_off_by_default(client: TestClient) -> None:
    origin = {"Origin": "https://elsewhere.example"}
    response = client.get("/healthz", headers=origin)
    assert "access-control-allow-origin" not in response.headers
    preflight = client.options(
        "/v1/answer", headers={**origin, "Access-Control-Request-Method": "POST"}
    )
    assert "access-control-allow-origin" not in preflight.headers


def test_cors_when_configured(make_client: MakeClient) -> None:
    settings = ServerSettings(rate_limit_per_minute=0, cors_origins=("https://app.example",))
    client = make_client(FakeEngine(), settings)
    allowed = client.get("/healthz", headers={"Origin": "https://app.example"})
    assert allowed.headers["access-control-allow-origin"] == "https://app.example"
    other = client.get("/healthz", headers={"Origin": "https://evil.example"})
    assert "access-control-allow-origin" not in other.headers


def test_settings_come_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MEDCITE_SERVER_RATE_LIMIT_PER_MINUTE", "0")
    monkeypatch.setenv("MEDCITE_SERVER_CORS_ORIGINS", '["https://app.example"]')
    settings = ServerSettings()
    assert settings.rate_limit_per_minute == 0
    assert settings.cors_origins == ("https://app.example",)
    assert NO_LIMIT.max_question_chars == 1000
