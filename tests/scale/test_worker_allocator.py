"""A local worker turns off glibc's fast bins (less CPU per record): the rows it makes are the
same, and the setting is harmless where the C library has no ``mallopt``."""

from __future__ import annotations

import subprocess
import sys

from ingest_cases import INPUTS

ROWS_DIGEST = """
import hashlib, sys
from pathlib import Path
from medcite.scale.ingest_work import cut_file, parse_unit, rows_of, without_fast_bins
if sys.argv[2] == "without":
    without_fast_bins()
digest = hashlib.sha256()
for unit in cut_file(0, Path(sys.argv[1]), 16 << 10):
    for blob in parse_unit(unit, 3).shards:
        digest.update(repr(rows_of(blob)).encode())
print(digest.hexdigest())
"""


def _rows_digest(path: str, fast_bins: str) -> str:
    done = subprocess.run(
        [sys.executable, "-c", ROWS_DIGEST, path, fast_bins],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    return done.stdout.strip()


def test_rows_are_the_same_without_fast_bins() -> None:
    path = str(INPUTS[0])
    assert _rows_digest(path, "without") == _rows_digest(path, "with")
