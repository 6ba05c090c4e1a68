"""Read a byte stream ahead in a background thread.

Decompressing gzip in the reader thread (zlib releases the GIL) overlaps with XML parsing in the
main thread, which makes ingesting a ``.xml.gz`` file about 10% faster on two cores. At most a few
MiB are buffered; the thread stops when reading ends, fails or is abandoned, and a failure in it
(truncated gzip ...) is raised in the reading thread.
"""

from __future__ import annotations

import gzip
import io
import queue
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import IO, TYPE_CHECKING

if TYPE_CHECKING:
    from _typeshed import WriteableBuffer

CHUNK_BYTES = 1 << 20
CHUNKS_AHEAD = 4


# --- input --------------------------------------------------------------------------------------


@contextmanager
def read_ahead(stream: IO[bytes] | gzip.GzipFile) -> Iterator[io.BufferedReader]:
    """``stream`` as a buffered (peekable) reader filled by a background thread."""
    chunks: queue.Queue[bytes | Exception] = queue.Queue(maxsize=CHUNKS_AHEAD)
    stop = threading.Event()
    reader = threading.Thread(
        target=_pump, args=(stream, chunks, stop), name="medcite-read-ahead", daemon=True
    )
    reader.start()
    try:
        yield io.BufferedReader(_QueueStream(chunks), buffer_size=CHUNK_BYTES)
    finally:
        stop.set()
        _drain(chunks)
        reader.join()


def _pump(
    stream: IO[bytes] | gzip.GzipFile, chunks: queue.Queue[bytes | Exception], stop: threading.Event
) -> None:
    try:
        while not stop.is_set():
            chunk = _read_chunk(stream)
            _put(chunks, chunk, stop)
            if not chunk:
                return
    except Exception as exc:  # noqa: BLE001 - handed over to the parsing thread and raised there
        _put(chunks, exc, stop)


def _read_chunk(stream: IO[bytes] | gzip.GzipFile) -> bytes:
    """Up to a full chunk (short reads of pipes and sockets are topped up); b"" at the end."""
    parts = [stream.read(CHUNK_BYTES)]
    size = len(parts[0])
    while 0 < size < CHUNK_BYTES and (more := stream.read(CHUNK_BYTES - size)):
        parts.append(more)
        size += len(more)
    return parts[0] if len(parts) == 1 else b"".join(parts)


def _put(
    chunks: queue.Queue[bytes | Exception], item: bytes | Exception, stop: threading.Event
) -> None:
    while not stop.is_set():
        try:
            chunks.put(item, timeout=0.05)
            return
        except queue.Full:
            continue


def _drain(chunks: queue.Queue[bytes | Exception]) -> None:
    while True:
        try:
            chunks.get_nowait()
        except queue.Empty:
            return


class _QueueStream(io.RawIOBase):
    """A raw byte stream whose data arrives in chunks through a queue (see :func:`_read_ahead`)."""

    def __init__(self, chunks: queue.Queue[bytes | Exception]) -> None:
        super().__init__()
        self._chunks = chunks
        self._pending = memoryview(b"")
        self._ended = False

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: WriteableBuffer, /) -> int:
        if not self._pending and not self._ended:
            self._pending = memoryview(self._next_chunk())
        target = memoryview(buffer).cast("B")
        size = min(len(self._pending), len(target))
        target[:size] = self._pending[:size]
        self._pending = self._pending[size:]
        return size

    def _next_chunk(self) -> bytes:
        item = self._chunks.get()
        if isinstance(item, Exception):
            self._ended = True
            raise item
        self._ended = not item
        return item
