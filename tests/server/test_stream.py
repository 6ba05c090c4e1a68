"""The answer stream (SSE): stage events in order, then markdown and the answer, or an error."""

from __future__ import annotations

import json
import time
from dataclasses import dataclass

import httpx
import pytest

from medcite.records import Answer
from medcite.server.app import create_app
from medcite.server.schemas import ErrorResponse, StageEvent
from medcite.server.stream import AskRunner, StageTracker

from .conftest import NO_LIMIT, MakeClient, TestClient, start_live
from .fakes import (
    DEMO_QUESTION,
    STAGES,
    FakeEngine,
    NoProgressEngine,
    demo_answer,
    unreachable_source,
)


@dataclass
class Event:
    name: str
    data: dict[str, object]


def parse_events(text: str) -> list[Event]:
    events = []
    for block in text.strip().split("\n\n"):
        lines = dict(line.split(": ", 1) for line in block.splitlines())
        events.append(Event(lines["event"], json.loads(lines["data"])))
    return events


def stream(client: TestClient, question: str = DEMO_QUESTION) -> list[Event]:
    with client.stream("GET", "/v1/answer/stream", params={"q": question}) as response:
        assert response.status_code == 200
        assert response.headers["content-type"].startswith("text/event-stream")
        assert response.headers["cache-control"] == "no-store"
        assert response.headers["x-request-id"]
        return parse_events(response.read().decode())


def stages_of(events: list[Event]) -> list[object]:
    return [e.data["stage"] for e in events if e.name == "stage"]


@pytest.mark.parametrize("engine_type", [FakeEngine, NoProgressEngine])
def test_stages_in_order_then_markdown_then_answer(
    make_client: MakeClient, engine_type: type[FakeEngine]
) -> None:
    events = stream(make_client(engine_type()))
    assert [e.name for e in events] == ["stage"] * 4 + ["markdown", "answer"]
    assert stages_of(events) == list(STAGES)
    for position, event in enumerate(events[:4], start=1):
        stage = StageEvent.model_validate(event.data)
        assert (stage.index, stage.total) == (position, 4)
    assert str(events[4].data["markdown"]).startswith("# What causes facial twitches?")
    assert Answer.model_validate(events[5].data) == demo_answer()


def test_post_stream_takes_the_question_in_the_body(client: TestClient) -> None:
    with client.stream("POST", "/v1/answer/stream", json={"question": DEMO_QUESTION}) as response:
        events = parse_events(response.read().decode())
    assert [e.name for e in events][-2:] == ["markdown", "answer"]


@pytest.mark.parametrize("engine_type", [FakeEngine, NoProgressEngine])
def test_stream_passes_detail(make_client: MakeClient, engine_type: type[FakeEngine]) -> None:
    engine = engine_type()
    client = make_client(engine)
    params = {"q": DEMO_QUESTION, "detail": "true"}
    with client.stream("GET", "/v1/answer/stream", params=params) as response:
        got = parse_events(response.read().decode())[-1].data
    body = {"question": DEMO_QUESTION, "detail": True}
    with client.stream("POST", "/v1/answer/stream", json=body) as response:
        posted = parse_events(response.read().decode())[-1].data
    assert stream(client)[-1].data["detail"] is False
    assert (got["detail"], posted["detail"]) == (True, True)
    assert engine.details == [True, True, False]


def test_invalid_stream_requests_are_json_errors_not_streams(client: TestClient) -> None:
    for params in ({"q": ""}, {"q": "x" * 1001}, {"q": DEMO_QUESTION, "max_refs": 0}, {}):
        response = client.get("/v1/answer/stream", params=params)
        assert response.status_code == 400  # a bad query parameter
        assert response.headers["content-type"] == "application/json"
        ErrorResponse.model_validate_json(response.text)


@pytest.mark.parametrize(
    ("error", "code"),
    [(unreachable_source(), "source_unavailable"), (RuntimeError("boom"), "internal")],
)
def test_errors_while_answering_end_the_stream(
    make_client: MakeClient, error: Exception, code: str
) -> None:
    events = stream(make_client(FakeEngine(fail=error)))
    assert [e.name for e in events] == ["stage"] * 4 + ["error"]
    body = ErrorResponse.model_validate(events[-1].data)
    assert body.error.code == code
    assert "boom" not in body.error.message


def test_tracker_drops_unknown_repeated_and_backward_stages() -> None:
    tracker = StageTracker(clock=lambda: 0.0)
    reported = ["understanding", "understanding", "searching", "warming up", "understanding"]
    emitted = [e for stage in reported for e in tracker.report(stage)]
    assert [json.loads(e.decode().split("data: ")[1])["stage"] for e in emitted] == [
        "understanding",
        "searching",
    ]
    rest = [json.loads(e.decode().split("data: ")[1])["stage"] for e in tracker.remaining()]
    assert rest == ["ranking", "composing"]


def test_runner_detects_progress_support() -> None:
    with_progress = AskRunner.for_engine(FakeEngine())
    without = AskRunner.for_engine(NoProgressEngine())
    assert with_progress is not None and with_progress.accepts_progress
    assert without is not None and not without.accepts_progress
    assert AskRunner.for_engine(object()) is None


def test_first_progress_event_arrives_at_once() -> None:
    """Target: first progress event ≤ 100 ms after submit, even when answering takes a second."""
    live = start_live(create_app(FakeEngine(delay=1.0), NO_LIMIT))
    try:
        with httpx.Client(base_url=live.url, timeout=10) as http:
            http.get("/healthz")  # connect outside the timing
            started = time.perf_counter()
            with http.stream("GET", "/v1/answer/stream", params={"q": DEMO_QUESTION}) as response:
                lines = response.iter_lines()
                first = next(lines)
                first_ms = (time.perf_counter() - started) * 1000
                rest = "\n".join(lines)
        assert first == "event: stage"
        assert first_ms < 100, f"first progress event after {first_ms:.0f} ms"
        assert "event: answer" in rest
    finally:
        live.stop()
