"""LiveSearch: concurrent sources, merging, degrading, writing back, rate limits under load."""

from __future__ import annotations

import concurrent.futures
import threading
import time
from collections.abc import Callable, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor
from pathlib import Path
from typing import Any

import httpx
import pytest

from medcite.errors import IndexError_
from medcite.index.tantivy_index import IndexWriter, TantivyIndex
from medcite.records import AbstractSection, Document, Hit, Query, Source
from medcite.sources import live as live_module
from medcite.sources.base import Retrieval, make_hits
from medcite.sources.live import IndexSink, LiveSearch, SourceState, build_live_search
from medcite.sources.settings import EuropePmcSettings, HttpSettings, LiveSettings, PubMedSettings

from .fakes import EPMC_HOST, EUTILS_HOST, FakeApis, VirtualClock, json_response, xml

pytestmark = pytest.mark.usefixtures("api_fixtures")

GOUT = Query(question="How is gout treated?", focus="gout", expansions=("gouty arthritis",))
NO_CACHE = HttpSettings(cache=False)


def _live(
    apis: FakeApis,
    clock: VirtualClock,
    index: TantivyIndex | None = None,
    env: dict[str, str] | None = None,
    **conf: Any,
) -> LiveSearch:
    conf.setdefault("sources", ("pubmed", "europepmc", "openfda"))  # what the fakes serve
    settings = LiveSettings(http=NO_CACHE, **conf)
    return build_live_search(
        settings, index=index, env=env or {}, transport=httpx.MockTransport(apis), clock=clock
    )


def _index(tmp_path: Path, *docs: Document) -> TantivyIndex:
    index = TantivyIndex.create_or_open(tmp_path / "index")
    writer = index.writer(32, 1)
    for doc in docs:
        writer.upsert(doc)
    writer.commit()
    writer.close()
    return index


LOCAL = Document(
    id="medquad:gout#1",
    source=Source.MEDQUAD,
    title="What is gout?",
    sections=(AbstractSection(text="Gout is a form of arthritis."),),
)


def test_both_sources_run_merge_and_are_written_back(
    tmp_path: Path, apis: FakeApis, clock: VirtualClock
) -> None:
    index = _index(tmp_path, LOCAL)
    result = _live(apis, clock, index).search(GOUT, 8)
    assert [s.state for s in result.statuses] == [SourceState.OK, SourceState.OK]
    assert [s.source for s in result.statuses] == ["pubmed", "europepmc"]
    assert not result.degraded and result.note is None
    sources = {h.document.source for h in result.hits}
    assert sources == {Source.PUBMED, Source.EUROPEPMC}
    assert [h.rank for h in result.hits] == list(range(1, 9))
    assert len(result.searches) == 6  # 4 PubMed + 2 Europe PMC
    assert result.stored == 8 + 8  # every document each source fetched, not only the top k
    stored = index.get("pmid:12091962")
    assert stored is not None and stored.fetched_at is not None
    assert stored.source is Source.PUBMED
    assert len(index.all_ids()) == 1 + result.stored


def test_a_record_found_by_both_sources_appears_once_with_any_retraction(
    apis: FakeApis, clock: VirtualClock
) -> None:
    record = dict(_first_epmc_record(), pmid="12091962", id="12091962")
    record["commentCorrectionList"] = {
        "commentCorrection": [{"id": "99", "source": "MED", "type": "Retraction in"}]
    }
    apis.fail("/search", *[json_response(_epmc_answer([record]))] * 2)
    result = _live(apis, clock).search(GOUT, 20)
    ids = [h.document.id for h in result.hits]
    assert ids.count("pmid:12091962") == 1
    merged = next(h.document for h in result.hits if h.document.id == "pmid:12091962")
    assert merged.source is Source.PUBMED  # PubMed's full record is kept ...
    assert merged.is_retracted and merged.retracted_by == ("99",)  # ... with EPMC's retraction
    assert ids[0] == "pmid:12091962"  # found by both sources: fused to the top


def _first_epmc_record() -> dict[str, Any]:
    import json

    from .fakes import fixture_bytes

    return dict(json.loads(fixture_bytes("search_cancer_core.json"))["resultList"]["result"][0])


def _epmc_answer(results: list[dict[str, Any]]) -> dict[str, Any]:
    return {"version": "6.9", "hitCount": len(results), "resultList": {"result": results}}


