"""A rich progress bar for ``medcite ingest`` (bytes of the file, records and records/s)."""

from __future__ import annotations

import time
from pathlib import Path
from types import TracebackType
from typing import Self

from rich.console import Console
from rich.progress import (
    BarColumn,
    Progress,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)

from medcite.records import FileReport


class Bar:
    """A rich progress display that starts and stops as a context manager."""

    _progress: Progress

    def __enter__(self) -> Self:
        self._progress.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self._progress.stop()


class IngestBar(Bar):
    """Implements :class:`medcite.ingest.pipeline.IngestProgress`; draws nothing when disabled."""

    def __init__(self, console: Console, enabled: bool) -> None:
        self._enabled = enabled
        self._progress = _bar(console, enabled, "{task.fields[records]:>9,} records")
        self._task: TaskID | None = None
        self._started = time.perf_counter()

    def start_file(self, path: Path, total_bytes: int) -> None:
        self._started = time.perf_counter()
        self._task = self._progress.add_task(
            path.name, total=total_bytes or None, records=0, rate=0.0
        )

    def advance(self, records: int, bytes_read: int) -> None:
        if self._task is None:
            return
        rate = records / max(time.perf_counter() - self._started, 1e-9)
        self._progress.update(self._task, completed=bytes_read, records=records, rate=rate)

    def end_file(self, report: FileReport) -> None:
        if self._task is None:
            return
        task = self._progress.tasks[-1]
        self._progress.update(self._task, completed=task.total or 0)
        self._task = None


class EmbedBar:
    """Implements :class:`medcite.semantic.store.EmbedProgress`: "embedding N documents"."""

    def __init__(self, console: Console, enabled: bool) -> None:
        self._progress = _bar(console, enabled, "{task.completed:>9,.0f}/{task.total:,.0f}")
        self._task: TaskID | None = None
        self._started = time.perf_counter()

    def start_embedding(self, total: int) -> None:
        if total == 0:
            return
        self._started = time.perf_counter()
        self._progress.start()
        self._task = self._progress.add_task(
            f"embedding {total:,} documents", total=total, rate=0.0
        )

    def advance_embedding(self, done: int) -> None:
        if self._task is None:
            return
        rate = done / max(time.perf_counter() - self._started, 1e-9)
        self._progress.update(self._task, completed=done, rate=rate)

    def end_embedding(self) -> None:
        if self._task is not None:
            self._progress.stop()
            self._task = None


def _bar(console: Console, enabled: bool, count: str) -> Progress:
    """A progress bar: description, bar, ``count`` column, rate, elapsed and remaining time."""
    return Progress(
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        TextColumn(count),
        TextColumn("{task.fields[rate]:>7,.0f}/s"),
        TimeElapsedColumn(),
        TimeRemainingColumn(),
        console=console,
        transient=False,
        disable=not enabled,
    )
