"""Fixtures for the live-source tests: no network, a virtual clock, fake remote APIs."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from pathlib import Path

import pytest

from conftest import need

from .fakes import API_FIXTURES, FakeApis, VirtualClock


@pytest.fixture(autouse=True)
def no_network(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Any attempt to open a real socket fails the test."""

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError(f"test tried to use the network: {args}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    yield


@pytest.fixture
def clock() -> VirtualClock:
    return VirtualClock()


@pytest.fixture
def apis(clock: VirtualClock) -> FakeApis:
    return FakeApis(clock)


@pytest.fixture
def api_fixtures() -> Path:
    need(API_FIXTURES)
    return API_FIXTURES