def test_a_failing_source_degrades_the_answer_and_writes_nothing_of_its_own(
    tmp_path: Path, apis: FakeApis, clock: VirtualClock
) -> None:
    index = _index(tmp_path, LOCAL)
    apis.fail("efetch.fcgi", *[xml(b"", 503)] * 4)
    result = _live(apis, clock, index).search(GOUT, 5)
    pubmed, epmc = result.statuses
    assert pubmed.state is SourceState.FAILED and "PubMed is failing (HTTP 503" in str(
        pubmed.message
    )
    assert epmc.state is SourceState.OK and result.degraded and not result.all_failed
    assert result.note is not None
    assert result.note.startswith("PubMed failed: PubMed is failing")
    assert result.note.endswith("This answer uses Europe PMC only.")
    assert {h.document.source for h in result.hits} == {Source.EUROPEPMC}
    assert not any(i.startswith("pmid:1209") for i in index.all_ids())


def test_when_every_source_fails_the_local_index_is_unchanged(
    tmp_path: Path, apis: FakeApis, clock: VirtualClock
) -> None:
    index = _index(tmp_path, LOCAL)
    before = (index.all_ids(), index.get(LOCAL.id))
    apis.fail("esearch.fcgi", httpx.ConnectError("down"), *[httpx.ConnectTimeout("t")] * 20)
    apis.fail("/search", json_response(b"{not json"), json_response(b"{"))
    result = _live(apis, clock, index).search(GOUT, 5)
    assert result.all_failed and result.hits == [] and result.stored == 0
    assert "check your network" in str(result.statuses[0].message)
    assert "malformed search answer" in str(result.statuses[1].message)
    assert result.note is not None and result.note.endswith("uses the local index only.")
    assert (index.all_ids(), index.get(LOCAL.id)) == before


class _Slow:
    """A retriever that answers only when released (to test the time-out)."""

    name = "pubmed"

    def __init__(self) -> None:
        self.release = threading.Event()

    def search(self, query: Query, k: int) -> list[Hit]:
        return self.retrieve(query, k).hits

    def retrieve(self, query: Query, k: int) -> Retrieval:
        self.release.wait(10)
        return Retrieval(make_hits([(LOCAL, 1.0)]), ("slow",))


class _Fixed:
    name = "europepmc"

    def __init__(self, *docs: Document) -> None:
        self.docs = docs

    def search(self, query: Query, k: int) -> list[Hit]:
        return self.retrieve(query, k).hits

    def retrieve(self, query: Query, k: int) -> Retrieval:
        return Retrieval(make_hits([(d, 1.0 / n) for n, d in enumerate(self.docs, 1)]), ("fixed",))


def _times_out_when_only_one_is_left(
    timeout_s: float,
) -> Callable[..., tuple[set[Future[Any]], set[Future[Any]]]]:
    """A stand-in for LiveSearch's ``concurrent.futures.wait(futures, timeout=...)`` whose
    time-out passes once every source but one has answered (explicit synchronisation: with
    0.2 s of real time, a busy machine could time out the fast source too)."""

    def wait(futures: Any, timeout: float | None = None) -> Any:
        assert timeout == timeout_s  # LiveSearch waits for its time-out ...
        give_up = time.monotonic() + 30.0
        while sum(not f.done() for f in futures) > 1:
            assert time.monotonic() < give_up, "the fast sources never answered"
            concurrent.futures.wait(futures, timeout=1.0, return_when=FIRST_COMPLETED)
        return concurrent.futures.wait(futures, timeout=0)  # ... and here it has passed

    return wait


def test_a_slow_source_times_out_and_is_labelled(monkeypatch: pytest.MonkeyPatch) -> None:
    slow = _Slow()
    doc = LOCAL.model_copy(update={"id": "pmid:1", "source": Source.EUROPEPMC})
    stored: list[Sequence[Document]] = []
    live = LiveSearch([slow, _Fixed(doc)], sink=stored.append, timeout_s=0.2)
    monkeypatch.setattr(live_module, "wait", _times_out_when_only_one_is_left(0.2))
    result = live.search(GOUT, 5)
    slow.release.set()
    assert [s.state for s in result.statuses] == [SourceState.TIMED_OUT, SourceState.OK]
    assert result.statuses[0].message == "no answer within 0s"
    assert [h.document.id for h in result.hits] == ["pmid:1"]
    assert [d.id for d in stored[0]] == ["pmid:1"]  # the late source's documents are not written
    assert stored[0][0].fetched_at is not None  # stamped when the source did not


