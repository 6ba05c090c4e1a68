"""Server test fixtures: TestClient over a fake engine, a live uvicorn, headless Chromium."""

from __future__ import annotations

import json
import socket
import threading
import warnings
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
import uvicorn
from fastapi import FastAPI

from medcite import Engine
from medcite.server.app import create_app
from medcite.server.schemas import ServerSettings

from .fakes import FakeEngine

with warnings.catch_warnings():
    warnings.filterwarnings("ignore", message="Using `httpx` with `starlette.testclient`")
    from fastapi.testclient import TestClient

if TYPE_CHECKING:
    from playwright.sync_api import Browser

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
ROOT = Path(__file__).resolve().parents[2]
TEST_OUTPUT = ROOT / "test-output" / "server"
NO_LIMIT = ServerSettings(rate_limit_per_minute=0)

MakeClient = Callable[..., TestClient]


@pytest.fixture
def engine() -> FakeEngine:
    return FakeEngine()


@pytest.fixture
def make_client() -> Iterator[MakeClient]:
    """``make_client(engine, settings=..., get_answer=...)`` → a started TestClient."""
    clients: list[TestClient] = []

    def make(engine: Any, settings: ServerSettings = NO_LIMIT, **kwargs: Any) -> TestClient:
        app = create_app(engine, settings, **kwargs)
        client = TestClient(app, base_url="http://localhost", raise_server_exceptions=False)
        clients.append(client.__enter__())
        return client

    yield make
    for client in clients:
        client.__exit__(None, None, None)


@pytest.fixture
def client(make_client: MakeClient, engine: FakeEngine) -> TestClient:
    return make_client(engine)


@dataclass
class LiveServer:
    server: uvicorn.Server
    thread: threading.Thread
    url: str

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=15)


def start_live(app: FastAPI, grace_seconds: int = 5) -> LiveServer:
    """uvicorn serving ``app`` on 127.0.0.1 at a free port, in a thread; returns once it listens."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    config = uvicorn.Config(
        app, log_level="warning", access_log=False, timeout_graceful_shutdown=grace_seconds
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    for _ in range(500):
        if server.started:
            break
        thread.join(timeout=0.01)
    assert server.started, "uvicorn did not start"
    return LiveServer(server, thread, f"http://127.0.0.1:{port}")


@pytest.fixture(scope="module")
def live_server() -> Iterator[LiveServer]:
    engine = FakeEngine(delay=0.2)
    live = start_live(create_app(engine, NO_LIMIT, get_answer=engine.logged))
    yield live
    live.stop()


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    if not CHROMIUM.exists():
        pytest.skip(f"browser tests need Debian's chromium at {CHROMIUM}: apt-get install chromium")
    sync_api = pytest.importorskip(
        "playwright.sync_api", reason="browser tests need the playwright package"
    )
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def test_output() -> Path:
    TEST_OUTPUT.mkdir(parents=True, exist_ok=True)
    return TEST_OUTPUT


LEAFLET: dict[str, Any] = {
    "id": "leaflet:eyelid-twitch",
    "title": "Eyelid twitching",
    "text": "Eyelid twitching is usually harmless. Eyelid twitching can be caused by "
    "fatigue, stress, or caffeine. See a doctor if the twitching lasts more than a week.",
    "source": "Clinic leaflets",
    "url": "https://clinic.example/eyelid-twitch",
    "publication_types": ["Practice Guideline"],
    "year": 2020,
}
"""A guideline-level row about eyelid twitching, shared by the tests over a real index."""
ROWS = [
    LEAFLET,
    {
        "id": "pmid:100",
        "title": "Botulinum toxin for hemifacial spasm: a randomized trial",
        "text": "Botulinum toxin injections reduced hemifacial spasm in most patients.",
        "pmid": "100",
        "publication_types": ["Randomized Controlled Trial"],
        "year": 2019,
        "authors": ["Smith JA", "Jones B"],
    },
]


@pytest.fixture(scope="session")
def small_index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("server-index")
    rows = folder / "rows.jsonl"
    rows.write_text("\n".join(json.dumps(r) for r in ROWS) + "\n", encoding="utf-8")
    index = folder / "index"
    report = Engine(index).ingest([rows])
    assert report.added == len(ROWS)
    return index
