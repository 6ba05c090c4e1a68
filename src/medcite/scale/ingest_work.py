"""The units of a parallel ingest: cutting files into work, parsing one unit, routing its rows.

A file is cut into :class:`WorkUnit` s by the process that drives the ingest:

- a ``PubmedArticleSet`` file (NLM baseline and update files, the bulk of PubMed) is decompressed
  and cut after the last complete record of every ``UNIT_BYTES`` (4 MiB), as the single-process
  parser cuts its batches (:mod:`medcite.ingest.pubmed_batches`), so one big file is parsed by
  every worker at once;
- any other file (MedQuAD archives, JSONL, PubMedQA, openFDA, MedlinePlus) is one unit, parsed
  whole by a worker, which reads it from its path.

A worker turns a unit into a :class:`ParsedUnit`: per shard, one ``marshal`` blob of the rows to
write (the index fields of each document, as :func:`medcite.index.tantivy_index.to_tantivy` makes
them, or the id of a deletion) and the counts for the file's report. ``marshal`` of plain
strings, lists and bytes is ≈ 3× cheaper to load than pickle, and every process of one ingest
(or one Ray cluster) runs the same Python. Units are pure data: a unit parsed twice (a retried
worker) gives the same rows, so retries are safe.
"""

from __future__ import annotations

import ctypes
import marshal
import os
import threading
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from lxml import etree

from medcite.errors import InputError
from medcite.index.shards import shard_of
from medcite.index.tantivy_index import index_fields
from medcite.ingest import reader
from medcite.ingest.compression import open_gzip
from medcite.ingest.detect import Format, is_gzip, xml_root

# The prologue and end checks and the record parsers of the single-process PubMed parser, reused
# so both accept the same files and report a broken record at the same line of the file.
from medcite.ingest.pubmed_batches import (
    RawBatch,
    is_article_set,
    parse_batch,
    read_prologue,
    record_batches,
)
from medcite.ingest.pubmed_xml import RECORD_PARSERS
from medcite.ingest.readahead import read_ahead
from medcite.ingest.xmlsafe import SAFE_PARSER_OPTIONS, peek_head
from medcite.records import Deletion, Document, ParsedItem

UNIT_BYTES = 4 << 20
"""Bytes of PubMed records per unit for local workers (≈ 360 records of a 2021 update file):
large enough that handing a unit to a worker costs little next to parsing it, small enough to
keep every worker busy until the end of a file (16 MiB: −5% records/s on 2 workers)."""
WATCH_SECONDS = 0.5
M_MXFAST = 1
"""glibc's ``mallopt`` parameter: the largest request served from a fast bin (0: none)."""
UPSERT = 0
DELETE = 1
_HEAD = 4096


@dataclass(frozen=True)
class WorkUnit:
    """A piece of one input file to parse: a batch of PubMed records, or the whole file."""

    file: int
    """Position of the file in this ingest (results are written in file order)."""
    seq: int
    """Position of the unit in its file."""
    path: str
    records: bytes | None = None
    """Complete ``PubmedArticleSet`` records cut from the file; None: parse the whole file."""
    declaration: bytes = b""
    line: int = 1
    """Line of the file where ``records`` start (for error messages)."""
    offset: int = 0
    """Bytes of the (compressed) file read when the unit was cut (for progress)."""


@dataclass(frozen=True)
class ParsedUnit:
    """What a worker made of a unit: rows per shard and the counts for the file's report."""

    file: int
    seq: int
    shards: tuple[bytes, ...]
    format: str
    added: int = 0
    deleted: int = 0
    skipped: int = 0
    reasons: dict[str, int] = field(default_factory=dict)
    error: str | None = None

    @property
    def records(self) -> int:
        return self.added + self.deleted + self.skipped


# --- cutting (the driving process) ------------------------------------------------------------


def cut_file(file: int, path: Path, unit_bytes: int | None = None) -> Iterator[WorkUnit]:
    """The units of ``path`` (PubMed records in units of about ``unit_bytes``, default
    ``UNIT_BYTES``); raises :class:`InputError` when the file cannot be read (format
    unknown, not gzip it claims to be, malformed prologue, truncated) — after the units cut
    before the damage, like the single-process ingest, which keeps the records read before it."""
    inp = reader.detect(path)
    if inp.format is not Format.PUBMED_XML:
        yield WorkUnit(file=file, seq=0, path=str(path), offset=_size(path))
        return
    with _decompressed(path) as (raw, stream):
        head = peek_head(stream, _HEAD, str(path))
        if xml_root(head) != "PubmedArticleSet" or not is_article_set(head):
            yield WorkUnit(file=file, seq=0, path=str(path), offset=_size(path))
            return
        yield from _record_units(file, path, raw, stream, unit_bytes or UNIT_BYTES)


def _record_units(
    file: int, path: Path, raw: IO[bytes], stream: IO[bytes], size: int
) -> Iterator[WorkUnit]:
    """Units of whole records, about ``size`` bytes each, cut as the single-process parser cuts
    its batches (:func:`medcite.ingest.pubmed_batches.record_batches`, which also checks what
    follows the last record)."""
    where = str(path)
    prologue = read_prologue(stream, where)
    if prologue is None:
        return
    for seq, batch in enumerate(record_batches(stream, prologue, where, size)):
        offset = raw.tell() if not raw.closed else 0
        yield WorkUnit(file, seq, where, batch.data, prologue.declaration, batch.line, offset)


