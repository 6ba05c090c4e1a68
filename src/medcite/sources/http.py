"""The one HTTP layer every live source uses.

:meth:`HttpClient.fetch` is the only way a connector talks to the network. It

* waits for the host's rate limiter (a sliding-window log shared by all threads and, through
  :data:`PROCESS_LIMITS`, by every client of the process), earliest deadline first, and gives up
  at once when the request's :class:`Deadline` (a live question's time-out) would pass first;
* sends the request with connect/read time-outs, follows redirects only within the same host
  and refuses responses larger than the size cap;
* retries time-outs, connection errors, 429 and 5xx a bounded number of times with exponential
  backoff and jitter, honouring ``Retry-After`` (and pausing every thread using that host);
* hands the complete body to the caller's parser and caches it only if the parser accepted it;
* raises a :class:`~medcite.errors.SourceError` whose message says what failed and what to do.

Secrets (the NCBI API key) are sent but never logged, cached or put into an error message.
Clock, sleep and randomness are injected so the behaviour can be tested without waiting.
"""

from __future__ import annotations

import bisect
import email.utils
import hashlib
import itertools
import logging
import random
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Protocol, TypeVar

import httpx

from medcite.errors import SourceError
from medcite.sources.cache import Payload, ResponseCache, describe, mask, request_key
from medcite.sources.settings import HttpSettings

log = logging.getLogger(__name__)

T = TypeVar("T")
LOCAL_HINT = "or try --source local"
NETWORK_HINT = f"check your network, {LOCAL_HINT}"


class SourceUnavailableError(SourceError):
    """The source could not be reached, timed out or kept failing (5xx) after the retries."""

    def __init__(self, message: str, status: int | None = None) -> None:
        super().__init__(message)
        self.status = status
        """The HTTP status it kept failing with (None when it was never reached)."""


class SourceRateLimitedError(SourceError):
    """The source kept answering 429 Too Many Requests."""


class SourceResponseError(SourceError):
    """The source answered, but the answer was refused: 4xx, malformed, too large, redirected."""

    def __init__(self, message: str, status: int | None = None) -> None:
        super().__init__(message)
        self.status = status
        """The HTTP status of a refused (4xx) answer; None for the other refusals."""


class DeadlineExceededError(SourceError):
    """A request was not sent because its question's time-out would pass (or has passed) before
    the rate limit lets it go: the source timed out for that question, the limit is kept."""

    def __init__(self, message: str, reason: str) -> None:
        super().__init__(message)
        self.reason = reason
        """Why, in a few words for the answer's note (``rate limit busy: …``)."""


class Clock(Protocol):
    """Time as the HTTP layer sees it (injectable for tests)."""

    def monotonic(self) -> float: ...

    def time(self) -> float: ...

    def sleep(self, seconds: float) -> None: ...


@dataclass(frozen=True)
class SystemClock:
    """The real clock. All instances are equal: they share the process's rate limiters."""

    def monotonic(self) -> float:
        return time.monotonic()

    def time(self) -> float:
        return time.time()

    def sleep(self, seconds: float) -> None:
        time.sleep(seconds)


@dataclass(frozen=True)
class Service:
    """A remote API as the HTTP layer sees it."""

    name: str
    """For messages: ``PubMed``, ``Europe PMC``."""
    base_url: str
    requests_per_s: float
    rate_window_s: float | None = None
    """None: the rate is kept per second (3/s: at most 3 in any second; 0.5/s: one per 2 s).
    60: per minute (4/s: at most 240 in any minute, all at once if need be), for services whose
    documented limit is per minute (openFDA, MedlinePlus)."""
    rate_limit_hint: str = f"wait a minute and retry, {LOCAL_HINT}"
    """What the user can do when the service keeps answering 429."""
    fallback_hint: str = LOCAL_HINT
    """What else the user can do when the service cannot be reached or keeps failing."""
    client_error_hint: str | None = None
    """What to check when the service refuses a request (4xx); None: the generic advice."""
    fixed_params: tuple[tuple[str, str], ...] = ()
    """Sent with every request (``tool``, ``email``, ``api_key``)."""
    secret_params: frozenset[str] = frozenset()
    """Never logged, cached or shown; masked as ``***``."""
    volatile_params: frozenset[str] = frozenset()
    """Left out of cache keys because they do not change the answer (``tool``, ``email``)."""

    @property
    def host(self) -> str:
        """``host`` or ``host:port``: what one rate limiter covers."""
        url = httpx.URL(self.base_url)
        return f"{url.host}:{url.port}" if url.port else str(url.host)


