"""Run an iterator on a background thread, a bounded number of items ahead of its consumer.

Ingest overlaps work that releases the GIL (zlib/ISA-L decompression, libxml2 parsing) with the
Python work of the consuming thread. At most ``ahead`` items are buffered; the thread stops when
the items end, fail or are abandoned, and a failure in it is raised in the consuming thread.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Generic, TypeVar

T = TypeVar("T")

_POLL_SECONDS = 0.05


@dataclass(frozen=True)
class _Failed:
    error: BaseException


class _End:
    pass


_END = _End()


@dataclass
class _Channel(Generic[T]):
    items: queue.Queue[T | _Failed | _End]
    stop: threading.Event

    def put(self, item: T | _Failed | _End) -> bool:
        """Hand ``item`` over; False once the consumer has gone away."""
        while not self.stop.is_set():
            try:
                self.items.put(item, timeout=_POLL_SECONDS)
                return True
            except queue.Full:
                continue
        return False

    def drain(self) -> None:
        while True:
            try:
                self.items.get_nowait()
            except queue.Empty:
                return


@contextmanager
def prefetched(items: Iterator[T], ahead: int, name: str) -> Iterator[Iterator[T]]:
    """``items`` produced on a thread called ``name``, consumed by the caller in order."""
    channel: _Channel[T] = _Channel(queue.Queue(maxsize=ahead), threading.Event())
    worker = threading.Thread(target=_produce, args=(items, channel), name=name, daemon=True)
    worker.start()
    try:
        yield _consume(channel)
    finally:
        channel.stop.set()
        channel.drain()
        worker.join()


def _produce(items: Iterator[T], channel: _Channel[T]) -> None:
    try:
        for item in items:
            if not channel.put(item):
                return
    except Exception as exc:  # noqa: BLE001 - handed over to the consuming thread and raised there
        channel.put(_Failed(exc))
        return
    finally:
        close = getattr(items, "close", None)
        if close is not None:
            close()
    channel.put(_END)


def _consume(channel: _Channel[T]) -> Iterator[T]:
    while True:
        item = channel.items.get()
        if isinstance(item, _End):
            return
        if isinstance(item, _Failed):
            raise item.error
        yield item
