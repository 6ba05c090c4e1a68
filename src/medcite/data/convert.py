"""Small converters from an upstream file to the file medcite's sample layout names.

* MeSH: NLM's descriptor XML (``desc<year>.gz``) → the two TSVs ``medcite vocab load`` reads
  (DescriptorUI, DescriptorName, TermName) and (DescriptorUI, DescriptorName, tree_location),
  names and terms lower-cased like the sample extract made from PubmedMTK's table.
* MedQuAD: GitHub's archive of the repository → ``MedQuAD-xml.tar.gz`` holding only the 12
  ``N_Name/*.xml`` folders (the top folder GitHub adds is dropped; files unchanged).
* PubMedQA: ``ori_pqal.json`` → ``ori_pqal.json.gz`` (content unchanged).

Each writes ``<output>.part`` files and renames them into place only when complete.
"""

from __future__ import annotations

import csv
import gzip
import io
import re
import shutil
import tarfile
from collections.abc import Iterator
from contextlib import ExitStack
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING

from lxml import etree

if TYPE_CHECKING:
    from _csv import Writer

from medcite.errors import InputError
from medcite.ingest.compression import open_gzip
from medcite.ingest.xmlsafe import iter_elements

MEDQUAD_MEMBER = re.compile(r"\d+_[^/]+/[^/]+\.xml")
"""``6_NINDS_QA/0000145.xml``: the QA files of MedQuAD's 12 source folders."""
TERM_PATH = "ConceptList/Concept/TermList/Term/String"


def gzip_file(source: Path, output: Path) -> None:
    """``output`` = ``source`` gzipped (no name or time in the header: reproducible bytes)."""
    part = _part(output)
    with (
        source.open("rb") as src,
        part.open("wb") as raw,
        gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0) as out,
    ):
        shutil.copyfileobj(src, out, 1 << 20)
    part.replace(output)


def medquad_xml_tar(archive: Path, output: Path) -> int:
    """Repack GitHub's MedQuAD archive as ``MedQuAD-xml.tar.gz``; returns the files kept."""
    part = _part(output)
    kept = 0
    try:
        with tarfile.open(archive, "r:gz") as src, tarfile.open(part, "w:gz") as out:
            folders: set[str] = set()
            for member, name in _medquad_members(src):
                _add_folder(out, name.split("/")[0], folders)
                data = src.extractfile(member)
                out.addfile(_info(name, member.size), data)
                kept += 1
    except (tarfile.TarError, OSError, EOFError) as exc:
        part.unlink(missing_ok=True)
        raise InputError(f"{archive}: not a readable MedQuAD archive ({exc})") from exc
    if not kept:
        part.unlink()
        raise InputError(f"{archive}: no MedQuAD XML folders (N_Name/*.xml) in the archive")
    part.replace(output)
    return kept


def _medquad_members(src: tarfile.TarFile) -> Iterator[tuple[tarfile.TarInfo, str]]:
    for member in src:
        name = "/".join(PurePosixPath(member.name).parts[1:])
        if member.isfile() and MEDQUAD_MEMBER.fullmatch(name):
            yield member, name


def _add_folder(out: tarfile.TarFile, folder: str, seen: set[str]) -> None:
    if folder not in seen:
        info = _info(folder + "/", 0)
        info.type = tarfile.DIRTYPE
        info.mode = 0o755
        out.addfile(info)
        seen.add(folder)


def _info(name: str, size: int) -> tarfile.TarInfo:
    info = tarfile.TarInfo(name)
    info.size = size
    info.mode = 0o644
    return info


def mesh_tsvs(descriptors: Path, terms_out: Path, trees_out: Path) -> int:
    """Write the terms and trees TSVs from MeSH descriptor XML; returns the descriptors read."""
    parts = (_part(terms_out), _part(trees_out))
    try:
        count = _write_mesh_tsvs(descriptors, terms_out, trees_out)
    except BaseException:
        for part in parts:
            part.unlink(missing_ok=True)
        raise
    parts[0].replace(terms_out)
    parts[1].replace(trees_out)
    return count


def _write_mesh_tsvs(descriptors: Path, terms_out: Path, trees_out: Path) -> int:
    count = 0
    with ExitStack() as stack:
        terms = _tsv_writer(stack, terms_out, ("DescriptorUI", "DescriptorName", "TermName"))
        trees = _tsv_writer(stack, trees_out, ("DescriptorUI", "DescriptorName", "tree_location"))
        for ui, name, entry_terms, numbers in _descriptors(stack, descriptors):
            terms.writerows((ui, name, term) for term in entry_terms)
            trees.writerows((ui, name, number) for number in numbers)
            count += 1
    if not count:
        raise InputError(f"{descriptors}: no <DescriptorRecord> found; is it MeSH descriptor XML?")
    return count


def _descriptors(stack: ExitStack, path: Path) -> Iterator[tuple[str, str, list[str], list[str]]]:
    raw = stack.enter_context(path.open("rb"))
    stream = stack.enter_context(open_gzip(raw)) if raw.peek(2)[:2] == b"\x1f\x8b" else raw
    for record in iter_elements(stream, ("DescriptorRecord",), str(path)):
        ui = _text(record.find("DescriptorUI"))
        name = _text(record.find("DescriptorName/String")).lower()
        if not ui or not name:
            continue
        entry_terms = {_text(t).lower() for t in record.iterfind(TERM_PATH)}
        entry_terms.add(name)
        numbers = [_text(n) for n in record.iterfind("TreeNumberList/TreeNumber")]
        yield ui, name, sorted(t for t in entry_terms if t), [n for n in numbers if n]


def _text(element: etree._Element | None) -> str:
    return " ".join((element.text or "").split()) if element is not None else ""


def _tsv_writer(stack: ExitStack, output: Path, header: tuple[str, ...]) -> Writer:
    raw = stack.enter_context(_part(output).open("wb"))
    zipped = stack.enter_context(gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0))
    text = stack.enter_context(io.TextIOWrapper(zipped, encoding="utf-8", newline=""))
    writer = csv.writer(
        text, delimiter="\t", quoting=csv.QUOTE_NONE, escapechar="\\", lineterminator="\n"
    )
    writer.writerow(header)
    return writer


def _part(output: Path) -> Path:
    output.parent.mkdir(parents=True, exist_ok=True)
    return output.with_name(output.name + ".part")
