"""Read a byte stream ahead in a background thread.

Decompressing gzip in the reader thread (zlib and ISA-L release the GIL) overlaps with XML
parsing, which makes ingesting a ``.xml.gz`` file faster on two cores. At most a few MiB are
buffered; a failure in the thread (truncated gzip ...) is raised in the reading thread.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from contextlib import contextmanager
from typing import IO, TYPE_CHECKING

from medcite.ingest.background import prefetched

if TYPE_CHECKING:
    from _typeshed import WriteableBuffer

CHUNK_BYTES = 1 << 20
CHUNKS_AHEAD = 4


@contextmanager
def read_ahead(stream: IO[bytes]) -> Iterator[io.BufferedReader]:
    """``stream`` as a buffered (peekable) reader filled by a background thread."""
    with prefetched(_chunks(stream), CHUNKS_AHEAD, "medcite-read-ahead") as chunks:
        yield io.BufferedReader(_ChunkStream(chunks), buffer_size=CHUNK_BYTES)


def _chunks(stream: IO[bytes]) -> Iterator[bytes]:
    """Full chunks of ``stream`` (short reads of pipes and sockets are topped up)."""
    while chunk := _read_chunk(stream):
        yield chunk


def _read_chunk(stream: IO[bytes]) -> bytes:
    parts = [stream.read(CHUNK_BYTES)]
    size = len(parts[0])
    while 0 < size < CHUNK_BYTES and (more := stream.read(CHUNK_BYTES - size)):
        parts.append(more)
        size += len(more)
    return parts[0] if len(parts) == 1 else b"".join(parts)


class _ChunkStream(io.RawIOBase):
    """A raw byte stream over an iterator of byte chunks."""

    def __init__(self, chunks: Iterator[bytes]) -> None:
        super().__init__()
        self._chunks = chunks
        self._pending = memoryview(b"")

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: WriteableBuffer, /) -> int:
        if not self._pending:
            self._pending = memoryview(next(self._chunks, b""))
        target = memoryview(buffer).cast("B")
        size = min(len(self._pending), len(target))
        target[:size] = self._pending[:size]
        self._pending = self._pending[size:]
        return size
