"""Server hardening over HTTP (issue 13 §2): security headers on every response, HEAD wherever GET
is, a bad parameter on the GET stream is a 400 (not an error event on a 200), no CDN-loaded API
docs, and one rate limit shared by several apps (as by the workers of ``serve --workers N``)."""

from __future__ import annotations

import logging
import re
from pathlib import Path

import pytest

from medcite.engine import SOURCES as ENGINE_SOURCES
from medcite.server.ratelimit import (
    PRUNE_EVERY,
    SharedTokenBucketLimiter,
    TokenBucketLimiter,
    rate_limiter,
)
from medcite.server.schemas import SOURCES, ErrorResponse, ServerSettings

from .conftest import NO_LIMIT, MakeClient, TestClient
from .fakes import DEMO_ID, DEMO_QUESTION, FakeEngine
from .test_api import error_of

STATIC = Path(__file__).resolve().parents[2] / "src" / "medcite" / "server" / "static"
GET_PATHS = [
    "/",
    f"/a/{DEMO_ID}",
    "/static/app.js",
    "/static/app.css",
    "/healthz",
    "/readyz",
    "/openapi.json",
    "/v1/limits",
    "/v1/search?q=hemifacial+spasm",
    "/v1/documents/pmid:34092543",
    f"/v1/answers/{DEMO_ID}",
    f"/v1/answers/{DEMO_ID}?format=markdown",
    "/v1/answers/0123456789abcdef0123456789abcdef",  # a 404: HEAD gives the same status
    "/no/such/page",
]
PER_RESPONSE = {"x-request-id", "date", "content-length"}


@pytest.fixture
def replaying(make_client: MakeClient, engine: FakeEngine) -> TestClient:
    """A client whose server replays the demo answer (asked once here)."""
    client = make_client(engine, get_answer=engine.logged)
    assert client.post("/v1/answer", json={"question": DEMO_QUESTION}).status_code == 200
    return client


# --- security headers ----------------------------------------------------------------------------


def _has_security_headers(headers: object) -> None:
    policy = headers["permissions-policy"]  # type: ignore[index]
    for feature in ("camera", "microphone", "geolocation", "payment", "usb"):
        assert f"{feature}=()" in policy
    assert headers["cross-origin-opener-policy"] == "same-origin"  # type: ignore[index]
    assert headers["cross-origin-resource-policy"] == "same-origin"  # type: ignore[index]
    assert "script-src 'self'" in headers["content-security-policy"]  # type: ignore[index]
    assert headers["x-content-type-options"] == "nosniff"  # type: ignore[index]
    assert headers["referrer-policy"] == "no-referrer"  # type: ignore[index]


def test_every_response_has_the_security_headers(
    replaying: TestClient, make_client: MakeClient
) -> None:
    for path in GET_PATHS:
        _has_security_headers(replaying.get(path).headers)
    _has_security_headers(replaying.post("/v1/answer", json={"question": ""}).headers)  # 422
    _has_security_headers(replaying.get("/healthz", headers={"Host": "evil.example"}).headers)
    limited = make_client(FakeEngine(), ServerSettings(rate_limit_burst=1))
    limited.get("/v1/limits")
    too_many = limited.get("/v1/limits")
    assert too_many.status_code == 429
    _has_security_headers(too_many.headers)


# --- HEAD wherever GET ---------------------------------------------------------------------------


@pytest.mark.parametrize("path", GET_PATHS)
def test_head_is_get_without_the_body(replaying: TestClient, path: str) -> None:
    got = replaying.get(path)
    head = replaying.head(path)
    assert head.status_code == got.status_code, path
    assert head.content == b""
    same = {k: v for k, v in got.headers.items() if k not in PER_RESPONSE}
    assert {k: v for k, v in head.headers.items() if k not in PER_RESPONSE} == same
    if "content-length" in got.headers:
        assert head.headers["content-length"] == got.headers["content-length"]


