"""Text that is not valid Unicode (a lone surrogate, which JSON can carry) is a 4xx with a
message, never a 500 or a traceback."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from fastapi.testclient import TestClient

from medcite import Engine
from medcite.config import Settings


def test_a_lone_surrogate_in_a_question_is_a_client_error(
    make_client: Callable[..., TestClient], small_index: Path, tmp_path: Path
) -> None:
    engine = Engine(small_index, Settings(index=small_index, audit_log=tmp_path / "a.sqlite3"))
    client = make_client(engine)
    body = '{"question": "gout \\ud800 causes"}'  # valid JSON, not valid Unicode text
    response = client.post("/v1/answer", content=body, headers={"content-type": "application/json"})
    assert 400 <= response.status_code < 500, (response.status_code, response.text)
    message = json.loads(response.text)["error"]["message"]
    assert "not valid text" in message, message
