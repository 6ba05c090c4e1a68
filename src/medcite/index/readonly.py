"""Searching an index in a folder medcite cannot write to (a read-only mount, another user's data).

tantivy takes a lock file in the index folder even to search (``.tantivy-meta.lock``, held while
segment readers are opened), so it cannot open a read-only folder at all. A :class:`ReadOnlyView`
is a temporary folder of symbolic links to the index's own files: tantivy reads the real files
through the links and writes only its lock files into the temporary folder. Nothing in the index
folder is touched; the view disappears with the process (or :meth:`ReadOnlyView.close`).
"""

from __future__ import annotations

import re
import tempfile
from dataclasses import dataclass
from pathlib import Path

TANTIVY_FILE = re.compile(r"^(meta\.json|\.managed\.json|[0-9a-f]{32}\..+)$")
"""tantivy's files: its metadata and ``<segment id>.<ext>`` (lock files are not linked)."""


@dataclass
class ReadOnlyView:
    """Links to the tantivy files of ``source`` in the temporary folder ``folder``."""

    source: Path
    folder: tempfile.TemporaryDirectory[str]

    @property
    def path(self) -> Path:
        return Path(self.folder.name)

    def refresh(self) -> None:
        """Link files written to ``source`` since (segments committed by another process)."""
        for file in self.source.iterdir():
            link = self.path / file.name
            if TANTIVY_FILE.match(file.name) and not link.is_symlink():
                link.symlink_to(file.resolve())

    def close(self) -> None:
        self.folder.cleanup()


def read_only_view(source: Path) -> ReadOnlyView:
    """A view of the index at ``source`` that tantivy can open without writing to ``source``."""
    view = ReadOnlyView(source, tempfile.TemporaryDirectory(prefix="medcite-readonly-"))
    view.refresh()
    return view
