"""Shard layout of an index directory: how many shards, where each lives, which one owns an id.

A single-shard index is exactly today's layout (tantivy's files in the index directory, no
manifest). A sharded index has a manifest and one ordinary medcite index per shard::

    shards.json        {"format": "medcite-shards", "version": 1, "count": 4, "hash": "blake2b-64"}
    shard-000/ ...     a complete medcite index (medcite-index.json, meta.json, segments)
    shard-001/ ...

The shard count is fixed when the index is created. A document belongs to the shard given by a
stable hash of its id (not Python's ``hash``, which changes between processes), so an upsert or a
deletion of the same id always reaches the same shard, whichever process or machine routes it.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from medcite.errors import IndexCorruptError, InputError

MANIFEST = "shards.json"
FORMAT = "medcite-shards"
VERSION = 1
HASH = "blake2b-64"
MAX_SHARDS = 256
RESTORE = "restore it from a backup or ingest into a new --index"


def shard_of(doc_id: str, count: int) -> int:
    """The shard (0 ≤ n < count) that owns ``doc_id``: the first 8 bytes of its BLAKE2b digest,
    big-endian, modulo ``count``. Stable across processes, machines and Python versions."""
    if count == 1:
        return 0
    digest = hashlib.blake2b(doc_id.encode("utf-8"), digest_size=8).digest()
    return int.from_bytes(digest, "big") % count


@dataclass(frozen=True)
class ShardLayout:
    """Where the shards of the index at ``root`` are. ``count == 1`` without a manifest is the
    plain single-directory index, whose only shard is ``root`` itself."""

    root: Path
    count: int
    manifest: bool

    @property
    def sharded(self) -> bool:
        return self.manifest

    def path(self, shard: int) -> Path:
        if not 0 <= shard < self.count:
            raise ValueError(f"shard {shard} out of range 0..{self.count - 1}")
        if not self.manifest:
            return self.root
        return self.root / f"shard-{shard:03d}"

    def paths(self) -> list[Path]:
        return [self.path(i) for i in range(self.count)]

    def route(self, doc_id: str) -> int:
        return shard_of(doc_id, self.count)


def read_layout(root: Path) -> ShardLayout:
    """The layout of the index directory ``root`` (which need not exist yet: then it is the
    single-shard layout that ingest will create)."""
    root = Path(root)
    manifest = root / MANIFEST
    if not manifest.exists():
        return ShardLayout(root=root, count=1, manifest=False)
    data = _read_manifest(manifest)
    return ShardLayout(root=root, count=data["count"], manifest=True)


def create_layout(root: Path, count: int) -> ShardLayout:
    """Make ``root`` a sharded index of ``count`` shards (manifest written atomically), or return
    its layout when it already is one with that count. Refuses to re-shard an existing index."""
    root = Path(root)
    if not 1 <= count <= MAX_SHARDS:
        raise InputError(f"--shards must be between 1 and {MAX_SHARDS}, got {count}")
    existing = read_layout(root)
    if existing.manifest:
        if existing.count != count:
            raise InputError(
                f"index at {root} has {existing.count} shards; the shard count is fixed when an "
                f"index is created: ingest into a new --index to use {count}"
            )
        return existing
    if (root / "meta.json").exists() or (root / "medcite-index.json").exists():
        raise InputError(
            f"index at {root} is a single-shard index; the shard count is fixed when an index is "
            f"created: ingest into a new --index to use {count} shards"
        )
    root.mkdir(parents=True, exist_ok=True)
    body = {"format": FORMAT, "version": VERSION, "count": count, "hash": HASH}
    partial = root / f"{MANIFEST}.partial"
    partial.write_text(json.dumps(body, indent=2), encoding="utf-8")
    partial.replace(root / MANIFEST)
    return ShardLayout(root=root, count=count, manifest=True)


def _read_manifest(manifest: Path) -> dict[str, Any]:
    try:
        data: dict[str, Any] = json.loads(manifest.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise IndexCorruptError(f"{manifest} is unreadable ({exc}); {RESTORE}") from exc
    ok = (
        isinstance(data, dict)
        and data.get("format") == FORMAT
        and data.get("hash") == HASH
        and isinstance(data.get("count"), int)
        and 1 <= data["count"] <= MAX_SHARDS
    )
    if not ok:
        raise IndexCorruptError(f"{manifest} is not a medcite shard manifest; {RESTORE}")
    if data.get("version") != VERSION:
        raise IndexCorruptError(
            f"{manifest} has shard layout version {data.get('version')}, this medcite reads "
            f"{VERSION}; re-ingest into a new --index"
        )
    return data
