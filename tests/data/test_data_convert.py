"""The converters behind `medcite data fetch medquad|mesh|sample`, and those targets end to end."""

from __future__ import annotations

import gzip
import hashlib
import io
import tarfile
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from medcite.data import catalog
from medcite.data.catalog import Checksum, Remote, Target
from medcite.data.convert import gzip_file, medquad_xml_tar, mesh_tsvs
from medcite.data.download import Downloader, DownloadSettings, client
from medcite.data.fetch import Fetcher
from medcite.errors import InputError
from medcite.query.vocab import Vocabulary, load_mesh_terms

from .local_mirror import Mirror

DESCRIPTORS = b"""<?xml version="1.0"?>
<!DOCTYPE DescriptorRecordSet SYSTEM "desc2026.dtd">
<DescriptorRecordSet LanguageCode="eng">
<DescriptorRecord DescriptorClass="1">
  <DescriptorUI>D019569</DescriptorUI>
  <DescriptorName><String>Hemifacial Spasm</String></DescriptorName>
  <TreeNumberList><TreeNumber>C10.228.140.163</TreeNumber><TreeNumber>C10.292.319.500</TreeNumber>
  </TreeNumberList>
  <ConceptList>
    <Concept PreferredConceptYN="Y"><TermList>
      <Term><String>Hemifacial Spasm</String></Term>
      <Term><String>Unilateral Facial Spasm</String></Term>
    </TermList></Concept>
    <Concept PreferredConceptYN="N"><TermList>
      <Term><String>Hemifacial Myokymia</String></Term>
    </TermList></Concept>
  </ConceptList>
</DescriptorRecord>
<DescriptorRecord DescriptorClass="1">
  <DescriptorUI>D005207</DescriptorUI>
  <DescriptorName><String>Fasciculation</String></DescriptorName>
  <ConceptList><Concept><TermList><Term><String>Benign Fasciculation</String></Term></TermList>
  </Concept></ConceptList>
</DescriptorRecord>
</DescriptorRecordSet>
"""
MEDQUAD_XML = (
    b'<?xml version="1.0"?><Document id="0000145" source="NINDS">'
    b"<Focus>Hemifacial Spasm</Focus></Document>"
)
MEDQUAD_TOP = f"MedQuAD-{catalog.MEDQUAD_COMMIT}"


def tsv_rows(path: Path) -> list[list[str]]:
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        return [line.rstrip("\n").split("\t") for line in handle]


def test_mesh_descriptor_xml_becomes_the_terms_and_trees_tsvs_vocab_load_reads(
    tmp_path: Path,
) -> None:
    source = tmp_path / "desc2026.gz"
    source.write_bytes(gzip.compress(DESCRIPTORS))
    terms, trees = tmp_path / "terms.tsv.gz", tmp_path / "trees.tsv.gz"

    assert mesh_tsvs(source, terms, trees) == 2

    assert tsv_rows(terms) == [
        ["DescriptorUI", "DescriptorName", "TermName"],
        ["D019569", "hemifacial spasm", "hemifacial myokymia"],
        ["D019569", "hemifacial spasm", "hemifacial spasm"],
        ["D019569", "hemifacial spasm", "unilateral facial spasm"],
        ["D005207", "fasciculation", "benign fasciculation"],
        ["D005207", "fasciculation", "fasciculation"],
    ]
    assert tsv_rows(trees)[1:] == [
        ["D019569", "hemifacial spasm", "C10.228.140.163"],
        ["D019569", "hemifacial spasm", "C10.292.319.500"],
    ]
    db = tmp_path / "vocab.sqlite"
    assert load_mesh_terms(db, terms, trees) == 5
    vocab = Vocabulary(db)
    found = vocab.lookup(["unilateral facial spasm"])
    vocab.close()
    assert [(c.name, c.trees) for c in found] == [("hemifacial spasm", "C")]


def test_a_malformed_descriptor_file_is_an_input_error_and_leaves_no_part_files(
    tmp_path: Path,
) -> None:
    source = tmp_path / "desc.gz"
    source.write_bytes(gzip.compress(DESCRIPTORS[:600]))

    with pytest.raises(InputError, match="malformed XML"):
        mesh_tsvs(source, tmp_path / "t.tsv.gz", tmp_path / "r.tsv.gz")

    assert sorted(p.name for p in tmp_path.iterdir()) == ["desc.gz"]


def github_archive(files: dict[str, bytes]) -> bytes:
    """A tar.gz laid out like GitHub's archive of a commit (one top folder)."""
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz") as tar:
        for name, data in files.items():
            info = tarfile.TarInfo(f"{MEDQUAD_TOP}/{name}")
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    return buffer.getvalue()