def test_a_failed_write_is_reported_not_raised() -> None:
    def broken_sink(documents: Sequence[Document]) -> None:
        raise IndexError_("index locked by another medcite process")

    result = LiveSearch([_Fixed(LOCAL)], sink=broken_sink).search(GOUT, 5)
    assert result.stored == 0 and result.store_error == "index locked by another medcite process"
    assert len(result.hits) == 1


def test_index_sink_rolls_back_a_failed_write(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    index = _index(tmp_path, LOCAL)
    real_upsert = IndexWriter.upsert
    calls = {"n": 0}

    def flaky(self: IndexWriter, doc: Document) -> None:
        calls["n"] += 1
        if calls["n"] == 2:
            raise ValueError("disk full")
        real_upsert(self, doc)

    monkeypatch.setattr(IndexWriter, "upsert", flaky)
    docs = [LOCAL.model_copy(update={"id": f"pmid:{n}"}) for n in range(3)]
    with pytest.raises(ValueError, match="disk full"):
        IndexSink(index)(docs)
    assert index.all_ids() == [LOCAL.id]


def test_unexpected_errors_are_not_swallowed() -> None:
    class Buggy(_Fixed):
        def retrieve(self, query: Query, k: int) -> Retrieval:
            raise KeyError("bug")

    with pytest.raises(KeyError):
        LiveSearch([Buggy()]).search(GOUT, 5)


# --- the rate limit under load ----------------------------------------------------------------


def max_per_window(times: list[float], window: float = 1.0, resolution: float = 1e-6) -> int:
    """The most requests that arrived within any half-open window of ``window`` seconds.

    Arrival times are compared at ``resolution`` (1 µs), so float rounding of virtual times
    (``now + (slot - now)``) cannot make two requests a second apart look closer.
    """
    ordered = sorted(times)
    best, start = 0, 0
    for end, at in enumerate(ordered):
        while ordered[start] <= at - window + resolution:
            start += 1
        best = max(best, end - start + 1)
    return best


def _fifty_questions(apis: FakeApis, live: LiveSearch) -> list[Any]:
    questions = [Query(question=f"question {n}", focus=f"topic {n}") for n in range(50)]
    with ThreadPoolExecutor(max_workers=50) as pool:
        return list(pool.map(lambda q: live.search(q, 5), questions))


def test_max_per_window() -> None:
    assert max_per_window([0, 0.5, 0.99, 1.0, 1.5]) == 3
    assert max_per_window([0, 1, 2, 3]) == 1
    assert max_per_window([]) == 0


@pytest.mark.parametrize(("env", "limit"), [({}, 3), ({"NCBI_API_KEY": "secret"}, 10)])
def test_fifty_concurrent_questions_never_exceed_the_rate_limits(
    env: dict[str, str], limit: int
) -> None:
    clock = VirtualClock()
    apis = FakeApis(clock, latency=0.3)
    epmc_5 = EuropePmcSettings(requests_per_s=5)
    live = _live(apis, clock, env=env, europepmc=epmc_5, timeout_s=600)  # virtual seconds
    results = _fifty_questions(apis, live)
    assert all(not r.degraded and r.hits for r in results)
    ncbi = [t for host, t in apis.arrivals if host == EUTILS_HOST]
    epmc = [t for host, t in apis.arrivals if host == EPMC_HOST]
    assert len(ncbi) == 50 * 5 and len(epmc) == 50 * 2  # 4 ESearch + 1 EFetch; 2 searches
    assert max_per_window(ncbi) <= limit
    if not env:
        assert max_per_window(ncbi) == limit  # the load was enough to reach the limit
    assert max_per_window(epmc) <= 5
    assert max(ncbi) >= len(ncbi) / limit - 1  # the work really was spread over time


def test_the_rate_check_catches_a_client_that_ignores_the_limit() -> None:
    clock = VirtualClock()
    apis = FakeApis(clock, latency=0.3)
    too_fast = PubMedSettings(requests_per_s=10)  # as if the limit were ignored without a key
    live = _live(apis, clock, pubmed=too_fast)
    _fifty_questions(apis, live)
    assert max_per_window([t for host, t in apis.arrivals if host == EUTILS_HOST]) > 3
