"""The answer cache: hits, misses, the X-Answer-Cache header, invalidation, errors never cached."""

from __future__ import annotations

import json
import time
from collections.abc import Hashable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from medcite import Engine
from medcite.config import Settings
from medcite.records import Answer
from medcite.server.answers import CACHE_HEADER
from medcite.server.cache import AnswerCache, AnswerKey, answer_key, normalise_question
from medcite.server.schemas import ServerSettings
from medcite.server.shared_cache import PRUNE_EVERY, SharedAnswerStore

from .conftest import LEAFLET, NO_LIMIT, MakeClient
from .fakes import DEMO_QUESTION, FakeEngine, demo_answer, unreachable_source

if TYPE_CHECKING:
    from fastapi.testclient import TestClient


class Generation:
    """A hand-driven index identity: ``bump()`` is a re-ingest."""

    def __init__(self) -> None:
        self.value = 0

    def __call__(self) -> Hashable:
        return self.value

    def bump(self) -> None:
        self.value += 1


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def ask(client: TestClient, question: str = DEMO_QUESTION, **body: object) -> tuple[str, Any]:
    response = client.post("/v1/answer", json={"question": question, **body})
    assert response.status_code == 200, response.text
    return response.headers[CACHE_HEADER], response.json()


KEY = AnswerKey("What causes facial twitches?", "local", 12)


# --- the cache itself ---------------------------------------------------------------------------


def test_keys_normalise_whitespace_and_unicode_but_keep_case() -> None:
    assert (
        normalise_question("  What causes\tfacial\n twitches? ") == "What causes facial twitches?"
    )
    assert normalise_question("cafe\u0301") == normalise_question("caf\u00e9")
    assert normalise_question("What is AIDS?") != normalise_question("what is aids?")
    assert answer_key(" What causes  facial twitches?", "local", 12) == KEY
    assert answer_key(DEMO_QUESTION, "live", 12) is None
    assert answer_key(DEMO_QUESTION, "auto", 12) is None


def test_the_long_form_has_its_own_key() -> None:
    long = answer_key(DEMO_QUESTION, "local", 12, detail=True)
    assert long is not None
    assert long != KEY
    assert long.text() != KEY.text()  # the shared store keeps them apart too
    assert answer_key(DEMO_QUESTION, "local", 12, detail=False) == KEY


def test_least_recently_used_entry_is_evicted_first() -> None:
    generation = Generation()
    cache = AnswerCache(2, generation)
    keys = [AnswerKey(f"question {n}", "local", 12) for n in range(3)]
    cache.put(keys[0], demo_answer("question 0"), generation())
    cache.put(keys[1], demo_answer("question 1"), generation())
    assert cache.get(keys[0]) is not None  # 0 is now more recent than 1
    cache.put(keys[2], demo_answer("question 2"), generation())
    assert len(cache) == 2
    assert cache.get(keys[1]) is None
    assert cache.get(keys[0]) is not None and cache.get(keys[2]) is not None
    assert (cache.hits, cache.misses) == (3, 1)


def test_entries_expire_after_the_ttl() -> None:
    clock, generation = Clock(), Generation()
    cache = AnswerCache(10, generation, ttl_seconds=60, clock=clock)
    cache.put(KEY, demo_answer(), generation())
    clock.now += 59
    assert cache.get(KEY) is not None
    clock.now += 2
    assert cache.get(KEY) is None
    assert len(cache) == 0


def test_a_changed_index_drops_every_entry() -> None:
    generation = Generation()
    cache = AnswerCache(10, generation)
    cache.put(KEY, demo_answer(), generation())
    generation.bump()
    assert cache.get(KEY) is None
    assert len(cache) == 0


def test_answers_are_not_stored_until_a_changed_index_has_settled() -> None:
    clock, generation = Clock(), Generation()
    cache = AnswerCache(10, generation, clock=clock, settle_seconds=5)
    cache.put(KEY, demo_answer(), generation())  # the index as opened at start: settled
    assert cache.get(KEY) is not None
    generation.bump()
    assert cache.get(KEY) is None  # the change is noticed here
    clock.now += 4
    cache.put(KEY, demo_answer(), cache.generation())  # the searcher may not have reloaded yet
    assert cache.get(KEY) is None
    clock.now += 1
    cache.put(KEY, demo_answer(), cache.generation())
    assert cache.get(KEY) is not None


def test_an_answer_computed_while_the_index_changed_is_not_stored() -> None:
    generation = Generation()
    cache = AnswerCache(10, generation)
    before = cache.generation()
    generation.bump()  # a re-ingest finished while the engine was answering
    cache.put(KEY, demo_answer(), before)
    assert cache.get(KEY) is None


def test_the_stored_entry_is_the_answer_json_and_its_markdown() -> None:
    generation = Generation()
    cache = AnswerCache(10, generation)
    answer = demo_answer()
    cache.put(KEY, answer, generation())
    found = cache.get(KEY)
    assert found is not None
    assert Answer.model_validate_json(found.json) == answer
    assert "Hemifacial spasm" in found.markdown


