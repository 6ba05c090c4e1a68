"""The shared HTTP layer: rate limit, retries, refusals, size cap, cache, secrets."""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from medcite.errors import SourceError
from medcite.sources.cache import Payload, ResponseCache, request_key
from medcite.sources.http import (
    RateLimiter,
    Request,
    Service,
    SourceRateLimitedError,
    SourceResponseError,
    SourceUnavailableError,
    malformed,
    parse_retry_after,
)

from .fakes import VirtualClock, acquired_at, make_http, params_of, xml

SECRET = "s3cr3t-k3y-0123456789"
SERVICE = Service(
    name="PubMed",
    base_url="https://eutils.ncbi.nlm.nih.gov/entrez/eutils/",
    requests_per_s=3,
    rate_limit_hint="set NCBI_API_KEY to raise PubMed's limit, or try --source local",
    fixed_params=(("tool", "medcite"), ("email", "a@b.org"), ("api_key", SECRET)),
    secret_params=frozenset({"api_key"}),
    volatile_params=frozenset({"tool", "email"}),
)
OK_BODY = b"<ok>fine</ok>"


def _request(**params: str) -> Request:
    pairs = tuple(params.items()) or (("term", "asthma"),)
    return Request(SERVICE, "esearch.fcgi", pairs, method="POST")


def _text(payload: Payload) -> str:
    if not payload.body.startswith(b"<ok>"):
        raise malformed(SERVICE, "answer", payload.body[:40].decode("utf-8", "replace"))
    return payload.body.decode()


class Script:
    """A transport handler that plays a list of answers, then answers OK."""

    def __init__(self, *answers: httpx.Response | Exception) -> None:
        self.answers = list(answers)
        self.calls: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.calls.append(request)
        answer = self.answers.pop(0) if self.answers else xml(OK_BODY)
        if isinstance(answer, Exception):
            raise answer
        return answer


def _cache(tmp_path: Path, clock: VirtualClock, refresh: bool = False) -> ResponseCache:
    return ResponseCache(tmp_path / "cache.sqlite3", 7 * 86400, clock.time, refresh=refresh)


# --- rate limiter ----------------------------------------------------------------------------


def test_rate_limiter_allows_the_limit_per_window_then_waits() -> None:
    clock = VirtualClock()
    limiter = RateLimiter.per_second(3, clock)
    assert acquired_at(limiter, clock, 7) == [0, 0, 0, 1.0, 1.0, 1.0, 2.0]


def test_rate_limiter_below_one_per_second() -> None:
    clock = VirtualClock()
    limiter = RateLimiter.per_second(0.5, clock)
    assert acquired_at(limiter, clock, 3) == [0, 2.0, 4.0]


def test_rate_limiter_defer_pauses_everyone() -> None:
    clock = VirtualClock()
    limiter = RateLimiter.per_second(10, clock)
    limiter.defer(5)
    assert limiter.try_acquire() == 5
    assert acquired_at(limiter, clock, 1) == [5]


def test_a_late_request_pushes_the_next_window_back() -> None:
    clock = VirtualClock()
    limiter = RateLimiter.per_second(3, clock)
    acquired_at(limiter, clock, 2)
    clock.advance(0.5)  # the third request goes out late ...
    acquired_at(limiter, clock, 1)
    assert acquired_at(limiter, clock, 3) == [1.0, 1.0, 1.5]  # ... and its window ends late