class Deadline:
    """When one live question's searches must be done, on the HTTP layer's clock.

    :class:`~medcite.sources.live.LiveSearch` makes one per question from its time-out and runs
    the question's searches inside :func:`deadline_scope`; every request they make then carries
    it to the rate limiter, which refuses to queue a request that would only go after it
    (:class:`DeadlineExceededError`). :meth:`cancel` drops whatever is still waiting once the
    question has its answer. Thread-safe.
    """

    def __init__(self, at: float, timeout_s: float) -> None:
        self.at = at
        """The clock's ``monotonic()`` reading by which requests must have been sent."""
        self.timeout_s = timeout_s
        """The time-out it was made from (for messages)."""
        self.order = next(_DEADLINES_MADE)
        """Breaks ties between equal deadlines: the question asked first goes first."""
        self._cancelled = threading.Event()

    def cancel(self) -> None:
        """The question is over: requests still waiting for a rate-limit slot are dropped."""
        self._cancelled.set()

    @property
    def cancelled(self) -> bool:
        return self._cancelled.is_set()


_DEADLINES_MADE = itertools.count(1)
_DEADLINE: ContextVar[Deadline | None] = ContextVar("medcite_deadline", default=None)


def current_deadline() -> Deadline | None:
    """The deadline the calling code runs under (None: no question's time-out applies)."""
    return _DEADLINE.get()


@contextmanager
def deadline_scope(deadline: Deadline | None) -> Iterator[None]:
    """Run the block under ``deadline``: every request it makes honours it. Threads started
    inside the block inherit it only through ``contextvars.copy_context()`` (as
    :func:`medcite.sources.base.parallel` does)."""
    token = _DEADLINE.set(deadline)
    try:
        yield
    finally:
        _DEADLINE.reset(token)


class NoSlotError(Exception):
    """The rate limiter will not let a request go before its deadline (internal: the HTTP client
    words it as a :class:`DeadlineExceededError` naming the service)."""

    def __init__(self, wait_s: float | None, left_s: float = 0.0) -> None:
        super().__init__("no rate-limit slot before the deadline")
        self.wait_s = wait_s
        """How far away the request's slot was; None: its deadline was cancelled."""
        self.left_s = left_s
        """How long until the deadline (negative: it had passed)."""


@dataclass(eq=False)
class _Waiter:
    key: tuple[float, int, int]
    """Earliest deadline first (no deadline: the moment it asked), then the question asked
    first, then first come."""
    deadline: Deadline | None
    turn: threading.Condition
    """Notified when it becomes the first in line."""