def test_the_medquad_archive_is_repacked_with_only_the_xml_folders(tmp_path: Path) -> None:
    archive = tmp_path / "gh.tar.gz"
    archive.write_bytes(
        github_archive(
            {
                "readme.txt": b"MedQuAD",
                "QA-TestSet-LiveQA-Med-Qrels-2479-Answers.zip": b"PK",
                "6_NINDS_QA/0000145.xml": MEDQUAD_XML,
                "9_CDC_QA/0000001.xml": MEDQUAD_XML,
                "9_CDC_QA/notes.txt": b"not a QA file",
            }
        )
    )
    output = tmp_path / "MedQuAD-xml.tar.gz"

    assert medquad_xml_tar(archive, output) == 2

    with tarfile.open(output) as tar:
        assert tar.getnames() == [
            "6_NINDS_QA",
            "6_NINDS_QA/0000145.xml",
            "9_CDC_QA",
            "9_CDC_QA/0000001.xml",
        ]
        member = tar.extractfile("6_NINDS_QA/0000145.xml")
        assert member is not None and member.read() == MEDQUAD_XML


def test_an_archive_without_medquad_folders_is_refused(tmp_path: Path) -> None:
    archive = tmp_path / "gh.tar.gz"
    archive.write_bytes(github_archive({"readme.txt": b"hello"}))

    with pytest.raises(InputError, match="no MedQuAD XML folders"):
        medquad_xml_tar(archive, tmp_path / "out.tar.gz")
    assert not (tmp_path / "out.tar.gz.part").exists()


def test_gzip_file_keeps_the_content(tmp_path: Path) -> None:
    source = tmp_path / "ori_pqal.json"
    source.write_text('{"1": {"QUESTION": "q"}}')

    gzip_file(source, tmp_path / "ori_pqal.json.gz")

    assert gzip.decompress((tmp_path / "ori_pqal.json.gz").read_bytes()) == source.read_bytes()


# --- targets end to end, over the local mirror ------------------------------------------------


@pytest.fixture
def http() -> Iterator[httpx.Client]:
    with client(DownloadSettings(retries=0)) as c:
        yield c


def pinned(url: str, path: str, data: bytes, mirror: Mirror) -> Remote:
    mirror.put(url, data)
    return Remote(url, path, Checksum.PINNED, hashlib.sha256(data).hexdigest())


def test_sample_fetches_the_demo_layout_and_a_rerun_converts_nothing(
    tmp_path: Path, mirror: Mirror, http: httpx.Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("PUBMED_2021", "PUBMED_1977", "PUBMEDQA"):
        real: Remote = getattr(catalog, name)
        fake = pinned(real.url, real.path, f"<{name}/>".encode(), mirror)
        monkeypatch.setattr(catalog, name, fake)
    mirror.put(catalog.MEDQUAD_ARCHIVE.url, github_archive({"6_NINDS_QA/1.xml": MEDQUAD_XML}))
    mirror.put(
        catalog.MESH_XML_URL + "index.html", b'<a href="desc2025.gz"></a><a href="desc2026.gz">'
    )
    mirror.put(catalog.MESH_XML_URL + "desc2026.gz", gzip.compress(DESCRIPTORS))
    dest = tmp_path / "corpora"
    fetcher = Fetcher(dest, Downloader(http), mirror.url)

    results = fetcher.run(fetcher.plan(Target.sample))
    rerun = fetcher.run(fetcher.plan(Target.sample))

    for path in (
        "pubmed-xml/pubmed21n1298.xml.gz",
        "pubmed-xml/pubmed20n0014.xml.gz",
        "medquad/MedQuAD-xml.tar.gz",
        "pubmedqa-pqal/ori_pqal.json.gz",
        "mesh/mesh2026_descriptor_terms.tsv.gz",
        "mesh/mesh2026_descriptor_trees.tsv.gz",
    ):
        assert (dest / path).is_file(), path
    assert {r.status for r in results} == {"downloaded", "converted"}
    assert {r.status for r in rerun} == {"already complete"}
    assert not list(dest.rglob("*.part"))
    entry = fetcher.manifest.get("mesh/mesh2026_descriptor_terms.tsv.gz")
    assert entry is not None and entry.verified_by == "converted from mesh/desc2026.gz"


def test_a_new_download_of_the_source_makes_the_conversion_run_again(
    tmp_path: Path, mirror: Mirror, http: httpx.Client
) -> None:
    mirror.put(catalog.MESH_XML_URL + "desc2026.gz", gzip.compress(DESCRIPTORS))
    dest = tmp_path / "corpora"
    fetcher = Fetcher(dest, Downloader(http), mirror.url)
    fetcher.run(fetcher.plan(Target.mesh, mesh_year=2026))
    (dest / "mesh" / "desc2026.gz").write_bytes(b"damaged")  # recorded sha256 no longer matches
    changed = DESCRIPTORS.replace(b"Benign Fasciculation", b"Muscle Fasciculation")
    mirror.put(catalog.MESH_XML_URL + "desc2026.gz", gzip.compress(changed))

    results = fetcher.run(fetcher.plan(Target.mesh, mesh_year=2026))

    assert [r.status for r in results] == ["downloaded", "converted", "converted"]
    terms = tsv_rows(dest / "mesh" / "mesh2026_descriptor_terms.tsv.gz")
    assert ["D005207", "fasciculation", "muscle fasciculation"] in terms
