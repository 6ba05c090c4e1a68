"""PubMedQA (PQA-L ``ori_pqal.json``): PubMed abstracts keyed by PMID.

Each entry has QUESTION (a rewording of the article title), CONTEXTS with their LABELS (the
structured abstract minus its conclusion), LONG_ANSWER (the conclusion), MESHES and YEAR. One
:class:`Document` per PMID, id ``pmid:NNN`` (so a full PubMed record of the same article, ingested
later, replaces it); the title is the QUESTION, the only title-like text the file has. The file is
one JSON object (a few MB), read whole up to MAX_BYTES.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import IO, Any

from medcite.errors import InputError
from medcite.ingest.compression import CORRUPT_INPUT, corrupt_input_error
from medcite.records import AbstractSection, Document, ParsedItem, SkippedRecord, Source

MAX_BYTES = 512 * 1024 * 1024


def parse(stream: IO[bytes], where: str) -> Iterator[ParsedItem]:
    """Yield a Document per PubMedQA entry; malformed JSON raises :class:`InputError`."""
    try:
        data = stream.read(MAX_BYTES + 1)
    except CORRUPT_INPUT as exc:
        raise corrupt_input_error(where, exc) from exc
    if len(data) > MAX_BYTES:
        raise InputError(f"{where}: PubMedQA file larger than {MAX_BYTES >> 20} MiB")
    try:
        entries = json.loads(data)
    except (ValueError, UnicodeDecodeError) as exc:
        raise InputError(f"{where}: malformed JSON ({exc})") from exc
    if not isinstance(entries, dict):
        raise InputError(f"{where}: expected a JSON object keyed by PMID")
    for pmid, entry in entries.items():
        yield _document(str(pmid), entry)


def _document(pmid: str, entry: Any) -> ParsedItem:
    if not pmid.isdigit() or not isinstance(entry, dict):
        return SkippedRecord(where=f"PMID {pmid}", reason="not a PubMedQA entry")
    sections = _sections(entry)
    question = str(entry.get("QUESTION") or "").strip()
    if not sections and not question:
        return SkippedRecord(where=f"PMID {pmid}", reason="no title or abstract")
    year = str(entry.get("YEAR") or "")
    return Document(
        id=f"pmid:{pmid}",
        source=Source.PUBMEDQA,
        pmid=pmid,
        title=question,
        sections=sections,
        year=int(year) if year.isdigit() else None,
        pub_date=year if year.isdigit() else None,
        mesh_terms=tuple(str(m) for m in entry.get("MESHES") or ()),
        url=f"https://pubmed.ncbi.nlm.nih.gov/{pmid}/",
    )


def _sections(entry: dict[str, Any]) -> tuple[AbstractSection, ...]:
    contexts = [str(c).strip() for c in entry.get("CONTEXTS") or ()]
    labels = [str(label) for label in entry.get("LABELS") or ()]
    labels += [""] * (len(contexts) - len(labels))
    sections = [
        AbstractSection(label=label or None, category=label.upper() or None, text=text)
        for label, text in zip(labels, contexts, strict=False)
        if text
    ]
    conclusion = str(entry.get("LONG_ANSWER") or "").strip()
    if conclusion:
        sections.append(
            AbstractSection(label="CONCLUSIONS", category="CONCLUSIONS", text=conclusion)
        )
    return tuple(sections)