def test_head_on_the_stream_checks_the_request_and_computes_nothing(
    make_client: MakeClient,
) -> None:
    engine = FakeEngine()
    client = make_client(engine)
    head = client.head("/v1/answer/stream", params={"q": DEMO_QUESTION})
    assert head.status_code == 200
    assert head.headers["content-type"].startswith("text/event-stream")
    assert head.headers["cache-control"] == "no-store"
    assert head.content == b""
    bad = client.head("/v1/answer/stream", params={"q": ""})
    assert (bad.status_code, bad.content) == (400, b"")
    assert engine.asked == []


def test_head_is_logged_as_head(client: TestClient, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.INFO, logger="medcite.server.access"):
        client.head("/healthz", headers={"X-Request-ID": "head-1"})
    assert any(re.search(r"head-1 HEAD /healthz 200", r.getMessage()) for r in caplog.records)


def test_head_does_not_open_post_only_routes(client: TestClient) -> None:
    assert client.head("/v1/answer").status_code == 405


# --- the GET stream: a bad parameter is a 400 ----------------------------------------------------


def test_the_server_knows_the_engines_sources() -> None:
    assert SOURCES == ENGINE_SOURCES


@pytest.mark.parametrize(
    ("params", "code"),
    [
        ({"q": DEMO_QUESTION, "source": "pubmed"}, "invalid_request"),  # unknown to the engine
        ({"q": DEMO_QUESTION, "source": "Local!"}, "invalid_request"),
        ({"q": DEMO_QUESTION, "max_refs": 51}, "invalid_request"),
        ({"q": DEMO_QUESTION, "max_refs": "many"}, "invalid_request"),
        ({"q": DEMO_QUESTION, "detail": "maybe"}, "invalid_request"),
        ({"q": "   "}, "question_empty"),
        ({"q": "x" * 1001}, "question_too_long"),
        ({}, "invalid_request"),
    ],
)
def test_a_bad_stream_parameter_is_a_400_before_any_event(
    make_client: MakeClient, params: dict[str, object], code: str
) -> None:
    engine = FakeEngine()
    client = make_client(engine, NO_LIMIT.model_copy(update={"allow_live": True}))
    error_of(client.get("/v1/answer/stream", params=params), 400, code)
    assert engine.asked == []


def test_the_same_problems_in_a_post_body_stay_422(make_client: MakeClient) -> None:
    client = make_client(FakeEngine(), NO_LIMIT.model_copy(update={"allow_live": True}))
    body = {"question": DEMO_QUESTION, "source": "pubmed"}
    for path in ("/v1/answer", "/v1/answer/stream"):
        assert "local, live, auto" in error_of(client.post(path, json=body), 422, "invalid_request")


def test_a_good_live_source_still_streams(make_client: MakeClient) -> None:
    engine = FakeEngine()
    client = make_client(engine, NO_LIMIT.model_copy(update={"allow_live": True}))
    with client.stream(
        "GET", "/v1/answer/stream", params={"q": DEMO_QUESTION, "source": "auto"}
    ) as r:
        assert r.status_code == 200
        text = r.read().decode()
    assert "event: answer" in text and "event: error" not in text
    assert engine.asked[0][1] == "auto"


# --- API docs: none loaded from a CDN ------------------------------------------------------------


def test_no_swagger_or_redoc_only_the_openapi_json(client: TestClient) -> None:
    for path in ("/docs", "/redoc", "/docs/oauth2-redirect"):
        assert client.get(path).status_code == 404
    assert client.get("/openapi.json").json()["info"]["title"] == "medcite"


def test_the_page_loads_nothing_from_elsewhere(client: TestClient) -> None:
    page = client.get("/").text
    assert 'href="/openapi.json"' in page and 'href="/docs"' not in page
    for name in ("index.html", "app.js", "app.css"):
        text = (STATIC / name).read_text(encoding="utf-8")
        assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", text), name
        assert not re.search(r"""@import|url\(\s*["']?(https?:)?//""", text), name
        assert "cdn" not in text.lower(), name


# --- one rate limit for several workers ----------------------------------------------------------