@contextmanager
def _decompressed(path: Path) -> Iterator[tuple[IO[bytes], IO[bytes]]]:
    """(raw file, its decompressed bytes read ahead in a thread)."""
    try:
        raw = path.open("rb")
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror or exc}") from exc
    with raw:
        if not is_gzip(raw.peek(2)[:2]):
            yield raw, raw
            return
        with open_gzip(raw) as unzipped, read_ahead(unzipped) as ahead:
            yield raw, ahead


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


# --- parsing (a worker) ------------------------------------------------------------------------


def parse_unit(unit: WorkUnit, shard_count: int) -> ParsedUnit:
    """Parse ``unit`` into rows per shard; a malformed input is the unit's ``error``."""
    rows = _Rows(shard_count)
    fmt = Format.PUBMED_XML.value
    try:
        if unit.records is None:
            inp = reader.detect(Path(unit.path))
            fmt = inp.format.value
            rows.add_all(reader.read(inp))
        else:
            rows.add_all(_records(unit))
    except InputError as exc:
        return rows.parsed(unit, fmt, str(exc))
    return rows.parsed(unit, fmt, None)


def _records(unit: WorkUnit) -> Iterator[ParsedItem]:
    """The records of a PubMed batch, parsed in this thread (a worker has a core to itself)."""
    assert unit.records is not None
    parser = etree.XMLParser(**SAFE_PARSER_OPTIONS)
    root = parse_batch(RawBatch(unit.records, unit.line), unit.declaration, parser, unit.path)
    for number, element in enumerate(root, start=1):
        parse_record = RECORD_PARSERS.get(str(element.tag))
        if parse_record is not None:
            yield from parse_record(element, unit.path, number)


class _Rows:
    """Rows per shard and the counts of one unit, as it is parsed."""

    def __init__(self, shard_count: int) -> None:
        self._count = shard_count
        self._shards: list[list[tuple[int, Any]]] = [[] for _ in range(shard_count)]
        self._counts: Counter[str] = Counter()
        self._reasons: Counter[str] = Counter()

    def add_all(self, items: Iterator[ParsedItem]) -> None:
        for item in items:
            if isinstance(item, Document):
                self._route(item.id, (UPSERT, index_fields(item)))
                self._counts["added"] += 1
            elif isinstance(item, Deletion):
                self._route(item.id, (DELETE, item.id))
                self._counts["deleted"] += 1
            else:
                self._counts["skipped"] += 1
                self._reasons[item.reason] += 1

    def _route(self, doc_id: str, row: tuple[int, Any]) -> None:
        self._shards[shard_of(doc_id, self._count)].append(row)

    def parsed(self, unit: WorkUnit, fmt: str, error: str | None) -> ParsedUnit:
        return ParsedUnit(
            file=unit.file,
            seq=unit.seq,
            shards=tuple(marshal.dumps(rows) for rows in self._shards),
            format=fmt,
            added=self._counts["added"],
            deleted=self._counts["deleted"],
            skipped=self._counts["skipped"],
            reasons=dict(self._reasons),
            error=error,
        )


def start_worker(pid: int) -> None:
    """Set up a local worker process (the pool's initializer): no fast bins in its allocator,
    and it exits by itself once the process driving the ingest (``pid``) is gone."""
    without_fast_bins()
    watch_driver(pid)


def watch_driver(pid: int) -> None:
    """Start a worker process: it exits by itself once the process driving the ingest is gone
    (a pool worker whose driver was killed would otherwise wait for work forever)."""
    threading.Thread(target=_exit_without, args=(pid,), daemon=True, name="medcite-watch").start()


def without_fast_bins() -> None:
    """Turn off glibc's fast bins in this process (a parsing worker's; nothing happens with
    another C library).

    Freeing a parsed unit's XML tree leaves ≈ 10⁵ small freed blocks in the fast bins, which
    the next large allocation (a long string, the rows' ``marshal`` buffer, the next unit's
    tree) then consolidates one by one, cache-cold: ≈ 10% of the CPU of parsing is spent in
    ``malloc_consolidate`` (perf). Without fast bins blocks are merged as they are freed:
    ≈ 10% less CPU per record parsed (pubmed21n1298's units in one process, interleaved
    runs: 144–178 against 163–215 µs). The rows are the same."""
    try:
        mallopt = ctypes.CDLL(None).mallopt
    except (OSError, AttributeError):
        return
    mallopt(M_MXFAST, 0)


def _exit_without(pid: int) -> None:
    while True:
        time.sleep(WATCH_SECONDS)
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            os._exit(1)
        except PermissionError:
            continue


def rows_of(blob: bytes) -> list[tuple[int, Any]]:
    """The rows of one shard blob of a :class:`ParsedUnit`."""
    rows: list[tuple[int, Any]] = marshal.loads(blob)
    return rows
