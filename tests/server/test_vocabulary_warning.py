"""``medcite serve`` says at start when the vocabulary is missing (answers are weaker)."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from medcite.server.app import build_server


def test_serving_an_index_without_a_vocabulary_warns(
    small_index: Path, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.WARNING, logger="medcite.server"):
        build_server("127.0.0.1", 0, small_index, log_level="warning")
    warned = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert any("no vocabulary is loaded" in m and "medcite vocab load" in m for m in warned)