class Clock:
    def __init__(self) -> None:
        self.now = 1_000_000.0

    def __call__(self) -> float:
        return self.now


def test_two_limiters_on_one_file_share_each_clients_bucket(tmp_path: Path) -> None:
    clock = Clock()
    store = tmp_path / "limits.sqlite3"
    first, second = (SharedTokenBucketLimiter(store, 0.5, 3, clock=clock) for _ in range(2))
    waits = [limiter.acquire("10.0.0.1") for limiter in (first, second, first, second)]
    assert waits[:3] == [0.0, 0.0, 0.0]
    assert waits[3] == pytest.approx(2.0)  # the burst is spent in both: one token per 2 s
    assert first.acquire("10.0.0.2") == 0.0  # another client has its own bucket
    clock.now += 2.0
    assert second.acquire("10.0.0.1") == 0.0
    assert first.acquire("10.0.0.1") > 0.0
    assert first.clients() == second.clients() == 2


def test_a_shared_limiter_matches_the_in_memory_one(tmp_path: Path) -> None:
    clock = Clock()
    shared = SharedTokenBucketLimiter(tmp_path / "l.sqlite3", 2.0, 4, clock=clock)
    local = TokenBucketLimiter(2.0, 4, clock=clock)
    for step in [0.0] * 6 + [0.25, 0.5, 0.1, 3.0] + [0.0] * 5:
        clock.now += step
        assert shared.acquire("c") == pytest.approx(local.acquire("c"))


def test_the_shared_file_forgets_idle_and_excess_clients(tmp_path: Path) -> None:
    clock = Clock()
    limiter = SharedTokenBucketLimiter(tmp_path / "l.sqlite3", 1.0, 2, max_clients=5, clock=clock)
    for n in range(PRUNE_EVERY):
        limiter.acquire(f"client-{n}")
    assert limiter.clients() == 5  # pruned on the PRUNE_EVERY-th request
    clock.now += 10.0  # every bucket is full again: forgettable
    for _ in range(PRUNE_EVERY):
        limiter.acquire("one")
    assert limiter.clients() == 1


def test_a_broken_shared_file_falls_back_to_this_workers_buckets(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    not_a_folder = tmp_path / "file"
    not_a_folder.write_text("x")
    limiter = SharedTokenBucketLimiter(not_a_folder / "l.sqlite3", 1.0, 2, clock=Clock())
    with caplog.at_level(logging.WARNING, logger="medcite.server"):
        waits = [limiter.acquire("c") for _ in range(3)]
    assert waits[:2] == [0.0, 0.0] and waits[2] > 0.0
    warnings = [r for r in caplog.records if "shared rate limit" in r.getMessage()]
    assert len(warnings) == 1


def test_rate_limiter_follows_the_settings(tmp_path: Path) -> None:
    assert rate_limiter(NO_LIMIT) is None
    assert isinstance(rate_limiter(ServerSettings()), TokenBucketLimiter)
    shared = rate_limiter(ServerSettings(), tmp_path / "l.sqlite3")
    assert isinstance(shared, SharedTokenBucketLimiter)


def test_two_apps_on_one_file_give_a_client_the_rate_once(
    make_client: MakeClient, tmp_path: Path
) -> None:
    settings = ServerSettings(rate_limit_per_minute=0.001, rate_limit_burst=3)
    store = tmp_path / "limits.sqlite3"
    workers = [make_client(FakeEngine(), settings, shared_limits=store) for _ in range(2)]
    statuses = [workers[n % 2].get("/v1/limits").status_code for n in range(8)]
    assert statuses == [200] * 3 + [429] * 5
    body = ErrorResponse.model_validate_json(workers[0].get("/v1/limits").text)
    assert body.error.code == "rate_limited"


def test_create_app_without_a_shared_file_limits_per_app(make_client: MakeClient) -> None:
    settings = ServerSettings(rate_limit_per_minute=0.001, rate_limit_burst=1)
    apps = [make_client(FakeEngine(), settings) for _ in range(2)]
    assert [a.get("/v1/limits").status_code for a in apps] == [200, 200]
