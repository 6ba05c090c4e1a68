"""JSON Lines: your own documents, one JSON object per line.

Each non-blank line is one document. Only ``id`` is required, plus a title or some text::

    {"id": "clinic:leaflet-42", "title": "Eyelid twitching", "text": "Para one.\\n\\nPara two."}

==================== ======================= ===============================================
field                type                    meaning
==================== ======================= ===============================================
``id``               string, **required**    Your stable, unique id, used as is as the
                                             document id. Re-ingesting a row with the same id
                                             replaces the earlier version.
``title``            string                  Title of the document (whitespace normalised).
``text``             string                  Plain-text body; blank lines separate
                                             paragraphs (single line breaks are spaces).
``abstract``         string                  Same as ``text``, used when ``text`` is absent.
``sections``         list of objects         Pre-split body: ``{"label": "Methods",
                                             "text": "..."}`` (``label`` optional). Give
                                             either ``sections`` or ``text``/``abstract``.
``url``              string                  Where the document can be read.
``source``           string                  Publishing organisation or site shown in
                                             references, e.g. ``"Mayo Clinic"``.
``publication_types`` list of strings        PubMed-style types, e.g. ``["Review"]`` or
                                             ``["Practice Guideline"]``; they set the
                                             evidence level.
``year``             integer                 Publication year; taken from ``pub_date`` when
                                             absent.
``pub_date``         string                  ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``.
``authors``          list of strings         Display names, e.g. ``"Smith JA"``.
``journal``          string                  Journal name.
``doi``              string                  DOI, e.g. ``10.1000/xyz123``.
``pmid``             string or integer       PubMed id.
``pmcid``            string                  PubMed Central id, e.g. ``PMC1234567``.
``mesh_terms``       list of strings         MeSH descriptors.
``keywords``         list of strings         Free keywords.
``language``         string                  Language code, e.g. ``eng``.
==================== ======================= ===============================================

Other fields are ignored. ``null`` counts as absent, surrounding whitespace is trimmed from every
string (``id`` included) and empty strings count as absent. Types are strict: ``"year": "2021"``
is an error.

A line that cannot become a document is reported as skipped with its line number and the reason
(invalid JSON, not valid UTF-8, missing ``id``, a field of the wrong type, no title or text,
longer than 10 MiB); the other lines are still read. Blank lines are ignored. The file is read
line by line, so memory use does not grow with its size.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import IO

from pydantic import BaseModel, ConfigDict, Field, ValidationError
from pydantic_core import ErrorDetails

from medcite.ingest.compression import CORRUPT_INPUT, corrupt_input_error
from medcite.records import AbstractSection, Document, ParsedItem, SkippedRecord, Source

MAX_LINE_BYTES = 10 * 1024 * 1024
"""Longest line accepted; longer lines are skipped without being held in memory."""

_CHUNK_BYTES = 1024 * 1024
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
_PUB_DATE = r"^\d{4}(-\d{2}(-\d{2})?)?$"
_BOM = "\ufeff"
_JSON_POSITION = re.compile(r"at line 1 column")


class JsonlSection(BaseModel):
    """One element of a row's ``sections`` list."""

    model_config = ConfigDict(strict=True, extra="ignore", str_strip_whitespace=True)

    label: str | None = None
    text: str


class JsonlRow(BaseModel):
    """One line of a JSON Lines file, as documented in the module docstring."""

    model_config = ConfigDict(strict=True, extra="ignore", str_strip_whitespace=True)

    id: str = Field(pattern=r"\S")
    title: str | None = None
    text: str | None = None
    abstract: str | None = None
    sections: tuple[JsonlSection, ...] | None = None
    url: str | None = None
    source: str | None = None
    publication_types: tuple[str, ...] = ()
    year: int | None = Field(default=None, ge=1, le=9999)
    pub_date: str | None = Field(default=None, pattern=_PUB_DATE)
    authors: tuple[str, ...] = ()
    journal: str | None = None
    doi: str | None = None
    pmid: str | int | None = None
    pmcid: str | None = None
    mesh_terms: tuple[str, ...] = ()
    keywords: tuple[str, ...] = ()
    language: str | None = None


