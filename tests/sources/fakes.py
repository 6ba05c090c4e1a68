"""Offline fakes for the live sources: a virtual clock and fake E-utilities / Europe PMC servers.

The fake servers answer with the real recorded responses in ../shared/corpora/api-fixtures
(through httpx.MockTransport, so no socket is ever opened). ESearch answers are the recorded
esearch1.xml with its IdList replaced by PMIDs whose records exist in the recorded EFetch
answers, and EFetch answers contain exactly the recorded records that were asked for.
"""

from __future__ import annotations

import json
import re
import threading
from collections import deque
from collections.abc import Callable
from typing import Any
from urllib.parse import parse_qsl

import httpx
from lxml import etree

from conftest import API_FIXTURES
from medcite.sources.http import HttpClient, RateLimiter
from medcite.sources.settings import HttpSettings

ENTREZ = API_FIXTURES / "entrez-xml"
EPMC = API_FIXTURES / "europepmc"
EUTILS_HOST = "eutils.ncbi.nlm.nih.gov"
EPMC_HOST = "www.ebi.ac.uk"

Handler = Callable[[httpx.Request], httpx.Response]

SEARCH_IDS = {
    "general": ["12091962", "9997", "11748933", "11700088", "27797938"],
    "guideline": ["28775130", "12091962"],
    "systematic": ["30108519"],
    "trial": ["29963580", "9997"],
}
"""PMIDs the fake ESearch returns for each kind of search (all have recorded EFetch records)."""


class VirtualClock:
    """A clock for threads that never really sleeps.

    ``monotonic()`` is the shared virtual time; ``sleep(s)`` moves the calling thread's own time
    ``s`` ahead (and the shared time with it, if that is later). So after a rate limiter made a
    thread sleep until its reserved slot, :meth:`thread_now` is exactly that slot: the moment the
    thread's request reaches the fake server.
    """

    def __init__(self, start: float = 1_700_000_000.0) -> None:
        self._now = 0.0
        self._epoch = start
        self._lock = threading.Lock()
        self._local = threading.local()
        self.sleeps: list[float] = []

    def monotonic(self) -> float:
        with self._lock:
            self._local.now = self._now
            return self._now

    def time(self) -> float:
        return self._epoch + self._now

    def sleep(self, seconds: float) -> None:
        with self._lock:
            self.sleeps.append(seconds)
            mine = getattr(self._local, "now", self._now) + max(0.0, seconds)
            self._local.now = mine
            self._now = max(self._now, mine)

    def thread_now(self) -> float:
        with self._lock:
            return float(getattr(self._local, "now", self._now))

    def advance(self, seconds: float) -> None:
        with self._lock:
            self._now += seconds


def acquired_at(limiter: RateLimiter, clock: VirtualClock, n: int) -> list[float]:
    """The virtual times at which ``n`` acquisitions of ``limiter`` in a row were granted."""
    times = []
    for _ in range(n):
        limiter.acquire()
        times.append(clock.thread_now())
    return times


def params_of(request: httpx.Request) -> dict[str, str]:
    """Query and form parameters of a request (E-utilities calls are POSTs)."""
    found = dict(request.url.params)
    if request.method == "POST":
        found |= dict(parse_qsl(request.content.decode()))
    return found


def fixture_bytes(name: str) -> bytes:
    """A recorded response; empty without the shared corpora, so that modules reading some at
    import time still collect (their tests use the ``api_fixtures`` fixture, so they skip)."""
    path = ENTREZ / name if name.endswith((".xml", ".html")) else EPMC / name
    return path.read_bytes() if API_FIXTURES.is_dir() else b""


def _records() -> dict[str, bytes]:
    """pmid → serialized PubmedArticle, from every recorded EFetch answer."""
    records: dict[str, bytes] = {}
    for path in sorted(ENTREZ.glob("pubmed*.xml")):
        root = etree.parse(str(path), etree.XMLParser(load_dtd=False, no_network=True)).getroot()
        for article in root.iterchildren("PubmedArticle", "PubmedBookArticle"):
            pmid = article.findtext(".//PMID")
            if pmid:
                records.setdefault(pmid, etree.tostring(article))
    return records


RECORDS = _records()


