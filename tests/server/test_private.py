"""Private by default: full answer ids, Host allow-list, exposure, bearer token, no-store, live
sources only when allowed, audit retention at start (issue 13 §1)."""

from __future__ import annotations

import logging
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from medcite import Engine
from medcite.audit import AuditLog
from medcite.config import AuditRetention, Settings
from medcite.errors import InputError
from medcite.server.access import (
    bind_names,
    check_exposure,
    exposure_line,
    host_name,
    is_loopback,
    with_bind_address,
)
from medcite.server.app import build_server, prune_audit_log
from medcite.server.schemas import ServerSettings

from .conftest import NO_LIMIT, MakeClient, TestClient
from .fakes import DEMO_ID, DEMO_QUESTION, FakeEngine, demo_answer
from .test_api import error_of

TOKEN = "correct-horse-battery-staple-0123456789"


# --- answer ids: full, unguessable ---------------------------------------------------------------


def test_engine_answer_ids_are_uuid4_hex(small_index: Path, tmp_path: Path) -> None:
    engine = Engine(small_index, Settings(index=small_index, audit_log=tmp_path / "a.sqlite3"))
    first = engine.ask("What causes eyelid twitching?").id
    second = engine.ask("What causes eyelid twitching?").id
    for answer_id in (first, second):
        assert len(answer_id) == 32
        assert int(answer_id, 16).bit_length() <= 128
    assert first != second


def test_replay_over_http_needs_the_full_id(make_client: MakeClient, tmp_path: Path) -> None:
    log = AuditLog(tmp_path / "audit.sqlite3")
    stored = demo_answer().model_dump_json()
    log.record(stored, DEMO_QUESTION, {}, [], [])
    client = make_client(FakeEngine(), get_answer=log.get_exact)
    assert client.get(f"/v1/answers/{DEMO_ID}").text == stored
    assert client.get(f"/v1/answers/{DEMO_ID}?format=markdown").status_code == 200
    assert client.get(f"/a/{DEMO_ID}").status_code == 200
    for partial in (DEMO_ID[:4], DEMO_ID[:8], DEMO_ID[:31], DEMO_ID.upper(), DEMO_ID + "0"):
        error_of(client.get(f"/v1/answers/{partial}"), 404, "not_found")
        error_of(client.get(f"/v1/answers/{partial}?format=markdown"), 404, "not_found")
        error_of(client.get(f"/a/{partial}"), 404, "not_found")


def test_a_prefix_never_reaches_the_lookup(make_client: MakeClient) -> None:
    looked_up: list[str] = []
    client = make_client(FakeEngine(), get_answer=looked_up.append)
    error_of(client.get("/v1/answers/18cf"), 404, "not_found")
    assert looked_up == []


# --- Host allow-list -----------------------------------------------------------------------------


@pytest.mark.parametrize("host", ["localhost", "localhost:8000", "127.0.0.1:8000", "[::1]:8000"])
def test_localhost_names_are_allowed(client: TestClient, host: str) -> None:
    assert client.get("/healthz", headers={"Host": host}).status_code == 200


@pytest.mark.parametrize("host", ["evil.example", "evil.example:8000", "localhost.evil", ""])
def test_other_hosts_get_400(client: TestClient, host: str) -> None:
    response = client.get("/v1/limits", headers={"Host": host})
    message = error_of(response, 400, "host_not_allowed")
    assert "DNS rebinding" in message
    assert "--allowed-host" in message
    assert "evil" not in message


def test_configured_hosts_are_allowed(make_client: MakeClient) -> None:
    settings = NO_LIMIT.model_copy(update={"allowed_hosts": ("Med.Example",)})
    client = make_client(FakeEngine(), settings)
    assert client.get("/healthz", headers={"Host": "med.example:8000"}).status_code == 200
    error_of(client.get("/healthz", headers={"Host": "other.example"}), 400, "host_not_allowed")
    every = make_client(FakeEngine(), NO_LIMIT.model_copy(update={"allowed_hosts": ("*",)}))
    assert every.get("/healthz", headers={"Host": "other.example"}).status_code == 200


def test_the_bind_address_is_allowed(monkeypatch: pytest.MonkeyPatch) -> None:
    assert with_bind_address(NO_LIMIT, "192.168.1.5").allowed_hosts == ("192.168.1.5",)
    assert with_bind_address(NO_LIMIT, "[fd00::5]").allowed_hosts == ("fd00::5",)
    monkeypatch.setattr("socket.gethostname", lambda: "MyBox")
    assert bind_names("0.0.0.0") == ("mybox",)
    assert host_name("[FD00::5]:80") == "fd00::5"
    assert host_name("Example.org:443") == "example.org"


def test_allowed_hosts_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MEDCITE_SERVER_ALLOWED_HOSTS", '["med.example"]')
    assert ServerSettings().allowed_hosts == ("med.example",)


# --- exposure ------------------------------------------------------------------------------------


@pytest.mark.parametrize("host", ["127.0.0.1", "127.0.0.2", "localhost", "::1", "[::1]"])
def test_loopback_binds_need_no_flag(host: str) -> None:
    assert is_loopback(host)
    check_exposure(host, expose=False)


@pytest.mark.parametrize("host", ["0.0.0.0", "::", "192.168.1.5", "myhost.example"])
def test_other_binds_need_expose(host: str) -> None:
    assert not is_loopback(host)
    with pytest.raises(InputError, match="--expose"):
        check_exposure(host, expose=False)
    check_exposure(host, expose=True)


def test_build_server_refuses_before_opening_anything(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="--expose"):
        build_server("0.0.0.0", 0, tmp_path / "no-index")
    assert not (tmp_path / "no-index").exists()


