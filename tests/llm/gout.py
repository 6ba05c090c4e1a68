"""A two-document gout index shared by the synthesis tests (CLI, eval, server): a practice
guideline with a definition, a dose and a negated advice, and a randomized trial."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from medcite import Engine
from medcite.config import SemanticSettings, Settings

GOUT = "Gout is a painful form of arthritis caused by uric acid crystals in the joints."
DOSE = "Colchicine 0.5 mg twice a day is recommended to prevent gout flares."
NO_ASPIRIN = "Aspirin is not recommended for pain relief during a gout flare."
QUESTION = "What is gout and how are gout flares treated?"
GUIDELINE = {
    "id": "g:1",
    "title": "Gout: a practice guideline",
    "text": f"{GOUT} {DOSE} {NO_ASPIRIN}",
    "publication_types": ["Practice Guideline"],
    "year": 2020,
}
TRIAL = {
    "id": "g:2",
    "title": "Gout flares treated with colchicine: a randomized trial",
    "text": "Colchicine lowered the rate of gout flares in a randomized trial of 400 adults.",
    "publication_types": ["Randomized Controlled Trial"],
    "year": 2019,
}
ROWS = [GUIDELINE, TRIAL]


def build_index(folder: Path, rows: Sequence[dict[str, Any]] = ROWS) -> Path:
    """A BM25-only index of ``rows`` (JSON Lines documents) in ``folder/index``."""
    source = folder / "rows.jsonl"
    source.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    path = folder / "index"
    Engine(path, Settings(semantic=SemanticSettings(enabled=False))).ingest([source])
    return path