class RateLimiter:
    """At most ``max_requests`` requests in any ``period_s`` window, shared by all threads.

    A sliding-window log of the moments requests were actually let through: the first in line
    waits until the oldest of the last ``max_requests`` is ``period_s`` old, then checks again (a
    thread that wakes late is recorded late, so a late request pushes the next window back
    instead of bunching up with it). :meth:`defer` pauses all callers, e.g. after ``Retry-After``.

    Waiting requests are served earliest deadline first (then first come): the question asked
    first gets its next request in before later questions' first ones, so questions finish
    within their time-outs instead of all sharing the slots and all timing out. A request whose
    slot — counting the requests ahead of it that can still make their own deadlines — would
    come after its own deadline is refused at once (:class:`NoSlotError`) and takes no slot; one
    whose deadline is cancelled while it waits leaves the line.
    """

    def __init__(self, max_requests: int, period_s: float, clock: Clock) -> None:
        self.max_requests = max_requests
        self.period_s = period_s
        self._clock = clock
        self._sent: deque[float] = deque(maxlen=max_requests)
        self._paused_until = float("-inf")
        self._lock = threading.Lock()
        self._line: list[_Waiter] = []
        """Waiting requests, in the order they will be served."""
        self._tickets = itertools.count()

    @classmethod
    def per_second(cls, rate: float, clock: Clock, margin_s: float = 0.0) -> RateLimiter:
        """``rate`` requests/s: 3 → 3 per 1 s, 0.5 → 1 per 2 s; each window ``margin_s`` longer."""
        count = max(1, int(rate))
        return cls(count, count / rate + margin_s, clock)

    @classmethod
    def per_window(
        cls, rate: float, window_s: float, clock: Clock, margin_s: float = 0.0
    ) -> RateLimiter:
        """``rate`` requests/s counted over ``window_s``: 4/s over 60 s → 240 in any minute
        (bursts allowed). The window is ``margin_s`` longer for each of its seconds (0.1 s:
        60 s → 66 s), the same share of it as a per-second window's margin."""
        count = max(1, int(rate * window_s + _TOLERANCE_S))
        return cls(count, window_s * (1 + margin_s), clock)

    def describe(self) -> str:
        """``3 requests per 1.1 s``."""
        plural = "s" if self.max_requests > 1 else ""
        return f"{self.max_requests} request{plural} per {self.period_s:g} s"

    def acquire(self, deadline: Deadline | None = None) -> None:
        """Wait for this request's turn and a free slot, and count it as sent now.

        Raises :class:`NoSlotError` (taking no slot) when ``deadline`` would pass first or is
        cancelled while waiting.
        """
        with self._lock:
            now = self._clock.monotonic()
            ticket = next(self._tickets)
            key = (now, 0, ticket) if deadline is None else (deadline.at, deadline.order, ticket)
            me = _Waiter(key, deadline, threading.Condition(self._lock))
            bisect.insort(self._line, me, key=lambda waiter: waiter.key)
            try:
                while (wait := self._turn(me)) > 0:
                    if self._line[0] is me:  # first in line: sleep until the slot, then check
                        self._lock.release()
                        try:
                            self._clock.sleep(wait)
                        finally:
                            self._lock.acquire()
                    else:  # until first in line (or, now and then, to see a cancellation)
                        me.turn.wait(_RECHECK_S)
            finally:
                self._line.remove(me)
                if self._line:
                    self._line[0].turn.notify()

    def waiting(self) -> int:
        """How many requests are waiting for a slot now."""
        with self._lock:
            return len(self._line)

    def try_acquire(self) -> float:
        """0 if a request may go now (nobody waiting, a slot free), counted as sent; else how
        long until the next slot frees."""
        with self._lock:
            now = self._clock.monotonic()
            slot = self._next_slot(self._sent, now)
            if self._line or now + _TOLERANCE_S < slot:
                return max(slot - now, _TOLERANCE_S)
            self._sent.append(now)
            return 0.0

    def defer(self, seconds: float) -> None:
        """Let no request through for ``seconds`` from now."""
        with self._lock:
            self._paused_until = max(self._paused_until, self._clock.monotonic() + seconds)

    # --- internals (called with the lock held) --------------------------------------------------

    def _turn(self, me: _Waiter) -> float:
        """0 once ``me`` was let through (and counted); else how long to wait; raises
        NoSlotError when ``me``'s deadline is cancelled or its slot would come after it."""
        now = self._clock.monotonic()
        deadline = me.deadline
        if deadline is not None and deadline.cancelled:
            raise NoSlotError(None)
        slot = self._projected_slot(me, now)
        if deadline is not None and slot > deadline.at + _TOLERANCE_S:
            raise NoSlotError(slot - now, deadline.at - now)
        if self._line[0] is not me:
            return max(slot - now, _TOLERANCE_S)
        if now + _TOLERANCE_S < slot:
            return slot - now
        self._sent.append(now)
        return 0.0

    def _next_slot(self, sent: deque[float], now: float) -> float:
        earliest = max(now, self._paused_until)
        if len(sent) == self.max_requests:
            earliest = max(earliest, sent[0] + self.period_s)
        return earliest

    def _projected_slot(self, me: _Waiter, now: float) -> float:
        """When ``me`` will go if every request ahead of it that can still make its own
        deadline goes first, each at its earliest slot."""
        if self._line[0] is me:
            return self._next_slot(self._sent, now)
        sent = deque(self._sent, maxlen=self.max_requests)
        for waiter in self._line:
            slot = self._next_slot(sent, now)
            if waiter is me:
                return slot
            ahead = waiter.deadline
            if ahead is not None and (ahead.cancelled or slot > ahead.at + _TOLERANCE_S):
                continue  # it will be dropped, not sent
            sent.append(slot)
        raise AssertionError("a waiting request is not in line")


