"""Parse a ``PubmedArticleSet`` stream as batches of whole records, on a background thread.

The NLM files are a flat list of ``PubmedArticle`` / ``PubmedBookArticle`` / ``DeleteCitation``
records under one root, so the byte stream can be cut after the last complete record of each
chunk (a substring search, no parsing) and every batch parsed as its own small document. That buys
two things over one streaming parse of the file:

- libxml2 parses a batch with the GIL released (lxml's ``fromstring``), so parsing runs on the
  other core while the ingesting thread turns the previous batch into documents;
- an article's ``ReferenceList`` elements (the last children of ``PubmedData``, and about 30% of a
  2021 update file) are cut out of the bytes before parsing: medcite never reads them.

Safety is unchanged: the file's prologue is checked once (entity declarations are refused, as by
:func:`medcite.ingest.xmlsafe.parse_small_document`) and every batch is parsed with the same safe
options (no entities, no DTD, no network). A batch that is not well-formed is parsed again as read
(references included) to report the line of the file where it breaks.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import IO

from lxml import etree

from medcite.errors import InputError
from medcite.ingest.background import prefetched
from medcite.ingest.compression import CORRUPT_INPUT, corrupt_input_error
from medcite.ingest.xmlsafe import SAFE_PARSER_OPTIONS, parse_small_document

BATCH_BYTES = 1 << 20
"""Bytes read per batch (≈ 90 records of a 2021 update file)."""
BATCHES_AHEAD = 3
MAX_PROLOGUE_BYTES = 1 << 20
MAX_RECORD_BYTES = 64 << 20
"""A record this large is refused (NLM's largest are a few MB), so memory stays bounded."""

_ROOT_START = re.compile(rb"<PubmedArticleSet(?:\s[^>]*)?>")
_XML_DECLARATION = re.compile(rb"\s*<\?xml[^>]*\?>")
_OPEN = b"<PubmedArticleSet>"
_CLOSE = b"</PubmedArticleSet>"
_RECORD_ENDS = (b"</PubmedArticle>", b"</PubmedBookArticle>", b"</DeleteCitation>")
_REFERENCES_START = b"<ReferenceList"
_REFERENCES_END = b"</ReferenceList>"
_PUBMED_CLOSE = b"</Pubmed"
_PUBMED_DATA_END = b"</PubmedData>"


@dataclass(frozen=True)
class Prologue:
    """What precedes a file's records: checked once, applied to every batch."""

    declaration: bytes
    """The ``<?xml ...?>`` declaration (its encoding applies to every batch), or b""."""
    rest: bytes
    """Bytes read after the root's start tag."""
    line: int
    """Line of the file where ``rest`` starts."""


@dataclass(frozen=True)
class RawBatch:
    """Complete records cut from the stream, not yet parsed."""

    data: bytes
    line: int
    """Line of the file where ``data`` starts (for error messages)."""


def is_article_set(head: bytes) -> bool:
    """Whether ``head`` (the first bytes of a file) opens a ``PubmedArticleSet`` root."""
    return _ROOT_START.search(head) is not None


def iter_records(stream: IO[bytes], where: str) -> Iterator[etree._Element]:
    """Every top-level record element of the ``PubmedArticleSet`` in ``stream``, in file order.

    Raises :class:`InputError` with a one-line message for malformed, hostile or truncated input.
    """
    prologue = read_prologue(stream, where)
    if prologue is None:
        return
    batches = _parsed_batches(stream, prologue, where)
    with prefetched(batches, BATCHES_AHEAD, "medcite-parse") as parsed:
        for root in parsed:
            yield from root
            # the batch's tree is freed here, as the last reference to it goes


def read_prologue(stream: IO[bytes], where: str) -> Prologue | None:
    """Read up to the root start tag and check the prologue; None for ``<PubmedArticleSet/>``."""
    head = b""
    while (match := _ROOT_START.search(head)) is None:
        chunk = _read(stream, 1 << 16, where)
        if not chunk or len(head) > MAX_PROLOGUE_BYTES:
            raise InputError(f"{where}: malformed XML: no <PubmedArticleSet> start tag found")
        head += chunk
    parse_small_document(head[: match.start()] + b"<PubmedArticleSet/>", where)
    if match.group().endswith(b"/>"):
        return None
    declaration = _XML_DECLARATION.match(head)
    return Prologue(
        declaration=declaration.group().strip() if declaration else b"",
        rest=head[match.end() :],
        line=head.count(b"\n", 0, match.end()) + 1,
    )


def _parsed_batches(stream: IO[bytes], prologue: Prologue, where: str) -> Iterator[etree._Element]:
    """Runs on the parsing thread: its own parser, one parsed ``PubmedArticleSet`` per batch."""
    parser = etree.XMLParser(**SAFE_PARSER_OPTIONS)
    for batch in record_batches(stream, prologue, where):
        yield parse_batch(batch, prologue.declaration, parser, where)


def record_batches(
    stream: IO[bytes], prologue: Prologue, where: str, size: int | None = None
) -> Iterator[RawBatch]:
    """Cut the stream after the last complete record of each ``size``-byte read (default
    ``BATCH_BYTES``); check what follows the last record (the parallel ingest cuts its work
    units here too)."""
    size = size or BATCH_BYTES
    buffer, line = prologue.rest, prologue.line
    while True:
        chunk = _read(stream, size, where)
        buffer += chunk
        end = last_record_end(buffer)
        if end:
            yield RawBatch(buffer[:end], line)
            line += buffer.count(b"\n", 0, end)
            buffer = buffer[end:]
        elif len(buffer) > MAX_RECORD_BYTES:
            raise InputError(
                f"{where}: malformed XML (line {line}): no record ends within "
                f"{MAX_RECORD_BYTES >> 20} MiB; is this really a PubMed file?"
            )
        if not chunk:
            break
    _check_end(buffer, line, prologue.declaration, where)


def _read(stream: IO[bytes], size: int, where: str) -> bytes:
    try:
        return stream.read(size)
    except CORRUPT_INPUT as exc:
        raise corrupt_input_error(where, exc) from exc


def last_record_end(buffer: bytes) -> int:
    """Offset just after the last complete record in ``buffer`` (0 if there is none). Each end
    tag is looked for only after the last end found so far (records do not overlap), so a kind
    of record a file does not have costs no scan of the whole buffer."""
    best = 0
    for tag in _RECORD_ENDS:
        at = buffer.rfind(tag, best)
        if at >= 0:
            best = at + len(tag)
    return best


def _check_end(rest: bytes, line: int, declaration: bytes, where: str) -> None:
    """What follows the last record must close the root (comments and blanks allowed)."""
    if rest.strip() == _CLOSE:
        return
    try:
        etree.fromstring(declaration + _OPEN + rest, etree.XMLParser(**SAFE_PARSER_OPTIONS))
    except etree.XMLSyntaxError as exc:
        raise InputError(
            f"{where}: malformed XML (line {line + (exc.lineno or 1) - 1}): {exc.msg}; "
            "the file is truncated or damaged, re-download it"
        ) from exc


def parse_batch(
    batch: RawBatch, declaration: bytes, parser: etree.XMLParser, where: str
) -> etree._Element:
    """``batch`` parsed as one ``PubmedArticleSet`` (reference lists dropped); raises
    :class:`InputError` naming the line of the file where a malformed batch breaks."""
    try:
        return etree.fromstring(_wrap(declaration, _without_reference_lists(batch.data)), parser)
    except etree.XMLSyntaxError:
        pass
    try:  # parse the batch as read, so the error names the line of the file
        etree.fromstring(_wrap(declaration, [batch.data]), parser)
    except etree.XMLSyntaxError as exc:
        line = batch.line + (exc.lineno or 1) - 1
        raise InputError(f"{where}: malformed XML (line {line}): {exc.msg}") from exc
    raise InputError(f"{where}: malformed XML in the records from line {batch.line}")


def _wrap(declaration: bytes, records: list[memoryview] | list[bytes]) -> bytes:
    """One document of the ``records`` pieces, joined once."""
    return b"".join((declaration, _OPEN, *records, _CLOSE))


def _without_reference_lists(batch: bytes) -> list[memoryview]:
    """The pieces of ``batch`` around the ``ReferenceList`` elements that end each article's
    ``PubmedData`` (views of ``batch``: nothing is copied until they are joined).

    A run of reference lists is cut only when the first ``</Pubmed...`` tag after it closes
    ``PubmedData`` (so lists inside book records, or anything unexpected, are left alone).
    """
    view = memoryview(batch)
    pieces = []
    kept_from = 0
    search_from = 0
    while (start := batch.find(_REFERENCES_START, search_from)) >= 0:
        closing = batch.find(_PUBMED_CLOSE, start)
        last = batch.rfind(_REFERENCES_END, start, closing) if closing >= 0 else -1
        if last < 0 or not batch.startswith(_PUBMED_DATA_END, closing):
            search_from = start + len(_REFERENCES_START)
            continue
        pieces.append(view[kept_from:start])
        kept_from = search_from = last + len(_REFERENCES_END)
    pieces.append(view[kept_from:])
    return pieces
