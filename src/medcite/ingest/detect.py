"""Input format detection by content (magic bytes, XML root, first JSON line), never by name."""

from __future__ import annotations

import re
from enum import StrEnum

GZIP_MAGIC = b"\x1f\x8b"
_TAR_MAGIC_OFFSET = 257
_XML_PROLOGUE = re.compile(
    rb"^\s*(?:<\?.*?\?>\s*|<!--.*?-->\s*|<!DOCTYPE[^\[>]*(?:\[.*?\])?\s*>\s*)*", re.S
)
_XML_ROOT = re.compile(rb"<([A-Za-z_][\w.:-]*)")


class Format(StrEnum):
    """Formats medcite can ingest."""

    PUBMED_XML = "pubmed-xml"
    MEDQUAD_XML = "medquad-xml"
    JSONL = "jsonl"
    PUBMEDQA_JSON = "pubmedqa-json"
    TAR = "tar"
    OPENFDA_LABELS = "openfda-labels"
    MEDLINEPLUS_XML = "medlineplus-xml"


_ROOTS: dict[bytes, Format] = {
    b"PubmedArticleSet": Format.PUBMED_XML,
    b"MedlineCitationSet": Format.PUBMED_XML,
    b"PubmedBookArticleSet": Format.PUBMED_XML,
    b"PubmedArticle": Format.PUBMED_XML,
    b"Document": Format.MEDQUAD_XML,
    b"DiseaseFile": Format.MEDQUAD_XML,
    b"health-topics": Format.MEDLINEPLUS_XML,
}
_PUBMEDQA = re.compile(rb'\{\s*"\d+"\s*:\s*\{\s*"QUESTION"')
"""PubMedQA (ori_pqal.json): one JSON object keyed by PMID, each with QUESTION, CONTEXTS ..."""
_ZIP_MAGIC = b"PK\x03\x04"
_ZIP_NAME_OFFSET = 30
_OPENFDA_MEMBER = re.compile(rb"(?:^|/)[\w.-]*label[\w.-]*\.json$")
"""openFDA bulk label ZIPs hold one member named like ``drug-label-0001-of-0013.json``."""
_OPENFDA_JSON = re.compile(rb'^\{\s*"meta"\s*:\s*\{')
_OPENFDA_CUES = re.compile(rb'openFDA|"openfda"\s*:|"set_id"\s*:|"spl_product_data_elements"')
"""openFDA answers and bulk files open with ``{"meta": {"disclaimer": "... openFDA ..."``."""
_LEGACY_MEDQUAD_ROOT = re.compile(rb"<doc\s[^>]*\bcorpus=")
"""Four NINDS files use an older schema: ``<doc docid=... corpus=...>``."""


def is_gzip(head: bytes) -> bool:
    return head[:2] == GZIP_MAGIC


def is_openfda_labels(head: bytes, stripped: bytes) -> bool:
    """An openFDA label ZIP (by its first member's name) or ``{"meta": ..., "results": ...}``."""
    if head.startswith(_ZIP_MAGIC):
        size = int.from_bytes(head[26:28], "little")
        return bool(_OPENFDA_MEMBER.search(head[_ZIP_NAME_OFFSET : _ZIP_NAME_OFFSET + size]))
    return bool(_OPENFDA_JSON.match(stripped) and _OPENFDA_CUES.search(stripped))


def xml_root(head: bytes) -> str | None:
    """Name of the root element of the XML document starting with ``head``, if recognisable."""
    body = head.lstrip(b"\xef\xbb\xbf")
    prologue = _XML_PROLOGUE.match(body)
    rest = body[prologue.end() :] if prologue else body
    match = _XML_ROOT.match(rest)
    return match.group(1).decode("ascii", "replace") if match else None


def sniff(head: bytes) -> Format | None:
    """Detect the format of (decompressed) content from its first bytes; None if unknown."""
    if head[_TAR_MAGIC_OFFSET : _TAR_MAGIC_OFFSET + 5] == b"ustar":
        return Format.TAR
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if is_openfda_labels(head, stripped):
        return Format.OPENFDA_LABELS
    if stripped.startswith(b"{"):
        return Format.PUBMEDQA_JSON if _PUBMEDQA.match(stripped) else Format.JSONL
    root = xml_root(head)
    if root == "doc" and _LEGACY_MEDQUAD_ROOT.search(head):
        return Format.MEDQUAD_XML
    return _ROOTS.get(root.encode()) if root else None


def describe(head: bytes) -> str:
    """A short human description of unrecognised content, for error messages."""
    if not head.strip():
        return "the file is empty"
    root = xml_root(head)
    if root:
        return f"XML with root <{root}> is not a format medcite knows"
    return (
        "content is neither PubMed XML, MedQuAD XML, JSONL, openFDA drug labels nor a tar "
        "archive of them"
    )
