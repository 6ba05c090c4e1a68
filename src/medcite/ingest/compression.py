"""gzip input, decompressed with ISA-L (python-isal: the same format, ≈ 3× faster than zlib).

``CORRUPT_INPUT`` lists every exception a truncated or damaged compressed stream can raise, so
callers turn all of them into one clear error message.
"""

from __future__ import annotations

import zlib
from typing import IO, cast

from isal import igzip, isal_zlib

from medcite.errors import InputError

_ISAL_ERROR = cast(type[Exception], isal_zlib.error)  # the stub declares an instance, it is a class
CORRUPT_INPUT: tuple[type[Exception], ...] = (EOFError, zlib.error, OSError, _ISAL_ERROR)


def corrupt_input_error(where: str, exc: Exception, what: str = "file") -> InputError:
    """The one-line error for input that ends early or is damaged (``what``: file, archive)."""
    return InputError(f"{where}: truncated or corrupt {what} ({exc}); re-download it")


def open_gzip(raw: IO[bytes]) -> IO[bytes]:
    """A reader of the decompressed bytes of the gzip stream ``raw``."""
    return cast(IO[bytes], igzip.GzipFile(fileobj=raw, mode="rb"))  # type: ignore[no-untyped-call]


def gunzip(data: bytes) -> bytes:
    """The decompressed bytes of a whole gzip member held in memory."""
    return cast(bytes, igzip.decompress(data))  # type: ignore[no-untyped-call]
