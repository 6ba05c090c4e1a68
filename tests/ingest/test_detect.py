"""Format detection looks at content, never at file names."""

from __future__ import annotations

import gzip
import io
import tarfile
from pathlib import Path

import pytest

from conftest import MEDQUAD_TAR, MINI_MEDQUAD_TAR, MINI_PUBMED_2021, PUBMED_2021, shared_or_mini
from medcite.errors import InputError
from medcite.ingest import reader
from medcite.ingest.detect import Format, sniff


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (
            b'<?xml version="1.0"?>\n<!DOCTYPE PubmedArticleSet PUBLIC "x" "y">\n'
            b"<PubmedArticleSet>",
            Format.PUBMED_XML,
        ),
        (b"<MedlineCitationSet><MedlineCitation>", Format.PUBMED_XML),
        (
            b"\xef\xbb\xbf<?xml version='1.0'?><!-- c --><Document id='1' source='NINDS'>",
            Format.MEDQUAD_XML,
        ),
        (b'<doc docid="1" corpus="NINDS">', Format.MEDQUAD_XML),
        (b'  {"id": "a", "title": "t"}\n', Format.JSONL),
        (b"<doc>generic</doc>", None),
        (b"<html><body>", None),
        (b"plain text", None),
        (b"", None),
    ],
)
def test_sniff(head: bytes, expected: Format | None) -> None:
    assert sniff(head) is expected


def test_real_files_are_detected_whatever_their_names(tmp_path: Path) -> None:
    renamed = tmp_path / "data.bin"
    renamed.write_bytes(shared_or_mini(PUBMED_2021, MINI_PUBMED_2021).read_bytes()[:200_000])
    assert reader.detect(renamed).format is Format.PUBMED_XML
    assert reader.detect(shared_or_mini(MEDQUAD_TAR, MINI_MEDQUAD_TAR)).format is Format.TAR


def test_tar_members_that_fail_become_skipped_records(tmp_path: Path) -> None:
    archive = tmp_path / "mixed.tar.gz"
    good = (
        b'<Document id="1" source="NINDS" url="https://x"><Focus>Foo</Focus><QAPairs>'
        b'<QAPair pid="1"><Question qid="1-1" qtype="information">What is Foo?</Question>'
        b"<Answer>Foo is a rare disorder of the nerves. It is treated with rest.</Answer>"
        b"</QAPair></QAPairs></Document>"
    )
    with tarfile.open(archive, "w:gz") as tar:
        for name, data in [
            ("a/good.xml", good),
            ("a/bad.xml", b"<Document><QAPairs>"),
            ("a/readme.txt", b"hello"),
        ]:
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    items = list(reader.read(reader.detect(archive)))
    kinds = sorted(type(i).__name__ for i in items)
    assert kinds == ["Document", "SkippedRecord", "SkippedRecord"]


def test_empty_and_truncated_files_are_input_errors(tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.write_bytes(b"")
    with pytest.raises(InputError, match="empty"):
        reader.detect(empty)
    truncated = tmp_path / "t.gz"
    truncated.write_bytes(gzip.compress(b"<PubmedArticleSet>" * 1000)[:20])
    with pytest.raises(InputError):
        list(reader.read(reader.detect(truncated)))