@pytest.mark.parametrize(("entries", "ttl"), [(0, 60.0), (1, 0.0)])
def test_bad_bounds_are_refused(entries: int, ttl: float) -> None:
    with pytest.raises(ValueError, match="max_entries"):
        AnswerCache(entries, Generation(), ttl_seconds=ttl)


# --- shared by worker processes ----------------------------------------------------------------


def test_workers_share_answers_through_the_shared_store(tmp_path: Path) -> None:
    store_path, generation = tmp_path / "answers.sqlite3", Generation()
    first = AnswerCache(10, generation, shared=SharedAnswerStore(store_path, 10, 60))
    second = AnswerCache(10, generation, shared=SharedAnswerStore(store_path, 10, 60))
    answer = demo_answer()
    first.put(KEY, answer, generation())
    found = second.get(KEY)
    assert found is not None and Answer.model_validate_json(found.json) == answer
    assert len(second) == 1  # now kept in the second worker's memory too
    generation.bump()
    assert second.get(KEY) is None and first.get(KEY) is None


def test_the_shared_store_honours_the_ttl_and_its_size(tmp_path: Path) -> None:
    clock = Clock()
    store = SharedAnswerStore(tmp_path / "answers.sqlite3", 2, 60, clock=clock)
    store.put("a", "g", "{}", "# a")
    clock.now += 61
    assert store.get("a", "g") is None
    for n in range(PRUNE_EVERY):
        clock.now += 0.01
        store.put(f"k{n}", "g", "{}", f"# {n}")
    assert store.get(f"k{PRUNE_EVERY - 1}", "g") is not None
    assert store.get("k0", "g") is None  # pruned: only the 2 newest are kept
    assert store.get(f"k{PRUNE_EVERY - 1}", "other generation") is None


def test_a_broken_shared_store_is_a_miss_not_an_error(tmp_path: Path) -> None:
    store = SharedAnswerStore(tmp_path / "missing-dir" / "answers.sqlite3", 10, 60)
    store.put("a", "g", "{}", "# a")
    assert store.get("a", "g") is None


# --- through the API ----------------------------------------------------------------------------


def test_a_repeated_question_is_a_hit_with_the_same_answer(make_client: MakeClient) -> None:
    engine = FakeEngine()
    client = make_client(engine, index_identity=Generation())
    first_status, first = ask(client)
    second_status, second = ask(client, "  What causes   facial twitches? ")
    assert (first_status, second_status) == ("miss", "hit")
    assert second == first  # same id, same created_at: the answer given before
    assert len(engine.asked) == 1


def test_max_refs_and_source_are_part_of_the_key(make_client: MakeClient) -> None:
    engine = FakeEngine()
    live = NO_LIMIT.model_copy(update={"allow_live": True})
    client = make_client(engine, live, index_identity=Generation())
    assert ask(client, max_refs=5)[0] == "miss"
    assert ask(client, max_refs=6)[0] == "miss"
    assert ask(client, max_refs=5)[0] == "hit"
    assert ask(client, source="live")[0] == "bypass"
    assert ask(client, source="live")[0] == "bypass"
    assert len(engine.asked) == 4


def test_detail_is_part_of_the_key(make_client: MakeClient) -> None:
    engine = FakeEngine()
    client = make_client(engine, index_identity=Generation())
    short_status, short = ask(client)
    long_status, long = ask(client, detail=True)
    assert (short_status, long_status) == ("miss", "miss")
    assert ask(client, detail=True) == ("hit", long)
    assert ask(client, detail=False) == ("hit", short)
    assert (short["detail"], long["detail"]) == (False, True)
    assert short["id"] != long["id"]
    assert engine.details == [False, True]
    with client.stream(
        "POST", "/v1/answer/stream", json={"question": DEMO_QUESTION, "detail": True}
    ) as stream:
        assert stream.headers[CACHE_HEADER] == "hit"
        assert json.loads(list(stream.iter_lines())[-2].removeprefix("data: "))["id"] == long["id"]


def test_workers_share_the_short_and_long_forms_apart(tmp_path: Path) -> None:
    generation = Generation()
    store = SharedAnswerStore(tmp_path / "shared.sqlite3", 10, 60.0)
    first = AnswerCache(10, generation, shared=store, settle_seconds=0)
    second = AnswerCache(10, generation, shared=store, settle_seconds=0)
    long_key = AnswerKey(KEY.question, KEY.source, KEY.max_refs, detail=True)
    first.put(KEY, demo_answer(), generation())
    first.put(long_key, demo_answer(detail=True), generation())
    short_hit, long_hit = second.get(KEY), second.get(long_key)
    assert short_hit is not None and long_hit is not None
    assert Answer.model_validate_json(short_hit.json).detail is False
    assert Answer.model_validate_json(long_hit.json).detail is True