_TOLERANCE_S = 1e-9
"""Clock readings this close to a window's end count as at its end (float rounding)."""
_RECHECK_S = 1.0
"""A request waiting behind others looks at its deadline this often (real seconds), so one whose
question is over leaves the line even while the first in line sleeps."""


class RateLimits:
    """The rate limiters of a process: one per host and rate, whichever client asks.

    A host's limit (NCBI: 3 requests/s per IP address) binds the whole process, so every
    :class:`HttpClient` takes its limiters from :data:`PROCESS_LIMITS` unless given another
    registry: a client built per question (``--refresh``) or a second engine in the same process
    waits for the same window as the others. Limiters are keyed by host, rate and clock: all
    :class:`SystemClock` instances are equal, a test's virtual clock gets its own; a different
    rate for the same host is a different allowance (NCBI allows 3/s per address without a key,
    10/s per key), so it gets its own limiter.
    """

    def __init__(self) -> None:
        self._limiters: dict[tuple[str, int, float, Clock], RateLimiter] = {}
        self._lock = threading.Lock()

    def limiter(self, service: Service, clock: Clock, margin_s: float) -> RateLimiter:
        """The limiter of ``service``'s host at its rate, made on first use."""
        if service.rate_window_s is None:
            made = RateLimiter.per_second(service.requests_per_s, clock, margin_s)
        else:
            rate, window = service.requests_per_s, service.rate_window_s
            made = RateLimiter.per_window(rate, window, clock, margin_s)
        key = (service.host, made.max_requests, made.period_s, clock)
        with self._lock:
            return self._limiters.setdefault(key, made)


PROCESS_LIMITS = RateLimits()
"""The process's rate limiters (the one deliberate process-wide object of the HTTP layer)."""


@dataclass(frozen=True)
class Request:
    """One call to a service: ``GET base_url + path ? params``, or a POST with a form body.

    POST keeps parameters (and so secrets such as the API key) out of the URL, where httpx's
    own request log, proxies and server access logs would otherwise record them. A POST with
    ``content`` sends that body (e.g. JSON) instead of the form.
    """

    service: Service
    path: str
    params: tuple[tuple[str, str], ...]
    method: str = "GET"
    content: bytes | None = None
    """The raw request body (with a ``Content-Type`` in ``headers``); None: form or no body."""
    headers: tuple[tuple[str, str], ...] = ()
    """Sent with the request, never logged, cached or shown (may carry a bearer token)."""

    def __post_init__(self) -> None:
        if self.service.secret_params and self.method == "GET":
            raise ValueError(f"{self.service.name} requests carry secrets: send them as POST")

    @property
    def url(self) -> str:
        return self.service.base_url + self.path

    def all_params(self) -> list[tuple[str, str]]:
        return [*self.params, *self.service.fixed_params]

    def cache_key(self) -> str:
        ignored = self.service.secret_params | self.service.volatile_params
        params = self.all_params()
        if self.content is not None:
            params.append(("#content-sha256", hashlib.sha256(self.content).hexdigest()))
        return request_key(self.method, self.url, params, ignored)

    def redacted(self) -> str:
        """``METHOD url?params`` with every secret masked: safe for logs, errors and the cache."""
        shown = mask(self.all_params(), self.service.secret_params)
        return f"{self.method} {describe(self.url, shown)}"


@dataclass
class _RetryableError(Exception):
    """An attempt failed in a way worth retrying (internal to this module)."""

    kind: str
    """``timeout``, ``network``, ``rate-limited`` or ``server``."""
    detail: str
    status: int | None = None
    retry_after: float | None = None


@dataclass(frozen=True)
class _Response:
    status: int
    headers: httpx.Headers
    body: bytes = b""
    location: httpx.URL | None = field(default=None)


