"""The ``mirror`` fixture: a local HTTP server standing in for NCBI, NLM and GitHub."""

from __future__ import annotations

import functools
import threading
from collections.abc import Iterator
from http.server import ThreadingHTTPServer
from pathlib import Path

import pytest

from .local_mirror import Handler, Mirror


@pytest.fixture
def mirror(tmp_path: Path) -> Iterator[Mirror]:
    state = Mirror(tmp_path / "mirror")
    state.root.mkdir()
    handler = type("Handler", (Handler,), {"mirror": state})
    server = ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(handler, directory=str(state.root))
    )
    state.url = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    yield state
    server.shutdown()
    server.server_close()
    thread.join(5)