def esearch_xml(ids: list[str]) -> bytes:
    """The recorded esearch1.xml answer with ``ids`` as its IdList and Count."""
    text = fixture_bytes("esearch1.xml").decode()
    id_list = "".join(f"<Id>{i}</Id>\n" for i in ids)
    text = re.sub(r"<IdList>.*</IdList>", f"<IdList>\n{id_list}</IdList>", text, flags=re.S)
    text = re.sub(r"<Count>\d+</Count>", f"<Count>{len(ids)}</Count>", text)
    return re.sub(r"<RetMax>\d+</RetMax>", f"<RetMax>{len(ids)}</RetMax>", text).encode()


def efetch_xml(ids: list[str]) -> bytes:
    body = b"".join(RECORDS[i] for i in ids if i in RECORDS)
    return b'<?xml version="1.0" ?>\n<PubmedArticleSet>' + body + b"</PubmedArticleSet>"


def xml(body: bytes, status: int = 200, **headers: str) -> httpx.Response:
    return httpx.Response(status, content=body, headers={"content-type": "text/xml", **headers})


def json_response(body: bytes | dict[str, Any], status: int = 200) -> httpx.Response:
    content = body if isinstance(body, bytes) else json.dumps(body).encode()
    return httpx.Response(status, content=content, headers={"content-type": "application/json"})


def search_kind(term: str) -> str:
    for kind in ("guideline", "systematic", "trial"):
        if f"{kind}" in term.split(" AND (", 1)[-1] and "[pt]" in term:
            return kind
    return "general"


class FakeApis:
    """E-utilities + Europe PMC replaying the recorded fixtures; records every request.

    ``fail(endpoint, *responses)`` queues answers (or exceptions) that are served first for
    requests whose path ends with ``endpoint``; ``latency`` is virtual time spent per request.
    """

    def __init__(self, clock: VirtualClock | None = None, latency: float = 0.0) -> None:
        self.clock = clock
        self.latency = latency
        self.requests: list[httpx.Request] = []
        self.arrivals: list[tuple[str, float]] = []
        self._queued: dict[str, deque[httpx.Response | Exception]] = {}
        self._lock = threading.Lock()

    def fail(self, endpoint: str, *answers: httpx.Response | Exception) -> None:
        self._queued.setdefault(endpoint, deque()).extend(answers)

    def count(self, endpoint: str) -> int:
        return sum(1 for r in self.requests if r.url.path.endswith(endpoint))

    def __call__(self, request: httpx.Request) -> httpx.Response:
        with self._lock:
            self.requests.append(request)
            when = self.clock.thread_now() if self.clock else 0.0
            self.arrivals.append((request.url.host, when))
            queued = self._next_queued(request.url.path)
        if self.clock and self.latency:
            self.clock.sleep(self.latency)
        if isinstance(queued, Exception):
            raise queued
        return queued or self.route(request)

    def _next_queued(self, path: str) -> httpx.Response | Exception | None:
        for endpoint, answers in self._queued.items():
            if path.endswith(endpoint) and answers:
                return answers.popleft()
        return None

    def route(self, request: httpx.Request) -> httpx.Response:
        path, params = request.url.path, params_of(request)
        if request.url.host == EPMC_HOST:
            return self._europepmc(params.get("query", ""))
        name = path.rsplit("/", 1)[-1]
        if name == "esearch.fcgi":
            term = params.get("term", "")
            ids = [] if "zzzz" in term else SEARCH_IDS[search_kind(term)]
            return xml(esearch_xml(ids))
        if name == "efetch.fcgi":
            return xml(efetch_xml(params.get("id", "").split(",")))
        if name == "espell.fcgi" and "zzzz" in params.get("term", ""):
            no_correction = re.sub(
                rb"<CorrectedQuery>.*</CorrectedQuery>",
                b"<CorrectedQuery/>",
                fixture_bytes("espell.xml"),
            )
            return xml(no_correction)
        static = {
            "esummary.fcgi": "esummary1.xml",
            "elink.fcgi": "elink1.xml",
            "espell.fcgi": "espell.xml",
            "epost.fcgi": "epost1.xml",
        }
        return xml(fixture_bytes(static[name])) if name in static else httpx.Response(404)

    def _europepmc(self, query: str) -> httpx.Response:
        name = "search_no_results.json" if "zzzz" in query else "search_cancer_core.json"
        return json_response(fixture_bytes(name))


def make_http(
    handler: Handler,
    clock: VirtualClock | None = None,
    cache: Any = None,
    **settings: Any,
) -> HttpClient:
    conf = HttpSettings(cache=False, **settings)
    return HttpClient(
        conf, cache=cache, transport=httpx.MockTransport(handler), clock=clock or VirtualClock()
    )
