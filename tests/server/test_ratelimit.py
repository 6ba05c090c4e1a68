"""The per-client token bucket: unit behaviour and 429 with Retry-After over HTTP."""

from __future__ import annotations

import pytest

from medcite.server.ratelimit import TokenBucketLimiter
from medcite.server.schemas import ErrorResponse, ServerSettings

from .conftest import MakeClient
from .fakes import DEMO_QUESTION, FakeEngine


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_burst_then_refill_at_the_rate() -> None:
    clock = Clock()
    limiter = TokenBucketLimiter(rate_per_second=2.0, burst=3, clock=clock)
    assert [limiter.acquire("a") for _ in range(3)] == [0.0, 0.0, 0.0]
    assert limiter.acquire("a") == pytest.approx(0.5)
    clock.now += 0.5
    assert limiter.acquire("a") == 0.0
    assert limiter.acquire("a") == pytest.approx(0.5)
    clock.now += 100
    assert [limiter.acquire("a") for _ in range(4)][:3] == [0.0, 0.0, 0.0]  # capped at burst


def test_clients_have_their_own_buckets() -> None:
    limiter = TokenBucketLimiter(rate_per_second=1.0, burst=1, clock=Clock())
    assert limiter.acquire("a") == 0.0
    assert limiter.acquire("a") > 0
    assert limiter.acquire("b") == 0.0


def test_memory_is_bounded() -> None:
    limiter = TokenBucketLimiter(rate_per_second=1.0, burst=1, max_clients=100, clock=Clock())
    for n in range(10_000):
        limiter.acquire(f"10.0.{n // 256}.{n % 256}")
    assert len(limiter) == 100


def test_invalid_limits_are_refused() -> None:
    with pytest.raises(ValueError, match="rate_per_second"):
        TokenBucketLimiter(rate_per_second=0, burst=1)


def test_http_429_with_retry_after(make_client: MakeClient) -> None:
    settings = ServerSettings(rate_limit_per_minute=6, rate_limit_burst=3)
    client = make_client(FakeEngine(), settings)
    codes = [
        client.post("/v1/answer", json={"question": DEMO_QUESTION}).status_code for _ in range(3)
    ]
    assert codes == [200, 200, 200]
    limited = client.get("/v1/search", params={"q": "spasm"})
    assert limited.status_code == 429
    assert limited.headers["retry-after"] == "10"  # 6 per minute: one token every 10 s
    assert limited.headers["x-request-id"]
    body = ErrorResponse.model_validate_json(limited.text)
    assert body.error.code == "rate_limited"
    assert "10 s" in body.error.message
    # health checks, the page and the docs are never limited
    for path in ("/healthz", "/readyz", "/", "/static/app.js", "/openapi.json"):
        assert client.get(path).status_code == 200, path


def test_rate_limit_can_be_turned_off(make_client: MakeClient) -> None:
    client = make_client(FakeEngine(), ServerSettings(rate_limit_per_minute=0, rate_limit_burst=1))
    assert {client.get("/v1/search", params={"q": "spasm"}).status_code for _ in range(30)} == {200}
