"""``MANIFEST.json`` in a data folder: what was fetched, from where, and how it was verified.

One entry per file (path relative to the folder). A file whose entry's sha256 still matches is
complete: re-running a fetch skips it without touching the network. Where upstream publishes no
checksum, the sha256 recorded here at the first download is the reference for later runs.
"""

from __future__ import annotations

import json
import logging
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path

from medcite.errors import InputError

log = logging.getLogger(__name__)

MANIFEST_NAME = "MANIFEST.json"


@dataclass(frozen=True)
class Entry:
    """A verified file of the data folder."""

    path: str
    """Relative to the data folder, ``/``-separated."""
    url: str
    """Where it came from (for a converted file: the source file's URL)."""
    sha256: str
    size: int
    verified_by: str
    """``md5 published by NCBI``, ``sha256 pinned in medcite``, ``none published: sha256
    recorded at download``, or ``converted from <path>``."""
    fetched_at: str
    source_sha256: str | None = None
    """For a converted file: the sha256 of the file it was converted from."""


class Manifest:
    """The manifest of one data folder; every change is written at once (atomically)."""

    def __init__(self, folder: Path) -> None:
        self.path = folder / MANIFEST_NAME
        self._entries = _load(self.path)

    def get(self, path: str) -> Entry | None:
        return self._entries.get(path)

    def record(self, entry: Entry) -> None:
        self._entries[entry.path] = entry
        self._save()

    def entries(self) -> list[Entry]:
        return sorted(self._entries.values(), key=lambda e: e.path)

    def _save(self) -> None:
        data = {"files": [asdict(e) for e in self.entries()]}
        tmp = self.path.with_name(self.path.name + ".tmp")
        tmp.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        tmp.replace(self.path)


def now() -> str:
    """The current UTC time, ISO 8601 to the second."""
    return datetime.now(UTC).replace(microsecond=0).isoformat()


def _load(path: Path) -> dict[str, Entry]:
    if not path.is_file():
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return {e["path"]: Entry(**e) for e in data["files"]}
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise InputError(
            f"{path} is unreadable ({exc}); move it away and run the fetch again (files "
            "with a published or pinned checksum are re-verified, the others fetched again)"
        ) from exc