_REDIRECTS = frozenset({301, 302, 303, 307, 308})


class HttpClient:
    """Shared by every source and thread; creates its connection pool on first use."""

    def __init__(
        self,
        settings: HttpSettings,
        *,
        cache: ResponseCache | None = None,
        transport: httpx.BaseTransport | None = None,
        clock: Clock | None = None,
        rng: random.Random | None = None,
        limits: RateLimits | None = None,
    ) -> None:
        self.settings = settings
        self.cache = cache
        self.clock: Clock = clock or SystemClock()
        self.limits = limits or PROCESS_LIMITS
        """Where the per-host rate limiters come from (default: the process's, shared)."""
        self._transport = transport
        self._rng = rng or random.Random()
        self._client: httpx.Client | None = None
        self._lock = threading.Lock()

    def fetch(self, request: Request, parse: Callable[[Payload], T], cacheable: bool = True) -> T:
        """Parse the response to ``request``; from the cache when a fresh copy exists.

        ``parse`` must raise :class:`SourceError` for a body it cannot use; such a body is
        never cached. Other failures raise :class:`SourceError` subclasses with advice.
        """
        cacheable = cacheable and self.cache is not None
        if cacheable and (cached := self._cached(request, parse)) is not None:
            return cached
        payload = self._download(request)
        result = parse(payload)
        if cacheable and self.cache is not None:
            self.cache.put(request.cache_key(), request.redacted(), payload)
        return result

    def limiter(self, service: Service) -> RateLimiter:
        """The rate limiter of ``service``'s host: one per host and process, shared by every
        thread and every client (see :class:`RateLimits`)."""
        return self.limits.limiter(service, self.clock, self.settings.rate_margin_s)

    def close(self) -> None:
        with self._lock:
            if self._client is not None:
                self._client.close()
                self._client = None
        if self.cache is not None:
            self.cache.close()

    def __enter__(self) -> HttpClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- internals ------------------------------------------------------------------------------

    def _cached(self, request: Request, parse: Callable[[Payload], T]) -> T | None:
        assert self.cache is not None
        payload = self.cache.get(request.cache_key())
        if payload is None:
            return None
        try:
            result = parse(payload)
        except SourceError as exc:
            log.warning("dropping unusable cached response for %s: %s", request.redacted(), exc)
            self.cache.delete(request.cache_key())
            return None
        log.debug("cache hit: %s", request.redacted())
        return result

    def _download(self, request: Request) -> Payload:
        """The complete body of a 200 answer, after retries; raises SourceError otherwise.

        Under a :class:`Deadline` no retry is made that could not start before it: the source
        has failed for this question (the error says so).
        """
        deadline = current_deadline()
        attempt = 0
        last: _RetryableError | None = None
        while True:
            try:
                response = self._attempt(request, deadline)
                return Payload(response.body, _content_type(response), self.clock.time())
            except DeadlineExceededError:
                if last is None:
                    raise
                raise _give_up(request.service, last, attempt, out_of_time=True) from None
            except _RetryableError as failure:
                attempt += 1
                last = failure
                delay = self._retry_delay(request, failure, attempt)
                if deadline is not None and self.clock.monotonic() + delay > deadline.at:
                    raise _give_up(request.service, failure, attempt, out_of_time=True) from None
                log.warning(
                    "%s: %s (attempt %d); retrying in %.1fs",
                    request.service.name,
                    failure.detail,
                    attempt,
                    delay,
                )
                self.clock.sleep(delay)

    def _retry_delay(self, request: Request, failure: _RetryableError, attempt: int) -> float:
        """How long to wait before the next attempt; raises the final error when out of tries."""
        conf = self.settings
        if attempt > conf.max_retries:
            raise _give_up(request.service, failure, attempt) from None
        if failure.retry_after is None:
            cap = min(conf.backoff_max_s, conf.backoff_base_s * 2.0 ** (attempt - 1))
            return cap / 2 + self._rng.uniform(0, cap / 2)
        if failure.retry_after > conf.max_retry_after_s:
            raise _give_up(request.service, failure, attempt) from None
        self.limiter(request.service).defer(failure.retry_after)
        return failure.retry_after

    def _attempt(self, request: Request, deadline: Deadline | None) -> _Response:
        """One request, following same-host redirects; raises _RetryableError or SourceError."""
        http_request = _build(self._http(), request)
        for _hop in range(self.settings.max_redirects + 1):
            self._acquire(request.service, deadline)
            response = self._exchange(request, http_request)
            if response.location is None:
                return _check_status(request, response, self.clock.time())
            http_request = _redirected(request, http_request, response)
        raise SourceResponseError(
            f"{request.service.name} redirected more than {self.settings.max_redirects} times; "
            f"refused. {LOCAL_HINT.capitalize()}"
        )

    def _acquire(self, service: Service, deadline: Deadline | None) -> None:
        """Wait for the host's rate limiter; DeadlineExceededError if ``deadline`` comes first."""
        limiter = self.limiter(service)
        try:
            limiter.acquire(deadline)
        except NoSlotError as exc:
            assert deadline is not None
            raise _out_of_time(service, limiter, deadline, exc) from None

    def _exchange(self, request: Request, http_request: httpx.Request) -> _Response:
        try:
            response = self._http().send(http_request, stream=True)
        except httpx.TimeoutException as exc:
            raise _RetryableError("timeout", f"timed out ({type(exc).__name__})") from None
        except httpx.TransportError as exc:
            raise _RetryableError("network", f"connection failed ({type(exc).__name__})") from None
        try:
            return self._read(request, response)
        finally:
            response.close()

    def _read(self, request: Request, response: httpx.Response) -> _Response:
        if response.status_code in _REDIRECTS and "location" in response.headers:
            location = response.request.url.join(response.headers["location"])
            return _Response(response.status_code, response.headers, location=location)
        limit = int(self.settings.max_response_mb * 1024 * 1024)
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > limit:
            raise _too_large(request.service, limit)
        try:
            body = _read_capped(response, limit)
        except httpx.TimeoutException as exc:
            raise _RetryableError("timeout", f"read timed out ({type(exc).__name__})") from None
        except httpx.TransportError as exc:
            raise _RetryableError("network", f"response cut off ({type(exc).__name__})") from None
        if body is None:
            raise _too_large(request.service, limit)
        return _Response(response.status_code, response.headers, body)

    def _http(self) -> httpx.Client:
        with self._lock:
            if self._client is None:
                conf = self.settings
                timeout = httpx.Timeout(conf.read_timeout_s, connect=conf.connect_timeout_s)
                self._client = httpx.Client(
                    timeout=timeout,
                    follow_redirects=False,
                    transport=self._transport,
                    headers={"User-Agent": conf.user_agent},
                )
            return self._client


