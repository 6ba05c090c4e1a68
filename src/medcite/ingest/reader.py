"""Turn paths (files, archives, directories) into a stream of parsed records.

Formats are detected by content. A tar archive (optionally gzipped), such as the MedQuAD
distribution, is read member by member without unpacking it; a member that cannot be read becomes
a :class:`SkippedRecord` and the rest of the archive still ingests.
"""

from __future__ import annotations

import io
import tarfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import IO

from medcite.errors import InputError
from medcite.ingest import jsonl, medlineplus, medquad, openfda, pubmed_xml, pubmedqa
from medcite.ingest.compression import CORRUPT_INPUT, corrupt_input_error, gunzip, open_gzip
from medcite.ingest.detect import Format, describe, is_gzip, sniff
from medcite.ingest.readahead import read_ahead
from medcite.ingest.xmlsafe import peek_head
from medcite.records import ParsedItem, SkippedRecord

Parser = Callable[[IO[bytes], str], Iterator[ParsedItem]]

PARSERS: dict[Format, Parser] = {
    Format.PUBMED_XML: pubmed_xml.parse,
    Format.MEDQUAD_XML: medquad.parse,
    Format.JSONL: jsonl.parse,
    Format.PUBMEDQA_JSON: pubmedqa.parse,
    Format.OPENFDA_LABELS: openfda.parse,
    Format.MEDLINEPLUS_XML: medlineplus.parse,
}

_HEAD = 4096
_ARCHIVE_ERRORS: tuple[type[Exception], ...] = (tarfile.TarError, *CORRUPT_INPUT)
MAX_MEMBER_BYTES = 64 * 1024 * 1024


@dataclass(frozen=True)
class InputFile:
    """A file to ingest and the format its content was detected as."""

    path: Path
    format: Format


def expand(paths: list[Path]) -> Iterator[Path]:
    """Files named by ``paths``, directories walked recursively in sorted order (hidden skipped).
    A path that does not exist is yielded as it is: ingesting it fails on its own, reported
    with the other files' results, and the other files still go in."""
    for path in paths:
        if path.is_dir():
            yield from (
                p
                for p in sorted(path.rglob("*"))
                if p.is_file() and not any(part.startswith(".") for part in p.parts[-2:])
            )
        else:
            yield path


@contextmanager
def _open(path: Path, on_open: Callable[[IO[bytes]], None] | None = None) -> Iterator[IO[bytes]]:
    """Open ``path`` for reading, transparently decompressing gzip (detected by magic bytes)."""
    with path.open("rb") as raw:
        if on_open is not None:
            on_open(raw)
        if not is_gzip(raw.peek(2)[:2]):
            yield raw
            return
        with open_gzip(raw) as unzipped, read_ahead(unzipped) as ahead:
            yield ahead


def detect(path: Path) -> InputFile:
    """Detect the format of ``path`` or raise :class:`InputError` saying why it cannot be read."""
    try:
        with _open(path) as stream:
            head = peek_head(stream, _HEAD, str(path))
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror or exc}") from exc
    fmt = sniff(head)
    if fmt is None:
        raise InputError(f"{path}: {describe(head)}")
    return InputFile(path, fmt)


def display_name(path: Path | PurePosixPath) -> str:
    """The last two path components: the stable name MedQuAD ids are built from."""
    return "/".join(path.parts[-2:])


def read(
    inp: InputFile, on_open: Callable[[IO[bytes]], None] | None = None
) -> Iterator[ParsedItem]:
    """Parse every record of ``inp``; malformed content raises :class:`InputError`.

    ``on_open`` receives the raw file handle (e.g. to report the byte position as progress).
    """
    with _open(inp.path, on_open) as stream:
        if inp.format is Format.TAR:
            yield from _read_tar(stream, str(inp.path))
        else:
            yield from PARSERS[inp.format](stream, _where(inp))


def _where(inp: InputFile) -> str:
    return display_name(inp.path) if inp.format is Format.MEDQUAD_XML else str(inp.path)


def _read_tar(stream: IO[bytes], where: str) -> Iterator[ParsedItem]:
    try:
        with tarfile.open(fileobj=stream, mode="r|") as archive:
            for member in archive:
                if member.isfile():
                    yield from _read_member(archive, member)
    except _ARCHIVE_ERRORS as exc:
        raise corrupt_input_error(where, exc, "archive") from exc


def _read_member(archive: tarfile.TarFile, member: tarfile.TarInfo) -> Iterator[ParsedItem]:
    name = display_name(PurePosixPath(member.name))
    if member.size > MAX_MEMBER_BYTES:
        yield SkippedRecord(where=name, reason="archive member larger than 64 MiB")
        return
    try:
        data = _member_bytes(archive, member, name)
        fmt = sniff(data[:_HEAD])
        if fmt is None or fmt is Format.TAR:
            yield SkippedRecord(where=name, reason=describe(data[:_HEAD]))
            return
        yield from PARSERS[fmt](io.BytesIO(data), name)
    except InputError as exc:
        yield SkippedRecord(where=name, reason=str(exc).removeprefix(f"{name}: "))


def _member_bytes(archive: tarfile.TarFile, member: tarfile.TarInfo, name: str) -> bytes:
    handle = archive.extractfile(member)
    data = handle.read() if handle else b""
    return _gunzip_member(data, name) if is_gzip(data) else data


def _gunzip_member(data: bytes, name: str) -> bytes:
    try:
        return gunzip(data)
    except CORRUPT_INPUT as exc:
        raise InputError(f"{name}: corrupt gzip member ({exc})") from exc