def test_a_changed_index_invalidates_cached_answers(make_client: MakeClient) -> None:
    engine, generation = FakeEngine(), Generation()
    client = make_client(engine, index_identity=generation)
    assert ask(client)[0] == "miss"
    assert ask(client)[0] == "hit"
    generation.bump()
    assert ask(client)[0] == "miss"
    assert len(engine.asked) == 2


def test_errors_are_never_cached(make_client: MakeClient) -> None:
    engine = FakeEngine(fail=unreachable_source())
    client = make_client(engine, index_identity=Generation())
    for _ in range(2):
        response = client.post("/v1/answer", json={"question": DEMO_QUESTION})
        assert response.status_code == 502
        assert response.json()["error"]["code"] == "source_unavailable"
    engine.fail = None
    assert ask(client)[0] == "miss"
    assert ask(client)[0] == "hit"
    assert len(engine.asked) == 3


def test_markdown_and_the_stream_are_served_from_the_cache(make_client: MakeClient) -> None:
    engine = FakeEngine()
    client = make_client(engine, index_identity=Generation())
    _, answer = ask(client)
    markdown = client.post("/v1/answer?format=markdown", json={"question": DEMO_QUESTION})
    assert markdown.headers[CACHE_HEADER] == "hit"
    assert markdown.text.startswith("#") and "Hemifacial spasm" in markdown.text
    with client.stream("GET", "/v1/answer/stream", params={"q": DEMO_QUESTION}) as stream:
        assert stream.headers[CACHE_HEADER] == "hit"
        lines = list(stream.iter_lines())
    events = [line.removeprefix("event: ") for line in lines if line.startswith("event:")]
    assert events == ["stage"] * 4 + ["markdown", "answer"]
    data = [line.removeprefix("data: ") for line in lines if line.startswith("data:")]
    assert json.loads(data[-1])["id"] == answer["id"]
    assert len(engine.asked) == 1


def test_a_streamed_answer_fills_the_cache(make_client: MakeClient) -> None:
    engine = FakeEngine()
    client = make_client(engine, index_identity=Generation())
    with client.stream("GET", "/v1/answer/stream", params={"q": DEMO_QUESTION}) as stream:
        assert stream.headers[CACHE_HEADER] == "miss"
        stream.read()
    assert ask(client)[0] == "hit"
    assert len(engine.asked) == 1


def test_the_cache_can_be_turned_off(make_client: MakeClient) -> None:
    engine = FakeEngine()
    settings = ServerSettings(rate_limit_per_minute=0, answer_cache_entries=0)
    client = make_client(engine, settings, index_identity=Generation())
    assert [ask(client)[0] for _ in range(2)] == ["bypass", "bypass"]
    assert len(engine.asked) == 2


def test_without_an_index_identity_nothing_is_cached(make_client: MakeClient) -> None:
    engine = FakeEngine()  # no index_path and no identity: a re-ingest could not be noticed
    client = make_client(engine, NO_LIMIT)
    assert [ask(client)[0] for _ in range(2)] == ["bypass", "bypass"]


# --- over a real index --------------------------------------------------------------------------

ROWS = [
    LEAFLET,
    {
        "id": "pmid:100",
        "title": "What causes eyelid twitching? A systematic review",
        "text": "Eyelid twitching is most often caused by caffeine, stress and lack of sleep.",
        "pmid": "100",
        "publication_types": ["Systematic Review"],
        "year": 2019,
    },
]
QUESTION = "What causes eyelid twitching?"


def ingest(index: Path, rows: list[dict[str, object]]) -> None:
    source = index.parent / f"rows-{len(rows)}.jsonl"
    source.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    assert not Engine(index).ingest([source]).failed


def wait_until_searchable(engine: Engine, doc_id: str) -> None:
    """tantivy's searcher reloads a moment after a commit."""
    deadline = time.monotonic() + 10
    while doc_id not in {h.document.id for h in engine.search("eyelid twitching")}:
        assert time.monotonic() < deadline, f"{doc_id} never became searchable"
        time.sleep(0.05)


def test_real_index_hits_replay_from_the_audit_log_and_reingest_invalidates(
    make_client: MakeClient, tmp_path: Path
) -> None:
    from medcite.audit import AuditLog

    index, audit = tmp_path / "index", tmp_path / "audit.sqlite3"
    ingest(index, ROWS[:1])
    engine = Engine(index, Settings(index=index, audit_log=audit))
    client = make_client(engine, get_answer=AuditLog(audit).get)
    status, first = ask(client, QUESTION)
    assert status == "miss"
    status, again = ask(client, QUESTION)
    assert status == "hit" and again["id"] == first["id"]
    replayed = client.get(f"/v1/answers/{again['id']}")
    assert replayed.status_code == 200
    assert replayed.json()["id"] == first["id"]
    ingest(index, ROWS)  # a re-ingest rewrites the index's meta.json: the cache is dropped
    wait_until_searchable(engine, "pmid:100")
    status, fresh = ask(client, QUESTION)
    assert status == "miss" and fresh["id"] != first["id"]
    assert "pmid:100" in {r["document_id"] for r in fresh["references"]}
