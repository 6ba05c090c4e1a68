"""Which file of an index is damaged, and how to turn a failed read into a message that says so.

tantivy ends every segment file with ``[footer JSON][footer length: u32 LE][magic 1337: u32 LE]``;
the JSON holds ``crc``, the CRC-32 of everything before the footer. tantivy checks the magic number
when it opens a file but never the checksum, so bytes overwritten inside a file go unnoticed until
a read panics, fails or returns garbage. :func:`damaged_files` checks every file of every segment
(at about 1 GB/s) and :func:`reading` uses it, after a read failed, to name the damaged file.

A Rust panic inside tantivy reaches Python as ``pyo3_runtime.PanicException``, which derives from
``BaseException`` (so ``except Exception`` misses it) and cannot be imported: pyo3 creates the class
at run time in a module that is not in ``sys.modules``. :func:`is_panic` therefore recognises it by
its qualified name, and :func:`reading` re-raises every other ``BaseException`` untouched.
"""

from __future__ import annotations

import json
import logging
import sqlite3
import struct
import zlib
from collections.abc import Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from medcite.errors import IndexCorruptError, IndexWriteError, MedciteError

log = logging.getLogger(__name__)

FOOTER_MAGIC = 1337
"""The last four bytes of every tantivy file (little-endian u32)."""
MAX_FOOTER_BYTES = 4096
CHUNK_BYTES = 1 << 20
REBUILD = (
    "build a new index in another directory with `medcite ingest FILE... --index NEW_DIR` and "
    "keep this one until the new one works"
)


@dataclass(frozen=True)
class Damage:
    """One damaged file and what is wrong with it."""

    file: Path
    problem: str


def is_panic(exc: BaseException) -> bool:
    """True for a Rust panic raised through pyo3 (``pyo3_runtime.PanicException``)."""
    kind = type(exc)
    return kind.__name__ == "PanicException" and kind.__module__ == "pyo3_runtime"


def segment_files(path: Path) -> list[Path]:
    """The files of the segments ``meta.json`` lists (``<segment id>.<ext>``, deletes included)."""
    meta = json.loads((path / "meta.json").read_text(encoding="utf-8"))
    ids = {str(s["segment_id"]).replace("-", "") for s in meta.get("segments", [])}
    return sorted(f for f in path.iterdir() if f.is_file() and f.name.split(".")[0] in ids)


def damaged_files(path: Path) -> list[Damage]:
    """Every damaged file of the index at ``path`` (empty when all pass their checksums)."""
    try:
        files = segment_files(path)
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
        return [Damage(path / "meta.json", f"cannot be read as tantivy's segment list ({exc})")]
    found = ((f, file_problem(f)) for f in files)
    return [Damage(f, problem) for f, problem in found if problem is not None]


def file_problem(file: Path) -> str | None:
    """What is wrong with one tantivy file (footer or checksum), or None when it is intact."""
    try:
        with file.open("rb") as fh:
            return _footer_problem(fh, file.stat().st_size)
    except OSError as exc:
        return f"cannot be read ({exc.strerror or exc})"


def _footer_problem(fh: IO[bytes], size: int) -> str | None:
    if size < 8:
        return "is truncated (shorter than tantivy's footer)"
    fh.seek(size - 8)
    length, magic = struct.unpack("<II", fh.read(8))
    if magic != FOOTER_MAGIC:
        return "has no valid tantivy footer (truncated or overwritten at its end)"
    if length > min(MAX_FOOTER_BYTES, size - 8):
        return "has a damaged footer (impossible footer length)"
    fh.seek(size - 8 - length)
    try:
        expected = int(json.loads(fh.read(length))["crc"])
    except (ValueError, KeyError, TypeError):
        return "has a damaged footer (not tantivy's footer JSON)"
    if _crc(fh, size - 8 - length) != expected:
        return "fails its checksum (bytes inside it were changed)"
    return None


def _crc(fh: IO[bytes], length: int) -> int:
    fh.seek(0)
    crc, left = 0, length
    while left > 0:
        chunk = fh.read(min(CHUNK_BYTES, left))
        if not chunk:
            break
        crc, left = zlib.crc32(chunk, crc), left - len(chunk)
    return crc


def corruption_message(path: Path, detail: str) -> str:
    """One line: which file of the index at ``path`` is damaged and what to do; ``detail`` is
    what the failed read said (used when every file passes its checksum)."""
    damaged = damaged_files(path)
    if not damaged:
        return f"index at {path} could not be read ({detail}); if it is damaged, {REBUILD}"
    first = damaged[0]
    others = len(damaged) - 1
    more = f" (and {others} more damaged file{'s' if others > 1 else ''})" if others else ""
    return f"index at {path} is damaged: {first.file} {first.problem}{more}; {REBUILD}"


def short(exc: BaseException) -> str:
    """The first line of an exception's message, at most 200 characters."""
    text = str(exc).strip().splitlines()
    return (text[0] if text else type(exc).__name__)[:200]


@contextmanager
def reading(path: Path) -> Iterator[None]:
    """Turn a failed read of the index at ``path`` (a tantivy ``ValueError``, a Rust panic, a
    stored record that no longer parses) into :class:`IndexCorruptError` naming the damaged file."""
    try:
        yield
    except MedciteError:
        raise
    except ValueError as exc:  # tantivy's IO errors; pydantic's ValidationError is one too
        raise IndexCorruptError(corruption_message(path, short(exc))) from exc
    except BaseException as exc:
        if not is_panic(exc):
            raise
        log.debug("tantivy panicked reading %s", path, exc_info=True)
        raise IndexCorruptError(corruption_message(path, f"tantivy: {short(exc)}")) from None


@contextmanager
def writing(path: Path) -> Iterator[None]:
    """Turn a failed write to the index at ``path`` (disk full, file too large, read-only, a
    panic in tantivy's writer) into :class:`IndexWriteError`; the last commit is kept."""
    try:
        yield
    except MedciteError:
        raise
    except (OSError, ValueError) as exc:
        raise IndexWriteError(write_message(path, short(exc))) from exc
    except BaseException as exc:
        if not is_panic(exc):
            raise
        log.debug("tantivy panicked writing %s", path, exc_info=True)
        raise IndexWriteError(write_message(path, f"tantivy: {short(exc)}")) from None


def write_message(path: Path, detail: str) -> str:
    return (
        f"could not write to the index at {path} ({detail}); is the disk full or the folder "
        "read-only? Documents committed before are kept: free space (or fix the permissions) and "
        "run the same `medcite ingest` again, it picks up where it stopped"
    )


def sqlite_problem(file: Path) -> str | None:
    """What SQLite's quick check finds wrong with the database ``file`` (None when it is fine
    or absent). Opened read-only: checking never changes the file."""
    if not file.is_file():
        return None
    try:
        with closing(sqlite3.connect(f"file:{file}?mode=ro", uri=True)) as db:
            rows = db.execute("PRAGMA quick_check").fetchall()
    except sqlite3.Error as exc:
        return str(exc)
    found = [str(r[0]) for r in rows if r and r[0] != "ok"]
    return "; ".join(found[:3]) or None