def test_rate_limiter_is_shared_by_threads() -> None:
    clock = VirtualClock()
    limiter = RateLimiter.per_second(3, clock)
    sent: list[float] = []
    lock = threading.Lock()

    def take() -> None:
        limiter.acquire()
        with lock:
            sent.append(clock.thread_now())

    threads = [threading.Thread(target=take) for _ in range(30)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    ordered = sorted(sent)
    gaps = [later - earlier for earlier, later in zip(ordered, ordered[3:], strict=False)]
    assert len(sent) == 30 and min(gaps) >= 1.0 - 1e-6


def test_one_limiter_per_host() -> None:
    http = make_http(Script())
    other = Service("Europe PMC", "https://www.ebi.ac.uk/europepmc/webservices/rest/", 5)
    assert http.limiter(SERVICE) is http.limiter(SERVICE)
    assert http.limiter(SERVICE) is not http.limiter(other)
    assert http.limiter(other).max_requests == 5
    assert http.limiter(SERVICE).period_s == pytest.approx(1.1)  # 3 per second + jitter margin
    local = Service("Fake", "http://127.0.0.1:8080/x/", 1)
    assert local.host == "127.0.0.1:8080" and SERVICE.host == "eutils.ncbi.nlm.nih.gov"


# --- retries ---------------------------------------------------------------------------------


def test_success_sends_tool_email_and_key() -> None:
    script = Script()
    assert make_http(script).fetch(_request(), _text) == OK_BODY.decode()
    params = params_of(script.calls[0])
    assert (params["tool"], params["email"], params["api_key"]) == ("medcite", "a@b.org", SECRET)


def test_429_with_retry_after_is_honoured_and_pauses_the_host(clock: VirtualClock) -> None:
    script = Script(xml(b"slow down", 429, **{"Retry-After": "7"}))
    http = make_http(script, clock)
    assert http.fetch(_request(), _text) == OK_BODY.decode()
    assert len(script.calls) == 2
    assert 7 in clock.sleeps


def test_retry_after_as_seconds_or_http_date() -> None:
    assert parse_retry_after("12", 0) == 12
    assert parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT", 1445412470.0) == 10.0
    assert parse_retry_after("soon", 0) is None
    assert parse_retry_after(None, 0) is None


def test_429_without_retry_after_backs_off_then_gives_advice(clock: VirtualClock) -> None:
    script = Script(*[xml(b"", 429) for _ in range(4)])
    http = make_http(script, clock, max_retries=3, backoff_base_s=0.5, backoff_max_s=8)
    with pytest.raises(SourceRateLimitedError, match="set NCBI_API_KEY"):
        http.fetch(_request(), _text)
    assert len(script.calls) == 4
    backoffs = clock.sleeps[-3:]
    for attempt, delay in enumerate(backoffs, start=1):
        cap = 0.5 * 2 ** (attempt - 1)
        assert cap / 2 <= delay <= cap  # exponential, with jitter


def test_retry_after_longer_than_the_maximum_fails_at_once(clock: VirtualClock) -> None:
    script = Script(xml(b"", 429, **{"Retry-After": "3600"}))
    with pytest.raises(SourceRateLimitedError, match="asked to wait 3600s"):
        make_http(script, clock, max_retry_after_s=30).fetch(_request(), _text)
    assert len(script.calls) == 1


def test_500s_are_retried_then_reported(clock: VirtualClock) -> None:
    script = Script(*[xml(b"oops", 503) for _ in range(3)])
    with pytest.raises(SourceUnavailableError, match=r"HTTP 503 after 3 attempts.*--source local"):
        make_http(script, clock, max_retries=2).fetch(_request(), _text)


def test_a_500_then_success(clock: VirtualClock) -> None:
    script = Script(xml(b"oops", 500))
    assert make_http(script, clock).fetch(_request(), _text) == OK_BODY.decode()


@pytest.mark.parametrize(
    "error", [httpx.ConnectTimeout("connect"), httpx.ReadTimeout("read"), httpx.ConnectError("x")]
)
def test_timeouts_and_connection_errors_say_check_your_network(
    clock: VirtualClock, error: Exception
) -> None:
    script = Script(error, error, error)
    with pytest.raises(SourceUnavailableError, match="check your network, or try --source local"):
        make_http(script, clock, max_retries=2).fetch(_request(), _text)
    assert len(script.calls) == 3


def test_other_4xx_is_not_retried(clock: VirtualClock) -> None:
    script = Script(xml(b"bad request: term is empty", 400))
    with pytest.raises(SourceResponseError, match="HTTP 400: bad request"):
        make_http(script, clock).fetch(_request(), _text)
    assert len(script.calls) == 1
    assert clock.sleeps == []


# --- refusals --------------------------------------------------------------------------------


def test_redirect_to_another_host_is_refused(clock: VirtualClock) -> None:
    script = Script(httpx.Response(302, headers={"location": "https://evil.example.org/x"}))
    with pytest.raises(SourceResponseError, match=r"another host \(evil.example.org\); refused"):
        make_http(script, clock).fetch(_request(), _text)
    assert len(script.calls) == 1


def test_redirect_within_the_host_is_followed(clock: VirtualClock) -> None:
    script = Script(httpx.Response(301, headers={"location": "/entrez/eutils/esearch2.fcgi"}))
    assert make_http(script, clock).fetch(_request(), _text) == OK_BODY.decode()
    assert script.calls[1].url.path == "/entrez/eutils/esearch2.fcgi"


def test_redirect_loops_end(clock: VirtualClock) -> None:
    loop = [httpx.Response(302, headers={"location": "/again"}) for _ in range(5)]
    with pytest.raises(SourceResponseError, match="redirected more than 3 times"):
        make_http(Script(*loop), clock).fetch(_request(), _text)


TEN_MB = 10 * 1024 * 1024


def test_response_larger_than_the_cap_is_refused_by_content_length(clock: VirtualClock) -> None:
    big = httpx.Response(200, content=b"x" * (TEN_MB + 1))
    assert big.headers["content-length"] == str(TEN_MB + 1)
    with pytest.raises(SourceResponseError, match="larger than 10 MB; refused"):
        make_http(Script(big), clock).fetch(_request(), _text)


def test_streamed_response_is_cut_at_the_cap(clock: VirtualClock) -> None:
    sent: list[int] = []

    def chunks() -> Iterator[bytes]:
        for _ in range(12):
            sent.append(1)
            yield b"x" * (1024 * 1024)

    streamed = httpx.Response(200, content=chunks())
    assert "content-length" not in streamed.headers
    with pytest.raises(SourceResponseError, match="larger than 10 MB"):
        make_http(Script(streamed), clock).fetch(_request(), _text)
    assert len(sent) == 11  # stopped reading as soon as the cap was passed


def test_response_just_under_the_cap_is_accepted(clock: VirtualClock) -> None:
    body = b"<ok>" + b"x" * (TEN_MB - 4)
    http = make_http(Script(xml(body)), clock)
    assert http.fetch(_request(), lambda payload: len(payload.body)) == TEN_MB


# --- cache -----------------------------------------------------------------------------------


def test_cache_key_ignores_parameter_order_key_tool_and_email() -> None:
    ignored = ("api_key", "tool", "email")
    one = request_key("GET", "u", [("b", "2"), ("a", "1"), ("api_key", "x")], ignored)
    two = request_key("GET", "u", [("a", "1"), ("b", "2"), ("tool", "y"), ("email", "z")], ignored)
    assert one == two
    assert one != request_key("GET", "u", [("a", "1"), ("b", "3")], ignored)


def test_successful_response_is_cached_and_replayed(tmp_path: Path, clock: VirtualClock) -> None:
    script = Script()
    http = make_http(script, clock, cache=_cache(tmp_path, clock))
    assert http.fetch(_request(), _text) == http.fetch(_request(), _text)
    assert len(script.calls) == 1


def test_cache_expires_after_ttl(tmp_path: Path, clock: VirtualClock) -> None:
    script = Script()
    http = make_http(script, clock, cache=_cache(tmp_path, clock))
    http.fetch(_request(), _text)
    clock.advance(7 * 86400 + 1)
    http.fetch(_request(), _text)
    assert len(script.calls) == 2


def test_refresh_skips_the_cache_but_stores(tmp_path: Path, clock: VirtualClock) -> None:
    make_http(Script(), clock, cache=_cache(tmp_path, clock)).fetch(_request(), _text)
    script = Script(xml(b"<ok>new</ok>"))
    refreshing = make_http(script, clock, cache=_cache(tmp_path, clock, refresh=True))
    assert refreshing.fetch(_request(), _text) == "<ok>new</ok>"
    plain = make_http(Script(), clock, cache=_cache(tmp_path, clock))
    assert plain.fetch(_request(), _text) == "<ok>new</ok>"


@pytest.mark.parametrize(
    "bad",
    [
        xml(b"<ok>trunc", 200),  # accepted by HTTP, refused by the parser below
        xml(b"<html>error page</html>", 200),
        xml(b"", 500),
        xml(b"", 429),
        xml(b"nope", 404),
    ],
)
def test_nothing_is_cached_from_a_failed_response(
    tmp_path: Path, clock: VirtualClock, bad: httpx.Response
) -> None:
    cache = _cache(tmp_path, clock)

    def strict(payload: Payload) -> str:
        if not payload.body.endswith(b"</ok>"):
            raise malformed(SERVICE, "answer", "truncated")
        return _text(payload)

    http = make_http(Script(*[bad] * 5), clock, cache=cache, max_retries=1)
    with pytest.raises(SourceError):
        http.fetch(_request(), strict)
    assert cache.requests() == []
    assert cache.get(_request().cache_key()) is None


def test_unusable_cached_entry_is_dropped_and_refetched(
    tmp_path: Path, clock: VirtualClock
) -> None:
    cache = _cache(tmp_path, clock)
    cache.put(_request().cache_key(), "x", Payload(b"garbage", "text/xml", clock.time()))
    script = Script()
    assert make_http(script, clock, cache=cache).fetch(_request(), _text) == OK_BODY.decode()
    assert len(script.calls) == 1


def test_broken_cache_file_does_not_break_fetching(tmp_path: Path, clock: VirtualClock) -> None:
    (tmp_path / "cache.sqlite3").write_bytes(b"this is not a database" * 100)
    script = Script()
    http = make_http(script, clock, cache=_cache(tmp_path, clock))
    assert http.fetch(_request(), _text) == OK_BODY.decode()


def test_requests_marked_not_cacheable_are_never_cached(
    tmp_path: Path, clock: VirtualClock
) -> None:
    script = Script()
    http = make_http(script, clock, cache=_cache(tmp_path, clock))
    post = Request(SERVICE, "epost.fcgi", (("id", "1,2"),), method="POST")
    http.fetch(post, _text, cacheable=False)
    http.fetch(post, _text, cacheable=False)
    assert len(script.calls) == 2


def test_secrets_never_go_into_a_url() -> None:
    with pytest.raises(ValueError, match="POST"):
        Request(SERVICE, "esearch.fcgi", (("term", "x"),), method="GET")


# --- secrets ---------------------------------------------------------------------------------


def test_api_key_is_never_logged_cached_or_shown(
    tmp_path: Path, clock: VirtualClock, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    cache = _cache(tmp_path, clock)
    script = Script(xml(b"", 503), httpx.ReadTimeout("slow"), xml(b"", 429), xml(b"bad", 403))
    http = make_http(script, clock, cache=cache)
    with pytest.raises(SourceError) as failure:
        http.fetch(_request(), _text)
    http.fetch(_request(term="ok"), _text)
    http.fetch(_request(term="ok"), _text)  # cache hit, logged at debug level
    assert "check NCBI_API_KEY" in str(failure.value)
    assert params_of(script.calls[-1])["api_key"] == SECRET  # it was sent ...
    assert all(SECRET not in str(call.url) for call in script.calls)
    assert caplog.records  # ... something was logged ...
    assert SECRET not in caplog.text  # ... but never the key
    assert SECRET not in str(failure.value)
    assert all(SECRET not in r for r in cache.requests())
    assert "api_key=***" in cache.requests()[0]
    cache.close()
    for path in tmp_path.iterdir():
        assert SECRET.encode() not in path.read_bytes()
    assert SECRET not in _request().redacted()
