"""Stream parsed records into the index: upsert by stable id, count skips, isolate broken files.

Re-running an ingest is always safe: every record is an upsert keyed by its stable id, so the same
input gives the same index whether it ran once, twice, or was killed midway and run again.
Changes are committed every ``commit_every`` records and at the end; a killed run loses at most the
uncommitted tail, which the re-run writes again.
"""

from __future__ import annotations

import logging
import time
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Protocol

from medcite.errors import InputError
from medcite.index.protocol import DocumentWriter
from medcite.ingest import reader
from medcite.records import Deletion, Document, FileReport, IngestReport, ParsedItem

log = logging.getLogger(__name__)

PROGRESS_EVERY = 500


class IngestProgress(Protocol):
    """Receives progress while files are ingested (the CLI draws a progress bar from it)."""

    def start_file(self, path: Path, total_bytes: int) -> None: ...

    def advance(self, records: int, bytes_read: int) -> None: ...

    def end_file(self, report: FileReport) -> None: ...


class SilentProgress:
    """Progress that shows nothing (the default when no progress bar is given)."""

    def start_file(self, path: Path, total_bytes: int) -> None:
        pass

    def advance(self, records: int, bytes_read: int) -> None:
        pass

    def end_file(self, report: FileReport) -> None:
        pass


@dataclass
class _Tally:
    added: int = 0
    unchanged: int = 0
    deleted: int = 0
    skipped: int = 0
    reasons: Counter[str] = field(default_factory=Counter)

    @property
    def records(self) -> int:
        return self.added + self.unchanged + self.deleted + self.skipped


def ingest_paths(
    writer: DocumentWriter,
    paths: Iterable[Path],
    commit_every: int,
    progress: IngestProgress | None = None,
) -> IngestReport:
    """Ingest every file under ``paths``; a broken file is reported and the others still go in."""
    progress = progress or SilentProgress()
    reports = [_ingest_file(writer, path, commit_every, progress) for path in paths]
    writer.commit()
    return IngestReport(files=tuple(reports))


def _ingest_file(
    writer: DocumentWriter, path: Path, commit_every: int, progress: IngestProgress
) -> FileReport:
    started = time.perf_counter()
    tally = _Tally()
    progress.start_file(path, _size(path))
    fmt: str | None = None
    error: str | None = None
    try:
        inp = reader.detect(path)
        fmt = inp.format.value
        position = _Position(progress, tally)
        items = reader.read(inp, on_open=position)
        _apply(writer, items, tally, position, commit_every)
    except InputError as exc:
        error = str(exc)
        log.info("%s", error)
    report = FileReport(
        path=str(path),
        format=fmt,
        added=tally.added,
        unchanged=tally.unchanged,
        deleted=tally.deleted,
        skipped=tally.skipped,
        skip_reasons=dict(tally.reasons.most_common()),
        error=error,
        seconds=round(time.perf_counter() - started, 3),
    )
    progress.end_file(report)
    return report


class _Position:
    """Reports the raw (compressed) byte position of the file being read, for progress bars."""

    def __init__(self, progress: IngestProgress, tally: _Tally) -> None:
        self._progress = progress
        self._tally = tally
        self._raw: IO[bytes] | None = None

    def __call__(self, raw: IO[bytes]) -> None:
        self._raw = raw

    def report(self) -> None:
        offset = self._raw.tell() if self._raw is not None and not self._raw.closed else 0
        self._progress.advance(self._tally.records, offset)


def _apply(
    writer: DocumentWriter,
    items: Iterable[ParsedItem],
    tally: _Tally,
    position: _Position,
    commit_every: int,
) -> None:
    for item in items:
        _apply_one(writer, item, tally)
        if tally.records % PROGRESS_EVERY == 0:
            position.report()
        if writer.pending >= commit_every:
            writer.commit()
    position.report()


def _apply_one(writer: DocumentWriter, item: ParsedItem, tally: _Tally) -> None:
    if isinstance(item, Document):
        if writer.upsert(item):
            tally.added += 1
        else:
            tally.unchanged += 1
    elif isinstance(item, Deletion):
        writer.delete(item.id)
        tally.deleted += 1
    else:
        tally.skipped += 1
        tally.reasons[item.reason] += 1
        log.debug("skipped %s: %s", item.where, item.reason)


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0