def _build(client: httpx.Client, request: Request) -> httpx.Request:
    headers = dict(request.headers)
    if request.content is not None:
        params = tuple(request.all_params())
        return client.build_request(
            request.method, request.url, params=params, content=request.content, headers=headers
        )
    if request.method == "POST":
        data = dict(request.all_params())
        return client.build_request("POST", request.url, data=data, headers=headers)
    params = tuple(request.all_params())
    return client.build_request(request.method, request.url, params=params, headers=headers)


def _redirected(request: Request, current: httpx.Request, response: _Response) -> httpx.Request:
    """The request to send next for a same-host redirect; refuses any other host."""
    target = response.location
    assert target is not None
    downgrade = current.url.scheme == "https" and target.scheme != "https"
    if target.host != current.url.host or downgrade:
        raise SourceResponseError(
            f"{request.service.name} redirected to another host ({target.host}); refused for "
            f"safety. Check that {request.service.base_url} is the right address, {LOCAL_HINT}"
        )
    log.debug("%s: following redirect to %s", request.service.name, target.path)
    if response.status in (307, 308):  # same method and body
        return httpx.Request(
            current.method, target, headers=current.headers, content=current.content
        )
    return httpx.Request("GET", target, headers=current.headers)


def _read_capped(response: httpx.Response, limit: int) -> bytes | None:
    """The whole body, or None as soon as it grows beyond ``limit`` bytes."""
    chunks: list[bytes] = []
    size = 0
    for chunk in response.iter_bytes():
        size += len(chunk)
        if size > limit:
            return None
        chunks.append(chunk)
    return b"".join(chunks)


