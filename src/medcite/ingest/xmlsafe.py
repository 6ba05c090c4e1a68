"""Safe, streaming XML reading shared by the XML ingest formats.

Entity resolution, DTD loading and network access are off. A document that declares entities in
an internal DTD subset (billion laughs and friends) is refused outright rather than half-parsed.
Elements are cleared as soon as the caller is done with them, so memory stays flat however large
the file is.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from typing import IO, TYPE_CHECKING, TypedDict

from lxml import etree

from medcite.errors import InputError
from medcite.ingest.compression import CORRUPT_INPUT, corrupt_input_error

if TYPE_CHECKING:
    from _typeshed import WriteableBuffer


def _reject_entity_declarations(tree: etree._ElementTree, where: str) -> None:
    dtd = tree.docinfo.internalDTD
    if dtd is None:
        return
    names = [str(e.name) for e in dtd.iterentities()]
    if names:
        raise InputError(
            f"{where}: refused: the XML declares entities ({', '.join(names[:3])}); "
            "medcite never expands XML entities, remove the DOCTYPE internal subset"
        )


class _SafeOptions(TypedDict):
    resolve_entities: bool
    no_network: bool
    load_dtd: bool
    huge_tree: bool
    remove_comments: bool
    remove_pis: bool


SAFE_PARSER_OPTIONS: _SafeOptions = {
    "resolve_entities": False,
    "no_network": True,
    "load_dtd": False,
    "huge_tree": False,
    "remove_comments": True,
    "remove_pis": True,
}
"""lxml options for every XML medcite reads: no entities, no DTD, no network, size limits on."""


def iter_elements(stream: IO[bytes], tags: tuple[str, ...], where: str) -> Iterator[etree._Element]:
    """Yield each element whose tag is in ``tags`` once it is complete, then free it.

    Raises :class:`InputError` with a one-line message for malformed, hostile or truncated input.
    """
    context = etree.iterparse(stream, events=("end",), tag=tags, **SAFE_PARSER_OPTIONS)
    checked = False
    try:
        for _event, element in context:
            if not checked:
                _reject_entity_declarations(element.getroottree(), where)
                checked = True
            yield element
            _free(element)
        if not checked and context.root is not None:
            _reject_entity_declarations(context.root.getroottree(), where)
    except etree.XMLSyntaxError as exc:
        raise InputError(f"{where}: malformed XML (line {exc.lineno}): {exc.msg}") from exc
    except CORRUPT_INPUT as exc:
        raise corrupt_input_error(where, exc) from exc


def _free(element: etree._Element) -> None:
    element.clear(keep_tail=False)
    parent = element.getparent()
    if parent is None:
        return
    while element.getprevious() is not None:
        del parent[0]


def parse_small_document(data: bytes, where: str) -> etree._Element:
    """Parse a small, whole XML document (e.g. one MedQuAD file) safely and return its root."""
    parser = etree.XMLParser(**SAFE_PARSER_OPTIONS)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        raise InputError(f"{where}: malformed XML (line {exc.lineno}): {exc.msg}") from exc
    _reject_entity_declarations(root.getroottree(), where)
    return root


def text_of(element: etree._Element | None) -> str:
    """All text inside ``element`` (including children such as ``<i>``), whitespace-normalised."""
    if element is None:
        return ""
    return " ".join("".join(element.itertext()).split())


def peekable(stream: IO[bytes]) -> IO[bytes]:
    """``stream`` itself if it can ``peek``, else a buffered reader over it that can."""
    if hasattr(stream, "peek"):
        return stream
    return io.BufferedReader(_RawAdapter(stream))


class _RawAdapter(io.RawIOBase):
    """Any object with ``read(n)`` seen as a raw stream (so io.BufferedReader can wrap it)."""

    def __init__(self, stream: IO[bytes]) -> None:
        super().__init__()
        self._stream = stream

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: WriteableBuffer, /) -> int:
        """Fill ``buffer`` completely unless the stream ends (short reads are topped up)."""
        target = memoryview(buffer).cast("B")
        filled = 0
        while filled < len(target) and (data := self._stream.read(len(target) - filled)):
            target[filled : filled + len(data)] = data
            filled += len(data)
        return filled


def peek_head(stream: IO[bytes], size: int, where: str) -> bytes:
    """The first ``size`` bytes of a peekable ``stream`` (see :func:`peekable`), not consumed."""
    peek = getattr(stream, "peek", None)
    if peek is None:
        raise TypeError("peek_head needs a stream with peek(); wrap it with peekable()")
    try:
        return bytes(peek(size)[:size])
    except CORRUPT_INPUT as exc:
        raise corrupt_input_error(where, exc) from exc