def test_the_exposure_line_says_what_and_whether_protected() -> None:
    open_line = exposure_line("0.0.0.0", 8000, NO_LIMIT)
    assert "the API (/v1/), the web page and stored answers" in open_line
    assert "NOT protected" in open_line
    guarded = exposure_line("0.0.0.0", 8000, ServerSettings(api_token=TOKEN))
    assert "protected by MEDCITE_API_TOKEN" in guarded
    assert TOKEN not in guarded


# --- bearer token --------------------------------------------------------------------------------


@pytest.fixture
def guarded(make_client: MakeClient) -> TestClient:
    return make_client(FakeEngine(), ServerSettings(rate_limit_per_minute=0, api_token=TOKEN))


@pytest.mark.parametrize(
    "authorization", [None, "", f"Bearer {TOKEN[:-1]}", f"bearer{TOKEN}", TOKEN, "Basic abc"]
)
def test_api_needs_the_token(guarded: TestClient, authorization: str | None) -> None:
    headers = {} if authorization is None else {"Authorization": authorization}
    for response in (
        guarded.get("/v1/limits", headers=headers),
        guarded.get("/v1/search?q=twitch", headers=headers),
        guarded.post("/v1/answer", json={"question": DEMO_QUESTION}, headers=headers),
        guarded.get(f"/v1/answers/{DEMO_ID}", headers=headers),
    ):
        assert "Authorization: Bearer" in error_of(response, 401, "unauthorized")
        assert response.headers["www-authenticate"] == "Bearer"


def test_the_token_opens_the_api(guarded: TestClient) -> None:
    headers = {"Authorization": f"Bearer {TOKEN}"}
    assert guarded.get("/v1/limits", headers=headers).status_code == 200
    answer = guarded.post("/v1/answer", json={"question": DEMO_QUESTION}, headers=headers)
    assert answer.status_code == 200


def test_the_page_stays_public(guarded: TestClient) -> None:
    for path in ("/", f"/a/{DEMO_ID}", "/static/app.js", "/healthz"):
        assert guarded.get(path).status_code == 200, path


def test_the_token_is_never_logged(guarded: TestClient, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    guarded.get("/v1/limits", headers={"Authorization": f"Bearer {TOKEN}"})
    guarded.get("/v1/limits", headers={"Authorization": f"Bearer {TOKEN}x"})
    assert TOKEN not in caplog.text
    assert TOKEN not in repr(ServerSettings(api_token=TOKEN))


def test_token_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MEDCITE_API_TOKEN", TOKEN)
    token = ServerSettings().api_token
    assert token is not None
    assert token.get_secret_value() == TOKEN


def test_the_page_sends_a_token_given_in_the_fragment() -> None:
    script = (Path(__file__).parents[2] / "src/medcite/server/static/app.js").read_text()
    assert "#token=" in script
    assert 'headers.set("Authorization", `Bearer ${token}`)' in script
    assert script.count("fetch(") == 2  # only inside api(): every request goes through it


# --- no-store ------------------------------------------------------------------------------------


def test_answers_and_searches_are_not_stored(make_client: MakeClient) -> None:
    engine = FakeEngine()
    client = make_client(engine, get_answer=engine.logged)
    answer = client.post("/v1/answer", json={"question": DEMO_QUESTION})
    answer_id = answer.json()["id"]
    for response in (
        answer,
        client.post("/v1/answer?format=markdown", json={"question": DEMO_QUESTION}),
        client.get("/v1/search?q=twitch"),
        client.get(f"/v1/answers/{answer_id}"),
        client.get(f"/v1/answers/{answer_id}?format=markdown"),
        client.post("/v1/answer/stream", json={"question": DEMO_QUESTION}),
    ):
        assert response.status_code == 200
        assert response.headers["cache-control"] == "no-store"


# --- live sources --------------------------------------------------------------------------------


@pytest.mark.parametrize("source", ["live", "auto", "pubmed"])
def test_live_sources_are_off_for_http_clients(client: TestClient, source: str) -> None:
    body = {"question": DEMO_QUESTION, "source": source}
    for response in (
        client.post("/v1/answer", json=body),
        client.post("/v1/answer/stream", json=body),
        client.get("/v1/answer/stream", params={"q": DEMO_QUESTION, "source": source}),
    ):
        assert "medcite serve --allow-live" in error_of(response, 403, "live_sources_off")


def test_allow_live_lets_them_through(make_client: MakeClient) -> None:
    engine = FakeEngine()
    client = make_client(engine, NO_LIMIT.model_copy(update={"allow_live": True}))
    response = client.post("/v1/answer", json={"question": DEMO_QUESTION, "source": "live"})
    assert response.status_code == 200
    assert client.post("/v1/answer", json={"question": DEMO_QUESTION}).status_code == 200


# --- audit retention at start --------------------------------------------------------------------


def test_the_server_prunes_the_audit_log_at_start(
    small_index: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "audit.sqlite3"
    now = datetime.now(UTC)
    for n, days in enumerate([365, 200, 2]):
        log = AuditLog(path, now=lambda d=days: now - timedelta(days=d))  # type: ignore[misc]
        log.record(f'{{"id": "{n:032x}"}}', f"q{n}", {}, [], [])
    caplog.set_level(logging.INFO, logger="medcite.server")
    build_server("127.0.0.1", 0, small_index, audit_log=path)
    assert AuditLog(path).count() == 1  # default retention: 90 days
    assert "removed 2 answers" in caplog.text
    assert prune_audit_log(path, AuditRetention(max_age_days=None, max_entries=None)) == 0
    assert prune_audit_log(tmp_path / "none.sqlite3", AuditRetention()) == 0
    assert not (tmp_path / "none.sqlite3").exists()