def parse(stream: IO[bytes], where: str) -> Iterator[ParsedItem]:
    """Parse a JSON Lines stream; ``where`` names it in errors about the stream itself.

    Yields a :class:`Document` or a :class:`SkippedRecord` (``where="line N"``) per non-blank line.
    Raises :class:`InputError` if the stream cannot be read (e.g. truncated gzip).
    """
    try:
        for number, line in _numbered_lines(stream):
            item = parse_line(line, number)
            if item is not None:
                yield item
    except CORRUPT_INPUT as exc:
        raise corrupt_input_error(where, exc) from exc


def parse_line(line: bytes | None, number: int) -> ParsedItem | None:
    """Turn one raw line (``None`` if it was too long) into an item; ``None`` for a blank line."""
    where = f"line {number}"
    if line is None:
        return SkippedRecord(where=where, reason=f"line longer than {_size(MAX_LINE_BYTES)}")
    try:
        text = line.decode("utf-8")
    except UnicodeDecodeError as exc:
        return SkippedRecord(where=where, reason=f"not valid UTF-8 (byte {exc.start + 1})")
    if number == 1:
        text = text.removeprefix(_BOM)
    if not text.strip():
        return None
    try:
        row = JsonlRow.model_validate_json(text)
    except ValidationError as exc:
        return SkippedRecord(where=where, reason=_describe(exc.errors()[0]))
    return to_document(row, where)


def to_document(row: JsonlRow, where: str) -> Document | SkippedRecord:
    """Build the :class:`Document` for a validated row, or say why it cannot be one."""
    if row.sections is not None and (row.text or row.abstract):
        return SkippedRecord(where=where, reason="give either sections or text, not both")
    sections = _sections(row)
    title = " ".join((row.title or "").split())
    if not title and not sections:
        return SkippedRecord(where=where, reason="no title or text")
    return Document(
        id=row.id,
        source=Source.JSONL,
        title=title,
        sections=sections,
        url=row.url or None,
        site=row.source or None,
        publication_types=_non_empty(row.publication_types),
        year=row.year if row.year is not None else _year_of(row.pub_date),
        pub_date=row.pub_date,
        authors=_non_empty(row.authors),
        journal=row.journal or None,
        doi=row.doi or None,
        pmid=str(row.pmid) if row.pmid not in (None, "") else None,
        pmcid=row.pmcid or None,
        mesh_terms=_non_empty(row.mesh_terms),
        keywords=_non_empty(row.keywords),
        language=row.language or None,
    )


def split_paragraphs(text: str) -> tuple[str, ...]:
    """Paragraphs of plain text: blank lines separate them, other whitespace is normalised."""
    paragraphs = (" ".join(part.split()) for part in _PARAGRAPH_BREAK.split(text))
    return tuple(p for p in paragraphs if p)


def _sections(row: JsonlRow) -> tuple[AbstractSection, ...]:
    if row.sections is not None:
        return tuple(
            AbstractSection(label=s.label or None, text=" ".join(s.text.split()))
            for s in row.sections
            if s.text
        )
    body = row.text or row.abstract or ""
    return tuple(AbstractSection(text=p) for p in split_paragraphs(body))


def _numbered_lines(stream: IO[bytes]) -> Iterator[tuple[int, bytes | None]]:
    """Lines with their 1-based numbers; ``None`` instead of a line over the limit."""
    number = 0
    while line := stream.readline(MAX_LINE_BYTES + 1):
        number += 1
        if len(line) > MAX_LINE_BYTES and not line.endswith(b"\n"):
            _skip_rest_of_line(stream, line)
            yield number, None
        else:
            yield number, line


def _skip_rest_of_line(stream: IO[bytes], start: bytes) -> None:
    chunk = start
    while chunk and not chunk.endswith(b"\n"):
        chunk = stream.readline(_CHUNK_BYTES)


def _describe(error: ErrorDetails) -> str:
    field = ".".join(str(part) for part in error["loc"])
    kind = error["type"]
    if kind == "json_invalid":
        return _JSON_POSITION.sub("at column", error["msg"])
    if kind == "model_type":
        return "not a JSON object"
    if kind == "missing":
        return f"missing {field}"
    if field == "id" and kind == "string_pattern_mismatch":
        return "empty id"
    return f"{field}: {error['msg']}"


def _non_empty(values: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(value for value in values if value)


def _year_of(pub_date: str | None) -> int | None:
    return int(pub_date[:4]) if pub_date else None


def _size(size: int) -> str:
    mib = 1024 * 1024
    return f"{size // mib} MiB" if size % mib == 0 else f"{size} bytes"