def _check_status(request: Request, response: _Response, now: float) -> _Response:
    status = response.status
    if status == 200:
        return response
    if status == 429:
        retry_after = parse_retry_after(response.headers.get("retry-after"), now)
        raise _RetryableError("rate-limited", "HTTP 429 Too Many Requests", status, retry_after)
    if status >= 500:
        raise _RetryableError("server", f"HTTP {status}", status)
    raise SourceResponseError(
        f"{request.service.name} refused the request (HTTP {status}: "
        f"{_short(response.body)}); {_client_error_hint(request.service, status)}",
        status,
    )


def _client_error_hint(service: Service, status: int) -> str:
    if service.client_error_hint is not None:
        return service.client_error_hint
    if "api_key" in service.secret_params and status in (400, 401, 403):
        return f"check NCBI_API_KEY (unset it to search without a key), {LOCAL_HINT}"
    return f"this looks like a medcite bug, please report it; {LOCAL_HINT}"


def parse_retry_after(value: str | None, now: float) -> float | None:
    """Seconds to wait from a ``Retry-After`` header (seconds or HTTP date); None if absent."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - now)


def _out_of_time(
    service: Service, limiter: RateLimiter, deadline: Deadline, refusal: NoSlotError
) -> DeadlineExceededError:
    if refusal.wait_s is None:
        reason = "the question was answered without it"
        return DeadlineExceededError(
            f"{service.name}: request dropped, the question's {deadline.timeout_s:.0f} s "
            "time-out has passed",
            reason,
        )
    if refusal.left_s <= 0:
        reason = f"rate limit busy: {limiter.describe()}, no free slot in time"
    else:
        reason = (
            f"rate limit busy: {limiter.describe()}, next free slot in {refusal.wait_s:.1f} s, "
            f"{refusal.left_s:.1f} s left"
        )
    return DeadlineExceededError(
        f"{service.name}: no request slot before the question's {deadline.timeout_s:.0f} s "
        f"time-out ({reason}); ask again in a minute, {LOCAL_HINT}",
        reason,
    )


def _give_up(
    service: Service, failure: _RetryableError, attempts: int, out_of_time: bool = False
) -> SourceError:
    tries = f"after {attempts} attempt{'s' if attempts > 1 else ''}"
    if out_of_time:
        tries += ", no time left to retry before the question's time-out"
    if failure.kind == "rate-limited":
        wait = f", asked to wait {failure.retry_after:.0f}s" if failure.retry_after else ""
        return SourceRateLimitedError(
            f"{service.name} is rate-limiting medcite (HTTP 429 {tries}{wait}); "
            f"{service.rate_limit_hint}"
        )
    if failure.kind == "server":
        return SourceUnavailableError(
            f"{service.name} is failing (HTTP {failure.status} {tries}); "
            f"try again later, {service.fallback_hint}",
            failure.status,
        )
    return SourceUnavailableError(
        f"could not reach {service.name} ({service.host}): {failure.detail} {tries}; "
        f"check your network, {service.fallback_hint}"
    )


def _too_large(service: Service, limit: int) -> SourceResponseError:
    return SourceResponseError(
        f"{service.name} sent a response larger than {limit / 1024 / 1024:.0f} MB; refused. "
        f"Ask for fewer results, {LOCAL_HINT}"
    )


def malformed(service: Service, what: str, detail: str) -> SourceResponseError:
    """The error a parser raises for a body it cannot use."""
    return SourceResponseError(
        f"{service.name} returned a malformed {what} ({_short(detail.encode())}); "
        f"try again later, {LOCAL_HINT}"
    )


def _content_type(response: _Response) -> str:
    return str(response.headers.get("content-type", "")).split(";")[0].strip().lower()


def _short(body: bytes, limit: int = 160) -> str:
    text = " ".join(body[: limit * 4].decode("utf-8", "replace").split())
    return text[:limit] + ("…" if len(text) > limit else "") if text else "empty body"


def query_params(params: Mapping[str, str | int | None]) -> tuple[tuple[str, str], ...]:
    """Request parameters without the unset ones, values as text."""
    return tuple((k, str(v)) for k, v in params.items() if v is not None)
